// Hashing: XXH3-64 everywhere a casesift tool needs a stable fingerprint (lead ids,
// document hashes, shard keys, input files in a report's provenance).
//
// Printed form: "xxh3:" followed by 16 lowercase hex digits, e.g. "xxh3:9c1f0b1e2d3a4b5c".
// Values are the same on every machine and in every run (seed 0).
#ifndef CASESIFT_COMMON_HASH_H_
#define CASESIFT_COMMON_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

// XXH3-64 of `data` with seed 0.
uint64_t Hash64(std::string_view data);

// "xxh3:" + 16 lowercase hex digits of `hash`.
std::string FormatHash(uint64_t hash);

// Parses the printed form back. Returns InvalidData for anything but exactly
// "xxh3:" + 16 hex digits (either case).
Result<uint64_t> ParseHash(std::string_view text);

// Incremental XXH3-64 over data that arrives in pieces; the result equals Hash64 of the
// concatenation. Not copyable. Not thread-safe.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void Update(std::string_view data);
  uint64_t Digest() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

// XXH3-64 of a whole file, read in large blocks; sets *size to its length in bytes.
Result<uint64_t> HashFile(const std::string& path, uint64_t* size);

}  // namespace casesift

#endif  // CASESIFT_COMMON_HASH_H_
