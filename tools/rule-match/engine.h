// The one-pass engine of rule-match (RULES.md, "Engine expectations"): every detection rule
// of a RuleSet evaluated on a record with one scan per field, not one per rule.
//
// Atoms. Every top-level entry that depends on its path's values alone (no let, fieldref
// or quantifier) is an atom; entries alike share one. Per path (with its |norm level) a
// FieldScan (field_scan.h) holds every literal of the path's "scanned" atoms: equality,
// `in`, contains, startswith, endswith and re, in one Hyperscan database, one RE2::Set and
// hash tables, so each value is looked at once whatever the number of rules. The other
// atoms (numbers, neq, exists, |all) are "computed" from the path's values, resolved once
// per record, when a rule first asks. An entry that reads more of the record than its path
// (a fieldref, a quantifier) but no let value is a "record" atom: the plain evaluator
// decides it once per record, however many rules have it.
//
// Triggers. Each rule gets clauses: sets of scanned atoms that must all hold, one of which
// must be complete for the rule to match (a map needs all its atoms, a selection one of its
// maps, an `and` both operands, an `or` either; `[any]`, `[all]` and `[count>=N]` lend the
// atoms of their nested maps, scanned over the whole array; a |all entry its literals read
// as "any"). Paths are scanned in order of how many clauses use them, and a path only while
// some clause that reaches it is still complete so far: a clause's atoms are grouped by path
// into stages in that order, a clause is first looked at when an atom of its first stage
// holds, and each later stage is checked only for the clauses whose stages so far held. A
// clause also carries the computed and record atoms of the same maps as guards, worked out
// when its scanned atoms have all held. A rule is evaluated only when one of its clauses
// completes and its guards hold; its condition reads the atoms, decides the other entries
// with the plain evaluator (matcher.h), and stops as soon as it is decided. A rule without
// clauses (only `not`, numbers, lets...) is evaluated on every record: `--check` warns.
//
// Words. When every rule has clauses, each clause has an atom that can only hold on a
// record whose JSON text contains one of its literals as written (text equality or
// contains/startswith/endswith, not normalised). MayMatch looks for those words, one atom's
// per clause, in the raw line with one Hyperscan scan, so the reader can pass over lines
// that hold none of them without parsing them.
//
// The result equals EvaluateRule for every rule on every record: tests/reference holds a
// naive evaluator, and a generated comparison checks the two agree, and that a line
// MayMatch passes over matches nothing.
//
// An Engine keeps per-record scratch space: one per thread (MayMatch excepted).
#ifndef CASESIFT_TOOLS_RULE_MATCH_ENGINE_H_
#define CASESIFT_TOOLS_RULE_MATCH_ENGINE_H_

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "common/status.h"
#include "rules.h"

namespace casesift {

class Engine {
 public:
  // Builds the engine for the detection rules of `set`, which must outlive it. Fails only
  // when Hyperscan or RE2::Set cannot compile what the loader accepted (a usage error) or
  // runs out of memory doing so.
  static Result<std::unique_ptr<Engine>> Build(const RuleSet& set);

  // Sets *matched to the indices (into set.rules, ascending) of the detection rules that
  // match `record`, correlation rules left out. `today_days` is the run's date.
  void Match(simdjson::dom::element record, int64_t today_days, std::vector<size_t>* matched);

  // Whether a record can match some rule, judged from its JSON text alone: false when it
  // contains none of the words that some complete clause needs (then no rule is even a
  // candidate). Always true when the rules allow no such judgement (a rule without a
  // trigger; a clause of numbers, regexes or normalised names only) and for text with a
  // backslash (an escape could hide a word). Thread-safe.
  bool MayMatch(std::string_view json) const;
  // Whether MayMatch can ever say false.
  bool prefilters() const;

  // The detection rules without a trigger: evaluated on every record.
  std::vector<size_t> Untriggered() const;

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_ENGINE_H_
