// The causes of action (案由) synthetic cases are drawn from, and what each contributes:
// its parties, what the plaintiff claims and what a court would grant (planning), and
// the cause's own wording (stories, defences, reasoning, legal bases: cause_text.cpp).
//
// The mix follows the project's scenarios (DOMAIN.md §3): debt causes for 假离婚、实逃债
// and 职业放贷人, prepaid-card causes (服务合同, 教育培训合同), third-party torts for
// 医保基金追偿, divorce, and 申请人身安全保护令. 欠款纠纷 is a common informal name that
// is not on the official list (cause_listed false).
//
// Thread safety: immutable tables and pure functions of their arguments.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CAUSE_CATALOG_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CAUSE_CATALOG_H_

#include <string_view>

#include "actor_factory.h"
#include "case_plan.h"
#include "doc_writer.h"
#include "rng.h"

namespace casesift::synth {

enum class FeeRule : uint8_t { kProperty, kDivorce, kLabour, kNone };

struct CauseSpec {
  std::string_view name;  // as documents write it
  bool listed;            // on the official list of civil causes
  bool masked;            // 婚姻家庭: party names are masked (法释〔2016〕19号 Art. 8)
  FeeRule fee;
};

const CauseSpec& SpecOf(Cause cause);

// A cause for a document of `kind`, in a realistic mix. IP causes only from 2015.
Cause PickCause(Rng& rng, Kind kind, int year);

// Fills the parties, claim items (claimed and granted amounts), the event date and the
// story details of `plan` for its cause.
// REQUIRES: plan->kind, cause, court, year, filed and legacy are set; `factory` is Reset
// for this case.
void PlanCause(Rng& rng, ActorFactory& factory, CasePlan* plan);

// An amount in fen between lo_yuan and hi_yuan, spread evenly over the orders of
// magnitude, rounded as people round loans and prices (to 1000, 100 or 1 yuan).
int64_t RoundAmount(Rng& rng, int64_t lo_yuan, int64_t hi_yuan);
// An amount in fen with yuan and fen digits (bills, interest): 23456.78.
int64_t OddAmount(Rng& rng, int64_t lo_yuan, int64_t hi_yuan);

// ---- the cause's wording (cause_text.cpp, cause_text_family.cpp) ----------------------

// The narrative of the dispute with its amounts (section facts). In the plaintiff's voice
// for 事实和理由, in the court's for 经审理查明. Parties are named without role words, so
// the same story serves first- and second-instance documents.
void WriteStory(DocWriter& w, const CasePlan& plan, bool court_voice);
// What the defendants said (辩称) or that they did not answer. `role` is 被告 or 被上诉人…
void WriteDefence(DocWriter& w, const CasePlan& plan, std::string_view role);
// The cause's part of 本院认为 (no amounts).
void WriteReasoning(DocWriter& w, const CasePlan& plan);
// The substantive law the decision cites: 《中华人民共和国民法典》第六百七十五条、第六百七十六条.
void WriteLawBasis(DocWriter& w, const CasePlan& plan);
}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CAUSE_CATALOG_H_
