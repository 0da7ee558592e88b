// The naive twin of entity-join's matcher (tools/entity-join/join_matcher.h): every left
// record compared with every reference row, every combination of values tried, keys
// compared as strings, with no hashing, no index and no posting lists. Slow on purpose;
// the matcher must agree with it (entity_join_agreement_test.cpp).
#ifndef CASESIFT_TESTS_REFERENCE_ENTITY_JOIN_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_ENTITY_JOIN_REFERENCE_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/name_normalize.h"
#include "join_key.h"
#include "join_spec.h"

namespace casesift::reference {

struct NaiveMatch {
  uint32_t row;
  JoinTier tier;
  std::vector<std::string> left, right;  // the values compared, one per --on
};

// The matches of `left` among `rows`, by row, as JoinMatcher::Find defines them: per --on
// and side, the first value of each distinct key; a row matches when some choice of one
// value per --on has equal keys on both sides; its tier is the weakest part's, and of
// several choices the first (left values in order, the first --on slowest; then right
// values likewise) with the strongest tier is reported.
std::vector<NaiveMatch> NaiveJoin(simdjson::dom::element left,
                                  const std::vector<simdjson::dom::element>& rows,
                                  const JoinSpec& spec, const NameNormalizer& norm);

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_ENTITY_JOIN_REFERENCE_H_
