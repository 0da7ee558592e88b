// FindCaseNumbers and FindFirstCaseNumber (RE2 run anchored only where a candidate may
// start) against their naive twins (one unanchored RE2 search per candidate): the same
// numbers, spans and parts, on the hand-written fixtures, on case-synth documents, on
// damaged copies of them (run together, cut short, bytes dropped, digits, brackets and
// province characters inserted at random), and on short random mixtures of the pieces a case
// number is made of, valid UTF-8 or not.
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "common/case_number.h"
#include "tests/reference/case_number_reference.h"
#include "tests/support/agreement_corpus.h"

#ifndef CASESIFT_CASE_NUMBER_DOCUMENTS
#define CASESIFT_CASE_NUMBER_DOCUMENTS 3000
#endif

namespace casesift {
namespace {

std::string Describe(const FoundCaseNumber& f) {
  const CaseNumber& n = f.number;
  std::string out = "[" + std::to_string(f.offset) + "+" + std::to_string(f.length) + "]" +
                    n.case_no + "|" + (n.year ? std::to_string(*n.year) : "-") + "|" +
                    n.court_code + "|" + n.special + "|" + n.type_code + "|" + n.written_type_code +
                    "|" + (n.seq ? std::to_string(*n.seq) : "-") + "|" + n.suffix + "|" +
                    (n.legacy ? "legacy" : "") + "|" + std::string(CategoryName(n.category)) + "|" +
                    std::string(ProcedureName(n.procedure));
  for (const std::string& w : n.warnings) out += "|" + w;
  return out + " ";
}

std::string Describe(const std::vector<FoundCaseNumber>& found) {
  std::string out;
  for (const FoundCaseNumber& f : found) out += Describe(f);
  return out;
}

std::string Describe(const std::optional<FoundCaseNumber>& found) {
  return found ? Describe(*found) : "none";
}

size_t Report(const std::string& what, const std::string& fast, const std::string& slow,
              std::string_view text, size_t differences) {
  if (fast == slow) return 0;
  if (differences < 3) {
    std::printf("%s differs\n  fast: %s\n  slow: %s\n  text: %.400s\n", what.c_str(), fast.c_str(),
                slow.c_str(), std::string(text).c_str());
  }
  return 1;
}

// Compares all numbers, and the first from a few offsets; the number of differences.
size_t Compare(std::string_view text, std::mt19937_64& rng, size_t* compared) {
  size_t differences = Report("FindCaseNumbers", Describe(FindCaseNumbers(text)),
                              Describe(reference::FindCaseNumbersReference(text)), text, 0);
  ++*compared;
  for (size_t from : {size_t{0}, size_t{1}, text.size() / 10, rng() % (text.size() + 1)}) {
    if (from > text.size()) continue;
    differences +=
        Report("FindFirstCaseNumber from " + std::to_string(from),
               Describe(FindFirstCaseNumber(text, from)),
               Describe(reference::FindFirstCaseNumberReference(text, from)), text, differences);
    ++*compared;
  }
  return differences;
}

constexpr std::string_view kInserts[] = {
    "1",  "0",  "2016", "２", "（", "）", "(",    ")",      "〔", "〕",   "【",
    "】", "［", "］",   "[",  "]",  "沪", "京",   "最高法", "号", "之一", "字第",
    " ",  "　", "\t",   "，", "-",  "－", "民初", "执",     "\n", "\xff", "\xe5"};

TEST_CASE("FindCaseNumbers agrees with its naive twin on documents", "[reference][case_number]") {
  std::vector<std::string> texts = testing::AgreementCorpus(CASESIFT_CASE_NUMBER_DOCUMENTS);
  REQUIRE(texts.size() >= 40 + CASESIFT_CASE_NUMBER_DOCUMENTS);

  std::mt19937_64 rng(13);
  size_t compared = 0, differences = 0, numbers = 0;
  for (const std::string& text : texts) {
    numbers += FindCaseNumbers(text).size();
    differences += Compare(text, rng, &compared);
    if (text.empty()) continue;
    std::string joined;  // one line, as many corpora publish
    for (char c : text) {
      if (c != '\n') joined += c;
    }
    differences += Compare(joined, rng, &compared);
    differences += Compare(text.substr(0, rng() % text.size()), rng, &compared);
    std::string dropped = text;
    for (int k = 0; k < 16 && !dropped.empty(); ++k) dropped.erase(rng() % dropped.size(), 1);
    differences += Compare(dropped, rng, &compared);
    std::string inserted = text;
    for (int k = 0; k < 40; ++k) {
      inserted.insert(rng() % (inserted.size() + 1), kInserts[rng() % std::size(kInserts)]);
    }
    differences += Compare(inserted, rng, &compared);
  }
  INFO(compared << " scans compared, " << numbers << " numbers found");
  CHECK(numbers > CASESIFT_CASE_NUMBER_DOCUMENTS);
  CHECK(compared > 20 * CASESIFT_CASE_NUMBER_DOCUMENTS);
  CHECK(differences == 0);
}

TEST_CASE("FindCaseNumbers agrees with its naive twin on random mixtures",
          "[reference][case_number]") {
  constexpr std::string_view kPieces[] = {
      "1",        "0",  "2016", "20", "２０１８", "（",   "）",   "(",    ")",    "〔",      "〕",
      "【",       "】", "［",   "］", "[",        "]",    "沪",   "京",   "新",   "0115",    "01",
      "最高法",   "民", "初",   "终", "民初",     "刑终", "执",   "执恢", "知",   "二",      "商",
      "字",       "第", "号",   "之", "一",       "十",   "-",    "－",   " ",    "　",      "\t",
      "\xc2\xa0", "，", "。",   "\n", "：",       "宣汉", "\xff", "\xe5", "\xbc", "\xef\xbc"};
  std::mt19937_64 rng(17);
  size_t compared = 0, differences = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 20);
    for (int i = 0; i < n; ++i) text += kPieces[rng() % std::size(kPieces)];
    differences += Compare(text, rng, &compared);
  }
  INFO(compared << " scans compared");
  CHECK(differences == 0);
}

}  // namespace
}  // namespace casesift
