// Numbers and money as Chinese court documents write them (DOMAIN.md §5): Chinese numerals
// (一百二十, 壹万贰仟, 二〇一七), money amounts in every form the documents use (人民币100,000元,
// 1.5亿元, 柒万元整（￥70000元）), a scanner that finds the amounts in a text, and the printer for
// the yuan values in records.
//
// Money is exact: an amount is read into an integer number of 分 (fen, 0.01 yuan) by integer
// arithmetic on its digits, never through floating point, and printed back from that integer.
// An amount that is not a whole number of fen (3.333元, 1.2345678万元) or does not fit in int64
// fen (about 9.2e16 yuan) is not an amount: it is rejected, never rounded or wrapped.
//
// Characters, wherever a number is read:
//   digits      0-9 and full-width ０-９ (U+FF10..FF19)
//   zero        零 〇 (U+3007) ○ (U+25CB)
//   1-9         一 二 三 四 五 六 七 八 九, 两 兩 (2), 仨 (3)
//               壹 贰 叁 肆 伍 陆 柒 捌 玖 and the variants 弌 貳 貮 弍 參 弎 陸
//   units       十 拾 (10), 百 佰 (100), 千 仟 (1000), 万 萬 (10^4), 亿 億 (10^8)
//
// All functions are pure and safe from any number of threads. FindMoney runs in time linear
// in the text (one Hyperscan pass for the 元, 圆 and currency signs every candidate holds, the
// candidates around them read by hand); malformed UTF-8 is never an error, it just matches
// nothing.
#ifndef CASESIFT_COMMON_CHINESE_NUMBER_H_
#define CASESIFT_COMMON_CHINESE_NUMBER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

// The value of a whole text that is one non-negative integer in Chinese numerals, or
// std::nullopt. Accepted forms:
//  - positional: 一百二十 (120), 十三 (13), 一千零五 (1005), 两万 (20000), 壹拾万 (100000),
//    壹万贰仟叁佰肆拾伍 (12345), 三万亿 (3e12); zeros may mark skipped places (一万零五百),
//    stand as cheque-style coefficients (肆万贰仟零佰零拾零 = 42000) or trail (一百零 = 100);
//  - the spoken abbreviation of a final digit after 百/千/万/亿: 一千五 (1500), 一万五 (15000),
//    二百五 (250); after 十 the digit is the units (十五 = 15);
//  - digit by digit, without units: 二〇一七 (2017), 一〇〇 (100), 五 (5), 零 (0);
//  - mixed with Arabic digits, which may stand for a whole group before a unit: 3万 (30000),
//    3万5千, 12万, 1亿2000万, 12000万 (1.2亿); 2017 alone is 2017.
// Rejected: empty text; anything besides the characters above (no spaces, no decimal point:
// 1.5万 is money, see ParseMoney); a bare leading 百, 千, 万 or 亿 (百万 means "about a
// million"; only 十 may stand alone: 十万); two digits in a row within a positional number
// (三四万 is a range); units out of order (一百一千) or repeated (一万二万); a digit between a
// unit of 百 or more and 万/亿 (三千五万 is not a standard form); 两 in a digit-by-digit string;
// Arabic runs with a leading zero (05); any value above INT64_MAX (never UB).
[[nodiscard]] std::optional<int64_t> ParseChineseInteger(std::string_view text);

// One money amount, in fen.
struct Money {
  int64_t fen = 0;
  // The text says the amount is not exact: 余 or 多 (2万余元, 5000多元, 十余万元), 约/大约
  // before it, or 左右 after it (5000元左右). FindMoney also sets it for the upper end of a
  // range (三万至五万元, 30000元至40000元).
  bool approximate = false;
};

