// Allocations: the property that a decision or a mediation agreement gives to a side
// (RECORDS.md `allocations[]`, annotation guide "Allocations"). One element per clause that
// assigns a kind of property, or a debt, to one side, in clause order:
//  - "X归原告所有": X's kind from a fixed vocabulary (房屋, 车位, 车辆, 存款, 股权, 理财产品,
//    公积金, 动产, 其他), read from the last property word before 归 (the head noun);
//  - "支付原告…折价款/补偿款Y元": a 折价款 to the side paid; "支付原告…理财产品分割款Y元": that
//    share of the property to the side paid, with its value;
//  - "债务…由被告负担": a 债务 borne by that side.
// Residual clauses (其余财产归各自所有) and security interests (抵押, 拍卖、变卖, 优先受偿)
// are not allocations. The value is kept when the clause states one.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_ALLOCATIONS_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_ALLOCATIONS_H_

#include <string_view>
#include <vector>

#include "case_record.h"

namespace casesift {

// The property allocations stated in `decision` (the items, without the fee clause);
// `parties` name the sides. Pure; safe from any number of threads.
std::vector<Allocation> FindAllocations(std::string_view decision,
                                        const std::vector<Party>& parties);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_ALLOCATIONS_H_
