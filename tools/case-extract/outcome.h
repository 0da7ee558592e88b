// The outcome of a case (RECORDS.md): judgment, mediated, withdrawn, dismissed (驳回起诉),
// rejected (驳回诉讼请求, or every claim refused), granted (an application allowed: 准予,
// 支持, a protection order issued), transferred (移送), suspended (中止), terminated
// (终结), other.
//
// Read from the document type and the decision: a 调解书 is mediated; a ruling that allows
// a withdrawal is withdrawn; one that rejects the suit is dismissed; a decision whose
// items only refuse (驳回…诉讼请求, 驳回上诉, 不准予离婚) is rejected; a judgment that orders
// anything is a judgment.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_

#include <string>
#include <string_view>

namespace casesift {

std::string ClassifyOutcome(std::string_view doc_type, std::string_view decision,
                            std::string_view text);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_OUTCOME_H_
