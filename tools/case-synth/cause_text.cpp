// The wording of the contract and debt causes, and the dispatch to cause_text_family.cpp.
#include "cause_catalog.h"
#include "cause_text_family.h"
#include "legal_refs.h"
#include "prose_writer.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kPurposes[] = {"资金周转", "经营需要",     "购房",    "做生意",
                                          "装修房屋", "归还他人欠款", "家庭开支"};
constexpr std::string_view kRelations[] = {"朋友", "同事", "老乡", "生意伙伴", "亲戚"};
constexpr std::string_view kTransfers[] = {"银行转账", "微信转账", "支付宝转账", "现金"};

const std::string& Short(const Actor& a) { return a.short_name; }

Date After(const Date& d, int days) { return AddDays(d, days); }

void LoanStory(DocWriter& w, const CasePlan& p, bool court) {
  Rng& rng = w.rng();
  const std::string& lender = Short(p.plaintiffs[0]);
  const std::string& borrower = Short(p.defendants[0]);
  int64_t lent = p.aux_fen[1];
  int64_t repaid = p.aux_fen[0];
  Date due = After(p.event, p.aux_int[1] * 30);
  // Facts both voices tell alike come from the story's own stream, drawn up front.
  Rng facts(p.story_seed);
  int64_t until_suit = DaysFromCivil(p.suit) - DaysFromCivil(due);
  Date repaid_on =
      After(due, static_cast<int>(facts.Range(1, until_suit > 2 ? until_suit - 1 : 1)));
  if (court) {
    w.ArabicDate(p.event);
    w.Fmt("，{}向{}出具借条一份，载明：“今借到{}", borrower, lender, lender);
    w.Money(lent, Section::kFacts, Tally::kNone);
    w.Fmt("，借款期限{}个月。”", p.aux_int[1]);
    std::string_view how = rng.Pick(kTransfers);
    w.Fmt("同日，{}通过{}方式向{}交付借款", lender, how, borrower);
    w.Money(lent, Section::kFacts, Tally::kNone);
    w.Put("。");
  } else {
    switch (rng.Below(3)) {
      case 0: {
        std::string_view relation = rng.Pick(kRelations);
        w.Fmt("{}与{}系{}关系。", lender, borrower, relation);
        w.ArabicDate(p.event);
        std::string_view purpose = rng.Pick(kPurposes);
        w.Fmt("，{}以{}为由向{}借款", borrower, purpose, lender);
        w.Money(lent, Section::kFacts, Tally::kNone, true);
        w.Fmt("，约定借款期限{}个月，年利率{}%，{}当日交付了全部借款，{}出具借条一张。",
              p.aux_int[1], p.aux_int[0], lender, borrower);
        break;
      }
      case 1: {
        w.ArabicDate(p.event);
        std::string_view purpose = rng.Pick(kPurposes);
        w.Fmt("，{}因{}向{}借款", borrower, purpose, lender);
        w.Money(lent, Section::kFacts, Tally::kNone);
        w.Put("，双方约定于");
        w.ArabicDate(due);
        w.Fmt("前归还，{}向{}出具了借条。", borrower, lender);
        break;
      }
      default:
        w.Fmt("{}于", borrower);
        w.ArabicDate(p.event);
        w.Fmt("向{}借款", lender);
        w.Money(lent, Section::kFacts, Tally::kNone);
        w.Fmt("，并出具借条一份，载明借款期限为{}个月。", p.aux_int[1]);
        break;
    }
  }
  if (p.guarantor >= 0) {
    w.Fmt("{}在借条担保人处签字，承诺对上述借款承担连带保证责任。",
          Short(p.defendants[static_cast<size_t>(p.guarantor)]));
  }
  if (repaid > 0) {
    w.Fmt("后{}于", borrower);
    w.ArabicDate(repaid_on);
    w.Put("归还借款");
    w.Money(repaid, Section::kFacts, Tally::kNone);
    w.Put("，余款");
    w.Put(court ? "至今未还。" : "经多次催讨仍未归还。");
  } else {
    w.Put(court ? "借款到期后，" : "借款到期后，经多次催讨，");
    w.Fmt("{}{}", borrower,
          rng.Percent(50) ? "至今未归还借款。" : "均以各种理由推脱，至今分文未还。");
  }
  if (!court) w.Fmt("为维护自身合法权益，{}诉至法院。", lender);
}

void BankLoanStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& bank = Short(p.plaintiffs[0]);
  const std::string& borrower = Short(p.defendants[0]);
  Rng facts(p.story_seed);
  Date upto = After(p.suit, -p.aux_int[1]);
  int64_t span = DaysFromCivil(p.suit) - DaysFromCivil(p.event);
  Date late = After(p.event, static_cast<int>(facts.Range(span / 3, span * 2 / 3)));
  if (p.cause == Cause::kCreditCard) {
    w.Fmt("{}于", borrower);
    w.ArabicDate(p.event);
    w.Fmt("向{}申领信用卡一张，双方签订的《信用卡领用合约》约定了透支利息、违约金等内容。", bank);
    w.Fmt("{}领用该卡后进行了透支消费，但未按约定按期足额还款。截至", borrower);
    w.ArabicDate(upto);
    w.Fmt("，{}尚欠透支本金", borrower);
    w.Money(p.items[0].claim_fen, Section::kFacts, Tally::kNone);
    w.Put("、利息");
    w.Money(p.items[1].claim_fen, Section::kFacts, Tally::kNone);
    w.Put("、违约金");
    w.Money(p.items[2].claim_fen, Section::kFacts, Tally::kNone);
    w.Put(court ? "。" : "，经催收仍未归还。");
    return;
  }
  w.ArabicDate(p.event);
  w.Fmt("，{}与{}签订《个人借款合同》，约定{}向{}发放贷款", borrower, bank, bank, borrower);
  w.Money(p.aux_fen[0], Section::kFacts, Tally::kNone);
  w.Fmt("，借款期限{}个月，按月等额本息还款，逾期按约定利率上浮50%计收罚息。", p.aux_int[0]);
  if (p.defendants.size() > 1) w.Fmt("{}作为共同借款人在合同上签字。", Short(p.defendants[1]));
  w.Fmt("合同签订后，{}依约发放了贷款，但{}自", bank, borrower);
  w.ArabicDate(late);
  w.Put("起未按约还款");
  if (!court) w.Fmt("，{}遂宣布贷款提前到期", bank);
  w.Put("。截至");
  w.ArabicDate(upto);
  w.Fmt("，{}尚欠借款本金", borrower);
  w.Money(p.items[0].claim_fen, Section::kFacts, Tally::kNone);
  w.Put("、利息、罚息及复利");
  w.Money(p.items[1].claim_fen, Section::kFacts, Tally::kNone);
  w.Put("。");
}

void SaleStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& seller = Short(p.plaintiffs[0]);
  const std::string& buyer = Short(p.defendants[0]);
  Rng facts(p.story_seed);
  Date promised = After(p.event, static_cast<int>(facts.Range(30, 180)));
  int term = facts.Percent(50) ? 30 : 60;
  Date reconciled = After(p.suit, -static_cast<int>(facts.Range(20, 150)));
  if (p.cause == Cause::kArrears) {
    w.Fmt("因业务往来，{}结欠{}款项，并于", buyer, seller);
    w.ArabicDate(p.event);
    w.Put("出具欠条一份，载明欠款金额为");
    w.Money(p.items[0].claim_fen, Section::kFacts, Tally::kNone);
    w.Put("，承诺于");
    w.ArabicDate(promised);
    w.Fmt("前付清。到期后{}未履行付款义务。", buyer);
    return;
  }
  w.Fmt("{}与{}自", seller, buyer);
  w.ArabicDate(p.event);
  w.Fmt("起建立{}买卖关系，双方签订《购销合同》，约定由{}向{}供应{}，{}于收货后{}日内付款。",
        p.aux_word[0], seller, buyer, p.aux_word[0], buyer, term);
  w.Fmt("合同签订后，{}按约履行了供货义务，累计供货金额", seller);
  w.Money(p.aux_fen[1], Section::kFacts, Tally::kNone);
  w.Fmt("，{}已付款", buyer);
  w.Money(p.aux_fen[0], Section::kFacts, Tally::kNone, true);
  w.Put("，尚欠货款");
  w.Money(p.items[0].claim_fen, Section::kFacts, Tally::kNone);
  w.Put("未付。");
  if (court) {
    w.ArabicDate(reconciled);
    w.Fmt("，双方进行对账，{}在对账单上盖章确认了上述欠款。", buyer);
  } else {
    w.Fmt("{}多次催讨未果，遂诉至法院。", seller);
  }
  if (!p.thirds.empty()) {
    w.Fmt("{}系部分货物的实际收货人。", Short(p.thirds[0]));
  }
}

void PrepaidStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& client = Short(p.plaintiffs[0]);
  const std::string& shop = Short(p.defendants[0]);
  Rng facts(p.story_seed);
  int64_t span = DaysFromCivil(p.suit) - DaysFromCivil(p.event);
  Date stopped = After(p.event, static_cast<int>(facts.Range(span / 4, span * 3 / 4)));
  uint32_t stop = p.cause == Cause::kEducation ? 1 + facts.Below(2) : facts.Below(3);
  w.ArabicDate(p.event);
  if (p.cause == Cause::kEducation) {
    w.Fmt("，{}为其子女{}与{}签订《{}培训服务协议》，购买{}课程{}课时，支付培训费", client,
          p.aux_name, shop, p.aux_word[0], p.aux_word[0], p.aux_int[1]);
    w.Money(p.aux_fen[0], Section::kFacts, Tally::kNone);
    w.Fmt("。{}实际上课{}课时后，", p.aux_name, p.aux_int[0]);
  } else {
    w.Fmt("，{}在{}处办理{}会员卡（预付卡），支付费用", client, shop, p.aux_word[0]);
    w.Money(p.aux_fen[0], Section::kFacts, Tally::kNone);
    w.Fmt("，双方约定{}为{}提供{}次{}服务。{}消费{}次后，", shop, client, p.aux_int[1],
          p.aux_word[0], client, p.aux_int[0]);
  }
  w.Fmt("{}于", shop);
  w.ArabicDate(stopped);
  static constexpr std::string_view kStops[] = {"起停止营业", "起关门停课，无法继续提供服务",
                                                "擅自搬离原经营场所，剩余服务无法履行"};
  w.Put(kStops[stop]);
  w.Put("。");
  if (!court) {
    w.Fmt("{}多次要求{}退还剩余费用，{}均予推诿，故诉至法院。", client, shop, shop);
  } else {
    w.Fmt("{}未向{}退还剩余费用。", shop, client);
  }
}

void PropertyStory(DocWriter& w, const CasePlan& p, bool court) {
  Rng& rng = w.rng();
  const std::string& manager = Short(p.plaintiffs[0]);
  const std::string& owner = Short(p.defendants[0]);
  Rng facts(p.story_seed);
  Date since = After(p.event, -static_cast<int>(facts.Range(100, 2000)));
  std::string_view contract = facts.Percent(50) ? "前期" : "";
  w.Fmt("{}系{}房屋的{}。{}系该小区的物业服务企业，自", owner, p.aux_text,
        rng.Percent(50) ? "业主" : "所有权人", manager);
  w.ArabicDate(since);
  w.Fmt("起依据《{}物业服务合同》为该小区提供物业服务。", contract);
  w.Fmt("{}自", owner);
  w.ArabicDate(p.event);
  w.Put("起至");
  w.ArabicDate(After(p.event, p.aux_int[0] * 30));
  w.Put("止未缴纳物业服务费，共计");
  w.Money(p.items[0].claim_fen, Section::kFacts, Tally::kNone);
  w.Put(court ? "。" : "，经多次催缴仍未缴纳。");
}

void LabourStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& worker = Short(p.plaintiffs[0]);
  const std::string& firm = Short(p.defendants[0]);
  w.Fmt("{}于", worker);
  w.ArabicDate(p.event);
  w.Fmt("入职{}，担任{}，月工资", firm, p.aux_word[0]);
  w.Money(p.aux_fen[0], Section::kFacts, Tally::kNone);
  w.Put("。");
  Rng facts(p.story_seed);
  Date left = After(p.suit, -static_cast<int>(facts.Range(60, 150)));
  std::string_view why = facts.Percent(50) ? "经营调整" : "严重违反规章制度";
  Date award = After(left, static_cast<int>(facts.Range(40, 55)));
  w.ArabicDate(left);
  w.Fmt("，{}以{}为由解除了与{}的劳动关系，且未结清工资。", firm, why, worker);
  w.Fmt("{}向{}{}劳动人事争议仲裁委员会申请仲裁，该委于", worker, p.court->city, p.court->district);
  w.ArabicDate(award);
  w.Put("作出仲裁裁决");
  if (!court) w.Fmt("，{}不服，遂诉至法院", worker);
  w.Put("。");
}

