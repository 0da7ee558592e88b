// Evaluates loaded rules (rules.h) on one record, exactly as RULES.md "Semantics, precisely"
// says: missing values, several values, empty arrays, case folding, `re` as a search,
// numbers from strings. A record missing a field never fails: predicates on it are false.
#ifndef CASESIFT_TOOLS_RULE_MATCH_MATCHER_H_
#define CASESIFT_TOOLS_RULE_MATCH_MATCHER_H_

#include <simdjson.h>

#include <map>
#include <string>
#include <vector>

#include "common/json_builder.h"
#include "rules.h"

namespace casesift {

// The values of a rule's `let` names on one record.
using LetValues = std::map<std::string, Values, std::less<>>;

// What one rule found on one record.
struct RuleOutcome {
  bool matched = false;
  std::vector<bool> held;  // per selection, in the rule's order
  LetValues lets;
};

// Evaluates `rule` on `record`; `today_days` is the run's date (days since 1970-01-01).
RuleOutcome EvaluateRule(const Rule& rule, simdjson::dom::element record, int64_t today_days);

// The pieces EvaluateRule is made of, for the engine (engine.h), which evaluates only the
// entries its scans could not decide: a rule's let values on `record`, and whether one
// entry holds in `scope` (the record, or an array element for a nested entry).
void ComputeLets(const Rule& rule, simdjson::dom::element record, int64_t today_days,
                 LetValues* lets);
bool EntryHolds(const Entry& entry, simdjson::dom::element scope, const LetValues& lets);

// The lead of a match as one JSON object (RECORDS.md, "Lead record"). `src_json` is the
// record's `src` member when it has one, else a {file, line} object for the input line.
// With `explain`, the lead carries ExplainJson as `explain`.
std::string LeadJson(const Rule& rule, const RuleOutcome& outcome, simdjson::dom::element record,
                     std::string_view src_json, bool explain = false);

// What --explain adds to a lead: per selection, whether it held and, per entry of each of
// its maps, the values the entry saw (for a quantifier, how many elements there were and
// how many satisfied the nested selection):
//   {"divorce":{"held":true,"seen":[{"cause":"离婚纠纷","outcome":"mediated"}]}, ...}
std::string ExplainJson(const Rule& rule, const RuleOutcome& outcome,
                        simdjson::dom::element record);

// The members every lead starts with (RECORDS.md): lead_id (the rule id and the XXH3 of
// `key`, the canonical key object's JSON), rule, rule_version, rule_hash, title, level,
// recipient and key. `b` is inside the lead's object.
void WriteLeadHead(JsonBuilder& b, const Rule& rule, std::string_view key);
// The members between lead_id and key: rule, rule_version, rule_hash, title, level and
// recipient; and the same as text, for Rule::lead_members.
void WriteLeadMembers(JsonBuilder& b, const Rule& rule);
std::string LeadMembersJson(const Rule& rule);

// The values a path yields, as Values (AppendValues: an array's scalar elements; null and
// objects left out).
Values PathValues(const FieldPath& path, simdjson::dom::element record);
// Whether `path` yields a value other than null in `record` (what `exists` tests): a scalar
// or an object is one; an array is its elements, so that an empty array (or one of nulls)
// yields none.
bool PathExists(const FieldPath& path, simdjson::dom::element record);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_MATCHER_H_
