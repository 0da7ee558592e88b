// Unit tests of case-extract's modules: text decoding, the party parser, the layout of a
// document and the outcome. The whole extractor is measured on the fixtures
// (case_extract_fixtures_test.cpp); these pin down each rule on its own.
#include <iconv.h>

#include <catch2/catch.hpp>

#include "case_extractor.h"
#include "document_layout.h"
#include "outcome.h"
#include "party_parser.h"
#include "text_decoder.h"

namespace casesift {
namespace {

std::string Encode(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t o_left = out.size();
  iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  out.resize(out.size() - o_left);
  return out;
}

TEST_CASE("text in UTF-8, GB18030 and UTF-16 decodes to the same UTF-8", "[case_extract]") {
  const std::string text = "上海市浦东新区人民法院\n民事判决书\n";
  Result<DecodedText> utf8 = DecodeText(text, Encoding::kAuto);
  REQUIRE(utf8.ok());
  CHECK(utf8->text == text);
  CHECK(std::string(utf8->encoding) == "UTF-8");

  Result<DecodedText> gb = DecodeText(Encode(text, "GB18030"), Encoding::kAuto);
  REQUIRE(gb.ok());
  CHECK(gb->text == text);
  CHECK(std::string(gb->encoding) == "GB18030");

  Result<DecodedText> le = DecodeText("\xFF\xFE" + Encode(text, "UTF-16LE"), Encoding::kAuto);
  REQUIRE(le.ok());
  CHECK(le->text == text);
  Result<DecodedText> be = DecodeText("\xFE\xFF" + Encode(text, "UTF-16BE"), Encoding::kAuto);
  REQUIRE(be.ok());
  CHECK(be->text == text);
  Result<DecodedText> bom = DecodeText("\xEF\xBB\xBF" + text, Encoding::kAuto);
  REQUIRE(bom.ok());
  CHECK(bom->text == text);
}

TEST_CASE("a forced encoding that does not fit is a located error", "[case_extract]") {
  // 原 in GB18030 is D4 AD, which happens to be valid UTF-8 (U+052D); 告 is not.
  Result<DecodedText> r = DecodeText(Encode("原告王某", "GB18030"), Encoding::kUtf8);
  REQUIRE(!r.ok());
  CHECK(r.status().ToString() ==
        "cannot decode as UTF-8 at byte 2 (invalid or incomplete sequence; try --encoding "
        "gb18030, or auto)");
  CHECK(ParseEncoding("GBK").ok());
  CHECK(ParseEncoding("big5").status().ToString() ==
        "unknown encoding 'big5' (use auto, utf-8, gb18030 or utf-16)");
}

TEST_CASE("party paragraphs give roles, sides, details and agents", "[case_extract]") {
  std::vector<std::string> warnings;
  std::vector<Party> p = ParseParties(
      "原告：王某甲，女，1972年4月出生，汉族，住上海市闵行区某某路。\n"
      "原告王某乙，男，生于1989年2月27日，住址同上。\n"
      "上列两原告共同委托诉讼代理人：周某、吴某，上海某某律师事务所律师。\n"
      "被告（反诉原告）：上海某某贸易有限公司，住所地上海市浦东新区某某路某某号，"
      "统一社会信用代码91310115MA1FL3K293。\n"
      "法定代表人：李某，执行董事。\n"
      "委托诉讼代理人：赵某，该公司员工。\n"
      "上诉人（原审被告）：钱某，男，1966年7月18日生，公民身份号码11010519491231002X。\n",
      &warnings);
  REQUIRE(p.size() == 4);
  CHECK(warnings.empty());
  CHECK(p[0].role == "原告");
  CHECK(p[0].side == "plaintiff");
  CHECK(p[0].name == "王某甲");
  CHECK(p[0].kind == "person");
  CHECK(p[0].gender == "female");
  CHECK(p[0].birth == "1972-04");
  CHECK(p[0].ethnicity == "汉族");
  CHECK(p[0].address == "上海市闵行区某某路");
  CHECK(p[1].role == "原告");  // no colon
  CHECK(p[1].birth == "1989-02-27");
  CHECK(p[1].address == "上海市闵行区某某路");  // 住址同上
  REQUIRE(p[0].reps.size() == 2);
  CHECK(p[0].reps[1].name == "吴某");
  CHECK(p[0].reps[1].org == "上海某某律师事务所");
  CHECK(p[1].reps.size() == 2);
  CHECK(p[2].role == "被告（反诉原告）");
  CHECK(p[2].side == "defendant");
  CHECK(p[2].kind == "org");
  CHECK(p[2].uscc_valid == true);
  CHECK(p[2].legal_rep == "李某");
  REQUIRE(p[2].reps.size() == 1);
  CHECK(p[2].reps[0].org.empty());  // 该公司员工 names no organisation
  CHECK(p[3].side == "appellant");
  CHECK(p[3].id_no == "11010519491231002X");
  CHECK(p[3].id_valid == true);
}

TEST_CASE("the layout finds each part, repeated blocks included", "[case_extract]") {
  std::string text =
      "上海市第一中级人民法院\n民事判决书\n（2022）沪01民终1号\n"
      "上诉人（原审被告）：钱某，男。\n被上诉人（原审原告）：孙某，女。\n"
      "上诉人钱某因与被上诉人孙某民间借贷纠纷一案，不服上海市浦东新区人民法院（2021）沪0115民初9号"
      "民事判决，向本院提起上诉。\n"
      "钱某上诉请求：撤销原判。\n孙某辩称，原判正确。\n"
      "孙某向一审法院起诉请求：钱某归还借款10,000元。\n"
      "一审法院认定事实：2020年钱某借款10,"
      "000元。\n一审法院认为，借款应当归还。一审法院判决：钱某归还孙某借款10,000元。\n"
      "本院认为，上诉理由不能成立。依照《中华人民共和国民事诉讼法》第一百七十七条之规定，判决如下："
      "\n"
      "驳回上诉，维持原判。\n二审案件受理费50元，由钱某负担。\n本判决为终审判决。\n"
      "审　判　长　　张某\n二〇二二年八月一日\n书　记　员　　李某\n";
  DocumentLayout l = FindLayout(text, text.find("号\n") + 4);
  std::vector<std::string> kinds;
  for (const Block& b : l.blocks) kinds.push_back(BlockName(b.kind));
  CHECK(kinds == std::vector<std::string>{"claims", "defence", "claims", "facts", "reasoning",
                                          "facts", "reasoning"});
  CHECK(l.blocks[0].appeal);
  CHECK(!l.blocks[2].appeal);
  CHECK(l.decision.In(text).find("驳回上诉，维持原判") != std::string_view::npos);
  CHECK(l.fee.In(text) == "二审案件受理费50元，由钱某负担。");
  CHECK(l.signature.In(text).rfind("审　判　长", 0) == 0);

  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(r.procedure == "second_instance");
  CHECK(r.cause == "民间借贷纠纷");
  CHECK(r.outcome == "judgment");  // the upheld judgment orders a payment
  REQUIRE(r.award_fen.has_value());
  CHECK(*r.award_fen == 1000000);
  CHECK(*r.claim_fen == 1000000);
  CHECK(*r.fee_fen == 5000);
  CHECK(r.decided_date == "2022-08-01");
}

TEST_CASE("an administrative case names the act it complains of", "[case_extract]") {
  std::string text =
      "上海市某某区人民法院\n行政判决书\n（2021）沪0105行初88号\n"
      "原告：许某，男，1980年1月2日出生，汉族，住上海市长宁区。\n"
      "被告：上海市某某区市场监督管理局，住所地上海市长宁区某某路1号。\n"
      "原告许某不服被告上海市某某区市场监督管理局（以下简称区市场监管局）作出的行政处罚，"
      "于2021年3月2日向本院提起行政诉讼。本院于2021年3月5日立案后，依法进行了审理。\n"
      "本院认为，被告作出的处罚事实清楚。判决如下：\n驳回原告许某的诉讼请求。\n";
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(r.cause == "行政处罚");
  REQUIRE(r.cause_listed.has_value());
  CHECK(!*r.cause_listed);
  // A clause that is not a short name of an act gives no cause.
  std::string vague = text;
  vague.replace(vague.find("作出的行政处罚"), std::string("作出的行政处罚").size(),
                "于2021年1月4日作出的沪市监罚〔2021〕12号决定");
  CHECK(ExtractCase(vague, ExtractOptions{}).cause.empty());
}

TEST_CASE("a filing on the same day takes the date named before it", "[case_extract]") {
  std::string text =
      "上海市某某区人民法院\n执行裁定书\n（2021）沪0112执1234号\n"
      "申请执行人：严某，男，1975年5月6日出生，汉族，住上海市闵行区。\n"
      "被执行人：上海某某贸易有限公司，住所地上海市闵行区某某路2号。\n"
      "申请执行人严某与被执行人上海某某贸易有限公司买卖合同纠纷一案，申请执行人于2021年11月"
      "26日向本院申请强制执行，本院于同日立案执行。\n本院在执行中查明，被执行人无财产可供执行。"
      "裁定如下：\n终结本次执行程序。\n";
  CHECK(ExtractCase(text, ExtractOptions{}).filed_date == "2021-11-26");
}

TEST_CASE("a party named only in the cause sentence does not join the cause", "[case_extract]") {
  std::string text =
      "上海市某某区人民法院\n民事判决书\n（2021）沪0112民初555号\n"
      "原告：上海某某机械设备有限公司，住所地上海市闵行区某某路3号。\n"
      "被告：上海某某投资管理有限公司，住所地上海市闵行区某某路4号。\n"
      "原告上海某某机械设备有限公司与被告上海某某投资管理有限公司、第三人上海某某建材有限公司"
      "买卖合同纠纷一案，本院于2021年5月6日立案后，依法适用简易程序进行了审理。\n"
      "本院认为，双方买卖关系合法有效。判决如下：\n驳回原告的诉讼请求。\n";
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(r.cause == "买卖合同纠纷");
  CHECK(r.cause_listed ==
        true);  // A name that runs into the cause's first characters: 被告金金 + 金融借款合同纠纷.
  std::string merged = text;
  merged.replace(merged.find("上海某某投资管理有限公司，住所地"),
                 std::string("上海某某投资管理有限公司").size(), "金金");
  merged.replace(
      merged.find("被告上海某某投资管理有限公司、第三人上海某某建材有限公司买卖合同"),
      std::string("被告上海某某投资管理有限公司、第三人上海某某建材有限公司买卖合同").size(),
      "被告金金金融借款合同");
  CHECK(ExtractCase(merged, ExtractOptions{}).cause == "金融借款合同纠纷");
}

TEST_CASE("a person whose name ends in an organisation word is a person", "[case_extract]") {
  std::vector<Party> parties = ParseParties(
      "被上诉人（原审原告）夏中心，女，生于1986年6月7日，住上海市长宁区。\n"
      "上诉人（原审被告）上海某某服务中心，住所地上海市长宁区某某路5号。\n",
      nullptr);
  REQUIRE(parties.size() == 2);
  CHECK(parties[0].kind == "person");
  CHECK(parties[0].birth == "1986-06-07");
  CHECK(parties[1].kind == "org");
  // No sex stated (a child): the birth date tells.
  parties =
      ParseParties("上诉人（原审原告）：胡中心，2015年1月生，汉族，住上海市黄浦区。\n", nullptr);
  REQUIRE(parties.size() == 1);
  CHECK(parties[0].kind == "person");
  CHECK(parties[0].birth == "2015-01");
}

TEST_CASE("party paragraphs as real documents write them", "[case_extract]") {
  // An agent in the party's own paragraph, after a comma.
  std::vector<Party> p = ParseParties(
      "原告：马某1，1972年2月3日出生，回族，住云南省会泽县，委托诉讼代理人：韩某，云南某某律师"
      "事务所律师，特别授权代理。被告：毕某1，男，1977年5月17日出生，汉族，住云南省昆明市。",
      nullptr);
  REQUIRE(p.size() == 2);
  REQUIRE(p[0].reps.size() == 1);
  CHECK(p[0].reps[0].role == "委托诉讼代理人");
  CHECK(p[0].reps[0].name == "韩某");
  CHECK(p[0].reps[0].org == "云南某某律师事务所");
  CHECK(p[0].address == "云南省会泽县");
  CHECK(p[1].reps.empty());
  // Parties run together with no punctuation.
  p = ParseParties("原告吴某被告吴某被告付某\n", nullptr);
  REQUIRE(p.size() == 3);
  CHECK((p[0].name == "吴某" && p[0].side == "plaintiff"));
  CHECK((p[1].name == "吴某" && p[1].side == "defendant"));
  CHECK((p[2].name == "付某" && p[2].side == "defendant"));
  // 住所 is a person's address too; an authority note is not part of an agent's role.
  p = ParseParties(
      "原告：阮某，男，1970年1月1日出生，汉族，住所福建省莆田市荔城区。\n"
      "委托代理人（特别授权）：林某，福建某某律师事务所律师。\n",
      nullptr);
  REQUIRE(p.size() == 1);
  CHECK(p[0].address == "福建省莆田市荔城区");
  REQUIRE(p[0].reps.size() == 1);
  CHECK(p[0].reps[0].role == "委托代理人");
}

TEST_CASE("words inside other words open no block; evidence before a request keeps it",
          "[case_extract]") {
  std::string text =
      "上海市某某区人民法院\n民事判决书\n（2021）沪0112民初556号\n"
      "原告：王甲，男，1980年1月2日出生，汉族，住上海市闵行区。\n"
      "被告：李乙，男，1981年3月4日出生，汉族，住上海市闵行区。\n"
      "原告王甲与被告李乙民间借贷纠纷一案，本院于2021年5月6日立案后，依法适用简易程序进行了审理。\n"
      "原告王甲诉称，2020年1月1日被告向原告借款60000元，到期未还。上述事实，有王甲提交的借条"
      "等证据予以证明。现起诉要求：1.判令被告归还借款本金60000元；2.本案诉讼费由被告承担。\n"
      "被告李乙辩称，借款属实。\n"
      "经审理查明，借条约定借款人逾期未提出书面异议的，视为已收到借款。庭审中，原告王甲补充陈述"
      "称，双方系朋友关系。被告已还款10000元。\n"
      "本院认为，借款事实清楚。判决如下：\n被告李乙于本判决生效之日起十日内归还原告王甲借款50000元"
      "。\n"
      "审　判　员　　某某\n二〇二一年六月一日\n";
  DocumentLayout l = FindLayout(text, text.find("号\n") + 4);
  std::vector<std::string> kinds;
  for (const Block& b : l.blocks) kinds.push_back(BlockName(b.kind));
  CHECK(kinds == std::vector<std::string>{"claims", "defence", "facts", "reasoning"});
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  REQUIRE(r.claim_fen.has_value());
  CHECK(*r.claim_fen == 6000000);
  REQUIRE(r.amounts.size() >= 3);
  CHECK(r.amounts[2].section == "facts");  // 10000元, still in the facts
}

TEST_CASE("the first marker of a sentence decides its block", "[case_extract]") {
  // 第三人…述称 comes before 请求法院依法判决 in its sentence: a statement, not a claim, so the
  // plaintiff's request stays the claim.
  std::string text =
      "上海市某某区人民法院\n民事判决书\n（2021）沪0106民初88号\n"
      "原告：上海甲乙贸易有限公司，住所地上海市静安区。\n"
      "被告：上海丙丁实业有限公司，住所地上海市静安区。\n"
      "第三人：上海戊己电子科技有限公司，住所地上海市静安区。\n"
      "原告上海甲乙贸易有限公司诉被告上海丙丁实业有限公司、第三人上海戊己电子科技有限公司买卖合同"
      "纠纷一案，本院于2021年3月1日立案后，依法适用简易程序进行了审理。\n"
      "原告上海甲乙贸易有限公司诉称，被告尚欠货款未付，特诉至法院，望判如所请。故请求判令：1、被告"
      "支付原告货款658,162.34元；2、本案诉讼费用由被告承担。\n"
      "被告丙丁公司经本院合法传唤，无正当理由拒不到庭参加诉讼。\n"
      "第三人戊己公司述称，对原告的诉讼请求不发表意见，请求法院依法判决。\n"
      "经审理查明，被告尚欠原告货款658,162.34元。\n"
      "本院认为，被告应当支付货款。判决如下：\n被告上海丙丁实业有限公司于本判决生效之日起十日内"
      "支付原告上海甲乙贸易有限公司货款658,162.34元。\n"
      "审　判　员　　某某\n二〇二一年六月一日\n";
  DocumentLayout l = FindLayout(text, text.find("号\n") + 4);
  std::vector<std::string> kinds;
  for (const Block& b : l.blocks) kinds.push_back(BlockName(b.kind));
  CHECK(kinds == std::vector<std::string>{"claims", "claims", "defence", "facts", "reasoning"});
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  REQUIRE(r.claim_fen.has_value());
  CHECK(*r.claim_fen == 65816234);
}

TEST_CASE("outcomes follow the decision", "[case_extract]") {
  CHECK(ClassifyOutcome("民事调解书", "一、原告与被告离婚；", "") == "mediated");
  CHECK(ClassifyOutcome("民事裁定书", "准许原告王某撤回起诉。", "") == "withdrawn");
  CHECK(ClassifyOutcome("民事裁定书", "驳回原告王某的起诉。", "") == "dismissed");
  CHECK(ClassifyOutcome("民事判决书", "驳回原告王某的全部诉讼请求。", "") == "rejected");
  CHECK(ClassifyOutcome("民事判决书", "不准予原告周某与被告吴某离婚。", "") == "rejected");
  CHECK(ClassifyOutcome("民事判决书", "一、被告支付原告10元；\n二、驳回原告的其余诉讼请求。", "") ==
        "judgment");
  CHECK(ClassifyOutcome("执行裁定书", "终结本院（2013）闵民二（商）初字第1号民事调解书的执行。",
                        "") == "terminated");
  CHECK(ClassifyOutcome("民事裁定书", "本案中止诉讼。", "") == "suspended");
  CHECK(ClassifyOutcome("民事裁定书", "本案移送上海市闵行区人民法院处理。", "") == "transferred");
  CHECK(ClassifyOutcome("民事裁定书", "\n冻结被申请人名下银行存款10元。\n", "") == "granted");
  CHECK(ClassifyOutcome("执行裁定书",
                        "驳回案外人林某的异议请求。\n案外人、当事人对裁定不服的，可以起诉；与原判决"
                        "无关的，可以起诉。",
                        "") == "rejected");
}

}  // namespace
}  // namespace casesift
