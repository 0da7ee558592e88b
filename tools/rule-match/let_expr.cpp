#include "let_expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/name_normalize.h"
#include "common/utf8.h"
#include "let_lexer.h"
#include "suggest.h"

namespace casesift {

using namespace let_internal;  // NOLINT(build/namespaces): the parser's own tokens

class LetParser {
 public:
  LetParser(std::string_view text, LetExpr* out) : text_(text), out_(out) {}

  Status Parse() {
    out_->text_ = std::string(text_);
    tokens_ = Tokenize(text_);
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
      Result<const NameNormalizer*> normalizer = NameNormalizer::Get();
      if (!normalizer.ok()) {
        return Error(name.start, fmt::format("norm() needs the name normaliser, which cannot "
                                             "start: {}",
                                             normalizer.status().message()));
      }
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

}  // namespace casesift
