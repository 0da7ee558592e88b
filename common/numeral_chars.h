// Internal to common/: what a character means inside a number written in Chinese or
// Arabic numerals, shared by the numeral parser (chinese_number.cpp) and the scanner that
// finds money candidates (money_candidates.cpp). Not an API for tools.
#ifndef CASESIFT_COMMON_NUMERAL_CHARS_H_
#define CASESIFT_COMMON_NUMERAL_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace casesift::numeral {

// What one character means inside a number.
struct Numeral {
  enum Kind : uint8_t { kNone, kArabic, kDigit, kUnit } kind = kNone;
  int64_t value = 0;   // 0-9 for kArabic and kDigit; 10, 100, 1000, 10^4 or 10^8 for kUnit
  bool liang = false;  // 两 or 兩: a digit that is never written digit by digit
  bool lower = false;  // 一 to 九 or 十: the everyday forms that also occur in names
};

// The meaning of `cp`: an Arabic digit (ASCII or full-width), a Chinese digit or unit in
// any of its forms, or kNone.
Numeral Classify(char32_t cp);

// The separators a run of digits may hold: , and ，; the decimal points . and ．.
inline bool IsSeparator(char32_t cp) { return cp == ',' || cp == U'，'; }
inline bool IsPoint(char32_t cp) { return cp == '.' || cp == U'．'; }

// Whether `prefix` is at text[pos]. REQUIRES: pos <= text.size(). A byte loop: the
// prefixes are a few bytes, and most comparisons fail at the first.
inline bool StartsWith(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (text[pos + k] != prefix[k]) return false;
  }
  return true;
}

}  // namespace casesift::numeral

#endif  // CASESIFT_COMMON_NUMERAL_CHARS_H_