std::string_view Defence(DocWriter& w, const CasePlan& p, size_t i) {
  Rng& rng = w.rng();
  static constexpr std::string_view kLoan[] = {
      "借款属实，但因经营困难暂无力偿还，请求法院酌情给予宽限期",
      "对借款事实无异议，但约定的利息过高，不同意按原告主张的标准支付利息",
      "其已经归还了部分款项，原告主张的金额有误，应予扣除"};
  static constexpr std::string_view kBank[] = {
      "对欠款事实无异议，因家庭经济困难无力一次性偿还，希望分期还款",
      "原告主张的利息、罚息及复利计算标准过高，请求法院依法调整"};
  static constexpr std::string_view kSale[] = {
      "双方确有买卖关系，但原告供应的货物存在质量问题，其有权拒付相应货款",
      "对欠款金额有异议，双方尚未进行最终结算"};
  static constexpr std::string_view kPrepaid[] = {
      "其并非恶意停业，系因经营困难暂停营业，愿意继续提供服务，不同意退款",
      "原告已实际消费的部分应按单次价格计算，剩余金额不足原告主张的数额"};
  static constexpr std::string_view kProperty[] = {
      "小区物业服务质量差，电梯经常故障、垃圾清运不及时，故拒绝缴纳物业费",
      "其房屋长期空置，应减免部分物业费"};
  static constexpr std::string_view kLabour[] = {
      "原告系自行离职，公司不存在违法解除劳动合同的情形，不同意支付赔偿金",
      "公司已足额支付原告工资，不存在拖欠"};
  static constexpr std::string_view kTraffic[] = {
      "对事故经过及责任认定无异议，肇事车辆在其公司投保了交强险和商业三者险，同意在保险责任范围内依"
      "法赔偿，但原告主张的部分费用过高",
      "其车辆已投保，原告的损失应由保险公司赔偿"};
  static constexpr std::string_view kTrademark[] = {
      "其销售的商品有合法来源，不知道是侵权商品，不应承担赔偿责任",
      "原告主张的赔偿数额过高，缺乏依据"};
  static constexpr std::string_view kDivorce[] = {
      "不同意离婚，双方感情尚未破裂，希望原告给予改过的机会", "同意离婚，但要求子女由其抚养",
      "同意离婚，但对财产分割有异议"};
  std::string_view text;
  if (static_cast<int>(i) == p.guarantor) {
    text = "保证期间已经届满，其不应再承担保证责任";
  } else {
    switch (p.cause) {
      case Cause::kPrivateLoan:
      case Cause::kArrears:
        text = rng.Pick(kLoan);
        break;
      case Cause::kFinancialLoan:
      case Cause::kCreditCard:
        text = rng.Pick(kBank);
        break;
      case Cause::kSale:
        text = rng.Pick(kSale);
        break;
      case Cause::kService:
      case Cause::kEducation:
        text = rng.Pick(kPrepaid);
        break;
      case Cause::kPropertyFee:
        text = rng.Pick(kProperty);
        break;
      case Cause::kLabour:
        text = rng.Pick(kLabour);
        break;
      case Cause::kTraffic:
        text = p.defendants[i].type == ActorType::kBranch ? kTraffic[0] : kTraffic[1];
        break;
      case Cause::kTrademark:
        text = rng.Pick(kTrademark);
        break;
      default:
        text = rng.Pick(kDivorce);
        break;
    }
  }
  return text;
}

