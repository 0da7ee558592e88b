#include "let_expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/utf8.h"

namespace casesift {

namespace {

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
constexpr int kPrecOr = 1, kPrecAnd = 2, kPrecNot = 3, kPrecCompare = 4, kPrecAdd = 5, kPrecMul = 6,
              kPrecUnary = 7;

struct Function {
  std::string_view name;
  uint32_t min_args;
  uint32_t max_args;  // UINT32_MAX: any number
};

constexpr uint32_t kAny = UINT32_MAX;
// In the order of LetExpr::Op from kCount on.
constexpr Function kFunctions[] = {
    {"count", 1, 1}, {"sum", 1, 1},   {"min", 1, 1},         {"max", 1, 1},  {"avg", 1, 1},
    {"len", 1, 1},   {"lower", 1, 1}, {"coalesce", 1, kAny}, {"days", 2, 2}, {"today", 0, 0},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Full-width punctuation that a Chinese keyboard slips in for ( ) , : its ASCII twin.
char FullWidthTwin(std::string_view text, size_t i) {
  if (text.substr(i, 2) != "\xEF\xBC" || i + 2 >= text.size()) return 0;
  switch (static_cast<unsigned char>(text[i + 2])) {
    case 0x88:
      return '(';
    case 0x89:
      return ')';
    case 0x8C:
      return ',';
    default:
      return 0;
  }
}

// A byte of a path or `$name`: ASCII letters, digits, '_', and non-ASCII characters other
// than full-width punctuation.
bool IsWordAt(std::string_view text, size_t i) {
  return IsIdentChar(text[i]) ||
         (static_cast<unsigned char>(text[i]) >= 0x80 && FullWidthTwin(text, i) == 0);
}

// The character at text[i] for a message: the whole UTF-8 character, or its byte in hex
// when it is not printable.
std::string CharAt(std::string_view text, size_t i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b >= 0x20 && b < 0x7F) return fmt::format("'{}'", text[i]);
  if (b >= 0x80) {
    size_t j = i;
    char32_t cp = NextCodePoint(text, &j);
    if (cp != 0xFFFD || text.substr(i, 3) == "\xEF\xBF\xBD") {
      return fmt::format("'{}'", text.substr(i, j - i));
    }
  }
  return fmt::format("byte 0x{:02X}", b);
}

// `message` with the numbers after "at column " moved right by `shift` bytes: a message of
// FieldPath::Parse about a path that starts `shift` bytes into the expression.
std::string ShiftColumns(std::string_view message, size_t shift) {
  static constexpr std::string_view kAt = "at column ";
  std::string out;
  size_t i = 0;
  for (size_t at; (at = message.find(kAt, i)) != std::string_view::npos;) {
    size_t digits = at + kAt.size(), end = digits;
    while (end < message.size() && IsDigit(message[end])) ++end;
    out += message.substr(i, digits - i);
    if (end == digits) {
      i = digits;
      continue;
    }
    size_t column = 0;
    for (size_t k = digits; k < end && column < SIZE_MAX / 16; ++k) {
      column = column * 10 + static_cast<size_t>(message[k] - '0');
    }
    out += std::to_string(column + shift);
    i = end;
  }
  out += message.substr(i);
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // All tokens, ending in kEnd or, at the first lexical error, kError.
  std::vector<Token> Run() {
    std::vector<Token> tokens;
    for (;;) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
      Token t = Next();
      Tok kind = t.kind;
      tokens.push_back(std::move(t));
      if (kind == Tok::kEnd || kind == Tok::kError) return tokens;
    }
  }

 private:
  Token Make(Tok kind, size_t start) {
    Token t;
    t.kind = kind;
    t.start = start;
    t.end = pos_;
    return t;
  }
  Token Fail(size_t at, std::string_view message) {
    Token t = Make(Tok::kError, at);
    t.error = Status::Usage(message).At(Location{"", 1, at + 1}, text_);
    return t;
  }

