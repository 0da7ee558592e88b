#include "common/name_normalize.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/name_normalize_chars.h"
#include "common/name_normalize_t2s.h"
#include "common/name_normalize_tables.h"

// Every name here is made up: plausible trade names, industries and places, and placeholder
// person names (张三, 李四, masked 张某).
namespace casesift {
namespace {

const NameNormalizer& N() {
  static const NameNormalizer* n = [] {
    Result<const NameNormalizer*> r = NameNormalizer::Get();
    if (!r.ok()) FAIL(r.status().ToString());
    return *r;
  }();
  return *n;
}

std::string Name(std::string_view s) { return N().Normalize(s, NameLevel::kName); }
std::string Core(std::string_view s) { return N().Normalize(s, NameLevel::kCore); }

std::string Utf8(char32_t cp) {
  std::string s;
  name_chars::AppendUtf8(cp, &s);
  return s;
}

struct Expected {
  std::string_view in;
  std::string_view name;
  std::string_view core;
};

// Input, `name` level, `core` level.
constexpr Expected kExpected[] = {
    // Companies: the examples of the contract.
    {"上海某某教育科技有限公司", "上海某某教育科技有限公司", "某某"},
    {"上海市浦东新区金桥健身服务有限公司", "上海市浦东新区金桥健身服务有限公司", "金桥"},
    {"北京华夏鼎盛商贸有限责任公司", "北京华夏鼎盛商贸有限公司", "华夏鼎盛"},
    {"华夏鼎盛商贸(北京)有限公司", "华夏鼎盛商贸有限公司", "华夏鼎盛"},
    {"华夏鼎盛商贸（北京）有限公司", "华夏鼎盛商贸有限公司", "华夏鼎盛"},
    {"上海華夏貿易（上海）有限責任公司", "上海华夏贸易有限公司", "华夏"},
    // Widths, case, spaces and punctuation.
    {"ＡＢＣ科技有限公司", "abc科技有限公司", "abc"},
    {"ABC Technology Co., Ltd.", "abctechnologycoltd", "abctechnologycoltd"},
    {"Ｈｕａｘｉａ　Ｌｔｄ．", "huaxialtd", "huaxialtd"},
    {"上海 华夏 贸易 有限公司", "上海华夏贸易有限公司", "华夏"},
    {"上海·华夏—贸易、有限公司。", "上海华夏贸易有限公司", "华夏"},
    {"「上海」华夏贸易有限公司", "华夏贸易有限公司", "华夏"},
    {"华夏3D打印科技有限公司", "华夏3d打印科技有限公司", "华夏3d打印"},
    {"华夏１２３商行", "华夏123商行", "华夏123"},
    {"㈱華夏", "株华夏", "株华夏"},
    {"Café Ｒｏｓｅ", "caférose", "caférose"},
    {"Ａ\u3000\u0301", "\u00e1", "\u00e1"},  // the accent composes with A once the space goes
    // Brackets: region qualifiers go, other brackets keep their content.
    {"华夏鼎盛商贸【北京】有限公司", "华夏鼎盛商贸有限公司", "华夏鼎盛"},
    {"华夏鼎盛商贸(北京市朝阳区)有限公司", "华夏鼎盛商贸有限公司", "华夏鼎盛"},
    {"华夏鼎盛(中国)投资有限公司", "华夏鼎盛投资有限公司", "华夏鼎盛"},
    {"华夏鼎盛（上海（浦东））投资有限公司", "华夏鼎盛投资有限公司", "华夏鼎盛"},
    {"华夏鼎盛(集团)有限公司", "华夏鼎盛集团有限公司", "华夏鼎盛"},
    {"华夏鼎盛（ 朝阳区 ）有限公司", "华夏鼎盛有限公司", "华夏鼎盛"},
    {"华夏鼎盛(上海有限公司", "华夏鼎盛上海有限公司", "华夏鼎盛上海"},
    {"华夏鼎盛()有限公司", "华夏鼎盛有限公司", "华夏鼎盛"},
    {"(上海)", "", ""},
    // Legal forms.
    {"华夏鼎盛股份有限公司", "华夏鼎盛股份有限公司", "华夏鼎盛"},
    {"华夏鼎盛股份公司", "华夏鼎盛股份有限公司", "华夏鼎盛"},
    {"华夏鼎盛集团有限责任公司", "华夏鼎盛集团有限公司", "华夏鼎盛"},
    {"华夏鼎盛集团股份有限公司", "华夏鼎盛集团股份有限公司", "华夏鼎盛"},
    {"华夏鼎盛公司", "华夏鼎盛公司", "华夏鼎盛"},
    {"上海启明投资合伙企业（有限合伙）", "上海启明投资有限合伙", "启明"},
    {"上海启明投资中心(有限合伙)", "上海启明投资中心有限合伙", "启明"},
    {"上海启明投资有限合伙企业", "上海启明投资有限合伙", "启明"},
    {"启明会计师事务所（特殊普通合伙）", "启明会计师事务所特殊普通合伙", "启明"},
    {"启明律师事务所(普通合伙)", "启明律师事务所普通合伙", "启明"},
    {"启明律师事务所", "启明律师事务所", "启明"},
    {"金桥便利店（个体工商户）", "金桥便利店个体工商户", "金桥"},
    {"金桥便利店(个体户)", "金桥便利店个体工商户", "金桥"},
    {"杭州瑞丰美容美发店", "杭州瑞丰美容美发店", "瑞丰"},
    {"瑞丰五金经营部", "瑞丰五金经营部", "瑞丰"},
    {"瑞丰商行", "瑞丰商行", "瑞丰"},
    {"云帆设计工作室", "云帆设计工作室", "云帆"},
    {"宏远个人独资企业", "宏远个人独资企业", "宏远"},
    {"宏远农民专业合作社", "宏远农民专业合作社", "宏远"},
    // Branches: the parent's form is canonical; core is the parent's trade name.
    {"华夏鼎盛有限公司上海分公司", "华夏鼎盛有限公司上海分公司", "华夏鼎盛"},
    {"华夏鼎盛有限责任公司上海分公司", "华夏鼎盛有限公司上海分公司", "华夏鼎盛"},
    {"上海天佑建筑工程有限公司闵行分公司", "上海天佑建筑工程有限公司闵行分公司", "天佑"},
    {"华夏鼎盛股份公司浦东营业部", "华夏鼎盛股份有限公司浦东营业部", "华夏鼎盛"},
    {"瑞丰餐饮管理有限公司徐汇分店", "瑞丰餐饮管理有限公司徐汇分店", "瑞丰"},
    // Core: places, several in a row, and industry words, longest first.
    {"深圳市云帆网络科技有限公司", "深圳市云帆网络科技有限公司", "云帆"},
    {"广州锦程文化传播有限公司", "广州锦程文化传播有限公司", "锦程"},
    {"成都德润餐饮管理有限公司", "成都德润餐饮管理有限公司", "德润"},
    {"重庆市渝中区嘉禾物流有限公司", "重庆市渝中区嘉禾物流有限公司", "嘉禾"},
    {"江苏省苏州市恒通实业有限公司", "江苏省苏州市恒通实业有限公司", "恒通"},
    {"浙江宏远房地产开发有限公司", "浙江宏远房地产开发有限公司", "宏远"},
    {"上海鑫达投资管理有限公司", "上海鑫达投资管理有限公司", "鑫达"},
    {"中国华夏鼎盛集团有限公司", "中国华夏鼎盛集团有限公司", "华夏鼎盛"},
    {"内蒙古自治区包头市恒通物流有限公司", "内蒙古自治区包头市恒通物流有限公司", "恒通"},
    {"延边朝鲜族自治州嘉禾贸易有限公司", "延边朝鲜族自治州嘉禾贸易有限公司", "嘉禾"},
    {"上海信达信息技术有限公司", "上海信达信息技术有限公司", "信达"},
    {"北京博雅美容美发有限公司", "北京博雅美容美发有限公司", "博雅"},
    // Districts outside Shanghai count only with their suffix; trade names keep two characters.
    {"北京海淀华夏科技有限公司", "北京海淀华夏科技有限公司", "海淀华夏"},
    {"辽宁省朝阳市华夏科技有限公司", "辽宁省朝阳市华夏科技有限公司", "华夏"},
    {"和平鸽文化传播有限公司", "和平鸽文化传播有限公司", "和平鸽"},
    {"上海市场营销策划有限公司", "上海市场营销策划有限公司", "场营销"},
    {"上海华有限公司", "上海华有限公司", "上海华"},
    {"黄山松", "黄山松", "黄山松"},
    // Never empty: a place and a suffix, a form alone, an industry word alone.
    {"上海市有限公司", "上海市有限公司", "上海市"},
    {"上海市浦东新区有限公司", "上海市浦东新区有限公司", "浦东新区"},
    {"有限公司", "有限公司", "有限公司"},
    {"有限责任公司", "有限公司", "有限公司"},
    {"中国建筑工程有限公司", "中国建筑工程有限公司", "建筑工程"},
    {"科技有限公司", "科技有限公司", "科技"},
    // People.
    {"张三", "张三", "张三"},
    {"张 三", "张三", "张三"},
    {"李四", "李四", "李四"},
    {"张某", "张某", "张某"},
    {"张某某", "张某某", "张某某"},
    {"李某某（曾用名李某）", "李某某曾用名李某", "李某某曾用名李某"},
    {"约翰·史密斯", "约翰史密斯", "约翰史密斯"},
    {"John SMITH", "johnsmith", "johnsmith"},
    {"張三豐", "张三丰", "张三丰"},
    // Nothing, and input that is not UTF-8.
    {"", "", ""},
    {"   ", "", ""},
    {"，。、（）", "", ""},
    {"华夏\xff鼎盛", "华夏鼎盛", "华夏鼎盛"},
    {"\xe5\x8d", "", ""},
    {"华夏鼎盛\xe5\x8d", "华夏鼎盛", "华夏鼎盛"},
    {"\xc0\xaf华夏", "华夏", "华夏"},          // overlong '/'
    {"\xed\xa0\x80华夏", "华夏", "华夏"},      // a surrogate
    {"\xf4\x90\x80\x80华夏", "华夏", "华夏"},  // past U+10FFFF
    {"\x80\x80\x80有限公司", "有限公司", "有限公司"},
    {std::string_view("华\0夏", 7), "华夏", "华夏"},  // NUL is a control character
};

TEST_CASE("each level gives the documented form", "[name_normalize]") {
  for (const Expected& e : kExpected) {
    INFO(e.in);
    CHECK(Name(e.in) == e.name);
    CHECK(Core(e.in) == e.core);
  }
}

// Written two ways that must give the same `name`.
constexpr std::pair<std::string_view, std::string_view> kSameName[] = {
    {"ＡＢＣ贸易有限公司", "ABC贸易有限公司"},
    {"abc贸易有限公司", "ABC贸易有限公司"},
    {"Ａｂｃ贸易有限公司", "aBC贸易有限公司"},
    {"上海華夏貿易有限公司", "上海华夏贸易有限公司"},
    {"臺灣華夏實業有限公司", "台湾华夏实业有限公司"},
    {"台灣華夏實業有限公司", "台湾华夏实业有限公司"},
    {"廣州錦程文化傳播有限公司", "广州锦程文化传播有限公司"},
    {"深圳市雲帆網絡科技有限公司", "深圳市云帆网络科技有限公司"},
    {"華夏鼎盛集團有限責任公司", "华夏鼎盛集团有限公司"},
    {"上海 华夏 贸易有限公司", "上海华夏贸易有限公司"},
    {"上海\u3000华夏贸易有限公司", "上海华夏贸易有限公司"},
    {"\t上海华夏贸易有限公司\r\n", "上海华夏贸易有限公司"},
    {"上海华夏贸易有限公司。", "上海华夏贸易有限公司"},
    {"上海-华夏-贸易有限公司", "上海华夏贸易有限公司"},
    {"上海•华夏・贸易有限公司", "上海华夏贸易有限公司"},
    {"华夏鼎盛商贸(北京)有限公司", "华夏鼎盛商贸（北京）有限公司"},
    {"华夏鼎盛商贸[北京]有限公司", "华夏鼎盛商贸【北京】有限公司"},
    {"华夏鼎盛商贸〔北京市〕有限公司", "华夏鼎盛商贸有限公司"},
    {"华夏鼎盛商贸（上海）有限公司", "华夏鼎盛商贸(上海市)有限公司"},
    {"华夏鼎盛商贸（中国）有限公司", "华夏鼎盛商贸有限公司"},
    {"华夏鼎盛商贸（浦东新区）有限公司", "华夏鼎盛商贸(浦东)有限公司"},
    {"华夏鼎盛商贸有限责任公司", "华夏鼎盛商贸有限公司"},
    {"华夏鼎盛商贸股份公司", "华夏鼎盛商贸股份有限公司"},
    {"华夏鼎盛商贸有限责任公司上海分公司", "华夏鼎盛商贸有限公司上海分公司"},
    {"启明投资合伙企业(有限合伙)", "启明投资有限合伙企业"},
    {"启明投资合伙企业（普通合伙）", "启明投资普通合伙企业"},
    {"张 三", "张三"},
    {"張三", "张三"},
    {"ＪＯＨＮ　ＳＭＩＴＨ", "john smith"},
};

TEST_CASE("variants of one name are equal at the name level", "[name_normalize]") {
  for (const auto& [a, b] : kSameName) {
    INFO(a << " | " << b);
    CHECK(Name(a) == Name(b));
  }
}

// Names that must stay apart at the `name` level.
constexpr std::pair<std::string_view, std::string_view> kDifferentName[] = {
    {"上海华夏贸易有限公司", "上海华厦贸易有限公司"},
    {"上海华夏贸易有限公司", "上海华夏商贸有限公司"},
    {"华夏鼎盛有限公司", "华夏鼎盛有限公司上海分公司"},
    {"华夏鼎盛有限公司上海分公司", "华夏鼎盛有限公司北京分公司"},
    {"华夏鼎盛有限公司", "华夏鼎盛股份有限公司"},
    {"华夏鼎盛有限公司", "华夏鼎盛集团有限公司"},
    {"北京华夏鼎盛商贸有限公司", "华夏鼎盛商贸(北京)有限公司"},
    {"启明投资有限合伙", "启明投资普通合伙"},
    {"启明投资普通合伙", "启明投资特殊普通合伙"},
    {"瑞丰商行", "瑞丰商店"},
    {"张某", "张三"},
    {"张某", "张某某"},
    {"张三", "李三"},
    {"张三", "张三丰"},
    {"abc贸易有限公司", "abd贸易有限公司"},
    {"华夏1号有限公司", "华夏2号有限公司"},
    {"华夏(集团)有限公司", "华夏有限公司"},
};

TEST_CASE("different names stay different at the name level", "[name_normalize]") {
  for (const auto& [a, b] : kDifferentName) {
    INFO(a << " | " << b);
    CHECK(Name(a) != Name(b));
  }
}

TEST_CASE("a branch, masked names and different trade names stay apart at core",
          "[name_normalize]") {
  CHECK(Core("张某") != Core("张三"));
  CHECK(Core("上海华夏贸易有限公司") != Core("上海华厦贸易有限公司"));
  CHECK(Core("云帆科技有限公司") != Core("云海科技有限公司"));
  // A branch shares its parent's trade name: the levels keep them apart only at `name`.
  CHECK(Core("华夏鼎盛有限公司上海分公司") == Core("华夏鼎盛有限公司"));
  CHECK(Name("华夏鼎盛有限公司上海分公司") != Name("华夏鼎盛有限公司"));
}

// Trade names, industries and places that make up the generated variants.
constexpr std::string_view kTradeNames[] = {"华夏鼎盛", "金桥", "宏远", "鑫达", "瑞丰",
                                            "恒通",     "博雅", "嘉禾", "德润", "天佑",
                                            "启明",     "云帆", "锦程", "立信"};
constexpr std::string_view kIndustries[] = {"科技", "商贸",     "教育科技", "文化传播",
                                            "物流", "餐饮管理", "信息技术", "建筑工程",
                                            "实业", "美容美发"};
constexpr std::string_view kPlaces[] = {"上海",   "上海市",       "上海市浦东新区", "北京市",
                                        "深圳",   "江苏省苏州市", "浙江省杭州市",   "重庆市渝中区",
                                        "广东省", "四川省成都市"};

TEST_CASE("generated names: every way of writing one gives the same name and core",
          "[name_normalize]") {
  size_t variants = 0;
  for (size_t t = 0; t < std::size(kTradeNames); ++t) {
    const std::string trade(kTradeNames[t]);
    const std::string industry(kIndustries[t % std::size(kIndustries)]);
    const std::string place(kPlaces[t % std::size(kPlaces)]);
    const std::string base = place + trade + industry;
    const std::string want = Name(base + "有限公司");
    const std::vector<std::string> ways = {
        base + "有限公司",
        base + "有限责任公司",
        place + " " + trade + " " + industry + " 有限公司",
        place + trade + "（" + place + "）" + industry + "有限公司",
        place + trade + industry + "(中国)有限公司",
        place + "·" + trade + industry + "有限责任公司。",
        "\u3000" + base + "有限公司\u3000",
    };
    for (const std::string& w : ways) {
      INFO(w);
      CHECK(Name(w) == want);
      CHECK(Core(w) == trade);
      ++variants;
    }
    // Without the place, with it in brackets, and as a branch: the same trade name.
    for (const std::string& w :
         {trade + industry + "（" + place + "）有限公司", trade + industry + "有限公司",
          base + "股份有限公司", base + "有限公司上海分公司", base + "有限责任公司闵行分公司"}) {
      INFO(w);
      CHECK(Core(w) == trade);
      CHECK(Name(w) != want);
      ++variants;
    }
  }
  CHECK(variants == 12 * std::size(kTradeNames));
}

TEST_CASE("name is idempotent, and core of name is core", "[name_normalize]") {
  std::vector<std::string> all;
  for (const Expected& e : kExpected) all.emplace_back(e.in);
  for (const auto& [a, b] : kSameName) all.emplace_back(a), all.emplace_back(b);
  for (const auto& [a, b] : kDifferentName) all.emplace_back(a), all.emplace_back(b);
  for (const std::string& s : all) {
    INFO(s);
    const std::string name = Name(s);
    CHECK(Name(name) == name);
    CHECK(Core(name) == Core(s));
    // The pointer overload may be handed its own output.
    std::string out = s;
    N().Normalize(out, NameLevel::kName, &out);
    CHECK(out == name);
  }
}

TEST_CASE("random bytes and random names: no crash, valid UTF-8, name idempotent, core kept",
          "[name_normalize]") {
  const std::vector<std::string> pieces = {
      "上海", "市",   "（",   "）",     "(",        ")",      "【",       "】",       "華",
      "夏",   "鼎盛", "有限", "责任",   "公司",     "分公司", "科技",     "贸易",     "Ａ",
      "b",    " ",    "·",    "\xff",   "\xe5\x8d", "中国",   "浦东新区", "有限合伙", "个体户",
      "店",   "某",   "é",    "\u0301", "㈱",       "\u3000"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  auto valid_utf8 = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      if (name_chars::DecodeStrict(s, &i) == name_chars::kBad) return false;
    }
    return true;
  };
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) {
      if (round % 2 == 0) {
        text.push_back(static_cast<char>(byte(rng)));
      } else {
        text += pieces[pick(rng)];
      }
    }
    INFO(text);
    const std::string name = Name(text);
    const std::string core = Core(text);
    CHECK(valid_utf8(name));
    CHECK(valid_utf8(core));
    CHECK(Name(name) == name);
    CHECK(core.empty() == name.empty());
    CHECK(core.size() <= name.size());
  }
}

