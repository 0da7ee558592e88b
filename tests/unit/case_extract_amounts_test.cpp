// Unit tests of case-extract's money readers (amounts.h, allocations.h, money_items.h) and
// of the outcome rules that depend on restated decisions: each rule of the annotation guide
// (tests/data/case-extract/README.md, "Money", "Allocations", "Outcome") on short documents
// written for the test. Names and companies are invented.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "allocations.h"
#include "case_extractor.h"
#include "money_items.h"
#include "outcome.h"

namespace casesift {
namespace {

constexpr const char* kFirstInstanceHeader =
    "上海市某某区人民法院\n民事判决书\n（2022）沪0101民初100号\n"
    "原告：孙某，女，1980年1月1日出生，汉族，住上海市。\n"
    "被告：钱某，男，1979年2月2日出生，汉族，住上海市。\n"
    "原告孙某与被告钱某民间借贷纠纷一案，本院于2022年3月1日立案后，依法适用简易程序，公开开庭进行了"
    "审理。本案现已审理终结。\n";
constexpr const char* kSignature = "审判员　　赵某\n二〇二二年五月一日\n书记员　　周某\n";

// A first-instance judgment with the given body (claims … reasoning) and decision items.
CaseRecord Judgment(const std::string& body, const std::string& items) {
  std::string text = std::string(kFirstInstanceHeader) + body +
                     "依照《中华人民共和国民法典》第六百七十五条之规定，判决如下：\n" + items +
                     "案件受理费50元，由被告钱某负担。\n" + kSignature;
  return ExtractCase(text, ExtractOptions{});
}

std::vector<std::string> Sections(const CaseRecord& r) {
  std::vector<std::string> out;
  for (const Amount& a : r.amounts) out.push_back(a.text + "@" + a.section);
  return out;
}

TEST_CASE("a story then a request: the claim is the request's", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某诉称，被告钱某向原告借款70,000元，已归还2万余元。\n"
      "故原告诉至法院，请求判令：1、被告归还借款48,500元；2、本案诉讼费由被告承担。\n"
      "经审理查明：被告钱某向原告借款70,000元。\n本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款48,500元。\n");
  REQUIRE(r.claim_fen);
  CHECK(*r.claim_fen == 4850000);
  REQUIRE(r.award_fen);
  CHECK(*r.award_fen == 4850000);
}

TEST_CASE("a request opener inside each item does not restart the request",
          "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某向本院提出诉讼请求：1．请求法院判令被告归还借款本金300,000元及利息；"
      "2．请求法院判令被告承担本案诉讼费用。事实和理由：被告借款未还。\n"
      "经审理查明：被告钱某向原告借款300,000元。\n本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款300,000元。\n");
  REQUIRE(r.claim_fen);
  CHECK(*r.claim_fen == 30000000);
}

TEST_CASE("a stated total counts only when it adds up principal", "[case_extract][amounts]") {
  // The total includes interest and a penalty: the principal alone is the claim.
  CaseRecord with_interest = Judgment(
      "原告孙某向本院提出诉讼请求：判令被告归还本金40,000.50元、利息3,000元、违约金500元，"
      "合计43,500.50元。事实和理由：被告借款未还。\n本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某本金40,000.50元。\n");
  REQUIRE(with_interest.claim_fen);
  CHECK(*with_interest.claim_fen == 4000050);
  // Losses with a total, less an advance: the net ask is the claim.
  CaseRecord net = Judgment(
      "原告孙某向本院提出诉讼请求：判令被告赔偿医疗费10,000元、误工费5,000元，合计15,000元，"
      "扣除被告已垫付的2,000元，要求赔偿13,000元。事实和理由：被告致原告受伤。\n"
      "本院认为，被告应当赔偿。",
      "被告钱某于本判决生效之日起十日内赔偿原告孙某13,000元。\n");
  REQUIRE(net.claim_fen);
  CHECK(*net.claim_fen == 1300000);
}