  Token Next() {
    size_t start = pos_;
    if (pos_ >= text_.size()) return Make(Tok::kEnd, start);
    char c = text_[pos_];
    if (IsDigit(c)) return LexNumber();
    if (c == '\'' || c == '"') return LexString();
    if (char twin = FullWidthTwin(text_, pos_); twin != 0) {
      return Fail(start,
                  fmt::format("unexpected full-width {} (use '{}')", CharAt(text_, pos_), twin));
    }
    if (IsWordAt(text_, pos_)) return LexWord();
    auto one = [&](Tok kind) {
      ++pos_;
      return Make(kind, start);
    };
    auto two = [&](Tok kind) {
      pos_ += 2;
      return Make(kind, start);
    };
    char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    switch (c) {
      case '(':
        return one(Tok::kLParen);
      case ')':
        return one(Tok::kRParen);
      case ',':
        return one(Tok::kComma);
      case '+':
        return one(Tok::kPlus);
      case '-':
        return one(Tok::kMinus);
      case '*':
        return one(Tok::kStar);
      case '/':
        return one(Tok::kSlash);
      case '<':
        return next == '=' ? two(Tok::kLe) : one(Tok::kLt);
      case '>':
        return next == '=' ? two(Tok::kGe) : one(Tok::kGt);
      case '=':
        if (next == '=') return two(Tok::kEq);
        return Fail(start, "unexpected '=' (use '==' to compare)");
      case '!':
        if (next == '=') return two(Tok::kNe);
        return Fail(start, "unexpected '!' (use 'not')");
      case '&':
        return Fail(start, "unexpected '&' (use 'and')");
      case '|':
        return Fail(start, "unexpected '|' (use 'or'; modifiers belong in selections)");
      case '$':
        return LexName();
      default:
        return Fail(start, fmt::format("unexpected {}", CharAt(text_, pos_)));
    }
  }

  Token LexNumber() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || !IsDigit(text_[pos_])) {
        return Fail(pos_ - 1, "expected a digit after '.' in a number");
      }
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (IsWordAt(text_, pos_) || text_[pos_] == '.')) {
      return Fail(pos_, fmt::format("unexpected {} after a number (a path cannot start with a "
                                    "digit; quote it as a string if it is text)",
                                    CharAt(text_, pos_)));
    }
    std::optional<double> value = ParseDecimal(text_.substr(start, pos_ - start));
    if (!value) return Fail(start, "number too large");
    Token t = Make(Tok::kNumber, start);
    t.number = *value;
    return t;
  }

  Token LexString() {
    size_t start = pos_;
    char quote = text_[pos_++];
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size() &&
          (text_[pos_ + 1] == quote || text_[pos_ + 1] == '\\')) {
        ++pos_;
      }
      out += text_[pos_++];
    }
    if (pos_ >= text_.size()) {
      return Fail(start, fmt::format("unterminated string (missing closing {})",
                                     quote == '\'' ? "'''" : "'\"'"));
    }
    ++pos_;
    Token t = Make(Tok::kString, start);
    t.text = std::move(out);
    return t;
  }

  Token LexName() {
    size_t start = pos_++;
    while (pos_ < text_.size() && IsWordAt(text_, pos_)) ++pos_;
    if (pos_ == start + 1) return Fail(start, "expected a let name after '$'");
    Token t = Make(Tok::kName, start);
    t.text = std::string(text_.substr(start + 1, pos_ - start - 1));
    return t;
  }

  // Skips a "quoted" part starting at pos_; to the end when it is not closed.
  void SkipQuoted() {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    pos_ = std::min(pos_ + 1, text_.size());
  }

  // A keyword, a function name (an identifier before '(') or a field path.
  Token LexWord() {
    size_t start = pos_;
    bool ident = IsIdentStart(text_[pos_]);
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (IsWordAt(text_, pos_)) {
        ident = ident && IsIdentChar(c);
        ++pos_;
      } else if (c == '.') {
        ident = false;
        ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '"') SkipQuoted();
      } else if (c == '[') {
        ident = false;
        while (pos_ < text_.size() && text_[pos_] != ']') {
          if (text_[pos_] == '"') {
            SkipQuoted();
          } else {
            ++pos_;
          }
        }
        pos_ = std::min(pos_ + 1, text_.size());
      } else {
        break;
      }
    }
    std::string_view word = text_.substr(start, pos_ - start);
    if (ident) {
      static constexpr std::pair<std::string_view, Tok> kKeywords[] = {
          {"and", Tok::kAnd},   {"or", Tok::kOr},       {"not", Tok::kNot},
          {"true", Tok::kTrue}, {"false", Tok::kFalse},
      };
      for (const auto& [keyword, kind] : kKeywords) {
        if (word == keyword) return Make(kind, start);
      }
      size_t after = pos_;
      while (after < text_.size() && IsSpace(text_[after])) ++after;
      if (after < text_.size() && text_[after] == '(') {
        Token t = Make(Tok::kFunc, start);
        t.text = std::string(word);
        return t;
      }
    }
    Result<FieldPath> path = FieldPath::Parse(word);
    if (!path.ok()) {
      const Location* loc = path.status().location();
      size_t column = loc != nullptr && loc->column > 0 ? loc->column - 1 : 0;
      return Fail(start + column, ShiftColumns(path.status().message(), start));
    }
    Token t = Make(Tok::kPath, start);
    t.text = std::string(word);
    return t;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

