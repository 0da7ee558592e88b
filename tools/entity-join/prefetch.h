// PrefetchLine: asks for the cache line at an address to be read into the cache, for a lookup
// that will read it a little later (JoinMatcher::Prefetch and the Reference's and the
// KeyIndex's Prefetch functions).
//
// Not __builtin_prefetch: GCC 12 counts it as having no effect, so a loop that does nothing
// else (the prefetch of a key's first postings, of their values and of their rows' text)
// is deleted as dead code, and only the prefetches outside such loops were left in the
// program (objdump of entity-join: two prefetch instructions in JoinMatcher::Prefetch, none
// for its stages 2 and 3). An asm volatile is never deleted. Elsewhere than x86-64 and
// AArch64, __builtin_prefetch stays (a hint either way).
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_PREFETCH_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_PREFETCH_H_

namespace casesift {

inline void PrefetchLine(const void* address) {
#if defined(__x86_64__)
  asm volatile("prefetcht0 (%0)" : : "r"(address));
#elif defined(__aarch64__)
  asm volatile("prfm pldl1keep, [%0]" : : "r"(address));
#else
  __builtin_prefetch(address);
#endif
}

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_PREFETCH_H_
