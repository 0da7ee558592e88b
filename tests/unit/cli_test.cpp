#include "common/cli.h"

#include <catch2/catch.hpp>

#include "common/build_info.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

using testing::TempDir;

TEST_CASE("the version names the tool, the commit and the libraries", "[cli]") {
  std::string v = VersionText({"rule-match", {{"RE2", "2022-12-01"}}});
  CHECK(v.rfind(std::string("rule-match (casesift) ") + kVersion + "\ncommit " + kGitCommit +
                    "\nlibraries: simdjson 3.",
                0) == 0);
  CHECK(v.find(", fmt ") != std::string::npos);
  CHECK(v.find(", xxHash 0.") != std::string::npos);
  CHECK(v.find(", CLI11 ") != std::string::npos);
  CHECK(v.find(", RE2 2022-12-01\n") != std::string::npos);
}

int Parse(CommonOptions* options, std::vector<std::string> args) {
  CLI::App app;
  AddCommonOptions(&app, options);
  std::vector<const char*> argv = {"tool"};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  } catch (const CLI::ParseError& e) {
    return e.get_exit_code() == 0 ? 0 : 2;
  }
  return 0;
}

TEST_CASE("the common options parse into CommonOptions", "[cli]") {
  CommonOptions o;
  REQUIRE(Parse(&o, {"-o", "out.jsonl", "--on-error", "warn", "--rejects", "bad.jsonl",
                     "--max-line", "1M", "-q", "--no-progress", "--line-buffered", "a", "-"}) == 0);
  CHECK(o.output == "out.jsonl");
  CHECK(o.on_error == OnError::kWarn);
  CHECK(o.rejects == "bad.jsonl");
  CHECK(o.max_line == 1048576);
  CHECK(o.quiet);
  CHECK(o.progress == Progress::Mode::kOff);
  CHECK(o.line_buffered);
  CHECK(o.inputs == std::vector<std::string>{"a", "-"});
  CommonOptions d;
  REQUIRE(Parse(&d, {}) == 0);
  CHECK(d.output == "-");
  CHECK(d.on_error == OnError::kFail);
  CHECK(d.max_line == uint64_t{64} << 20);
  CHECK(d.progress == Progress::Mode::kAuto);
}

TEST_CASE("a bad --on-error is a usage error", "[cli]") {
  CommonOptions o;
  CHECK(Parse(&o, {"--on-error", "ignore"}) == 2);
}

TEST_CASE("a stream commits its output and rejects only on Finish", "[cli]") {
  TempDir dir;
  CommonOptions o;
  o.inputs = {dir.Write("in", "{\"a\":1}\nbad\n")};
  o.output = dir.File("out");
  o.rejects = dir.File("rej");
  o.on_error = OnError::kSkip;
  o.quiet = true;
  {
    auto s = Stream::Open(o);
    REQUIRE(s.ok());
    JsonlReader::Record rec;
    while ((*s)->reader().Next(&rec)) REQUIRE((*s)->out().WriteRecord(rec.text).ok());
    REQUIRE((*s)->reader().status().ok());
    CHECK(dir.Listing().find(" out") == std::string::npos);
    REQUIRE((*s)->Finish().ok());
  }
  CHECK(dir.Listing() == "in out rej");
  CHECK(TempDir::Read(dir.File("out")) == "{\"a\":1}\n");
  CHECK(TempDir::Read(dir.File("rej")) == "bad\n");
}

TEST_CASE("a stream that is not finished leaves no files", "[cli]") {
  TempDir dir;
  CommonOptions o;
  o.inputs = {dir.Write("in", "{\"a\":1}\n")};
  o.output = dir.File("out");
  {
    auto s = Stream::Open(o);
    REQUIRE(s.ok());
  }
  CHECK(dir.Listing() == "in");
}

TEST_CASE("rejects without skip or warn is a usage error", "[cli]") {
  CommonOptions o;
  o.rejects = "bad.jsonl";
  Result<std::unique_ptr<Stream>> s = Stream::Open(o);
  REQUIRE(!s.ok());
  CHECK(s.status().IsUsage());
  CHECK(s.status().ToString() == "--rejects needs --on-error=skip or --on-error=warn");
}

TEST_CASE("a missing input fails before any output file is made", "[cli]") {
  TempDir dir;
  CommonOptions o;
  o.inputs = {dir.File("missing")};
  o.output = dir.File("out");
  Result<std::unique_ptr<Stream>> s = Stream::Open(o);
  REQUIRE(!s.ok());
  CHECK(s.status().IsIoError());
  CHECK(dir.Listing().empty());
}

}  // namespace
}  // namespace casesift
