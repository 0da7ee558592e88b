// The one-pass engine of rule-match (RULES.md, "Engine expectations"): every detection rule
// of a RuleSet evaluated on a record with one scan per field, not one per rule.
//
// At build time the engine gathers every entry whose answer a scan can give (an "atom": a
// top-level entry on a field path with equality, `in`, `contains`, `startswith`, `endswith`
// or `re`, without `|all`), and groups them by path. Per path it compiles
//   - every contains/startswith/endswith literal of every rule into one Hyperscan database
//     (PatternSet; Latin case folded through [aA] classes unless `cased`),
//   - every `re` into one RE2::Set (the language promises RE2's syntax and semantics, which
//     Hyperscan's do not match, so the regexes are scanned by RE2 itself, once per value),
//   - every equality and `in` literal into hash tables: text (folded or cased), numbers
//     (sorted, so "500000" finds 500000.0 within CompareNumbers' tolerance) and booleans.
// Per record, each path is resolved once, each of its values scanned once, and the atoms
// that hold are set in a bit set.
//
// Each rule also gets a trigger: clauses, each a set of atoms that must all hold, one of
// which must be complete for the rule to match (a map needs all its atoms, a selection one
// of its maps, an `and` both operands, an `or` either; `[any]`, `[all]` and `[count>=N]`
// lend the atoms of their nested maps, scanned over the whole array). Per record, each atom
// that held counts towards its clauses, and a rule is evaluated only when one of its
// clauses is complete; a rule without a trigger (only `not`, numbers, `exists`...) on every
// record: those are the rules `--check` reports as scanning everything. Evaluation then
// reads the atoms' bits, deciding the other entries with the plain evaluator (matcher.h),
// and stops as soon as the condition is decided.
//
// The result equals EvaluateRule for every rule on every record; tests/reference holds a
// naive evaluator, and a generated comparison checks the two agree.
//
// An Engine keeps per-record scratch space: one per thread.
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
