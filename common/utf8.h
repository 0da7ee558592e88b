// UTF-8 helpers for the text scanners (numerals, dates, identifiers, case-extract): one code
// point at a time, lenient, never reading past the end; and trimming of Chinese white space.
// And one strict check, for writers and readers that must reject what simdjson would.
#ifndef CASESIFT_COMMON_UTF8_H_
#define CASESIFT_COMMON_UTF8_H_

#include <cstddef>
#include <cstring>
#include <string_view>

namespace casesift {

// The length (1-4) of the well-formed UTF-8 character at s[i], or 0 when the bytes there are
// not one: as strict as simdjson (no stray or truncated bytes, overlong forms, surrogates or
// code points past U+10FFFF). REQUIRES: i < s.size().
inline size_t ValidUtf8Length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// Decodes the UTF-8 character at text[*i] and advances *i past it. A byte that does not
// start a complete sequence decodes to U+FFFD and advances one byte, so a scan always moves.
// Overlong forms and surrogates are not rejected: callers compare against the characters
// they look for. REQUIRES: *i < text.size().
inline char32_t NextCodePoint(std::string_view text, size_t* i) {
  const auto b = static_cast<unsigned char>(text[*i]);
  const size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(text[*i + k]);
    if ((c & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i += len;
  return cp;
}

// `s` without white space at either end: ASCII space, tab, CR and LF, U+3000 (the
// ideographic space of Chinese documents) and U+00A0. The result points into `s`.
inline std::string_view TrimSpace(std::string_view s) {
  auto lead = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    char c = t.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (t.substr(0, 3) == "\xE3\x80\x80") return 3;
    if (t.substr(0, 2) == "\xC2\xA0") return 2;
    return 0;
  };
  auto trail = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    char c = t.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE3\x80\x80") return 3;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") return 2;
    return 0;
  };
  for (size_t n; (n = lead(s)) > 0;) s.remove_prefix(n);
  for (size_t n; (n = trail(s)) > 0;) s.remove_suffix(n);
  return s;
}

// The first occurrence of `word` in `s` at or after `from`, or npos: s.find(word, from),
// fast for Chinese words. std::string_view::find looks for the first byte, and in Chinese
// text the lead bytes E4-E9 are every third byte; the last byte of a character is one of 64
// and rarer, so it is what memchr looks for here.
inline size_t FindText(std::string_view s, std::string_view word, size_t from = 0) {
  const size_t n = word.size();
  if (from > s.size() || n > s.size() - from) return std::string_view::npos;
  if (n == 0) return from;
  const char* const base = s.data();
  const char* const end = base + s.size();
  for (const char* p = base + from + n - 1; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, word[n - 1], static_cast<size_t>(end - p)));
    if (p == nullptr) break;
    if (std::memcmp(p - (n - 1), word.data(), n - 1) == 0)
      return static_cast<size_t>(p - (n - 1) - base);
  }
  return std::string_view::npos;
}

}  // namespace casesift

#endif  // CASESIFT_COMMON_UTF8_H_
