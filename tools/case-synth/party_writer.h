// The party paragraphs (当事人): one paragraph per party, then its legal representative
// and agents, in the forms real documents use (DOMAIN.md §1.4):
//
//   原告：王建国，男，1966年7月18日生，汉族，住上海市浦东新区张江路88号。
//   委托诉讼代理人：周文清，上海鑫源律师事务所律师。
//   被告：上海恒泰教育科技有限公司，统一社会信用代码91310190MA1H7K2D3X，住所地上海市…。
//   法定代表人：李新华，执行董事。
//   上列两原告共同委托诉讼代理人：…
//
// Each paragraph's facts go into a ground-truth Party exactly as written (birth to the
// month when the text gives only the month, masked IDs marked invalid, and so on).
//
// Thread safety: as DocWriter.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_PARTY_WRITER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_PARTY_WRITER_H_

#include <string_view>
#include <vector>

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

// Writes `actors` under `role` (原告, 上诉人（原审被告）…) with the normalised `side`, and
// appends one ground-truth party each. With `shared_agents` and two or more actors, the
// first actor's agents are written once after the group (上列两原告共同委托诉讼代理人) and
// belong to every actor of the group.
void WritePartyGroup(DocWriter& w, const CasePlan& plan, const std::vector<Actor>& actors,
                     std::string_view role, const char* side, bool shared_agents = false);

// Writes one actor; as WritePartyGroup for a group of one.
void WriteParty(DocWriter& w, const CasePlan& plan, const Actor& actor, std::string_view role,
                const char* side);

// "原告王建国、李秀英": the role word, then the names joined with 、.
void WriteNames(DocWriter& w, std::string_view role, const std::vector<Actor>& actors,
                bool short_names = false);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_PARTY_WRITER_H_
