#include "case_planner.h"

#include <algorithm>

#include "cause_catalog.h"
#include "fee_schedule.h"

namespace casesift::synth {
namespace {

int PickYear(Rng& rng, Kind kind) {
  // Decision years 2014-2024, more of them recent; protection orders exist from 2016.
  static constexpr uint32_t kWeights[] = {4, 5, 7, 8, 9, 10, 11, 12, 12, 11, 11};
  int year = 2014 + static_cast<int>(rng.Weighted(kWeights));
  if (kind == Kind::kProtection && year < 2016) year = 2016 + static_cast<int>(rng.Below(9));
  return year;
}

Date DayInYear(Rng& rng, int year) {
  return CivilFromDays(DaysFromCivil({year, 1, 1}) + rng.Below(365));
}

int64_t Days(Rng& rng, int lo, int hi) { return rng.Range(lo, hi); }

int64_t FeeBase(Rng& rng, const CasePlan& plan, int64_t amount) {
  switch (SpecOf(plan.cause).fee) {
    case FeeRule::kDivorce: {
      static constexpr int64_t kFees[] = {5000, 10000, 20000, 30000, 30000};
      return rng.Pick(kFees);
    }
    case FeeRule::kLabour:
      return 1000;
    case FeeRule::kNone:
      return 0;
    case FeeRule::kProperty:
      break;
  }
  // Courts state the fee in whole yuan.
  return (PropertyCaseFeeFen(amount) + 50) / 100 * 100;
}

int64_t ClaimTotal(const CasePlan& plan) {
  int64_t sum = 0;
  for (const ClaimItem& i : plan.items) sum += i.periodic ? 0 : i.claim_fen;
  return sum;
}

int64_t AwardTotal(const CasePlan& plan) {
  int64_t sum = 0;
  for (const ClaimItem& i : plan.items) sum += i.periodic ? 0 : i.award_fen;
  return sum;
}

void Reject(CasePlan* plan) {
  plan->rejected = true;
  for (ClaimItem& i : plan->items) i.award_fen = 0;
}

void PlanAppeal(Rng& rng, CasePlan* plan) {
  for (ClaimItem& i : plan->items) i.first_award_fen = i.award_fen;
  bool special = plan->cause == Cause::kTraffic || plan->cause == Cause::kDivorce ||
                 plan->cause == Cause::kTrademark;
  bool short_of_claim = AwardTotal(*plan) < ClaimTotal(*plan);
  plan->appellant_is_defendant = !short_of_claim || rng.Percent(75);
  plan->variant = !special && rng.Percent(25) ? 1 : 0;
  int64_t appealed =
      plan->appellant_is_defendant ? AwardTotal(*plan) : ClaimTotal(*plan) - AwardTotal(*plan);
  plan->fee_base_fen = FeeBase(rng, *plan, std::max<int64_t>(appealed, 100000));
  if (plan->variant == 1) {
    if (!plan->appellant_is_defendant) {
      for (ClaimItem& i : plan->items) i.award_fen = i.claim_fen;
    } else if (rng.Percent(20)) {
      Reject(plan);
    } else {
      for (ClaimItem& i : plan->items) {
        int64_t pct = rng.Range(50, 90);
        i.award_fen = i.award_fen * pct / 100 / 100 * 100;
      }
    }
  }
}

}  // namespace

void ResetPlan(CasePlan* plan) { *plan = CasePlan(); }

void PlanDocument(Rng& rng, ActorFactory& factory, Kind kind, CasePlan* plan) {
  PlanChoice choice;
  choice.year = PickYear(rng, kind);
  choice.cause =
      kind == Kind::kProtection ? Cause::kProtectionOrder : PickCause(rng, kind, choice.year);
  PlanDocumentAs(rng, factory, kind, choice, plan);
}

void PlanDocumentAs(Rng& rng, ActorFactory& factory, Kind kind, const PlanChoice& choice,
                    CasePlan* plan) {
  ResetPlan(plan);
  plan->kind = kind;
  plan->year = choice.filed != nullptr ? choice.filed->year : choice.year;
  plan->cause = choice.cause;
  bool ip = plan->cause == Cause::kTrademark;
  if (choice.court != nullptr) {
    plan->court = choice.court;
  } else if (ip && kind == Kind::kJudgment) {
    plan->court = &IpCourt();
  } else {
    do {
      plan->court = &PickBasicCourt(rng, plan->year);
    } while (ip && plan->court->code.substr(0, 3) != "沪");
  }
  plan->appeal_court = ip ? &IpAppealCourt() : plan->court->appeal;
  plan->filed = choice.filed != nullptr ? *choice.filed : DayInYear(rng, plan->year);
  plan->legacy = plan->year < 2016;
  plan->full_width = rng.Percent(85);
  plan->colon = plan->legacy ? rng.Percent(40) : rng.Percent(93);
  plan->simple = kind == Kind::kJudgment ? rng.Percent(60) : rng.Percent(70);
  plan->converted = kind == Kind::kJudgment && plan->simple && rng.Percent(8);
  switch (kind) {
    case Kind::kJudgment:
      plan->decided = AddDays(plan->filed, plan->simple ? Days(rng, 30, 90) : Days(rng, 60, 240));
      plan->seq = rng.Range(1, plan->court->code == "沪0115" ? 90000 : 30000);
      break;
    case Kind::kRuling:
    case Kind::kMediation:
      plan->decided = AddDays(plan->filed, Days(rng, 12, 120));
      plan->seq = rng.Range(1, 30000);
      break;
    case Kind::kAppeal:
      plan->decided = AddDays(plan->filed, Days(rng, 30, 120));
      plan->first_decided = AddDays(plan->filed, -Days(rng, 20, 60));
      plan->first_filed = AddDays(plan->first_decided, -Days(rng, 60, 240));
      plan->seq = rng.Range(1, 15000);
      break;
    case Kind::kEnforcement: {
      static constexpr uint32_t kVariants[] = {60, 15, 18,
                                               7};  // 执, 执恢, 执异 (rejected, granted)
      plan->variant = static_cast<int>(rng.Weighted(kVariants));
      plan->decided =
          AddDays(plan->filed, plan->variant >= 2 ? Days(rng, 15, 60) : Days(rng, 60, 300));
      // A 恢复执行 follows an earlier 终本 ruling, itself after the judgment.
      plan->first_decided =
          AddDays(plan->filed, plan->variant == 1 ? -Days(rng, 300, 1000) : -Days(rng, 30, 400));
      plan->first_filed = AddDays(plan->first_decided, -Days(rng, 60, 200));
      plan->seq = plan->variant == 0   ? rng.Range(1, 20000)
                  : plan->variant == 1 ? rng.Range(1, 2000)
                                       : rng.Range(1, 800);
      break;
    }
    case Kind::kProtection:
      plan->decided = AddDays(plan->filed, Days(rng, 0, 3));
      plan->seq = rng.Range(1, 60);
      plan->variant = rng.Percent(80) ? 0 : 1;
      break;
    case Kind::kCount:
      break;
  }
  plan->first_year = plan->first_filed.year;
  plan->first_seq = rng.Range(1, 30000);

  plan->story_seed = rng.Next();
  bool earlier_suit = kind == Kind::kAppeal || kind == Kind::kEnforcement;
  plan->suit = earlier_suit ? plan->first_filed : plan->filed;
  factory.Reset(&rng, plan->court, plan->year, plan->legacy);
  PlanCause(rng, factory, plan);
  for (size_t i = 0; i < plan->defendants.size() && i < 31; ++i) {
    const Actor& d = plan->defendants[i];
    uint32_t chance = d.type == ActorType::kPerson ? 25 : d.type == ActorType::kBranch ? 0 : 10;
    if (d.masked) chance = 10;
    if (rng.Percent(chance)) plan->absent |= 1u << i;
  }

  switch (kind) {
    case Kind::kJudgment:
      if (rng.Percent(plan->cause == Cause::kDivorce ? 40 : 10)) Reject(plan);
      break;
    case Kind::kMediation:
      for (ClaimItem& i : plan->items) {
        if (i.periodic || i.claim_fen < 1000000 || plan->cause == Cause::kTraffic) continue;
        int64_t pct = rng.Range(70, 100);
        i.award_fen = i.claim_fen * pct / 100 / 10000 * 10000;
      }
      plan->absent = 0;
      break;
    case Kind::kAppeal:
      PlanAppeal(rng, plan);
      break;
    case Kind::kEnforcement:
      if (AwardTotal(*plan) <= 0) {
        for (ClaimItem& i : plan->items) i.award_fen = i.claim_fen;
      }
      break;
    default:
      break;
  }
  if (kind != Kind::kAppeal) plan->fee_base_fen = FeeBase(rng, *plan, ClaimTotal(*plan));
  int64_t first_fee = kind == Kind::kAppeal ? FeeBase(rng, *plan, ClaimTotal(*plan)) : 0;
  plan->first_fee_fen = rng.Percent(60) ? HalveFen(first_fee) : first_fee;

  size_t judges = 1;
  bool first_instance =
      kind == Kind::kJudgment || kind == Kind::kMediation || kind == Kind::kRuling;
  if ((first_instance && (!plan->simple || plan->converted)) || kind == Kind::kAppeal ||
      (kind == Kind::kEnforcement && plan->variant >= 2)) {
    judges = 3;
  } else if (kind == Kind::kEnforcement && rng.Percent(40)) {
    judges = 3;
  }
  for (size_t i = 0; i < judges; ++i) plan->judges.push_back(factory.FreshName(rng.Percent(45)));
  plan->clerk = factory.FreshName(rng.Percent(60));
  if (plan->year >= 2016 && rng.Percent(40)) plan->assistant = factory.FreshName(rng.Percent(55));
}

}  // namespace casesift::synth
