// Money in a judgment: every amount by section, and the claimed, awarded and fee totals
// (RECORDS.md; tests/data/case-extract/README.md, "Money", is the annotation guide).
//
//  - amounts[]: each amount written in the claims (诉讼请求 and 事实和理由, or a ruling's
//    application or 执行标的 in the 案件由来, but not the evidence a party submits), the facts
//    found (with a lower court's decision restated in its reasoning, and its fee sentence),
//    the decision or the fee clause, in text order, with its text as written (人民币 and a
//    bracketed repeat included) and its section. Amounts in the defence, this court's
//    reasoning (and findings it mentions there), the 案件由来 and statutory warnings
//    (一千元以下罚款) are not listed. Rates (月利率2%, LPR四倍) are never amounts.
//  - claim_yuan: from the first-instance request (the last request opener of the claims
//    blocks that run together: 诉讼请求：, 请求判令, 变更诉讼请求为): a stated total
//    (合计/共计 X元) when the amounts it adds up are all principal, net of an advance it
//    deducts; otherwise the sum of the principal amounts claimed in its items. An amount
//    that is the base of a calculation (以X元为基数), an estimate (暂计…为X元), a sum per
//    unit or period (每月, 每盒) or follows 利息, 违约金, 滞纳金, 罚息, 律师费 or litigation
//    costs is not principal. A counterclaim (反诉请求) is not counted.
//  - award_yuan: the same sum over the amounts that a judgment or a mediation agreement has
//    paid to the plaintiff side (the party named after the pay verb receives; a sum owed with
//    no pay verb before it counts only when it is to be paid off, 于…前付清); for 维持原判
//    the lower court's restated decision. A 驳回 item, a value (价值X元), a debt borne and a
//    payment to the defendant side or to a child do not count.
//  - fee_yuan: the 案件受理费 charged: the deciding instance's, the halved figure when it is
//    halved (减半收取计X元, X元（已减半收取）), else the first amount of the fee clause.
//  - medical_yuan: the 医疗费 this court's reasoning determines, where it states the losses
//    item by item (医疗费X元, 医疗费：X元): the first amount written right after 医疗费.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_

#include <string_view>

#include "allocations.h"
#include "case_record.h"
#include "document_layout.h"

namespace casesift {

// Fills r->amounts, claim_fen, award_fen, fee_fen and medical_fen. REQUIRES: r->parties and
// r->doc_type are filled. Pure apart from `r`; safe from any number of threads.
void ExtractAmounts(std::string_view text, const DocumentLayout& layout, CaseRecord* r);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_
