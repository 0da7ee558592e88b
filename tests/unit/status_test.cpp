#include "common/status.h"

#include <catch2/catch.hpp>

namespace casesift {
namespace {

TEST_CASE("an OK status is cheap and says OK", "[status]") {
  Status s;
  CHECK(s.ok());
  CHECK(s.ToString() == "OK");
  CHECK(s.ExitCode() == 0);
  CHECK(s.message().empty());
  CHECK(s.location() == nullptr);
}

TEST_CASE("each category maps to its exit status", "[status]") {
  CHECK(Status::InvalidData("x").ExitCode() == 1);
  CHECK(Status::Usage("x").ExitCode() == 2);
  CHECK(Status::IoError("x").ExitCode() == 3);
  CHECK(Status::BrokenPipe().ExitCode() == 0);
  CHECK(Status::InvalidData("x").IsInvalidData());
  CHECK(Status::Usage("x").IsUsage());
  CHECK(Status::IoError("x").IsIoError());
  CHECK(Status::BrokenPipe().IsBrokenPipe());
}

TEST_CASE("a located status renders in the GNU form with a caret", "[status]") {
  Status s = Status::Usage("unknown modifier 'contians' (did you mean 'contains'?)")
                 .At(Location{"rules/divorce.yaml", 12, 11}, "    cause|contians: x");
  CHECK(s.ToString() ==
        "rules/divorce.yaml:12:11: unknown modifier 'contians' (did you mean 'contains'?)\n"
        "        cause|contians: x\n"
        "              ^");
  REQUIRE(s.location() != nullptr);
  CHECK(s.location()->line == 12);
  CHECK(s.message() == "unknown modifier 'contians' (did you mean 'contains'?)");
}

TEST_CASE("a location without a column or source prints only what it knows", "[status]") {
  CHECK(Status::InvalidData("bad").At(Location{"a.jsonl", 3, 0}).ToString() == "a.jsonl:3: bad");
  CHECK(Status::InvalidData("bad").At(Location{"a.jsonl", 3, 5}).ToString() == "a.jsonl:3:5: bad");
  CHECK(Status::InvalidData("bad").At(Location{"a.jsonl", 0, 0}).ToString() == "a.jsonl: bad");
}

TEST_CASE("an empty file name prints the caret but no prefix", "[status]") {
  Status s = Status::Usage("expected ']'").At(Location{"", 1, 4}, "a[0");
  CHECK(s.ToString() == "expected ']'\n    a[0\n       ^");
}

TEST_CASE("the caret counts wide characters as two cells", "[status]") {
  // "离婚" is two characters, six bytes, two cells each; column 10 is the colon.
  CHECK(RenderCaret("{\"离婚\":x}", 10) == "    {\"离婚\":x}\n           ^");
}

TEST_CASE("the caret shows invalid bytes and control characters safely", "[status]") {
  CHECK(RenderCaret("a\xff"
                    "b",
                    3) == "    a\\xffb\n         ^");
  CHECK(RenderCaret("a\tb", 3) == "    a b\n      ^");
}

TEST_CASE("a long line is cut around the column", "[status]") {
  std::string line(200, 'a');
  line[150] = 'X';
  std::string out = RenderCaret(line, 151, 20);
  CHECK(out == "    ..." + std::string(10, 'a') + "X" + std::string(9, 'a') + "...\n    " +
                   std::string(13, ' ') + "^");
}

TEST_CASE("Prefixed keeps the category and location", "[status]") {
  Status s = Status::Usage("expected ']'").At(Location{"", 1, 2}, "a[").Prefixed("--get");
  CHECK(s.IsUsage());
  CHECK(s.message() == "--get: expected ']'");
}

TEST_CASE("FromErrno names the error", "[status]") {
  CHECK(Status::FromErrno("cannot open 'x'", ENOENT).ToString() ==
        "cannot open 'x': No such file or directory");
}

TEST_CASE("Result holds a value or a status", "[status]") {
  Result<int> good = 7;
  REQUIRE(good.ok());
  CHECK(*good == 7);
  CHECK(good.status().ok());
  Result<int> bad = Status::IoError("disk full");
  CHECK(!bad.ok());
  CHECK(bad.status().ToString() == "disk full");
}

}  // namespace
}  // namespace casesift
