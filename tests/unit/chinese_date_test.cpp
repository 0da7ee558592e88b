#include "common/chinese_date.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <string_view>

namespace casesift {
namespace {

// "2017-01-13", "2016-12 placeholder", "1972-04", or "none".
std::string Date(std::string_view text) {
  const std::optional<ChineseDate> d = ParseChineseDate(text);
  if (!d) return "none";
  return d->IsoPrefix() + (d->placeholder ? " placeholder" : "");
}

// Every date FindDates finds, as "span=iso" joined by " | ".
std::string Find(std::string_view text) {
  std::string out;
  for (const DateSpan& s : FindDates(text)) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(s.begin, s.end - s.begin)) + "=" + s.date.IsoPrefix() +
           (s.date.placeholder ? "?" : "");
  }
  return out;
}

// Naive reference: 1..31 in Chinese numerals as signature blocks write them.
std::string ChineseSmall(int n) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  if (n >= 20) out += kDigits[n / 10];
  if (n >= 10) out += "十";
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

std::string ChineseYear(int year, const char* zero) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  for (int div = 1000; div > 0; div /= 10) {
    const int d = year / div % 10;
    out += d == 0 ? zero : kDigits[d];
  }
  return out;
}

TEST_CASE("the date forms of court documents parse to ISO dates", "[chinese_date]") {
  CHECK(Date("2014年8月4日") == "2014-08-04");
  CHECK(Date("2014年08月04日") == "2014-08-04");
  CHECK(Date("二〇一七年一月十三日") == "2017-01-13");
  CHECK(Date("二○一七年一月十三日") == "2017-01-13");
  CHECK(Date("二零一七年一月十三日") == "2017-01-13");
  CHECK(Date("二〇一七年十二月三十一日") == "2017-12-31");
  CHECK(Date("二〇一七年元月二十日") == "2017-01-20");
  CHECK(Date("2014年元月16日") == "2014-01-16");
  CHECK(Date("２０１４年８月４日") == "2014-08-04");
  CHECK(Date("2014 年 8 月 4 日") == "2014-08-04");
  CHECK(Date("2014年\u30008月\u30004日") == "2014-08-04");
  CHECK(Date("2017年7月2号") == "2017-07-02");
  CHECK(Date("2017年1月九日") == "2017-01-09");
  CHECK(Date("二〇一七年1月9日") == "2017-01-09");
  CHECK(Date("2017.1.9") == "2017-01-09");
  CHECK(Date("2017-01-09") == "2017-01-09");
  CHECK(Date("2017/1/9") == "2017-01-09");
  CHECK(Date("2017．1．9") == "2017-01-09");
  CHECK(Date("2014.1.16号") == "2014-01-16");
  CHECK(Date(" 2017-01-09 ") == "2017-01-09");
  CHECK(Date("\u3000 2017-01-09\u3000\t") == "2017-01-09");
}

TEST_CASE("birth dates keep the precision they are written with", "[chinese_date]") {
  CHECK(Date("1972年4月出生") == "1972-04");
  CHECK(Date("生于1989年2月27日") == "1989-02-27");
  CHECK(Date("出生于1989年2月27日") == "1989-02-27");
  CHECK(Date("1947年10月7日生") == "1947-10-07");
  CHECK(Date("1966年7月18日出生") == "1966-07-18");
  const ChineseDate month = *ParseChineseDate("1972年4月出生");
  CHECK(month.precision() == DatePrecision::kMonth);
  CHECK(month.IsoDate() == std::nullopt);
  CHECK(month == ChineseDate{1972, 4, 0, false});
  const ChineseDate day = *ParseChineseDate("1947年10月7日生");
  CHECK(day.precision() == DatePrecision::kDay);
  CHECK(day.IsoDate() == "1947-10-07");
}

