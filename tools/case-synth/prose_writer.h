// The long prose of a civil document, the part that makes it as long as a real one: the
// plaintiff's 事实和理由 after the story, the defendants' numbered arguments, the
// evidence exchanged and the court's view of it, the facts found beyond the story, and
// the court's analysis of the 争议焦点 before the cause's own reasoning.
//
// Each piece is built from phrase families with slots (parties, dates, contract names,
// goods, evidence, statutes), chosen with the document's Rng, so the same seed gives the
// same bytes. Dates lie between the plan's event and the suit. Amounts appear only in the
// facts (recorded through DocWriter::Money, section facts, counted in no total) and only
// where the plan fixes them; the defence, the evidence and the reasoning carry none, so
// the claim and award rules of the annotation guide stay unambiguous.
//
// Thread safety: as DocWriter.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_PROSE_WRITER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_PROSE_WRITER_H_

#include <string_view>

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

// How much prose a document of a kind carries: first-instance judgments and appeals the
// most, mediation documents and rulings less.
enum class ProseScale : uint8_t { kShort, kMedium, kFull };

// Continues the plaintiff's 事实和理由 (same paragraph, plaintiff's voice) after the story:
// demands, the contract's terms, the legal argument and the closing request. No amounts.
void WriteClaimReasons(DocWriter& w, const CasePlan& plan, ProseScale scale);

// The defence of defendant `i` after "辩称，": an opening stance, then numbered arguments
// (the first is `core`, the cause's main point), then a closing request. No amounts.
void WriteDefenceArguments(DocWriter& w, const CasePlan& plan, size_t i, std::string_view core);

// The appellant's reasons after 事实和理由：, and the appellee's answer after 辩称，
// (second instance). No amounts.
void WriteAppealReasons(DocWriter& w, const CasePlan& plan);
void WriteAppealAnswer(DocWriter& w, const CasePlan& plan);

// Paragraphs on the evidence: each side's numbered list with what it proves, the other
// side's 质证意见 and the court's 认证. `role` is the plaintiff's word (原告). No amounts.
void WriteEvidence(DocWriter& w, const CasePlan& plan);

// Paragraphs of found facts after the story (另查明, 庭审中, the contract's clauses, the
// demands made). Starts a new paragraph. Amounts are restated from the plan only. With
// `quoted`, in the words of a first-instance court quoted in a second-instance document.
void WriteFactsDetail(DocWriter& w, const CasePlan& plan, bool quoted);

// The opening of 本院认为 (after "本院认为，"): the 争议焦点 and the burden of proof, then
// one paragraph per focus. Ends a paragraph; the caller starts the next one for the
// cause's reasoning. No amounts. `quoted` as for WriteFactsDetail.
void WriteReasoningAnalysis(DocWriter& w, const CasePlan& plan, ProseScale scale, bool quoted);

// The 财产调查 of a 终结本次执行程序 ruling: the inquiries made and their results.
void WriteEnforcementInquiry(DocWriter& w, const CasePlan& plan);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_PROSE_WRITER_H_
