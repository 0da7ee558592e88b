// KeyIndex: the reference side's join keys, compact, for exact lookups.
//
// A key is hashed once with XXH3-128 (two different keys share a hash with probability
// about 2^-128 per pair: for a million-by-million join, about 10^-27), so the index keeps
// 16 bytes per distinct key however long the key, and never the key text. Slots are open
// addressing with linear probing at a load of at most 4/5; each holds the hash and a range
// of postings, which sit sorted by (key, row) in one array: 8 bytes per posting (the row,
// and where the reference keeps the values the key came from). So a reference row with one key
// costs about 8 + 24 * 5/4 = 38 bytes here, and 24 more while the index is built.
//
// Built once (Add ... Build), then read-only: Find may be called from any number of
// threads.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

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
  // copying (an estimate: a wrong one only costs memory or a copy).
  void Reserve(size_t more) { pending_.reserve(pending_.size() + more); }
  size_t pending() const { return pending_.size(); }
  // Sorts the postings (by key, then row; duplicates of one (key, row) collapse to the
  // first added) and builds the table. Frees what Add kept. With `threads` > 1 the sort
  // runs in two halves at once, and the table's fresh pages are faulted in meanwhile;
  // the table is the same.
  void Build(unsigned threads = 1);

  // The postings under `key`, by row. REQUIRES: built.
  std::span<const Posting> Find(const KeyHash& key) const;
  // Asks for the slot where Find(key) starts to be fetched into the cache.
  void PrefetchSlot(const KeyHash& key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }

  size_t keys() const { return keys_; }
  size_t postings() const { return postings_.size(); }
  // Bytes held by the table and the postings.
  size_t bytes() const;

 private:
  struct Pending {
    KeyHash key;
    Posting posting;  // values grow with each Add: they order postings as added
  };
  struct Slot {
    KeyHash key;  // empty when count == 0
    uint32_t begin = 0, count = 0;
  };

  HugeVector<Pending> pending_;
  HugeVector<Slot> slots_;
  HugeVector<Posting> postings_;
  size_t keys_ = 0;
  uint64_t Home(const KeyHash& key) const;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_KEY_INDEX_H_
