#include "cause_catalog.h"

#include <algorithm>

namespace casesift::synth {
namespace {

constexpr CauseSpec kSpecs[] = {
    {"民间借贷纠纷", true, false, FeeRule::kProperty},
    {"金融借款合同纠纷", true, false, FeeRule::kProperty},
    {"信用卡纠纷", true, false, FeeRule::kProperty},
    {"买卖合同纠纷", true, false, FeeRule::kProperty},
    {"服务合同纠纷", true, false, FeeRule::kProperty},
    {"教育培训合同纠纷", true, false, FeeRule::kProperty},
    {"物业服务合同纠纷", true, false, FeeRule::kProperty},
    {"欠款纠纷", false, false, FeeRule::kProperty},
    {"机动车交通事故责任纠纷", true, false, FeeRule::kProperty},
    {"劳动争议", true, false, FeeRule::kLabour},
    {"侵害商标权纠纷", true, false, FeeRule::kProperty},
    {"离婚纠纷", true, true, FeeRule::kDivorce},
    {"申请人身安全保护令", true, true, FeeRule::kNone},
};

// Weights per kind over the causes in enum order (the last, 保护令, only for kProtection).
constexpr uint32_t kMix[][13] = {
    {22, 10, 8, 12, 6, 6, 8, 3, 10, 6, 3, 6, 0},   // judgment
    {25, 5, 0, 15, 5, 5, 5, 2, 15, 13, 5, 5, 0},   // appeal
    {25, 6, 8, 15, 8, 8, 10, 4, 8, 0, 0, 8, 0},    // ruling
    {20, 0, 0, 10, 5, 5, 5, 0, 15, 5, 0, 35, 0},   // mediation
    {35, 10, 10, 20, 0, 0, 5, 5, 10, 5, 0, 0, 0},  // enforcement
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},       // protection
};

constexpr std::string_view kGoods[] = {"钢材",     "建筑材料", "电子元器件", "食品原料",
                                       "服装面料", "五金配件", "办公家具",   "包装材料",
                                       "水泥",     "电线电缆"};
constexpr std::string_view kServices[] = {"健身", "美容护理", "美发", "游泳", "瑜伽", "洗车"};
constexpr std::string_view kCourses[] = {"英语",     "少儿编程", "美术", "钢琴",
                                         "数学思维", "舞蹈",     "围棋", "书法"};
constexpr std::string_view kVehicles[] = {"小型轿车", "小型普通客车", "轻型厢式货车",
                                          "重型半挂牵引车", "小型越野客车"};
constexpr std::string_view kResponsibility[] = {"全部责任", "主要责任", "同等责任"};
constexpr std::string_view kJobs[] = {"销售经理", "行政专员", "厨师", "仓库管理员", "软件工程师",
                                      "保安",     "司机",     "会计", "客服专员"};

int AgentCount(Rng& rng, bool org) {
  static constexpr uint32_t kPerson[] = {45, 40, 15};
  static constexpr uint32_t kOrg[] = {5, 70, 25};
  return static_cast<int>(rng.Weighted(org ? kOrg : kPerson));
}

void WithAgents(Rng& rng, ActorFactory& f, Actor actor, std::vector<Actor>* group) {
  f.AddAgents(&actor, AgentCount(rng, actor.type != ActorType::kPerson));
  group->push_back(std::move(actor));
}

// Interest, penalties and the costs of enforcing the right: not part of the claimed or
// awarded money (tests/data/case-extract/README.md, claim_yuan).
bool Ancillary(std::string_view label) {
  static constexpr std::string_view kWords[] = {"利息",   "违约金",   "滞纳金",
                                                "律师费", "合理开支", "鉴定费"};
  for (std::string_view w : kWords) {
    if (label.find(w) != std::string_view::npos) return true;
  }
  return false;
}

ClaimItem Item(std::string_view verb, std::string_view label, int64_t claim, int64_t award) {
  ClaimItem item;
  item.excluded = Ancillary(label);
  item.verb = verb;
  item.label = label;
  item.claim_fen = claim;
  item.award_fen = award;
  return item;
}

int64_t Percent(int64_t fen, int64_t pct, int64_t round_fen) {
  int64_t v = fen * pct / 100 / round_fen * round_fen;
  return v > 0 ? v : round_fen;
}

void PlanLoan(Rng& rng, ActorFactory& f, CasePlan* p) {
  if (rng.Percent(20)) {
    Actor a = f.Person(false);
    Actor b = f.Person(true);
    f.AddAgents(&a, 1 + static_cast<int>(rng.Below(2)));
    p->plaintiffs.push_back(std::move(a));
    WithAgents(rng, f, std::move(b), &p->plaintiffs);
    p->shared_plaintiff_agents = rng.Percent(70);
  } else {
    WithAgents(rng, f, f.Person(), &p->plaintiffs);
  }
  uint32_t shape = rng.Below(100);
  if (shape < 5) {
    WithAgents(rng, f, f.Company(Industry::kGeneral), &p->defendants);
  } else {
    WithAgents(rng, f, f.Person(), &p->defendants);
  }
  if (shape < 20 || shape >= 75) {
    WithAgents(rng, f, f.Person(shape >= 75 ? !p->defendants[0].female : rng.Percent(40)),
               &p->defendants);
    if (shape < 20) p->guarantor = 1;
  }
  int64_t principal = RoundAmount(rng, 10000, 2000000);
  p->aux_fen[0] = rng.Percent(30) ? RoundAmount(rng, 1000, principal / 200) : 0;  // repaid
  p->aux_fen[1] = principal + p->aux_fen[0];                                      // lent
  static constexpr int kRates[] = {6, 8, 10, 12, 15, 18, 24};
  static constexpr int kMonths[] = {3, 6, 12, 24};
  p->aux_int[0] = rng.Pick(kRates);
  p->event = AddDays(p->suit, -rng.Range(120, 1500));
  // The loan fell due at least a month before the suit.
  int64_t span = DaysFromCivil(p->suit) - DaysFromCivil(p->event);
  do {
    p->aux_int[1] = rng.Pick(kMonths);
  } while (p->aux_int[1] * 30 > span - 30 && p->aux_int[1] > 3);
  ClaimItem item = Item("归还", "借款本金", principal, principal);
  Date from = AddDays(p->event, p->aux_int[1] * 30);
  item.tail =
      fmt::format("及利息（以借款本金为基数，自{}年{}月{}日起按年利率{}%计算至实际清偿之日止）",
                  from.year, from.month, from.day, p->aux_int[0]);
  if (rng.Percent(30)) item.tail.clear();
  p->items.push_back(std::move(item));
  if (rng.Percent(15)) {
    int64_t fee = RoundAmount(rng, 3000, 30000);
    p->items.push_back(Item("支付", "律师费", fee, rng.Percent(50) ? fee : 0));
  }
}

void PlanFinancialLoan(Rng& rng, ActorFactory& f, CasePlan* p, bool card) {
  WithAgents(rng, f, f.Bank(card), &p->plaintiffs);
  p->aux_int[1] = static_cast<int>(rng.Range(3, 40));  // debts counted up to this many days
                                                       // before the suit
  WithAgents(rng, f, f.Person(), &p->defendants);
  if (!card && rng.Percent(30)) {
    WithAgents(rng, f, f.Person(!p->defendants[0].female), &p->defendants);
  }
  p->event = AddDays(p->suit, -rng.Range(300, 2500));
  if (card) {
    int64_t principal = OddAmount(rng, 3000, 200000);
    int64_t interest = OddAmount(rng, principal / 2000, principal / 400);
    int64_t penalty = OddAmount(rng, principal / 10000, principal / 2000);
    p->items.push_back(Item("归还", "透支本金", principal, principal));
    p->items.push_back(Item("支付", "利息", interest, interest));
    p->items.push_back(Item("支付", "违约金", penalty, rng.Percent(70) ? penalty : penalty / 2));
    return;
  }
  int64_t principal = OddAmount(rng, 20000, 3000000);
  static constexpr int kMonths[] = {12, 24, 36, 60, 120, 240};
  p->aux_int[0] = rng.Pick(kMonths);
  p->aux_fen[0] = std::max(principal, RoundAmount(rng, principal / 100, principal / 50));
  int64_t interest = OddAmount(rng, principal / 5000, principal / 800);
  p->items.push_back(Item("归还", "借款本金", principal, principal));
  ClaimItem i = Item("支付", "利息、罚息及复利", interest, interest);
  Date upto = AddDays(p->suit, -p->aux_int[1]);
  i.tail = fmt::format("（暂计至{}年{}月{}日，此后按合同约定计算至实际清偿之日止）", upto.year,
                       upto.month, upto.day);
  p->items.push_back(std::move(i));
  if (rng.Percent(30)) {
    int64_t fee = RoundAmount(rng, 5000, 50000);
    p->items.push_back(Item("支付", "律师费", fee, rng.Percent(60) ? fee : 0));
  }
}

void PlanSale(Rng& rng, ActorFactory& f, CasePlan* p, bool arrears) {
  if (arrears && rng.Percent(50)) {
    WithAgents(rng, f, f.Person(), &p->plaintiffs);
  } else {
    WithAgents(rng, f, f.Company(Industry::kTrade), &p->plaintiffs);
  }
  uint32_t d = rng.Below(100);
  if (arrears && d < 40) {
    WithAgents(rng, f, f.Person(), &p->defendants);
  } else if (d < 70) {
    WithAgents(rng, f, f.Company(Industry::kGeneral), &p->defendants);
  } else {
    WithAgents(rng, f, f.SoleTrader(Industry::kTrade), &p->defendants);
  }
  if (!arrears && rng.Percent(10)) {
    WithAgents(rng, f, f.Person(), &p->defendants);
    p->guarantor = 1;
  }
  if (!arrears && rng.Percent(5)) WithAgents(rng, f, f.Company(Industry::kTrade), &p->thirds);
  int64_t owed =
      rng.Percent(40) ? OddAmount(rng, 20000, 5000000) : RoundAmount(rng, 20000, 5000000);
  p->aux_fen[0] = RoundAmount(rng, owed / 1000 + 100, owed / 50);  // paid
  p->aux_fen[1] = owed + p->aux_fen[0];                            // delivered
  p->aux_word[0] = rng.Pick(kGoods);
  p->event = AddDays(p->suit, -rng.Range(200, 1000));
  ClaimItem item = Item("支付", arrears ? "欠款" : "货款", owed, owed);
  if (rng.Percent(50)) {
    item.tail = arrears ? "及逾期付款利息"
                        : "及逾期付款损失（以欠付货款为基数，按全国银行间同业拆借中心公布的一年期贷"
                          "款市场报价利率计算至实际清偿之日止）";
  }
  p->items.push_back(std::move(item));
  if (!arrears && rng.Percent(30)) {
    int64_t penalty = RoundAmount(rng, owed / 5000 + 10, owed / 500 + 20);
    p->items.push_back(
        Item("支付", "违约金", penalty, rng.Percent(50) ? penalty : penalty / 200 * 100));
  }
  p->counterclaim = !arrears && p->kind == Kind::kJudgment && rng.Percent(8);
}

void PlanPrepaid(Rng& rng, ActorFactory& f, CasePlan* p, bool education) {
  Industry industry = education ? Industry::kEducation : Industry::kFitness;
  WithAgents(rng, f, f.Person(), &p->plaintiffs);
  if (rng.Percent(75)) {
    WithAgents(rng, f, f.Company(industry), &p->defendants);
  } else {
    WithAgents(rng, f, f.SoleTrader(industry), &p->defendants);
  }
  int64_t paid = RoundAmount(rng, education ? 3000 : 2000, education ? 80000 : 100000);
  p->aux_fen[0] = paid;
  p->aux_int[1] = static_cast<int>(rng.Range(2, 20)) * 10;         // sessions bought
  p->aux_int[0] = static_cast<int>(rng.Below(p->aux_int[1] / 2));  // sessions used
  int64_t refund = paid * (p->aux_int[1] - p->aux_int[0]) / p->aux_int[1] / 100 * 100;
  if (refund <= 0) refund = paid;
  p->aux_word[0] = education ? rng.Pick(kCourses) : rng.Pick(kServices);
  if (education) p->aux_name = f.Minor(p->plaintiffs[0].name.substr(0, 3), true).name;
  p->event = AddDays(p->suit, -rng.Range(90, 700));
  p->items.push_back(Item("返还", education ? "培训费" : "预付服务费", refund,
                          rng.Percent(75) ? refund : Percent(refund, 80, 100)));
  if (rng.Percent(20)) {
    int64_t penalty = Percent(refund, 20, 100);
    p->items.push_back(Item("支付", "违约金", penalty, rng.Percent(40) ? penalty : 0));
  }
}

void PlanPropertyFee(Rng& rng, ActorFactory& f, CasePlan* p) {
  WithAgents(rng, f, f.Company(Industry::kProperty), &p->plaintiffs);
  WithAgents(rng, f, f.Person(), &p->defendants);
  if (rng.Percent(20)) WithAgents(rng, f, f.Person(!p->defendants[0].female), &p->defendants);
  p->aux_int[0] = static_cast<int>(rng.Range(6, 60));  // months unpaid
  p->aux_text.assign(p->court->city);                  // the flat
  p->aux_text.append(p->court->district);
  AppendStreet(rng, true, &p->aux_text);
  p->event = AddDays(p->suit, -30 * p->aux_int[0] - rng.Range(10, 60));
  int64_t fee = OddAmount(rng, 800, 30000);
  p->items.push_back(Item("支付", "物业服务费", fee, fee));
  if (rng.Percent(40)) {
    int64_t late = OddAmount(rng, fee / 2000 + 1, fee / 300 + 2);
    p->items.push_back(Item("支付", "滞纳金", late, rng.Percent(40) ? late : 0));
  }
}

void PlanTraffic(Rng& rng, ActorFactory& f, CasePlan* p) {
  if (rng.Percent(15)) {
    Actor minor = f.Minor(PickSurname(rng), false);
    f.AddGuardian(&minor);
    f.AddAgents(&minor, static_cast<int>(rng.Below(2)));
    p->plaintiffs.push_back(std::move(minor));
  } else {
    WithAgents(rng, f, f.Person(), &p->plaintiffs);
  }
  WithAgents(rng, f, f.Person(rng.Percent(25)), &p->defendants);
  if (rng.Percent(20)) WithAgents(rng, f, f.Company(Industry::kGeneral), &p->defendants);
  bool insured = rng.Percent(95);
  if (insured) WithAgents(rng, f, f.Insurer(), &p->defendants);
  p->event = AddDays(p->suit, -rng.Range(90, 700));
  p->aux_word[0] = rng.Pick(kResponsibility);
  p->aux_word[1] = rng.Pick(kVehicles);
  static constexpr int kLimits[] = {50, 100, 150, 200, 300};
  p->aux_int[0] = rng.Pick(kLimits);
  p->aux_int[1] = insured ? 1 : 0;
  bool disabled = rng.Percent(30);
  // add(label, claim, reduced_pct, keep_chance): the court grants the whole claim with
  // keep_chance percent, otherwise reduced_pct of it. One draw per statement.
  auto add = [&](std::string_view label, int64_t claim, int reduced_pct, uint32_t keep) {
    bool whole = rng.Percent(keep);
    p->items.push_back(Item("赔偿", label, claim, whole ? claim : Percent(claim, reduced_pct, 1)));
  };
  add("医疗费", OddAmount(rng, 2000, 300000), 90, 70);
  add("住院伙食补助费", rng.Range(3, 60) * 10000, 100, 100);
  add("营养费", rng.Range(30, 180) * 3000, 60, 50);
  add("护理费", rng.Range(30, 180) * 12000, 70, 50);
  add("误工费", OddAmount(rng, 3000, 80000), 75, 60);
  add("交通费", RoundAmount(rng, 200, 3000), 50, 50);
  if (disabled) {
    add("残疾赔偿金", OddAmount(rng, 50000, 600000), 100, 100);
    add("精神损害抚慰金", RoundAmount(rng, 5000, 50000), 50, 50);
    add("鉴定费", RoundAmount(rng, 1000, 5000), 100, 100);
  }
  if (rng.Percent(40)) add("财产损失", RoundAmount(rng, 500, 20000), 100, 100);
  int64_t total = 0;  // the damages; an appraisal fee is a cost of the proceedings
  for (const ClaimItem& i : p->items) total += i.excluded ? 0 : i.award_fen;
  // 交强险 limits: 122,000 yuan, and 200,000 for accidents from 2020-09-19.
  bool reformed = DaysFromCivil(p->event) >= DaysFromCivil({2020, 9, 19});
  int64_t compulsory = reformed ? 20000000 : 12200000;
  p->aux_fen[0] = insured ? std::min(total, compulsory) : 0;
  p->aux_fen[1] = insured ? total - p->aux_fen[0] : 0;
  p->aux_fen[2] = insured ? 0 : total;
  if (insured && p->aux_fen[1] > 0 && rng.Percent(30)) {  // part not covered: the driver pays
    p->aux_fen[2] = Percent(p->aux_fen[1], 10, 1);
    p->aux_fen[1] -= p->aux_fen[2];
  }
}

void PlanLabour(Rng& rng, ActorFactory& f, CasePlan* p) {
  WithAgents(rng, f, f.Person(), &p->plaintiffs);
  WithAgents(rng, f, f.Company(rng.Percent(50) ? Industry::kGeneral : Industry::kTech),
             &p->defendants);
  int64_t salary = RoundAmount(rng, 3000, 30000) / 10000 * 10000;
  if (salary == 0) salary = 500000;
  p->aux_fen[0] = salary;
  p->aux_int[0] = static_cast<int>(rng.Range(1, 12));  // years worked
  p->aux_word[0] = rng.Pick(kJobs);
  p->aux_int[1] = static_cast<int>(rng.Range(1000, 9999));  // arbitration number
  p->event = AddDays(p->suit, -365 * p->aux_int[0] - rng.Range(60, 200));
  int64_t wage = salary * rng.Range(1, 4);
  wage += OddAmount(rng, 100, 3000);
  p->items.push_back(Item("支付", "拖欠工资", wage, rng.Percent(70) ? wage : Percent(wage, 80, 1)));
  int64_t comp = salary * p->aux_int[0];
  std::string_view label = rng.Percent(60) ? "违法解除劳动合同赔偿金" : "经济补偿金";
  p->items.push_back(Item("支付", label, comp, rng.Percent(50) ? comp : 0));
  if (rng.Percent(30)) {
    int64_t doubled = salary * rng.Range(2, 11);
    p->items.push_back(
        Item("支付", "未签订书面劳动合同二倍工资差额", doubled, rng.Percent(50) ? doubled : 0));
  }
}

void PlanTrademark(Rng& rng, ActorFactory& f, CasePlan* p) {
  WithAgents(rng, f, f.Company(rng.Percent(50) ? Industry::kTrade : Industry::kTech),
             &p->plaintiffs);
  if (rng.Percent(60)) {
    WithAgents(rng, f, f.Company(Industry::kTrade), &p->defendants);
  } else {
    WithAgents(rng, f, f.SoleTrader(Industry::kTrade), &p->defendants);
  }
  AppendTradeName(rng, &p->aux_name);
  p->aux_int[0] = static_cast<int>(rng.Range(1000000, 39999999));
  p->aux_word[0] = rng.Pick(kGoods);
  p->aux_int[1] = rng.Percent(30) ? 1 : 0;  // also asks for a published apology
  p->event = AddDays(p->suit, -rng.Range(60, 400));
  int64_t loss = RoundAmount(rng, 10000, 1000000);
  int64_t costs = OddAmount(rng, 1000, 30000);
  p->items.push_back(Item("赔偿", "经济损失", loss, Percent(loss, rng.Range(10, 60), 100000)));
  p->items.push_back(Item("赔偿", "为制止侵权行为所支付的合理开支", costs,
                          rng.Percent(60) ? costs : Percent(costs, 70, 100)));
}

void PlanDivorce(Rng& rng, ActorFactory& f, CasePlan* p) {
  bool wife_sues = rng.Percent(65);
  WithAgents(rng, f, f.Person(wife_sues, true), &p->plaintiffs);
  WithAgents(rng, f, f.Person(!wife_sues, true), &p->defendants);
  const Actor& husband = wife_sues ? p->defendants[0] : p->plaintiffs[0];
  p->event = AddDays(p->suit, -rng.Range(700, 9000));  // marriage
  p->aux_int[0] = rng.Percent(70) ? 1 : 0;             // a child
  if (p->aux_int[0]) {
    std::string_view surname(husband.name.data(), husband.name.find("某"));
    p->aux_name = f.Minor(surname, true).name;
    p->aux_int[1] = rng.Percent(70) ? 1 : 0;  // custody: 1 plaintiff, 0 defendant
    int64_t support = rng.Range(8, 50) * 10000;
    ClaimItem item = Item("支付", "子女抚养费", support, support);
    item.periodic = true;
    p->items.push_back(std::move(item));
  }
  if (rng.Percent(50)) {  // a flat
    p->aux_text.assign(p->court->city);
    p->aux_text.append(p->court->district);
    AppendStreet(rng, true, &p->aux_text);
    p->aux_fen[0] = RoundAmount(rng, 300000, 8000000) / 1000000 * 1000000;
    if (p->aux_fen[0] == 0) p->aux_fen[0] = 50000000;
    p->aux_fen[1] = Percent(p->aux_fen[0], rng.Range(20, 50), 100000);
    p->aux_int[2] = rng.Percent(60) ? 1 : 0;  // the flat goes to the plaintiff
  }
  p->aux_word[0] = rng.Percent(30) ? "小型轿车" : "";
  p->aux_word[1] = rng.Percent(50) ? "子" : "女";
}

}  // namespace

