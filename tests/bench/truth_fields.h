// The scored leaves of a case record (tests/data/case-extract/README.md, "Scoring", item 2),
// shared by bench-compare-truth and the case-synth agreement test: both compare case-synth's
// truth with case-extract's record on exactly the fields the accuracy fixtures score, so the
// truth's own bookkeeping (`id`, `src`) and the extractor's `warnings` never count.
#ifndef CASESIFT_TESTS_BENCH_TRUTH_FIELDS_H_
#define CASESIFT_TESTS_BENCH_TRUTH_FIELDS_H_

#include <map>
#include <set>
#include <string>

#include "tests/support/record_score.h"

namespace casesift::testing {

// True when `field` (a FieldName, indexes dropped) is one the annotation guide scores.
inline bool IsScoredField(const std::string& field) {
  static const std::set<std::string> kScored = [] {
    std::set<std::string> s = {"case_no",      "court",           "doc_type", "category",
                               "procedure",    "trial_procedure", "cause",    "cause_listed",
                               "claim_yuan",   "award_yuan",      "fee_yuan", "filed_date",
                               "decided_date", "outcome"};
    for (const char* m : {"year", "court_code", "special", "type_code", "seq", "suffix", "legacy"})
      s.insert(std::string("case_no_parts.") + m);
    for (const char* m : {"role", "side", "name", "kind", "gender", "birth", "ethnicity", "address",
                          "id_no", "id_valid", "uscc", "uscc_valid", "legal_rep"})
      s.insert(std::string("parties[].") + m);
    for (const char* m : {"role", "name", "org"}) s.insert(std::string("parties[].reps[].") + m);
    for (const char* m : {"yuan", "text", "section"}) s.insert(std::string("amounts[].") + m);
    for (const char* m : {"to", "item", "yuan"}) s.insert(std::string("allocations[].") + m);
    return s;
  }();
  return kScored.count(field) > 0;
}

// Drops the leaves of `leaves` (from Flatten) that are not scored.
inline void KeepScored(std::map<std::string, std::string>* leaves) {
  for (auto it = leaves->begin(); it != leaves->end();) {
    it = IsScoredField(FieldName(it->first)) ? std::next(it) : leaves->erase(it);
  }
}

}  // namespace casesift::testing

#endif  // CASESIFT_TESTS_BENCH_TRUTH_FIELDS_H_
