#include "cause_text_family.h"

#include <algorithm>

#include "cause_catalog.h"
#include "decision_writer.h"
#include "name_pool.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kReasons[] = {"性格不合", "生活琐事", "家庭经济问题",
                                         "与对方父母相处问题", "子女教育问题"};
constexpr std::string_view kBehaviours[] = {"对家庭缺乏责任心", "长期沉迷网络游戏",
                                            "多次对原告恶语相向", "长期在外不归"};

const ClaimItem* SupportItem(const CasePlan& p) {
  for (const ClaimItem& item : p.items) {
    if (item.periodic) return &item;
  }
  return nullptr;
}

// The province abbreviation of the court: the first character of its code (沪0115 -> 沪).
std::string_view PlateProvince(const CasePlan& p) { return p.court->code.substr(0, 3); }

int64_t AwardSum(const CasePlan& p) {
  int64_t sum = 0;
  for (const ClaimItem& i : p.items) sum += i.award_fen;
  return sum;
}

int64_t ClaimSum(const CasePlan& p) {
  int64_t sum = 0;
  for (const ClaimItem& i : p.items) sum += i.claim_fen;
  return sum;
}

void Within(DocWriter& w, const CasePlan& p, DecisionMode mode, int days) {
  if (mode == DecisionMode::kMediation) {
    Date due = AddDays(p.decided, days);
    w.Fmt("于{}年{}月{}日前", due.year, due.month, due.day);
  } else if (mode == DecisionMode::kQuoted) {
    w.Put("于判决生效之日起十日内");
  } else {
    w.Put("于本判决生效之日起十日内");
  }
}

void RestItem(DocWriter& w, const CasePlan& p, DecisionMode mode, ItemList& list) {
  bool words = mode != DecisionMode::kQuoted;
  list.Begin();
  if (mode == DecisionMode::kMediation) {
    WritePlaintiff(w, p, 0, words);
    w.Put("自愿放弃其余诉讼请求");
  } else {
    w.Put("驳回");
    WritePlaintiff(w, p, 0, words);
    w.Put("的其余诉讼请求");
  }
  list.End();
}

