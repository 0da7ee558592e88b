#include "let_lexer.h"

#include <fmt/format.h>

#include "common/field_path.h"
#include "common/utf8.h"
#include "value.h"

namespace casesift::let_internal {
namespace {

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

std::vector<Token> Tokenize(std::string_view text) { return Lexer(text).Run(); }

}  // namespace casesift::let_internal
