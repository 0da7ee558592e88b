// TextTable: texts to lists of atom ids (FieldScan's equality and `in` literals), looked up
// once per string value a path yields, for every record. Open addressing over one flat
// array of buckets that hold each key's XXH3 hash, so a lookup is one hash, usually one
// probe, and one comparison of bytes only when the hashes agree; std::unordered_map, before
// it, took a division by a prime and a chase through list nodes for each value.
//
// Built with Add, then Freeze once; Find after that. A frozen table is immutable, so any
// number of threads may read it.
#ifndef CASESIFT_TOOLS_RULE_MATCH_TEXT_TABLE_H_
#define CASESIFT_TOOLS_RULE_MATCH_TEXT_TABLE_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/hash.h"

namespace casesift {

class TextTable {
 public:
  // Adds `atom` to the list of `key`, after those added before. REQUIRES: not frozen.
  void Add(const std::string& key, uint32_t atom) { building_[key].push_back(atom); }

  // Lays the keys out for Find.
  void Freeze() {
    size_t size = 16;
    while (size < building_.size() * 2) size *= 2;  // at most half full: short probes
    buckets_.assign(size, Bucket{});
    mask_ = size - 1;
    for (const auto& [key, list] : building_) {
      Bucket b{Hash64(key), static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()),
               static_cast<uint32_t>(atoms_.size()), static_cast<uint32_t>(list.size())};
      keys_ += key;
      atoms_.insert(atoms_.end(), list.begin(), list.end());
      size_t i = b.hash & mask_;
      while (buckets_[i].used) i = (i + 1) & mask_;
      b.used = true;
      buckets_[i] = b;
    }
    building_.clear();
  }

  bool empty() const { return atoms_.empty(); }

  // The atoms of `key`, in the order added; empty when it was never added.
  // REQUIRES: frozen. The span lives as long as the table.
  std::span<const uint32_t> Find(std::string_view key) const {
    if (buckets_.empty()) return {};
    uint64_t hash = Hash64(key);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Bucket& b = buckets_[i];
      if (!b.used) return {};
      if (b.hash == hash && b.key_size == key.size() &&
          std::string_view(keys_).substr(b.key, b.key_size) == key) {
        return {atoms_.data() + b.atoms, b.atoms_size};
      }
    }
  }

 private:
  struct Bucket {
    uint64_t hash = 0;
    uint32_t key = 0, key_size = 0;      // in keys_
    uint32_t atoms = 0, atoms_size = 0;  // in atoms_
    bool used = false;
  };
  std::map<std::string, std::vector<uint32_t>> building_;
  std::vector<Bucket> buckets_;
  std::string keys_;
  std::vector<uint32_t> atoms_;
  size_t mask_ = 0;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_TEXT_TABLE_H_