const CauseSpec& SpecOf(Cause cause) { return kSpecs[static_cast<int>(cause)]; }

Cause PickCause(Rng& rng, Kind kind, int year) {
  uint32_t weights[13];
  std::copy(std::begin(kMix[static_cast<int>(kind)]), std::end(kMix[static_cast<int>(kind)]),
            weights);
  if (year < 2015) weights[static_cast<int>(Cause::kTrademark)] = 0;
  return static_cast<Cause>(rng.Weighted(weights, 13));
}

int64_t RoundAmount(Rng& rng, int64_t lo_yuan, int64_t hi_yuan) {
  if (hi_yuan <= lo_yuan) return lo_yuan * 100;
  // Pick an order of magnitude, then a value within it.
  int64_t lo_mag = 1;
  while (lo_mag * 10 <= lo_yuan) lo_mag *= 10;
  int mags = 1;
  for (int64_t m = lo_mag; m * 10 <= hi_yuan; m *= 10) ++mags;
  int64_t mag = lo_mag;
  for (uint32_t k = rng.Below(static_cast<uint32_t>(mags)); k > 0; --k) mag *= 10;
  int64_t lo = std::max(lo_yuan, mag);
  int64_t hi = std::min(hi_yuan, mag * 10 - 1);
  if (hi < lo) hi = lo;
  int64_t v = lo + static_cast<int64_t>(rng.Next() % static_cast<uint64_t>(hi - lo + 1));
  uint32_t rounding = rng.Below(10);
  int64_t unit = rounding < 6 ? 1000 : rounding < 8 ? 100 : 1;
  if (v >= unit * 2) v = v / unit * unit;
  return v * 100;
}

