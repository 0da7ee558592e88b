// Internal to common/: the candidates FindMoney (chinese_number.h) parses, found by hand
// around their anchors (元, 圆 and the currency signs) instead of by one regular expression
// search per candidate. tests/reference/money_agreement_test.cpp checks FindMoney against
// the old RE2 scan. Not an API for tools.
#ifndef CASESIFT_COMMON_MONEY_CANDIDATES_H_
#define CASESIFT_COMMON_MONEY_CANDIDATES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/pattern_set.h"

namespace casesift::money {

// The anchors of `text` in order, as hits whose id is the anchor's length, 0 for 元 and 圆.
// The vector is the calling thread's, reused by its next call.
const std::vector<PatternHit>& FindAnchors(std::string_view text);

// The leftmost-longest candidate starting at or after `pos`, as [*begin, *end); false when
// there is none. `anchors` are those of `text`; *first is the first that may still be in a
// candidate, and only moves forward.
bool NextCandidate(std::string_view text, size_t pos, const std::vector<PatternHit>& anchors,
                   size_t* first, size_t* begin, size_t* end);

}  // namespace casesift::money

#endif  // CASESIFT_COMMON_MONEY_CANDIDATES_H_