TEST_CASE("起诉要求： opens the request", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某诉称，被告向原告借款1,000,000元，约定半年归还。现起诉要求：1."
      "依法判令被告归还原告借款"
      "本金1,000,000元及利息；2.本案诉讼费用由被告承担。\n本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款本金1,000,000元。\n");
  REQUIRE(r.claim_fen);
  CHECK(*r.claim_fen == 100000000);
}

TEST_CASE("a changed request is the claim, without the agent's fee", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某向本院提出诉讼请求：判令被告归还借款30,000元。审理中，孙某变更诉讼请求为判令被告"
      "归还借款本金14,000元及原告支付的律师代理费3,000元。事实和理由：被告借款未还。\n"
      "本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款14,000元。\n");
  REQUIRE(r.claim_fen);
  CHECK(*r.claim_fen == 1400000);
}

TEST_CASE("the evidence a party submits is not listed", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某诉称，被告借款5万元未还，请求判令：被告归还借款5万元。"
      "原告为支持其诉请，向本院提交了以下证据：借条一份，证明被告向原告借款5万元的事实。\n"
      "经审理查明：被告钱某向原告借款50,000元。\n本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款50,000元。\n");
  CHECK(Sections(r) == std::vector<std::string>{"5万元@claims", "5万元@claims", "50,000元@facts",
                                                "50,000元@decision", "50元@fee"});
  CHECK(*r.claim_fen == 5000000);
}

TEST_CASE("a unit price in a decision item is not awarded", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某向本院提出诉讼请求：1.被告退还货款1,280元；2.被告支付赔偿金12,800元。"
      "事实和理由：原告购买的商品不合格。\n本院认为，被告应当退款并赔偿。",
      "一、被告钱某于本判决生效之日起十日内退还原告孙某货款1,280元，原告孙某退还被告钱某商品10盒，"
      "如不能退还，则按每盒128元的价格在上述货款中折抵；\n"
      "二、被告钱某于本判决生效之日起十日内支付原告孙某赔偿金12,800元。\n");
  REQUIRE(r.award_fen);
  CHECK(*r.award_fen == 1408000);
}

// A second-instance judgment: the lower court's reasoning restates its decision (and fee),
// and this court's reasoning mentions what the lower court found.
std::string Appeal(const std::string& restated, const std::string& decision) {
  return "上海市某某中级人民法院\n民事判决书\n（2022）沪01民终200号\n"
         "上诉人（原审被告）：上海某某科技有限公司，住所地上海市。\n"
         "被上诉人（原审原告）：上海某某通信有限公司，住所地上海市。\n"
         "上诉人上海某某科技有限公司（以下简称某某科技公司）因与被上诉人上海某某通信有限公司"
         "（以下简称某某通信公司）侵害专利权纠纷一案，不服上海市某某区人民法院（2021）沪0101民初9号"
         "民事判决，向本院提起上诉。本院于2022年1月5日立案后，依法组成合议庭进行了审理。\n"
         "某某科技公司上诉请求：撤销原判，驳回某某通信公司的全部诉讼请求。\n"
         "某某通信公司向一审法院提出诉讼请求：某某科技公司赔偿经济损失500万元。\n"
         "一审法院认定事实：某某科技公司的销售额约2亿元。\n"
         "一审法院认为，某某科技公司构成侵权，判决：" +
         restated +
         "\n本院二审查明的事实与一审相同。\n"
         "本院认为，赔偿数额是否适当。经审查，一审法院认定其赔偿数额为300万元，并无不当。"
         "依照《中华人民共和国民事诉讼法》第一百七十七条之规定，判决如下：\n" +
         decision + "\n二审案件受理费30,800元，由上海某某科技有限公司负担。\n本判决为终审判决。\n" +
         kSignature;
}

