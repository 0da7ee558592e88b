// FuzzyIndex: the --fuzzy tier: reference rows found by similar names and scored.
//
// Candidates come from a BlockingIndex (common/blocking_index.h): each --on part's values,
// normalised as names, by IDF-weighted character bigrams and whole tokens, and each
// --compare value as an exact key, so that a badly misspelt name still meets its row
// through an identical birth date or ID. Each candidate is scored by a MatchScorer
// (common/match_score.h) over the --on parts (compared as names) and the --compare pairs
// (of a kind chosen from the reference's values: identifiers, dates, codes, texts, names),
// with weights learnt from the reference alone: no labels, nothing tuned per data set.
// The scorer reads the first value of each path; masked values count as missing, and a
// record whose --on values are all masked or missing has no fuzzy candidates, since a
// masked name is no evidence.
//
// Built once while the reference loads (AddRow ... Build), then read-only and shareable;
// a Probe holds one thread's scratch.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_FUZZY_INDEX_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_FUZZY_INDEX_H_

#include <simdjson.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "block_arena.h"
#include "common/blocking_index.h"
#include "common/match_score.h"
#include "common/name_normalize.h"
#include "common/status.h"
#include "join_spec.h"

namespace casesift {

class FuzzyIndex {
 public:
  FuzzyIndex(const JoinSpec& spec, const NameNormalizer& norm, double min_score);

  // Adds reference row `row` (rows come in order 0, 1, ...).
  void AddRow(uint32_t row, simdjson::dom::element root);
  // Builds the blocking index and the scorer. Errors: as MatchScorer::Builder::Build.
  Status Build();

  struct Candidate {
    uint32_t row;
    double score;
  };
  // One thread's scratch.
  struct Probe {
    BlockingIndex::Query query;
    std::vector<BlockingCandidate> candidates;
    PreparedRecords left;
    std::vector<std::string> values;  // the left record's raw values, per scorer field
    std::string scratch;
  };

  // Reads the left record's values into the probe; false when it has no --on value to
  // search by (all missing or masked).
  bool Prepare(simdjson::dom::element record, Probe* probe) const;
  // The score of the prepared record against a row.
  double Score(const Probe& probe, uint32_t row) const;
  // The rows that score at least the minimum, best first (ties by row).
  void Candidates(Probe* probe, std::vector<Candidate>* out) const;
  // Appends the `fields` explanation of the prepared record against a row, an object
  // keyed by field: {"surname":{"left":..,"right":..,"similarity":..,"weight":..,
  // "outcome":"agree"},...}.
  void AppendFields(const Probe& probe, uint32_t row, std::string* out) const;
  // The raw --on values of a row (as AppendValue wrote them), for `right`.
  std::string_view RowValues(uint32_t row) const { return values_.FromHandle(handles_[row]); }

  double min_score() const { return min_score_; }

 private:
  // The scorer's fields: the --on parts, then the --compare pairs.
  size_t parts() const { return spec_.on.size(); }
  void ValuesOf(simdjson::dom::element root, bool left, std::vector<std::string>* out) const;

  const JoinSpec& spec_;
  const NameNormalizer& norm_;
  double min_score_;
  std::vector<std::string> labels_;
  std::optional<MatchScorer::Builder> scorer_builder_;
  std::optional<BlockingIndex::Builder> blocking_builder_;
  std::optional<MatchScorer> scorer_;
  BlockingIndex blocking_;
  BlockArena values_;
  std::vector<uint32_t> handles_;
  std::vector<std::string> row_values_;  // scratch
  std::string scratch_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_FUZZY_INDEX_H_
