// The blocking index: which reference records are worth scoring against a query name, without
// comparing the query with every one of them (the "blocking" step of record linkage).
//
// Each reference record is added under one or more texts (a normalised name, its parts, or an
// exact key such as an identifier), each in a key space called its field. A text gives keys:
//  - every whitespace-separated token whole (the token key),
//  - every character bigram of each token (name_similarity.h's AppendCharBigrams; a
//    one-character token gives its unigram), and
//  - every CJK ideograph alone, since one Chinese character says about as much as a Latin
//    bigram and 张三/张山 share no bigram.
// An exact key (AddExact) is the whole text as one key and nothing else. A key's identity is
// the XXH3-64 (hash.h) of its kind, field and characters; two keys colliding in 64 bits are
// treated as one (at a billion keys, a chance of about 3e-2 that any pair collides at all).
//
// Each key's weight is its inverse document frequency, log2(1 + N / df) for N records and df
// records holding the key, in fixed point (kIdfScale units per bit, rounded), so that summing
// is exact and the ranking the same in every order. A key held by more than
// `max_bucket` records is dropped: it is too common to tell records apart ("an", "smith" in a
// large register), and keeping it would make every query touch a large part of the index.
//
// A query's candidates are the records sharing at least one kept key with it, ranked by the
// summed weight of the distinct keys they share (descending), ties by id (ascending), at most
// `max_candidates` of them. A query key that appears several times counts once.
//
//   BlockingIndex::Builder builder;
//   builder.Add(0, "deakin sondergeld");
//   builder.Add(1, "dekain sondergeldt");
//   BlockingIndex index = std::move(builder).Build();
//   BlockingIndex::Query query;
//   query.Add("deakin sondergeld");
//   std::vector<BlockingCandidate> out;
//   index.Candidates(&query, &out);  // {0, w0}, {1, w1} with w0 > w1
//
// Lifetime and threads: a Builder is used by one thread. A built index is immutable: any
// number of threads may call Candidates at once, each with its own Query.
#ifndef CASESIFT_COMMON_BLOCKING_INDEX_H_
#define CASESIFT_COMMON_BLOCKING_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

struct BlockingOptions {
  // Keys held by more records than this are dropped. 500 bounds a query's work at about 500
  // postings per key (a name gives some 10-20 keys: 10,000 queries against 10,000 names take
  // about 0.1 s of candidate search) while keeping every key that still narrows a large
  // register to a small share of it; in a register of 10,000 names only the commonest letter
  // pairs go. Exact keys of other fields (AddExact) recover what the dropped ones lose.
  uint32_t max_bucket = 500;
  // At most this many candidates per query. 50 leaves room for the true match behind
  // records that share more of a common name with the query, at a scoring cost of
  // 50 pairs per query.
  uint32_t max_candidates = 50;
};

// Fixed-point scale of key weights: a weight of kIdfScale is one bit of information.
inline constexpr uint32_t kIdfScale = 256;

struct BlockingCandidate {
  uint32_t id;      // the reference record
  uint32_t weight;  // summed weight of the shared keys, kIdfScale units per bit
  friend bool operator==(const BlockingCandidate&, const BlockingCandidate&) = default;
};

class BlockingIndex {
 public:
  // Collects the reference records' keys. Not thread-safe.
  class Builder {
   public:
    explicit Builder(BlockingOptions options = {});

    // Adds the keys of `text` in key space `field` for record `id`. `text` should be
    // normalised already (lower case, one form of each character): keys compare code points.
    // REQUIRES: id < 2^31 (records are numbered densely from 0: the query uses an array of
    // the largest id + 1 counters).
    void Add(uint32_t id, std::string_view text, uint8_t field = 0);
    // Adds `key` whole, as one key, in key space `field` (an identifier, a date). Empty keys
    // are ignored.
    void AddExact(uint32_t id, std::string_view key, uint8_t field = 0);

    // The index. The builder is left empty.
    BlockingIndex Build() &&;

   private:
    BlockingOptions options_;
    std::vector<std::pair<uint64_t, uint32_t>> postings_;  // (key, id), in any order
    uint32_t id_limit_ = 0;                                // largest id + 1
    std::vector<uint64_t> scratch_;
  };

  // A query's keys and the per-record counters to rank them: reuse one per thread, since
  // the first Candidates call sizes the counters to the index (4 bytes per record).
  class Query {
   public:
    // Forgets the keys (keeps the memory).
    void Clear() { keys_.clear(); }
    // Adds the keys of `text` in key space `field`, as Builder::Add does.
    void Add(std::string_view text, uint8_t field = 0);
    // Adds `key` whole, as Builder::AddExact does.
    void AddExact(std::string_view key, uint8_t field = 0);

   private:
    friend class BlockingIndex;
    std::vector<uint64_t> keys_;
    std::vector<uint32_t> score_;    // per record, zero between calls
    std::vector<uint32_t> touched_;  // records with a nonzero score
  };

  BlockingIndex() = default;

  // *out is overwritten with the query's candidates, best first (see the file comment).
  // Leaves the query's keys in place; `query` may be reused after Clear().
  void Candidates(Query* query, std::vector<BlockingCandidate>* out) const;

  // The weight of one key given its record count: round(kIdfScale * log2(1 + N / df)) for
  // the index's N records. Exposed so a reference implementation ranks the same way.
  static uint32_t KeyWeight(uint32_t num_records, uint32_t df);

  uint32_t num_records() const { return num_records_; }  // distinct ids added
  size_t num_keys() const { return weights_.size(); }    // kept keys
  size_t num_dropped_keys() const { return dropped_keys_; }

 private:
  // Open addressing: slot -> key and the key's bucket number, or kEmpty.
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  uint32_t FindBucket(uint64_t key) const;

  BlockingOptions options_;
  uint32_t num_records_ = 0;
  uint32_t id_limit_ = 0;
  size_t dropped_keys_ = 0;
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_buckets_;
  uint64_t slot_mask_ = 0;
  std::vector<uint32_t> bucket_begin_;  // bucket b is ids_[bucket_begin_[b], bucket_begin_[b+1])
  std::vector<uint32_t> weights_;       // per bucket
  std::vector<uint32_t> ids_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_BLOCKING_INDEX_H_
