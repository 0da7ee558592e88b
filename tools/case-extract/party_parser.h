// PartyParser: the party paragraphs of a judgment to parties with roles, sides and details.
//
// Each paragraph (a line, or a sentence ending in '。' when a text runs together) opens
// with a role (DOMAIN.md §1): a party's role such as 原告, 上诉人（原审被告）,
// 再审申请人（一审原告、二审上诉人）; an agent's (委托诉讼代理人, 法定代理人, a shared
// 上列两原告共同委托诉讼代理人); or a representative's (法定代表人, 负责人, 经营者). The colon
// after the role is optional. A party paragraph continues with the name and details
// separated by '，': gender, birth date in any written form, ethnicity, addresses (住所地
// for organisations; for persons 现住 before 住/住址 before 户籍地; 住址同上 repeats the
// previous party's), 公民身份号码 and 统一社会信用代码 (checked, kept as written). Agents
// and representatives attach to the party above them; a shared agent to every party of
// the role it names.
//
// Sides: 原告/起诉人/自诉人/公诉机关 → plaintiff; 被告/被告人 → defendant; 第三人 →
// third_party; 上诉人 → appellant; 被上诉人 → appellee; 申请人/申请执行人/再审申请人/
// 复议申请人/异议人/案外人 → applicant; 被申请人/被执行人/再审被申请人 → respondent.
// A role written 原审… (原审原告, 原审第三人) names the side it had below: plaintiff,
// defendant, third_party. The bracketed part of a role never changes its side.
//
// Thread-safe: no mutable state.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_PARTY_PARSER_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_PARTY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "case_record.h"

namespace casesift {

// Parses the party block. Paragraphs that open with no known role are skipped with a
// warning appended to *warnings.
std::vector<Party> ParseParties(std::string_view block, std::vector<std::string>* warnings);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_PARTY_PARSER_H_
