// Scenario 1, 假离婚、实逃债: a couple who owe money divorce by a mediation agreement that
// gives nearly everything to the spouse who owes nothing, so that the creditors of the other
// find an empty estate. The court's supervision office reviews such mediations.
//
// The court's own records carry the parties' full names and ID numbers (the published
// documents mask them), so the world's couples are written unmasked, and the debtor is the
// same person, with the same ID number, in his or her debt cases: loans, bank loans, credit
// cards, unpaid goods, and enforcement as 被执行人. The traps: a lopsided split ordered by a
// judgment (the court divided the estate, not the couple); a mediation that splits evenly;
// a lopsided mediation where neither spouse owes anything, or where the debtor is the one who
// keeps the flat; a spouse who is the lender, not the borrower; and a spouse whose namesake
// (another person, another ID number and birth date) is sued for a loan. The haystack is the usual
// civil mix, whose divorces are masked as published documents are.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "name_pool.h"
#include "scenarios.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kRule = "sham-divorce";

Date Day(Rng& rng, int year, int from_month, int to_month) {
  return {year, static_cast<int>(rng.Range(from_month, to_month)),
          static_cast<int>(rng.Range(1, 28))};
}

// Puts `person` in the place of `slot`, keeping the agents the plan gave the party.
void Seat(const Actor& person, Actor* slot) {
  std::vector<Agent> agents = std::move(slot->agents);
  *slot = person;
  slot->agents = std::move(agents);
}

// A case of `cause` in which `person` is the (first) defendant, or the plaintiff when
// `lender`: a debt the person owes, or one owed to him or her. Returns the case number.
std::string DebtCase(World& world, const Court& court, const Actor& person, Cause cause, Kind kind,
                     Date filed, bool lender) {
  PlanChoice choice;
  choice.cause = cause;
  choice.court = &court;
  choice.filed = &filed;
  CasePlan& plan = world.Plan(kind, choice);
  Seat(person, lender ? &plan.plaintiffs[0] : &plan.defendants[0]);
  if (kind == Kind::kEnforcement) plan.variant = 0;  // 执: the judgment enforced
  if (kind == Kind::kJudgment && plan.rejected) {    // the debt is proved
    plan.rejected = false;
    for (ClaimItem& item : plan.items) item.award_fen = item.claim_fen;
  }
  return world.Add().case_no;
}

struct Couple {
  Actor debtor;  // or simply the first spouse, when nobody owes anything
  Actor other;
};

// The divorce of `couple`: the flat (worth `flat_yuan`) goes to `couple.other` (or to the
// debtor when `to_debtor`), who pays the spouse `price_pct` percent of its value; by
// mediation or by judgment.
const CaseRecord& Divorce(World& world, const Court& court, const Couple& couple, Date filed,
                          bool mediated, int64_t flat_yuan, int64_t price_pct,
                          bool to_debtor = false) {
  Rng& rng = world.rng();
  PlanChoice choice;
  choice.cause = Cause::kDivorce;
  choice.court = &court;
  choice.filed = &filed;
  CasePlan& plan = world.Plan(mediated ? Kind::kMediation : Kind::kJudgment, choice);
  bool other_sues = rng.Percent(60);
  const Actor& plaintiff = other_sues ? couple.other : couple.debtor;
  const Actor& defendant = other_sues ? couple.debtor : couple.other;
  Seat(plaintiff, &plan.plaintiffs[0]);
  Seat(defendant, &plan.defendants[0]);
  if (plan.rejected) {  // a judgment that grants the divorce and divides the estate
    plan.rejected = false;
    for (ClaimItem& item : plan.items) item.award_fen = item.claim_fen;
  }
  // They married when the younger was 22 or more.
  const Date& young = std::max(couple.debtor.birth, couple.other.birth,
                               [](const Date& a, const Date& b) { return a.year < b.year; });
  Date adult = {young.year + 22, young.month, std::min(young.day, 28)};
  if (plan.event.year < adult.year) plan.event = adult;
  if (plan.aux_int[0] != 0) {  // the child bears the father's surname
    const Actor& father = couple.debtor.female ? couple.other : couple.debtor;
    plan.aux_name = world.factory().Minor(father.name.substr(0, 3), false).name;
  }
  if (plan.aux_text.empty()) {
    plan.aux_text.assign(court.city);
    plan.aux_text.append(court.district);
    AppendStreet(rng, true, &plan.aux_text);
  }
  plan.aux_fen[0] = flat_yuan * 100;
  plan.aux_fen[1] = flat_yuan * price_pct / 100 / 1000 * 1000 * 100;
  plan.aux_int[2] = other_sues != to_debtor ? 1 : 0;  // 1: the flat goes to the plaintiff
  plan.state_values = true;
  return world.Add();
}

int64_t FlatYuan(Rng& rng) { return rng.Range(18, 90) * 100000; }

}  // namespace

