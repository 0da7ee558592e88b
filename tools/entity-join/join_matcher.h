// JoinMatcher: the matches of one left record in the reference, with their evidence.
//
// For each --on the left record's values are read into join keys (join_key.h); every
// combination of one value per --on is looked up in the reference's KeyIndex. A match's
// tier is the weakest of its parts' (an identifier part is kId; another is kExact when the
// two texts are equal, else kName), and a row found through several combinations keeps its
// strongest. --exclude-same drops the rows whose value at that path equals the record's.
//
// With --fuzzy (the reference has a FuzzyIndex) every match but an identifier's is scored,
// and kept only when its score reaches --min-score; when none is left, the fuzzy tier's
// candidates are: tiers are tried in order.
//
// One JoinMatcher per thread: it keeps scratch space. The Reference must outlive it.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_JOIN_MATCHER_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_JOIN_MATCHER_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "combinations.h"
#include "common/name_normalize.h"
#include "common/status.h"
#include "join_key.h"
#include "join_spec.h"
#include "reference.h"

namespace casesift {

struct JoinMatch {
  uint32_t row = 0;
  JoinTier tier = JoinTier::kExact;
  double score = 1;
  uint32_t right_values = 0;  // the posting's values in the Reference
  uint32_t left_values = 0;   // offset of the left values in the matcher's scratch
  uint32_t combo = 0;         // the left combination it was found by, in enumeration order
};

class JoinMatcher {
 public:
  JoinMatcher(const JoinSpec& spec, const Reference& ref, const NameNormalizer& norm)
      : spec_(spec), ref_(ref), norm_(norm) {}

  // Sets *out to the record's matches, by row. Returns InvalidData (a message, without
  // location) when the record yields too many combinations of values to look up.
  Status Find(simdjson::dom::element record, std::vector<JoinMatch>* out);

  // Find in two steps, for a caller that reads many records' keys first and then looks
  // them up, so that the memory of their lookups is fetched together (Prefetch) instead of
  // one cache miss after another. Not with --fuzzy, whose tier needs the record itself.
  struct Keys {
    KeyParts parts;
    std::vector<KeyHash> hashes;  // per combination of values, in enumeration order
    std::string values;           // per combination, its raw values (AppendValue), to ends[c]
    std::vector<uint32_t> ends;
    std::vector<uint32_t> choices;  // per combination, the value chosen in each part
    bool excluding = false;         // --exclude-same, and the record has a value there
    uint64_t exclude = 0;
    // Per combination, its postings, once Prefetch's stage 1 has looked them up (then
    // the later stages and Match do not look them up again); empty before.
    std::vector<std::span<const KeyIndex::Posting>> found;
  };
  // Reads the record's keys; the errors of Find.
  Status Collect(simdjson::dom::element record, Keys* keys);
  // Find's matches for keys from Collect.
  void Match(const Keys& keys, std::vector<JoinMatch>* out);
  // Hints at the memory Match(keys) will read, one level at a time: stage 0 the index's
  // slots, 1 the postings, 2 their values and row tables, 3 the rows' texts. Each stage
  // reads what the one before fetched; nothing else changes.
  void Prefetch(Keys* keys, int stage) const;

  // Keeps only the best match: the highest score, then the strongest tier, then the
  // first row.
  static void KeepBest(std::vector<JoinMatch>* matches);

  // Appends the `_match` object of a match found by the last Find:
  // {"score":1,"via":"exact","left":"...","right":"..."}; with several --on, left and
  // right are arrays of the values compared, one per --on.
  void AppendMatchJson(const JoinMatch& match, std::string* out) const;

 private:
  const JoinSpec& spec_;
  const Reference& ref_;
  const NameNormalizer& norm_;
  Keys keys_;  // Find's
  std::string key_, values_, left_values_;
  std::vector<size_t> choice_;
  mutable std::vector<std::string_view> split_, left_split_;
  JoinValue value_;
  // The --fuzzy tier's scratch, and whether it holds the last record.
  FuzzyIndex::Probe probe_;
  bool probed_ = false;
  std::vector<FuzzyIndex::Candidate> candidates_;
  bool Excluded(uint32_t row, bool excluding, uint64_t exclude) const {
    uint64_t h;
    return excluding && ref_.ExcludeHash(row, &h) && h == exclude;
  }
  void Fuzzy(simdjson::dom::element record, bool excluding, uint64_t exclude,
             std::vector<JoinMatch>* out);
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_JOIN_MATCHER_H_
