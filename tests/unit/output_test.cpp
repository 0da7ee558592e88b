#include "common/output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

using testing::TempDir;

TEST_CASE("a named output appears only when committed", "[output]") {
  TempDir dir;
  std::string path = dir.File("out.jsonl");
  {
    Result<std::unique_ptr<Output>> out = Output::Open(path);
    REQUIRE(out.ok());
    REQUIRE((*out)->WriteRecord("{\"a\":1}").ok());
    REQUIRE((*out)->Flush().ok());
    CHECK(dir.Listing().find("out.jsonl") != std::string::npos);  // the temporary
    CHECK(dir.Listing() != "out.jsonl");
    REQUIRE((*out)->Commit().ok());
    CHECK((*out)->bytes_written() == 8);
  }
  CHECK(dir.Listing() == "out.jsonl");
  CHECK(TempDir::Read(path) == "{\"a\":1}\n");
}

TEST_CASE("an output dropped without commit leaves nothing behind", "[output]") {
  TempDir dir;
  dir.Write("out.jsonl", "old contents\n");
  {
    Result<std::unique_ptr<Output>> out = Output::Open(dir.File("out.jsonl"));
    REQUIRE(out.ok());
    REQUIRE((*out)->WriteRecord("{\"new\":true}").ok());
  }
  CHECK(dir.Listing() == "out.jsonl");
  CHECK(TempDir::Read(dir.File("out.jsonl")) == "old contents\n");
}

TEST_CASE("the committed file gets the usual permissions", "[output]") {
  TempDir dir;
  mode_t old = umask(022);
  {
    auto out = Output::Open(dir.File("o"));
    REQUIRE(out.ok());
    REQUIRE((*out)->Commit().ok());
  }
  umask(old);
  struct stat st;
  REQUIRE(stat(dir.File("o").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
}

TEST_CASE("writes larger than the buffer go straight through", "[output]") {
  TempDir dir;
  Output::Options options;
  options.buffer_size = 16;
  auto out = Output::Open(dir.File("big"), options);
  REQUIRE(out.ok());
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    std::string rec(static_cast<size_t>(i % 40), 'x');
    REQUIRE((*out)->WriteRecord(rec).ok());
    expected += rec + "\n";
  }
  REQUIRE((*out)->Commit().ok());
  CHECK(TempDir::Read(dir.File("big")) == expected);
}

TEST_CASE("a missing folder is a system error naming the file", "[output]") {
  Result<std::unique_ptr<Output>> out = Output::Open("/nonexistent-dir/out.jsonl");
  REQUIRE(!out.ok());
  CHECK(out.status().IsIoError());
  CHECK(out.status().ToString() ==
        "cannot create '/nonexistent-dir/out.jsonl': No such file or directory");
}

TEST_CASE("a full disk is a system error, and it sticks", "[output]") {
  auto out = Output::Open("/dev/full");
  REQUIRE(out.ok());
  REQUIRE((*out)->WriteRecord("{}").ok());  // buffered
  Status s = (*out)->Commit();
  CHECK(s.IsIoError());
  CHECK(s.ToString() == "cannot write to '/dev/full': No space left on device");
  CHECK((*out)->WriteRecord("{}").ToString() == s.ToString());
}

TEST_CASE("a closed pipe is a broken pipe, not an error", "[output]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  signal(SIGPIPE, SIG_IGN);
  close(fds[0]);
  std::string path = "/dev/fd/" + std::to_string(fds[1]);
  auto out = Output::Open(path);
  REQUIRE(out.ok());
  REQUIRE((*out)->Write("data").ok());
  Status s = (*out)->Flush();
  CHECK(s.IsBrokenPipe());
  CHECK(s.ExitCode() == 0);
  close(fds[1]);
}

}  // namespace
}  // namespace casesift

namespace casesift {
namespace {

TEST_CASE("a line-buffered output hands each record over at once", "[output]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  Output::Options options;
  options.line_buffered = true;
  auto out = Output::Open("/dev/fd/" + std::to_string(fds[1]), options);
  REQUIRE(out.ok());
  REQUIRE((*out)->WriteRecord("{\"live\":1}").ok());
  char buf[64];
  ssize_t n = read(fds[0], buf, sizeof buf);
  CHECK(std::string(buf, n > 0 ? static_cast<size_t>(n) : 0) == "{\"live\":1}\n");
  close(fds[0]);
  close(fds[1]);
}

}  // namespace
}  // namespace casesift
