// FindMoney (a hand-written candidate scanner around Hyperscan anchors) against its naive
// twin FindMoneyReference (one RE2 search per candidate): the same spans, amounts and flags,
// with and without pseudonym digits, on the hand-written fixtures, on case-synth documents,
// on damaged copies of them (run together, cut short, bytes dropped, numerals, brackets and
// currency signs inserted at random), and on short random mixtures of the characters a
// candidate is made of, valid UTF-8 or not.
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "common/chinese_number.h"
#include "tests/reference/money_reference.h"
#include "tests/support/agreement_corpus.h"

#ifndef CASESIFT_MONEY_DOCUMENTS
#define CASESIFT_MONEY_DOCUMENTS 3000
#endif

namespace casesift {
namespace {

std::string Describe(const std::vector<MoneySpan>& spans) {
  std::string out;
  for (const MoneySpan& s : spans) {
    out += "[" + std::to_string(s.begin) + "," + std::to_string(s.end) +
           ")=" + std::to_string(s.fen) + (s.approximate ? "~ " : " ");
  }
  return out;
}

// Compares both scanners on `text` under both options; the number of differences.
size_t Compare(std::string_view text, size_t* compared) {
  size_t differences = 0;
  MoneyScanOptions pseudonyms;
  pseudonyms.pseudonym_digits = true;
  MoneyScanOptions names;
  names.names = {"石佳一", "崔一", "李一一", "万一", "某1二", "二", "陆一", "伍万", "张三"};
  for (const MoneyScanOptions& options : {MoneyScanOptions{}, pseudonyms, names}) {
    const std::string fast = Describe(FindMoney(text, options));
    const std::string slow = Describe(reference::FindMoneyReference(text, options));
    ++*compared;
    if (fast != slow) {
      ++differences;
      if (differences <= 3) {
        std::printf("money differs\n  fast: %s\n  slow: %s\n  text: %s\n", fast.c_str(),
                    slow.c_str(), std::string(text).c_str());
      }
    }
  }
  return differences;
}

// What damaged copies get inserted: numerals, separators, brackets, currency signs, words
// that end or open an amount, and bytes that are not UTF-8.
constexpr std::string_view kInserts[] = {
    "1",  "0",  "９",     "一",  "二", "十", "百", "万", "亿", "壹", "拾", "零",   "〇",  "两",
    ",",  "，", ".",      "．",  "元", "圆", "余", "多", "约", "大", "（", "）",   "(",   ")",
    "￥", "¥",  "人民币", "RMB", " ",  "　", "：", "某", "至", "、", "数", "\xff", "\xe5"};

TEST_CASE("FindMoney agrees with its naive twin on documents", "[reference][chinese_number]") {
  std::vector<std::string> texts = testing::AgreementCorpus(CASESIFT_MONEY_DOCUMENTS);
  REQUIRE(texts.size() >= 40 + CASESIFT_MONEY_DOCUMENTS);

  std::mt19937_64 rng(11);
  size_t compared = 0, differences = 0;
  for (const std::string& text : texts) {
    differences += Compare(text, &compared);
    if (text.empty()) continue;
    std::string joined;  // one line, as many corpora publish
    for (char c : text) {
      if (c != '\n') joined += c;
    }
    differences += Compare(joined, &compared);
    differences += Compare(text.substr(rng() % text.size()), &compared);
    std::string dropped = text;
    for (int k = 0; k < 16 && !dropped.empty(); ++k) dropped.erase(rng() % dropped.size(), 1);
    differences += Compare(dropped, &compared);
    std::string inserted = text;
    for (int k = 0; k < 40; ++k) {
      inserted.insert(rng() % (inserted.size() + 1), kInserts[rng() % std::size(kInserts)]);
    }
    differences += Compare(inserted, &compared);
  }
  INFO(compared << " scans compared");
  CHECK(compared > 10 * CASESIFT_MONEY_DOCUMENTS);
  CHECK(differences == 0);
}

TEST_CASE("FindMoney agrees with its naive twin on random mixtures",
          "[reference][chinese_number]") {
  // Whole characters and their pieces: overlong forms of 0 and of ',', a lone lead byte, a
  // lone continuation byte.
  constexpr std::string_view kPieces[] = {
      "1",    "0",    "5",    "９",       "一",           "二",       "两",
      "十",   "百",   "千",   "万",       "亿",           "壹",       "拾",
      "零",   "〇",   "○",    ",",        "，",           ".",        "．",
      "元",   "圆",   "余",   "多",       "角",           "分",       "整",
      "正",   "左右", "约",   "大",       "大约",         "（",       "）",
      "(",    ")",    "￥",   "¥",        "人民币",       "RMB",      "RM",
      " ",    "　",   "：",   ":",        "大写",         "某",       "至",
      "-",    "、",   "数",   "第",       "的",           "年",       "钱",
      "\xff", "\xe5", "\x80", "\xc0\xb0", "\xe0\x80\xb0", "\xc0\xac", "\xe4\xb8"};
  std::mt19937_64 rng(5);
  size_t compared = 0, differences = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) text += kPieces[rng() % std::size(kPieces)];
    differences += Compare(text, &compared);
  }
  INFO(compared << " scans compared");
  CHECK(differences == 0);
}

}  // namespace
}  // namespace casesift