TEST_CASE("the fast NFKC path agrees with utf8proc", "[name_normalize]") {
  std::vector<char32_t> fast;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const char32_t f = name_chars::FastNfkc(cp);
    if (f == name_chars::kBad) continue;
    fast.push_back(cp);
    INFO(static_cast<uint32_t>(cp));
    CHECK(name_chars::Nfkc(Utf8(cp)) == Utf8(f));
  }
  CHECK(fast.size() > 20000);
  // A text of such characters folds one character at a time.
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, fast.size() - 1);
  std::uniform_int_distribution<size_t> ascii(0, 127);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::string folded;
    for (int k = 0; k < 12; ++k) {
      const char32_t cp = k % 3 == 0 ? static_cast<char32_t>(ascii(rng)) : fast[pick(rng)];
      text += Utf8(cp);
      folded += Utf8(name_chars::FastNfkc(cp));
    }
    INFO(text);
    CHECK(name_chars::Nfkc(text) == folded);
  }
}

TEST_CASE("names OpenCC would not change skip it safely", "[name_normalize]") {
  Result<std::unique_ptr<T2s>> loaded = T2s::Load("t2s.json");
  REQUIRE(loaded.ok());
  const T2s& t2s = **loaded;
  CHECK(t2s.CountChangeable() > 2000);
  CHECK(t2s.CountChangeable() == N().CountConvertibleChars());
  CHECK(t2s.MayChange(U'貿'));
  CHECK(t2s.MayChange(U'臺'));
  CHECK_FALSE(t2s.MayChange(U'上'));
  CHECK_FALSE(t2s.MayChange(U'A'));
  // Every ideograph the fast path lets through is one OpenCC leaves alone.
  size_t skipped = 0;
  for (char32_t cp = 0x3400; cp <= 0x9FFF; ++cp) {
    if (t2s.MayChange(cp)) continue;
    const std::string c = Utf8(cp);
    if (t2s.Convert(c) != c) FAIL("OpenCC changes U+" << std::hex << static_cast<uint32_t>(cp));
    ++skipped;
  }
  CHECK(skipped > 20000);
  // Phrases too: OpenCC on a text of unchangeable characters gives it back.
  CHECK(t2s.Convert("天干物燥，乾隆") == "天干物燥，乾隆");
  CHECK(t2s.Convert("天乾物燥") == "天干物燥");
  CHECK(Name("天乾物燥") == "天干物燥");
}

