// Article numbers of the Civil Procedure Law (民事诉讼法) that documents cite, by the
// revision in force on the decision date: the 2012 text (unchanged in these articles by
// the 2017 amendment), the 2021 revision (in force 2022-01-01) and the 2023 revision (in
// force 2024-01-01). Also whether the 民法典 (in force 2021-01-01) or the older statutes
// apply, and the article of the 2015/2022 民诉法解释 on 终结本次执行程序.
//
// Thread safety: pure functions.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_LEGAL_REFS_H_
#define CASESIFT_TOOLS_CASE_SYNTH_LEGAL_REFS_H_

#include <string_view>

#include "chinese_writer.h"

namespace casesift::synth {

enum class Cpl : uint8_t {
  kEvidence,              // 当事人对自己提出的主张，有责任提供证据: 64 / 67 / 67
  kDefault,               // 缺席判决: 144 / 147 / 147
  kWithdraw,              // 准许撤诉: 145 / 148 / 148
  kFilingRules,           // 起诉条件: 119 / 122 / 122
  kRulings,               // 裁定适用范围: 154 / 157 / 157
  kAppeal,                // 二审处理: 170 / 177 / 177
  kDelay,                 // 迟延履行: 253 / 260 / 264
  kEnforcementObjection,  // 执行行为异议: 225 / 232 / 236
};

// "第二百五十三条" for the revision in force on `decided`.
std::string_view CplArticle(const Date& decided, Cpl article);

// Whether the 民法典 governs (decided from 2021-01-01; events before it are still judged
// under the old statutes in real practice, but documents from 2021 cite the 民法典 mostly).
bool CivilCode(const Date& decided);

// The 民诉法解释 article on 终结本次执行程序: 第五百一十九条, from 2022 第五百一十七条.
std::string_view FinalEnforcementArticle(const Date& decided);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_LEGAL_REFS_H_
