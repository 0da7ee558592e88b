#include "common/bad_records.h"

#include <fmt/format.h>

#include "common/diagnostics.h"

namespace casesift {

Status BadRecords::BeginReject(const Status& error) {
  if (mode_ == OnError::kFail) return error;
  ++count_;
  if (mode_ == OnError::kWarn) PrintError(error);
  return Status::OK();
}

void BadRecords::Finish(bool quiet) const {
  if (quiet || count_ == 0) return;
  std::string where = written_ == 0 ? std::string("dropped")
                      : written_ == count_
                          ? fmt::format("written to {}", rejects_->name())
                          : fmt::format("{} written to {}", written_, rejects_->name());
  PrintMessage(fmt::format("{} bad record{} skipped ({})", count_, count_ == 1 ? "" : "s", where));
}

}  // namespace casesift