class LetParser {
 public:
  LetParser(std::string_view text, LetExpr* out) : text_(text), out_(out) {}

  Status Parse() {
    out_->text_ = std::string(text_);
    tokens_ = Lexer(text_).Run();
    if (tokens_.front().kind == Tok::kEnd) return Error(0, "empty expression");
    CASESIFT_RETURN_IF_ERROR(ParseExpr(0, 0));
    const Token& t = Peek();
    if (t.kind == Tok::kEnd) return Status::OK();
    if (t.kind == Tok::kRParen) return ErrorAt(t, "unexpected ')' (no '(' to close)");
    return ErrorAt(t, fmt::format("unexpected {} after an expression (expected an operator or "
                                  "the end)",
                                  Describe(t)));
  }

 private:
  using Op = LetExpr::Op;

  const Token& Peek() const { return tokens_[next_]; }
  const Token& Take() {
    const Token& t = tokens_[next_];
    if (next_ + 1 < tokens_.size()) ++next_;
    return t;
  }

  Status Error(size_t at, std::string_view message) const {
    return Status::Usage(message).At(Location{"", 1, at + 1}, text_);
  }
  // An error at token `t`; the lexer's own error when `t` is one.
  Status ErrorAt(const Token& t, std::string_view message) const {
    if (t.kind == Tok::kError) return t.error;
    return Error(t.start, message);
  }

  std::string Describe(const Token& t) const {
    if (t.kind == Tok::kEnd) return "the end";
    std::string_view s = text_.substr(t.start, t.end - t.start);
    if (s.size() > 40) {
      size_t cut = 0;
      while (cut < 40) NextCodePoint(s, &cut);
      return fmt::format("'{}...'", s.substr(0, cut));
    }
    return fmt::format("'{}'", s);
  }

  Status CheckDepth(int depth, const Token& t) const {
    if (depth > LetExpr::kMaxNesting) {
      return Error(t.start, fmt::format("expression nests too deeply (more than {} levels)",
                                        LetExpr::kMaxNesting));
    }
    return Status::OK();
  }

  void Emit(Op op, uint32_t index = 0, uint32_t argc = 0) {
    out_->nodes_.push_back(LetExpr::Node{op, index, argc});
  }

