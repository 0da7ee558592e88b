// Random: the seeded randomness of the benchmark generators (bench-gen-cases,
// bench-gen-rules). A seed gives the same sequence on every machine: std::mt19937_64 is
// fully specified, and only its raw output is used (no std:: distributions, whose results
// differ between standard libraries).
#ifndef CASESIFT_TESTS_BENCH_BENCH_RANDOM_H_
#define CASESIFT_TESTS_BENCH_BENCH_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>
#include <vector>

namespace casesift::bench {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}

  // A value in [0, n) from the engine's raw output (the modulo bias is below n / 2^64).
  // REQUIRES: n > 0.
  uint64_t Below(uint64_t n) { return engine_() % n; }
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(uint64_t(hi - lo) + 1)); }
  bool Percent(int p) { return Below(100) < uint64_t(p); }
  bool Permille(int p) { return Below(1000) < uint64_t(p); }

  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  // One CJK character (three UTF-8 bytes) of `chars`.
  std::string_view Char(std::string_view chars) {
    return chars.substr(3 * Below(chars.size() / 3), 3);
  }

  // One of `items`, each as likely as its `weight` member. REQUIRES: some weight > 0.
  template <typename T>
  const T& Weighted(std::span<const T> items) {
    uint64_t total = 0;
    for (const T& item : items) total += item.weight;
    uint64_t x = Below(total);
    for (const T& item : items) {
      if (x < uint64_t(item.weight)) return item;
      x -= item.weight;
    }
    return items.back();
  }

  // k distinct items of `items`, in table order. REQUIRES: k <= N.
  template <typename T, size_t N>
  std::vector<T> Some(const T (&items)[N], size_t k) {
    std::vector<bool> taken(N, false);
    for (size_t chosen = 0; chosen < k;) {
      const size_t i = Below(N);
      if (!taken[i]) taken[i] = true, ++chosen;
    }
    std::vector<T> out;
    for (size_t i = 0; i < N; ++i) {
      if (taken[i]) out.push_back(items[i]);
    }
    return out;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace casesift::bench

#endif  // CASESIFT_TESTS_BENCH_BENCH_RANDOM_H_
