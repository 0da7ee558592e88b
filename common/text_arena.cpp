#include "common/text_arena.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <new>

namespace casesift {

namespace {
constexpr std::align_val_t kHugePage{size_t{2} << 20};
}  // namespace

void AdviseHugePages(void* p, size_t bytes) {
  constexpr uintptr_t kPage = uintptr_t{2} << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kPage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

TextArena::~TextArena() {
  for (char* block : blocks_) ::operator delete(block, kHugePage);
}

std::string_view TextArena::Keep(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > kBlock / 4) return large_.emplace_back(s);
  if (kBlock - used_ < s.size()) {
    void* block = ::operator new(kBlock, kHugePage);  // std::bad_alloc when out of memory
    ::madvise(block, kBlock, MADV_HUGEPAGE);          // advice only: without it, small pages
    blocks_.push_back(static_cast<char*>(block));
    used_ = 0;
  }
  char* p = blocks_.back() + used_;
  std::memcpy(p, s.data(), s.size());
  used_ += s.size();
  return std::string_view(p, s.size());
}

}  // namespace casesift