  struct Binary {
    Tok tok;
    int prec;
    Op op;
  };
  // The binary operator `kind` stands for, if any.
  static const Binary* BinaryOf(Tok kind) {
    static constexpr Binary kBinary[] = {
        {Tok::kOr, kPrecOr, Op::kOr},      {Tok::kAnd, kPrecAnd, Op::kAnd},
        {Tok::kEq, kPrecCompare, Op::kEq}, {Tok::kNe, kPrecCompare, Op::kNe},
        {Tok::kLt, kPrecCompare, Op::kLt}, {Tok::kLe, kPrecCompare, Op::kLe},
        {Tok::kGt, kPrecCompare, Op::kGt}, {Tok::kGe, kPrecCompare, Op::kGe},
        {Tok::kPlus, kPrecAdd, Op::kAdd},  {Tok::kMinus, kPrecAdd, Op::kSub},
        {Tok::kStar, kPrecMul, Op::kMul},  {Tok::kSlash, kPrecMul, Op::kDiv},
    };
    for (const Binary& b : kBinary) {
      if (b.tok == kind) return &b;
    }
    return nullptr;
  }

  // Operators binding at least as tightly as `min_prec`; `depth` counts the nesting so far.
  Status ParseExpr(int min_prec, int depth) {
    const Token& t = Peek();
    if (t.kind == Tok::kNot) {
      if (min_prec > kPrecNot) {
        return Error(t.start, "'not' needs parentheses here: write '(not ...)'");
      }
      CASESIFT_RETURN_IF_ERROR(CheckDepth(depth + 1, t));
      Take();
      CASESIFT_RETURN_IF_ERROR(ParseExpr(kPrecNot, depth + 1));
      Emit(Op::kNot);
    } else if (t.kind == Tok::kMinus) {
      CASESIFT_RETURN_IF_ERROR(CheckDepth(depth + 1, t));
      Take();
      CASESIFT_RETURN_IF_ERROR(ParseExpr(kPrecUnary, depth + 1));
      Emit(Op::kNeg);
    } else {
      CASESIFT_RETURN_IF_ERROR(ParsePrimary(depth));
    }
    for (;;) {
      const Binary* op = BinaryOf(Peek().kind);
      if (op == nullptr || op->prec < min_prec) return Status::OK();
      Take();
      CASESIFT_RETURN_IF_ERROR(ParseExpr(op->prec + 1, depth));
      Emit(op->op);
      const Binary* next = BinaryOf(Peek().kind);
      if (op->prec == kPrecCompare && next != nullptr && next->prec == kPrecCompare) {
        return Error(Peek().start,
                     "comparisons do not chain: write 'a < b and b < c' (or parenthesise)");
      }
    }
  }

  Status ParsePrimary(int depth) {
    const Token& t = Peek();
    switch (t.kind) {
      case Tok::kNumber:
        AddLiteral(Value::Number(t.number));
        break;
      case Tok::kString:
        AddLiteral(Value::String(t.text));
        break;
      case Tok::kTrue:
      case Tok::kFalse:
        AddLiteral(Value::Bool(t.kind == Tok::kTrue));
        break;
      case Tok::kPath:
        Emit(Op::kPath, AddPath(t.text));
        break;
      case Tok::kName:
        Emit(Op::kName, AddName(t.text));
        break;
      case Tok::kLParen: {
        CASESIFT_RETURN_IF_ERROR(CheckDepth(depth + 1, t));
        size_t open = t.start;
        Take();
        CASESIFT_RETURN_IF_ERROR(ParseExpr(0, depth + 1));
        const Token& close = Peek();
        if (close.kind != Tok::kRParen) {
          return ErrorAt(close, fmt::format("expected ')' to close '(' at column {}, found {}",
                                            open + 1, Describe(close)));
        }
        Take();
        return Status::OK();
      }
      case Tok::kFunc:
        return ParseCall(depth);
      case Tok::kEnd:
        return Error(t.start,
                     "expected a value at the end (a number, 'string', path, $name, "
                     "function call or '(')");
      default:
        return ErrorAt(t, fmt::format("expected a value, found {}", Describe(t)));
    }
    Take();
    return Status::OK();
  }

