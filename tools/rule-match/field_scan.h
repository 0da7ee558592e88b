// FieldScan: one field path and every literal that any rule compares its values with, so
// that each value the path yields is looked at once per record, whatever the number of
// rules (RULES.md, "Engine expectations"). The engine (engine.h) keeps one per path.
//
//   - contains/startswith/endswith literals: one Hyperscan database (PatternSet), Latin
//     case folded through [aA] classes unless `cased`; a hit of a fixed-length literal
//     tells where it starts, so startswith and endswith are the hits at either end;
//   - re: one RE2::Set (the language promises RE2's syntax and semantics, which
//     Hyperscan's differ from, so regexes are scanned by RE2 itself);
//   - equality and `in`: hash tables of text (folded, or exact when `cased`), a sorted
//     table of numbers (a decimal string finds its number within CompareNumbers'
//     tolerance) and booleans.
// Each literal is registered with the id of the "atom" (the engine's entry) it belongs to;
// Scan reports the atoms that hold on some value.
//
// Also here: the values of a path as views into the record (Scalar), and the plain test of
// an entry on such values, for the entries no table can answer (numbers, neq, exists).
#ifndef CASESIFT_TOOLS_RULE_MATCH_FIELD_SCAN_H_
#define CASESIFT_TOOLS_RULE_MATCH_FIELD_SCAN_H_

#include <re2/re2.h>
#include <re2/set.h>
#include <simdjson.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_path.h"
#include "common/pattern_set.h"
#include "common/status.h"
#include "rules.h"
#include "text_table.h"
#include "value.h"

namespace casesift {

// One scalar a path yields, viewing the record's own bytes (valid while the document is).
struct Scalar {
  Value::Kind kind;
  bool boolean;
  double number;
  std::string_view string;
};

// Appends the values `e` stands for, as AppendValues (value.h) does: `e` when a scalar, an
// array's scalar elements (one level), nothing for null or an object.
void AppendScalar(simdjson::dom::element e, std::vector<Scalar>* values);

// Whether one value satisfies entry `e` against `literals` (its own, or a fieldref's
// values), as RULES.md "Semantics, precisely" says: some literal passes the entry's test,
// or, with |all and for |neq, every one does. None: false.
bool ScalarHolds(const Entry& e, const Scalar& v, const std::vector<Value>& literals);

// Whether `e` (an entry on a path; no let, fieldref or quantifier) holds given the scalars
// its path yielded: some value that ScalarHolds. Not for `exists`, which sees objects and
// arrays too (PathExists, matcher.h).
bool ScalarsSatisfy(const Entry& e, const std::vector<Scalar>& values);

// The Hyperscan pattern (PatternSet) for a literal: bytes as \xHH, Latin letters as [aA]
// unless cased.
std::string LiteralPattern(std::string_view literal, bool cased);

class FieldScan {
 public:
  // The path's values; with `inner`, a proxy: `inner` in each element that `outer` yields
  // (an array's elements, or the value itself), as a quantifier sees them. With `norm`,
  // string values are normalised at that level (REQUIRES: NameNormalizer::Get() succeeded).
  FieldScan(const FieldPath* outer, const FieldPath* inner, std::optional<NameLevel> norm)
      : outer_(outer), inner_(inner), norm_(norm) {}

  enum class Mode : uint8_t { kContains, kStartsWith, kEndsWith };
  void AddEquality(const Value& literal, bool cased, uint32_t atom);
  void AddPattern(Mode mode, const std::string& literal, bool cased, uint32_t atom);
  void AddRegex(const RE2* regex, uint32_t atom);
  // Builds the database and tables; call once, after the last Add.
  Status Compile();

  // Appends the values the path yields in `record` to *values (null, arrays and objects
  // left out). Normalised strings live in this FieldScan until the next Resolve.
  void Resolve(simdjson::dom::element record, std::vector<Scalar>* values) const;
  // Appends to *atoms every atom that holds on some value (an atom may appear twice).
  void Scan(const std::vector<Scalar>& values, std::vector<uint32_t>* atoms) const;

 private:
  void ScanString(std::string_view s, std::vector<uint32_t>* atoms) const;
  void LookUpNumber(double x, std::vector<uint32_t>* atoms) const;

  struct Target {
    uint32_t atom;
    Mode mode;
    uint32_t length;
  };

  const FieldPath* outer_;
  const FieldPath* inner_;
  std::optional<NameLevel> norm_;
  mutable std::deque<std::string> normalised_;  // a deque: growing never moves a string
  std::map<std::pair<std::string, bool>, uint32_t> pattern_ids_;  // (literal, cased) -> id
  std::vector<std::vector<Target>> pattern_targets_;              // by pattern id
  std::optional<PatternSet> patterns_;
  std::vector<uint32_t> any_string_;  // an empty literal: any string holds
  std::map<std::string, uint32_t> regex_ids_;
  std::vector<std::vector<uint32_t>> regex_targets_;  // by RE2::Set index
  std::vector<const RE2*> regexes_;
  std::unique_ptr<RE2::Set> regex_set_;
  TextTable folded_, cased_;
  std::vector<std::pair<double, uint32_t>> numbers_;  // sorted after Compile
  std::vector<uint32_t> bools_[2];
  // Scratch of Scan (one FieldScan is used by one thread).
  mutable std::vector<PatternHit> hits_;
  mutable std::vector<int> regex_hits_;
  mutable std::string folded_text_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_FIELD_SCAN_H_
