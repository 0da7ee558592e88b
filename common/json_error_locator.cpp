#include "common/json_error_locator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace casesift {
namespace {

// simdjson's SIMDJSON_MAXSIZE_BYTES.
constexpr size_t kMaxTextSize = 0xFFFFFFFF;

// 2^1024 - 2^970: decimal numbers from here up round to infinity.
constexpr std::string_view kDoubleOverflowDigits =
    "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797"
    "75872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548"
    "45817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711"
    "559699508093042880177904174497792";
constexpr int64_t kDoubleOverflowExponent = 308;  // of the first digit above
constexpr int64_t kExponentCap = int64_t{1} << 50;

constexpr std::string_view kUnterminatedString = "unterminated string (missing closing '\"')";
constexpr std::string_view kBadLiteral = "invalid literal (expected true, false or null)";
constexpr std::string_view kNotWhitespace = "(only space, tab, CR and LF are JSON whitespace)";
constexpr std::string_view kIntegerTooBig =
    "number does not fit (integers must be between -2^63 and 2^64-1)";
constexpr std::string_view kDoubleTooBig =
    "number out of range (larger in magnitude than the largest double, about 1.8e308)";

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsJsonWhitespace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
uint32_t HexValue(unsigned char c) { return IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

std::string CodePointName(uint32_t cp) { return fmt::format("U+{:04X}", cp); }

// One UTF-8 sequence, decoded. On failure `error` says why and `truncated` tells whether the
// text merely ended before the sequence was complete.
struct Utf8Char {
  uint32_t code_point = 0;
  size_t length = 0;
  bool truncated = false;
  std::string error;
};

// REQUIRES: pos < text.size() and text[pos] >= 0x80.
Utf8Char DecodeUtf8(std::string_view text, size_t pos) {
  Utf8Char ch;
  const auto lead = static_cast<unsigned char>(text[pos]);
  uint8_t low = 0x80;  // the allowed range of the second byte
  uint8_t high = 0xBF;
  if (lead < 0xC0) {
    ch.error =
        fmt::format("invalid UTF-8 byte {:#04x} (continuation byte without a lead byte)", lead);
    return ch;
  } else if (lead < 0xC2) {
    ch.error = fmt::format("invalid UTF-8 byte {:#04x} (overlong encoding)", lead);
    return ch;
  } else if (lead < 0xE0) {
    ch.length = 2;
    ch.code_point = lead & 0x1F;
  } else if (lead < 0xF0) {
    ch.length = 3;
    ch.code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead < 0xF5) {
    ch.length = 4;
    ch.code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    ch.error = fmt::format("invalid UTF-8 byte {:#04x}", lead);
    return ch;
  }
  for (size_t i = 1; i < ch.length; ++i) {
    if (pos + i >= text.size()) {
      ch.truncated = true;
      ch.error = fmt::format(
          "invalid UTF-8 sequence starting with byte {:#04x} (cut short by the end of the line)",
          lead);
      return ch;
    }
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (byte < 0x80 || byte > 0xBF) {
      ch.error = fmt::format(
          "invalid UTF-8 sequence starting with byte {:#04x} (missing continuation byte)", lead);
      return ch;
    }
    if (i == 1 && (byte < low || byte > high)) {
      const char* why = lead == 0xED   ? "encodes a UTF-16 surrogate"
                        : lead == 0xF4 ? "code point above U+10FFFF"
                                       : "overlong encoding";
      ch.error = fmt::format("invalid UTF-8 sequence {:#04x} {:#04x} ({})", lead, byte, why);
      return ch;
    }
    ch.code_point = (ch.code_point << 6) | (byte & 0x3F);
  }
  return ch;
}

// Non-ASCII characters often typed, or pasted from word processors, in place of JSON's own.
struct LookAlike {
  uint32_t code_point;
  char ascii;
};
constexpr LookAlike kLookAlikes[] = {{0x201C, '"'}, {0x201D, '"'}, {0x201E, '"'}, {0x201F, '"'},
                                     {0x2033, '"'}, {0xFF02, '"'}, {0xFF0C, ','}, {0x3001, ','},
                                     {0xFF1A, ':'}, {0xFF5B, '{'}, {0xFF5D, '}'}, {0xFF3B, '['},
                                     {0x3010, '['}, {0xFF3D, ']'}, {0x3011, ']'}};

// The ASCII character `cp` looks like, or 0.
char AsciiLookAlike(uint32_t cp) {
  for (const LookAlike& look_alike : kLookAlikes) {
    if (look_alike.code_point == cp) return look_alike.ascii;
  }
  return 0;
}

bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool FitsInteger(std::string_view digits, bool negative) {
  const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
  return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
}

// Whether int_digits.frac_digits * 10^exponent rounds to a finite double.
bool FitsDouble(std::string_view int_digits, std::string_view frac_digits, int64_t exponent) {
  std::string_view head = int_digits;
  std::string_view tail = frac_digits;
  int64_t first_digit_exponent = exponent + static_cast<int64_t>(int_digits.size()) - 1;
  size_t skip = head.find_first_not_of('0');
  if (skip == std::string_view::npos) {
    skip = tail.find_first_not_of('0');
    if (skip == std::string_view::npos) return true;  // zero
    first_digit_exponent -= static_cast<int64_t>(int_digits.size());
    head = tail;
    tail = {};
  }
  first_digit_exponent -= static_cast<int64_t>(skip);
  head.remove_prefix(skip);
  if (first_digit_exponent != kDoubleOverflowExponent) {
    return first_digit_exponent < kDoubleOverflowExponent;
  }
  size_t k = 0;
  for (std::string_view part : {head, tail}) {
    for (char digit : part) {
      const char limit = k < kDoubleOverflowDigits.size() ? kDoubleOverflowDigits[k] : '0';
      if (digit != limit) return digit < limit;
      ++k;
    }
  }
  return k < kDoubleOverflowDigits.size() &&
         kDoubleOverflowDigits.find_first_not_of('0', k) != std::string_view::npos;
}

std::string ControlInStringMessage(unsigned char c) {
  const char* named = c == '\b'   ? "\\b"
                      : c == '\t' ? "\\t"
                      : c == '\n' ? "\\n"
                      : c == '\f' ? "\\f"
                      : c == '\r' ? "\\r"
                                  : nullptr;
  std::string escape = named ? named : fmt::format("\\u{:04x}", c);
  return fmt::format("control character {} in a string must be escaped as {}", CodePointName(c),
                     escape);
}

// What the scanner expects next.
enum class Expect {
  kRootValue,
  kFirstElementOrClose,  // after '['
  kNextElement,          // after ',' in an array
  kMemberValue,          // after ':'
  kFirstKeyOrClose,      // after '{'
  kNextKey,              // after ',' in an object
  kColon,
  kAfterValue,
};

class Scanner {
 public:
  Scanner(std::string_view text, size_t max_depth) : text_(text), max_depth_(max_depth) {}

  std::optional<JsonError> Run() {
    SkipWhitespace();
    if (AtEnd()) return JsonError{pos_, "empty line"};
    Expect expect = Expect::kRootValue;
    while (!error_) {
      SkipWhitespace();
      if (expect == Expect::kAfterValue && open_.empty()) {
        if (!AtEnd()) {
          FailOnChar("trailing content after the JSON value");
        } else if (text_.size() > kMaxTextSize) {
          Fail(kMaxTextSize, fmt::format("line longer than {} bytes (the most simdjson can parse)",
                                         kMaxTextSize));
        }
        break;
      }
      if (AtEnd()) {
        Fail(pos_, fmt::format("unexpected end of line (unclosed '{}')", open_.back()));
        break;
      }
      expect = Step(expect);
    }
    return std::move(error_);
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  unsigned char Peek() const { return static_cast<unsigned char>(text_[pos_]); }
  void SkipWhitespace() {
    while (!AtEnd() && IsJsonWhitespace(Peek())) ++pos_;
  }

  // Records the error; the scan stops. Returns false for the callers' convenience.
  bool Fail(size_t offset, std::string message) {
    error_ = JsonError{offset, std::move(message)};
    return false;
  }

  // 'x' for printable ASCII, else U+XXXX (meaningless for invalid UTF-8).
  std::string CharName() const {
    const unsigned char c = Peek();
    if (c >= 0x20 && c < 0x7F) return fmt::format("'{}'", static_cast<char>(c));
    if (c < 0x80) return CodePointName(c);
    return CodePointName(DecodeUtf8(text_, pos_).code_point);
  }

  // Fails at pos_, with a message for bytes no context allows (control characters, invalid
  // UTF-8, non-ASCII look-alikes of JSON punctuation and whitespace), else with `fallback`.
  bool FailOnChar(std::string_view fallback) {
    const unsigned char c = Peek();
    if (c == '\f' || c == '\v') {
      return Fail(pos_,
                  fmt::format("unexpected character {} {}", CodePointName(c), kNotWhitespace));
    }
    if (c < 0x20 || c == 0x7F) {
      return Fail(pos_, "unexpected control character " + CodePointName(c));
    }
    if (c >= 0x80) {
      Utf8Char ch = DecodeUtf8(text_, pos_);
      if (!ch.error.empty()) return Fail(pos_, std::move(ch.error));
      std::string name = CodePointName(ch.code_point);
      if (ch.code_point == 0xFEFF) return Fail(pos_, "unexpected byte order mark " + name);
      if (IsUnicodeSpace(ch.code_point)) {
        return Fail(pos_, fmt::format("unexpected character {} {}", name, kNotWhitespace));
      }
      if (char ascii = AsciiLookAlike(ch.code_point)) {
        return Fail(
            pos_, fmt::format("unexpected character {} (use the ASCII '{}' instead)", name, ascii));
      }
    }
    return Fail(pos_, std::string(fallback));
  }

  Expect Step(Expect expect) {
    const unsigned char c = Peek();
    switch (expect) {
      case Expect::kFirstElementOrClose:
        if (c == ']') return Close();
        return Value(expect);
      case Expect::kRootValue:
      case Expect::kNextElement:
      case Expect::kMemberValue:
        return Value(expect);
      case Expect::kFirstKeyOrClose:
      case Expect::kNextKey:
        if (c == '"') {
          ScanString();
          return Expect::kColon;
        }
        if (c == '}' && expect == Expect::kFirstKeyOrClose) return Close();
        if (c == '}') {
          Fail(pos_, "expected a key after ',' (trailing commas are not allowed)");
        } else if (c == ']') {
          Fail(pos_, "mismatched ']' closing '{'");
        } else {
          FailOnChar("object keys must be strings in double quotes");
        }
        return expect;
      case Expect::kColon:
        if (c != ':') {
          FailOnChar("expected ':' after object key");
          return expect;
        }
        ++pos_;
        return Expect::kMemberValue;
      case Expect::kAfterValue:
        break;
    }
    const bool in_object = open_.back() == '{';
    if (c == ',') {
      ++pos_;
      return in_object ? Expect::kNextKey : Expect::kNextElement;
    }
    if (c == (in_object ? '}' : ']')) return Close();
    if (c == '}' || c == ']') {
      Fail(pos_, fmt::format("mismatched '{}' closing '{}'", static_cast<char>(c), open_.back()));
    } else {
      FailOnChar(in_object ? "expected ',' or '}' after object member"
                           : "expected ',' or ']' after array element");
    }
    return expect;
  }

  Expect Close() {
    open_.pop_back();
    ++pos_;
    return Expect::kAfterValue;
  }

  Expect Value(Expect expect) {
    const unsigned char c = Peek();
    const bool starts_value = c == '"' || c == '{' || c == '[' || c == '-' || IsDigit(c) ||
                              c == 't' || c == 'f' || c == 'n';
    if (!starts_value) {
      BadValueStart(expect);
      return expect;
    }
    if (open_.size() >= max_depth_) {
      Fail(pos_,
           fmt::format("nesting deeper than {} level{}", max_depth_, max_depth_ == 1 ? "" : "s"));
      return expect;
    }
    if (c == '{' || c == '[') {
      open_.push_back(static_cast<char>(c));
      ++pos_;
      return c == '{' ? Expect::kFirstKeyOrClose : Expect::kFirstElementOrClose;
    }
    if (c == '"') {
      ScanString();
    } else if (c == '-' || IsDigit(c)) {
      ScanNumber();
    } else {
      ScanLiteral();
    }
    return Expect::kAfterValue;
  }

  void BadValueStart(Expect expect) {
    const unsigned char c = Peek();
    const bool in_array = expect == Expect::kFirstElementOrClose || expect == Expect::kNextElement;
    if (c == ']' && expect == Expect::kNextElement) {
      Fail(pos_, "expected a value after ',' (trailing commas are not allowed)");
    } else if (c == '}' && in_array) {
      Fail(pos_, "mismatched '}' closing '['");
    } else if (c == ',' || c == ':' || c == ']' || c == '}') {
      Fail(pos_, fmt::format("expected a value, found '{}'", static_cast<char>(c)));
    } else if (c == '+') {
      Fail(pos_, "invalid number (a leading '+' is not allowed)");
    } else if (c == '.') {
      Fail(pos_, "invalid number (a digit must come before '.')");
    } else if (c == '/') {
      Fail(pos_, "unexpected character '/' (JSON has no comments)");
    } else if (text_.substr(pos_, 3) == "NaN" || text_.substr(pos_, 8) == "Infinity") {
      Fail(pos_, "unexpected character " + CharName() + " (JSON has no NaN or Infinity; use null)");
    } else if (c == 'T' || c == 'F' || c == 'N') {
      Fail(pos_,
           "unexpected character " + CharName() + " (literals are lower-case: true, false, null)");
    } else if (c == '\'') {
      Fail(pos_, "single quotes are not allowed (strings need double quotes)");
    } else if (IsLetter(c) || c == '_' || c >= 0x80) {
      FailOnChar(fmt::format("unexpected character {} (strings need double quotes)", CharName()));
    } else {
      FailOnChar(fmt::format("unexpected character {} (expected a JSON value)", CharName()));
    }
  }

  // REQUIRES: Peek() == '"'.
  bool ScanString() {
    ++pos_;
    while (!AtEnd()) {
      const unsigned char c = Peek();
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!ScanEscape()) return false;
      } else if (c < 0x20) {
        return Fail(pos_, ControlInStringMessage(c));
      } else if (c < 0x80) {
        ++pos_;
      } else {
        Utf8Char ch = DecodeUtf8(text_, pos_);
        if (ch.truncated) break;
        if (!ch.error.empty()) return Fail(pos_, std::move(ch.error));
        pos_ += ch.length;
      }
    }
    return Fail(text_.size(), std::string(kUnterminatedString));
  }

  // REQUIRES: Peek() == '\\'.
  bool ScanEscape() {
    const size_t start = pos_++;
    if (AtEnd()) return Fail(text_.size(), std::string(kUnterminatedString));
    const unsigned char c = Peek();
    if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
        c == 't') {
      ++pos_;
      return true;
    }
    if (c == 'u') {
      ++pos_;
      uint32_t unit = 0;
      for (int i = 0; i < 4; ++i, ++pos_) {
        if (AtEnd()) return Fail(text_.size(), std::string(kUnterminatedString));
        if (!IsHexDigit(Peek())) return Fail(pos_, "invalid \\u escape (expected 4 hex digits)");
        unit = unit * 16 + HexValue(Peek());
      }
      if (unit >= 0xDC00 && unit <= 0xDFFF) return FailUnpaired(start);
      if (unit >= 0xD800 && unit <= 0xDBFF) return ScanLowSurrogate(start);
      return true;
    }
    if (c < 0x20) return Fail(pos_, ControlInStringMessage(c));
    if (c < 0x7F) {
      std::string_view hint = c == 'x' || c == 'U' ? " (use \\u and 4 hex digits)" : "";
      return Fail(pos_,
                  fmt::format("invalid escape '\\{}' in string{}", static_cast<char>(c), hint));
    }
    if (c >= 0x80) {
      Utf8Char ch = DecodeUtf8(text_, pos_);
      if (ch.error.empty()) {
        return Fail(pos_,
                    fmt::format("invalid escape '\\{}' in string", text_.substr(pos_, ch.length)));
      }
    }
    return Fail(pos_, fmt::format("invalid escape in string ('\\' followed by byte {:#04x})", c));
  }