  Status ParseCall(int depth) {
    const Token& name = Peek();
    if (name.text == "norm") {
      return Error(name.start,
                   "norm() is not available yet: it needs the shared name normaliser "
                   "(entity-join issue)");
    }
    size_t fn = 0;
    while (fn < std::size(kFunctions) && kFunctions[fn].name != name.text) ++fn;
    if (fn == std::size(kFunctions)) return UnknownFunction(name);
    CASESIFT_RETURN_IF_ERROR(CheckDepth(depth + 1, name));
    const Function& f = kFunctions[fn];
    Op op = static_cast<Op>(static_cast<int>(Op::kCount) + static_cast<int>(fn));
    size_t name_start = name.start;
    Take();
    size_t open = Peek().start;
    Take();  // '(': the lexer made a kFunc token only before one
    uint32_t argc = 0;
    bool counts_path = false;  // count(PATH): the kCountPath node is the whole call
    if (Peek().kind == Tok::kRParen) {
      Take();
    } else {
      for (;;) {
        size_t before = out_->nodes_.size();
        CASESIFT_RETURN_IF_ERROR(ParseExpr(0, depth + 1));
        ++argc;
        if (op == Op::kCount && out_->nodes_.size() == before + 1 &&
            out_->nodes_.back().op == Op::kPath) {
          out_->nodes_.back().op = Op::kCountPath;
          counts_path = true;
        }
        const Token& t = Peek();
        if (t.kind == Tok::kComma) {
          Take();
        } else if (t.kind == Tok::kRParen) {
          Take();
          break;
        } else {
          return ErrorAt(t, fmt::format("expected ',' or ')' to close '{}(' at column {}, found {}",
                                        f.name, open + 1, Describe(t)));
        }
      }
    }
    if (argc < f.min_args || argc > f.max_args) {
      std::string want;
      if (f.max_args == 0) {
        want = "no arguments";
      } else if (f.max_args == kAny) {
        want = fmt::format("at least {} argument{}", f.min_args, f.min_args == 1 ? "" : "s");
      } else {
        want = fmt::format("{} argument{}", f.min_args, f.min_args == 1 ? "" : "s");
      }
      return Error(name_start, fmt::format("{}() takes {}, got {}", f.name, want, argc));
    }
    if (!counts_path) Emit(op, 0, argc);
    return Status::OK();
  }

