// Fuzz target: any bytes through the JSON Lines reader in skip mode, with a small buffer
// and line limit so that growth, compaction and over-long lines are all reached. Every
// record handed out must be an object, and the locator must agree with simdjson on each
// line it rejected or accepted.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/json_error_locator.h"
#include "common/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = memfd_create("fuzz-input", 0);
  if (fd < 0) return 0;
  if (size > 0 && write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  lseek(fd, 0, SEEK_SET);
  std::string path = "/proc/self/fd/" + std::to_string(fd);

  casesift::BadRecords bad(casesift::OnError::kSkip, nullptr);
  casesift::JsonlReader::Options options;
  options.inputs = {path};
  options.buffer_size = 64;
  options.max_line = 200;
  casesift::JsonlReader reader(options, &bad);
  casesift::JsonlReader::Record rec;
  uint64_t records = 0;
  while (reader.Next(&rec)) {
    if (rec.root.type() != simdjson::dom::element_type::OBJECT) abort();
    if (casesift::LocateJsonError(rec.text).has_value()) abort();  // accepted means valid
    ++records;
  }
  if (!reader.status().ok()) abort();  // skip mode never stops on data
  if (records != reader.records()) abort();
  close(fd);
  return 0;
}
