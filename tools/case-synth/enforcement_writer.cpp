// Enforcement rulings (执, 执恢, 执异) and personal-safety protection orders (民保令).
#include "cause_catalog.h"
#include "decision_writer.h"
#include "kind_writers.h"
#include "legal_refs.h"
#include "party_writer.h"
#include "prose_writer.h"

namespace casesift::synth {
namespace {

int64_t AwardTotal(const CasePlan& plan) {
  int64_t sum = 0;
  for (const ClaimItem& i : plan.items) sum += i.periodic ? 0 : i.award_fen;
  return sum;
}

void WriteUnderlying(DocWriter& w, const CasePlan& plan) {
  w.Fmt("本院作出的");
  WriteFirstCaseNumber(w, plan);
  w.Put(w.rng().Percent(80) ? "民事判决书" : "民事调解书");
}

void WriteSearch(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  w.BeginParagraph();
  w.Put(
      "执行过程中，本院依法向被执行人发出执行通知书、报告财产令，并通过网络执行查控系统对"
      "被执行人名下的银行存款、车辆、不动产、证券等财产进行了查询");
  if (rng.Percent(40)) {
    w.Put("，冻结并扣划被执行人银行存款");
    int64_t found = AwardTotal(plan) / 100 * static_cast<int64_t>(rng.Range(1, 20)) / 100 * 100;
    w.Money(found > 0 ? found : 10000, Section::kFacts, Tally::kNone);
    w.Put("，除此之外未发现被执行人有其他可供执行的财产。");
  } else {
    w.Put("，未发现被执行人有可供执行的财产。");
  }
  WriteEnforcementInquiry(w, plan);
  w.Put("本院已对被执行人采取限制消费措施");
  w.Put(rng.Percent(60) ? "，并将其纳入失信被执行人名单。" : "。");
  w.Put("申请执行人对本院的执行情况无异议，同意终结本次执行程序。");
  w.EndParagraph();
  w.BeginParagraph();
  w.Fmt(
      "本院认为，被执行人暂无财产可供执行，本案符合终结本次执行程序的条件。依照《最高人民法院"
      "关于适用〈中华人民共和国民事诉讼法〉的解释》{}规定，裁定如下：",
      FinalEnforcementArticle(plan.decided));
  w.EndParagraph();
  w.BeginParagraph();
  w.Put("终结本次执行程序。");
  w.EndParagraph();
  w.BeginParagraph();
  w.Put("申请执行人发现被执行人有可供执行财产的，可以再次申请执行。");
  w.EndParagraph();
  w.BeginParagraph();
  w.Put("本裁定送达后立即生效。");
  w.EndParagraph();
}

}  // namespace

void WriteEnforcement(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  static constexpr std::string_view kCodes[] = {"执", "执恢", "执异", "执异"};
  static constexpr std::string_view kLegacy[] = {"执字", "执恢字", "执异字", "执异字"};
  std::string_view code = kCodes[plan.variant];
  CaseRecord& r = w.record();
  r.category = "enforcement";
  r.procedure = "enforcement";
  r.cause.assign(SpecOf(plan.cause).name);
  r.cause_listed = SpecOf(plan.cause).listed;
  r.filed_date = plan.filed;
  DocWriter::Title t;
  t.court = plan.court->name;
  t.doc_type = "执行裁定书";
  t.court_code = plan.court->code;
  t.type_code = code;
  t.legacy_abbr = plan.court->legacy_abbr;
  t.legacy_type = kLegacy[plan.variant];
  t.suffix = plan.variant < 2 && rng.Percent(8) ? "之一" : "";
  w.WriteTitle(plan, t);
  const std::string& applicant = plan.plaintiffs[0].name;
  const std::string& debtor = plan.defendants[0].name;
  if (plan.variant >= 2) {
    plan.defendant_word.assign(plan.defendants.size(), "异议人");
    plan.plaintiff_word.assign(plan.plaintiffs.size(), "申请执行人");
    // Both are applicants by their roles (异议人, 申请执行人: the annotation guide's table).
    WriteParty(w, plan, plan.defendants[0], "异议人（被执行人）", "applicant");
    WriteParty(w, plan, plan.plaintiffs[0], "申请执行人", "applicant");
    r.filed_date = Date();  // the objection's date is not a 立案 date
    w.BeginParagraph();
    w.Fmt(
        "本院在执行申请执行人{}与被执行人{}{}一案中，异议人{}对本院冻结其名下银行账户的执行行为"
        "不服，于",
        applicant, debtor, SpecOf(plan.cause).name, debtor);
    w.ArabicDate(plan.filed);
    w.Put("向本院提出书面异议。本院受理后，依法组成合议庭进行审查，现已审查终结。");
    w.EndParagraph();
    w.BeginParagraph();
    bool person = plan.defendants[0].type == ActorType::kPerson;
    std::string_view funds =
        person ? (rng.Percent(50) ? "其领取的社会保险金" : "其维持基本生活所必需的工资收入")
               : "其用于发放员工工资的专用款项";
    w.Fmt("异议人{}称，被冻结账户内的款项系{}，依法不应被冻结，请求解除冻结。", debtor, funds);
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt(
        "申请执行人{}称，异议人未履行生效法律文书确定的义务，本院依法冻结其银行账户并无不当，"
        "请求驳回异议。",
        applicant);
    w.EndParagraph();
    w.BeginParagraph();
    w.Put("本院查明，");
    WriteUnderlying(w, plan);
    w.Put("已经发生法律效力，确定的给付金额为");
    w.Money(AwardTotal(plan), Section::kFacts, Tally::kNone);
    w.Put("。执行中，本院依法冻结了异议人名下的银行账户。");
    w.EndParagraph();
    w.BeginParagraph();
    bool granted = plan.variant == 3;
    w.Put(granted ? "本院认为，异议人提供的证据能够证明被冻结的款项属于依法不得执行的财产，"
                    "异议理由成立，本院予以支持。"
                  : "本院认为，异议人未能提供证据证明被冻结的款项属于依法不得执行的财产，"
                    "其异议理由不能成立，本院不予支持。");
    w.Fmt(
        "依照《中华人民共和国民事诉讼法》{}，《最高人民法院关于人民法院办理执行异议和复议案件"
        "若干问题的规定》第十七条第{}项规定，裁定如下：",
        CplArticle(plan.decided, Cpl::kEnforcementObjection), granted ? "二" : "一");
    w.EndParagraph();
    w.BeginParagraph();
    if (granted) {
      w.Fmt("解除对异议人{}名下银行账户的冻结。", debtor);
    } else {
      w.Fmt("驳回异议人{}的异议请求。", debtor);
    }
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt("如不服本裁定，可以自本裁定送达之日起十日内，向{}申请复议。", plan.court->appeal->name);
    w.EndParagraph();
    r.outcome = granted ? "granted" : "rejected";
  } else {
    plan.plaintiff_word.assign(plan.plaintiffs.size(), "申请执行人");
    plan.defendant_word.assign(plan.defendants.size(), "被执行人");
    WritePartyGroup(w, plan, plan.plaintiffs, "申请执行人", "applicant",
                    plan.shared_plaintiff_agents);
    WritePartyGroup(w, plan, plan.defendants, "被执行人", "respondent");
    w.BeginParagraph();
    w.Fmt("申请执行人{}与被执行人", applicant);
    for (size_t i = 0; i < plan.defendants.size(); ++i) {
      if (i > 0) w.Put("、");
      w.Put(plan.defendants[i].name);
    }
    w.Fmt("{}一案，", SpecOf(plan.cause).name);
    if (plan.variant == 1) {
      int64_t span = DaysFromCivil(plan.filed) - DaysFromCivil(plan.first_decided);
      Date before = AddDays(plan.first_decided, static_cast<int>(rng.Range(span / 4, span / 2)));
      w.Put("本院于");
      w.ArabicDate(before);
      w.Fmt("裁定终结本次执行程序。现申请执行人{}发现被执行人有可供执行的财产，于", applicant);
      w.ArabicDate(plan.filed);
      w.Put("向本院申请恢复执行，本院于同日立案。");
    } else {
      WriteUnderlying(w, plan);
      w.Fmt("已经发生法律效力。因被执行人未履行生效法律文书确定的义务，申请执行人{}于", applicant);
      w.ArabicDate(plan.filed);
      if (rng.Percent(50)) {
        w.Put("向本院申请强制执行，本院于同日立案执行");
      } else {
        w.Put("向本院申请强制执行，本院于");
        w.ArabicDate(plan.filed);
        w.Put("立案执行");
      }
    }
    if (w.text().compare(w.text().size() - 3, 3, "。") == 0)
      w.Put("本案");
    else
      w.Put("，");
    w.Put("执行标的为");
    w.Money(AwardTotal(plan), Section::kClaims, Tally::kClaim);
    w.Put(rng.Percent(60) ? "及迟延履行期间的债务利息。" : "。");
    w.EndParagraph();
    WriteSearch(w, plan);
    r.outcome = "terminated";
  }
  w.WriteSignature(plan);
}

void WriteProtectionOrder(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  bool granted = plan.variant == 0;
  SetCivilTruth(w, plan, "protection_order");
  w.record().filed_date = Date();  // 于…向本院申请 is the application's date, not a 立案 date
  DocWriter::Title t;
  t.court = plan.court->name;
  t.doc_type = granted ? "人身安全保护令" : "民事裁定书";
  t.court_code = plan.court->code;
  t.type_code = "民保令";
  w.WriteTitle(plan, t);
  plan.plaintiff_word.assign(1, "申请人");
  plan.defendant_word.assign(1, "被申请人");
  WriteParty(w, plan, plan.plaintiffs[0], "申请人", "applicant");
  WriteParty(w, plan, plan.defendants[0], "被申请人", "respondent");
  const std::string& a = plan.plaintiffs[0].name;
  const std::string& b = plan.defendants[0].name;
  w.BeginParagraph();
  w.Fmt("申请人{}以遭受家庭暴力{}为由，于", a, rng.Percent(50) ? "" : "或者面临家庭暴力的现实危险");
  w.ArabicDate(plan.filed);
  w.Put("向本院申请人身安全保护令。本院受理后，依法进行了审查。");
  w.EndParagraph();
  w.BeginParagraph();
  static constexpr std::string_view kRelations[] = {"夫妻", "夫妻", "前夫妻", "同居"};
  static constexpr std::string_view kActs[] = {"对申请人实施殴打，致申请人面部、手臂多处软组织挫伤",
                                               "持刀威胁申请人", "将申请人推倒在地并拳打脚踢"};
  std::string_view relation = rng.Pick(kRelations);
  w.Fmt("申请人{}称，申请人与被申请人{}系{}关系。", a, b, relation);
  w.ArabicDate(AddDays(plan.filed, -static_cast<int>(rng.Range(1, 30))));
  std::string_view act = rng.Pick(kActs);
  w.Fmt(
      "，被申请人因家庭琐事{}。此后被申请人多次以短信、电话等方式威胁、骚扰申请人。"
      "为保护申请人的人身安全，特申请人身安全保护令。",
      act);
  w.EndParagraph();
  w.BeginParagraph();
  if (granted) {
    w.Fmt(
        "经审查，申请人{}提供的报警回执、伤情照片、就诊病历等证据，能够证明其遭受家庭暴力或者面临"
        "家庭暴力的现实危险，其申请符合发出人身安全保护令的条件。依照《中华人民共和国反家庭暴力法》"
        "第二十三条第一款、第二十七条、第二十九条规定，裁定如下：",
        a);
    w.EndParagraph();
    ItemList list(&w);
    list.Begin();
    w.Fmt("禁止被申请人{}对申请人{}实施家庭暴力", b, a);
    list.End();
    if (rng.Percent(80)) {
      list.Begin();
      w.Fmt("禁止被申请人{}骚扰、跟踪、接触申请人{}及其相关近亲属", b, a);
      list.End();
    }
    if (rng.Percent(30)) {
      list.Begin();
      w.Fmt("责令被申请人{}迁出申请人{}的住所", b, a);
      list.End();
    }
    list.Emit(NumberStyle::kChinese, true);
    w.BeginParagraph();
    w.Put(rng.Percent(50) ? "本裁定自作出之日起六个月内有效。"
                          : "本保护令有效期为六个月，自送达之日起生效。");
    w.EndParagraph();
    w.BeginParagraph();
    w.Put(
        "如被申请人违反上述禁令，本院将依据《中华人民共和国反家庭暴力法》第三十四条之规定，"
        "视情节轻重，处以罚款、拘留；构成犯罪的，依法追究刑事责任。");
    w.EndParagraph();
  } else {
    w.Fmt(
        "经审查，申请人{}提供的证据不足以证明其遭受家庭暴力或者面临家庭暴力的现实危险，其申请"
        "不符合发出人身安全保护令的条件。依照《中华人民共和国反家庭暴力法》第二十七条规定，"
        "裁定如下：",
        a);
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt("驳回申请人{}的申请。", a);
    w.EndParagraph();
  }
  w.BeginParagraph();
  w.Put("申请人、被申请人对本裁定不服的，可以自本裁定生效之日起五日内向本院申请复议一次。");
  if (granted) w.Put("复议期间不停止人身安全保护令的执行。");
  w.EndParagraph();
  w.WriteSignature(plan);
  w.record().outcome = granted ? "granted" : "rejected";
}

}  // namespace casesift::synth
