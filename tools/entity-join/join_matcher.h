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
      : spec_(spec), ref_(ref), norm_(norm), parts_(spec.on.size()) {}

  // Sets *out to the record's matches, by row. Returns InvalidData (a message, without
  // location) when the record yields too many combinations of values to look up.
  Status Find(simdjson::dom::element record, std::vector<JoinMatch>* out);

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
  KeyParts parts_;
  std::string key_, values_, left_values_;
  std::vector<size_t> choice_;
  mutable std::vector<std::string_view> split_;
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
