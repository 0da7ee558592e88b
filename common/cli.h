// CLI plumbing shared by every tool (CLI.md): the options all tools have, the exit-status
// contract, --version, and the standard JSON Lines stream from inputs to output.
//
// A tool's main.cpp is thin:
//
//   int main(int argc, char** argv) {
//     CLI::App app{"Screen case records with rule models."};
//     casesift::CommonOptions common;
//     casesift::AddCommonOptions(&app, &common);
//     ... the tool's own options into an Options struct ...
//     return casesift::RunTool(argc, argv, &app, kInfo, [&] { return Run(options, common); });
//   }
//
// RunTool parses the command line (a bad option prints "TOOL: message" and "Try 'TOOL
// --help' for more information." and exits 2), ignores SIGPIPE so a closed pipe is a
// quiet exit 0, removes temporary output files on SIGINT/SIGTERM/SIGHUP, runs the tool,
// prints a failed Status as "TOOL: FILE:LINE:COL: message" and returns its exit status
// (0 success, 1 bad input data, 2 usage or configuration, 3 system error). Exceptions
// stop there: an escaped std::bad_alloc is "out of memory" (3).
#ifndef CASESIFT_COMMON_CLI_H_
#define CASESIFT_COMMON_CLI_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/bad_records.h"
#include "common/jsonl_reader.h"
#include "common/output.h"
#include "common/progress.h"
#include "common/status.h"

namespace casesift {

struct CommonOptions {
  std::vector<std::string> inputs;  // positional; empty or "-" is standard input
  std::string output = "-";
  OnError on_error = OnError::kFail;
  std::string rejects;
  uint64_t max_line = uint64_t{64} << 20;
  bool quiet = false;
  Progress::Mode progress = Progress::Mode::kAuto;
  bool line_buffered = false;
};

struct ToolInfo {
  const char* name;  // e.g. "rule-match"
  // Libraries the tool links beyond the common ones, for --version: {"RE2", "2023-01-01"}.
  std::vector<std::pair<std::string, std::string>> libraries;
};

// Registers -o, --on-error, --rejects, --max-line, -q, --progress, --no-progress,
// --line-buffered and, when `with_inputs`, the positional input files.
void AddCommonOptions(CLI::App* app, CommonOptions* options, bool with_inputs = true);

// The --version text: "TOOL (casesift) VERSION", the git commit, the linked libraries.
std::string VersionText(const ToolInfo& info);

// The output options the common options ask for: line-buffered with --line-buffered, or
// when the output is standard output and that is a terminal.
Output::Options OutputOptionsFor(const CommonOptions& options);

// Parses the command line and runs `run`; returns the process exit status. See above.
int RunTool(int argc, char** argv, CLI::App* app, const ToolInfo& info,
            const std::function<Status()>& run);

// The standard stream of a filter: the reader over the inputs, the output, the rejects
// file and progress, set up from CommonOptions. Finish() commits the output and rejects
// files and prints the bad-record count; destroying a Stream without Finish() discards
// them, so a failed run leaves no output file behind.
class Stream {
 public:
  static Result<std::unique_ptr<Stream>> Open(const CommonOptions& options);

  JsonlReader& reader() { return *reader_; }
  Output& out() { return *out_; }
  BadRecords& bad_records() { return *bad_; }
  Progress& progress() { return *progress_; }

  Status Finish();
  // Puts the rejects file in place now (Finish then leaves it): for a tool that commits
  // other state after its output is complete and must not lose a rejected line to a crash
  // in between (lead-dedupe).
  Status FinishRejects() { return rejects_ ? rejects_->Commit() : Status::OK(); }

 private:
  Stream() = default;
  bool quiet_ = false;
  std::unique_ptr<Output> out_;
  std::unique_ptr<Output> rejects_;
  std::unique_ptr<BadRecords> bad_;
  std::unique_ptr<Progress> progress_;
  std::unique_ptr<JsonlReader> reader_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_CLI_H_
