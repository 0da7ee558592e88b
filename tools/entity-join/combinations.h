// Combinations of key values: a composite key (several --on) on multi-valued paths joins
// on every combination of one value per --on.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_COMBINATIONS_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_COMBINATIONS_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casesift {

// A record or row yields at most this many combinations of key values to look up.
inline constexpr size_t kMaxCombinations = 4096;

// Per --on: the distinct (key, raw value) pairs a record yields, in the order first seen.
// Clearing keeps the pairs' strings, and their buffers, for the next record: the key of a
// credit code ("i" and 18 characters) is longer than a string's inline buffer, so fresh
// pairs would cost two allocations and two frees a record on each side of a join.
class KeyValues {
 public:
  using value_type = std::pair<std::string, std::string>;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const value_type& operator[](size_t i) const { return items_[i]; }
  const value_type* begin() const { return items_.data(); }
  const value_type* end() const { return items_.data() + size_; }
  void clear() { size_ = 0; }

  // Adds (key, raw) unless the key is already there.
  void Add(std::string_view key, std::string_view raw) {
    for (const value_type& kv : *this) {
      if (kv.first == key) return;
    }
    if (size_ == items_.size()) items_.emplace_back();
    items_[size_].first.assign(key);
    items_[size_].second.assign(raw);
    ++size_;
  }

 private:
  std::vector<value_type> items_;  // the first size_ are the values
  size_t size_ = 0;
};

using KeyParts = std::vector<KeyValues>;

inline void AddKeyValue(KeyValues* part, std::string_view key, std::string_view raw) {
  part->Add(key, raw);
}

// The number of combinations, saturating at `limit` + 1.
inline size_t CountCombinations(const KeyParts& parts, size_t limit) {
  size_t n = 1;
  for (const auto& part : parts) {
    if (part.empty()) return 0;
    n = n > (limit + 1) / part.size() ? limit + 1 : n * part.size();
  }
  return n;
}

// Appends a raw value as a 4-byte length and its bytes.
inline void AppendValue(std::string* out, std::string_view raw) {
  auto n = static_cast<uint32_t>(raw.size());
  char length[4];
  std::memcpy(length, &n, 4);
  out->append(length, 4);
  out->append(raw);
}

// Splits what AppendValue wrote into the values, in order: at most `limit` of them (what
// follows in `in` may be another entry's).
inline void SplitValues(std::string_view in, std::vector<std::string_view>* out,
                        size_t limit = SIZE_MAX) {
  out->clear();
  while (in.size() >= 4 && out->size() < limit) {
    uint32_t n;
    std::memcpy(&n, in.data(), 4);
    out->push_back(in.substr(4, n));
    in.remove_prefix(4 + n);
  }
}

// Calls fn(key, values, choice) for every combination of one (key, raw) per part, the
// first part varying slowest: `key` is the parts' keys joined by '\x1f', `values` their raw
// texts (AppendValue), `choice` the index chosen in each part. Calls nothing when a part is
// empty.
template <typename Fn>
void ForEachCombination(const KeyParts& parts, std::string* key, std::string* values,
                        std::vector<size_t>* choice, Fn&& fn) {
  for (const auto& part : parts) {
    if (part.empty()) return;
  }
  choice->assign(parts.size(), 0);
  while (true) {
    key->clear();
    values->clear();
    for (size_t p = 0; p < parts.size(); ++p) {
      if (p > 0) key->push_back('\x1f');
      key->append(parts[p][(*choice)[p]].first);
      AppendValue(values, parts[p][(*choice)[p]].second);
    }
    fn(*key, *values, *choice);
    size_t p = parts.size();
    while (p > 0) {
      --p;
      if (++(*choice)[p] < parts[p].size()) break;
      (*choice)[p] = 0;
      if (p == 0) return;
    }
    if (parts.empty()) return;
  }
}

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_COMBINATIONS_H_