// The amount of a whole text that is one money expression, e.g.
//   人民币100,000元 -> 10000000    45,065.6元 -> 4506560    22,532.80元 -> 2253280
//   112万元 -> 1120000000          3.5万元 -> 350000000     1.5亿元 -> 15000000000
//   2万余元 -> 2000000 approximate 十余万元 -> 10000000 approximate
//   柒万元整（￥70000元） -> 7000000  壹万贰仟叁佰肆拾伍元陆角柒分 -> 1234567
//   一百二十万元, 两万元, 十元, １２３元, ￥5000, RMB 5000元, 人民币10万
// Grammar, in order:
//   [约|大约] [人民币|RMB|￥|¥ (one or two of them) [：|:] [space]]
//   number: Arabic digits with optional thousands separators (',' or '，', groups of three)
//           and decimal point ('.' or '．'), optionally followed by units (1.5万, 3百万,
//           1.2万亿); or a ParseChineseInteger form (Chinese, Arabic or mixed)
//   [余|多 [十|百|千|万|亿 ...]]  (十余万: the units after 余 multiply the number)
//   [space] 元|圆, then [[零]digit 角] [[零]digit 分] [整|正] [左右]
//   [a bracketed repeat of the same amount: （￥70000元）, (大写：柒万元整), （小写：20000）]
// 元 may be left out only after a currency prefix (￥5000, 人民币10万). A repeat that gives
// a different amount makes the whole text not one amount (std::nullopt). A space is one
// ASCII space or U+3000; surrounding white space is ignored.
[[nodiscard]] std::optional<Money> ParseMoney(std::string_view text);

// One amount found in a text: text.substr(begin, end - begin) is its span.
struct MoneySpan {
  size_t begin = 0;  // byte offset of the first byte (of 约, the prefix, or the number)
  size_t end = 0;    // byte offset just past the last byte (of 元, 整, 左右 or the repeat)
  int64_t fen = 0;
  bool approximate = false;  // as in Money
};

struct MoneyScanOptions {
  // The document numbers its pseudonyms (张某1, 刘某2: 法释〔2016〕19号 practice), so a digit
  // right after a single 某 belongs to the name: 借给张某142000元 is 42000元, not 142000元.
  // Decide it per document, e.g. from its party names; off, the digit is read as money.
  bool pseudonym_digits = false;
  // Names that end in Chinese numerals (崔一, 李一一, 石佳一): an amount right after one of
  // them starts where the name ends. 今借到石佳一十万五千元 is 十万五千元, which the text alone
  // cannot tell from 一十万五千元. Usually the document's party names; names that do not end
  // in a numeral are ignored. Empty, the scanner's own rules decide.
  std::vector<std::string> names;
};

// Every money amount in `text`, in order, not overlapping. Each span, given alone to
// ParseMoney, yields the same fen (and approximate, unless it came from a range before the
// span). What counts: a number followed by 元 (or 万元, 亿元, 余元 ...), or a number after a
// currency prefix. What does not:
//  - rates and multiples, which have no 元: 月利率20‰, 年利率6%, 1.5%, 月息2分, 按日万分之五,
//    同期同类贷款利率4倍, LPR四倍; numbers with other units: 2017年, 第253条, 3次, 5年;
//    other currencies: 3万美元, 欧元; 单元 (in addresses);
//  - vague quantities: 数万元, 几十万元, 十几万元, 上百万元, 百万元, 千元; ranges written with
//    、 (两、三万元, 十六、七万元) or adjacent digits (三四万元, 二三千元);
//  - numbers that do not parse: 20Ｏ00元, 10,0000元 (the text is wrong; nothing is guessed);
//    Arabic digits glued to a Chinese amount are dropped: 程某1壹拾伍万元 is 壹拾伍万元;
//  - a lone lower-case digit before 元 that runs into a word (王四元使用, 三元里, 一元化): a
//    name or place, not money.
// An amount followed by a bracketed repeat with the same value is one span covering both; when
// the values differ, both are reported. A list written with ASCII commas (1000,2000元) yields
// the amount of its last item. Negative signs are not read (-500元 is 500元).
// Offsets are into `text`; the result holds no pointers into it.
[[nodiscard]] std::vector<MoneySpan> FindMoney(std::string_view text,
                                               const MoneyScanOptions& options = {});

// An amount in fen as yuan in JSON number syntax, with at most two decimals and no trailing
// zeros: 11200000 -> "112000", 4506560 -> "45065.6", 2253280 -> "22532.8", 5 -> "0.05",
// 0 -> "0", -150 -> "-1.5". Exact for every int64 value.
[[nodiscard]] std::string FormatYuan(int64_t fen);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CHINESE_NUMBER_H_