TEST_CASE("placeholders make a recognised date whose unknown parts are null", "[chinese_date]") {
  CHECK(Date("二〇一六年十二月××日") == "2016-12 placeholder");
  CHECK(Date("二〇一六年十二月XX日") == "2016-12 placeholder");
  CHECK(Date("二〇一六年十二月ｘｘ日") == "2016-12 placeholder");
  CHECK(Date("二〇一六年十二月〇〇日") == "2016-12 placeholder");
  CHECK(Date("二〇一六年十二月□□日") == "2016-12 placeholder");
  CHECK(Date("2016年12月某日") == "2016-12 placeholder");
  CHECK(Date("2016年12月*日") == "2016-12 placeholder");
  CHECK(Date("2016年××月××日") == "2016 placeholder");
  CHECK(Date("2016年某月某日") == "2016 placeholder");
  const ChineseDate d = *ParseChineseDate("二〇一六年十二月××日");
  CHECK(d == ChineseDate{2016, 12, 0, true});
  CHECK(d.precision() == DatePrecision::kMonth);
  CHECK(d.IsoDate() == std::nullopt);
  CHECK(ParseChineseDate("2016年××月××日")->precision() == DatePrecision::kYear);
  CHECK(Date("二〇一六年十二月×××日") == "none");
  CHECK(Date("二〇一六年十三月××日") == "none");
}

TEST_CASE("impossible dates and other text are not dates", "[chinese_date]") {
  for (std::string_view text : {"",
                                "2017年",
                                "2017",
                                "2017年2月29日",
                                "1900年2月29日",
                                "2017年4月31日",
                                "2017年13月1日",
                                "2017年0月1日",
                                "2017年1月0日",
                                "2017年1月32日",
                                "2017年1月123日",
                                "1799年12月31日",
                                "2101年1月1日",
                                "17年1月9日",
                                "02017年1月9日",
                                "二〇一七年二月三十日",
                                "二〇一七年十三月一日",
                                "两〇一七年一月一日",
                                "2017.1",
                                "2017.1-9",
                                "2017.1.9.3",
                                "20170109",
                                "2017年1月9日生日",
                                "同年9月20日",
                                "2017年农历9月20日",
                                "2017年1月9日 下午",
                                "2017年1月95日",
                                "2017年1月\xff日",
                                "二〇一七年一月十三",
                                "2017年1月9"}) {
    INFO(text);
    CHECK(Date(text) == "none");
  }
  CHECK(Date("2016年2月29日") == "2016-02-29");
  CHECK(Date("2000年2月29日") == "2000-02-29");
  CHECK(Date("1800年1月1日") == "1800-01-01");
  CHECK(Date("2100年12月31日") == "2100-12-31");
}

TEST_CASE("every day from 1800 to 2100 is accepted exactly when the calendar has it",
          "[chinese_date][reference]") {
  int accepted = 0;
  for (int y = 1800; y <= 2100; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned d = 1; d <= 31; ++d) {
        const bool real = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                                      std::chrono::day(d))
                              .ok();
        const std::string arabic =
            std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
        const std::optional<ChineseDate> parsed = ParseChineseDate(arabic);
        REQUIRE(parsed.has_value() == real);
        if (!real) continue;
        ++accepted;
        REQUIRE(*parsed == ChineseDate{y, static_cast<int>(m), static_cast<int>(d), false});
        if (static_cast<int>(d % 7) == y % 7) {  // a sample in the other forms
          const char* zero = y % 3 == 0 ? "〇" : y % 3 == 1 ? "○" : "零";
          REQUIRE(ParseChineseDate(ChineseYear(y, zero) + "年" + ChineseSmall(static_cast<int>(m)) +
                                   "月" + ChineseSmall(static_cast<int>(d)) + "日") == parsed);
          char buf[32];
          snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
          REQUIRE(ParseChineseDate(buf) == parsed);
          REQUIRE(parsed->IsoDate() == std::string(buf));
        }
      }
    }
  }
  CHECK(accepted == 109938);  // days from 1800-01-01 to 2100-12-31
}

