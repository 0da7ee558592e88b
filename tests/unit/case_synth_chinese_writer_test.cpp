// case-synth's numeral and money writers, checked against the project's parsers
// (common/chinese_number.h, common/chinese_date.h): whatever case-synth writes, the parsers
// must read back to the same value.

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "common/chinese_date.h"
#include "common/chinese_number.h"
#include "tools/case-synth/chinese_writer.h"
#include "tools/case-synth/fee_schedule.h"
#include "tools/case-synth/rng.h"

namespace casesift::synth {
namespace {

std::string Lower(uint64_t n, bool liang = false) {
  std::string s;
  AppendChineseInteger(&s, n, liang);
  return s;
}

std::string Upper(int64_t fen) {
  std::string s;
  AppendUppercaseAmount(&s, fen);
  return s;
}

std::string Arabic(int64_t fen, unsigned style) {
  std::string s;
  AppendArabicYuan(&s, fen, style);
  return s;
}

TEST_CASE("lowercase numerals in the standard form", "[case-synth]") {
  CHECK(Lower(0) == "零");
  CHECK(Lower(10) == "十");
  CHECK(Lower(12) == "十二");
  CHECK(Lower(112) == "一百一十二");
  CHECK(Lower(1005) == "一千零五");
  CHECK(Lower(10050) == "一万零五十");
  CHECK(Lower(100000) == "十万");
  CHECK(Lower(1200000) == "一百二十万");
  CHECK(Lower(100010000) == "一亿零一万");
  CHECK(Lower(10012) == "一万零一十二");
  CHECK(Lower(20000, true) == "两万");
  CHECK(Lower(2000, true) == "两千");
  CHECK(Lower(20, true) == "二十");
  CHECK(Lower(2, true) == "二");
}

TEST_CASE("uppercase amounts in the cheque form", "[case-synth]") {
  CHECK(Upper(10000000) == "壹拾万元整");
  CHECK(Upper(7000000) == "柒万元整");
  CHECK(Upper(123456) == "壹仟贰佰叁拾肆元伍角陆分");
  CHECK(Upper(100005) == "壹仟元零伍分");
  CHECK(Upper(123450) == "壹仟贰佰叁拾肆元伍角");
  CHECK(Upper(50) == "伍角");
  CHECK(Upper(100100) == "壹仟零壹元整");
}

TEST_CASE("Arabic amounts", "[case-synth]") {
  CHECK(Arabic(4506560, kPlain) == "45065.6");
  CHECK(Arabic(4506560, kGrouped) == "45,065.6");
  CHECK(Arabic(2253280, kGrouped | kTwoDecimals) == "22,532.80");
  CHECK(Arabic(11200000, kGrouped) == "112,000");
  CHECK(Arabic(7000000, kTwoDecimals) == "70000.00");
  CHECK(Arabic(5, kPlain) == "0.05");
  CHECK(Arabic(7000000, kFullWidthDigits) == "７００００");
}

TEST_CASE("every written number and amount parses back to its value", "[case-synth]") {
  Rng rng(7);
  for (int i = 0; i < 20000; ++i) {
    uint64_t n = rng.Next() % (i % 2 ? 100000 : 100000000000ULL);
    std::string lower = Lower(n, rng.Percent(30));
    std::optional<int64_t> read = ParseChineseInteger(lower);
    INFO(lower);
    REQUIRE(read.has_value());
    CHECK(static_cast<uint64_t>(*read) == n);

    int64_t fen = static_cast<int64_t>(rng.Next() % 100000000000ULL);
    std::string upper = Upper(fen);
    INFO(upper);
    std::optional<Money> money = ParseMoney(upper);
    REQUIRE(money.has_value());
    CHECK(money->fen == fen);
    static constexpr unsigned kStyles[] = {kPlain, kGrouped, kTwoDecimals, kGrouped | kTwoDecimals,
                                           kFullWidthDigits};
    for (unsigned style : kStyles) {
      std::string arabic = Arabic(fen, style) + "元";
      INFO(arabic);
      std::optional<Money> m = ParseMoney(arabic);
      REQUIRE(m.has_value());
      CHECK(m->fen == fen);
    }
  }
}

TEST_CASE("signature dates parse back, placeholders included", "[case-synth]") {
  std::string s;
  AppendChineseDate(&s, {2017, 1, 13}, "〇");
  CHECK(s == "二〇一七年一月十三日");
  s.clear();
  AppendChineseDate(&s, {2020, 10, 31}, "○");
  CHECK(s == "二○二○年十月三十一日");
  s.clear();
  AppendChineseDate(&s, {2016, 12, 5}, "〇", true);
  CHECK(s == "二〇一六年十二月××日");
  std::optional<ChineseDate> d = ParseChineseDate(s);
  REQUIRE(d.has_value());
  CHECK(d->placeholder);
  CHECK_FALSE(d->IsoDate().has_value());

  for (int64_t day = DaysFromCivil({2014, 1, 1}); day < DaysFromCivil({2025, 1, 1}); day += 7) {
    Date date = CivilFromDays(day);
    for (const char* zero : {"〇", "○", "零"}) {
      s.clear();
      AppendChineseDate(&s, date, zero);
      std::optional<ChineseDate> read = ParseChineseDate(s);
      INFO(s);
      REQUIRE(read.has_value());
      CHECK(read->year == date.year);
      CHECK(read->month == date.month);
      CHECK(read->day == date.day);
    }
  }
}

TEST_CASE("civil day numbers round-trip", "[case-synth]") {
  CHECK(DaysFromCivil({1970, 1, 1}) == 0);
  CHECK(DaysFromCivil({2000, 3, 1}) == 11017);
  for (int64_t d = -30000; d < 40000; d += 13) {
    CHECK(DaysFromCivil(CivilFromDays(d)) == d);
  }
  Date leap = AddDays({2020, 2, 28}, 1);
  CHECK((leap.year == 2020 && leap.month == 2 && leap.day == 29));
}

TEST_CASE("case fees follow the marginal rates of 诉讼费用交纳办法", "[case-synth]") {
  CHECK(PropertyCaseFeeFen(500000) == 5000);        // 5,000 yuan: the flat 50
  CHECK(PropertyCaseFeeFen(1000000) == 5000);       // 10,000 yuan
  CHECK(PropertyCaseFeeFen(11200000) == 254000);    // 112,000 yuan (RECORDS.md example)
  CHECK(PropertyCaseFeeFen(50000000) == 880000);    // 500,000 yuan: 8800 (DOMAIN.md §5)
  CHECK(PropertyCaseFeeFen(4902000) == 102550);     // 49,020 yuan: 1025.50
  CHECK(PropertyCaseFeeFen(300000000) == 3080000);  // 3,000,000 yuan: 30,800
  CHECK(HalveFen(254000) == 127000);
  CHECK(HalveFen(102550) == 51275);
  CHECK(HalveFen(1001) == 501);
}

}  // namespace
}  // namespace casesift::synth
