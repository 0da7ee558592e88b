// KeyIndex: the reference side's join keys, compact, for exact lookups.
//
// A key is hashed once with XXH3-128 (two different keys share a hash with probability
// about 2^-128 per pair: for a million-by-million join, about 10^-27), so the index keeps
// 16 bytes per distinct key however long the key, and never the key text. Slots are open
// addressing with linear probing at a load of at most 4/5; each holds the hash and a range
// of postings, which sit sorted by (key, row) in one array: 8 bytes per posting (the row,
// and where the reference keeps the values the key came from). So a reference row with one key
// costs about 8 + 24 * 5/4 = 38 bytes here, and 4 more while the index is built.
//
// The postings added wait in the table's own memory (a pending posting takes a slot's 24
// bytes), which Build sorts and then turns into the table in place: the table is never a
// second allocation next to the pending postings, which made the build the peak of a
// join's memory.
//
// Built once (Add ... Build), then read-only: Find may be called from any number of
// threads.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/prefetch.h"
#include "huge_page_allocator.h"

namespace casesift {

struct KeyHash {
  uint64_t low = 0, high = 0;
  bool operator==(const KeyHash&) const = default;
  auto operator<=>(const KeyHash&) const = default;
};

KeyHash HashKey(std::string_view key);

class KeyIndex {
 public:
  struct Posting {
    uint32_t row;
    uint32_t values;  // where the Reference keeps the compared right-hand values
  };

  // Adds a posting under `key`. REQUIRES: not built; `posting.values` greater than any
  // added before (postings of one row and key keep the first added). Rows may come in any
  // order.
  void Add(const KeyHash& key, Posting posting);
  // Makes room for `more` Adds, so that the pending list does not grow by
  // copying, and for the table they will make, so that Build needs no second one (an
  // estimate: a wrong one only costs memory or a copy; room not yet used is only address
  // space).
  void Reserve(size_t more) { slots_.reserve(TableSize(slots_.size() + more)); }
  size_t pending() const { return built_ ? 0 : slots_.size(); }
  // Sorts the postings (by key, then row; duplicates of one (key, row) collapse to the
  // first added) and builds the table. Frees what Add kept. With `threads` > 1 the sort
  // runs in two halves at once, and the table's fresh pages are faulted in meanwhile;
  // the table is the same.
  void Build(unsigned threads = 1);

  // The postings under `key`, by row. REQUIRES: built.
  std::span<const Posting> Find(const KeyHash& key) const;
  // Asks for the slots Find(key) reads to be fetched into the cache: the slot where it
  // starts and the lines after it. At a load of 4/5 linear probing reads about 3 slots to
  // find a key and about 13 to miss one (Knuth), 24 bytes each, so a lookup often needs
  // the line after its home's (a quarter of the slots straddle two lines), and a miss
  // several.
  void PrefetchSlot(const KeyHash& key) const {
    if (slots_.empty()) return;
    const uint64_t h = Home(key);
    const auto* home = reinterpret_cast<const char*>(&slots_[h]);
    const size_t room = (slots_.size() - h) * sizeof(Slot);  // not past the table's end
    for (size_t at = 0; at < room && at < 64 * kSlotLines; at += 64) PrefetchLine(home + at);
  }

  size_t keys() const { return keys_; }
  size_t postings() const { return postings_.size(); }
  // Slots for `keys` distinct keys: a load of at most 4/5 keeps linear probing short.
  static size_t TableSize(size_t keys) { return std::max<size_t>(16, keys + keys / 4 + 1); }
  // Bytes held by the table and the postings.
  size_t bytes() const;

 private:
  static constexpr size_t kSlotLines = 4;  // the lines PrefetchSlot asks for
  // A slot of the table; before Build, a pending posting: `begin` its row and `count` its
  // values (the same 24 bytes, so that the pending postings become the table in place).
  struct Slot {
    KeyHash key;  // empty when count == 0
    uint32_t begin = 0, count = 0;
  };

  HugeVector<Slot> slots_;  // the pending postings until Build, then the table
  HugeVector<Posting> postings_;
  size_t keys_ = 0;
  bool built_ = false;
  uint64_t Home(const KeyHash& key) const;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_