TEST_CASE("a restated lower decision is facts, and 维持原判 upholds its award",
          "[case_extract][amounts]") {
  CaseRecord r = ExtractCase(Appeal("一、某某科技公司赔偿某某通信公司经济损失人民币3,000,000元；"
                                    "二、驳回某某通信公司的其余诉讼请求。一审案件受理费46,800元，"
                                    "由某某通信公司负担18,720元，某某科技公司负担28,080元。",
                                    "驳回上诉，维持原判。"),
                             ExtractOptions{});
  CHECK(Sections(r) == std::vector<std::string>{
                           "500万元@claims", "2亿元@facts", "人民币3,000,000元@facts",
                           "46,800元@facts", "18,720元@facts", "28,080元@facts", "30,800元@fee"});
  REQUIRE(r.award_fen);
  CHECK(*r.award_fen == 300000000);
  CHECK(*r.claim_fen == 500000000);
  CHECK(*r.fee_fen == 3080000);
  CHECK(r.outcome == "judgment");
}

TEST_CASE("a payee whose name starts with another party's name is that party",
          "[case_extract][amounts]") {
  // 钱明 (the appellant, 原审被告) is a prefix of 钱明华 (原审原告): 赔偿钱明华 pays the plaintiff.
  std::string text =
      "上海市第一中级人民法院\n民事判决书\n（2024）沪01民终100号\n"
      "上诉人（原审被告）：钱明，男，1978年9月7日生，汉族，住上海市浦东新区。\n"
      "被上诉人（原审原告）：钱明华，男，2000年4月23日生，汉族，住上海市浦东新区。\n"
      "上诉人钱明因与被上诉人钱明华机动车交通事故责任纠纷一案，不服上海市浦东新区人民法院（2024）"
      "沪0115民初100号民事判决，向本院提起上诉。本案现已审理终结。\n"
      "钱明上诉请求：撤销一审判决，发回重审。\n钱明华辩称，请求驳回上诉，维持原判。\n"
      "钱明华向一审法院起诉请求：钱明赔偿医疗费等各项损失80,000元。\n"
      "一审法院认定事实：2022年6月2日，钱明驾车与钱明华发生碰撞。\n"
      "一审法院认为，钱明负事故全部责任。一审法院判决：一、钱明于判决生效之日起十日内赔偿钱明华"
      "各项损失48,356.04元；二、驳回钱明华的其余诉讼请求。\n"
      "本院认为，一审判决并无不当。依照《中华人民共和国民事诉讼法》第一百七十七条第一款第一项规定，"
      "判决如下：\n驳回上诉，维持原判。\n二审案件受理费50元，由上诉人钱明负担。\n"
      "本判决为终审判决。\n审　判　长　　赵某\n二〇二四年九月二十四日\n书　记　员　　周某\n";
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  REQUIRE(r.award_fen);
  CHECK(*r.award_fen == 4835604);
  CHECK(*r.claim_fen == 8000000);
}

TEST_CASE("a ruling's application in the 案件由来 is its claims, not a claim",
          "[case_extract][amounts]") {
  std::string text =
      "上海市某某区人民法院\n民事裁定书\n（2023）沪0101民初300号之一\n"
      "申请人（原告）：上海某某广告有限公司，住所地上海市。\n"
      "被申请人（被告）：上海某某文化有限公司，住所地上海市。\n"
      "本院在审理原告上海某某广告有限公司与被告上海某某文化有限公司服务合同纠纷一案中，申请人于"
      "2023年4月3日向本院提出财产保全申请，请求冻结被申请人名下银行存款500,000元。\n"
      "本院经审查认为，申请人的申请符合法律规定。依照《中华人民共和国民事诉讼法》第一百零三条之规定"
      "，"
      "裁定如下：\n冻结被申请人上海某某文化有限公司名下银行存款人民币500,000元。\n"
      "案件申请费3,020元，由申请人负担。\n本裁定立即开始执行。\n" +
      std::string(kSignature);
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(Sections(r) ==
        std::vector<std::string>{"500,000元@claims", "人民币500,000元@decision", "3,020元@fee"});
  CHECK(!r.claim_fen);
  CHECK(!r.fee_fen);  // a 申请费 is not a 案件受理费
  CHECK(r.outcome == "granted");
}

