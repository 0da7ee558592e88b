// The lists and standard clauses of a civil document: the claims (诉讼请求), the items of
// a decision or mediation agreement, the 迟延履行 clause, the 案件受理费 sentence and the
// appeal notice. Cause-specific items (divorce, traffic, trademark) come from
// cause_text_family.cpp through WriteDecisionItems.
//
// Thread safety: as DocWriter.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_DECISION_WRITER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_DECISION_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

enum class NumberStyle : uint8_t { kArabicDot, kArabicComma, kArabicFullDot, kParen, kChinese };

// A list whose items are written one at a time and numbered once all are known (a list
// of one item is not numbered). Between Begin() and End() the writer's text goes into
// the item.
class ItemList {
 public:
  explicit ItemList(DocWriter* w) : w_(w) {}
  ~ItemList() {
    if (saved_ != nullptr) w_->Redirect(saved_);
  }
  ItemList(const ItemList&) = delete;
  ItemList& operator=(const ItemList&) = delete;

  void Begin();
  void End();
  size_t size() const { return items_.size(); }
  // Writes the items separated by ； with a final 。, as paragraphs or inline.
  void Emit(NumberStyle style, bool paragraphs);

 private:
  DocWriter* w_;
  std::string* saved_ = nullptr;
  std::vector<std::string> items_;
};

// A claim-list numbering style, chosen per document.
NumberStyle PickClaimNumbering(Rng& rng);

// "原告王建国" / "上诉人王建国" / "王建国": the document's word for the party, then its
// name. With `words` false, the name alone (a quoted earlier decision).
void WritePlaintiff(DocWriter& w, const CasePlan& plan, size_t i, bool words);
void WriteDefendant(DocWriter& w, const CasePlan& plan, size_t i, bool words);
// The defendants who owe the money (all but a guarantor and an insurer), joined by 、.
void WriteDebtors(DocWriter& w, const CasePlan& plan, bool words);

// The claims after 诉讼请求：, ending with the fee item and 。. Amounts go to `section`
// (claims for this document's own claims, facts for claims quoted from an earlier one).
void WriteClaimList(DocWriter& w, const CasePlan& plan, Section section, bool words);

enum class DecisionMode : uint8_t {
  kJudgment,   // 于本判决生效之日起十日内
  kMediation,  // 于2020年6月30日前; 自愿放弃
  kQuoted,     // an earlier judgment quoted in a second-instance document (facts)
  kChange,     // a second-instance 改判: 撤销…民事判决, then the new items
};

// What an amount paid to the plaintiff side in a decision of `mode` counts towards:
// award_yuan for this document's own decision, and for a quoted earlier decision that
// this document upholds (DocWriter::quoted_award); nothing when `counted` is false
// (interest, penalties, costs, periodic sums).
Tally AwardTally(const DocWriter& w, DecisionMode mode, bool counted);

// The first-instance 案号 of a second-instance plan: （2017）沪0115民初12345号.
void WriteFirstCaseNumber(DocWriter& w, const CasePlan& plan);

// The decision's items for the plan's awards (or, when plan.rejected, the rejection),
// numbered 一、二、. Returns whether any money was ordered paid.
bool WriteDecision(DocWriter& w, const CasePlan& plan, DecisionMode mode);

// Cause-specific decision items (cause_text_family.cpp): divorce, traffic and trademark
// cases write their own items into `list` and return true (setting *paid when money is
// ordered paid); other causes return false and get the generic payment items.
bool WriteSpecialDecision(DocWriter& w, const CasePlan& plan, DecisionMode mode, ItemList& list,
                          bool* paid);
// Cause-specific claims that are not money (判令原、被告离婚), before or after the money
// items, one list item each. `ask` is the verb the list uses (判令, 请求判令, or empty).
void WriteOtherClaims(DocWriter& w, const CasePlan& plan, bool before, bool words,
                      std::string_view ask, Section section, ItemList& list);

// 如果未按本判决指定的期间履行给付金钱义务，…加倍支付迟延履行期间的债务利息。
void WriteDelayClause(DocWriter& w, const CasePlan& plan);

enum class FeeMode : uint8_t { kJudgment, kHalved, kAppeal, kQuoted };
// The 案件受理费 sentence for `fee_base_fen` (before halving). kHalved: mediation,
// withdrawal or simple procedure. Records fee_yuan (unless kQuoted).
void WriteFee(DocWriter& w, const CasePlan& plan, int64_t fee_base_fen, FeeMode mode,
              bool plaintiff_pays);

// 如不服本判决，可以在判决书送达之日起十五日内…上诉于…中级人民法院。
void WriteAppealNotice(DocWriter& w, const CasePlan& plan, bool ruling);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_DECISION_WRITER_H_
