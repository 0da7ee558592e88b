// Character-level helpers of the name normaliser (name_normalize.h): strict UTF-8 decoding and
// the fast NFKC path. Internal to the normaliser; its tests check FastNfkc against utf8proc.
#ifndef CASESIFT_COMMON_NAME_NORMALIZE_CHARS_H_
#define CASESIFT_COMMON_NAME_NORMALIZE_CHARS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace casesift::name_chars {

constexpr char32_t kBad = 0xFFFFFFFF;

// The character at s[*i] if it is well-formed UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF), advancing past it; otherwise kBad, advancing one byte.
inline char32_t DecodeStrict(std::string_view s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  size_t len;
  char32_t cp;
  char32_t min;
  if (b < 0x80) {
    ++*i;
    return b;
  } else if ((b & 0xE0) == 0xC0) {
    len = 2, cp = b & 0x1F, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, cp = b & 0x0F, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, cp = b & 0x07, min = 0x10000;
  } else {
    ++*i;
    return kBad;
  }
  if (*i + len > s.size()) {
    ++*i;
    return kBad;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[*i + k]);
    if ((c & 0xC0) != 0x80) {
      ++*i;
      return kBad;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return kBad;
  }
  *i += len;
  return cp;
}

inline void AppendUtf8(char32_t cp, std::string* out) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6));
    b[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12));
    b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18));
    b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out->append(b, n);
}

inline void Encode(const std::u32string& cps, std::string* out) {
  out->clear();
  for (char32_t cp : cps) AppendUtf8(cp, out);
}

inline void DecodeValid(std::string_view s, std::u32string* cps) {
  cps->clear();
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = DecodeStrict(s, &i);
    if (cp != kBad) cps->push_back(cp);
  }
}

inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

// The NFKC form of `cp` when it is a single code point that never composes with a neighbour, so
// that a text of such characters is folded one character at a time; kBad for any other
// character. The unit tests check every one of them against utf8proc.
inline char32_t FastNfkc(char32_t cp) {
  if (cp < 0x80 || IsHan(cp)) return cp;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII
  if (cp == 0x3000) return 0x20;                         // ideographic space
  if ((cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3005 && cp <= 0x3011) ||
      (cp >= 0x3014 && cp <= 0x301F)) {
    return cp;  // CJK punctuation and brackets, 々 〇
  }
  if (cp == 0xB7 || cp == 0x2014 || cp == 0x2015 || (cp >= 0x2018 && cp <= 0x201D) ||
      cp == 0x2022 || cp == 0x30FB) {
    return cp;  // · — ― ‘ ’ “ ” • ・
  }
  return kBad;
}

// `text` in NFKC, by utf8proc; `text` unchanged should utf8proc reject it. REQUIRES: `text` is
// well-formed UTF-8.
std::string Nfkc(std::string_view text);

}  // namespace casesift::name_chars

#endif  // CASESIFT_COMMON_NAME_NORMALIZE_CHARS_H_
