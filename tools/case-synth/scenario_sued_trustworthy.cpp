// Scenario 4, 涉诉但守信: a company that lost a money judgment and paid in time is sued but
// trustworthy; banks ask the court for a statement before they lend. Paid in time: no
// enforcement case followed the judgment (the enforcement register, by the judgment's case
// number and the debtor's credit code), or the enforcement ended by voluntary performance
// (执行完毕, 自动履行) within a month of its filing.
// The traps: a company that paid only after its accounts were frozen (强制执行) or months
// after the enforcement began; a company whose enforcement ended in 终本 (nothing paid); a
// company that won its case as plaintiff (against a person); a judgment whose signature date
// is a ××日 placeholder (when the time to pay ran out is unknown).
#include <fmt/format.h>

#include "scenarios.h"

namespace casesift::synth {
namespace {

std::string YuanText(int64_t fen) { return fmt::format("{}.{:02}", fen / 100, fen % 100); }

int64_t Awarded(const CasePlan& p) {
  int64_t sum = 0;
  for (const ClaimItem& i : p.items) sum += i.periodic || i.excluded ? 0 : i.award_fen;
  return sum;
}

}  // namespace

void BuildSuedTrustworthy(World& world) {
  Rng& rng = world.rng();
  std::vector<const Court*> courts = ShanghaiCourts();
  Register& reg = world.Registry(
      "enforcement", {"执行案号", "执行依据文号", "申请执行人", "被执行人", "被执行人证照号码",
                      "立案日期", "结案日期", "结案方式", "履行方式", "执行标的金额"});
  const std::string kRule = "sued-trustworthy";
  int serial = 0;
  // An enforcement case on judgment `r` against `debtor`.
  auto enforce = [&](const CaseRecord& r, const CasePlan& p, const Actor& debtor, int start_days,
                     int took_days, std::string_view how, std::string_view performed) {
    Date filed = AddDays(p.decided, start_days);
    Date closed = AddDays(filed, took_days);
    ++serial;
    reg.Add({fmt::format("({}){}执{}号", filed.year, p.court->code, 1000 + serial * 53), r.case_no,
             p.plaintiffs[0].name, debtor.name, debtor.uscc, IsoDate(filed), IsoDate(closed),
             std::string(how), std::string(performed), YuanText(Awarded(p))});
  };
  static constexpr Cause kCauses[] = {Cause::kSale, Cause::kService, Cause::kLabour};
  // shape: 0-5 trustworthy (two or three judgments each); 6 paid after compulsory measures;
  // 7 paid voluntarily but half a year late; 8 终本; 9 won as plaintiff.
  for (int s = 0; s < 10; ++s) {
    const Court& court = *courts[(static_cast<size_t>(s) * 3 + 1) % courts.size()];
    Actor company = world.Company(court, 2024, s % 2 == 0 ? Industry::kTrade : Industry::kGeneral);
    int cases = s < 6 ? static_cast<int>(rng.Range(1, 3)) : 1;
    for (int k = 0; k < cases; ++k) {
      Date filed = {static_cast<int>(rng.Range(2024, 2025)), static_cast<int>(rng.Range(1, 12)),
                    static_cast<int>(rng.Range(1, 28))};
      // The company that won sued a person: the company is the case's only organisation.
      Actor buyer;
      if (s == 9) buyer = world.Person(court, 2024, rng.Percent(50));
      PlanChoice choice;
      choice.cause = s == 9 ? Cause::kSale : kCauses[rng.Below(3)];
      choice.court = &court;
      choice.filed = &filed;
      CasePlan& p = world.Plan(Kind::kJudgment, choice);
      p.rejected = false;
      // A money judgment: something awarded (the usual mix sometimes grants nothing).
      if (Awarded(p) == 0) {
        for (ClaimItem& i : p.items) {
          if (i.periodic || i.excluded || i.claim_fen <= 0) continue;
          i.award_fen = i.claim_fen;
          break;
        }
      }
      if (s == 9) {
        p.plaintiffs.resize(1);
        p.plaintiffs[0] = company;
        p.defendants.resize(1);
        p.defendants[0] = buyer;
        p.guarantor = -1;
        p.absent = 0;
      } else {
        p.defendants.resize(1);
        p.defendants[0] = company;
        p.guarantor = -1;
        p.absent = 0;
      }
      CasePlan plan = p;  // the plan as written, for the register
      const CaseRecord& r = world.Add();
      if (s < 6 && r.decided_date_null) {
        // The signature date is a ××日 placeholder: when the time to pay ran out is unknown.
        world.NearMiss(kRule, r.case_no, "判决日期不详 (××日): 无从判断是否按期履行");
      } else if (s < 6) {
        bool voluntary = rng.Percent(40);
        if (voluntary)
          enforce(r, plan, company, static_cast<int>(rng.Range(20, 60)),
                  static_cast<int>(rng.Range(3, 25)), "执行完毕", "自动履行");
        world.Expect({kRule,
                      {{"case_no", r.case_no}},
                      company.name,
                      voluntary ? "执行立案后即自动履行完毕" : "判决后未被申请执行: 按期履行"});
      } else if (s == 6) {
        enforce(r, plan, company, 40, static_cast<int>(rng.Range(60, 150)), "执行完毕", "强制执行");
        world.NearMiss(kRule, r.case_no, "冻结、扣划账户后才履行完毕: 不是自动履行");
      } else if (s == 7) {
        enforce(r, plan, company, 40, static_cast<int>(rng.Range(180, 300)), "执行完毕",
                "自动履行");
        world.NearMiss(kRule, r.case_no, "执行立案半年后才履行: 不是按期履行");
      } else if (s == 8) {
        enforce(r, plan, company, 30, static_cast<int>(rng.Range(90, 200)), "终结本次执行程序", "");
        world.NearMiss(kRule, r.case_no, "终结本次执行程序: 未履行");
      } else {
        world.NearMiss(kRule, r.case_no, "公司是胜诉的原告, 不是败诉的被告");
      }
    }
  }
  // The haystack: no first-instance judgments (their company debtors are not in the
  // register, and would read as paid); appeals, rulings, mediations, enforcement.
  world.Background(300, {Kind::kAppeal, Kind::kRuling, Kind::kMediation, Kind::kEnforcement});
}

}  // namespace casesift::synth