TEST_CASE("a missing OpenCC configuration is a usage error", "[name_normalize]") {
  Result<std::unique_ptr<NameNormalizer>> r = NameNormalizer::Create("/nonexistent/t2s.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsUsage());
  const std::string message(r.status().message());
  CHECK(message ==
        "cannot load OpenCC's conversion '/nonexistent/t2s.json' (/nonexistent/t2s.json not "
        "found or not accessible.); install OpenCC's data (Debian: libopencc1.1, "
        "libopencc-data)");
}

TEST_CASE("Get returns one normaliser", "[name_normalize]") {
  Result<const NameNormalizer*> a = NameNormalizer::Get();
  Result<const NameNormalizer*> b = NameNormalizer::Get();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a == *b);
}

TEST_CASE("the tables hold what the contract names", "[name_normalize]") {
  const auto& places = name_tables::Places();
  name_tables::PlaceUse use;
  for (std::string_view p : {"上海市", "上海", "浦东新区", "浦东", "崇明区", "内蒙古自治区", "广西",
                             "苏州市", "苏州", "延边朝鲜族自治州", "延边", "中国", "渝中区"}) {
    INFO(p);
    CHECK(places.LongestPrefix(p, &use) == p.size());
  }
  CHECK(places.LongestPrefix("渝中", &use) == 6);
  CHECK(use == name_tables::PlaceUse::kQualifierOnly);
  CHECK(places.size() > 700);
  name_tables::LegalForm form;
  CHECK(name_tables::LegalForms().LongestSuffix("某某有限责任公司", &form) == 18);
  CHECK(form.canonical == "有限公司");
  CHECK(name_tables::LegalForms().LongestSuffix("某某股份有限公司", &form) == 18);
  CHECK(form.canonical == "股份有限公司");
  CHECK(name_tables::LegalForms().LongestSuffix("某某", &form) == 0);
}

