#include "key_index.h"

#include <xxhash.h>

#include <algorithm>
#include <thread>

namespace casesift {

KeyHash HashKey(std::string_view key) {
  XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  return {h.low64, h.high64};
}

void KeyIndex::Add(const KeyHash& key, Posting posting) { pending_.push_back({key, posting}); }

uint64_t KeyIndex::Home(const KeyHash& key) const {
  // Lemire's multiply-shift: a slot in [0, capacity) without a power-of-two table.
  __extension__ using Wide = unsigned __int128;
  return static_cast<uint64_t>((static_cast<Wide>(key.low) * slots_.size()) >> 64);
}

void KeyIndex::Build(unsigned threads) {
  auto less = [](const Pending& a, const Pending& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.posting.row != b.posting.row) return a.posting.row < b.posting.row;
    return a.posting.values < b.posting.values;
  };
  // The table is sized by the distinct keys, known only after the sort; the postings
  // bound them, so a table sized for every posting being distinct is at most 4/5 full.
  auto table_size = [](size_t keys) { return std::max<size_t>(16, keys + keys / 4 + 1); };
  if (threads > 1 && pending_.size() >= (size_t{1} << 16)) {
    // Keys are ordered by their low word first: the keys with its top bit clear all sort
    // before the others, so the two groups sort apart. Meanwhile this thread takes the
    // table's fresh pages from the kernel (zeroing them is most of building it).
    auto upper = std::partition(pending_.begin(), pending_.end(),
                                [](const Pending& p) { return (p.key.low >> 63) == 0; });
    std::thread other([&] { std::sort(upper, pending_.end(), less); });
    slots_.assign(table_size(pending_.size()), Slot());
    postings_.resize(pending_.size());
    std::sort(pending_.begin(), upper, less);
    other.join();
  } else {
    std::sort(pending_.begin(), pending_.end(), less);
  }
  // One posting per (key, row): the first added, whose values come first.
  auto same = [](const Pending& a, const Pending& b) {
    return a.key == b.key && a.posting.row == b.posting.row;
  };
  pending_.erase(std::unique(pending_.begin(), pending_.end(), same), pending_.end());
  size_t distinct = 0;
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (i == 0 || pending_[i].key != pending_[i - 1].key) ++distinct;
  }
  keys_ = distinct;
  // A load of at most 4/5: linear probing stays short, and the table small.
  if (slots_.size() != table_size(distinct)) {
    HugeVector<Slot>().swap(slots_);
    slots_.assign(table_size(distinct), Slot());
  }
  postings_.resize(pending_.size());
  for (size_t i = 0; i < pending_.size();) {
    size_t j = i;
    while (j < pending_.size() && pending_[j].key == pending_[i].key) {
      postings_[j] = pending_[j].posting;
      ++j;
    }
    uint64_t s = Home(pending_[i].key);
    while (slots_[s].count != 0) s = s + 1 == slots_.size() ? 0 : s + 1;
    slots_[s] = {pending_[i].key, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)};
    i = j;
  }
  HugeVector<Pending>().swap(pending_);
}

std::span<const KeyIndex::Posting> KeyIndex::Find(const KeyHash& key) const {
  if (slots_.empty()) return {};
  for (uint64_t s = Home(key);; s = s + 1 == slots_.size() ? 0 : s + 1) {
    const Slot& slot = slots_[s];
    if (slot.count == 0) return {};
    if (slot.key == key) return {postings_.data() + slot.begin, slot.count};
  }
}

size_t KeyIndex::bytes() const {
  return slots_.capacity() * sizeof(Slot) + postings_.capacity() * sizeof(Posting) +
         pending_.capacity() * sizeof(Pending);
}

}  // namespace casesift
