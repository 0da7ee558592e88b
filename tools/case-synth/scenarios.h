// The scenario builders (SCENARIOS.md), one file each: scenario_<name>.cpp. Each builds its
// world (scenario.h): the planted cases, the near-misses, the registers and the truth.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_SCENARIOS_H_
#define CASESIFT_TOOLS_CASE_SYNTH_SCENARIOS_H_

#include "scenario.h"

namespace casesift::synth {

// 1. 假离婚、实逃债: lopsided divorce mediations where a spouse is sued for debts.
void BuildShamDivorce(World& world);

// 2. 预付式消费风险: merchants sued again and again who cannot pay, the unregistered among
// them, the persons behind several, capital cut before the suits; for the commerce commission.
void BuildPrepaid(World& world);

// 3. 医保基金追偿: medical costs awarded where the medical-insurance fund paid.
void BuildMedicalInsurance(World& world);

// 4. 涉诉但守信: companies that lost money judgments and paid in time.
void BuildSuedTrustworthy(World& world);

// 5. 涉家暴信息共享: protection orders granted, for the women's federation and the police.
void BuildProtectionOrders(World& world);

// 6. 提示预警: warnings to the judge (a dead party, a deregistered company, a lender).
void BuildWarnings(World& world);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_SCENARIOS_H_
