#include "common/bad_records.h"

#include <catch2/catch.hpp>

#include "common/diagnostics.h"
#include "tests/support/capture_stderr.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

using testing::CaptureStderr;
using testing::TempDir;

Status Bad() { return Status::InvalidData("bad").At(Location{"in.jsonl", 2, 1}, "xx"); }

TEST_CASE("fail mode hands the error back and counts nothing", "[bad_records]") {
  BadRecords bad(OnError::kFail, nullptr);
  CHECK(bad.Reject(Bad(), "xx").ToString() == Bad().ToString());
  CHECK(bad.count() == 0);
}

TEST_CASE("skip mode writes lines to the rejects and reports the count once", "[bad_records]") {
  TempDir dir;
  auto rejects = Output::Open(dir.File("rej"));
  REQUIRE(rejects.ok());
  BadRecords bad(OnError::kSkip, rejects->get());
  CaptureStderr capture;
  REQUIRE(bad.Reject(Bad(), "line one").ok());
  REQUIRE(bad.BeginReject(Bad()).ok());
  REQUIRE(bad.RejectBytes("in ").ok());
  REQUIRE(bad.RejectBytes("pieces").ok());
  REQUIRE(bad.EndReject().ok());
  bad.Finish(/*quiet=*/false);
  REQUIRE((*rejects)->Commit().ok());
  CHECK(bad.count() == 2);
  CHECK(TempDir::Read(dir.File("rej")) == "line one\nin pieces\n");
  CHECK(capture.Text() == "casesift: 2 bad records skipped (written to " + dir.File("rej") + ")\n");
}

TEST_CASE("warn mode also prints each error; quiet silences the count", "[bad_records]") {
  BadRecords bad(OnError::kWarn, nullptr);
  CaptureStderr capture;
  REQUIRE(bad.Reject(Bad(), "xx").ok());
  bad.Finish(/*quiet=*/true);
  CHECK(capture.Text() == "casesift: in.jsonl:2:1: bad\n    xx\n    ^\n");
}

TEST_CASE("one bad record is singular", "[bad_records]") {
  BadRecords bad(OnError::kSkip, nullptr);
  CaptureStderr capture;
  REQUIRE(bad.Reject(Bad(), "xx").ok());
  bad.Finish(false);
  CHECK(capture.Text() == "casesift: 1 bad record skipped (dropped)\n");
}

}  // namespace
}  // namespace casesift