bool DivorceDecision(DocWriter& w, const CasePlan& p, DecisionMode mode, ItemList& list,
                     bool* paid) {
  Rng& rng = w.rng();
  bool words = mode != DecisionMode::kQuoted;
  bool own = mode != DecisionMode::kQuoted;  // this document's decision: allocations count
  Section section = own ? Section::kDecision : Section::kFacts;
  list.Begin();
  if (p.rejected && (mode == DecisionMode::kJudgment || mode == DecisionMode::kChange)) {
    w.Put("不准予");
    WriteSpouse(w, p, true, words);
    w.Put("与");
    WriteSpouse(w, p, false, words);
    w.Put("离婚");
    list.End();
    return true;
  }
  w.Put(mode == DecisionMode::kMediation ? "" : "准予");
  WriteSpouse(w, p, true, words);
  w.Put("与");
  WriteSpouse(w, p, false, words);
  w.Put(mode == DecisionMode::kMediation ? "自愿离婚" : "离婚");
  list.End();
  if (p.aux_int[0] != 0) {
    bool plaintiff_keeps = p.aux_int[1] != 0;
    list.Begin();
    w.Fmt("婚生{}{}由", p.aux_word[1], p.aux_name);
    WriteSpouse(w, p, plaintiff_keeps, words);
    w.Put(rng.Percent(50) ? "抚养" : "直接抚养");
    if (const ClaimItem* support = SupportItem(p)) {
      w.Put("，");
      WriteSpouse(w, p, !plaintiff_keeps, words);
      Date from = AddDays(p.decided, 20);
      w.Fmt("自{}年{}月起每月支付抚养费", from.year, from.month);
      w.MoneyStyled(support->award_fen, section, Section::kDecision, Tally::kNone);
      w.Fmt("，至{}年满十八周岁时止", p.aux_name);
    }
    list.End();
  }
  if (p.aux_fen[0] > 0) {
    bool to_plaintiff = p.aux_int[2] != 0;
    list.Begin();
    w.Fmt("位于{}的房屋归", p.aux_text);
    WriteSpouse(w, p, to_plaintiff, words);
    w.Put("所有");
    Allocation alloc;
    alloc.to = to_plaintiff ? "plaintiff" : "defendant";
    alloc.item = "房屋";
    if (rng.Percent(50) || p.state_values) {
      w.Put(rng.Percent(50) ? "（该房屋价值" : "（双方确认该房屋价值");
      w.MoneyStyled(p.aux_fen[0], section, Section::kDecision, Tally::kNone);
      w.Put("）");
      alloc.fen = p.aux_fen[0];
    }
    w.Put("，");
    WriteSpouse(w, p, to_plaintiff, words);
    if (mode == DecisionMode::kMediation) {
      Within(w, p, mode, 60);
    } else {
      w.Put(mode == DecisionMode::kQuoted ? "于判决生效之日起三十日内"
                                          : "于本判决生效之日起三十日内");
    }
    w.Put("支付");
    WriteSpouse(w, p, !to_plaintiff, words);
    w.Put("房屋折价款");
    // Money to the plaintiff side is awarded; a 折价款 paid to the defendant is not.
    w.MoneyStyled(p.aux_fen[1], section, Section::kDecision, AwardTally(w, mode, !to_plaintiff));
    *paid = own;
    list.End();
    if (own) {
      w.record().allocations.push_back(alloc);
      Allocation price;
      price.to = to_plaintiff ? "defendant" : "plaintiff";
      price.item = "折价款";
      price.fen = p.aux_fen[1];
      w.record().allocations.push_back(price);
    }
  }
  if (!p.aux_word[0].empty()) {
    bool to_plaintiff = p.aux_fen[0] > 0 ? p.aux_int[2] == 0 : true;
    list.Begin();
    w.Fmt("车牌号为{}A×××××的{}归", PlateProvince(p), p.aux_word[0]);
    WriteSpouse(w, p, to_plaintiff, words);
    w.Put("所有");
    list.End();
    if (own) {
      Allocation alloc;
      alloc.to = to_plaintiff ? "plaintiff" : "defendant";
      alloc.item = "车辆";
      w.record().allocations.push_back(alloc);
    }
  }
  if (rng.Percent(30)) {
    // Each spouse keeps the deposits in his or her name: one allocation per side.
    list.Begin();
    bool bank = rng.Percent(50);
    for (bool plaintiff : {true, false}) {
      if (!plaintiff) w.Put("，");
      WriteSpouse(w, p, plaintiff, words);
      w.Put(bank ? "名下的银行存款归" : "名下的存款归");
      WriteSpouse(w, p, plaintiff, words);
      w.Put("所有");
      if (own) {
        Allocation alloc;
        alloc.to = plaintiff ? "plaintiff" : "defendant";
        alloc.item = "存款";
        w.record().allocations.push_back(alloc);
      }
    }
    list.End();
  }
  return true;
}

bool TrafficDecision(DocWriter& w, const CasePlan& p, DecisionMode mode, ItemList& list,
                     bool* paid) {
  bool words = mode != DecisionMode::kQuoted;
  bool own = mode != DecisionMode::kQuoted;
  Section section = own ? Section::kDecision : Section::kFacts;
  size_t insurer = p.defendants.size() - 1;  // planned last
  static constexpr std::string_view kCovers[] = {"在机动车交通事故责任强制保险责任限额内赔偿",
                                                 "在机动车第三者责任商业保险责任限额内赔偿"};
  for (int part = 0; part < 3; ++part) {
    int64_t fen = p.aux_fen[part];
    if (fen <= 0) continue;
    list.Begin();
    WriteDefendant(w, p, part < 2 ? insurer : 0, words);
    Within(w, p, mode, 30);
    w.Put(part < 2 ? kCovers[part] : "赔偿");
    WritePlaintiff(w, p, 0, words);
    w.Put(w.rng().Percent(50) ? "各项损失" : "");
    w.MoneyStyled(fen, section, Section::kDecision, AwardTally(w, mode, true));
    list.End();
    *paid = true;
  }
  if (AwardSum(p) < ClaimSum(p)) RestItem(w, p, mode, list);
  return true;
}

