// Scenario 5, 涉家暴信息共享: every personal-safety protection order a court grants goes to
// the district's women's federation and police, with the protected person and the
// respondent named, for follow-up. The haystack is ordinary civil work; the traps are
// applications the court rejected (a 民事裁定书 in a 民保令 case), which share the case type
// and the whole story of violence but order nothing.
#include <fmt/format.h>

#include "scenarios.h"

namespace casesift::synth {

void BuildProtectionOrders(World& world) {
  Rng& rng = world.rng();
  std::vector<const Court*> courts = ShanghaiCourts();
  // Six districts, each with a few orders and one rejected application.
  for (int d = 0; d < 6; ++d) {
    const Court& court = *courts[(static_cast<size_t>(d) * 5 + 2) % courts.size()];
    int orders = static_cast<int>(rng.Range(2, 5));
    for (int k = 0; k < orders + 1; ++k) {
      bool granted = k < orders;
      Date filed = {2026, static_cast<int>(rng.Range(1, 10)), static_cast<int>(rng.Range(1, 28))};
      bool wife = rng.Percent(85);
      Actor protected_person = world.Person(court, filed.year, wife);
      Actor respondent = world.Person(court, filed.year, !wife);
      PlanChoice choice;
      choice.cause = Cause::kProtectionOrder;
      choice.court = &court;
      choice.filed = &filed;
      CasePlan& plan = world.Plan(Kind::kProtection, choice);
      plan.plaintiffs[0] = protected_person;
      plan.defendants[0] = respondent;
      plan.variant = granted ? 0 : 1;
      const CaseRecord& r = world.Add();
      if (granted) {
        world.Expect(
            {"protection-order-granted",
             {{"case_no", r.case_no}},
             respondent.name,
             fmt::format("{}对{}的人身安全保护令", court.district, protected_person.name)});
      } else {
        world.NearMiss("protection-order-granted", r.case_no,
                       "申请被裁定驳回: 没有保护令, 无需移送");
      }
    }
  }
  world.Background(
      300, {Kind::kJudgment, Kind::kAppeal, Kind::kRuling, Kind::kMediation, Kind::kEnforcement});
}

}  // namespace casesift::synth
