#include "common/numeral_chars.h"

#include <array>
#include <utility>

namespace casesift::numeral {
namespace {

// The characters of each digit 0-9, the everyday form first, and of each unit.
constexpr std::u32string_view kDigitChars[] = {
    U"零〇○", U"一壹弌", U"二两兩贰貳貮弍", U"三叁參弎仨", U"四肆",
    U"五伍",  U"六陆陸", U"七柒",           U"八捌",       U"九玖"};
constexpr std::pair<std::u32string_view, int64_t> kUnitChars[] = {
    {U"十拾", 10}, {U"百佰", 100}, {U"千仟", 1000}, {U"万萬", 10000}, {U"亿億", 100000000}};

// The Chinese numerals in an open-addressed hash table, built at compile time.
struct NumeralEntry {
  char32_t cp = 0;
  Numeral numeral;
};
constexpr size_t kNumeralSlots = 128;
constexpr size_t NumeralSlot(char32_t cp) {
  return static_cast<uint32_t>(cp * 0x9E3779B1u) >> 25;  // the top 7 bits
}
constexpr std::array<NumeralEntry, kNumeralSlots> BuildNumeralTable() {
  std::array<NumeralEntry, kNumeralSlots> table{};
  auto add = [&table](char32_t c, Numeral n) {
    size_t i = NumeralSlot(c);
    while (table[i].cp != 0) i = (i + 1) % kNumeralSlots;
    table[i] = {c, n};
  };
  for (int64_t d = 0; d < 10; ++d) {
    for (size_t at = 0; at < kDigitChars[d].size(); ++at) {
      const char32_t c = kDigitChars[d][at];
      add(c, {Numeral::kDigit, d, c == U'两' || c == U'兩', d > 0 && at == 0});
    }
  }
  for (const auto& [chars, value] : kUnitChars) {
    for (size_t at = 0; at < chars.size(); ++at) {
      add(chars[at], {Numeral::kUnit, value, false, at == 0 && value == 10});
    }
  }
  return table;
}
constexpr std::array<NumeralEntry, kNumeralSlots> kNumeralTable = BuildNumeralTable();

}  // namespace

Numeral Classify(char32_t cp) {
  if (cp >= '0' && cp <= '9') return {Numeral::kArabic, cp - '0'};
  if (cp >= 0xFF10 && cp <= 0xFF19) return {Numeral::kArabic, cp - 0xFF10};
  if (cp < 0x25CB) return {};  // below ○, the first Chinese numeral
  for (size_t i = NumeralSlot(cp); kNumeralTable[i].cp != 0; i = (i + 1) % kNumeralSlots) {
    if (kNumeralTable[i].cp == cp) return kNumeralTable[i].numeral;
  }
  return {};
}

}  // namespace casesift::numeral