TEST_CASE("a statutory warning's bound is not an amount", "[case_extract][amounts]") {
  std::string text =
      "上海市某某区人民法院\n民事裁定书\n（2022）沪0101民保令5号\n"
      "申请人：李某，女，1990年1月1日出生，汉族，住上海市。\n"
      "被申请人：王某，男，1988年1月1日出生，汉族，住上海市。\n"
      "申请人李某于2022年3月1日向本院申请人身安全保护令。\n"
      "经审查查明：被申请人曾殴打申请人。\n本院认为，申请符合条件。依照《中华人民共和国反家庭暴力法"
      "》"
      "第二十九条之规定，裁定如下：\n一、禁止被申请人王某对申请人李某实施家庭暴力。\n"
      "如被申请人违反上述禁令，本院将视情节轻重，处以训诫、一千元以下罚款、十五日以下拘留。\n" +
      std::string(kSignature);
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(r.amounts.empty());
}

TEST_CASE("a mediation awards what the agreement has paid to the plaintiff",
          "[case_extract][amounts]") {
  std::string head =
      "上海市某某区人民法院\n民事调解书\n（2022）沪0101民初400号\n"
      "原告：孙某，女，1980年1月1日出生，汉族，住上海市。\n"
      "被告：钱某，男，1979年2月2日出生，汉族，住上海市。\n"
      "原告孙某与被告钱某离婚纠纷一案，本院于2022年3月1日立案后，依法适用简易程序进行了审理。\n"
      "本案在审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n";
  std::string tail =
      "上述协议，不违反法律规定，本院予以确认。\n"
      "案件受理费300元，减半收取计150元，由原告孙某负担。\n" +
      std::string(kSignature);
  // Support paid for the child, a value, a price paid to the defendant and a debt borne
  // are not paid to the plaintiff.
  CaseRecord divorce = ExtractCase(
      head +
          "一、原告孙某与被告钱某离婚；\n二、婚生子钱某某随被告钱某生活，原告孙某一次性支付钱某某抚"
          "养费"
          "人民币10万元；\n三、房屋（双方确认价值人民币200万元）归原告孙某所有，原告孙某支付被告钱"
          "某"
          "房屋折价款人民币50万元；\n四、被告钱某所借债务30,000元，由被告钱某负担归还。\n" +
          tail,
      ExtractOptions{});
  CHECK(!divorce.award_fen);
  CHECK(*divorce.fee_fen == 15000);
  // A sum owed and paid off later is paid to the plaintiff.
  CaseRecord loan =
      ExtractCase(head +
                      "一、被告钱某确认尚欠原告孙某借款80,000元，于2022年12月31日前付清；\n"
                      "二、原告孙某放弃其余诉讼请求。\n" +
                      tail,
                  ExtractOptions{});
  REQUIRE(loan.award_fen);
  CHECK(*loan.award_fen == 8000000);
}

TEST_CASE("the 受理费 halved in brackets after it is the fee", "[case_extract][amounts]") {
  CaseRecord r = Judgment(
      "原告孙某向本院提出诉讼请求：判令被告归还借款9,000元。\n"
      "本院认为，借款应当归还。",
      "被告钱某于本判决生效之日起十日内归还原告孙某借款9,000元。\n"
      "案件受理费25元（已减半收取），由被告钱某负担，财产保全费95元，由被告钱某负担。\n");
  REQUIRE(r.fee_fen);
  CHECK(*r.fee_fen == 2500);
}

TEST_CASE("an enforcement ruling's 执行标的 is its claim", "[case_extract][amounts]") {
  std::string text =
      "上海市某某区人民法院\n执行裁定书\n（2023）沪0101执500号\n"
      "申请执行人：孙某，女，1980年1月1日出生，汉族，住上海市。\n"
      "被执行人：钱某，男，1979年2月2日出生，汉族，住上海市。\n"
      "申请执行人孙某与被执行人钱某民间借贷纠纷一案，本院作出的（2022）沪0101民初1号民事判决书已经"
      "发生法律效力。申请执行人孙某于2023年1月5日向本院申请强制执行，本院于同日立案执行，"
      "执行标的为123,456.78元。\n执行过程中，本院未发现被执行人有可供执行的财产。\n"
      "本院认为，本案符合终结本次执行程序的条件。依照《最高人民法院关于适用〈中华人民共和国民事"
      "诉讼法〉的解释》第五百一十七条规定，裁定如下：\n终结本次执行程序。\n"
      "本裁定送达后立即生效。\n" +
      std::string(kSignature);
  CaseRecord r = ExtractCase(text, ExtractOptions{});
  CHECK(Sections(r) == std::vector<std::string>{"123,456.78元@claims"});
  REQUIRE(r.claim_fen);
  CHECK(*r.claim_fen == 12345678);
}

