// LetExpr: one `let:` entry of a rule (RULES.md, "Computed values"), parsed once and
// evaluated on each record.
//
//   share:   max(allocations[*].yuan) / sum(allocations[*].yuan)
//   slow:    days(filed_date, decided_date) > 365
//   gang:    count(parties[side=defendant]) >= 2 and $share > 0.5
//   gain:    coalesce(award_yuan, 0) - coalesce(claim_yuan, 0)
//
// Syntax. Precedence from loosest: `or`, `and`, `not`, comparisons (`== != < <= > >=`, which
// do not chain), `+ -`, `* /`, unary `-`, then primaries:
//   - numbers `500000`, `0.7` (digits, an optional fraction; `-3` is unary minus on 3);
//   - strings 'text' or "text" (a backslash escapes the quote or a backslash; nothing else);
//   - `true`, `false`;
//   - `$name`, the value of another `let` entry;
//   - a field path written bare (RECORDS.md, "Field paths"): a token that starts with a
//     letter, `_` or a non-ASCII character and runs over letters, digits, `_`, non-ASCII
//     characters, `.`, `"quoted"` names after a `.` and `[...]` steps, e.g.
//     `parties[side=defendant].name`. `and`, `or`, `not`, `true` and `false` are keywords,
//     never paths;
//   - a function call: a plain identifier followed by `(`;
//   - parentheses.
// Expressions nest at most kMaxNesting levels (parentheses, calls, `not`, unary minus).
//
// Values. An expression yields Values: a list, empty for "nothing".
//   - A path yields the scalars it reaches, in document order; null, missing fields and
//     objects yield nothing, and a path that reaches an array yields that array's elements
//     (one level), so an empty array yields nothing (as `exists` sees it).
//   - `$name` yields that entry's values (nothing when the name is unknown to the context).
//   - Where one value is needed (arithmetic, comparisons, `and or not`, `len`, `days`), an
//     operand that yields several values stands for its FIRST value.
//   - Arithmetic needs numbers (numbers, or strings that are plain decimals, AsNumber);
//     anything else, nothing, division by zero and an overflow give nothing.
//   - `==` and `!=` compare numerically (CompareNumbers) when both sides are numbers,
//     exactly (byte for byte, no case folding) when both are strings, and booleans with
//     booleans; other mixes are unequal. `< <= > >=` compare numbers numerically, two
//     non-numeric strings byte-wise (so ISO dates order correctly), and are false for
//     anything else. Any comparison with nothing is false (`!=` too). Comparisons yield a
//     boolean value.
//   - `and`, `or`, `not` yield a boolean. An operand is true when its first value is
//     `true`, a non-zero number or a non-empty string; nothing is false.
//
// Functions (a wrong number of arguments is a parse error):
//   count(x)         how many values x yields; for a bare path, how many non-null elements it
//                    reaches, objects included (`count(parties[side=defendant])`); 0 for
//                    nothing.
//   sum(x) min(x) max(x) avg(x)
//                    over the values of x that are numbers (AsNumber), others skipped;
//                    nothing when there are none.
//   len(x)           the length of x's first value in characters (UTF-8 code points), for a
//                    string; nothing otherwise.
//   lower(x)         every string value of x in ASCII lower case; other values unchanged.
//   coalesce(a, ...) the values of the first argument that yields something.
//   days(a, b)       whole days from date a to date b (negative when b is earlier); nothing
//                    unless both first values are full ISO dates `YYYY-MM-DD`.
//   today()          the run's date (LetContext::today_days) as a `YYYY-MM-DD` string.
//   norm(x)          each string of x at the `name` level of the shared name normaliser
//
// Evaluation is iterative over a post-order node list: no recursion, time linear in the size
// of the expression and of the record. Parse errors are Usage statuses located at line 1 and
// the byte column (1-based) of the problem, with `text` as the source line and an empty file
// name; callers re-locate them with Status::At.
//
// Thread safety: a LetExpr is immutable after Parse; Eval is const and may run on several
// threads at once.
#ifndef CASESIFT_TOOLS_RULE_MATCH_LET_EXPR_H_
#define CASESIFT_TOOLS_RULE_MATCH_LET_EXPR_H_

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_path.h"
#include "common/status.h"
#include "value.h"

namespace casesift {

// What an expression is evaluated against. Set `record` per record; the rest may stay.
struct LetContext {
  // REQUIRES: an element of a live document whenever the expression uses a path.
  simdjson::dom::element record;
  // The values of an already-computed let entry, by name without the '$'; nullptr (or an
  // empty function) when unknown. A returned pointer must stay valid during Eval.
  std::function<const Values*(std::string_view name)> lookup;
  // The run's date for today(): days since 1970-01-01 (REQUIRES: a date of years 0-9999).
  int64_t today_days = 0;
};

class LetExpr {
 public:
  // The deepest nesting Parse accepts.
  static constexpr int kMaxNesting = 100;

  // Parses `text`. Errors name what was expected, e.g. "expected ')' to close '(' at
  // column 5", "unknown function 'cout' (did you mean 'count'?)".
  static Result<LetExpr> Parse(std::string_view text);

  // The expression's values on ctx.record. Never fails: undefined results are nothing.
  Values Eval(const LetContext& ctx) const;

  // The expression as written.
  const std::string& text() const { return text_; }
  // The `$names` referenced (without '$'), in order of first use, each once.
  const std::vector<std::string>& names_used() const { return names_; }
  // The field paths used, as written, in order of first use, each once.
  const std::vector<std::string>& paths_used() const { return path_texts_; }

  // Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (a real calendar day, years
  // 0000-9999); nullopt for anything else, including `YYYY-MM` and `YYYY`.
  static std::optional<int64_t> IsoDateDays(std::string_view s);
  // The ISO date `YYYY-MM-DD` of `days` since 1970-01-01.
  static std::string IsoDate(int64_t days);

 private:
  friend class LetParser;

  enum class Op : uint8_t {
    // Leaves.
    kLiteral,    // literals_[index]
    kPath,       // paths_[index]
    kCountPath,  // count(paths_[index]): elements reached
    kName,       // names_[index]
    // Operators.
    kNeg,
    kNot,
    kAdd,
    kSub,
    kMul,
    kDiv,
    kEq,
    kNe,
    kLt,
    kLe,
    kGt,
    kGe,
    kAnd,
    kOr,
    // Functions; `argc` arguments.
    kCount,
    kSum,
    kMin,
    kMax,
    kAvg,
    kLen,
    kLower,
    kCoalesce,
    kDays,
    kToday,
    kNorm
  };
  struct Node {
    Op op;
    uint32_t index = 0;  // leaves
    uint32_t argc = 0;   // functions
  };

  std::string text_;
  std::vector<Node> nodes_;  // post-order: operands before their operator
  std::vector<Value> literals_;
  std::vector<FieldPath> paths_;
  std::vector<std::string> path_texts_;
  std::vector<std::string> names_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_LET_EXPR_H_
