// Chinese numerals and money amounts as court documents write them: the writing side of
// what case-extract parses, so these functions double as the parser's test oracle.
//
//   AppendChineseInteger(&s, 1200000)        一百二十万
//   AppendChineseInteger(&s, 20000, true)    两万
//   AppendUppercaseAmount(&s, 10000000)      壹拾万元整        (fen: 100,000.00 yuan)
//   AppendChineseDate(&s, {2017, 1, 13}, "〇")  二〇一七年一月十三日
//   AppendArabicYuan(&s, 4506560, kGrouped)  45,065.6
//
// Every function appends UTF-8 to *out and never fails. Money is integer fen (1/100
// yuan) throughout, so nothing is lost to floating point.
//
// Thread safety: pure functions.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CHINESE_WRITER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CHINESE_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casesift::synth {

struct Date {
  int year = 0;  // 0: no date
  int month = 0;
  int day = 0;
  bool valid() const { return year != 0; }
};

// Days from 1970-01-01 to `date`, and back (proleptic Gregorian calendar).
int64_t DaysFromCivil(const Date& date);
Date CivilFromDays(int64_t days);
// `date` moved by `days` (may be negative).
Date AddDays(const Date& date, int64_t days);

// Lowercase numerals: 十二, 一百零五, 一万零五十, 一百二十万, 一亿零一万. A leading 一十
// is written 十. With `liang`, a leading 2 before 百/千/万/亿 is 两 (两万, 两千).
void AppendChineseInteger(std::string* out, uint64_t n, bool liang = false);

// The uppercase (大写) form of an amount in fen: 壹拾万元整, 壹仟贰佰叁拾肆元伍角陆分,
// 壹仟元零伍分, 伍角. Whole amounts end in 整.
void AppendUppercaseAmount(std::string* out, int64_t fen);

// A signature-block date: year digit by digit with `zero` for 0 (〇, ○ or 零), month and
// day in numerals: 二〇一七年一月十三日. With `placeholder_day`, the day is written ××.
void AppendChineseDate(std::string* out, const Date& date, std::string_view zero,
                       bool placeholder_day = false);

// A body date in Arabic numerals: 2014年8月4日.
void AppendArabicDate(std::string* out, const Date& date);

// The ISO form 2014-08-04.
void AppendIsoDate(std::string* out, const Date& date);
// The same as a string: 2024-03-01 (registers, truth).
std::string IsoDate(const Date& date);

enum ArabicStyle : unsigned {
  kPlain = 0,           // 45065.6
  kGrouped = 1,         // 45,065.6
  kTwoDecimals = 2,     // 45065.60, 70000.00 (combine with kGrouped)
  kFullWidthDigits = 4  // ４５０６５．６ (not with kGrouped)
};

// An amount in fen as Arabic yuan, without the unit: 70000, 100,000, 22,532.80.
void AppendArabicYuan(std::string* out, int64_t fen, unsigned style);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CHINESE_WRITER_H_
