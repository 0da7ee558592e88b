// Small helpers over UTF-8 text that the case-extract parsers share: prefix and suffix
// tests, trimming (ASCII white space, U+3000 ideographic space, U+00A0), counting
// characters, and brackets in either width. string_views returned point into the input.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_TEXT_UTIL_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_TEXT_UTIL_H_

#include <re2/re2.h>

#include <string>
#include <string_view>

namespace casesift {

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// An RE2 capture as a std::string_view (RE2 2022 captures into re2::StringPiece).
inline std::string_view View(re2::StringPiece p) { return std::string_view(p.data(), p.size()); }

// Strips white space at both ends: ASCII space, tab, CR, LF, U+3000 and U+00A0.
std::string_view Trim(std::string_view s);
// `s` without any white space inside (for letter-spaced titles: 民 事 判 决 书).
std::string RemoveSpaces(std::string_view s);

// Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) folded to ASCII, and lower-case
// letters to upper case: for identifiers such as 公民身份号码 and 统一社会信用代码.
std::string FoldToAscii(std::string_view s);

// The number of UTF-8 characters (code points) in `s`.
size_t CountChars(std::string_view s);
// At most `max_chars` characters of `s`, with "…" when cut.
std::string Excerpt(std::string_view s, size_t max_chars);

// The sentence around byte `pos` of `s`: it begins after the previous 。 or line end and
// ends just past the next 。 (or at the next line end).
size_t SentenceBegin(std::string_view s, size_t pos);
size_t SentenceEnd(std::string_view s, size_t pos);

// Given an opening bracket '（' or '(' at s[open], the index just past its matching closing
// bracket (either width), or npos.
size_t FindClosingBracket(std::string_view s, size_t open);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_TEXT_UTIL_H_