int64_t OddAmount(Rng& rng, int64_t lo_yuan, int64_t hi_yuan) {
  int64_t yuan = RoundAmount(rng, lo_yuan, hi_yuan) / 100;
  if (yuan >= 1000) yuan += static_cast<int64_t>(rng.Below(1000));
  return yuan * 100 + static_cast<int64_t>(rng.Below(100));
}

void PlanCause(Rng& rng, ActorFactory& f, CasePlan* p) {
  switch (p->cause) {
    case Cause::kPrivateLoan:
      PlanLoan(rng, f, p);
      break;
    case Cause::kFinancialLoan:
      PlanFinancialLoan(rng, f, p, false);
      break;
    case Cause::kCreditCard:
      PlanFinancialLoan(rng, f, p, true);
      break;
    case Cause::kSale:
      PlanSale(rng, f, p, false);
      break;
    case Cause::kArrears:
      PlanSale(rng, f, p, true);
      break;
    case Cause::kService:
      PlanPrepaid(rng, f, p, false);
      break;
    case Cause::kEducation:
      PlanPrepaid(rng, f, p, true);
      break;
    case Cause::kPropertyFee:
      PlanPropertyFee(rng, f, p);
      break;
    case Cause::kTraffic:
      PlanTraffic(rng, f, p);
      break;
    case Cause::kLabour:
      PlanLabour(rng, f, p);
      break;
    case Cause::kTrademark:
      PlanTrademark(rng, f, p);
      break;
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      PlanDivorce(rng, f, p);
      break;
  }
}

}  // namespace casesift::synth