bool TrademarkDecision(DocWriter& w, const CasePlan& p, DecisionMode mode, ItemList& list,
                       bool* paid) {
  bool words = mode != DecisionMode::kQuoted;
  bool own = mode != DecisionMode::kQuoted;
  Section section = own ? Section::kDecision : Section::kFacts;
  list.Begin();
  WriteDefendant(w, p, 0, words);
  w.Put(mode == DecisionMode::kMediation ? "立即停止" : "于本判决生效之日起立即停止");
  w.Fmt("侵害{}{}第{}号“{}”注册商标专用权的行为", words ? "原告" : "", p.plaintiffs[0].name,
        p.aux_int[0], p.aux_name);
  list.End();
  list.Begin();
  WriteDefendant(w, p, 0, words);
  Within(w, p, mode, 30);
  w.Put("赔偿");
  WritePlaintiff(w, p, 0, words);
  w.Put("经济损失");
  w.MoneyStyled(p.items[0].award_fen, section, Section::kDecision,
                AwardTally(w, mode, !p.items[0].excluded));
  w.Put("及为制止侵权行为所支付的合理开支");
  w.MoneyStyled(p.items[1].award_fen, section, Section::kDecision,
                AwardTally(w, mode, !p.items[1].excluded));
  list.End();
  *paid = true;
  RestItem(w, p, mode, list);
  return true;
}

}  // namespace

void WriteSpouse(DocWriter& w, const CasePlan& plan, bool plaintiff, bool words) {
  if (plaintiff) {
    WritePlaintiff(w, plan, 0, words);
  } else {
    WriteDefendant(w, plan, 0, words);
  }
}

void DivorceStory(DocWriter& w, const CasePlan& p, bool court) {
  Rng& rng = w.rng();
  const std::string& a = p.plaintiffs[0].short_name;
  const std::string& b = p.defendants[0].short_name;
  Rng facts(p.story_seed);
  int met = p.event.year - static_cast<int>(facts.Range(1, 3));
  std::string_view reason = facts.Pick(kReasons);
  int64_t married = DaysFromCivil(p.suit) - DaysFromCivil(p.event);
  int64_t apart_lo = std::min<int64_t>(730, married / 2);
  int64_t apart_hi = std::max(apart_lo, std::min<int64_t>(married - 60, 1500));
  Date apart = AddDays(p.suit, -static_cast<int>(facts.Range(apart_lo, apart_hi)));
  if (!court) {
    w.Fmt("{}与{}于{}年经人介绍相识，于", a, b, met);
  } else {
    w.Fmt("{}与{}于", a, b);
  }
  w.ArabicDate(p.event);
  w.Put("登记结婚");
  if (p.aux_int[0] != 0) w.Fmt("，婚后生育一{}{}", p.aux_word[1], p.aux_name);
  w.Fmt("。婚后初期双方感情尚可，后因{}经常发生争吵", reason);
  if (!court) {
    std::string_view behaviour = rng.Pick(kBehaviours);
    w.Fmt("，{}{}", b, behaviour);
  }
  w.Put("。双方自");
  w.ArabicDate(apart);
  w.Put("起分居");
  w.Put(court ? "。" : "至今，夫妻感情确已破裂，故诉至法院。");
  if (court && p.aux_fen[0] > 0)
    w.Fmt("婚姻关系存续期间，双方购买了位于{}的房屋一套。", p.aux_text);
}

void TrafficStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& victim = p.plaintiffs[0].short_name;
  const std::string& driver = p.defendants[0].short_name;
  static constexpr std::string_view kDirections[] = {"由东向西", "由西向东", "由南向北",
                                                     "由北向南"};
  Rng facts(p.story_seed);
  int hour = static_cast<int>(facts.Range(6, 22));
  std::string road;
  AppendRoadName(facts, &road);
  std::string_view direction = facts.Pick(kDirections);
  std::string crossing;
  AppendRoadName(facts, &crossing);
  std::string_view how = facts.Percent(60) ? "骑行电动自行车的" : "步行的";
  std::string_view grade = facts.Percent(70) ? "十" : "九";
  w.ArabicDate(p.event);
  w.Fmt("{}时许，{}驾驶{}A×××××号{}沿{}{}行驶至{}路口时，与{}{}发生碰撞，致{}受伤。", hour, driver,
        PlateProvince(p), p.aux_word[1], road, direction, crossing, how, victim, victim);
  std::string_view resp = p.aux_word[0];
  std::string_view other = resp == "全部责任"   ? "无责任"
                           : resp == "主要责任" ? "次要责任"
                                                : "同等责任";
  w.Fmt("经公安机关交通管理部门认定，{}负事故{}，{}{}。", driver, resp, victim, other);
  w.Fmt("{}受伤后被送往医院治疗，住院{}天。", victim, p.items[1].claim_fen / 10000);
  for (const ClaimItem& item : p.items) {
    if (item.label == "残疾赔偿金") {
      w.Fmt("经司法鉴定，{}的伤情构成{}级伤残。", victim, grade);
      break;
    }
  }
  if (p.defendants.size() > 1 && p.defendants[1].type == ActorType::kCompany) {
    w.Fmt("肇事车辆登记所有人为{}，{}系其员工，事发时正在执行工作任务。",
          p.defendants[1].short_name, driver);
  }
  if (p.aux_int[1] != 0) {
    w.Fmt("肇事车辆在{}投保了机动车交通事故责任强制保险及商业第三者责任保险（保险金额",
          p.defendants.back().short_name);
    w.Money(int64_t{p.aux_int[0]} * 1000000, Section::kFacts, Tally::kNone);
    w.Put("），事故发生在保险期间内。");
  }
  if (!court) w.Fmt("{}因赔偿事宜与各被告协商未果，遂诉至法院。", victim);
}

void TrademarkStory(DocWriter& w, const CasePlan& p, bool court) {
  const std::string& owner = p.plaintiffs[0].short_name;
  const std::string& seller = p.defendants[0].short_name;
  w.Fmt("{}系第{}号“{}”注册商标的权利人，该商标核定使用在第{}类{}等商品上，现处于有效期内。", owner,
        p.aux_int[0], p.aux_name, p.aux_int[0] % 45 + 1, p.aux_word[0]);
  if (!court) {
    w.Fmt("经过长期使用和宣传，“{}”商标在相关公众中具有较高知名度。", p.aux_name);
  }
  w.ArabicDate(p.event);
  w.Fmt("，{}发现{}在其经营的店铺内销售标有“{}”标识的{}，遂委托代理人进行了公证购买。", owner,
        seller, p.aux_name, p.aux_word[0]);
  w.Fmt("经比对，被诉侵权商品并非{}生产或授权生产。", owner);
}

void DivorceReasoning(DocWriter& w, const CasePlan& p) {
  const std::string& a = p.plaintiffs[0].short_name;
  if (p.rejected) {
    w.Fmt(
        "婚姻关系的存续应以夫妻感情为基础。双方婚后共同生活多年，具有一定的感情基础，"
        "现{}提供的证据不足以证明夫妻感情确已破裂，只要双方珍惜夫妻感情，加强沟通，"
        "仍有和好的可能。对{}的离婚请求，本院不予支持。",
        a, a);
    return;
  }
  w.Fmt(
      "婚姻关系的存续应以夫妻感情为基础。双方因感情不和分居已满二年，夫妻感情确已破裂，"
      "经本院调解无效，{}要求离婚，本院予以准许。",
      a);
  if (p.aux_int[0] != 0) {
    w.Put("关于子女抚养问题，本院从有利于子女身心健康成长出发，结合双方的实际情况予以确定。");
  }
  if (p.aux_fen[0] > 0)
    w.Put("关于夫妻共同财产，本院根据财产的具体情况，照顾子女、女方权益的原则予以分割。");
}

void TrafficReasoning(DocWriter& w, const CasePlan& p) {
  w.Fmt(
      "公民的生命健康权受法律保护。本次事故经公安机关交通管理部门认定，{}负事故{}，"
      "该认定程序合法，本院予以采信。机动车发生交通事故造成人身伤亡、财产损失的，由保险公司在"
      "机动车交通事故责任强制保险责任限额范围内予以赔偿；不足部分，由承保商业三者险的保险公司"
      "根据保险合同予以赔偿；仍有不足的，由侵权人依法予以赔偿。对于{}主张的各项损失，本院根据其"
      "提供的证据及相关标准依法予以核定。",
      p.defendants[0].short_name, p.aux_word[0], p.plaintiffs[0].short_name);
  if (!p.itemised_losses || p.rejected) return;
  if (std::none_of(p.items.begin(), p.items.end(),
                   [](const ClaimItem& i) { return !i.excluded && i.award_fen > 0; })) {
    return;  // nothing determined: no list
  }
  // The items determined, in claim order; costs of the proceedings (鉴定费) are not losses.
  // The amounts are not listed in the record (a reasoning's figures are not the decision's),
  // but the 医疗费 determined is its medical_yuan.
  w.Fmt("经核定，{}因本次事故造成的损失为：", p.plaintiffs[0].short_name);
  int64_t total = 0;
  bool first = true;
  for (const ClaimItem& i : p.items) {
    if (i.excluded || i.award_fen <= 0) continue;
    w.Put(first ? "" : "、");
    first = false;
    w.Put(i.label);
    AppendArabicYuan(&w.text(), i.award_fen, kGrouped);
    w.Put("元");
    total += i.award_fen;
    if (i.label == "医疗费") w.record().medical_fen = i.award_fen;
  }
  w.Put("，以上合计");
  AppendArabicYuan(&w.text(), total, kGrouped);
  w.Put("元。");
}

