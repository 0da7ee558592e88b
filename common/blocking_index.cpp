#include "common/blocking_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/hash.h"
#include "common/name_similarity.h"
#include "common/utf8.h"

namespace casesift {
namespace {

enum KeyKind : char { kTokenKey = 1, kGramKey = 2, kExactKey = 3 };

bool IsSpaceAt(std::string_view text, size_t i, size_t* len) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
    *len = 1;
    return true;
  }
  if (text.substr(i, 3) == "\xE3\x80\x80") {
    *len = 3;
    return true;
  }
  return false;
}

uint64_t GramKey(CharGram gram, uint8_t field) {
  char bytes[2 + sizeof gram] = {kGramKey, static_cast<char>(field)};
  std::memcpy(bytes + 2, &gram, sizeof gram);
  return Hash64(std::string_view(bytes, sizeof bytes));
}

uint64_t WholeKey(KeyKind kind, std::string_view text, uint8_t field, std::string* buf) {
  buf->assign({static_cast<char>(kind), static_cast<char>(field)});
  buf->append(text);
  return Hash64(*buf);
}

// Appends the token, bigram and CJK unigram keys of `text` (see the header).
void AppendKeys(std::string_view text, uint8_t field, std::string* buf,
                std::vector<uint64_t>* keys) {
  size_t i = 0;
  size_t space = 0;
  while (i < text.size()) {
    if (IsSpaceAt(text, i, &space)) {
      i += space;
      continue;
    }
    const size_t start = i;
    char32_t first = 0;
    char32_t prev = 0;
    size_t count = 0;
    while (i < text.size() && !IsSpaceAt(text, i, &space)) {
      const char32_t c = NextCodePoint(text, &i);
      if (count == 0) first = c;
      if (count > 0) keys->push_back(GramKey(MakeCharGram(prev, c), field));
      if (IsCjkIdeograph(c)) keys->push_back(GramKey(MakeCharUnigram(c), field));
      prev = c;
      ++count;
    }
    if (count == 1 && !IsCjkIdeograph(first)) {
      keys->push_back(GramKey(MakeCharUnigram(first), field));
    }
    keys->push_back(WholeKey(kTokenKey, text.substr(start, i - start), field, buf));
  }
}

}  // namespace

BlockingIndex::Builder::Builder(BlockingOptions options) : options_(options) {}

void BlockingIndex::Builder::Add(uint32_t id, std::string_view text, uint8_t field) {
  scratch_.clear();
  std::string buf;
  AppendKeys(text, field, &buf, &scratch_);
  for (uint64_t key : scratch_) postings_.emplace_back(key, id);
  id_limit_ = std::max(id_limit_, id + 1);
}

void BlockingIndex::Builder::AddExact(uint32_t id, std::string_view key, uint8_t field) {
  if (key.empty()) return;
  std::string buf;
  postings_.emplace_back(WholeKey(kExactKey, key, field, &buf), id);
  id_limit_ = std::max(id_limit_, id + 1);
}

uint32_t BlockingIndex::KeyWeight(uint32_t num_records, uint32_t df) {
  const double bits = std::log2(1.0 + static_cast<double>(num_records) / df);
  return static_cast<uint32_t>(std::lround(bits * kIdfScale));
}

BlockingIndex BlockingIndex::Builder::Build() && {
  BlockingIndex index;
  index.options_ = options_;
  index.id_limit_ = id_limit_;
  std::sort(postings_.begin(), postings_.end());
  postings_.erase(std::unique(postings_.begin(), postings_.end()), postings_.end());

  std::vector<bool> seen(id_limit_, false);
  for (const auto& [key, id] : postings_) {
    if (!seen[id]) {
      seen[id] = true;
      ++index.num_records_;
    }
  }

  std::vector<uint64_t> kept_keys;
  index.bucket_begin_.push_back(0);
  for (size_t i = 0; i < postings_.size();) {
    size_t j = i;
    while (j < postings_.size() && postings_[j].first == postings_[i].first) ++j;
    const auto df = static_cast<uint32_t>(j - i);
    if (df > options_.max_bucket) {
      ++index.dropped_keys_;
    } else {
      kept_keys.push_back(postings_[i].first);
      for (size_t k = i; k < j; ++k) index.ids_.push_back(postings_[k].second);
      index.bucket_begin_.push_back(static_cast<uint32_t>(index.ids_.size()));
      index.weights_.push_back(KeyWeight(index.num_records_, df));
    }
    i = j;
  }
  postings_.clear();
  postings_.shrink_to_fit();

  size_t capacity = 16;
  while (capacity < 2 * kept_keys.size()) capacity *= 2;
  index.slot_mask_ = capacity - 1;
  index.slot_keys_.assign(capacity, 0);
  index.slot_buckets_.assign(capacity, kEmpty);
  for (uint32_t b = 0; b < kept_keys.size(); ++b) {
    uint64_t slot = kept_keys[b] & index.slot_mask_;
    while (index.slot_buckets_[slot] != kEmpty) slot = (slot + 1) & index.slot_mask_;
    index.slot_keys_[slot] = kept_keys[b];
    index.slot_buckets_[slot] = b;
  }
  return index;
}

uint32_t BlockingIndex::FindBucket(uint64_t key) const {
  if (slot_buckets_.empty()) return kEmpty;
  for (uint64_t slot = key & slot_mask_;; slot = (slot + 1) & slot_mask_) {
    const uint32_t bucket = slot_buckets_[slot];
    if (bucket == kEmpty || slot_keys_[slot] == key) return bucket;
  }
}

void BlockingIndex::Query::Add(std::string_view text, uint8_t field) {
  std::string buf;
  AppendKeys(text, field, &buf, &keys_);
}

void BlockingIndex::Query::AddExact(std::string_view key, uint8_t field) {
  if (key.empty()) return;
  std::string buf;
  keys_.push_back(WholeKey(kExactKey, key, field, &buf));
}

void BlockingIndex::Candidates(Query* query, std::vector<BlockingCandidate>* out) const {
  out->clear();
  std::vector<uint64_t>& keys = query->keys_;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (query->score_.size() < id_limit_) query->score_.assign(id_limit_, 0);
  std::vector<uint32_t>& score = query->score_;
  std::vector<uint32_t>& touched = query->touched_;
  touched.clear();
  for (uint64_t key : keys) {
    const uint32_t bucket = FindBucket(key);
    if (bucket == kEmpty) continue;
    const uint32_t weight = weights_[bucket];
    for (uint32_t k = bucket_begin_[bucket]; k < bucket_begin_[bucket + 1]; ++k) {
      const uint32_t id = ids_[k];
      if (score[id] == 0) touched.push_back(id);
      score[id] += weight;
    }
  }
  out->reserve(touched.size());
  for (uint32_t id : touched) {
    out->push_back({id, score[id]});
    score[id] = 0;
  }
  auto better = [](const BlockingCandidate& a, const BlockingCandidate& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  };
  const size_t limit = options_.max_candidates;
  if (out->size() > limit) {
    std::nth_element(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(limit), out->end(),
                     better);
    out->resize(limit);
  }
  std::sort(out->begin(), out->end(), better);
}

}  // namespace casesift
