// One writer per kind of document. Each turns a CasePlan into the whole text, in the
// section order of the Supreme People's Court templates (../shared/data/real/templates):
// title, parties, 案件由来, claims and facts, reasoning, legal basis, decision, fee and
// appeal notice, signature. Each fills the ground-truth record as it writes.
//
// The writers may set the plan's per-document role words (plaintiff_word and
// defendant_word) before writing; everything else in the plan is read only.
//
// Thread safety: as DocWriter.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_KIND_WRITERS_H_
#define CASESIFT_TOOLS_CASE_SYNTH_KIND_WRITERS_H_

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

// 民事判决书(第一审普通程序用) and its simple-procedure variant.
void WriteJudgment(DocWriter& w, CasePlan& plan);
// 民事裁定书(准许撤诉用) (variant 0) and 民事裁定书(驳回起诉用) (variant 1).
void WriteRuling(DocWriter& w, CasePlan& plan);
// 民事调解书.
void WriteMediation(DocWriter& w, CasePlan& plan);
// 民事判决书(驳回上诉，维持原判用) (variant 0) and 民事判决书(二审改判用) (variant 1).
void WriteAppeal(DocWriter& w, CasePlan& plan);
// 执行裁定书: 终结本次执行程序 (执, variant 0), after 恢复执行 (执恢, variant 1), and on an
// objection to an enforcement act (执异, variant 2: rejected, or 3: granted).
void WriteEnforcement(DocWriter& w, CasePlan& plan);
// 人身安全保护令 (variant 0: granted) or the 民事裁定书 rejecting the application (1).
void WriteProtectionOrder(DocWriter& w, CasePlan& plan);

// Shared by the writers: the common truth fields of a civil case of the plan's cause.
void SetCivilTruth(DocWriter& w, const CasePlan& plan, const char* procedure);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_KIND_WRITERS_H_
