// The rule model of rule-match: rules loaded from YAML files (RULES.md), checked, and ready
// to evaluate. Every error a rule file can have is found at load time and located
// `file:line:col` with the source line and a caret; rule-match prints it and exits 2.
//
//   RuleSet rules;
//   Status st = LoadRules({"rules/"}, "lists/", &rules);
#ifndef CASESIFT_TOOLS_RULE_MATCH_RULES_H_
#define CASESIFT_TOOLS_RULE_MATCH_RULES_H_

#include <re2/re2.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/field_path.h"
#include "common/name_normalize.h"
#include "common/status.h"
#include "condition.h"
#include "correlation_rules.h"
#include "let_expr.h"
#include "value.h"

namespace casesift {

struct Selection;

// One entry of a selection: `PATH[|MODIFIER...]: VALUE`, or `PATH[QUANTIFIER]: {nested}`.
struct Entry {
  enum class Op : uint8_t {
    kEquals,  // plain, or |in
    kContains,
    kStartsWith,
    kEndsWith,
    kRe,
    kGt,
    kGte,
    kLt,
    kLte,
    kNeq,
    kExists,
  };
  enum class Quantifier : uint8_t { kNone, kAny, kAll, kNone_, kCount };

  std::string key;                // as written, for messages and --explain
  SourceSite site;                // where the key was written
  std::string let_name;           // `$name` entries: the let value (without '$')
  std::optional<FieldPath> path;  // otherwise: the path
  Op op = Op::kEquals;
  bool all = false;    // |all: one value satisfies every literal
  bool cased = false;  // |cased: Latin letters compare case-sensitively
  // |norm or |core: string values and literals compared after NameNormalizer at that
  // level (the literals are normalised once, at load time).
  std::optional<NameLevel> norm;
  std::vector<Value> literals;
  std::vector<std::unique_ptr<RE2>> regexes;  // |re, one per literal
  std::vector<FieldPath> refs;                // |fieldref: the other paths
  std::vector<SourceSite> ref_sites;          // where each of refs was written
  bool exists = true;                         // |exists: true or false
  // '@name' values, resolved into `literals` once every list is known.
  struct ListRef {
    std::string name;
    Location location;
    std::string source_line;
  };
  std::vector<ListRef> lists;

  Quantifier quantifier = Quantifier::kNone;
  char count_op[3] = {0, 0, 0};  // ">=", ">", "<=", "<", "=="
  uint64_t count = 0;
  std::vector<std::vector<Entry>> nested;  // the nested selection: an OR of maps
};

// A named selection: an OR of maps, each an AND of entries.
struct Selection {
  std::string name;
  std::vector<std::vector<Entry>> alternatives;
};

struct LeadSpec {
  std::vector<std::string> key_text;  // as written
  std::vector<FieldPath> key;
  std::vector<SourceSite> key_sites;  // where each key path was written (none: the default)
  std::string subject_text;           // a path or $name; empty: none
  std::optional<FieldPath> subject;
  std::string subject_let;
  SourceSite subject_site;
  struct Evidence {
    std::string name;  // the member name in the lead: the path as written, or the let name
    std::optional<FieldPath> path;
    std::string let;
    SourceSite site;
  };
  std::vector<Evidence> evidence;
};

struct RuleTest {
  bool match = true;  // match: or nomatch:
  std::string record_json;
  Location location;
};

struct Rule {
  std::string id, title, status, level, recipient, description;
  int64_t version = 0;
  bool emit = true;
  std::string file;
  Location location;  // of the rule's first key
  uint64_t hash = 0;  // XXH3 of the rule's canonical text (YAML re-emitted)
  // The members every lead of the rule has after lead_id, as WriteLeadHead (matcher.h)
  // writes them: "rule":...,"rule_version":...,"rule_hash":...,"title":...,"level":...
  // and "recipient" when there is one. Set by the loader, once the rule is complete; empty:
  // WriteLeadHead writes them itself.
  std::string lead_members;

  std::vector<std::pair<std::string, LetExpr>> lets;  // in dependency order
  std::vector<SourceSite> let_sites;                  // where each let's expression starts
  std::vector<Selection> selections;
  std::optional<Condition> condition;
  LeadSpec lead;
  std::vector<RuleTest> tests;
  // A correlation rule has `correlation` (and correlation tests) instead of a detection.
  std::optional<CorrelationSpec> correlation;
  std::vector<CorrelationTest> correlation_tests;
};

struct RuleSet {
  std::vector<Rule> rules;
  std::map<std::string, std::vector<Value>> lists;
  size_t files = 0;
  std::vector<size_t> correlation_order;  // correlation rules, each after its inputs
};

// Loads every rule of `paths` (files, or folders read recursively for *.yaml and *.yml in
// sorted path order) and the lists of `lists_dir` (NAME.txt: one value a line, `#`
// comments; empty: none). The first error in file order stops the load. The files are
// read and parsed on up to `threads` threads; the result is the same on any number.
Status LoadRules(const std::vector<std::string>& paths, const std::string& lists_dir, RuleSet* out,
                 unsigned threads = 1);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_RULES_H_
