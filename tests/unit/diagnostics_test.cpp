#include "common/diagnostics.h"

#include <catch2/catch.hpp>

#include "tests/support/capture_stderr.h"

namespace casesift {
namespace {

using testing::CaptureStderr;

TEST_CASE("messages start with the program's name", "[diagnostics]") {
  SetProgramName("/usr/local/bin/rule-match");
  CHECK(ProgramName() == "rule-match");
  CaptureStderr capture;
  PrintMessage("3 bad records skipped (dropped)");
  PrintError(Status::InvalidData("expected ',' or '}' after object member")
                 .At(Location{"cases.jsonl", 1000001, 8}, "{\"a\":1 \"b\":2}"));
  CHECK(capture.Text() ==
        "rule-match: 3 bad records skipped (dropped)\n"
        "rule-match: cases.jsonl:1000001:8: expected ',' or '}' after object member\n"
        "    {\"a\":1 \"b\":2}\n"
        "           ^\n");
  SetProgramName("casesift");
}

int g_erased = 0;
void CountErase() { ++g_erased; }

TEST_CASE("an active status line is erased before a message", "[diagnostics]") {
  SetStatusLineEraser(CountErase);
  {
    CaptureStderr capture;
    PrintMessage("x");
  }
  CHECK(g_erased == 1);
  SetStatusLineEraser(nullptr);
}

}  // namespace
}  // namespace casesift
