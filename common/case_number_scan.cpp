// FindCaseNumbers and FindFirstCaseNumber (declared in case_number.h): case numbers in
// running text. tests/reference/case_number_agreement_test.cpp checks them against the
// old unanchored scan.
#include <re2/re2.h>

#include <string>

#include "common/case_number.h"
#include "common/case_number_chars.h"

namespace casesift {

using case_number_chars::CharLen;
using case_number_chars::kProvinceChars;
using case_number_chars::kSuffixNumerals;
using case_number_chars::kSupremeCourt;

namespace {

// The candidates for case numbers: a bracketed year, or a year with only its closing bracket,
// then up to 30 characters that may include a bracketed chamber mark, a number and 号; or,
// without a year, a 2016-style court code, a type and a number. Leftmost-first; matched
// anchored, at the places where one may start (MayStartCandidate).
const RE2& CandidatePattern() {
  // One per thread: a shared RE2 takes a lock on its DFA cache at every search.
  static thread_local const RE2 kCandidate([] {
    const std::string open = "[（(〔\\[【［]", close = "[）)〕\\]】］]", digit = "[0-9０-９]";
    const std::string space = "[ \\t\\x{3000}\\x{a0}]*";
    const std::string plain = "[^\\n\\r，,。；;：:、“”\"《》<>（）()〔〕\\[\\]【】［］]";
    // A body character, or a chamber mark in brackets (民二（商）终).
    const std::string body = "(?:" + plain + "|[（(]" + plain + "{1,2}[）)])";
    const std::string tail = digit + "+(?:[-－]" + digit + "+)?" + space + "号(?:之[" +
                             std::string(kSuffixNumerals) + "]+)?";
    const std::string with_year = "(?:" + open + space + "(?:" + digit + "{4})?|" + digit + "{4})" +
                                  space + close + space + body + "{1,30}?" + tail;
    const std::string without_year = "(?:" + std::string(kSupremeCourt) + "|[" +
                                     std::string(kProvinceChars) + "]" + digit + "{2,4})" + body +
                                     "{1,12}?" + tail;
    return "(" + with_year + "|" + without_year + ")";
  }());
  return kCandidate;
}

unsigned char ByteAt(std::string_view text, size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// The byte length of the digit (0-9, ０-９) at text[i]; 0 when there is none.
size_t DigitAt(std::string_view text, size_t i) {
  const unsigned char b = ByteAt(text, i);
  if (b >= '0' && b <= '9') return 1;
  const unsigned char last = ByteAt(text, i + 2);
  return b == 0xEF && ByteAt(text, i + 1) == 0xBC && last >= 0x90 && last <= 0x99 ? 3 : 0;
}

// Past the white space (ASCII space, tab, U+3000, U+00A0) at text[i].
size_t SkipBlanks(std::string_view text, size_t i) {
  for (;;) {
    const unsigned char b = ByteAt(text, i);
    if (b == ' ' || b == '\t') {
      i += 1;
    } else if (b == 0xC2 && ByteAt(text, i + 1) == 0xA0) {
      i += 2;
    } else if (b == 0xE3 && ByteAt(text, i + 1) == 0x80 && ByteAt(text, i + 2) == 0x80) {
      i += 3;
    } else {
      return i;
    }
  }
}

// Whether a closing bracket of the candidate pattern starts at text[i].
bool CloseAt(std::string_view text, size_t i) {
  const unsigned char b = ByteAt(text, i);
  if (b == ')' || b == ']') return true;
  const unsigned char b1 = ByteAt(text, i + 1), b2 = ByteAt(text, i + 2);
  return (b == 0xEF && b1 == 0xBC && (b2 == 0x89 || b2 == 0xBD)) ||  // ） ］
         (b == 0xE3 && b1 == 0x80 && (b2 == 0x95 || b2 == 0x91));    // 〕 】
}

// Whether text[i] starts four digits, white space and a closing bracket.
bool YearAndCloseAt(std::string_view text, size_t i) {
  for (int k = 0; k < 4; ++k) {
    const size_t n = DigitAt(text, i);
    if (n == 0) return false;
    i += n;
  }
  return CloseAt(text, SkipBlanks(text, i));
}

// Whether a candidate may start at text[s]: what it must start with, checked up to the
// closing bracket of the year, or up to the digits after a province; a cheap superset of
// the places where the candidate pattern matches.
bool MayStartCandidate(std::string_view text, size_t s) {
  const unsigned char b = ByteAt(text, s);
  size_t open = 0;
  if (b == '(' || b == '[') {
    open = 1;
  } else if (b >= '0' && b <= '9') {
    return YearAndCloseAt(text, s);
  } else if (b == 0xEF) {
    if (ByteAt(text, s + 1) != 0xBC) return false;
    const unsigned char b2 = ByteAt(text, s + 2);
    if (b2 >= 0x90 && b2 <= 0x99) return YearAndCloseAt(text, s);
    if (b2 != 0x88 && b2 != 0xBB) return false;  // （ ［
    open = 3;
  } else if (b == 0xE3) {
    const unsigned char b2 = ByteAt(text, s + 2);
    if (ByteAt(text, s + 1) != 0x80 || (b2 != 0x94 && b2 != 0x90)) return false;  // 〔 【
    open = 3;
  } else if (b >= 0xE4 && b <= 0xE9) {
    if (text.compare(s, kSupremeCourt.size(), kSupremeCourt) == 0) return true;
    const size_t d = DigitAt(text, s + 3);
    if (d == 0 || DigitAt(text, s + 3 + d) == 0) return false;
    for (size_t i = 0; i < kProvinceChars.size(); i += 3) {
      if (text.compare(s, 3, kProvinceChars.substr(i, 3)) == 0) return true;
    }
    return false;
  } else {
    return false;
  }
  const size_t i = SkipBlanks(text, s + open);
  return CloseAt(text, i) || YearAndCloseAt(text, i);
}

// The case numbers in text[from, …), in order; at most `limit` of them.
std::vector<FoundCaseNumber> FindCaseNumbersFrom(std::string_view text, size_t from, size_t limit) {
  std::vector<FoundCaseNumber> found;
  const RE2& candidate = CandidatePattern();
  if (!candidate.ok()) return found;
  re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece match;
  for (size_t pos = from; pos < text.size();) {
    if (!MayStartCandidate(text, pos) ||
        !candidate.Match(piece, pos, text.size(), RE2::ANCHOR_START, &match, 1)) {
      ++pos;
      continue;
    }
    Result<CaseNumber> parsed = ParseCaseNumber(std::string_view(match.data(), match.size()));
    if (parsed.ok() && (parsed->year || LookupTypeCode(parsed->type_code).known())) {
      found.push_back({pos, match.size(), std::move(parsed).value()});
      if (found.size() >= limit) break;
      pos += match.size();
    } else {
      pos += CharLen(static_cast<unsigned char>(text[pos]));
    }
  }
  return found;
}

}  // namespace

std::vector<FoundCaseNumber> FindCaseNumbers(std::string_view text) {
  return FindCaseNumbersFrom(text, 0, SIZE_MAX);
}

std::optional<FoundCaseNumber> FindFirstCaseNumber(std::string_view text, size_t from) {
  std::vector<FoundCaseNumber> found = FindCaseNumbersFrom(text, from, 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace casesift