  Status UnknownFunction(const Token& name) const {
    std::string lowered = name.text;
    for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::string_view best;
    size_t best_distance = 3;
    auto consider = [&](std::string_view candidate) {
      size_t d = EditDistance(lowered, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    };
    for (const Function& f : kFunctions) consider(f.name);
    consider("norm");
    if (!best.empty()) {
      return Error(name.start,
                   fmt::format("unknown function '{}' (did you mean '{}'?)", name.text, best));
    }
    return Error(name.start,
                 fmt::format("unknown function '{}' (functions: count, sum, min, max, avg, len, "
                             "lower, coalesce, days, today)",
                             name.text));
  }

  void AddLiteral(Value v) {
    out_->literals_.push_back(std::move(v));
    Emit(Op::kLiteral, static_cast<uint32_t>(out_->literals_.size() - 1));
  }

  uint32_t AddPath(const std::string& text) {
    auto& texts = out_->path_texts_;
    auto it = std::find(texts.begin(), texts.end(), text);
    if (it != texts.end()) return static_cast<uint32_t>(it - texts.begin());
    // The lexer parsed it already.
    out_->paths_.push_back(std::move(FieldPath::Parse(text).value()));
    texts.push_back(text);
    return static_cast<uint32_t>(texts.size() - 1);
  }

  uint32_t AddName(const std::string& name) {
    auto& names = out_->names_;
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<uint32_t>(it - names.begin());
    names.push_back(name);
    return static_cast<uint32_t>(names.size() - 1);
  }

  std::string_view text_;
  LetExpr* out_;
  std::vector<Token> tokens_;
  size_t next_ = 0;
};

Result<LetExpr> LetExpr::Parse(std::string_view text) {
  LetExpr expr;
  Status s = LetParser(text, &expr).Parse();
  if (!s.ok()) return s;
  return expr;
}

std::optional<int64_t> LetExpr::IsoDateDays(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  auto num = [&](size_t at, size_t n) {
    int64_t v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int64_t y = num(0, 4), m = num(5, 2), d = num(8, 2);
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string LetExpr::IsoDate(int64_t days) {
  // Howard Hinnant's civil_from_days.
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

namespace {

// The scalars `e` stands for: itself, or an array's scalar elements.
void AppendScalars(simdjson::dom::element e, Values* out) {
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element child : arr) {
      if (std::optional<Value> v = ValueOf(child)) out->push_back(std::move(*v));
    }
  } else if (std::optional<Value> v = ValueOf(e)) {
    out->push_back(std::move(*v));
  }
}

// The non-null elements `e` stands for: 1, or an array's non-null elements.
size_t CountElements(simdjson::dom::element e) {
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    size_t n = 0;
    for (simdjson::dom::element child : arr) n += child.is_null() ? 0 : 1;
    return n;
  }
  return e.is_null() ? 0 : 1;
}

std::optional<double> FirstNumber(const Values& v) {
  if (v.empty()) return std::nullopt;
  return AsNumber(v.front());
}

Values NumberOrNothing(std::optional<double> d) {
  if (!d || !std::isfinite(*d)) return {};
  return {Value::Number(*d)};
}

bool Truthy(const Values& v) {
  if (v.empty()) return false;
  const Value& x = v.front();
  switch (x.kind) {
    case Value::Kind::kBool:
      return x.boolean;
    case Value::Kind::kNumber:
      return x.number != 0;
    case Value::Kind::kString:
      return !x.string.empty();
  }
  return false;
}

bool Equal(const Value& a, const Value& b) {
  std::optional<double> x = AsNumber(a), y = AsNumber(b);
  if (x && y) return CompareNumbers(*x, *y) == 0;
  if (a.kind != b.kind) return false;
  if (a.kind == Value::Kind::kString) return a.string == b.string;
  if (a.kind == Value::Kind::kBool) return a.boolean == b.boolean;
  return false;
}

// -1, 0 or 1 when `a` and `b` are ordered (both numbers or both strings).
std::optional<int> Order(const Value& a, const Value& b) {
  std::optional<double> x = AsNumber(a), y = AsNumber(b);
  if (x && y) return CompareNumbers(*x, *y);
  if (a.kind == Value::Kind::kString && b.kind == Value::Kind::kString) {
    int c = a.string.compare(b.string);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return std::nullopt;
}

}  // namespace

Values LetExpr::Eval(const LetContext& ctx) const {
  std::vector<Values> stack;
  stack.reserve(8);
  auto boolean = [](bool b) { return Values{Value::Bool(b)}; };
  for (const Node& node : nodes_) {
    switch (node.op) {
      case Op::kLiteral:
        stack.push_back({literals_[node.index]});
        continue;
      case Op::kPath: {
        Values v;
        paths_[node.index].ForEach(ctx.record,
                                   [&](simdjson::dom::element e) { AppendScalars(e, &v); });
        stack.push_back(std::move(v));
        continue;
      }
      case Op::kCountPath: {
        size_t n = 0;
        paths_[node.index].ForEach(ctx.record,
                                   [&](simdjson::dom::element e) { n += CountElements(e); });
        stack.push_back({Value::Number(static_cast<double>(n))});
        continue;
      }
      case Op::kName: {
        const Values* v = ctx.lookup ? ctx.lookup(names_[node.index]) : nullptr;
        stack.push_back(v != nullptr ? *v : Values{});
        continue;
      }
      default:
        break;
    }
    if (node.op == Op::kNeg || node.op == Op::kNot) {
      if (stack.empty()) return {};  // unreachable: the parser emits operands first
      Values& top = stack.back();
      if (node.op == Op::kNot) {
        top = boolean(!Truthy(top));
      } else {
        std::optional<double> x = FirstNumber(top);
        top = NumberOrNothing(x ? std::optional<double>(-*x) : std::nullopt);
      }
      continue;
    }
    if (node.op >= Op::kAdd && node.op <= Op::kOr) {
      if (stack.size() < 2) return {};  // unreachable
      Values b = std::move(stack.back());
      stack.pop_back();
      Values& a = stack.back();
      Values result;
      switch (node.op) {
        case Op::kAnd:
          result = boolean(Truthy(a) && Truthy(b));
          break;
        case Op::kOr:
          result = boolean(Truthy(a) || Truthy(b));
          break;
        case Op::kEq:
        case Op::kNe:
          if (a.empty() || b.empty()) {
            result = boolean(false);
          } else {
            result = boolean(Equal(a.front(), b.front()) == (node.op == Op::kEq));
          }
          break;
        case Op::kLt:
        case Op::kLe:
        case Op::kGt:
        case Op::kGe: {
          std::optional<int> c;
          if (!a.empty() && !b.empty()) c = Order(a.front(), b.front());
          bool holds = c.has_value() && (node.op == Op::kLt   ? *c < 0
                                         : node.op == Op::kLe ? *c <= 0
                                         : node.op == Op::kGt ? *c > 0
                                                              : *c >= 0);
          result = boolean(holds);
          break;
        }
        default: {
          std::optional<double> x = FirstNumber(a), y = FirstNumber(b);
          std::optional<double> r;
          if (x && y) {
            if (node.op == Op::kAdd) r = *x + *y;
            if (node.op == Op::kSub) r = *x - *y;
            if (node.op == Op::kMul) r = *x * *y;
            if (node.op == Op::kDiv && *y != 0) r = *x / *y;
          }
          result = NumberOrNothing(r);
          break;
        }
      }
      a = std::move(result);
      continue;
    }
    // A function of the last `argc` values.
    if (stack.size() < node.argc) return {};  // unreachable
    auto args = stack.end() - node.argc;
    Values result;
    switch (node.op) {
      case Op::kCount:
        result = {Value::Number(static_cast<double>(args[0].size()))};
        break;
      case Op::kSum:
      case Op::kMin:
      case Op::kMax:
      case Op::kAvg: {
        size_t n = 0;
        double acc = 0;
        for (const Value& v : args[0]) {
          std::optional<double> x = AsNumber(v);
          if (!x) continue;
          if (node.op == Op::kMin) {
            acc = n == 0 ? *x : std::min(acc, *x);
          } else if (node.op == Op::kMax) {
            acc = n == 0 ? *x : std::max(acc, *x);
          } else {
            acc += *x;
          }
          ++n;
        }
        if (n > 0) {
          result = NumberOrNothing(node.op == Op::kAvg ? acc / static_cast<double>(n) : acc);
        }
        break;
      }
      case Op::kLen:
        if (!args[0].empty() && args[0].front().kind == Value::Kind::kString) {
          const std::string& s = args[0].front().string;
          size_t n = 0;
          for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
          result = {Value::Number(static_cast<double>(n))};
        }
        break;
      case Op::kLower:
        result = std::move(args[0]);
        for (Value& v : result) {
          if (v.kind != Value::Kind::kString) continue;
          for (char& c : v.string) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        break;
      case Op::kCoalesce:
        for (auto it = args; it != stack.end(); ++it) {
          if (!it->empty()) {
            result = std::move(*it);
            break;
          }
        }
        break;
      case Op::kDays: {
        std::optional<int64_t> from, to;
        if (!args[0].empty() && args[0].front().kind == Value::Kind::kString) {
          from = IsoDateDays(args[0].front().string);
        }
        if (!args[1].empty() && args[1].front().kind == Value::Kind::kString) {
          to = IsoDateDays(args[1].front().string);
        }
        if (from && to) result = {Value::Number(static_cast<double>(*to - *from))};
        break;
      }
      case Op::kToday:
        result = {Value::String(IsoDate(ctx.today_days))};
        break;
      default:
        break;
    }
    stack.erase(args, stack.end());
    stack.push_back(std::move(result));
  }
  return stack.empty() ? Values{} : std::move(stack.back());
}

}  // namespace casesift
