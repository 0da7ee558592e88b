// The lexer of `let` expressions (let_expr.h): the tokens, the function table and the
// precedence levels the parser uses. Internal to rule-match.
#ifndef CASESIFT_TOOLS_RULE_MATCH_LET_LEXER_H_
#define CASESIFT_TOOLS_RULE_MATCH_LET_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift::let_internal {

enum class Tok : uint8_t {
  kEnd,
  kError,
  kNumber,
  kString,
  kPath,
  kFunc,
  kName,
  kLParen,
  kRParen,
  kComma,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  kNot,
  kTrue,
  kFalse
};

struct Token {
  Tok kind = Tok::kEnd;
  size_t start = 0;  // byte offset in the text
  size_t end = 0;
  std::string text;  // kString: the unescaped string; kPath, kFunc, kName: the name
  double number = 0;
  Status error;  // kError
};

// Precedence levels, loosest first.
inline constexpr int kPrecOr = 1, kPrecAnd = 2, kPrecNot = 3, kPrecCompare = 4, kPrecAdd = 5,
                     kPrecMul = 6, kPrecUnary = 7;

struct Function {
  std::string_view name;
  uint32_t min_args;
  uint32_t max_args;  // UINT32_MAX: any number
};

inline constexpr uint32_t kAny = UINT32_MAX;
// In the order of LetExpr::Op from kCount on.
inline constexpr Function kFunctions[] = {
    {"count", 1, 1}, {"sum", 1, 1},   {"min", 1, kAny}, {"max", 1, kAny},
    {"avg", 1, 1},   {"len", 1, 1},   {"lower", 1, 1},  {"coalesce", 1, kAny},
    {"days", 2, 2},  {"today", 0, 0}, {"norm", 1, 1},
};

// The tokens of `text`, ending in kEnd or, at the first lexical error, kError.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace casesift::let_internal

#endif  // CASESIFT_TOOLS_RULE_MATCH_LET_LEXER_H_
