// String similarity for fuzzy name matching: Jaro-Winkler over Unicode code points, and the
// character bigrams that the blocking index (blocking_index.h) keys names on.
//
// Everything here works on code points, not bytes, so that a two-character Chinese name
// (张三, 6 bytes) and a six-letter English one (martha) are compared alike. Callers that
// compare many pairs decode each string once (AppendCodePoints) and call the u32string_view
// forms, which do not allocate for strings of up to 64 code points.
//
//   std::u32string a = ToCodePoints("martha"), b = ToCodePoints("marhta");
//   JaroWinkler(a, b);  // 0.9611
//
// Every function is pure: no state, safe from any number of threads.
#ifndef CASESIFT_COMMON_NAME_SIMILARITY_H_
#define CASESIFT_COMMON_NAME_SIMILARITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

// Appends the code points of `utf8` to *out. Bytes that are not well-formed UTF-8 decode to
// U+FFFD, one per byte (utf8.h's NextCodePoint), so the result is never shorter than needed.
void AppendCodePoints(std::string_view utf8, std::u32string* out);
std::u32string ToCodePoints(std::string_view utf8);

// Appends the UTF-8 form of `text` to *out (the inverse of AppendCodePoints for valid text).
void AppendUtf8(std::u32string_view text, std::string* out);

// The Jaro similarity in [0, 1]: matching characters within the window
// max(|a|, |b|) / 2 - 1, less half the transposed ones. 1 for two equal strings (two empty
// strings included), 0 when exactly one is empty or nothing matches.
double Jaro(std::u32string_view a, std::u32string_view b);

// The Jaro-Winkler similarity in [0, 1] (Winkler 1990): when the Jaro similarity j exceeds
// kWinklerBoostThreshold, j + l * kWinklerPrefixScale * (1 - j), where l is the length of the
// common prefix, at most kWinklerMaxPrefix. MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840,
// DIXON/DICKSONX 0.813 (the values of Winkler's papers and of most libraries).
inline constexpr double kWinklerPrefixScale = 0.1;
inline constexpr size_t kWinklerMaxPrefix = 4;
inline constexpr double kWinklerBoostThreshold = 0.7;
double JaroWinkler(std::u32string_view a, std::u32string_view b);

// The same on UTF-8 strings (decodes both; allocates).
double JaroWinkler(std::string_view a, std::string_view b);

// A character gram: two code points packed in 64 bits, first << 32 | second. A unigram (the
// only gram of a one-character string) has kNoSecondChar as its second half.
using CharGram = uint64_t;
inline constexpr uint32_t kNoSecondChar = 0xFFFFFFFF;
inline constexpr CharGram MakeCharGram(char32_t first, char32_t second) {
  return (static_cast<uint64_t>(first) << 32) | static_cast<uint32_t>(second);
}
inline constexpr CharGram MakeCharUnigram(char32_t c) {
  return (static_cast<uint64_t>(c) << 32) | kNoSecondChar;
}

// Appends to *out the bigrams of `text` in order, repeats included: |text| - 1 of them, the
// unigram of its one character when |text| == 1, none when it is empty.
void AppendCharBigrams(std::u32string_view text, std::vector<CharGram>* out);

// Whether `c` is a CJK ideograph (the unified blocks and their extensions, the compatibility
// ideographs, 〇): a character that says much more about a name than a Latin letter does.
bool IsCjkIdeograph(char32_t c);

}  // namespace casesift

#endif  // CASESIFT_COMMON_NAME_SIMILARITY_H_
