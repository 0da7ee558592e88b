// Synthetic names: people, companies, law firms, streets, household registrations.
//
// People are drawn from common surnames and given-name characters, companies from
// trade-name characters and industries, so no name is copied from real documents.
// (A generated name can still coincide with a real person's; it is never taken from
// one.) Every function appends to *out or returns a static string.
//
// Thread safety: pure functions of the Rng they are given.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_NAME_POOL_H_
#define CASESIFT_TOOLS_CASE_SYNTH_NAME_POOL_H_

#include <string>
#include <string_view>

#include "rng.h"

namespace casesift::synth {

// A surname: one character mostly, rarely two (欧阳).
std::string_view PickSurname(Rng& rng);
// A given name of one or two characters, leaning to the gender's usual characters.
void AppendGivenName(Rng& rng, bool female, std::string* out);
// Surname plus given name.
void AppendPersonName(Rng& rng, bool female, std::string* out);

// An ethnicity (民族), 汉族 most of the time.
std::string_view PickEthnicity(Rng& rng);
// An occupation as party paragraphs give it (无业, 职员, 农民…).
std::string_view PickOccupation(Rng& rng);

// Two characters that make a trade name: 鑫源, 恒泰.
void AppendTradeName(Rng& rng, std::string* out);

enum class Industry {
  kEducation,  // 教育科技, 文化传播, 培训
  kFitness,    // 健身, 美容
  kTrade,      // 贸易, 商贸, 建材, 机械
  kProperty,   // 物业管理
  kTech,       // 网络科技, 信息技术
  kGeneral,    // 实业, 餐饮, 物流…
};
// An industry word for a company name: 教育科技, 健身管理, 物业管理…
std::string_view PickIndustry(Rng& rng, Industry industry);
// A company-form suffix: 有限公司 mostly, 有限责任公司, 股份有限公司.
std::string_view PickCompanyForm(Rng& rng);

// A street address within a district: 张江路123号, 锦绣路88弄5号301室.
void AppendStreet(Rng& rng, bool detailed, std::string* out);
// A road name: 张江路, 锦绣街.
void AppendRoadName(Rng& rng, std::string* out);
// A household registration place outside the court's city: 安徽省, 江苏省南通市…
std::string_view PickHomeProvince(Rng& rng);
// The title of a company's legal representative: 执行董事, 总经理…
std::string_view PickLegalRepTitle(Rng& rng);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_NAME_POOL_H_
