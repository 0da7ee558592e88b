#include "common/name_similarity.h"

#include <algorithm>
#include <bit>

#include "common/utf8.h"

namespace casesift {

void AppendCodePoints(std::string_view utf8, std::u32string* out) {
  for (size_t i = 0; i < utf8.size();) out->push_back(NextCodePoint(utf8, &i));
}

std::u32string ToCodePoints(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  AppendCodePoints(utf8, &out);
  return out;
}

void AppendUtf8(std::u32string_view text, std::string* out) {
  for (char32_t c : text) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | ((c >> 18) & 0x07)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

namespace {

// The Jaro similarity from the match count and the half-transposition count.
double JaroOf(size_t a_size, size_t b_size, size_t matches, size_t half_transpositions) {
  if (matches == 0) return 0.0;
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (m / static_cast<double>(a_size) + m / static_cast<double>(b_size) + (m - t) / m) / 3.0;
}

size_t MatchReach(size_t a_size, size_t b_size) {
  const size_t window = std::max(a_size, b_size) / 2;
  return window > 0 ? window - 1 : 0;
}

// Jaro for strings of at most 64 code points, the matched positions kept in bit masks.
double JaroShort(std::u32string_view a, std::u32string_view b) {
  const size_t reach = MatchReach(a.size(), b.size());
  uint64_t a_matched = 0;
  uint64_t b_matched = 0;
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > reach ? i - reach : 0;
    const size_t hi = std::min(b.size(), i + reach + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (a[i] == b[j] && (b_matched & (uint64_t{1} << j)) == 0) {
        a_matched |= uint64_t{1} << i;
        b_matched |= uint64_t{1} << j;
        ++matches;
        break;
      }
    }
  }
  size_t half_transpositions = 0;
  while (a_matched != 0) {
    const int i = std::countr_zero(a_matched);
    const int j = std::countr_zero(b_matched);
    half_transpositions += a[static_cast<size_t>(i)] != b[static_cast<size_t>(j)];
    a_matched &= a_matched - 1;
    b_matched &= b_matched - 1;
  }
  return JaroOf(a.size(), b.size(), matches, half_transpositions);
}

// Jaro for strings of any length.
double JaroLong(std::u32string_view a, std::u32string_view b) {
  const size_t reach = MatchReach(a.size(), b.size());
  std::vector<bool> a_matched(a.size()), b_matched(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > reach ? i - reach : 0;
    const size_t hi = std::min(b.size(), i + reach + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = true;
        ++matches;
        break;
      }
    }
  }
  size_t half_transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  return JaroOf(a.size(), b.size(), matches, half_transpositions);
}

}  // namespace

double Jaro(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  if (a.size() <= 64 && b.size() <= 64) return JaroShort(a, b);
  return JaroLong(a, b);
}

double JaroWinkler(std::u32string_view a, std::u32string_view b) {
  const double j = Jaro(a, b);
  if (j <= kWinklerBoostThreshold) return j;
  const size_t limit = std::min({a.size(), b.size(), kWinklerMaxPrefix});
  size_t prefix = 0;
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * kWinklerPrefixScale * (1.0 - j);
}

double JaroWinkler(std::string_view a, std::string_view b) {
  return JaroWinkler(ToCodePoints(a), ToCodePoints(b));
}

void AppendCharBigrams(std::u32string_view text, std::vector<CharGram>* out) {
  if (text.size() == 1) {
    out->push_back(MakeCharUnigram(text[0]));
    return;
  }
  for (size_t i = 0; i + 1 < text.size(); ++i) out->push_back(MakeCharGram(text[i], text[i + 1]));
}

bool IsCjkIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

}  // namespace casesift
