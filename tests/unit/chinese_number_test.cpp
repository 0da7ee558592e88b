#include "common/chinese_number.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {
namespace {

std::string Int(std::string_view text) {
  const std::optional<int64_t> v = ParseChineseInteger(text);
  return v ? std::to_string(*v) : "none";
}

// "yuan" or "yuan~" (approximate) or "none".
std::string Yuan(std::string_view text) {
  const std::optional<Money> m = ParseMoney(text);
  return m ? FormatYuan(m->fen) + (m->approximate ? "~" : "") : "none";
}

// Every amount FindMoney finds, as "span=yuan" joined by " | ".
std::string Find(std::string_view text, MoneyScanOptions options = {}) {
  std::string out;
  for (const MoneySpan& s : FindMoney(text, options)) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(s.begin, s.end - s.begin)) + "=" + FormatYuan(s.fen) +
           (s.approximate ? "~" : "");
  }
  return out;
}

// Naive reference: writes n (0 <= n < 10^16) in standard Chinese numerals (never for
// production). `upper` uses 壹贰叁 and 拾佰仟; `short_ten` writes a leading 一十 as 十.
std::string ToChinese(int64_t n, bool upper, bool short_ten) {
  static const char* const kLower[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUpper[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kLowerUnits[] = {"", "十", "百", "千"};
  static const char* const kUpperUnits[] = {"", "拾", "佰", "仟"};
  const char* const* digits = upper ? kUpper : kLower;
  const char* const* units = upper ? kUpperUnits : kLowerUnits;
  std::string out;
  // 1..9999: non-zero digits with their units, one 零 for a run of inner zeros.
  const auto section = [&](int64_t v) {
    const int64_t d[] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
    bool started = false, gap = false;
    for (int place = 3; place >= 0; --place) {
      const int64_t digit = d[3 - place];
      if (digit == 0) {
        gap = started;
        continue;
      }
      if (gap) out += digits[0];
      gap = false;
      if (!(short_ten && out.empty() && place == 1 && digit == 1)) out += digits[digit];
      out += units[place];
      started = true;
    }
  };
  // 1..99999999: [section 万] [零] [section].
  const auto below_yi = [&](int64_t v) {
    if (v >= 10000) {
      section(v / 10000);
      out += "万";
    }
    if (v % 10000 != 0) {
      if (v >= 10000 && v % 10000 < 1000) out += digits[0];
      section(v % 10000);
    }
  };
  if (n == 0) return digits[0];
  if (n >= 100000000) {
    below_yi(n / 100000000);
    out += "亿";
  }
  if (n % 100000000 != 0) {
    if (n >= 100000000 && n % 100000000 < 10000000) out += digits[0];
    below_yi(n % 100000000);
  }
  return out;
}

TEST_CASE("the naive formatter writes the standard forms", "[chinese_number]") {
  CHECK(ToChinese(0, false, true) == "零");
  CHECK(ToChinese(10, false, true) == "十");
  CHECK(ToChinese(15, false, false) == "一十五");
  CHECK(ToChinese(105, false, true) == "一百零五");
  CHECK(ToChinese(1050, false, true) == "一千零五十");
  CHECK(ToChinese(10500, false, true) == "一万零五百");
  CHECK(ToChinese(1050000, false, true) == "一百零五万");
  CHECK(ToChinese(100005000, false, true) == "一亿零五千");
  CHECK(ToChinese(12345, true, false) == "壹万贰仟叁佰肆拾伍");
  CHECK(ToChinese(3000000000000, false, true) == "三万亿");
}

TEST_CASE("Chinese integers in every accepted form", "[chinese_number]") {
  CHECK(Int("一百二十") == "120");
  CHECK(Int("十三") == "13");
  CHECK(Int("一千零五") == "1005");
  CHECK(Int("两万") == "20000");
  CHECK(Int("兩千") == "2000");
  CHECK(Int("壹拾万") == "100000");
  CHECK(Int("壹万贰仟叁佰肆拾伍") == "12345");
  CHECK(Int("貳萬參仟") == "23000");
  CHECK(Int("弍拾万") == "200000");
  CHECK(Int("仨仟") == "3000");
  CHECK(Int("三万亿") == "3000000000000");
  CHECK(Int("一万零五百") == "10500");
  CHECK(Int("肆万贰仟零佰零拾零") == "42000");
  CHECK(Int("一千〇五") == "1005");
  CHECK(Int("一百零五万") == "1050000");
  CHECK(Int("一亿零五千") == "100005000");
  CHECK(Int("一百十五") == "115");
  CHECK(Int("一千五") == "1500");
  CHECK(Int("一万五") == "15000");
  CHECK(Int("三万四") == "34000");
  CHECK(Int("一千零万") == "10000000");  // cheque style: 零 as a coefficient
  CHECK(Int("二百五") == "250");
  CHECK(Int("一亿五") == "150000000");
  CHECK(Int("十五") == "15");
  CHECK(Int("十") == "10");
  CHECK(Int("二〇一七") == "2017");
  CHECK(Int("二○一七") == "2017");
  CHECK(Int("二零一七") == "2017");
  CHECK(Int("一〇〇") == "100");
  CHECK(Int("五") == "5");
  CHECK(Int("两") == "2");
  CHECK(Int("零") == "0");
  CHECK(Int("3万") == "30000");
  CHECK(Int("３万５千") == "35000");
  CHECK(Int("12万") == "120000");
  CHECK(Int("1亿2000万") == "120000000");
  CHECK(Int("12000万") == "120000000");
  CHECK(Int("1万5") == "15000");
  CHECK(Int("1万500") == "10500");
  CHECK(Int("2017") == "2017");
  CHECK(Int("9223372036854775807") == "9223372036854775807");
}

TEST_CASE("malformed or vague Chinese integers are rejected", "[chinese_number]") {
  for (std::string_view text : {"",
                                "百万",
                                "千",
                                "万",
                                "亿",
                                "三四万",
                                "二三千",
                                "一百一千",
                                "一万二万",
                                "一亿二亿",
                                "三千五万",
                                "一百五万",
                                "两〇一七",
                                "05",
                                "1.5万",
                                "3 万",
                                "十十",
                                "万一",
                                "一千25",
                                "12千",
                                "一万12000",
                                "1亿12000万",
                                "零万",
                                "二十五六",
                                "9223372036854775808",
                                "一二三四五六七八九〇一二三四五六七八九〇",
                                "9223372036854775807万",
                                "九千九百万亿亿",
                                "\xe4\xb8",
                                "一\xff"}) {
    INFO(text);
    CHECK(Int(text) == "none");
  }
}

TEST_CASE(
    "ParseChineseInteger reads back every number from 0 to 1,000,000 as the reference "
    "writes it",
    "[chinese_number][reference]") {
  int mismatches = 0;
  for (int64_t n = 0; n <= 1000000; ++n) {
    for (int variant = 0; variant < 3; ++variant) {
      const std::string text = ToChinese(n, variant == 1, variant != 2);
      const std::optional<int64_t> v = ParseChineseInteger(text);
      if (!v || *v != n) {
        if (++mismatches < 10) FAIL_CHECK(text << " parsed as " << Int(text) << ", not " << n);
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("ParseChineseInteger reads back random large numbers", "[chinese_number][reference]") {
  std::mt19937_64 rng(7);
  int mismatches = 0;
  for (int i = 0; i < 200000; ++i) {
    // Mostly sparse numbers, whose zeros are the hard part.
    int64_t n = static_cast<int64_t>(rng() % 10000000000000000ULL);
    if (i % 2 == 0) {
      int64_t sparse = 0;
      for (int place = 0; place < 16; ++place) {
        int64_t p = 1;
        for (int k = 0; k < place; ++k) p *= 10;
        if (rng() % 4 == 0) sparse += static_cast<int64_t>(rng() % 10) * p;
      }
      n = sparse;
    }
    const std::string text = ToChinese(n, i % 3 == 0, true);
    const std::optional<int64_t> v = ParseChineseInteger(text);
    if (!v || *v != n) {
      if (++mismatches < 10) FAIL_CHECK(text << " parsed as " << Int(text) << ", not " << n);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("money forms from DOMAIN.md parse to exact fen", "[chinese_number][money]") {
  CHECK(Yuan("人民币100,000元") == "100000");
  CHECK(Yuan("45,065.6元") == "45065.6");
  CHECK(Yuan("22,532.80元") == "22532.8");
  CHECK(Yuan("70000元") == "70000");
  CHECK(Yuan("112万元") == "1120000");
  CHECK(Yuan("60万元") == "600000");
  CHECK(Yuan("10万元") == "100000");
  CHECK(Yuan("1.5亿元") == "150000000");
  CHECK(Yuan("3.5万元") == "35000");
  CHECK(Yuan("2万余元") == "20000~");
  CHECK(Yuan("5000余元") == "5000~");
  CHECK(Yuan("柒万元整（￥70000元）") == "70000");
  CHECK(Yuan("壹拾万元整") == "100000");
  CHECK(Yuan("壹万贰仟叁佰肆拾伍元陆角柒分") == "12345.67");
  CHECK(Yuan("一百二十万元") == "1200000");
  CHECK(Yuan("两万元") == "20000");
  CHECK(Yuan("十元") == "10");
  CHECK(Yuan("１２３元") == "123");
  CHECK(Yuan("￥5000") == "5000");
  CHECK(Yuan("¥5000") == "5000");
  CHECK(Yuan("RMB 5000元") == "5000");
  CHECK(Yuan("RMB5000") == "5000");
  CHECK(Yuan("人民币10万") == "100000");
  CHECK(Yuan("8800元") == "8800");
  CHECK(ParseMoney("45,065.6元")->fen == 4506560);
  CHECK(ParseMoney("112万元")->fen == 112000000);
}

TEST_CASE("more money forms seen in documents", "[chinese_number][money]") {
  CHECK(Yuan("十余万元") == "100000~");
  CHECK(Yuan("二十余万元") == "200000~");
  CHECK(Yuan("5000余万元") == "50000000~");
  CHECK(Yuan("1.5万余元") == "15000~");
  CHECK(Yuan("2万多元") == "20000~");
  CHECK(Yuan("一百多万元") == "1000000~");
  CHECK(Yuan("1千万余元") == "10000000~");
  CHECK(Yuan("1.3亿余元") == "130000000~");
  CHECK(Yuan("5000元左右") == "5000~");
  CHECK(Yuan("约5000元") == "5000~");
  CHECK(Yuan("大约一万元") == "10000~");
  CHECK(Yuan("2万4千元") == "24000");
  CHECK(Yuan("3百万元") == "3000000");
  CHECK(Yuan("1.2万亿元") == "1200000000000");
  CHECK(Yuan("1,000万元") == "10000000");
  CHECK(Yuan("100元5角") == "100.5");
  CHECK(Yuan("壹万元零伍分") == "10000.05");
  CHECK(Yuan("七万四千七百二十四元七角六分") == "74724.76");
  CHECK(Yuan("叁佰伍拾捌万柒仟柒佰伍拾伍元叁角正") == "3587755.3");
  CHECK(Yuan("壹万零捌佰元整") == "10800");
  CHECK(Yuan("肆万贰仟零佰零拾零元") == "42000");
  CHECK(Yuan("壹万圆整") == "10000");
  CHECK(Yuan("人民币：5000元") == "5000");
  CHECK(Yuan("人民币￥120000.00元") == "120000");
  CHECK(Yuan("200，000元") == "200000");
  CHECK(Yuan("1,000.50元") == "1000.5");
  CHECK(Yuan("40000.00元") == "40000");
  CHECK(Yuan("0.05元") == "0.05");
  CHECK(Yuan("0元") == "0");
  CHECK(Yuan("5000 元") == "5000");
  CHECK(Yuan(" 5000元\u3000") == "5000");
  CHECK(Yuan(" \u3000 5000元 \u3000\n") == "5000");
  CHECK(Yuan("70000元（大写：柒万元整）") == "70000");
  CHECK(Yuan("人民币叁万元（￥：30000）") == "30000");
  CHECK(Yuan("肆万元整（40000.00）") == "40000");
  CHECK(Yuan("叁万元￥30000") == "30000");
  CHECK(Yuan("36000元（叁万陆千元）") == "36000");
  CHECK(Yuan("2万元余（约2万元）") == "none");
  CHECK(Yuan("92233720368547758.07元") == "92233720368547758.07");
  CHECK(Yuan("￥12345，678") == "none");
}

TEST_CASE("things that are not one money amount", "[chinese_number][money]") {
  for (std::string_view text : {"",
                                "元",
                                "人民币",
                                "万元",
                                "数万元",
                                "百万元",
                                "千元",
                                "3.333元",
                                "1.2345678万元",
                                "1,00,000元",
                                "10,0000元",
                                "05元",
                                "5000",
                                "5000元元",
                                "5000元整整",
                                "柒万元整（￥7000元）",
                                "70000元（柒万元",
                                "2万余万元",
                                "1.5余万元",
                                "三四万元",
                                "5000%",
                                "月利率20‰",
                                "年利率6%",
                                "LPR四倍",
                                "2017年",
                                "第253条",
                                "3次",
                                "5年",
                                "3万美元",
                                "92233720368547758.08元",
                                "9223372036854775.807元",
                                "99999999999999999999元",
                                "5000.元",
                                ".5元",
                                "5000元5000元",
                                "１２３",
                                "45.6元5分",
                                "100元3分钟"}) {
    INFO(text);
    CHECK(Yuan(text) == "none");
  }
}

TEST_CASE("FindMoney finds the amounts of a judgment and nothing else", "[chinese_number][find]") {
  CHECK(Find("原告李某1诉称，2015年3月6日，被告夏某1因欠缺资金，向丰辉借款70000元。因丰辉又欠他"
             "70000元，请求判令被告偿还本金70000元及利息。") ==
        "70000元=70000 | 70000元=70000 | 70000元=70000");
  CHECK(Find("一、被告于本判决生效之日起十日内偿还原告借款本金人民币100,000元及利息（以100,000元为"
             "基数，按年利率24%计算）；二、驳回原告其他诉讼请求。案件受理费2,540元，减半收取计"
             "1,270元，由被告负担。") ==
        "人民币100,000元=100000 | 100,000元=100000 | 2,540元=2540 | 1,270元=1270");
  CHECK(Find("今借到聂某1人民币壹拾伍万玖仟元整（￥159000）。月息2分。") ==
        "人民币壹拾伍万玖仟元整（￥159000）=159000");
  CHECK(Find("被告共计向原告借款3万余元，其中2万元已归还。") == "3万余元=30000~ | 2万元=20000");
}

TEST_CASE("FindMoney does not take a name's last numeral into the amount",
          "[chinese_number][find]") {
  CHECK(Find("今借到宋一20,678元。") == "20,678元=20678");
  CHECK(Find("今借到卢龙一捌万伍仟元整。") == "捌万伍仟元整=85000");
  CHECK(Find("今借到谭一１４１８９４元。") == "１４１８９４元=141894");
  CHECK(Find("今借到陈一一974000元。") == "974000元=974000");
  CHECK(Find("今借到姜悦一一百九十九万八千元，借款期限一年。") == "一百九十九万八千元=1998000");
  CHECK(Find("今借到熊荣一八十万四千元。") == "八十万四千元=804000");
  CHECK(Find("约一两万元，二三千元") == "");
  CHECK(Find("赔偿万一8,514.99元；") == "8,514.99元=8514.99");
  CHECK(Find("赔偿原告尹亮一123622.33元。") == "123622.33元=123622.33");
  // Everyday numerals that do belong to the amount stay.
  CHECK(Find("借款一万元，另欠一百二十万元。") == "一万元=10000 | 一百二十万元=1200000");
}

TEST_CASE("FindMoney keeps rates, dates, counts and case numbers apart", "[chinese_number][find]") {
  CHECK(Find("按月利率20‰计算，年利率6%，按年利率24%，按中国人民银行同期同类贷款利率4倍，LPR四倍，"
             "1.5%，月息2分，按日万分之五计算违约金。") == "");
  CHECK(Find("（2016）沪0115民初80205号 2017年1月9日立案，依照第二百五十三条、第253条，3次，5年，"
             "二〇一七年一月十三日") == "");
  CHECK(Find("偿还3万美元，折合人民币约20万元；欧元斌；3单元；元旦；元月") == "约20万元=200000~");
}

TEST_CASE("FindMoney rejects vague quantities and ranges it cannot state",
          "[chinese_number][find]") {
  CHECK(Find("数万元，几十万元，十几万元，上百万元，百万元以上，每千元，二三千元，三四万元") == "");
  CHECK(Find("有两、三万元的款；还输了十六、七万元") == "");
  CHECK(Find("三万至五万元；30000元至40000元左右；五百元到一千元") ==
        "五万元=50000~ | 30000元=30000 | 40000元左右=40000~ | 五百元=500 | 一千元=1000~");
  CHECK(Find("1000,2000元；10,0000元；20Ｏ00多元；5000.元") == "2000元=2000");
  CHECK(Find("￥12345，678元，人民币10万，20万元") ==
        "￥12345=12345 | 678元=678 | 人民币10万=100000 | 20万元=200000");
}

TEST_CASE("FindMoney does not take names and places for money", "[chinese_number][find]") {
  CHECK(Find("被告人王四元使用张某的卡；三元里；一元化") == "");
  CHECK(Find("每斤五元，五元钱，罚款五元。十元整") == "五元=5 | 五元=5 | 五元=5 | 十元整=10");
  CHECK(Find("今借到程某1壹拾伍万肆仟贰佰元（154200元）") ==
        "壹拾伍万肆仟贰佰元（154200元）=154200");
  CHECK(Find("借给张某142000元，王某某23000元") == "142000元=142000 | 23000元=23000");
  MoneyScanOptions pseudonyms;
  pseudonyms.pseudonym_digits = true;
  CHECK(Find("借给张某142000元，王某某23000元，金某1430，000元，李某1五万元", pseudonyms) ==
        "42000元=42000 | 23000元=23000 | 430，000元=430000 | 五万元=50000");
}

TEST_CASE("FindMoney starts an amount after a known name that ends in numerals",
          "[chinese_number][find]") {
  // Without the names, 石佳一十万五千元 reads as 一十万五千元 and the others as nothing.
  const std::string text =
      "今借到石佳一十万五千元，今借到崔一二十四万九千三百元，今借到李一一一百零一万六千元";
  CHECK(Find(text) == "一十万五千元=105000");
  MoneyScanOptions options;
  options.names = {"石佳一", "崔一", "李一一", "王五", "一二三"};
  CHECK(Find(text, options) ==
        "十万五千元=105000 | 二十四万九千三百元=249300 | 一百零一万六千元=1016000");
  // A name elsewhere changes nothing; a name that would leave no amount is not taken.
  CHECK(Find("石佳一借给王五一十万五千元", options) == "一十万五千元=105000");
  CHECK(Find("支付崔一元", options) == Find("支付崔一元"));
  // A name made of numerals (陆 is an uppercase 6) is taken when the whole is no amount;
  // beside a party 伍万, 伍万元 is still fifty thousand; 张三万元 is 三万元 when 万元 alone
  // would be no amount.
  options.names = {"陆一", "伍万", "张三"};
  CHECK(Find("今借到陆一七万四千元", options) == "七万四千元=74000");
  CHECK(Find("今借到陆一七万四千元") == "");
  CHECK(Find("支付伍万元", options) == "伍万元=50000");
  CHECK(Find("借给张三万元", options) == "三万元=30000");
}

TEST_CASE("FindMoney merges a repeat of the same amount and reports a different one",
          "[chinese_number][find]") {
  CHECK(Find("柒万元整（￥70000元）") == "柒万元整（￥70000元）=70000");
  CHECK(Find("人民币50000元（伍万元整）。") == "人民币50000元（伍万元整）=50000");
  CHECK(Find("柒万元整（￥7000元）") == "柒万元整=70000 | ￥7000元=7000");
  CHECK(Find("柒万元整。（￥70000元）") == "柒万元整=70000 | ￥70000元=70000");
}

TEST_CASE("FindMoney offsets are byte offsets into the text", "[chinese_number][find]") {
  const std::string_view text = "借款70000元及利息";
  const std::vector<MoneySpan> spans = FindMoney(text);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].begin == 6);
  CHECK(spans[0].end == 6 + 5 + 3);
  CHECK(spans[0].fen == 7000000);
  CHECK_FALSE(spans[0].approximate);
  CHECK(FindMoney("").empty());
  CHECK(FindMoney("70000元").at(0).begin == 0);
}

// Pieces for generated texts: amounts ParseMoney accepts, and filler that holds no numeral,
// no range word and nothing FindMoney reads from context.
constexpr std::string_view kFiller[] = {"被告",
                                        "借款",
                                        "，",
                                        "。",
                                        "利息",
                                        "原告支付",
                                        "（",
                                        "）",
                                        "年利率24%",
                                        "月利率2%",
                                        "2017年1月9日",
                                        "第3条",
                                        "案号（2016）沪0115民初80205号",
                                        "LPR四倍",
                                        " ",
                                        "的"};
std::string RandomAmount(std::mt19937_64& rng) {
  const int64_t yuan = static_cast<int64_t>(rng() % 100000000);
  const int64_t small = 11 + static_cast<int64_t>(rng() % 99989);
  switch (rng() % 10) {
    case 0:
      return std::to_string(yuan) + "元";
    case 1:
      return std::to_string(yuan) + "." + std::to_string(rng() % 9 + 1) + "元";
    case 2:
      return ToChinese(small, false, true) + "元";
    case 3:
      return ToChinese(small, true, false) + "元整";
    case 4:
      return std::to_string(small) + "万元";
    case 5:
      return "人民币" + std::to_string(yuan) + "元";
    case 6:
      return ToChinese(small, true, false) + "元（￥" + std::to_string(small) + "元）";
    case 7:
      return std::to_string(small) + "余元";
    case 8:
      return "￥" + std::to_string(yuan);
    default:
      return std::to_string(small % 1000 + 1) + "." + std::to_string(rng() % 90 + 10) + "万元";
  }
}

TEST_CASE("FindMoney agrees with a naive scan that tries ParseMoney at every offset",
          "[chinese_number][reference]") {
  std::mt19937_64 rng(42);
  int found = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int piece = 0; piece < 8; ++piece) {
      text += rng() % 3 == 0 ? RandomAmount(rng) : std::string(kFiller[rng() % std::size(kFiller)]);
      text += kFiller[rng() % 4];
    }
    // Naive: leftmost, then longest substring that ParseMoney accepts (never for production).
    std::string naive;
    for (size_t begin = 0; begin < text.size();) {
      size_t best = 0;
      for (size_t end = std::min(text.size(), begin + 120); end > begin; --end) {
        if (ParseMoney(std::string_view(text).substr(begin, end - begin)) &&
            std::string_view(text).substr(begin, 1) != " ") {
          best = end;
          break;
        }
      }
      if (best == 0) {
        ++begin;
        continue;
      }
      const Money m = *ParseMoney(std::string_view(text).substr(begin, best - begin));
      if (!naive.empty()) naive += " | ";
      ++found;
      naive +=
          text.substr(begin, best - begin) + "=" + FormatYuan(m.fen) + (m.approximate ? "~" : "");
      begin = best;
    }
    INFO(text);
    REQUIRE(Find(text) == naive);
  }
  CHECK(found > 5000);
}

TEST_CASE("every span FindMoney reports parses alone to the same amount",
          "[chinese_number][find]") {
  // Random mixtures of numerals, separators, units and words, valid UTF-8 or not.
  constexpr std::string_view kParts[] = {
      "1",      "0",  "5",    ",",  "，", ".",  "万", "亿", "千", "十",   "零",  "二",
      "两",     "壹", "拾",   "元", "余", "多", "角", "分", "整", "（",   "）",  "￥",
      "人民币", "约", "左右", "、", "至", "数", "某", "的", "年", "\xff", "\xe5"};
  std::mt19937_64 rng(99);
  MoneyScanOptions pseudonyms;
  pseudonyms.pseudonym_digits = true;
  pseudonyms.names = {"石一", "一二", "某1二"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) text += kParts[rng() % std::size(kParts)];
    for (const MoneyScanOptions& options : {MoneyScanOptions{}, pseudonyms}) {
      size_t last_end = 0;
      for (const MoneySpan& s : FindMoney(text, options)) {
        INFO(text);
        REQUIRE(s.begin >= last_end);
        REQUIRE(s.begin < s.end);
        REQUIRE(s.end <= text.size());
        const std::optional<Money> alone =
            ParseMoney(std::string_view(text).substr(s.begin, s.end - s.begin));
        REQUIRE(alone.has_value());
        REQUIRE(alone->fen == s.fen);
        REQUIRE((s.approximate || !alone->approximate));
        last_end = s.end;
      }
    }
  }
}

TEST_CASE("FindMoney stays linear on hostile input", "[chinese_number][find]") {
  std::string repeats = "1元";
  for (int i = 0; i < 200000; ++i) repeats += "￥1";
  CHECK(FindMoney(repeats).size() == 100001);  // 1元￥1, then ￥1￥1 pairs as repeats
  const std::string digits(1 << 20, '7');
  CHECK(FindMoney(digits + "元").empty());  // overflows int64 fen: not an amount
  std::string numerals;
  for (int i = 0; i < 100000; ++i) numerals += "一二";
  CHECK(FindMoney(numerals + "元").empty());
}

TEST_CASE("FormatYuan prints fen as exact yuan", "[chinese_number][format]") {
  CHECK(FormatYuan(11200000) == "112000");
  CHECK(FormatYuan(4506560) == "45065.6");
  CHECK(FormatYuan(2253280) == "22532.8");
  CHECK(FormatYuan(5) == "0.05");
  CHECK(FormatYuan(50) == "0.5");
  CHECK(FormatYuan(0) == "0");
  CHECK(FormatYuan(-150) == "-1.5");
  CHECK(FormatYuan(-5) == "-0.05");
  CHECK(FormatYuan(1234567) == "12345.67");
  CHECK(FormatYuan(INT64_MAX) == "92233720368547758.07");
  CHECK(FormatYuan(INT64_MIN) == "-92233720368547758.08");
  std::mt19937_64 rng(3);
  for (int i = 0; i < 100000; ++i) {
    const int64_t fen = static_cast<int64_t>(rng() >> (1 + rng() % 63));
    const std::optional<Money> back = ParseMoney(FormatYuan(fen) + "元");
    REQUIRE(back.has_value());
    REQUIRE(back->fen == fen);
  }
}

}  // namespace
}  // namespace casesift
