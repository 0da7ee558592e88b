// BadRecords: what happens to a malformed input record (CLI.md, "Errors and bad input").
//
//   --on-error=fail  (default) the first bad record stops the run: Reject returns its
//                    located error, the tool exits 1 and discards its -o file.
//   --on-error=skip  the run goes on; each rejected line is written unchanged, with its
//                    '\n', to the --rejects file (when given) and counted; Finish prints
//                    the count.
//   --on-error=warn  as skip, and each error is also printed as it happens.
//
// Readers (jsonl_reader.h) call it for lines that do not parse; tools call it for records
// that parse but that they cannot use. Not thread-safe: call from the thread that writes
// the output.
#ifndef CASESIFT_COMMON_BAD_RECORDS_H_
#define CASESIFT_COMMON_BAD_RECORDS_H_

#include <cstdint>
#include <string_view>

#include "common/output.h"
#include "common/status.h"

namespace casesift {

enum class OnError { kFail, kSkip, kWarn };

class BadRecords {
 public:
  // `rejects` may be null (bad lines are then counted and dropped); it must outlive this.
  BadRecords(OnError mode, Output* rejects) : mode_(mode), rejects_(rejects) {}

  OnError mode() const { return mode_; }

  // Handles one bad record. REQUIRES: !error.ok(), located where possible.
  // Returns OK when the run goes on, `error` itself under kFail, or an IoError when the
  // rejects file cannot be written.
  Status Reject(const Status& error, std::string_view line) {
    CASESIFT_RETURN_IF_ERROR(BeginReject(error));
    CASESIFT_RETURN_IF_ERROR(RejectBytes(line));
    return EndReject();
  }

  // The same in pieces, for a line too long to hold in memory: BeginReject, then
  // RejectBytes for each piece, then EndReject.
  Status BeginReject(const Status& error);
  Status RejectBytes(std::string_view piece) {
    return rejects_ ? rejects_->Write(piece) : Status::OK();
  }
  Status EndReject() {
    if (rejects_ == nullptr) return Status::OK();
    ++written_;
    return rejects_->Write("\n");
  }

  uint64_t count() const { return count_; }

  // Prints "N bad records skipped (written to FILE)" when there were any and !quiet; a
  // rejected whole document (BeginReject alone) is not written to the rejects file, and the
  // message says how many were.
  void Finish(bool quiet) const;

 private:
  OnError mode_;
  Output* rejects_;
  uint64_t count_ = 0;
  uint64_t written_ = 0;  // of count_, lines written to the rejects file
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_BAD_RECORDS_H_
