// Dates as Chinese court documents write them (DOMAIN.md §1: birth dates in party
// paragraphs, the 立案 date in the procedural history, the signature date of the 落款).
//
//   2014年8月4日  2014年08月04日  2017年7月2号  ２０１４年８月４日  2014 年 8 月 4 日
//   二〇一七年一月十三日  二○一七年一月十三日  二零一七年一月十三日  二〇一七年元月十三日
//   2017.1.9  2017-01-09  2017/1/9  2014.1.16号
//   1972年4月 (month precision)
//   二〇一六年十二月××日  2016年12月某日  2016年XX月XX日 (placeholders: the date is recognised,
//   but the parts behind the placeholder are unknown)
//
// Rules:
//  - The year has exactly four digits, all Arabic (ASCII or full-width) or all Chinese
//    (〇 ○ 零 一 ... 九), and lies in 1800..2100.
//  - The month is 1-2 Arabic digits, a Chinese number (一 ... 十二) or 元 (元月 = January); the
//    day is 1-2 Arabic digits or a Chinese number (一 ... 三十一), ended by 日 or 号.
//  - A placeholder is one or two of × X x Ｘ ｘ * ＊ □ 某, or two zeros (〇〇, ○○), in place of
//    the month or the day. A day after a month placeholder is ignored.
//  - One space (ASCII or U+3000) may stand on either side of 年 and 月 and before 日.
//  - The date must exist in the Gregorian calendar: 2017年2月29日 is not a date at all.
//  - The separated forms (2017.1.9) need all three parts and the same separator twice ('.',
//    '-', '/' or their full-width forms); a month alone is only read with 年 and 月.
//  - Lunar dates (2017年农历九月) and dates without a year (同年9月20日) are not read.
//
// All functions are pure and safe from any number of threads. FindDates runs in time linear
// in the text; malformed UTF-8 matches nothing.
#ifndef CASESIFT_COMMON_CHINESE_DATE_H_
#define CASESIFT_COMMON_CHINESE_DATE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

// How much of a date the text states.
enum class DatePrecision : uint8_t {
  kYear,   // only with a placeholder month: 二〇一六年××月××日
  kMonth,  // 1972年4月出生, 二〇一六年十二月××日
  kDay,
};

// A calendar date, or the part of one that the text gives.
struct ChineseDate {
  int year = 0;   // 1800..2100
  int month = 0;  // 1..12; 0 when not known
  int day = 0;    // 1..31, valid for the month and year; 0 when not known
  // The unknown parts were written as a placeholder (××日, 某日) rather than left out. A
  // record's date field gets null for such a date (IsoDate() is std::nullopt).
  bool placeholder = false;

  DatePrecision precision() const {
    return day != 0     ? DatePrecision::kDay
           : month != 0 ? DatePrecision::kMonth
                        : DatePrecision::kYear;
  }
  // "YYYY-MM-DD" when the day is known, else std::nullopt: the value for a date field.
  std::optional<std::string> IsoDate() const;
  // As much as is known: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (e.g. for a birth month).
  std::string IsoPrefix() const;

  friend bool operator==(const ChineseDate&, const ChineseDate&) = default;
};

// The date of a whole text that is one date in a form above, optionally with the birth words
// of party paragraphs around it: 生于1989年2月27日, 出生于…, 1947年10月7日生, 1972年4月出生.
// Surrounding white space is ignored. std::nullopt when the text is anything else, or names a
// day that does not exist.
[[nodiscard]] std::optional<ChineseDate> ParseChineseDate(std::string_view text);

// One date found in a text: text.substr(begin, end - begin) is the date itself (birth words
// are not part of it).
struct DateSpan {
  size_t begin = 0;  // byte offset of the first byte of the year
  size_t end = 0;    // byte offset just past 日/号, 月, or the last digit
  ChineseDate date;
};

// Every date in `text`, in order, not overlapping; each span, given alone to
// ParseChineseDate, yields the same date. A year that directly follows a digit is not read
// (12017年), except after a pseudonym's digit (李某12015年3月23日 has 2015年3月23日), and the
// separated forms are not read inside longer runs of digits and separators (1.2017.1.9.3,
// 192.2017.1.1). Offsets are into `text`; the result holds no pointers into it.
[[nodiscard]] std::vector<DateSpan> FindDates(std::string_view text);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CHINESE_DATE_H_