  // The 6 bytes after a high surrogate's escape at `start` must escape a low surrogate.
  bool ScanLowSurrogate(size_t start) {
    for (size_t i = 0; i < 6; ++i, ++pos_) {
      if (AtEnd()) return Fail(text_.size(), std::string(kUnterminatedString));
      const unsigned char c = Peek();
      const bool ok = i == 0   ? c == '\\'
                      : i == 1 ? c == 'u'
                      : i == 2 ? (c | 0x20) == 'd'
                      : i == 3 ? (c | 0x20) >= 'c' && (c | 0x20) <= 'f'
                               : IsHexDigit(c);
      if (!ok) return FailUnpaired(start);
    }
    return true;
  }

  bool FailUnpaired(size_t start) { return Fail(start, "unpaired UTF-16 surrogate in \\u escape"); }

  // REQUIRES: Peek() is '-' or a digit.
  bool ScanNumber() {
    const size_t start = pos_;
    const bool negative = Peek() == '-';
    if (negative) {
      ++pos_;
      if (AtEnd() || !IsDigit(Peek())) {
        return Fail(pos_, "invalid number (expected a digit after '-')");
      }
    }
    const size_t int_begin = pos_;
    if (Peek() == '0') {
      ++pos_;
      if (!AtEnd() && IsDigit(Peek())) {
        return Fail(pos_, "invalid number (leading zeros are not allowed)");
      }
    } else {
      SkipDigits();
    }
    const std::string_view int_digits = text_.substr(int_begin, pos_ - int_begin);
    std::string_view frac_digits;
    bool is_integer = true;
    if (!AtEnd() && Peek() == '.') {
      is_integer = false;
      ++pos_;
      if (AtEnd() || !IsDigit(Peek())) {
        return Fail(pos_, "invalid number (expected a digit after '.')");
      }
      const size_t frac_begin = pos_;
      SkipDigits();
      frac_digits = text_.substr(frac_begin, pos_ - frac_begin);
    }
    int64_t exponent = 0;
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      is_integer = false;
      ++pos_;
      const bool negative_exponent = !AtEnd() && Peek() == '-';
      if (!AtEnd() && (Peek() == '-' || Peek() == '+')) ++pos_;
      if (AtEnd() || !IsDigit(Peek())) {
        return Fail(pos_, "invalid number (expected a digit in the exponent)");
      }
      for (; !AtEnd() && IsDigit(Peek()); ++pos_) {
        exponent = std::min(exponent * 10 + (Peek() - '0'), kExponentCap);
      }
      if (negative_exponent) exponent = -exponent;
    }
    if (is_integer && !FitsInteger(int_digits, negative)) {
      return Fail(start, std::string(kIntegerTooBig));
    }
    if (!is_integer && !FitsDouble(int_digits, frac_digits, exponent)) {
      return Fail(start, std::string(kDoubleTooBig));
    }
    if (!AtEnd()) {
      const unsigned char c = Peek();
      if (IsLetter(c) || IsDigit(c) || c == '.' || c == '+' || c == '-' || c == '_') {
        return Fail(pos_, fmt::format("invalid number (unexpected '{}')", static_cast<char>(c)));
      }
    }
    return true;
  }

  void SkipDigits() {
    while (!AtEnd() && IsDigit(Peek())) ++pos_;
  }

  // REQUIRES: Peek() is 't', 'f' or 'n'.
  bool ScanLiteral() {
    const std::string_view word = Peek() == 't' ? "true" : Peek() == 'f' ? "false" : "null";
    for (char expected : word) {
      if (AtEnd()) return Fail(text_.size(), std::string(kBadLiteral));
      if (text_[pos_] != expected) return Fail(pos_, std::string(kBadLiteral));
      ++pos_;
    }
    if (!AtEnd() && (IsLetter(Peek()) || IsDigit(Peek()) || Peek() == '_')) {
      return Fail(pos_, std::string(kBadLiteral));
    }
    return true;
  }

  std::string_view text_;
  size_t max_depth_;
  size_t pos_ = 0;
  std::vector<char> open_;  // '{' or '[' for each open container, innermost last
  std::optional<JsonError> error_;
};

}  // namespace

std::optional<JsonError> LocateJsonError(std::string_view text, size_t max_depth) {
  return Scanner(text, max_depth).Run();
}

}  // namespace casesift
