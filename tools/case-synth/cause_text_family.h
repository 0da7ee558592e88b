// The wording of the causes with their own structure: 离婚纠纷 (custody, support,
// property), 机动车交通事故责任纠纷 (the accident, insurers) and 侵害商标权纠纷. The
// dispatching functions of cause_catalog.h call these for those causes.
//
// Thread safety: as DocWriter.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CAUSE_TEXT_FAMILY_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CAUSE_TEXT_FAMILY_H_

#include <string_view>

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

void DivorceStory(DocWriter& w, const CasePlan& plan, bool court_voice);
void TrafficStory(DocWriter& w, const CasePlan& plan, bool court_voice);
void TrademarkStory(DocWriter& w, const CasePlan& plan, bool court_voice);

void DivorceReasoning(DocWriter& w, const CasePlan& plan);
void TrafficReasoning(DocWriter& w, const CasePlan& plan);
void TrademarkReasoning(DocWriter& w, const CasePlan& plan);

// The side word of the plaintiff (custody == 1) or the defendant: "原告张某" in this
// document's words, or the bare name in a quoted decision.
void WriteSpouse(DocWriter& w, const CasePlan& plan, bool plaintiff, bool words);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CAUSE_TEXT_FAMILY_H_
