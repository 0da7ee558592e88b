// PrefetchLine: asks for the cache line at an address to be read into the cache, for a lookup
// that will read it a little later (entity-join's lookup pipeline, lead-dedupe's names).
//
// Not __builtin_prefetch: GCC counts it as having no effect, so a loop that does nothing but
// prefetch can be deleted as dead code. It was, in entity-join: JoinMatcher::Prefetch's loops
// over a key's first postings (their values, then their rows' text) compiled to nothing at
// -O3 with GCC 12 (objdump: 2 prefetch instructions in the function, 34 with PrefetchLine),
// so every matched row's first read missed the cache. Whether GCC keeps such a loop depends
// on the code around it (a plain loop over an array keeps its prefetch); an asm volatile is
// never deleted. Elsewhere than x86-64 and AArch64, __builtin_prefetch stays (a hint either
// way).
#ifndef CASESIFT_COMMON_PREFETCH_H_
#define CASESIFT_COMMON_PREFETCH_H_

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

#endif  // CASESIFT_COMMON_PREFETCH_H_
