// BlockArena: bytes kept for the life of a join, in blocks that never move. Unlike a
// growing std::string, adding never copies what is already kept, and the memory held is
// what was kept plus at most one block's slack, never twice it during a reallocation.
//
// Two ways in: Keep() for texts of any size (one longer than a block gets a block of its
// own), and KeepSmall() for entries of at most kBlock bytes, which returns a 32-bit handle
// (block number and offset) for compact references: up to 1,024 blocks, 4 GiB.
//
// Not thread-safe while adding; what was kept may be read from any thread.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_BLOCK_ARENA_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_BLOCK_ARENA_H_

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <vector>

namespace casesift {

class BlockArena {
 public:
  static constexpr size_t kBlockBits = 22;
  static constexpr size_t kBlock = size_t{1} << kBlockBits;  // 4 MiB

  // Copies `text` in; the view stays valid while the arena lives.
  std::string_view Keep(std::string_view text) {
    char* at = Room(text.size());
    std::memcpy(at, text.data(), text.size());
    return {at, text.size()};
  }

  // Copies `text` (at most kBlock bytes) in and returns its handle; std::nullopt when the
  // arena already holds 1,024 blocks or the text is longer than a block.
  std::optional<uint32_t> KeepSmall(std::string_view text) {
    if (text.size() > kBlock) return std::nullopt;
    if (blocks_.empty() || size_ - used_ < text.size()) {
      if (blocks_.size() == (size_t{1} << (32 - kBlockBits))) return std::nullopt;
    }
    char* at = Room(text.size());
    std::memcpy(at, text.data(), text.size());
    return static_cast<uint32_t>(((blocks_.size() - 1) << kBlockBits) | (used_ - text.size()));
  }

  // The bytes from a handle to the end of its block. REQUIRES: `handle` from KeepSmall.
  std::string_view FromHandle(uint32_t handle) const {
    size_t block = handle >> kBlockBits, offset = handle & (kBlock - 1);
    size_t end = block + 1 == blocks_.size() ? used_ : kBlock;
    return {blocks_[block].get() + offset, end - offset};
  }

  size_t bytes() const { return blocks_.size() * kBlock; }  // at least

 private:
  static constexpr size_t kHuge = size_t{2} << 20;
  struct Free {
    void operator()(char* p) const { ::operator delete (p, std::align_val_t{kHuge}); }
  };

  char* Room(size_t n) {
    if (blocks_.empty() || size_ - used_ < n) {
      // Blocks aligned to 2 MiB, and transparent huge pages asked for: filling a block
      // takes two page faults instead of a thousand.
      // (Out of memory is std::bad_alloc, which the tool runner reports.)
      size_ = (std::max(kBlock, n) + kHuge - 1) / kHuge * kHuge;
      auto* block = static_cast<char*>(::operator new (size_, std::align_val_t{kHuge}));
      ::madvise(block, size_, MADV_HUGEPAGE);
      blocks_.emplace_back(block);
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    used_ += n;
    return at;
  }

  std::vector<std::unique_ptr<char, Free>> blocks_;
  size_t used_ = 0, size_ = 0;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_BLOCK_ARENA_H_
