#include "common/case_number.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace casesift::embedded {
extern const std::string_view kTypeCodesTsv;
}  // namespace casesift::embedded

namespace casesift {
namespace {

// Every part of a parsed number on one line, so that a test compares whole values.
std::string Describe(const CaseNumber& c) {
  std::string out = c.case_no;
  out += " year=" + (c.year ? std::to_string(*c.year) : std::string("-"));
  out += " court=" + c.court_code + " special=" + c.special + " type=" + c.type_code;
  out += " written=" + c.written_type_code;
  out += " seq=" + (c.seq ? std::to_string(*c.seq) : std::string("-"));
  out += " suffix=" + c.suffix + (c.legacy ? " legacy" : "");
  out +=
      " " + std::string(CategoryName(c.category)) + "/" + std::string(ProcedureName(c.procedure));
  for (const std::string& w : c.warnings) out += " [" + w + "]";
  return out;
}

std::string Parse(std::string_view text) {
  Result<CaseNumber> r = ParseCaseNumber(text);
  if (!r.ok()) {
    CHECK(r.status().IsInvalidData());
    return "error: " + r.status().ToString();
  }
  return Describe(*r);
}

struct ParseCase {
  std::string_view input;
  std::string_view expected;
};

// DOMAIN.md §2: the 2016 form with every court-code shape, the 专门审判代字, suffixes, bracket
// and digit widths, spaces, longest-first type codes, and the legacy 字第 forms.
const ParseCase kWellFormed[] = {
    {"（2016）沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"(2016)沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"〔2016〕沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"[2016]沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"【2016】沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"［2016］沪0115民初80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"（２０１６）沪０１１５民初８０２０５号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"（2016） 沪0115 民初 80205 号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"（2016）　沪0115民初　80205号",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"  (2016)沪0115民初80205号  ",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"（2016）沪0115民初80205号之一",
     "(2016)沪0115民初80205号之一 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix=之一 civil/first_instance"},
    {"（2016）沪0115民初80205号之十二",
     "(2016)沪0115民初80205号之十二 year=2016 court=沪0115 special= type=民初 written=民初 "
     "seq=80205 suffix=之十二 civil/first_instance"},
    {"（2019）最高法知民终123号",
     "(2019)最高法知民终123号 year=2019 court=最高法 special=知 type=民终 written=民终 seq=123 "
     "suffix= civil/second_instance"},
    {"（2023）粤73知民初45号",
     "(2023)粤73知民初45号 year=2023 court=粤73 special=知 type=民初 written=民初 seq=45 suffix= "
     "civil/first_instance"},
    {"（2017）最高法民辖终81号",
     "(2017)最高法民辖终81号 year=2017 court=最高法 special= type=民辖终 written=民辖终 seq=81 "
     "suffix= civil/jurisdiction"},
    {"（2017）最高法民辖81号",
     "(2017)最高法民辖81号 year=2017 court=最高法 special= type=民辖 written=民辖 seq=81 suffix= "
     "civil/jurisdiction"},
    {"（2016）京民终12号",
     "(2016)京民终12号 year=2016 court=京 special= type=民终 written=民终 seq=12 suffix= "
     "civil/second_instance"},
    {"（2020）粤07民终3号",
     "(2020)粤07民终3号 year=2020 court=粤07 special= type=民终 written=民终 seq=3 suffix= "
     "civil/second_instance"},
    {"（2020）粤0703民初3号",
     "(2020)粤0703民初3号 year=2020 court=粤0703 special= type=民初 written=民初 seq=3 suffix= "
     "civil/first_instance"},
    {"（2020）粤0781民初3号",
     "(2020)粤0781民初3号 year=2020 court=粤0781 special= type=民初 written=民初 seq=3 suffix= "
     "civil/first_instance"},
    {"（2016）沪7101民初12号",
     "(2016)沪7101民初12号 year=2016 court=沪7101 special= type=民初 written=民初 seq=12 suffix= "
     "civil/first_instance"},
    {"（2018）兵0101民初5号",
     "(2018)兵0101民初5号 year=2018 court=兵0101 special= type=民初 written=民初 seq=5 suffix= "
     "civil/first_instance"},
    {"（2021）沪74民初9号",
     "(2021)沪74民初9号 year=2021 court=沪74 special= type=民初 written=民初 seq=9 suffix= "
     "civil/first_instance"},
    {"（2009）沪0230民初7号",
     "(2009)沪0230民初7号 year=2009 court=沪0230 special= type=民初 written=民初 seq=7 suffix= "
     "civil/first_instance"},
    {"（2020）沪0115执恢100号",
     "(2020)沪0115执恢100号 year=2020 court=沪0115 special= type=执恢 written=执恢 seq=100 suffix= "
     "enforcement/enforcement"},
    {"（2020）沪0115执100号",
     "(2020)沪0115执100号 year=2020 court=沪0115 special= type=执 written=执 seq=100 suffix= "
     "enforcement/enforcement"},
    {"（2020）沪0115执保7号",
     "(2020)沪0115执保7号 year=2020 court=沪0115 special= type=执保 written=执保 seq=7 suffix= "
     "enforcement/preservation"},
    {"（2020）沪0115执异8号",
     "(2020)沪0115执异8号 year=2020 court=沪0115 special= type=执异 written=执异 seq=8 suffix= "
     "enforcement/enforcement"},
    {"（2020）沪0115民保令3号",
     "(2020)沪0115民保令3号 year=2020 court=沪0115 special= type=民保令 written=民保令 seq=3 "
     "suffix= civil/protection_order"},
    {"（2020）沪0115民保更1号",
     "(2020)沪0115民保更1号 year=2020 court=沪0115 special= type=民保更 written=民保更 seq=1 "
     "suffix= civil/protection_order"},
    {"（2020）沪0115民特监2号",
     "(2020)沪0115民特监2号 year=2020 court=沪0115 special= type=民特监 written=民特监 seq=2 "
     "suffix= civil/special"},
    {"（2020）沪0115民特2号",
     "(2020)沪0115民特2号 year=2020 court=沪0115 special= type=民特 written=民特 seq=2 suffix= "
     "civil/special"},
    {"（2020）沪0115民督监2号",
     "(2020)沪0115民督监2号 year=2020 court=沪0115 special= type=民督监 written=民督监 seq=2 "
     "suffix= civil/special"},
    {"（2020）沪0115民撤2号",
     "(2020)沪0115民撤2号 year=2020 court=沪0115 special= type=民撤 written=民撤 seq=2 suffix= "
     "civil/first_instance"},
    {"（2020）沪01行赔初4号",
     "(2020)沪01行赔初4号 year=2020 court=沪01 special= type=行赔初 written=行赔初 seq=4 suffix= "
     "compensation/first_instance"},
    {"（2020）沪01委赔监4号",
     "(2020)沪01委赔监4号 year=2020 court=沪01 special= type=委赔监 written=委赔监 seq=4 suffix= "
     "compensation/retrial_review"},
    {"（2020）沪01司救民4号",
     "(2020)沪01司救民4号 year=2020 court=沪01 special= type=司救民 written=司救民 seq=4 suffix= "
     "other/other"},
    {"（2020）沪03破申4号",
     "(2020)沪03破申4号 year=2020 court=沪03 special= type=破申 written=破申 seq=4 suffix= "
     "civil/bankruptcy"},
    {"（2020）沪03破4号",
     "(2020)沪03破4号 year=2020 court=沪03 special= type=破 written=破 seq=4 suffix= "
     "civil/bankruptcy"},
    {"（2020）沪03强清4号",
     "(2020)沪03强清4号 year=2020 court=沪03 special= type=强清 written=强清 seq=4 suffix= "
     "civil/bankruptcy"},
    {"（2020）沪0115行保复1号",
     "(2020)沪0115行保复1号 year=2020 court=沪0115 special= type=行保复 written=行保复 seq=1 "
     "suffix= civil/preservation"},
    {"（2020）沪0115财保1号",
     "(2020)沪0115财保1号 year=2020 court=沪0115 special= type=财保 written=财保 seq=1 suffix= "
     "civil/preservation"},
    {"（2020）沪0115司惩复1号",
     "(2020)沪0115司惩复1号 year=2020 court=沪0115 special= type=司惩复 written=司惩复 seq=1 "
     "suffix= other/other"},
    {"（2020）最高法协外认1号",
     "(2020)最高法协外认1号 year=2020 court=最高法 special= type=协外认 written=协外认 seq=1 "
     "suffix= other/other"},
    {"（2020）沪01请台送1号",
     "(2020)沪01请台送1号 year=2020 court=沪01 special= type=请台送 written=请台送 seq=1 suffix= "
     "other/other"},
    {"（2020）最高法刑核12345678号",
     "(2020)最高法刑核12345678号 year=2020 court=最高法 special= type=刑核 written=刑核 "
     "seq=12345678 suffix= criminal/other"},
    {"（2016）粤1302财保1016-1号",
     "(2016)粤1302财保1016-1号 year=2016 court=粤1302 special= type=财保 written=财保 seq=1016 "
     "suffix=-1 civil/preservation"},
    {"（2016）粤1302财保1016－1号",
     "(2016)粤1302财保1016-1号 year=2016 court=粤1302 special= type=财保 written=财保 seq=1016 "
     "suffix=-1 civil/preservation"},
    {"（2016）晋0825刑初第17号",
     "(2016)晋0825刑初第17号 year=2016 court=晋0825 special= type=刑初 written=刑初 seq=17 suffix= "
     "criminal/first_instance"},
    {"（2014）宣汉民初字第430号",
     "(2014)宣汉民初字第430号 year=2014 court=宣汉 special= type=民初 written=民初 seq=430 suffix= "
     "legacy civil/first_instance"},
    {"（2009）萧民二初字第33号",
     "(2009)萧民二初字第33号 year=2009 court=萧 special= type=民初 written=民二初 seq=33 suffix= "
     "legacy civil/first_instance"},
    {"（2013）川民终字第268号",
     "(2013)川民终字第268号 year=2013 court=川 special= type=民终 written=民终 seq=268 suffix= "
     "legacy civil/second_instance"},
    {"（2015）石民简初字第104号",
     "(2015)石民简初字第104号 year=2015 court=石 special= type=民初 written=民简初 seq=104 suffix= "
     "legacy civil/first_instance"},
    {"（2014）云高民再初字第1号",
     "(2014)云高民再初字第1号 year=2014 court=云高 special= type=民再 written=民再初 seq=1 suffix= "
     "legacy civil/retrial"},
    {"（2015）民一他字第9号",
     "(2015)民一他字第9号 year=2015 court= special= type=民他 written=民一他 seq=9 suffix= legacy "
     "civil/other"},
    {"（2013）湛坡法刑初字13号",
     "(2013)湛坡法刑初字13号 year=2013 court=湛坡法 special= type=刑初 written=刑初 seq=13 suffix= "
     "legacy criminal/first_instance"},
    {"（2014）户刑初字第00130号",
     "(2014)户刑初字第00130号 year=2014 court=户 special= type=刑初 written=刑初 seq=130 suffix= "
     "legacy criminal/first_instance"},
    {"（2015）安市执字第29号",
     "(2015)安市执字第29号 year=2015 court=安市 special= type=执 written=执 seq=29 suffix= legacy "
     "enforcement/enforcement"},
    {"（2013）粤高法刑三终字第304号",
     "(2013)粤高法刑三终字第304号 year=2013 court=粤高法 special= type=刑终 written=刑三终 seq=304 "
     "suffix= legacy criminal/second_instance"},
    {"（2008）晋中中法刑终字第210号",
     "(2008)晋中中法刑终字第210号 year=2008 court=晋中中法 special= type=刑终 written=刑终 seq=210 "
     "suffix= legacy criminal/second_instance"},
    {"（2014）民权民初字第5号",
     "(2014)民权民初字第5号 year=2014 court=民权 special= type=民初 written=民初 seq=5 suffix= "
     "legacy civil/first_instance"},
    {"（2010）行唐行初字第2号",
     "(2010)行唐行初字第2号 year=2010 court=行唐 special= type=行初 written=行初 seq=2 suffix= "
     "legacy administrative/first_instance"},
    {"（2012）沪二中民二（民）终字第100号",
     "(2012)沪二中民二(民)终字第100号 year=2012 court=沪二中 special= type=民终 written=民二(民)终 "
     "seq=100 suffix= legacy civil/second_instance"},
    {"（2012）沪一中民五(商)初字第7号",
     "(2012)沪一中民五(商)初字第7号 year=2012 court=沪一中 special= type=民初 written=民五(商)初 "
     "seq=7 suffix= legacy civil/first_instance"},
    {"（2016）沪0115民初第80205号",
     "(2016)沪0115民初第80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance"},
    {"（2019）沪0115民诉前调123号",
     "(2019)沪0115民诉前调123号 year=2019 court=沪0115 special= type=民诉前调 written=民诉前调 "
     "seq=123 suffix= civil/other"},
    {"（2020）沪0115执破5号",
     "(2020)沪0115执破5号 year=2020 court=沪0115 special= type=执破 written=执破 seq=5 suffix= "
     "civil/bankruptcy"},
};

const ParseCase kBroken[] = {
    {"（2014）并三监刑释字第323号",
     "(2014)并三监刑释字第323号 year=2014 court= special= type=并三监刑释 written=并三监刑释 "
     "seq=323 suffix= legacy / [unknown type code '并三监刑释']"},
    {"2018）晋1002刑初253号",
     "(2018)晋1002刑初253号 year=2018 court=晋1002 special= type=刑初 written=刑初 seq=253 suffix= "
     "criminal/first_instance [missing '(' before the year]"},
    {"沪0115民初80205号",
     "沪0115民初80205号 year=- court=沪0115 special= type=民初 written=民初 seq=80205 suffix= "
     "civil/first_instance [missing year]"},
    {"（）沪0115民初80205号",
     "()沪0115民初80205号 year=- court=沪0115 special= type=民初 written=民初 seq=80205 suffix= "
     "civil/first_instance [missing year]"},
    {"（16）沪0115民初80205号",
     "(16)沪0115民初80205号 year=- court=沪0115 special= type=民初 written=民初 seq=80205 suffix= "
     "civil/first_instance [unreadable year '16']"},
    {"（1899）沪0115民初1号",
     "(1899)沪0115民初1号 year=1899 court=沪0115 special= type=民初 written=民初 seq=1 suffix= "
     "civil/first_instance [implausible year 1899]"},
    {"（2016）0115民初80205号",
     "(2016)0115民初80205号 year=2016 court=0115 special= type=民初 written=民初 seq=80205 suffix= "
     "civil/first_instance [court code '0115' lacks its province abbreviation]"},
    {"（2016）民初80205号",
     "(2016)民初80205号 year=2016 court= special= type=民初 written=民初 seq=80205 suffix= "
     "civil/first_instance [missing court code]"},
    {"（2016）沪011民初1号",
     "(2016)沪011民初1号 year=2016 court=沪011 special= type=民初 written=民初 seq=1 suffix= "
     "civil/first_instance [court code '沪011' should have 0, 2 or 4 digits after the province]"},
    {"（2016）沪0115民初号",
     "(2016)沪0115民初号 year=2016 court=沪0115 special= type=民初 written=民初 seq=- suffix= "
     "civil/first_instance [missing sequence number]"},
    {"（2016）沪0115民初80205",
     "(2016)沪0115民初80205 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance [missing 号 after the sequence number]"},
    {"（2016）沪0115民初80205号民事判决书",
     "(2016)沪0115民初80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance [unexpected text '民事判决书' after the case number]"},
    {"（2016）沪0115民初12345678901234567890号",
     "(2016)沪0115民初12345678901234567890号 year=2016 court=沪0115 special= type=民初 "
     "written=民初 seq=- suffix= civil/first_instance [sequence number '12345678901234567890' is "
     "too long]"},
    {"（2016）沪0115XX80205号",
     "(2016)沪0115XX80205号 year=2016 court=沪0115 special= type=XX written=XX seq=80205 suffix= / "
     "[unknown type code 'XX']"},
    {"（2016）沪0115民初X80205号",
     "(2016)沪0115民初X80205号 year=2016 court=沪0115 special= type=民初 written=民初 seq=80205 "
     "suffix= civil/first_instance [unexpected text 'X' after type code '民初']"},
    {"（2015）宜丁民初第130号",
     "(2015)宜丁民初第130号 year=2015 court=宜丁 special= type=民初 written=民初 seq=130 suffix= "
     "legacy civil/first_instance [no 字 before the number of a pre-2016 case number]"},
    {"民初",
     "民初 year=- court= special= type=民初 written=民初 seq=- suffix= civil/first_instance "
     "[missing year] [missing sequence number] [missing court code]"},
};

const ParseCase kRejected[] = {
    {"hello", "error: not a case number: 'hello' (expected a form like (2016)沪0115民初80205号)"},
    {"", "error: not a case number: '' (expected a form like (2016)沪0115民初80205号)"},
    {"［2016］临鉴字第1830号",
     "error: not a case number: '［2016］临鉴字第1830号' (expected a form like "
     "(2016)沪0115民初80205号)"},
    {"（2017）尸检字第26号",
     "error: not a case number: '（2017）尸检字第26号' (expected a form like "
     "(2016)沪0115民初80205号)"},
    {"（2019）273号",
     "error: not a case number: '（2019）273号' (expected a form like (2016)沪0115民初80205号)"},
    {"（2018）第682号",
     "error: not a case number: '（2018）第682号' (expected a form like (2016)沪0115民初80205号)"},
};

TEST_CASE("parses the well-formed 2016 and legacy forms", "[case_number]") {
  for (const ParseCase& c : kWellFormed) {
    INFO(c.input);
    CHECK(Parse(c.input) == c.expected);
  }
}

TEST_CASE("broken forms give what can be read, with a warning per missing part", "[case_number]") {
  for (const ParseCase& c : kBroken) {
    INFO(c.input);
    CHECK(Parse(c.input) == c.expected);
  }
}

TEST_CASE("texts that are not case numbers are rejected", "[case_number]") {
  for (const ParseCase& c : kRejected) {
    INFO(c.input);
    CHECK(Parse(c.input) == c.expected);
  }
}

// Normalising repairs a missing "(" and drops trailing text; nothing else changes.
TEST_CASE("a normalised case_no parses to the same parts", "[case_number]") {
  std::vector<ParseCase> cases(std::begin(kWellFormed), std::end(kWellFormed));
  cases.insert(cases.end(), std::begin(kBroken), std::end(kBroken));
  for (const ParseCase& c : cases) {
    Result<CaseNumber> first = ParseCaseNumber(c.input);
    REQUIRE(first.ok());
    Result<CaseNumber> again = ParseCaseNumber(first->case_no);
    REQUIRE(again.ok());
    INFO(c.input);
    CHECK(again->warnings.size() <= first->warnings.size());
    first->warnings.clear();
    again->warnings.clear();
    CHECK(Describe(*again) == Describe(*first));
  }
}

TEST_CASE("the embedded type-code table is well formed and complete", "[case_number]") {
  CHECK(ValidateTypeCodeTable(embedded::kTypeCodesTsv).ok());
  // Every 代字 of the DOMAIN.md §2 table.
  for (std::string_view code :
       {"刑辖",   "民辖",   "民辖终", "民辖监", "行辖",   "行辖终", "赔辖",   "赔辖终", "刑初",
        "刑终",   "刑监",   "刑申",   "刑抗",   "刑再",   "刑没",   "刑核",   "刑医",   "刑医解",
        "刑医复", "刑医监", "刑止",   "刑止调", "刑止核", "刑更",   "刑更监", "刑更备", "刑他",
        "刑教",   "刑教解", "刑教复", "刑教监", "民初",   "民终",   "民监",   "民申",   "民抗",
        "民再",   "民撤",   "民特",   "民特监", "民催",   "民督",   "民督监", "民他",   "民保令",
        "民保更", "行初",   "行终",   "行监",   "行申",   "行抗",   "行再",   "行审",   "行审复",
        "行他",   "行赔初", "行赔终", "行赔监", "行赔申", "行赔抗", "行赔再", "行赔他", "法赔",
        "委赔",   "委赔监", "赔确监", "委赔提", "委赔再", "赔他",   "司救刑", "司救民", "司救行",
        "司救赔", "司救执", "司救访", "司救他", "认台",   "认港",   "认澳",   "认复",   "认他",
        "请台送", "助移赃", "协外认", "协他",   "协外送", "请外送", "协外调", "请外调", "请外移",
        "协外移", "请外引", "协外引", "司惩",   "司惩复", "财保",   "行保",   "行保复", "证保",
        "执",     "执恢",   "执保",   "执异",   "执复",   "执监",   "执协",   "执他",   "清申",
        "破申",   "清终",   "破终",   "清监",   "破监",   "强清",   "破"}) {
    INFO(code);
    TypeCodeInfo info = LookupTypeCode(code);
    CHECK(info.known());
    CHECK_FALSE(info.legacy);
    CHECK_FALSE(info.unverified);
    CHECK(info.category != CaseCategory::kUnknown);
    CHECK(info.procedure != CaseProcedure::kUnknown);
  }
  for (std::string_view code : {"民诉前调", "执破"}) {
    CHECK(LookupTypeCode(code).unverified);
  }
}

TEST_CASE("legacy codes map to a 2016 code of the same category and procedure", "[case_number]") {
  for (std::string_view code :
       {"民一初", "民二初", "民三初", "民四初", "民五初", "民简初", "民一终", "民二终",
        "民三终", "民四终", "民五终", "民再初", "民再终", "商初",   "商终",   "知初",
        "知终",   "刑一初", "刑二初", "刑一终", "刑二终", "刑三终"}) {
    INFO(code);
    TypeCodeInfo legacy = LookupTypeCode(code);
    REQUIRE(legacy.legacy);
    std::optional<std::string> modern = ModernTypeCode(code);
    REQUIRE(modern);
    TypeCodeInfo info = LookupTypeCode(*modern);
    CHECK_FALSE(info.legacy);
    CHECK(info.category == legacy.category);
    CHECK(info.procedure == legacy.procedure);
  }
  CHECK(ModernTypeCode("民二初") == "民初");
  CHECK(ModernTypeCode("民二(商)初") == std::nullopt);  // brackets are the parser's business
  CHECK(ModernTypeCode("民再初") == "民再");
  CHECK(ModernTypeCode("行赔终") == "行赔终");
  CHECK(ModernTypeCode("执异") == "执异");
  CHECK(ModernTypeCode("民") == std::nullopt);
  CHECK(ModernTypeCode("临鉴") == std::nullopt);
  CHECK(ModernTypeCode("") == std::nullopt);
}

TEST_CASE("type codes match longest first", "[case_number]") {
  CHECK(LongestTypeCodePrefix("民辖终81号").code == "民辖终");
  CHECK(LongestTypeCodePrefix("民辖81号").code == "民辖");
  CHECK(LongestTypeCodePrefix("执恢3号").code == "执恢");
  CHECK(LongestTypeCodePrefix("执3号").code == "执");
  CHECK(LongestTypeCodePrefix("民保令1号").code == "民保令");
  CHECK(LongestTypeCodePrefix("行赔初1号").code == "行赔初");
  CHECK(LongestTypeCodePrefix("委赔监1号").code == "委赔监");
  CHECK_FALSE(LongestTypeCodePrefix("鉴字").known());
  CHECK_FALSE(LongestTypeCodePrefix("").known());
  TypeCodeInfo info = LookupTypeCode("民保令");
  CHECK(info.code == "民保令");
  CHECK(info.category == CaseCategory::kCivil);
  CHECK(info.procedure == CaseProcedure::kProtectionOrder);
  CHECK(info.description == "0332 人身安全保护令申请审查案件");
  CHECK_FALSE(LookupTypeCode("民").known());
}

TEST_CASE("every table code is read back from a case number", "[case_number]") {
  std::string_view tsv = embedded::kTypeCodesTsv;
  size_t rows = 0;
  for (size_t start = 0; start < tsv.size();) {
    size_t nl = tsv.find('\n', start);
    std::string_view line = tsv.substr(start, nl - start);
    start = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    ++rows;
    std::string code(line.substr(0, line.find('\t')));
    Result<CaseNumber> n = ParseCaseNumber("（2020）沪0115" + code + "12号");
    INFO(code);
    REQUIRE(n.ok());
    CHECK(n->written_type_code == code);
    CHECK(n->type_code == ModernTypeCode(code).value_or(code));
    CHECK(n->clean());
  }
  CHECK(rows == 155);
}

TEST_CASE("ValidateTypeCodeTable names the line and the problem", "[case_number]") {
  CHECK(ValidateTypeCodeTable("# comment\n\n民初\tcivil\tfirst_instance\t0301\n").ok());
  CHECK(ValidateTypeCodeTable("民初\tcivil\tfirst_instance\n").ToString() ==
        "type_codes.tsv:1: expected 4 tab-separated fields (code, category, procedure, "
        "description), found 3");
  CHECK(ValidateTypeCodeTable("#\n民初\tcivl\tfirst_instance\tx\n").ToString() ==
        "type_codes.tsv:2: unknown category 'civl' (expected civil, criminal, administrative, "
        "enforcement, compensation or other)");
  CHECK(ValidateTypeCodeTable("民初\tcivil\tfirst\tx\n").ToString() ==
        "type_codes.tsv:1: unknown procedure 'first' (expected first_instance, second_instance, "
        "retrial_review, retrial, enforcement, preservation, special, protection_order, "
        "bankruptcy, jurisdiction or other)");
  CHECK(
      ValidateTypeCodeTable("民初\tcivil\tfirst_instance\tx\n民初\tcivil\tother\ty\n").ToString() ==
      "type_codes.tsv:2: duplicate type code '民初' (first on line 1)");
  CHECK(ValidateTypeCodeTable("\tcivil\tother\ty\n").ToString() ==
        "type_codes.tsv:1: empty type code");
}

std::string Kind(std::string_view code, std::string_view doc_type) {
  CaseKind k = ClassifyCase(code, doc_type);
  return std::string(CategoryName(k.category)) + "/" + std::string(ProcedureName(k.procedure));
}

TEST_CASE("ClassifyCase combines the type code and the document type", "[case_number]") {
  CHECK(Kind("民初", "民事判决书") == "civil/first_instance");
  CHECK(Kind("民初", "民 事 调 解 书") == "civil/first_instance");
  CHECK(Kind("民终", "民事裁定书") == "civil/second_instance");
  CHECK(Kind("执异", "执行裁定书") == "enforcement/enforcement");
  CHECK(Kind("执", "执行裁定书") == "enforcement/enforcement");
  CHECK(Kind("执保", "执行裁定书") == "enforcement/preservation");
  CHECK(Kind("民保令", "民事裁定书") == "civil/protection_order");
  CHECK(Kind("民特", "人身安全保护令") == "civil/protection_order");
  CHECK(Kind("民督", "支付令") == "civil/special");
  CHECK(Kind("破", "民事裁定书") == "civil/bankruptcy");
  CHECK(Kind("刑初", "刑事附带民事判决书") == "criminal/first_instance");
  CHECK(Kind("行赔初", "行政赔偿判决书") == "compensation/first_instance");
  CHECK(Kind("民二初", "民事判决书") == "civil/first_instance");
  CHECK(Kind("民二(商)初", "民事判决书") == "civil/");
  CHECK(Kind("", "刑事裁定书") == "criminal/");
  CHECK(Kind("", "行政判决书") == "administrative/");
  CHECK(Kind("", "国家赔偿决定书") == "compensation/");
  CHECK(Kind("", "执行通知书") == "enforcement/enforcement");
  CHECK(Kind("", "决定书") == "/");
}

// A first-instance judgment that cites the numbers of earlier cases: an old legacy judgment, an
// enforcement case, a rejected 鉴定 number and a number without its opening bracket.
constexpr std::string_view kDocument =
    "上海市浦东新区人民法院\n民 事 判 决 书\n（2019）沪0115民初12345号\n"
    "原告王某与被告李某民间借贷纠纷一案。原告曾依（2014）浦民一(民)初字第3号民事判决"
    "申请执行，本院以(2016)沪0115执 1234 号立案；"
    "经鉴定，［2016］临鉴字第1830号鉴定意见书认为……另见2018）沪01民终9号。";

TEST_CASE("FindCaseNumbers finds every case number and its span", "[case_number]") {
  std::vector<FoundCaseNumber> found = FindCaseNumbers(kDocument);
  std::vector<std::string> got;
  for (const FoundCaseNumber& f : found) {
    got.push_back(std::string(kDocument.substr(f.offset, f.length)) + " -> " + Describe(f.number));
  }
  CHECK(got ==
        std::vector<std::string>{
            "（2019）沪0115民初12345号 -> (2019)沪0115民初12345号 year=2019 court=沪0115 "
            "special= type=民初 written=民初 seq=12345 suffix= civil/first_instance",
            "（2014）浦民一(民)初字第3号 -> (2014)浦民一(民)初字第3号 year=2014 court=浦 "
            "special= type=民初 written=民一(民)初 seq=3 suffix= legacy civil/first_instance",
            "(2016)沪0115执 1234 号 -> (2016)沪0115执1234号 year=2016 court=沪0115 special= "
            "type=执 written=执 seq=1234 suffix= enforcement/enforcement",
            "2018）沪01民终9号 -> (2018)沪01民终9号 year=2018 court=沪01 special= type=民终 "
            "written=民终 seq=9 suffix= civil/second_instance [missing '(' before the year]",
        });
  CHECK(found[0].offset == kDocument.find("（2019）"));
}

TEST_CASE("FindCaseNumbers keeps numbers without a year only with a known type", "[case_number]") {
  std::vector<FoundCaseNumber> found =
      FindCaseNumbers("撤销晋1002刑初253号刑事判决；沪0115路3号；京01XX3号");
  REQUIRE(found.size() == 1);
  CHECK(Describe(found[0].number) ==
        "晋1002刑初253号 year=- court=晋1002 special= type=刑初 written=刑初 seq=253 suffix= "
        "criminal/first_instance [missing year]");
  CHECK(FindCaseNumbers("").empty());
  CHECK(FindCaseNumbers("（2019）273号 （2017）尸检字第26号 第5号").empty());
}

TEST_CASE("FindCaseNumbers finds each table row's number in running text", "[case_number]") {
  for (const ParseCase& c : kWellFormed) {
    std::string text = "见" + std::string(c.input) + "。";
    std::vector<FoundCaseNumber> found = FindCaseNumbers(text);
    INFO(c.input);
    REQUIRE(found.size() == 1);
    CHECK(Describe(found[0].number) == c.expected);
  }
}

TEST_CASE("random and invalid UTF-8 input never breaks the parser or the scanner",
          "[case_number]") {
  const std::vector<std::string_view> pieces = {
      "（", "）", "(",  ")",  "〔",   "2016", "２０", "沪", "0115", "民",   "初",    "终",
      "执", "字", "第", "号", "之一", "-",    "知",   " ",  "\xE5", "\xFF", "最高法"};
  uint32_t state = 12345;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = 0; k < 12; ++k) {
      state = state * 1103515245 + 12345;
      text += pieces[(state >> 16) % pieces.size()];
    }
    (void)ParseCaseNumber(text);
    for (const FoundCaseNumber& f : FindCaseNumbers(text)) {
      INFO(text);
      REQUIRE(f.offset + f.length <= text.size());
      CHECK(ParseCaseNumber(text.substr(f.offset, f.length)).ok());
    }
  }
}

