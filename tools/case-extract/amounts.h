// Money in a judgment: every amount by section, and the claimed, awarded and fee totals.
//
//  - amounts[]: each amount written in the claims (诉讼请求 and 事实和理由), the facts found,
//    the decision or the fee clause, in text order, with its text as written (人民币 and a
//    bracketed repeat included) and its section. Amounts in the defence, the reasoning and
//    the 案件由来 are not listed. Rates (月利率2%, LPR四倍) are never amounts.
//  - claim_yuan: a total the request states (合计/共计/总计 X元); otherwise the sum of the
//    principal amounts claimed in its items: an amount that is the base of a calculation
//    (以X元为基数), an estimate (暂计…为X元) or follows 利息, 违约金, 滞纳金, 罚息, 律师费 or
//    litigation costs is not principal. A counterclaim (反诉请求) is not counted.
//  - award_yuan: the same sum over the decision's items that order a payment to the
//    plaintiff side; a 驳回 item, an item that the plaintiff side pays (a counterclaim won)
//    and bases and ancillary amounts do not count.
//  - fee_yuan: the 案件受理费 charged: the amount after 减半收取 when it is halved, else the
//    first amount of the fee clause.
//  - allocations[]: in the decision, property given to a side: "X归原告所有" (房屋, 车辆,
//    存款, 股权, …), a 折价款 paid to a side, a 债务 borne by a side; with its value when the
//    clause states one.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_

#include <string_view>
#include <vector>

#include "case_record.h"
#include "document_layout.h"

namespace casesift {

// Fills r->amounts, claim_fen, award_fen and fee_fen. REQUIRES: r->parties is filled.
void ExtractAmounts(std::string_view text, const DocumentLayout& layout, CaseRecord* r);

// The property allocations stated in `decision`.
std::vector<Allocation> FindAllocations(std::string_view decision,
                                        const std::vector<Party>& parties);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_AMOUNTS_H_
