// Output: where a tool's records go, standard output or an `-o FILE`.
//
// Writes are buffered in a large block and handed to write(2) whole. A named regular
// file is written to a temporary file in the same folder (".NAME.XXXXXX") and renamed
// into place by Commit(), after its data reached the disk: a failed or interrupted run
// never leaves a half-written output file behind. An Output destroyed without Commit()
// removes its temporary file; so does SIGINT, SIGTERM or SIGHUP once
// InstallTemporaryFileCleanup() has run. A path that names something other than a
// regular file (/dev/stdout, /dev/full, a FIFO) is written directly.
//
// Failures: a reader that went away (EPIPE; SIGPIPE must be ignored, as the CLI runner
// does) is Status::BrokenPipe(), which tools turn into a quiet exit 0; any other write,
// sync, close or rename failure is an IoError naming the file (exit 3).
//
// Not thread-safe: one writer per Output.
#ifndef CASESIFT_COMMON_OUTPUT_H_
#define CASESIFT_COMMON_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

class Output {
 public:
  struct Options {
    // Flush after every record (WriteRecord): for live feeds. The CLI runner turns this
    // on when standard output is a terminal or --line-buffered is given.
    bool line_buffered = false;
    size_t buffer_size = 1 << 20;
  };

  // Opens `path` for writing; "" or "-" is standard output. Errors: IoError when the
  // temporary file cannot be created (missing folder, no permission).
  static Result<std::unique_ptr<Output>> Open(const std::string& path, const Options& options);
  static Result<std::unique_ptr<Output>> Open(const std::string& path) {
    return Open(path, Options());
  }

  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Appends bytes. A non-OK status is sticky: later calls return it again.
  Status Write(std::string_view data) {
    if (!status_.ok()) return status_;
    if (data.size() <= buffer_.capacity() - buffer_.size()) {
      buffer_.append(data);
      return Status::OK();
    }
    return WriteSlow(data);
  }
  // Appends one record and its '\n'; flushes when line-buffered.
  Status WriteRecord(std::string_view record) {
    if (!status_.ok()) return status_;
    if (record.size() < buffer_.capacity() - buffer_.size()) {
      buffer_.append(record);
      buffer_.push_back('\n');
      return line_buffered_ ? Flush() : Status::OK();
    }
    CASESIFT_RETURN_IF_ERROR(WriteSlow(record));
    CASESIFT_RETURN_IF_ERROR(Write("\n"));
    return line_buffered_ ? Flush() : Status::OK();
  }
  // Appends whole records, each with its '\n', written by the caller in one piece of
  // `data`: a piece of kDirectBytes or more goes to the kernel as it is (after what is
  // buffered), without a copy into the buffer. The same bytes as Write.
  static constexpr size_t kDirectBytes = size_t{64} << 10;
  Status WriteRecords(std::string_view data) {
    if (!status_.ok()) return status_;
    if (line_buffered_ || data.size() < kDirectBytes) {
      CASESIFT_RETURN_IF_ERROR(Write(data));
      return line_buffered_ ? Flush() : Status::OK();
    }
    CASESIFT_RETURN_IF_ERROR(Flush());
    return WriteFd(data);
  }
  // Hands buffered bytes to the kernel.
  Status Flush();
  // Flushes and, for a named file, syncs, closes and renames it into place. After a
  // successful Commit() the Output accepts no more writes.
  Status Commit();
  // For a tool that records a complete output elsewhere before it appears (lead-dedupe's
  // state, which must know what a run pushed): flushes and syncs the data, and returns the
  // temporary file's path ("" when writing directly), its name synced to the folder too.
  // Commit() then also syncs the folder after the rename. From then on the temporary file is
  // kept whatever happens (no removal on a signal or without Commit()): the caller
  // answers for it. Commit() still renames it into place.
  Result<std::string> Seal();

  // The name used in messages: "standard output" or the path as given.
  const std::string& name() const { return name_; }
  uint64_t bytes_written() const { return bytes_written_ + buffer_.size(); }

 private:
  Output() = default;
  Status WriteSlow(std::string_view data);
  Status WriteFd(std::string_view data);
  Status SyncDirectory();  // fsync(2) of the folder of a named output
  void Discard();

  int fd_ = -1;
  bool owns_fd_ = false;
  bool line_buffered_ = false;
  bool committed_ = false;
  bool sealed_ = false;
  std::string name_;       // for messages
  std::string path_;       // final path of a renamed file; empty otherwise
  std::string temp_path_;  // temporary file; empty when writing directly
  std::string buffer_;
  uint64_t bytes_written_ = 0;
  Status status_;
};

// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every temporary output
// file still open, then let the signal end the process as usual. Call once, early.
void InstallTemporaryFileCleanup();

}  // namespace casesift

#endif  // CASESIFT_COMMON_OUTPUT_H_