TEST_CASE("normalising from many threads gives the same keys", "[name_normalize]") {
  std::vector<std::string> inputs;
  for (const Expected& e : kExpected) inputs.emplace_back(e.in);
  std::vector<std::string> want;
  for (const std::string& s : inputs) want.push_back(Name(s) + "|" + Core(s));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::string out;
      std::string core;
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < inputs.size(); ++i) {
          N().Normalize(inputs[i], NameLevel::kName, &out);
          N().Normalize(inputs[i], NameLevel::kCore, &core);
          if (out + "|" + core != want[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

// Not run by default: build-norm/tests/unit_tests "[.name_normalize_speed]"
TEST_CASE("names per second", "[.name_normalize_speed]") {
  std::vector<std::string> plain;
  for (std::string_view t : kTradeNames) {
    for (std::string_view i : kIndustries) {
      for (std::string_view p : kPlaces) {
        plain.push_back(std::string(p) + std::string(t) + std::string(i) + "有限公司");
      }
    }
  }
  // One in ten with a bracketed qualifier, one in twenty traditional.
  std::vector<std::string> mixed = plain;
  for (size_t k = 0; k < mixed.size(); k += 10) mixed[k] = "华夏鼎盛商贸（北京）有限公司";
  for (size_t k = 5; k < mixed.size(); k += 20) mixed[k] = "上海華夏貿易有限責任公司";
  std::vector<std::string> traditional(plain.size(), "上海華夏貿易有限責任公司");
  std::string out;
  for (const auto& [what, names] : {std::pair{"plain", &plain}, std::pair{"mixed", &mixed},
                                    std::pair{"traditional", &traditional}}) {
    for (NameLevel level : {NameLevel::kName, NameLevel::kCore}) {
      const int rounds = names == &traditional ? 20 : 1000;
      size_t bytes = 0;
      const auto start = std::chrono::steady_clock::now();
      for (int r = 0; r < rounds; ++r) {
        for (const std::string& s : *names) {
          N().Normalize(s, level, &out);
          bytes += out.size();
        }
      }
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("%-11s %s: %9.0f names/s (%zu names, %zu output bytes)\n", what,
                  level == NameLevel::kName ? "name" : "core", rounds * names->size() / seconds,
                  rounds * names->size(), bytes);
    }
  }
}

}  // namespace
}  // namespace casesift
