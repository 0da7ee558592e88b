// Values a rule compares and computes: the scalars a field path yields from a record (JSON
// strings, numbers, booleans), the literals written in a rule, and the results of `let`
// expressions (RULES.md, "Semantics, precisely").
//
// "Nothing" (a missing path, null, an undefined result) is not a Value: it is an empty
// list of values.
#ifndef CASESIFT_TOOLS_RULE_MATCH_VALUE_H_
#define CASESIFT_TOOLS_RULE_MATCH_VALUE_H_

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/name_normalize.h"

namespace casesift {

struct Value {
  enum class Kind : uint8_t { kBool, kNumber, kString };
  Kind kind = Kind::kNumber;
  bool boolean = false;
  double number = 0;
  std::string string;

  static Value Bool(bool b) {
    Value v;
    v.kind = Kind::kBool;
    v.boolean = b;
    return v;
  }
  static Value Number(double n) {
    Value v;
    v.kind = Kind::kNumber;
    v.number = n;
    return v;
  }
  static Value String(std::string_view s) {
    Value v;
    v.kind = Kind::kString;
    v.string = std::string(s);
    return v;
  }
  bool operator==(const Value& o) const = default;
};

using Values = std::vector<Value>;

// The scalar `e` as a Value; nothing for null, arrays and objects.
std::optional<Value> ValueOf(simdjson::dom::element e);
// Appends the values `e` stands for (RULES.md, "Missing values"): itself when a scalar, an
// array's scalar elements (one level: an empty array stands for nothing), else nothing.
void AppendValues(simdjson::dom::element e, Values* out);

// Replaces each string among `values` by its normalised form (|norm, |core, norm()).
// REQUIRES: NameNormalizer::Get() has succeeded (the loader checks it for every rule that
// normalises).
void NormalizeStrings(NameLevel level, Values* values);

// The number a value stands for: a number, or a string that is a plain decimal number
// ("500000", "-3.25", " 12 " is not: no spaces, no exponent, no thousands separators).
// Booleans and other strings are not numbers.
std::optional<double> AsNumber(const Value& v);
std::optional<double> ParseDecimal(std::string_view s);

// Numeric comparison as rules compare: equal when the two agree to within one part in
// 10^13 (so sums of money compare exactly to the fen up to 10^10 yuan, and 0.1 + 0.2 equals
// 0.3). Returns -1, 0 or 1.
int CompareNumbers(double a, double b);

// The value as evidence and keys print it (JSON text): strings quoted and escaped, numbers
// in their shortest form that reads back, true/false.
std::string ValueJson(const Value& v);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_VALUE_H_
