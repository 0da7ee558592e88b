// The case-number scan of commit 5fb5e35, verbatim: one unanchored RE2 search for the next
// candidate, kept when ParseCaseNumber accepts it. The naive twin of FindCaseNumbers for
// tests/reference/case_number_agreement_test.cpp. Never for production.
#include "tests/reference/case_number_reference.h"

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <utility>

namespace casesift::reference {
namespace {

constexpr std::string_view kProvinceChars =
    "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新兵军";
constexpr std::string_view kSupremeCourt = "最高法";
constexpr std::string_view kSuffixNumerals = "一二三四五六七八九十百零〇";

// The byte length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
size_t CharLen(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The case numbers in text[from, …), in order; at most `limit` of them.
std::vector<FoundCaseNumber> FindCaseNumbersFrom(std::string_view text, size_t from, size_t limit) {
  static thread_local const RE2 kCandidate = [] {
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
    return RE2("(" + with_year + "|" + without_year + ")");
  }();
  std::vector<FoundCaseNumber> found;
  if (!kCandidate.ok()) return found;
  size_t pos = from;
  re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece match;
  while (pos < text.size() &&
         kCandidate.Match(piece, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t offset = static_cast<size_t>(match.data() - text.data());
    Result<CaseNumber> parsed = ParseCaseNumber(std::string_view(match.data(), match.size()));
    if (parsed.ok() && (parsed->year || LookupTypeCode(parsed->type_code).known())) {
      found.push_back({offset, match.size(), std::move(parsed).value()});
      if (found.size() >= limit) break;
      pos = offset + match.size();
    } else {
      pos = offset + CharLen(static_cast<unsigned char>(text[offset]));
    }
  }
  return found;
}

}  // namespace

std::vector<FoundCaseNumber> FindCaseNumbersReference(std::string_view text) {
  return FindCaseNumbersFrom(text, 0, SIZE_MAX);
}

std::optional<FoundCaseNumber> FindFirstCaseNumberReference(std::string_view text, size_t from) {
  std::vector<FoundCaseNumber> found = FindCaseNumbersFrom(text, from, 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace casesift::reference