TEST_CASE("Shanghai court codes", "[case_number]") {
  CHECK(CourtNameForCode("沪0115") == "上海市浦东新区人民法院");
  std::optional<CourtInfo> pudong = LookupCourt("沪0115");
  REQUIRE(pudong);
  CHECK(pudong->verified);
  std::optional<CourtInfo> ip = LookupCourt("沪73");
  REQUIRE(ip);
  CHECK(ip->name == "上海知识产权法院");
  CHECK_FALSE(ip->verified);
  CHECK(CourtNameForCode("沪7101") == "上海铁路运输法院");
  CHECK(CourtNameForCode("沪0108") == "上海市闸北区人民法院");
  CHECK(CourtNameForCode("沪0230") == "上海市崇明县人民法院");
  CHECK(CourtNameForCode("沪0151") == "上海市崇明区人民法院");
  CHECK(CourtNameForCode("沪") == "上海市高级人民法院");
  CHECK(CourtNameForCode("最高法") == "最高人民法院");
  CHECK(CourtNameForCode("粤0703") == "");
  CHECK_FALSE(LookupCourt("").has_value());
}

TEST_CASE("category and procedure names are the record spellings", "[case_number]") {
  CHECK(CategoryName(CaseCategory::kUnknown) == "");
  CHECK(CategoryName(CaseCategory::kCompensation) == "compensation");
  CHECK(ProcedureName(CaseProcedure::kRetrialReview) == "retrial_review");
  CHECK(ProcedureName(CaseProcedure::kProtectionOrder) == "protection_order");
  CHECK(ProcedureName(CaseProcedure::kOther) == "other");
}

}  // namespace
}  // namespace casesift