void TrademarkReasoning(DocWriter& w, const CasePlan& p) {
  const std::string& owner = p.plaintiffs[0].short_name;
  const std::string& seller = p.defendants[0].short_name;
  w.Fmt(
      "{}系第{}号“{}”注册商标的专用权人，其合法权益受法律保护。{}未经许可，销售侵犯注册商标"
      "专用权的商品，构成商标侵权，应当承担停止侵权、赔偿损失的民事责任。关于赔偿数额，因{}的实际"
      "损失及{}的侵权获利均难以确定，本院综合考虑涉案商标的知名度、侵权行为的性质和情节等因素，"
      "酌情予以确定。",
      owner, p.aux_int[0], p.aux_name, seller, owner, seller);
}

void WriteOtherClaims(DocWriter& w, const CasePlan& p, bool before, bool words,
                      std::string_view ask, Section section, ItemList& list) {
  if (p.cause == Cause::kDivorce && before) {
    list.Begin();
    w.Put(ask);
    if (words) {
      w.Put(w.rng().Percent(50) ? "原、被告离婚" : "原告与被告离婚");
    } else {
      w.Fmt("{}与{}离婚", p.plaintiffs[0].name, p.defendants[0].name);
    }
    list.End();
    if (p.aux_int[0] != 0) {
      list.Begin();
      w.Fmt("婚生{}{}由{}抚养", p.aux_word[1], p.aux_name, words ? "原告" : p.plaintiffs[0].name);
      if (const ClaimItem* support = SupportItem(p)) {
        w.Fmt("，{}每月支付抚养费", words ? "被告" : p.defendants[0].name);
        w.MoneyStyled(support->claim_fen, section, Section::kClaims, Tally::kNone);
        w.Fmt("至{}年满十八周岁止", p.aux_name);
      }
      list.End();
    }
    if (p.aux_fen[0] > 0 || !p.aux_word[0].empty()) {
      list.Begin();
      w.Put(ask);
      w.Put(ask.empty() ? "依法分割夫妻共同财产" : "分割夫妻共同财产");
      list.End();
    }
  } else if (p.cause == Cause::kTrademark) {
    if (before) {
      list.Begin();
      w.Put(ask);
      w.Fmt("{}立即停止侵害{}第{}号“{}”注册商标专用权的行为", words ? "被告" : p.defendants[0].name,
            words ? "原告" : p.plaintiffs[0].name, p.aux_int[0], p.aux_name);
      list.End();
    } else if (p.aux_int[1] != 0) {
      list.Begin();
      w.Put(ask);
      w.Fmt("{}在相关媒体上刊登声明，消除影响", words ? "被告" : p.defendants[0].name);
      list.End();
    }
  }
}

bool WriteSpecialDecision(DocWriter& w, const CasePlan& plan, DecisionMode mode, ItemList& list,
                          bool* paid) {
  bool rejected =
      plan.rejected && mode != DecisionMode::kMediation && mode != DecisionMode::kQuoted;
  switch (plan.cause) {
    case Cause::kDivorce:
      return DivorceDecision(w, plan, mode, list, paid);
    case Cause::kTraffic:
      return !rejected && TrafficDecision(w, plan, mode, list, paid);
    case Cause::kTrademark:
      return !rejected && TrademarkDecision(w, plan, mode, list, paid);
    default:
      return false;
  }
}

}  // namespace casesift::synth
