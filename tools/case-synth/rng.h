// Rng: the one source of randomness in case-synth, identical on every machine.
//
// xoshiro256** (Blackman and Vigna), seeded through splitmix64. Every draw is plain
// integer arithmetic, so the same seed gives the same sequence whatever the compiler,
// standard library or CPU; std::uniform_*_distribution is never used because its
// results are implementation-defined. Below(n) uses Lemire's multiply-and-reject
// method, so it is exactly uniform.
//
// Each document gets its own generator, seeded from (run seed, document index) by
// DocumentSeed(), so documents can be generated independently and in any order (in
// parallel with -j) and still come out the same.
//
// Thread safety: an Rng is a value; use one per thread.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_RNG_H_
#define CASESIFT_TOOLS_CASE_SYNTH_RNG_H_

#include <cstddef>
#include <cstdint>

namespace casesift::synth {

// splitmix64's output function: a strong 64-bit mixer. Advances *state.
inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The seed of document `index` (0-based) in a run seeded with `seed`.
inline uint64_t DocumentSeed(uint64_t seed, uint64_t index) {
  uint64_t s = seed;
  uint64_t a = SplitMix64(&s);
  uint64_t t = index ^ a;
  return SplitMix64(&t);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t s = seed;
    for (uint64_t& word : s_) word = SplitMix64(&s);
  }

  // The next 64 random bits.
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n). REQUIRES: n > 0.
  uint32_t Below(uint32_t n) {
    uint64_t m = (Next() >> 32) * n;
    uint32_t low = static_cast<uint32_t>(m);
    if (low < n) {
      const uint32_t threshold = static_cast<uint32_t>(-n) % n;
      while (low < threshold) {
        m = (Next() >> 32) * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi, hi - lo < 2^32 - 1.
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }

  // True with probability percent/100.
  bool Percent(uint32_t percent) { return Below(100) < percent; }
  // True with probability permille/1000.
  bool PerMille(uint32_t permille) { return Below(1000) < permille; }

  // A uniformly chosen element. REQUIRES: N > 0.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(static_cast<uint32_t>(N))];
  }
  // An index chosen with the given integer weights. REQUIRES: some weight > 0.
  template <size_t N>
  size_t Weighted(const uint32_t (&weights)[N]) {
    return Weighted(weights, N);
  }
  size_t Weighted(const uint32_t* weights, size_t n) {
    uint32_t total = 0;
    for (size_t i = 0; i < n; ++i) total += weights[i];
    uint32_t r = Below(total);
    for (size_t i = 0; i < n; ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return n - 1;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_RNG_H_
