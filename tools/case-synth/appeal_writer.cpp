// Second-instance judgments: 驳回上诉，维持原判 and 改判.
#include "cause_catalog.h"
#include "decision_writer.h"
#include "fee_schedule.h"
#include "kind_writers.h"
#include "legal_refs.h"
#include "party_writer.h"
#include "prose_writer.h"

namespace casesift::synth {
namespace {

// Writes the parties in the order appellant, appellee, others, with their roles, and
// sets the role words the body uses.
void WriteAppealParties(DocWriter& w, CasePlan& plan) {
  bool by_defendant = plan.appellant_is_defendant;
  plan.plaintiff_word.assign(plan.plaintiffs.size(), by_defendant ? "被上诉人" : "上诉人");
  plan.defendant_word.assign(plan.defendants.size(), "原审被告");
  if (by_defendant) {
    plan.defendant_word[0] = "上诉人";
    WriteParty(w, plan, plan.defendants[0], "上诉人（原审被告）", "appellant");
    WritePartyGroup(w, plan, plan.plaintiffs, "被上诉人（原审原告）", "appellee",
                    plan.shared_plaintiff_agents);
    for (size_t i = 1; i < plan.defendants.size(); ++i) {
      WriteParty(w, plan, plan.defendants[i], "原审被告", "defendant");
    }
  } else {
    WritePartyGroup(w, plan, plan.plaintiffs, "上诉人（原审原告）", "appellant",
                    plan.shared_plaintiff_agents);
    plan.defendant_word.assign(plan.defendants.size(), "被上诉人");
    WritePartyGroup(w, plan, plan.defendants, "被上诉人（原审被告）", "appellee");
  }
  WritePartyGroup(w, plan, plan.thirds, "原审第三人", "third_party");
}

const Actor& Appellant(const CasePlan& plan) {
  return plan.appellant_is_defendant ? plan.defendants[0] : plan.plaintiffs[0];
}

const Actor& Appellee(const CasePlan& plan) {
  return plan.appellant_is_defendant ? plan.plaintiffs[0] : plan.defendants[0];
}

void WriteAppealRequest(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  const Actor& appellant = Appellant(plan);
  const Actor& appellee = Appellee(plan);
  w.BeginParagraph();
  w.Fmt("{}上诉请求：", appellant.short_name);
  static const ClaimItem kNone;
  const ClaimItem& main = plan.items.empty() ? kNone : plan.items[0];
  bool money = !plan.items.empty() && !main.periodic && plan.cause != Cause::kDivorce &&
               plan.cause != Cause::kTraffic && rng.Percent(40);
  if (plan.appellant_is_defendant) {
    if (money && main.first_award_fen > 0) {
      w.Fmt("撤销一审判决第一项，改判{}无需{}{}{}", appellant.short_name, main.verb,
            appellee.short_name, main.label);
      w.Money(main.first_award_fen, Section::kClaims, Tally::kNone);
      w.Put("。");
    } else {
      w.Fmt("撤销一审判决，{}。", rng.Percent(70)
                                      ? "依法改判驳回" + appellee.short_name + "的全部诉讼请求"
                                      : std::string("将本案发回重审"));
    }
    w.Put("事实和理由：一审判决认定事实不清，适用法律错误。");
    static constexpr std::string_view kReasons[] = {
        "一审法院未查明双方之间的真实法律关系，仅凭单方证据即认定案件事实，显属不当。",
        "一审判决对上诉人提交的证据未予采信，缺乏依据。", "一审法院认定的金额计算有误，应予纠正。"};
    w.Put(rng.Pick(kReasons));
  } else {
    if (money && main.claim_fen > main.first_award_fen) {
      w.Fmt("撤销一审判决，改判{}{}{}{}", appellee.short_name, main.verb, appellant.short_name,
            main.label);
      w.Money(main.claim_fen, Section::kClaims, Tally::kNone);
      w.Put("。");
    } else {
      w.Put("撤销一审判决，依法改判支持上诉人的全部诉讼请求。");
    }
    w.Put("事实和理由：一审判决对上诉人主张的部分请求未予支持，认定事实错误，应予纠正。");
  }
  WriteAppealReasons(w, plan);
  w.EndParagraph();
  w.BeginParagraph();
  w.Fmt("{}辩称，一审判决认定事实清楚，适用法律正确。", appellee.short_name);
  WriteAppealAnswer(w, plan);
  w.Put("请求驳回上诉，维持原判。");
  w.EndParagraph();
}

}  // namespace

void WriteAppeal(DocWriter& w, CasePlan& plan) {
  Rng& rng = w.rng();
  bool change = plan.variant == 1;
  SetCivilTruth(w, plan, "second_instance");
  DocWriter::Title t;
  t.court = plan.appeal_court->name;
  t.doc_type = "民事判决书";
  t.court_code = plan.appeal_court->code;
  t.special = plan.cause == Cause::kTrademark && plan.year >= 2019 ? "知" : "";
  t.type_code = "民终";
  t.legacy_abbr = plan.appeal_court->legacy_abbr;
  t.legacy_type = plan.appeal_court->legacy_second;
  w.WriteTitle(plan, t);
  WriteAppealParties(w, plan);

  const Actor& appellant = Appellant(plan);
  w.BeginParagraph();
  w.Fmt("上诉人{}因与被上诉人", appellant.name);
  const std::vector<Actor>& appellees =
      plan.appellant_is_defendant ? plan.plaintiffs : plan.defendants;
  for (size_t i = 0; i < appellees.size(); ++i) {
    if (i > 0) w.Put("、");
    w.Put(appellees[i].name);
  }
  if (plan.appellant_is_defendant && plan.defendants.size() > 1) {
    w.Put("及原审被告");
    for (size_t i = 1; i < plan.defendants.size(); ++i) {
      if (i > 1) w.Put("、");
      w.Put(plan.defendants[i].name);
    }
  }
  w.Fmt("{}一案，不服{}", SpecOf(plan.cause).name, plan.court->name);
  WriteFirstCaseNumber(w, plan);
  w.Put("民事判决，向本院提起上诉。本院于");
  w.ArabicDate(plan.filed);
  w.Put(rng.Percent(80) ? "立案后，依法组成合议庭，" : "受理后，依法组成合议庭，");
  w.Put(rng.Percent(60) ? "公开开庭进行了审理。" : "因本案事实清楚，决定不开庭进行审理。");
  w.Put("本案现已审理终结。");
  w.EndParagraph();

  WriteAppealRequest(w, plan);

  w.BeginParagraph();
  w.Fmt("{}向一审法院起诉请求：", plan.plaintiffs[0].short_name);
  WriteClaimList(w, plan, Section::kClaims, false);
  w.EndParagraph();
  w.BeginParagraph();
  w.Put(rng.Percent(60) ? "一审法院认定事实：" : "一审法院经审理查明：");
  WriteStory(w, plan, true);
  w.EndParagraph();
  WriteFactsDetail(w, plan, true);
  w.BeginParagraph();
  w.Put("一审法院认为，");
  if (rng.Percent(70)) {
    WriteReasoningAnalysis(w, plan, ProseScale::kMedium, true);
    w.BeginParagraph();
  }
  WriteReasoning(w, plan);
  w.EndParagraph();
  // The restated decision is its own paragraph (前审判决段), as the template lays it out.
  w.BeginParagraph();
  static constexpr std::string_view kRestated[] = {"一审法院判决：", "一审法院据此判决：",
                                                   "原审法院判决：", "原审法院据此判决："};
  w.Put(rng.Pick(kRestated));
  // An upheld award is the award of this judgment, as the document restates it.
  w.set_quoted_award(!change);
  WriteDecision(w, plan, DecisionMode::kQuoted);
  w.set_quoted_award(false);
  WriteFee(w, plan, plan.first_fee_fen, FeeMode::kQuoted, false);
  w.EndParagraph();

  w.BeginParagraph();
  w.Put(rng.Percent(50) ? "本院二审期间，当事人没有提交新证据。"
                        : "二审中，当事人均未提交新证据。");
  w.Put(change ? "本院经审理查明的事实与一审法院认定的事实基本一致。"
               : "本院对一审法院查明的事实予以确认。");
  w.EndParagraph();
  w.BeginParagraph();
  w.Put("本院认为，");
  WriteReasoningAnalysis(w, plan, change ? ProseScale::kMedium : ProseScale::kFull, false);
  w.BeginParagraph();
  if (change) {
    w.Fmt(
        "根据双方的诉辩意见，本案二审争议焦点为一审判决确定的给付金额是否正确。"
        "一审判决对部分事实认定有误，导致处理结果不当，本院依法予以纠正。");
    w.EndParagraph();
    w.BeginParagraph();
    w.Put("综上所述，上诉人的上诉请求部分成立。依照");
    WriteLawBasis(w, plan);
    w.Fmt("，《中华人民共和国民事诉讼法》{}第一款第二项规定，判决如下：",
          CplArticle(plan.decided, Cpl::kAppeal));
    w.EndParagraph();
    bool paid = WriteDecision(w, plan, DecisionMode::kChange);
    if (paid) WriteDelayClause(w, plan);
    w.BeginParagraph();
    w.Put("一审案件受理费");
    w.Money(plan.first_fee_fen, Section::kFee, Tally::kNone);
    w.Fmt("，由{}负担。", plan.plaintiffs[0].name);
    w.EndParagraph();
  } else {
    w.Fmt("综上，{}的上诉请求不能成立，应予驳回；一审判决认定事实清楚，适用法律正确，应予维持。",
          appellant.short_name);
    w.Fmt("依照《中华人民共和国民事诉讼法》{}第一款第一项规定，判决如下：",
          CplArticle(plan.decided, Cpl::kAppeal));
    w.EndParagraph();
    w.BeginParagraph();
    w.Put("驳回上诉，维持原判。");
    w.EndParagraph();
  }
  WriteFee(w, plan, plan.fee_base_fen, FeeMode::kAppeal, !plan.appellant_is_defendant);
  w.BeginParagraph();
  w.Put("本判决为终审判决。");
  w.EndParagraph();
  w.WriteSignature(plan);
  // Upheld or reversed, a judgment that leaves a claim granted is a judgment; one that
  // leaves every claim rejected is a rejection.
  bool granted = false;
  for (const ClaimItem& i : plan.items) granted |= (change ? i.award_fen : i.first_award_fen) > 0;
  if (plan.cause == Cause::kDivorce) granted = !plan.rejected;
  w.record().outcome = granted ? "judgment" : "rejected";
}

}  // namespace casesift::synth
