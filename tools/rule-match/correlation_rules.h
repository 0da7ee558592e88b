// The model of a correlation rule (RULES.md, "A correlation rule"): which rules feed it, how
// their records are grouped, the time window and the aggregate conditions; and the loading
// of `correlation:` and of correlation tests from a rule document. Internal to rule-match.
#ifndef CASESIFT_TOOLS_RULE_MATCH_CORRELATION_RULES_H_
#define CASESIFT_TOOLS_RULE_MATCH_CORRELATION_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_path.h"
#include "common/name_normalize.h"
#include "common/status.h"

namespace YAML {
class Node;
}

namespace casesift {

struct Rule;
struct RuleSet;
class Source;

// Where a rule file wrote a path: its first byte and that source line, for the checks that
// run after loading (lint.h). An empty file name: not written (a default).
struct SourceSite {
  Location location;
  std::string line;
};

// What a correlation aggregates over the members of a window.
enum class Aggregate : uint8_t { kEventCount, kValueCount, kSum, kMin, kMax, kAvg };

// `{gte: 3}`: an aggregate compared with a number (CompareNumbers).
struct Comparison {
  std::string op = "gte";  // gte, gt, lte, lt or eq
  double value = 0;
  // Whether `x op value` holds.
  bool Holds(double x) const;
};

struct CorrelationSpec {
  Aggregate type = Aggregate::kEventCount;
  // The input rules as written, where each id was written, and (after ResolveCorrelations)
  // their indices in RuleSet::rules.
  std::vector<std::string> rules;
  std::vector<Location> rule_locations;
  std::vector<std::string> rule_lines;
  std::vector<size_t> inputs;
  std::vector<std::string> group_by_text;  // as written: the lead's key names
  std::vector<FieldPath> group_by;
  std::vector<std::optional<NameLevel>> group_by_norm;  // |norm or |core, per group-by path
  std::optional<NameLevel> field_norm;                  // |norm or |core on `field`
  std::optional<FieldPath> field;  // what value_count counts and sum/min/max/avg aggregate
  std::optional<FieldPath> time_field;
  std::optional<int64_t> timespan_days;  // none: the whole group is one window
  Comparison condition;
  // `also: {sum: claim_yuan, gte: 500000}`: a second aggregate over the same members.
  std::optional<Aggregate> also_type;
  std::optional<FieldPath> also_field;
  Comparison also;
  // Where group_by, field, time_field and also_field were written.
  std::vector<SourceSite> group_by_sites;
  SourceSite field_site, time_field_site, also_field_site;
};

// `records: [...]` with `leads: N` (and optionally `keys: [{...}]`, the lead keys as JSON).
struct CorrelationTest {
  std::vector<std::string> records_json;
  uint64_t leads = 0;
  std::optional<std::vector<std::string>> keys;
  Location location;
};

// The name of an aggregate as `type:`, `also:` and `$name` in a lead write it.
std::string_view AggregateName(Aggregate a);
// Whether `$name` in a correlation's lead names an aggregate or the group ($group, $count,
// $sum, $min, $max, $avg, $value_count).
bool IsAggregateName(std::string_view name);

// Loads the `correlation:` and `tests:` of the rule document `doc` into *rule (REQUIRES: doc
// has `correlation:`). The lead is left to the caller. Errors are located in `src`.
Status LoadCorrelation(const Source& src, const YAML::Node& doc, Rule* rule);

// Once every file is loaded: resolves each correlation's `rules:` to indices (an unknown id
// is a located error with a suggestion), refuses cycles, and fills
// RuleSet::correlation_order (inputs before the rules that read them).
Status ResolveCorrelations(RuleSet* set);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_CORRELATION_RULES_H_
