// Rule levels (RULES.md: info, low, medium, high, critical) in order of severity: which lead
// is the more severe (lead-dedupe keeps the highest; report-render sorts and charts by it).
#ifndef CASESIFT_COMMON_RULE_LEVEL_H_
#define CASESIFT_COMMON_RULE_LEVEL_H_

#include <string_view>

namespace casesift {

// A level's rank, info 0 ... critical 4; -1 for anything else (sorted below info). Exact:
// levels are written in lower case, as rule-match checks.
int LevelRank(std::string_view level);

// The level of a rank (REQUIRES: 0 <= rank <= 4).
std::string_view LevelName(int rank);

}  // namespace casesift

#endif  // CASESIFT_COMMON_RULE_LEVEL_H_