void BuildShamDivorce(World& world) {
  Rng& rng = world.rng();
  std::vector<const Court*> courts = ShanghaiCourts();
  auto court_at = [&](int i) -> const Court& {
    return *courts[(static_cast<size_t>(i) * 7 + 3) % courts.size()];
  };
  constexpr Cause kDebts[] = {Cause::kPrivateLoan, Cause::kFinancialLoan, Cause::kCreditCard,
                              Cause::kSale};
  // A couple of 28 or more, so that they married as adults some years before.
  auto adult = [&](const Court& court, int year, bool female) {
    for (;;) {
      Actor a = world.Person(court, year, female);
      if (a.birth.year <= year - 28) return a;
    }
  };
  auto couple_at = [&](const Court& court, int year) {
    bool husband_owes = rng.Percent(70);
    Actor debtor = adult(court, year, !husband_owes);
    for (;;) {  // of about the same age
      Actor other = adult(court, year, husband_owes);
      if (std::abs(other.birth.year - debtor.birth.year) <= 8) return Couple{debtor, other};
    }
  };
  // Debt cases of `person` before the divorce filed in `year`: `n` suits as defendant, one
  // of them perhaps already in enforcement.
  auto debts = [&](const Court& court, const Actor& person, int year, int n, bool enforced) {
    std::vector<std::string> nos;
    for (int k = 0; k < n; ++k) {
      Cause cause = kDebts[rng.Below(std::size(kDebts))];
      Date filed = Day(rng, year - static_cast<int>(rng.Range(1, 2)), 1, 12);
      Kind kind = rng.Percent(75) ? Kind::kJudgment : Kind::kMediation;
      if (enforced && k == 0) {
        kind = Kind::kEnforcement;
        cause = Cause::kPrivateLoan;
      }
      nos.push_back(DebtCase(world, court, person, cause, kind, filed, false));
    }
    return nos;
  };

  // The planted couples: debts sued before the divorce, then a mediation that leaves the
  // debtor next to nothing (the other spouse keeps the flat and pays 5-15% of its value).
  for (int i = 0; i < 7; ++i) {
    const Court& court = court_at(i);
    int year = i < 3 ? 2025 : 2026;
    Couple c = couple_at(court, year);
    bool enforced_only = i == 6;  // a judgment debtor whose suit is not in this data
    std::vector<std::string> nos;
    if (enforced_only) {
      Date filed = Day(rng, year - 1, 1, 12);
      nos.push_back(DebtCase(world, court, c.debtor, Cause::kFinancialLoan, Kind::kEnforcement,
                             filed, false));
    } else {
      nos = debts(court, c.debtor, year, static_cast<int>(rng.Range(1, 3)), i == 2);
    }
    // One debtor keeps the flat on paper but owes the spouse nearly all its value.
    bool on_paper = i == 4;
    const CaseRecord& r = Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng),
                                  on_paper ? rng.Range(82, 92) : rng.Range(5, 15), on_paper);
    std::string why =
        fmt::format("调解离婚, {}{}; {}在{}件经济纠纷中为被告或被执行人", c.other.name,
                    on_paper ? "虽未得房, 却取得几乎等于房价的折价款" : "几乎取得全部房产",
                    c.debtor.name, nos.size());
    world.Expect({std::string(kRule), {{"case_no", r.case_no}}, c.debtor.name, why});
  }

  // Near-misses, two of each.
  for (int i = 0; i < 2; ++i) {
    int year = 2025 + i;
    {  // a judgment, not a mediation: the court divided the estate
      const Court& court = court_at(10 + i);
      Couple c = couple_at(court, year);
      debts(court, c.debtor, year, 2, false);
      const CaseRecord& r =
          Divorce(world, court, c, Day(rng, year, 1, 9), false, FlatYuan(rng), rng.Range(5, 15));
      world.NearMiss(std::string(kRule), r.case_no,
                     "判决离婚: 财产由法院依法分割, 不是双方合意, 不属调解规避债务");
    }
    {  // an even split
      const Court& court = court_at(12 + i);
      Couple c = couple_at(court, year);
      debts(court, c.debtor, year, 2, false);
      const CaseRecord& r =
          Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng), rng.Range(42, 50));
      world.NearMiss(std::string(kRule), r.case_no,
                     "调解离婚但财产大致平分: 一方得房、另一方得相当的折价款");
    }
    {  // lopsided, but neither spouse owes anything
      const Court& court = court_at(14 + i);
      Couple c = couple_at(court, year);
      const CaseRecord& r =
          Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng), rng.Range(5, 15));
      world.NearMiss(std::string(kRule), r.case_no,
                     "一方明显多分, 但双方均无作为被告的经济纠纷: 没有可逃避的债务");
    }
    {  // lopsided, and the spouse is the lender in loan cases
      const Court& court = court_at(16 + i);
      Couple c = couple_at(court, year);
      for (int k = 0; k < 2; ++k) {
        DebtCase(world, court, c.debtor, Cause::kPrivateLoan, Kind::kJudgment,
                 Day(rng, year - 1, 1, 12), true);
      }
      const CaseRecord& r =
          Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng), rng.Range(5, 15));
      world.NearMiss(std::string(kRule), r.case_no,
                     "一方在借贷案件中是原告(出借人、债权人), 不是债务人");
    }
    {  // lopsided, but to the debtor: the flat stays within the creditors' reach
      const Court& court = court_at(20 + i);
      Couple c = couple_at(court, year);
      debts(court, c.debtor, year, 2, false);
      const CaseRecord& r = Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng),
                                    rng.Range(5, 15), true);
      world.NearMiss(std::string(kRule), r.case_no,
                     "多分财产的正是负债一方: 房产仍在债权人可执行的范围内, 没有转移");
    }
    {  // lopsided, and a namesake (another ID number and birth date) owes money
      const Court& court = court_at(18 + i);
      Couple c = couple_at(court, year);
      Actor namesake = world.Person(court, year - 1, c.debtor.female);
      namesake.name = c.debtor.name;
      namesake.short_name = c.debtor.short_name;
      debts(court, namesake, year, 2, false);
      const CaseRecord& r =
          Divorce(world, court, c, Day(rng, year, 1, 9), true, FlatYuan(rng), rng.Range(5, 15));
      world.NearMiss(std::string(kRule), r.case_no,
                     "被诉的是同名的另一人: 身份证号码、出生日期都不同");
    }
  }
  world.Background(
      300, {Kind::kJudgment, Kind::kAppeal, Kind::kRuling, Kind::kMediation, Kind::kEnforcement});
}

}  // namespace casesift::synth
