// First-instance documents: judgments, rulings (撤诉, 驳回起诉) and mediation documents.
#include "cause_catalog.h"
#include "decision_writer.h"
#include "kind_writers.h"
#include "legal_refs.h"
#include "party_writer.h"
#include "prose_writer.h"

namespace casesift::synth {
namespace {

void SetRoleWords(CasePlan& plan, std::string_view plaintiff, std::string_view defendant) {
  plan.plaintiff_word.assign(plan.plaintiffs.size(), plaintiff);
  plan.defendant_word.assign(plan.defendants.size(), defendant);
}

DocWriter::Title FirstTitle(const CasePlan& plan, std::string_view doc_type,
                            std::string_view suffix) {
  DocWriter::Title t;
  t.court = plan.court->name;
  t.doc_type = doc_type;
  t.court_code = plan.court->code;
  t.special = plan.cause == Cause::kTrademark && plan.year >= 2019 && plan.court->code == "沪73"
                  ? "知"
                  : "";
  t.type_code = "民初";
  t.legacy_abbr = plan.court->legacy_abbr;
  t.legacy_type = plan.court->legacy_first;
  t.suffix = suffix;
  return t;
}

void WriteFirstParties(DocWriter& w, const CasePlan& plan) {
  bool counter = plan.counterclaim;
  WritePartyGroup(w, plan, plan.plaintiffs, counter ? "原告（反诉被告）" : "原告", "plaintiff",
                  plan.shared_plaintiff_agents);
  WritePartyGroup(w, plan, plan.defendants, counter ? "被告（反诉原告）" : "被告", "defendant");
  WritePartyGroup(w, plan, plan.thirds, "第三人", "third_party");
}

// 原告王建国与被告上海恒泰教育科技有限公司（以下简称恒泰公司）教育培训合同纠纷一案
void WriteCaseLine(DocWriter& w, const CasePlan& plan, bool versus) {
  Rng& rng = w.rng();
  bool abbreviate = rng.Percent(30);
  auto group = [&](std::string_view role, const std::vector<Actor>& actors) {
    w.Put(role);
    for (size_t i = 0; i < actors.size(); ++i) {
      if (i > 0) w.Put("、");
      w.Put(actors[i].name);
      if (abbreviate && actors[i].short_name != actors[i].name) {
        w.Fmt("（以下简称{}）", actors[i].short_name);
      }
    }
  };
  group("原告", plan.plaintiffs);
  w.Put(versus ? "诉" : "与");
  group("被告", plan.defendants);
  if (!plan.thirds.empty()) group("、第三人", plan.thirds);
  w.Put(SpecOf(plan.cause).name);
  w.Put("一案");
}

// 原告王建国及其委托诉讼代理人周文清、被告…到庭参加诉讼。被告…缺席审理。
void WriteAppearances(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  bool first = true;
  std::string_view agent_word = plan.legacy ? "委托代理人" : "委托诉讼代理人";
  auto present = [&](std::string_view role, const Actor& a) {
    if (!first) w.Put("，");
    first = false;
    w.Put(role);
    w.Put(a.short_name);
    std::vector<const Agent*> agents;
    for (const Agent& g : a.agents) {
      if (!g.legal_guardian) agents.push_back(&g);
    }
    if (a.type != ActorType::kPerson) {
      if (agents.empty()) {
        w.Fmt("的{}{}", a.legal_rep_label, a.legal_rep);
      } else {
        w.Fmt("的{}{}", agent_word, agents[0]->name);
      }
    } else if (!agents.empty()) {
      w.Fmt("{}{}{}", rng.Percent(70) ? "及其" : "、", agent_word, agents[0]->name);
    }
  };
  for (const Actor& a : plan.plaintiffs) present("原告", a);
  for (size_t i = 0; i < plan.defendants.size(); ++i) {
    if (!(plan.absent & (1u << i))) present("被告", plan.defendants[i]);
  }
  w.Put("到庭参加诉讼。");
  for (size_t i = 0; i < plan.defendants.size(); ++i) {
    if (plan.absent & (1u << i)) {
      w.Fmt("被告{}经本院合法传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。",
            plan.defendants[i].short_name);
    }
  }
}

// 本院于2017年1月9日立案后，依法适用简易程序，公开开庭进行了审理。
void WriteFiledAndProcedure(DocWriter& w, const CasePlan& plan, bool hearing) {
  Rng& rng = w.rng();
  CaseRecord& r = w.record();
  w.Put("，本院于");
  w.ArabicDate(plan.filed);
  w.Put(plan.legacy ? "受理后" : rng.Percent(85) ? "立案后" : "立案受理后");
  if (plan.simple && !plan.converted) {
    if (plan.legacy || rng.Percent(25)) {
      w.Fmt("，依法由审判员{}适用简易程序", plan.judges[0]);
    } else {
      w.Put("，依法适用简易程序");
    }
    r.trial_procedure = "simple";
  } else if (plan.converted) {
    w.Put("，依法适用简易程序，后因案情复杂，依法转为普通程序");
    r.trial_procedure = "ordinary";
  } else if (rng.Percent(85)) {
    w.Put(rng.Percent(50) ? "，依法适用普通程序" : "，依法适用普通程序，组成合议庭");
    r.trial_procedure = "ordinary";
  } else {
    w.Put("，依法组成合议庭");
  }
  if (hearing) {
    if (rng.Percent(80)) {
      w.Put("，公开开庭进行了审理。");
    } else {
      w.Put("，于");
      w.ArabicDate(AddDays(plan.filed, static_cast<int>(rng.Range(20, 60))));
      w.Put("公开开庭进行了审理。");
    }
  } else {
    w.Put("进行了审理。");
  }
}

void WriteClaimsParagraph(DocWriter& w, const CasePlan& plan, ProseScale scale) {
  Rng& rng = w.rng();
  w.BeginParagraph();
  if (plan.legacy && rng.Percent(70)) {
    // The older style: the story first (诉称), then the claims.
    w.Fmt("原告{}诉称，", plan.plaintiffs[0].short_name);
    WriteStory(w, plan, false);
    WriteClaimReasons(w, plan, scale);
    w.Put(rng.Percent(50) ? "故请求判令：" : "现起诉要求：");
    WriteClaimList(w, plan, Section::kClaims, true);
  } else {
    w.Put("原告");
    for (size_t i = 0; i < plan.plaintiffs.size(); ++i) {
      if (i > 0) w.Put("、");
      w.Put(plan.plaintiffs[i].short_name);
    }
    w.Put(rng.Percent(85) ? "向本院提出诉讼请求：" : "提出诉讼请求：");
    WriteClaimList(w, plan, Section::kClaims, true);
    w.Put(rng.Percent(80) ? "事实和理由：" : "事实与理由：");
    WriteStory(w, plan, false);
    WriteClaimReasons(w, plan, scale);
  }
  w.EndParagraph();
}

void WriteBasis(DocWriter& w, const CasePlan& plan, bool with_law, std::string_view verdict) {
  Rng& rng = w.rng();
  w.Put(rng.Percent(70) ? "依照" : "依据");
  if (with_law) {
    WriteLawBasis(w, plan);
    w.Put("，");
  }
  w.Fmt("《中华人民共和国民事诉讼法》{}", CplArticle(plan.decided, Cpl::kEvidence));
  if (plan.absent != 0) w.Fmt("、{}", CplArticle(plan.decided, Cpl::kDefault));
  w.Put(rng.Percent(60) ? "之规定，" : "规定，");
  w.Put(verdict);
  w.EndParagraph();
}

}  // namespace

void SetCivilTruth(DocWriter& w, const CasePlan& plan, const char* procedure) {
  CaseRecord& r = w.record();
  const CauseSpec& spec = SpecOf(plan.cause);
  r.category = "civil";
  r.procedure = procedure;
  r.cause.assign(spec.name);
  r.cause_listed = spec.listed;
  r.filed_date = plan.filed;
}

void WriteJudgment(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  SetRoleWords(plan, "原告", "被告");
  SetCivilTruth(w, plan, "first_instance");
  w.WriteTitle(plan, FirstTitle(plan, "民事判决书", ""));
  WriteFirstParties(w, plan);
  w.BeginParagraph();
  WriteCaseLine(w, plan, plan.legacy && rng.Percent(60));
  WriteFiledAndProcedure(w, plan, true);
  if (plan.counterclaim) w.Put("审理中，被告提出反诉，本院决定合并审理。");
  WriteAppearances(w, plan);
  w.Put("本案现已审理终结。");
  w.EndParagraph();
  WriteClaimsParagraph(w, plan, ProseScale::kFull);
  if (plan.counterclaim) {
    w.BeginParagraph();
    w.Fmt(
        "反诉原告{}向本院提出反诉请求：1.判令反诉被告更换存在质量问题的{}；2."
        "本案反诉费用由反诉被告负担。"
        "事实和理由：反诉被告交付的部分{}存在质量问题，经多次交涉未予处理。",
        plan.defendants[0].short_name, plan.aux_word[0], plan.aux_word[0]);
    w.EndParagraph();
  }
  WriteDefence(w, plan, "被告");
  for (const Actor& t : plan.thirds) {
    w.BeginParagraph();
    w.Fmt("第三人{}述称，对原告的诉讼请求不发表意见，请求法院依法判决。", t.short_name);
    w.EndParagraph();
  }
  uint32_t evidence = rng.Below(100);
  if (evidence < 70) {
    WriteEvidence(w, plan);
  } else if (evidence < 90) {
    w.BeginParagraph();
    w.Put(
        "本案当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。"
        "对当事人无异议的证据，本院予以确认并在卷佐证。");
    w.EndParagraph();
  }
  w.BeginParagraph();
  static constexpr std::string_view kFound[] = {
      "本院经审理认定事实如下：", "经审理查明：",
      "根据当事人陈述和经审查确认的证据，本院认定事实如下："};
  w.Put(rng.Pick(kFound));
  WriteStory(w, plan, true);
  w.EndParagraph();
  WriteFactsDetail(w, plan, false);
  w.BeginParagraph();
  w.Put(rng.Percent(80) ? "本院认为，" : "本院认为：");
  if (rng.Percent(90)) {
    bool brief = plan.simple && !plan.converted && rng.Percent(50);
    WriteReasoningAnalysis(w, plan, brief ? ProseScale::kMedium : ProseScale::kFull, false);
    w.BeginParagraph();
    w.Put(rng.Percent(50) ? "综上，" : "");
  }
  if (plan.rejected && plan.cause != Cause::kDivorce) {
    w.Fmt("{}的主张缺乏事实依据，本院不予支持。", plan.plaintiffs[0].short_name);
  } else {
    WriteReasoning(w, plan);
  }
  if (plan.counterclaim) w.Put("反诉原告主张的货物质量问题，缺乏证据证明，本院不予支持。");
  w.EndParagraph();
  w.BeginParagraph();
  WriteBasis(w, plan, !(plan.rejected && plan.cause != Cause::kDivorce), "判决如下：");
  bool paid = WriteDecision(w, plan, DecisionMode::kJudgment);
  if (plan.counterclaim) {
    w.BeginParagraph();
    w.Fmt("驳回反诉原告{}的反诉请求。", plan.defendants[0].name);
    w.EndParagraph();
  }
  if (paid) WriteDelayClause(w, plan);
  bool halved = plan.simple && !plan.converted;
  WriteFee(w, plan, plan.fee_base_fen, halved ? FeeMode::kHalved : FeeMode::kJudgment,
           plan.rejected);
  WriteAppealNotice(w, plan, false);
  w.WriteSignature(plan);
  w.record().outcome = plan.rejected ? "rejected" : "judgment";
}

void WriteRuling(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  SetRoleWords(plan, "原告", "被告");
  SetCivilTruth(w, plan, "first_instance");
  bool withdraw = plan.variant == 0;
  w.WriteTitle(plan, FirstTitle(plan, "民事裁定书", rng.Percent(10) ? "之一" : ""));
  WritePartyGroup(w, plan, plan.plaintiffs, "原告", "plaintiff", plan.shared_plaintiff_agents);
  WritePartyGroup(w, plan, plan.defendants, "被告", "defendant");
  w.BeginParagraph();
  WriteCaseLine(w, plan, false);
  const std::string& plaintiff = plan.plaintiffs[0].short_name;
  if (withdraw) {
    if (rng.Percent(40)) {
      WriteFiledAndProcedure(w, plan, false);
    } else {
      w.Put("，本院于");
      w.ArabicDate(plan.filed);
      w.Put("立案。");
    }
    static constexpr std::string_view kReasons[] = {"双方已自行和解", "被告已履行还款义务",
                                                    "需要进一步收集证据", "双方已达成和解协议"};
    std::string_view reason = rng.Pick(kReasons);
    w.Fmt("原告{}于", plaintiff);
    w.ArabicDate(AddDays(plan.decided, -static_cast<int>(rng.Range(1, 10))));
    w.Fmt("以{}为由，向本院提出撤诉申请。", reason);
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt(
        "本院认为，原告{}在本案宣判前申请撤诉，系其对自身诉讼权利的处分，不违反法律规定，"
        "本院予以准许。依照《中华人民共和国民事诉讼法》{}规定，裁定如下：",
        plaintiff, CplArticle(plan.decided, Cpl::kWithdraw));
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt("准许原告{}撤诉。", plan.plaintiffs[0].name);
    w.EndParagraph();
    WriteFee(w, plan, plan.fee_base_fen, FeeMode::kHalved, true);
    w.record().outcome = "withdrawn";
  } else {
    WriteFiledAndProcedure(w, plan, false);
    w.EndParagraph();
    if (rng.Percent(60)) WriteClaimsParagraph(w, plan, ProseScale::kShort);
    w.BeginParagraph();
    w.Put("本院经审查认为，");
    uint32_t reason = rng.Below(3);
    if (plan.cause == Cause::kDivorce) {
      w.Put(
          "原告在判决不准离婚的判决生效后，没有新情况、新理由，六个月内又提起离婚诉讼，"
          "依法不予受理，已经受理的，应当裁定驳回起诉。");
    } else if (reason == 0) {
      w.Put(
          "双方在合同中约定了仲裁条款，因履行合同发生的争议应当提交仲裁机构仲裁，"
          "本院对本案不享有管辖权，原告的起诉不符合法定受理条件。");
    } else if (reason == 1 && plan.defendants[0].type != ActorType::kPerson) {
      w.Fmt("被告{}在原告起诉前已经注销，不具备民事诉讼主体资格，原告的起诉不符合法定受理条件。",
            plan.defendants[0].short_name);
    } else {
      w.Put(
          "原告就同一事实和理由已经提起过诉讼，并经人民法院作出生效裁判，"
          "现再次起诉，构成重复起诉。");
    }
    w.Fmt(
        "依照《中华人民共和国民事诉讼法》{}、{}第一款第三项，《最高人民法院关于适用〈中华人民"
        "共和国民事诉讼法〉的解释》第二百零八条第三款规定，裁定如下：",
        CplArticle(plan.decided, Cpl::kFilingRules), CplArticle(plan.decided, Cpl::kRulings));
    w.EndParagraph();
    w.BeginParagraph();
    w.Fmt("驳回原告{}的起诉。", plan.plaintiffs[0].name);
    w.EndParagraph();
    w.BeginParagraph();
    w.Put("原告预交的案件受理费予以退还。");
    w.EndParagraph();
    WriteAppealNotice(w, plan, true);
    w.record().outcome = "dismissed";
  }
  w.WriteSignature(plan);
}

void WriteMediation(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  SetRoleWords(plan, "原告", "被告");
  SetCivilTruth(w, plan, "first_instance");
  w.WriteTitle(plan, FirstTitle(plan, "民事调解书", ""));
  WritePartyGroup(w, plan, plan.plaintiffs, "原告", "plaintiff", plan.shared_plaintiff_agents);
  WritePartyGroup(w, plan, plan.defendants, "被告", "defendant");
  w.BeginParagraph();
  WriteCaseLine(w, plan, false);
  WriteFiledAndProcedure(w, plan, rng.Percent(50));
  w.EndParagraph();
  WriteClaimsParagraph(w, plan, ProseScale::kMedium);
  w.BeginParagraph();
  w.Put(rng.Percent(60) ? "本案审理过程中，经本院主持调解，当事人自愿达成如下协议："
                        : "经本院主持调解，当事人自愿达成如下协议：");
  w.EndParagraph();
  bool paid = WriteDecision(w, plan, DecisionMode::kMediation);
  (void)paid;
  WriteFee(w, plan, plan.fee_base_fen, FeeMode::kHalved, false);
  w.BeginParagraph();
  w.Put("上述协议，不违反法律规定，本院予以确认。");
  w.EndParagraph();
  w.BeginParagraph();
  w.Put(rng.Percent(70) ? "本调解书经双方当事人签收后，即具有法律效力。"
                        : "本调解书经各方当事人签收后，即具有法律效力。");
  w.EndParagraph();
  w.WriteSignature(plan);
  w.record().outcome = "mediated";
}

}  // namespace casesift::synth
