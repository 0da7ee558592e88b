#include "common/cli.h"

#include <fmt/format.h>
#include <signal.h>
#include <simdjson.h>
#include <unistd.h>
#include <xxhash.h>

#include <new>

#include "common/build_info.h"
#include "common/diagnostics.h"

namespace casesift {

void AddCommonOptions(CLI::App* app, CommonOptions* options, bool with_inputs) {
  if (with_inputs) {
    app->add_option("inputs", options->inputs,
                    "Input files (JSON Lines); none or - reads standard input")
        ->type_name("FILE");
  }
  app->add_option("-o,--output", options->output,
                  "Write to FILE (complete or not at all) instead of standard output")
      ->type_name("FILE");
  app->add_option_function<std::string>(
         "--on-error",
         [options](const std::string& mode) {
           options->on_error = mode == "skip"   ? OnError::kSkip
                               : mode == "warn" ? OnError::kWarn
                                                : OnError::kFail;
         },
         "On a malformed record: fail (stop, status 1), skip (go on), or warn (go on and "
         "report each)")
      ->type_name("MODE")
      ->check([](const std::string& mode) -> std::string {
        if (mode == "fail" || mode == "skip" || mode == "warn") return "";
        return fmt::format("'{}' is not a mode (use fail, skip or warn)", mode);
      });
  app->add_option("--rejects", options->rejects,
                  "With --on-error=skip or warn, write each malformed line to FILE unchanged")
      ->type_name("FILE");
  app->add_option("--max-line", options->max_line,
                  "Longest line accepted, in bytes (suffixes K, M, G); default 64M")
      ->type_name("BYTES")
      ->transform(CLI::AsSizeValue(false).description(""));
  app->add_flag("-q,--quiet", options->quiet, "Print no summary or warnings, only errors");
  app->add_flag_callback(
      "--progress", [options] { options->progress = Progress::Mode::kOn; },
      "Show a progress line on standard error, even when it is not a terminal");
  app->add_flag_callback(
      "--no-progress", [options] { options->progress = Progress::Mode::kOff; },
      "Never show a progress line");
  app->add_flag("--line-buffered", options->line_buffered,
                "Flush the output after every record (for live feeds)");
}

std::string VersionText(const ToolInfo& info) {
  std::string text = fmt::format("{} (casesift) {}\ncommit {}\n", info.name, kVersion, kGitCommit);
  std::vector<std::pair<std::string, std::string>> libs = {
      {"simdjson", fmt::format("{}.{}.{}", int{simdjson::SIMDJSON_VERSION_MAJOR},
                               int{simdjson::SIMDJSON_VERSION_MINOR},
                               int{simdjson::SIMDJSON_VERSION_REVISION})},
      {"fmt",
       fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"xxHash", fmt::format("{}.{}.{}", XXH_versionNumber() / 10000,
                             XXH_versionNumber() / 100 % 100, XXH_versionNumber() % 100)},
      {"CLI11", CLI11_VERSION},
  };
  libs.insert(libs.end(), info.libraries.begin(), info.libraries.end());
  text += "libraries:";
  for (size_t i = 0; i < libs.size(); ++i) {
    text += fmt::format("{} {} {}", i == 0 ? "" : ",", libs[i].first, libs[i].second);
  }
  text += '\n';
  return text;
}

int RunTool(int argc, char** argv, CLI::App* app, const ToolInfo& info,
            const std::function<Status()>& run) {
  SetProgramName(info.name);
  app->name(info.name);
  ::signal(SIGPIPE, SIG_IGN);
  InstallTemporaryFileCleanup();
  std::string version = VersionText(info);
  app->set_version_flag("--version", version, "Print the version, git commit and libraries");
  try {
    try {
      app->parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) return app->exit(e);  // --help, --version
      PrintMessage(e.what());
      PrintMessage(fmt::format("Try '{} --help' for more information.", info.name));
      return 2;
    }
    Status status = run();
    if (!status.ok() && !status.IsBrokenPipe()) PrintError(status);
    // A located usage error is in a file the user wrote (a rules file, a template): the
    // options were fine, so --help would not help.
    if (status.IsUsage() && (status.location() == nullptr || status.location()->file.empty())) {
      PrintMessage(fmt::format("Try '{} --help' for more information.", info.name));
    }
    return status.ExitCode();
  } catch (const std::bad_alloc&) {
    PrintMessage("out of memory");
    return 3;
  }
}

Output::Options OutputOptionsFor(const CommonOptions& options) {
  Output::Options o;
  o.line_buffered = options.line_buffered ||
                    ((options.output.empty() || options.output == "-") && ::isatty(STDOUT_FILENO));
  return o;
}

Result<std::unique_ptr<Stream>> Stream::Open(const CommonOptions& options) {
  if (!options.rejects.empty() && options.on_error == OnError::kFail) {
    return Status::Usage("--rejects needs --on-error=skip or --on-error=warn");
  }
  std::unique_ptr<Stream> s(new Stream());
  s->quiet_ = options.quiet;
  s->progress_ = std::make_unique<Progress>(options.progress, options.quiet);
  JsonlReader::Options ropts;
  ropts.inputs = options.inputs;
  ropts.max_line = static_cast<size_t>(options.max_line);
  // Inputs are checked before any output file is created.
  s->bad_ = std::make_unique<BadRecords>(options.on_error, nullptr);
  s->reader_ = std::make_unique<JsonlReader>(std::move(ropts), s->bad_.get(), s->progress_.get());
  CASESIFT_RETURN_IF_ERROR(s->reader_->CheckInputs());
  Result<std::unique_ptr<Output>> out = Output::Open(options.output, OutputOptionsFor(options));
  if (!out.ok()) return out.status();
  s->out_ = std::move(*out);
  if (!options.rejects.empty()) {
    Result<std::unique_ptr<Output>> rejects = Output::Open(options.rejects);
    if (!rejects.ok()) return rejects.status();
    s->rejects_ = std::move(*rejects);
    *s->bad_ = BadRecords(options.on_error, s->rejects_.get());
  }
  return s;
}

Status Stream::Finish() {
  progress_->Finish();
  CASESIFT_RETURN_IF_ERROR(out_->Commit());
  if (rejects_) CASESIFT_RETURN_IF_ERROR(rejects_->Commit());
  bad_->Finish(quiet_);
  return Status::OK();
}

}  // namespace casesift