void TellStory(DocWriter& w, const CasePlan& plan, bool court_voice) {
  switch (plan.cause) {
    case Cause::kPrivateLoan:
      LoanStory(w, plan, court_voice);
      break;
    case Cause::kFinancialLoan:
    case Cause::kCreditCard:
      BankLoanStory(w, plan, court_voice);
      break;
    case Cause::kSale:
    case Cause::kArrears:
      SaleStory(w, plan, court_voice);
      break;
    case Cause::kService:
    case Cause::kEducation:
      PrepaidStory(w, plan, court_voice);
      break;
    case Cause::kPropertyFee:
      PropertyStory(w, plan, court_voice);
      break;
    case Cause::kLabour:
      LabourStory(w, plan, court_voice);
      break;
    case Cause::kTraffic:
      TrafficStory(w, plan, court_voice);
      break;
    case Cause::kTrademark:
      TrademarkStory(w, plan, court_voice);
      break;
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      DivorceStory(w, plan, court_voice);
      break;
  }
}

}  // namespace

void WriteStory(DocWriter& w, const CasePlan& plan, bool court_voice) {
  // The plaintiff's story (事实和理由, 诉称) belongs to the claims.
  Section saved = w.set_story_section(court_voice ? Section::kFacts : Section::kClaims);
  TellStory(w, plan, court_voice);
  w.set_story_section(saved);
}

void WriteDefence(DocWriter& w, const CasePlan& plan, std::string_view role) {
  Rng& rng = w.rng();
  for (size_t i = 0; i < plan.defendants.size(); ++i) {
    const Actor& d = plan.defendants[i];
    w.BeginParagraph();
    if (plan.absent & (1u << i)) {
      w.Fmt("{}{}经本院合法传唤，无正当理由拒不到庭参加诉讼，亦未提交书面答辩意见。", role,
            d.short_name);
    } else if (rng.Percent(12)) {
      w.Fmt("{}{}未作答辩。", role, d.short_name);
    } else {
      w.Fmt("{}{}辩称{}", role, d.short_name, rng.Percent(60) ? "，" : "：");
      WriteDefenceArguments(w, plan, i, Defence(w, plan, i));
    }
    w.EndParagraph();
  }
}

void WriteReasoning(DocWriter& w, const CasePlan& p) {
  Rng& rng = w.rng();
  const std::string& plaintiff = p.plaintiffs[0].short_name;
  const std::string& defendant = p.defendants[0].short_name;
  switch (p.cause) {
    case Cause::kPrivateLoan:
      w.Fmt(
          "合法的借贷关系受法律保护。{}与{}之间的民间借贷关系有借条、转账凭证等证据为证，"
          "且不违反法律、行政法规的强制性规定，应属合法有效。{}未按约定归还借款，应当承担相应的"
          "民事责任。",
          plaintiff, defendant, defendant);
      if (p.guarantor >= 0) {
        w.Fmt("{}作为保证人，应当对上述债务承担连带清偿责任。",
              p.defendants[static_cast<size_t>(p.guarantor)].short_name);
      }
      break;
    case Cause::kFinancialLoan:
    case Cause::kCreditCard:
      w.Fmt(
          "{}与{}签订的合同系双方真实意思表示，内容不违反法律、行政法规的强制性规定，合法有效。"
          "{}依约履行了合同义务，{}未按约还款，已构成违约，应当承担归还本金并支付利息等违约责任。",
          plaintiff, defendant, plaintiff, defendant);
      break;
    case Cause::kArrears:
      w.Fmt(
          "合法的债务应当清偿。{}向{}出具的欠条系其真实意思表示，双方之间的债权债务关系明确，"
          "{}应当按约支付欠款。",
          defendant, plaintiff, defendant);
      break;
    case Cause::kSale:
      w.Fmt(
          "当事人应当按照约定全面履行自己的义务。{}已依约履行了供货义务，{}应当按约支付货款。"
          "{}虽主张存在质量问题，但未提供证据予以证明，本院不予采信。",
          plaintiff, defendant, defendant);
      break;
    case Cause::kService:
    case Cause::kEducation:
      w.Fmt(
          "{}与{}之间的服务合同关系依法成立并有效。{}未能按约提供服务，致使合同目的无法实现，"
          "{}"
          "要求解除合同并退还剩余费用，于法有据。关于退款金额，本院根据已消费的情况酌情予以确定。",
          plaintiff, defendant, defendant, plaintiff);
      break;
    case Cause::kPropertyFee:
      w.Fmt(
          "依法订立的物业服务合同对业主具有法律约束力。{}已按约提供了物业服务，{}应当按照约定支付"
          "物业费。{}以物业服务存在瑕疵为由拒绝缴纳物业费，缺乏依据，本院不予支持。",
          plaintiff, defendant, defendant);
      break;
    case Cause::kLabour:
      w.Fmt(
          "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。{}"
          "未能举证证明已足额"
          "支付{}工资，应承担举证不能的不利后果。",
          defendant, plaintiff);
      break;
    case Cause::kTraffic:
      TrafficReasoning(w, p);
      break;
    case Cause::kTrademark:
      TrademarkReasoning(w, p);
      break;
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      DivorceReasoning(w, p);
      break;
  }
  if (p.absent != 0 && rng.Percent(70)) {
    w.Put(
        "被告经本院合法传唤无正当理由拒不到庭参加诉讼，视为放弃答辩和质证的权利，"
        "由此产生的不利后果由其自行承担。");
  }
}

