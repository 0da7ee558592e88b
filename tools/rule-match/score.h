// rule-match --score: the precision of each rule, and of each version of it, from leads
// that reviewers marked "verdict":"tp" (a true lead) or "fp" (a false one) (RULES.md,
// "Lifecycle, tests and precision"). Leads without a verdict count as unreviewed.
#ifndef CASESIFT_TOOLS_RULE_MATCH_SCORE_H_
#define CASESIFT_TOOLS_RULE_MATCH_SCORE_H_

#include <string>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

// Reads the marked leads of `verdicts` and writes one row per rule version and one total
// per rule, sorted by rule id and version: a text table, or JSON Lines with `json`.
Status RunScore(const std::string& verdicts, bool json, const CommonOptions& common);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_SCORE_H_
