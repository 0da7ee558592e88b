// Scenario 3, 医保基金追偿: a third party who injures someone owes the medical costs; when
// basic medical insurance paid for the treatment, the fund may recover its payments from
// the tortfeasor (社会保险法 第三十条). The court's judgments in traffic cases say who owes
// the injured person's 医疗费; the bureau's settlement records (GB18030, by ID number) say
// what the fund paid for the treatment. A lead is a judgment that awards medical costs to
// an injured person whose treatment after the accident the fund paid: the fund's payments,
// capped by the medical costs awarded, are recoverable.
// The traps: a tort case whose injured person has no settlement record; an insured person
// whose only treatment lies years before the accident; a judgment that rejects every claim;
// a case in which the insured person is the defendant (the driver), not the injured.
#include <fmt/format.h>

#include <algorithm>

#include "scenarios.h"

namespace casesift::synth {
namespace {

std::string YuanText(int64_t fen) { return fmt::format("{}.{:02}", fen / 100, fen % 100); }

Date DayIn(Rng& rng, int year, int last_month) {
  Date d{year, static_cast<int>(rng.Range(1, last_month)), static_cast<int>(rng.Range(1, 28))};
  return d;
}

// After the awards of a traffic plan change: who pays what (PlanTraffic's split, simplified:
// the compulsory insurance to its limit, the commercial insurance the rest).
void Resettle(CasePlan& p) {
  int64_t total = 0;
  for (const ClaimItem& i : p.items) total += i.excluded ? 0 : i.award_fen;
  bool insured = p.aux_int[1] != 0;
  p.aux_fen[0] = insured ? std::min<int64_t>(total, 20000000) : 0;
  p.aux_fen[1] = insured ? total - p.aux_fen[0] : 0;
  p.aux_fen[2] = insured ? 0 : total;
}

ClaimItem* Medical(CasePlan& p) {
  for (ClaimItem& i : p.items) {
    if (i.label == "医疗费") return &i;
  }
  return nullptr;
}

struct Settlements {
  Register* reg;
  int serial = 0;
  // One settlement: the fund pays `share` percent of `total_fen`.
  int64_t Add(Rng& rng, const Actor& a, std::string_view type, const Date& in, const Date& out,
              int64_t total_fen, int share) {
    static constexpr std::string_view kHospitals[] = {
        "上海市第六人民医院", "复旦大学附属中山医院",
        "上海市第一人民医院", "上海交通大学医学院附属瑞金医院",
        "上海市浦东医院",     "上海市第十人民医院"};
    int64_t fund = total_fen * share / 100;
    ++serial;
    reg->Add({fmt::format("JS{}{:06}", in.year, serial * 37 + 1000), a.name, a.id_no,
              rng.Percent(70) ? "职工基本医疗保险" : "城乡居民基本医疗保险", std::string(type),
              std::string(rng.Pick(kHospitals)), IsoDate(in), IsoDate(out), YuanText(total_fen),
              YuanText(fund), YuanText(total_fen - fund), IsoDate(AddDays(out, rng.Range(0, 3)))});
    return fund;
  }
};

}  // namespace

void BuildMedicalInsurance(World& world) {
  Rng& rng = world.rng();
  std::vector<const Court*> courts = ShanghaiCourts();
  auto court = [&]() -> const Court& { return *courts[rng.Below(courts.size())]; };
  Register& reg =
      world.Registry("medical_settlements", {"结算单号", "姓名", "公民身份号码", "险种", "就诊类型",
                                             "定点医疗机构", "入院日期", "出院日期", "医疗费总额",
                                             "统筹基金支付", "个人负担", "结算日期"});
  reg.gb18030 = true;  // the bureau's settlement system exports GB18030
  Settlements settle{&reg};
  const std::string kRule = "medical-insurance-recovery";

  // shape: 0-7 leads (6: the court cut the medical costs below the fund's payment, so the
  // cap binds); 8-9 no settlement; 10-11 only an old treatment; 12-13 rejected; 14-15 the
  // insured person is the driver.
  for (int i = 0; i < 16; ++i) {
    const Court& c = court();
    Date filed = DayIn(rng, static_cast<int>(rng.Range(2024, 2026)), 9);
    Actor injured = world.Person(c, filed.year, rng.Percent(45));
    Actor driver = world.Person(c, filed.year, rng.Percent(25));
    PlanChoice choice;
    choice.cause = Cause::kTraffic;
    choice.court = &c;
    choice.filed = &filed;
    CasePlan& p = world.Plan(Kind::kJudgment, choice);
    p.plaintiffs[0] = injured;
    p.defendants[0] = driver;
    p.event = AddDays(filed, -rng.Range(60, 420));
    p.itemised_losses = true;
    bool lead = i < 8;
    if (i == 6) {  // most of the bills were for care the accident did not need
      ClaimItem* m = Medical(p);
      m->claim_fen = std::max<int64_t>(m->claim_fen, 4000000);
      m->award_fen = m->claim_fen * 3 / 10;
    }
    // The usual mix rejects some claims (every award nothing): here only 12 and 13 fail.
    p.rejected = i == 12 || i == 13;
    if (!p.rejected) {
      for (ClaimItem& item : p.items) {
        if (!item.excluded && item.award_fen <= 0) item.award_fen = item.claim_fen;
      }
    }
    Resettle(p);
    ClaimItem* m = Medical(p);
    int64_t bills = m->claim_fen;
    int64_t awarded = m->award_fen;
    int days = static_cast<int>(p.items[1].claim_fen / 10000);  // 住院N天, as the story says
    Date in = p.event;
    Date out = AddDays(in, std::max(days, 1));
    const CaseRecord& r = world.Add();
    if (lead || i >= 12) {
      // The stay after the accident, and often an outpatient follow-up.
      bool follow_up = rng.Percent(50);
      int64_t stay = follow_up ? bills * 85 / 100 : bills;
      const Actor& insured = i >= 14 ? driver : injured;
      int64_t fund =
          settle.Add(rng, insured, "住院", in, out, stay, static_cast<int>(rng.Range(55, 75)));
      if (follow_up) {
        Date visit = AddDays(out, rng.Range(10, 40));
        fund += settle.Add(rng, insured, "门诊", visit, visit, bills - stay,
                           static_cast<int>(rng.Range(40, 60)));
      }
      if (lead) {
        int64_t recoverable = std::min(fund, awarded);
        world.Expect({kRule,
                      {{"case_no", r.case_no}},
                      injured.name,
                      fmt::format("{}于{}受伤, 医保统筹支付{}元, 判决支持医疗费{}元, 可追偿{}元",
                                  injured.name, IsoDate(p.event), YuanText(fund), YuanText(awarded),
                                  YuanText(recoverable))});
      } else if (i < 14) {
        world.NearMiss(kRule, r.case_no, "诉讼请求被全部驳回: 没有判决支持的医疗费, 无从追偿");
      } else {
        world.NearMiss(kRule, r.case_no,
                       "医保结算的是被告(驾驶人)本人, 不是受害人: 不属于第三人侵权的追偿");
      }
    } else if (i < 10) {
      world.NearMiss(kRule, r.case_no, "受害人没有医保结算记录: 医疗费未由基金支付");
    } else {
      Date old_in = AddDays(p.event, -rng.Range(1200, 2000));
      settle.Add(rng, injured, "住院", old_in, AddDays(old_in, rng.Range(3, 15)),
                 rng.Range(800000, 3000000), static_cast<int>(rng.Range(55, 75)));
      world.NearMiss(kRule, r.case_no, "受害人的医保结算远在事故之前, 与本次事故无关");
    }
  }
  // Insured people in no case at all: the register is the whole city's.
  for (int i = 0; i < 150; ++i) {
    const Court& c = court();
    Actor a = world.Person(c, 2025, rng.Percent(50));
    Date in = DayIn(rng, static_cast<int>(rng.Range(2022, 2026)), 10);
    bool stay = rng.Percent(40);
    settle.Add(rng, a, stay ? "住院" : "门诊", in, AddDays(in, stay ? rng.Range(2, 20) : 0),
               stay ? rng.Range(500000, 6000000) : rng.Range(5000, 150000),
               static_cast<int>(rng.Range(40, 80)));
  }
  // The haystack: ordinary civil work (traffic judgments among it, whose injured have no
  // full ID number in the register, and none itemises its losses).
  world.Background(
      300, {Kind::kJudgment, Kind::kAppeal, Kind::kRuling, Kind::kMediation, Kind::kEnforcement});
}

}  // namespace casesift::synth