void WriteLawBasis(DocWriter& w, const CasePlan& p) {
  bool code = CivilCode(p.decided);
  std::string_view basis;
  switch (p.cause) {
    case Cause::kPrivateLoan:
      basis = code ? "《中华人民共和国民法典》第六百六十七条、第六百七十五条、第六百七十六条"
                   : "《中华人民共和国合同法》第一百九十六条、第二百零六条、第二百零七条";
      break;
    case Cause::kFinancialLoan:
      basis = code ? "《中华人民共和国民法典》第六百七十四条、第六百七十五条、第六百七十六条"
                   : "《中华人民共和国合同法》第二百零五条、第二百零六条、第二百零七条";
      break;
    case Cause::kCreditCard:
      basis = code ? "《中华人民共和国民法典》第五百零九条、第五百七十七条、第六百七十五条"
                   : "《中华人民共和国合同法》第六十条、第一百零七条、第二百零六条";
      break;
    case Cause::kSale:
      basis = code ? "《中华人民共和国民法典》第五百零九条、第五百七十七条、第五百七十九条、第六百"
                     "二十六条"
                   : "《中华人民共和国合同法》第六十条、第一百零七条、第一百零九条、第一百五十九条";
      break;
    case Cause::kService:
    case Cause::kEducation:
      basis = code ? "《中华人民共和国民法典》第五百零九条、第五百六十三条、第五百六十六条、第五百"
                     "七十七条"
                   : "《中华人民共和国合同法》第六十条、第九十四条、第九十七条、第一百零七条";
      break;
    case Cause::kPropertyFee:
      basis = code ? "《中华人民共和国民法典》第九百三十七条、第九百三十九条、第九百四十四条"
                   : "《中华人民共和国合同法》第一百零七条，《物业管理条例》第七条、第四十二条";
      break;
    case Cause::kArrears:
      basis = code ? "《中华人民共和国民法典》第五百零九条、第五百七十七条"
                   : "《中华人民共和国合同法》第六十条、第一百零七条";
      break;
    case Cause::kTraffic:
      basis =
          code
              ? "《中华人民共和国民法典》第一千一百七十九条、第一千一百八十三条、第一千二百零八条、"
                "第一千二百一十三条，《中华人民共和国道路交通安全法》第七十六条"
              : "《中华人民共和国侵权责任法》第六条、第十六条、第二十二条、第四十八条，"
                "《中华人民共和国道路交通安全法》第七十六条";
      break;
    case Cause::kLabour:
      basis =
          "《中华人民共和国劳动合同法》第三十条、第四十七条、第四十八条、第八十二条、第八十七条";
      break;
    case Cause::kTrademark:
      basis = "《中华人民共和国商标法》第四十八条、第五十七条第（三）项、第六十条、第六十三条";
      break;
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      if (p.rejected) {
        basis = code ? "《中华人民共和国民法典》第一千零七十九条"
                     : "《中华人民共和国婚姻法》第三十二条";
      } else {
        basis =
            code ? "《中华人民共和国民法典》第一千零七十九条、第一千零八十四条、第一千零八十五条、"
                   "第一千零八十七条"
                 : "《中华人民共和国婚姻法》第三十二条、第三十七条、第三十九条";
      }
      break;
  }
  w.Put(basis);
}

}  // namespace casesift::synth
