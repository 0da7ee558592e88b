// TextArena: text a tool keeps for a whole run (every lead of lead-dedupe, every cell of a
// report-render report), packed in large blocks instead of one allocation per string.
//
// Blocks are 4 MiB, aligned to 2 MiB and advised as huge pages, so that filling the arena
// costs one page fault per 2 MiB instead of one per 4 KiB (on a virtual machine a fault is
// dear: measured at about 10 microseconds here). A string longer than a quarter block is
// kept on its own.
//
// The views Keep() returns stay valid as long as the arena. Not thread-safe.
#ifndef CASESIFT_COMMON_TEXT_ARENA_H_
#define CASESIFT_COMMON_TEXT_ARENA_H_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;
  ~TextArena();

  // A copy of `s` that lives as long as the arena ({} for an empty `s`). Throws
  // std::bad_alloc when out of memory, like any allocation.
  std::string_view Keep(std::string_view s);

 private:
  static constexpr size_t kBlock = size_t{4} << 20;
  std::vector<char*> blocks_;
  size_t used_ = kBlock;
  std::deque<std::string> large_;  // longer than a quarter block: kept alone
};

// Asks the kernel to back [p, p + bytes) with huge pages where it can (the whole 2 MiB
// pages inside it). Advice only.
void AdviseHugePages(void* p, size_t bytes);

}  // namespace casesift

#endif  // CASESIFT_COMMON_TEXT_ARENA_H_
