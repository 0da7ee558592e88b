#include "common/progress.h"

#include <catch2/catch.hpp>

namespace casesift {
namespace {

TEST_CASE("the progress line shows records, bytes and rate", "[progress]") {
  CHECK(Progress::Format(1204311, 1210000000, 0, 2.0) == "1,204,311 records  1.21 GB  605.0 MB/s");
  CHECK(Progress::Format(0, 0, 0, 0) == "0 records  0 B  0 B/s");
  CHECK(Progress::Format(999, 1500, 0, 1.0) == "999 records  1.5 kB  1.5 kB/s");
}

TEST_CASE("percent and time left appear when the total is known", "[progress]") {
  CHECK(Progress::Format(1000, 500000000, 1000000000, 5.0) ==
        "1,000 records  500.0 MB  100.0 MB/s  50%  0:05 left");
  CHECK(Progress::Format(1000, 100000000, 1000000000, 10.0) ==
        "1,000 records  100.0 MB  10.0 MB/s  10%  1:30 left");
}

TEST_CASE("progress is off when asked, or quiet, or not on a terminal", "[progress]") {
  CHECK(!Progress(Progress::Mode::kOff, false).enabled());
  CHECK(Progress(Progress::Mode::kOn, true).enabled());
  // The test runner's standard error is a pipe or file, so kAuto stays off.
  if (!isatty(STDERR_FILENO)) CHECK(!Progress(Progress::Mode::kAuto, false).enabled());
  CHECK(!Progress(Progress::Mode::kAuto, true).enabled());
}

}  // namespace
}  // namespace casesift