TEST_CASE("FindDates finds the dates of a judgment", "[chinese_date][find]") {
  const std::string_view text =
      "原告：王建国，男，1966年7月18日生，汉族。被告：李某，女，1972年4月出生。原告与被告民间借贷"
      "纠纷一案，本院于2017年1月9日立案后，依法适用普通程序。审　判　长　李建鲁\n二〇一七年一月十三"
      "日"
      "\n书　记　员　张　毅";
  CHECK(Find(text) ==
        "1966年7月18日=1966-07-18 | 1972年4月=1972-04 | 2017年1月9日=2017-01-09 | "
        "二〇一七年一月十三日=2017-01-13");
  const std::vector<DateSpan> spans = FindDates(text);
  REQUIRE(spans.size() == 4);
  CHECK(text.substr(spans[2].begin, spans[2].end - spans[2].begin) == "2017年1月9日");
  CHECK(spans[2].date.IsoDate() == "2017-01-09");
  CHECK(FindDates("2017年1月9日").at(0).begin == 0);
  CHECK(FindDates("2017年1月9日").at(0).end == 15);
}

TEST_CASE("FindDates reads dates next to numbers only where they can be told apart",
          "[chinese_date][find]") {
  CHECK(Find("今借人：余某12014年10月3日；月息10％王某12014.1.16号；1.2017年1月24日") ==
        "2014年10月3日=2014-10-03 | 2014.1.16号=2014-01-16 | 2017年1月24日=2017-01-24");
  CHECK(Find("12017年1月1日；版本1.2017.1.9.3；2017.1.95；192.2017.1.1；2017.1.9.") ==
        "2017.1.9=2017-01-09");
  CHECK(Find("2017年农历9月20日；同年9月20日；2017年1月95日；2017年2月29日；2017年度") == "");
  CHECK(Find("2017年1月至3月；2017年9月份；二〇一六年十二月××日；2014年1月1日至2014年12月31日") ==
        "2017年1月=2017-01 | 2017年9月=2017-09 | 二〇一六年十二月××日=2016-12? | "
        "2014年1月1日=2014-01-01 | 2014年12月31日=2014-12-31");
  CHECK(Find("2017-01-09 2017/1/9 2017.1.9 2017年元月16日") ==
        "2017-01-09=2017-01-09 | 2017/1/9=2017-01-09 | 2017.1.9=2017-01-09 | "
        "2017年元月16日=2017-01-16");
}

TEST_CASE("every span FindDates reports parses alone to the same date", "[chinese_date][find]") {
  constexpr std::string_view kParts[] = {
      "2017年", "二〇一六年", "1月",  "12月", "十二月", "元月", "9日", "31日", "十三日",
      "××日",   "2号",        "2017", "1",    "9",      "0",    "年",  "月",   "日",
      ".",      "-",          "/",    "二",   "十",     "某",   " ",   "生",   "\xff"};
  std::mt19937_64 rng(5);
  int found = 0;
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += kParts[rng() % std::size(kParts)];
    size_t last_end = 0;
    for (const DateSpan& s : FindDates(text)) {
      INFO(text);
      REQUIRE(s.begin >= last_end);
      REQUIRE(s.begin < s.end);
      REQUIRE(s.end <= text.size());
      REQUIRE(ParseChineseDate(std::string_view(text).substr(s.begin, s.end - s.begin)) == s.date);
      last_end = s.end;
      ++found;
    }
  }
  CHECK(found > 1000);
}

TEST_CASE("FindDates stays linear on long runs of digits", "[chinese_date][find]") {
  std::string text(1 << 20, '2');
  text += "年1月1日";
  CHECK(FindDates(text).empty());
  std::string dates;
  for (int i = 0; i < 50000; ++i) dates += "2017年1月9日";
  CHECK(FindDates(dates).size() == 50000);
}

}  // namespace
}  // namespace casesift
