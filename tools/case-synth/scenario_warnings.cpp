// Scenario 6, 提示预警: warnings to the judge who handles a case, as the case is filed.
//   - a party already dead when the case was filed (the death register);
//   - a company already deregistered (注销) or revoked (吊销) when the case was filed (the
//     business register);
//   - a plaintiff who lends professionally: five or more 民间借贷 suits as plaintiff within
//     two years (the cases themselves).
// The traps: a party who died after the filing (the case goes on with the heirs); a company
// deregistered after the filing; a namesake of a dead person with another ID number; a
// lender with four suits in two years; a lender with five suits spread over three years.
#include <fmt/format.h>

#include "scenarios.h"

namespace casesift::synth {
namespace {

Date DayIn(Rng& rng, int year) {
  return CivilFromDays(DaysFromCivil({year, 1, 1}) + rng.Below(365));
}

// A case of `cause` filed on `filed` in `court`, planned as usual.
CasePlan& PlanCase(World& world, Kind kind, Cause cause, const Court& court, const Date& filed) {
  PlanChoice choice;
  choice.cause = cause;
  choice.court = &court;
  choice.filed = &filed;
  return world.Plan(kind, choice);
}

Kind FirstInstance(Rng& rng) {
  uint32_t k = rng.Below(10);
  return k < 6 ? Kind::kJudgment : k < 8 ? Kind::kMediation : Kind::kRuling;
}

void DeathRow(Register& deaths, const Actor& a, const Date& died, std::string_view place) {
  deaths.Add({a.name, a.female ? "女" : "男", a.id_no, IsoDate(died), std::string(place)});
}

}  // namespace

void BuildWarnings(World& world) {
  Rng& rng = world.rng();
  std::vector<const Court*> courts = ShanghaiCourts();
  auto court = [&]() -> const Court& { return *courts[rng.Below(courts.size())]; };
  Register& deaths =
      world.Registry("death_register", {"姓名", "性别", "公民身份号码", "死亡日期", "死亡地点"});
  deaths.gb18030 = true;  // the civil-affairs system exports GB18030
  Register& business =
      world.Registry("business_register", {"统一社会信用代码", "企业名称", "法定代表人", "登记状态",
                                           "成立日期", "注销日期", "吊销日期", "登记机关"});
  static constexpr std::string_view kPlaces[] = {"医院", "家中", "养老院"};

  // Dead parties: sued, or named as a defendant, after death.
  for (int i = 0; i < 6; ++i) {
    const Court& c = court();
    Date filed = DayIn(rng, static_cast<int>(rng.Range(2024, 2026)));
    if (filed.year == 2026 && filed.month > 10) filed.month = 10;
    Actor dead = world.Person(c, filed.year, rng.Percent(40));
    Date died = AddDays(filed, -rng.Range(30, 400));
    DeathRow(deaths, dead, died, kPlaces[rng.Below(3)]);
    CasePlan& p = PlanCase(world, FirstInstance(rng),
                           rng.Percent(60) ? Cause::kPrivateLoan : Cause::kCreditCard, c, filed);
    p.defendants[0] = dead;
    const CaseRecord& r = world.Add();
    world.Expect({"party-deceased-before-filing",
                  {{"case_no", r.case_no}},
                  dead.name,
                  fmt::format("{}于{}死亡, 案件{}立案", dead.name, IsoDate(died), IsoDate(filed))});
  }
  // Died during the proceedings: the heirs take over; nothing to warn about.
  for (int i = 0; i < 3; ++i) {
    const Court& c = court();
    Date filed = DayIn(rng, 2024);
    Actor dead = world.Person(c, filed.year, rng.Percent(40));
    DeathRow(deaths, dead, AddDays(filed, rng.Range(10, 200)), kPlaces[rng.Below(3)]);
    CasePlan& p = PlanCase(world, Kind::kJudgment, Cause::kPrivateLoan, c, filed);
    p.defendants[0] = dead;
    const CaseRecord& r = world.Add();
    world.NearMiss("party-deceased-before-filing", r.case_no, "立案后才死亡: 由继承人参加诉讼");
  }
  // A namesake: someone of the same name died, but with another ID number and birth.
  for (int i = 0; i < 2; ++i) {
    const Court& c = court();
    Date filed = DayIn(rng, 2025);
    Actor alive = world.Person(c, filed.year, rng.Percent(40));
    Actor other = world.Person(c, filed.year - 3, alive.female);
    other.name = alive.name;
    DeathRow(deaths, other, AddDays(filed, -rng.Range(30, 300)), kPlaces[rng.Below(3)]);
    CasePlan& p = PlanCase(world, Kind::kJudgment, Cause::kSale, c, filed);
    p.defendants[0] = alive;
    const CaseRecord& r = world.Add();
    world.NearMiss("party-deceased-before-filing", r.case_no, "死亡登记中只有同名者, 身份证号不同");
  }
  // Deaths of people in no case at all: the register is the whole city's.
  for (int i = 0; i < 120; ++i) {
    const Court& c = court();
    Actor a = world.Person(c, 2024, rng.Percent(50));
    DeathRow(deaths, a, DayIn(rng, static_cast<int>(rng.Range(2022, 2026))), kPlaces[rng.Below(3)]);
  }

  // Companies: deregistered or revoked before the filing (warn), after it (do not), and
  // going concerns.
  for (int i = 0; i < 14; ++i) {
    const Court& c = court();
    Date filed = DayIn(rng, static_cast<int>(rng.Range(2024, 2026)));
    if (filed.year == 2026 && filed.month > 10) filed.month = 10;
    Actor company =
        world.Company(c, filed.year, rng.Percent(50) ? Industry::kTrade : Industry::kGeneral);
    Date founded = DayIn(rng, static_cast<int>(rng.Range(2005, 2019)));
    int shape = i % 7;  // 0-2 deregistered before, 3 revoked before, 4-5 after, 6 alive
    bool revoked = shape == 3;
    bool before = shape <= 3;
    bool gone = shape <= 5;
    Date ended = before ? AddDays(filed, -rng.Range(20, 500)) : AddDays(filed, rng.Range(30, 300));
    std::string status = !gone ? "存续" : revoked ? "吊销" : "注销";
    business.Add({company.uscc, company.name, company.legal_rep, status, IsoDate(founded),
                  gone && !revoked ? IsoDate(ended) : "", revoked ? IsoDate(ended) : "",
                  fmt::format("上海市{}市场监督管理局", c.district)});
    CasePlan& p = PlanCase(world, FirstInstance(rng), Cause::kSale, c, filed);
    p.defendants[0] = company;
    const CaseRecord& r = world.Add();
    if (before) {
      world.Expect({"company-ended-before-filing",
                    {{"case_no", r.case_no}},
                    company.name,
                    fmt::format("{}于{}{}, 案件{}立案", company.name, IsoDate(ended), status,
                                IsoDate(filed))});
    } else if (gone) {
      world.NearMiss("company-ended-before-filing", r.case_no,
                     "立案后才注销: 不是起诉时的主体问题");
    } else {
      world.NearMiss("company-ended-before-filing", r.case_no, "企业存续");
    }
  }

  // Lenders: five or six suits within two years (warn on each later suit's judge); four
  // suits within two years; five spread over three years.
  struct Lender {
    int suits;
    int span_days;
    bool expected;
  };
  static constexpr Lender kLenders[] = {
      {6, 600, true}, {5, 700, true}, {5, 400, true}, {4, 500, false}, {5, 1100, false}};
  for (const Lender& l : kLenders) {
    const Court& c = court();
    Date first = DayIn(rng, 2024);
    Actor lender = world.Person(c, first.year, rng.Percent(30));
    std::vector<std::string> case_nos;
    for (int k = 0; k < l.suits; ++k) {
      // Spread evenly over the span, a few days either way.
      Date filed =
          AddDays(first, l.span_days * k / (l.suits - 1) + rng.Range(-5, 5) + (k == 0 ? 5 : 0));
      CasePlan& p = PlanCase(world, FirstInstance(rng), Cause::kPrivateLoan, c, filed);
      p.plaintiffs.resize(1);
      p.plaintiffs[0] = lender;
      p.shared_plaintiff_agents = false;
      case_nos.push_back(world.Add().case_no);
    }
    if (l.expected) {
      world.Expect({"professional-lender",
                    {{"parties[side=plaintiff,kind=person].id_no", lender.id_no}},
                    lender.id_no,
                    fmt::format("{}两年内作为原告提起民间借贷诉讼{}件", lender.name, l.suits)});
    } else {
      for (const std::string& n : case_nos) {
        world.NearMiss("professional-lender", n,
                       l.suits < 5 ? "两年内只有4件" : "5件分散在三年里, 任何两年内不足5件");
      }
    }
  }

  // The haystack: ordinary work whose parties are in no register (its random lenders sue
  // once each).
  world.Background(400, {Kind::kJudgment, Kind::kAppeal, Kind::kRuling, Kind::kMediation,
                         Kind::kEnforcement, Kind::kProtection});
}

}  // namespace casesift::synth