TEST_CASE("allocations: kinds from the vocabulary, shares and prices, in clause order",
          "[case_extract][amounts]") {
  std::vector<Party> parties(2);
  parties[0].name = "林某";
  parties[0].side = "plaintiff";
  parties[1].name = "吴某";
  parties[1].side = "defendant";
  std::vector<Allocation> a = FindAllocations(
      "一、被告吴某于本判决生效之日起十日内支付原告林某理财产品分割款150,000元；\n"
      "二、小型轿车归被告吴某所有，被告吴某支付原告林某车辆折价款60,000元；\n"
      "三、屋内家电归原告林某所有；\n"
      "四、如被告未履行，原告可以抵押物折价或者拍卖、变卖所得价款优先受偿；\n"
      "五、抵押物拍卖、变卖后，其价款超过债权数额的部分归被告吴某所有。",
      parties);
  REQUIRE(a.size() == 4);
  CHECK((a[0].to == "plaintiff" && a[0].item == "理财产品" && a[0].fen == 15000000));
  CHECK((a[1].to == "defendant" && a[1].item == "车辆" && !a[1].fen));
  CHECK((a[2].to == "plaintiff" && a[2].item == "折价款" && a[2].fen == 6000000));
  CHECK((a[3].to == "plaintiff" && a[3].item == "动产"));
}

TEST_CASE("outcomes read through restated and set-aside decisions", "[case_extract][amounts]") {
  std::string upheld =
      "原审法院判决：一、准予吕某与韦某离婚；二、婚生子由吕某抚养。一审案件受理费100元。\n"
      "本院认为，上诉请求不能成立。判决如下：\n";
  // The decision is a view into the text, as the extractor passes it.
  auto outcome = [](const std::string& before) {
    std::string text = before + "驳回上诉，维持原判。";
    return ClassifyOutcome("民事判决书", std::string_view(text).substr(before.size()), text);
  };
  CHECK(outcome(upheld) == "judgment");
  std::string refused =
      "原审法院据此判决：对邹某要求某某公司支付赔偿金80,500元的诉讼请求，不予支持。\n"
      "本院认为，上诉请求不能成立。判决如下：\n";
  CHECK(outcome(refused) == "rejected");
  CHECK(ClassifyOutcome("民事判决书",
                        "一、撤销上海市某某区人民法院（2023）沪0101民初1号民事判决；\n"
                        "二、驳回被上诉人某某公司的全部诉讼请求。",
                        "") == "rejected");
  CHECK(ClassifyOutcome("民事裁定书",
                        "驳回申请人翁某的申请。\n申请人、被申请人对本裁定不服的，可以申请复议。",
                        "") == "rejected");
  CHECK(ClassifyOutcome("执行裁定书",
                        "解除对异议人上海市某某区某某商贸有限公司名下银行账户的冻结。",
                        "") == "granted");
}

TEST_CASE("list items and their markers", "[case_extract][amounts]") {
  std::string_view s = "请求：1．归还借款；2、支付利息；（3）承担诉讼费。四、其他";
  std::vector<Span> items = ItemsOf(s);
  REQUIRE(items.size() == 5);
  CHECK(items[0].In(s) == "请求");
  CHECK(items[1].In(s) == "：1．归还借款");
  CHECK(items[4].In(s) == "。四、其他");
  CHECK(ItemMarkerEnd(items[2].In(s)) == std::string_view("；2、").size());
  CHECK(ItemMarkerEndsAt(s, s.find("归还")));
  CHECK(!ItemMarkerEndsAt(s, s.find("借款")));
  CHECK(ItemsOf("第2.5条").size() == 1);
}

}  // namespace
}  // namespace casesift
