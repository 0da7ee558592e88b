// The outcome of a case (RECORDS.md): judgment, mediated, withdrawn, dismissed (驳回起诉),
// rejected (驳回诉讼请求, or every claim refused), granted (an application allowed: 准予,
// 支持, a protection order issued), transferred (移送), suspended (中止), terminated
// (终结), other.
//
// Read from the document type and the decision: a 调解书 is mediated; a ruling that allows
// a withdrawal is withdrawn; one that rejects the suit is dismissed; a decision whose
// items only refuse (驳回…诉讼请求, 驳回上诉, 不准予离婚, …不予支持) is rejected; a judgment that
// orders anything is a judgment. Setting aside a lower judgment (撤销…民事判决) is neither.
// 驳回上诉，维持原判 is a judgment when the lower decision it upholds, as restated before it
// (…判决：一、…), grants something.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_

#include <string>
#include <string_view>

namespace casesift {

// `decision`: the items, without the fee clause. `text`: the whole document; when
// `decision` is a view into it, the restated lower decision is read from before it.
std::string ClassifyOutcome(std::string_view doc_type, std::string_view decision,
                            std::string_view text);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_
