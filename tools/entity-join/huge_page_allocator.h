// HugePageAllocator: a std::allocator for the join's large tables (the index's slots and
// postings, the per-row tables), which are read at random, one cache line per record.
//
// An allocation of at least kMin bytes is aligned to 2 MiB, rounded up to a whole number
// of 2 MiB pages and advised MADV_HUGEPAGE, so that the kernel can back it with
// transparent huge pages: a random read then needs no page walk on most machines, and
// filling the table takes one page fault per 2 MiB instead of one per 4 KiB (on the
// virtual machines measured, a fault on a small page cost 10-20 us and a TLB miss about
// 1 us; BENCHMARKS.md). Smaller allocations are plain operator new. The advice is only
// advice: where transparent huge pages are off, the memory is ordinary.
//
// Stateless: any two compare equal. Out of memory is std::bad_alloc, as for std::allocator.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_HUGE_PAGE_ALLOCATOR_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_HUGE_PAGE_ALLOCATOR_H_

#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace casesift {

inline constexpr size_t kHugePage = size_t{2} << 20;

// Memory for at least `bytes` bytes, aligned to kHugePage and advised MADV_HUGEPAGE, and
// its release. REQUIRES for the release: the same `bytes` as allocated.
inline void* AllocateHuge(size_t bytes) {
  size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = ::operator new (size, std::align_val_t{kHugePage});
  ::madvise(p, size, MADV_HUGEPAGE);
  return p;
}
inline void FreeHuge(void* p, size_t /*bytes*/) {
  ::operator delete (p, std::align_val_t{kHugePage});
}

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  // Below this, an allocation is an ordinary one.
  static constexpr size_t kMin = size_t{1} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: rebinding is implicit

  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) return static_cast<T*>(::operator new (bytes, std::align_val_t{alignof(T)}));
    return static_cast<T*>(AllocateHuge(bytes));
  }
  void deallocate(T* p, size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) {
      ::operator delete (p, std::align_val_t{alignof(T)});
    } else {
      FreeHuge(p, bytes);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

// A vector whose large buffers are on huge pages.
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_HUGE_PAGE_ALLOCATOR_H_
