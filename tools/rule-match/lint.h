// Warnings that `rule-match --check` gives about rules that load (RULES.md, "Lifecycle"):
// field names that look like misspelt fields of the case record (RECORDS.md, "Case
// record"). They never stop a run: a record may carry columns of its own.
#ifndef CASESIFT_TOOLS_RULE_MATCH_LINT_H_
#define CASESIFT_TOOLS_RULE_MATCH_LINT_H_

#include <vector>

#include "common/status.h"
#include "rules.h"

namespace casesift {

// Appends to *warnings one Usage status per field path of `set` whose first member name is
// not a field of the case record but within edit distance 2 of one (and, after an array of
// parties, reps, amounts or allocations, a member name that is not one of theirs but near
// one), e.g. "warning: unknown field 'claim_yaun' (did you mean 'claim_yuan'?): records
// from case-extract have no such field", located at that name in the rule file with its
// source line. Names far from every known one are taken for the user's own columns.
// Paths checked: detection entries (nested entries of a quantifier relative to the array's
// elements), |fieldref values, paths in let expressions, lead key, subject and evidence,
// and correlation group-by, field, time-field and also (unless the correlation reads
// another correlation's leads). REQUIRES: `set` as LoadRules filled it.
void LintFields(const RuleSet& set, std::vector<Status>* warnings);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_LINT_H_
