// Whether a name is an organisation's or a person's, from the name alone: case-extract
// decides a party's kind with it, report-render which names to mask (a person's, never an
// organisation's).
#ifndef CASESIFT_COMMON_ORG_NAME_H_
#define CASESIFT_COMMON_ORG_NAME_H_

#include <string_view>

namespace casesift {

// Whether `name` is an organisation's (公司, 银行, 委员会, 事务所, 厂, 店 …) rather than a
// person's: it contains an organisation word of two or more characters, or, being four
// characters or longer, ends with a one-character one (店, 厂, 行 …), or it is longer than
// eight characters. A short masked name (张某) is a person's. Heuristic: a person named
// 夏中心 is taken for an organisation; callers with more evidence (a stated sex or birth
// date) should let that win.
bool IsOrganisationName(std::string_view name);

// Whether `name` holds an organisation word (as IsOrganisationName, without the length
// rule): for a caller that must not take a long person's name (阿卜杜热合曼·买买提明, John
// Smith Doe) for an organisation's, such as report-render's masking.
bool HasOrganisationWord(std::string_view name);

}  // namespace casesift

#endif  // CASESIFT_COMMON_ORG_NAME_H_
