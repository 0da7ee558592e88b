#include "key_index.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

namespace casesift {

KeyHash HashKey(std::string_view key) {
  XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  return {h.low64, h.high64};
}

void KeyIndex::Add(const KeyHash& key, Posting posting) {
  slots_.push_back({key, posting.row, posting.values});
}

uint64_t KeyIndex::Home(const KeyHash& key) const {
  // Lemire's multiply-shift: a slot in [0, capacity) without a power-of-two table.
  __extension__ using Wide = unsigned __int128;
  return static_cast<uint64_t>((static_cast<Wide>(key.low) * slots_.size()) >> 64);
}

void KeyIndex::Build(unsigned threads) {
  // Pending postings: key, row (begin), values (count).
  auto less = [](const Slot& a, const Slot& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.count < b.count;
  };
  // By the top byte of the key's low word first, which `less` orders first: in place, each
  // slot swapped into its bucket (an American flag sort); then each bucket, a 256th of
  // the postings, by std::sort in the cache, the buckets shared between the threads.
  constexpr int kBuckets = 256;
  auto bucket = [](const Slot& p) { return static_cast<size_t>(p.key.low >> 56); };
  std::array<size_t, kBuckets + 1> start{};
  for (const Slot& p : slots_) ++start[bucket(p) + 1];
  for (int b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
  std::array<size_t, kBuckets> next;
  std::copy(start.begin(), start.end() - 1, next.begin());
  for (int b = 0; b < kBuckets; ++b) {
    while (next[b] < start[b + 1]) {
      Slot& p = slots_[next[b]];
      size_t home = bucket(p);
      if (home == static_cast<size_t>(b)) {
        ++next[b];
      } else {
        std::swap(p, slots_[next[home]++]);
      }
    }
  }
  auto sort_buckets = [&](int first, int last) {
    for (int b = first; b < last; ++b) {
      std::sort(slots_.begin() + static_cast<ptrdiff_t>(start[b]),
                slots_.begin() + static_cast<ptrdiff_t>(start[b + 1]), less);
    }
  };
  if (threads > 1 && slots_.size() >= (size_t{1} << 16)) {
    std::thread other([&] { sort_buckets(kBuckets / 2, kBuckets); });
    // Meanwhile this thread takes the postings' fresh pages from the kernel (zeroing them
    // is much of building them).
    postings_.resize(slots_.size());
    sort_buckets(0, kBuckets / 2);
    other.join();
  } else {
    sort_buckets(0, kBuckets);
  }
  // One posting per (key, row): the first added, whose values come first.
  auto same = [](const Slot& a, const Slot& b) { return a.key == b.key && a.begin == b.begin; };
  slots_.erase(std::unique(slots_.begin(), slots_.end(), same), slots_.end());
  built_ = true;
  // The postings out, and each key's entry (its range of them) in its place, in key order:
  // entry g at index g <= its first posting's, so this moves nothing not yet read.
  const size_t n = slots_.size();
  postings_.resize(n);
  size_t keys = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    for (; j < n && slots_[j].key == slots_[i].key; ++j) {
      postings_[j] = {slots_[j].begin, slots_[j].count};
    }
    slots_[keys++] = {slots_[i].key, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)};
    i = j;
  }
  keys_ = keys;
  // The table: past the entries, empty slots (within the memory Reserve asked for, if it
  // was enough).
  std::fill(slots_.begin() + static_cast<ptrdiff_t>(keys), slots_.end(), Slot());
  slots_.resize(TableSize(keys));
  const size_t table = slots_.size();
  // Where linear probing, keys inserted in key order, puts each: since Home is monotonic in
  // the key's low word, which orders the keys, a key's slot is its home or the one after
  // its predecessor's, whichever is further, until the run passes the table's end; the
  // keys from there on wrap around to its start.
  std::vector<uint32_t> at(keys);
  size_t wrapped = keys;  // the first key that wraps
  for (size_t g = 0; g < keys; ++g) {
    uint64_t s = Home(slots_[g].key);
    if (g > 0 && s <= at[g - 1]) s = at[g - 1] + uint64_t{1};
    if (s >= table) {
      wrapped = g;
      break;
    }
    at[g] = static_cast<uint32_t>(s);
  }
  std::vector<Slot> wrapping(slots_.begin() + static_cast<ptrdiff_t>(wrapped),
                             slots_.begin() + static_cast<ptrdiff_t>(keys));
  // Moved from the last to the first: key g goes to at[g] >= g, over an entry already moved
  // or an empty slot, and its old place is emptied unless an earlier key lands there.
  for (size_t g = keys; g-- > 0;) {
    if (g >= wrapped) {
      slots_[g] = Slot();
      continue;
    }
    if (at[g] == g) continue;
    slots_[at[g]] = slots_[g];
    slots_[g] = Slot();
  }
  for (const Slot& slot : wrapping) {
    uint64_t s = Home(slot.key);
    while (slots_[s].count != 0) s = s + 1 == table ? 0 : s + 1;
    slots_[s] = slot;
  }
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
  return slots_.capacity() * sizeof(Slot) + postings_.capacity() * sizeof(Posting);
}

}  // namespace casesift
