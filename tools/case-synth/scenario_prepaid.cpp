// Scenario 2, 预付式消费风险: fitness, beauty and training merchants that sell prepaid cards,
// are sued by their customers again and again within a year for large refunds, and cannot
// pay (the enforcement of the judgments ended by 终结本次执行程序). The commerce commission
// wants them, and above all those missing from the prepaid-card filing register; the
// persons who run two or more of them one after another (换壳经营); and those that cut
// their registered capital shortly before being sued.
//
// The world: eight such merchants (the truth), and around them the traps a careless rule
// falls into: a merchant sued twice (with an enforcement ruling as a third document of the
// same cause), one sued three times over more than a year, one whose judgments were paid
// (执行完毕), one whose three suits claim little; registered merchants, one filed under a
// name written differently and one under its former name; a person who represents one such
// merchant and one merchant sued only twice; a capital increase, and a reduction long
// before the suits. The registers: the prepaid-card filing register, the business register
// with legal representatives, the capital-change events (GB18030, as an older system
// exports them) and the enforcement cases.
#include <fmt/format.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "common/name_normalize.h"
#include "fee_schedule.h"
#include "scenarios.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kRepeatRule = "prepaid-repeat-defendant";
constexpr std::string_view kUnregisteredRule = "prepaid-unregistered";
constexpr std::string_view kShellRule = "shell-switching";
constexpr std::string_view kCapitalRule = "capital-reduction-before-suit";

// What the filing register holds of a merchant.
enum class Filing { kNone, kExact, kVariantName, kFormerName };

struct Merchant {
  Actor actor;  // as the business register has it (full credit code, legal representative)
  Actor rep;    // the legal representative
  const Court* court = nullptr;
  bool education = false;
  bool code_in_docs = true;  // the judgments write the credit code
  Filing filing = Filing::kNone;
  Date founded;
  int64_t capital_wan = 0;         // registered capital now, in 万元
  std::vector<std::string> suits;  // case numbers
};

struct Suit {
  std::string case_no;
  Date decided;
  std::string plaintiff;
  int64_t award_fen = 0;
  int year = 0;
  int64_t seq = 0;
  std::vector<ClaimItem> items;
};

// Enforcement cases closed by then (the run's date is 2026-11-27).
constexpr Date kLastClosed = {2026, 11, 13};

std::string Yuan(int64_t fen) {
  return fen % 100 == 0 ? fmt::format("{}", fen / 100)
                        : fmt::format("{}.{:02}", fen / 100, fen % 100);
}

class Builder {
 public:
  explicit Builder(World& world)
      : world_(world),
        rng_(world.rng()),
        courts_(ShanghaiCourts()),
        filing_(world.Registry("prepaid_filing", {"备案编号", "经营者名称", "统一社会信用代码",
                                                  "行业类别", "经营场所", "备案日期"})),
        business_(world.Registry(
            "business", {"统一社会信用代码", "企业名称", "企业类型", "法定代表人",
                         "法定代表人证件号码", "成立日期", "注册资本", "登记状态", "住所"})),
        capital_(world.Registry("capital_changes", {"统一社会信用代码", "企业名称", "变更事项",
                                                    "变更日期", "变更前内容", "变更后内容"})),
        enforcement_(world.Registry(
            "enforcement", {"执行案号", "执行依据", "申请执行人", "被执行人", "被执行人证件号码",
                            "执行标的金额", "立案日期", "结案日期", "结案方式"})) {
    capital_.gb18030 = true;
    Result<const NameNormalizer*> n = NameNormalizer::Get();
    if (n.ok()) normalizer_ = *n;
  }

  // A merchant of the world, founded `years` before `year`, with a legal representative
  // of its own unless `rep` names one.
  Merchant NewMerchant(size_t court, bool education, int year, const Actor* rep = nullptr,
                       bool plain_form = false) {
    Merchant m;
    m.court = courts_[court % courts_.size()];
    m.education = education;
    Industry industry = education ? Industry::kEducation : Industry::kFitness;
    for (;;) {
      m.actor = world_.Company(*m.court, year, industry);
      const std::string& n = m.actor.name;
      bool limited = n.ends_with("有限公司") && !n.ends_with("股份有限公司");
      if (!plain_form || limited) break;
    }
    m.rep = rep != nullptr ? *rep : world_.Person(*m.court, year, rng_.Percent(40));
    m.actor.legal_rep = m.rep.name;
    m.founded = {year - static_cast<int>(rng_.Range(1, 5)), static_cast<int>(rng_.Range(1, 12)),
                 static_cast<int>(rng_.Range(1, 28))};
    m.capital_wan = rng_.Range(1, 20) * 50;
    return m;
  }

  // A suit of a customer against `m`, filed on `filed`, for a prepaid sum of `paid_yuan`
  // of which most is still owed.
  Suit Sue(Merchant& m, Date filed, int64_t paid_yuan, bool mediated = false) {
    PlanChoice choice;
    choice.cause = m.education ? Cause::kEducation : Cause::kService;
    choice.court = m.court;
    choice.filed = &filed;
    CasePlan& plan = world_.Plan(mediated ? Kind::kMediation : Kind::kJudgment, choice);
    Actor defendant = m.actor;
    if (!m.code_in_docs) {
      defendant.uscc.clear();
      defendant.uscc_valid = false;
    }
    defendant.agents = plan.defendants[0].agents;
    plan.defendants[0] = defendant;
    int64_t paid = paid_yuan * 100;
    plan.aux_fen[0] = paid;
    plan.aux_int[0] = static_cast<int>(rng_.Below(plan.aux_int[1] / 5 + 1));
    int64_t refund = paid * (plan.aux_int[1] - plan.aux_int[0]) / plan.aux_int[1] / 100 * 100;
    plan.rejected = false;
    plan.items[0].claim_fen = refund;
    plan.items[0].award_fen = refund;
    int64_t claimed = 0;
    for (const ClaimItem& i : plan.items) claimed += i.periodic ? 0 : i.claim_fen;
    plan.fee_base_fen = (PropertyCaseFeeFen(claimed) + 50) / 100 * 100;
    const CaseRecord& r = world_.Add();
    Suit s;
    s.case_no = r.case_no;
    s.decided = plan.decided;
    s.plaintiff = plan.plaintiffs[0].name;
    s.award_fen = refund;
    s.year = plan.year;
    s.seq = plan.seq;
    s.items = plan.items;
    m.suits.push_back(s.case_no);
    return s;
  }

  // Suits filed `offsets` days after `first`, each for a prepaid sum in [lo, hi] yuan.
  std::vector<Suit> SueMany(Merchant& m, Date first, std::initializer_list<int> offsets, int64_t lo,
                            int64_t hi) {
    std::vector<Suit> suits;
    for (int days : offsets) {
      bool mediated = rng_.Percent(20);
      suits.push_back(Sue(m, AddDays(first, days), rng_.Range(lo, hi) / 100 * 100, mediated));
    }
    return suits;
  }

  // The enforcement of `suit`'s judgment: a row of the enforcement register, and for a
  // 终本 ending sometimes the ruling itself among the documents.
  void Enforce(const Merchant& m, const Suit& suit, bool paid, bool ruling) {
    Date filed = AddDays(suit.decided, rng_.Range(30, 80));
    Date closed = AddDays(filed, rng_.Range(90, 200));
    if (DaysFromCivil(closed) > DaysFromCivil(kLastClosed)) closed = kLastClosed;
    std::string case_no;
    if (!paid && ruling) {
      PlanChoice choice;
      choice.cause = m.education ? Cause::kEducation : Cause::kService;
      choice.court = m.court;
      choice.filed = &filed;
      CasePlan& plan = world_.Plan(Kind::kEnforcement, choice);
      plan.variant = 0;
      plan.decided = closed;
      plan.first_year = suit.year;
      plan.first_seq = suit.seq;
      plan.items = suit.items;
      Actor defendant = m.actor;
      if (!m.code_in_docs) {
        defendant.uscc.clear();
        defendant.uscc_valid = false;
      }
      plan.defendants.assign(1, defendant);
      plan.plaintiffs.resize(1);
      plan.plaintiffs[0].name = suit.plaintiff;
      case_no = world_.Add().case_no;
    } else {
      case_no = fmt::format("({}){}执{}号", filed.year, m.court->code, rng_.Range(1, 20000));
    }
    enforcement_.Add({case_no, suit.case_no, suit.plaintiff, m.actor.name, m.actor.uscc,
                      Yuan(suit.award_fen), IsoDate(filed), IsoDate(closed),
                      paid ? "执行完毕" : "终结本次执行程序"});
  }

  void Enrol(const Merchant& m, std::string_view status) {
    business_.Add({m.actor.uscc, m.actor.name, "有限责任公司（自然人投资或控股）", m.rep.name,
                   m.rep.id_no, IsoDate(m.founded), fmt::format("{}万元人民币", m.capital_wan),
                   std::string(status), m.actor.address});
  }

  void File(const Merchant& m, std::string_view name, bool with_code) {
    Date on = AddDays(m.founded, rng_.Range(30, 300));
    filing_.Add({fmt::format("沪预备{}{:05}", on.year, ++filings_), std::string(name),
                 with_code ? m.actor.uscc : std::string(),
                 m.education ? "教育培训" : "美容美发、健身", m.actor.address, IsoDate(on)});
  }

  // A change of registered capital; the business register then shows the new figure.
  void CapitalChange(Merchant& m, Date on, int64_t before_wan, int64_t after_wan) {
    m.capital_wan = after_wan;
    capital_.Add({m.actor.uscc, m.actor.name,
                  after_wan < before_wan ? "注册资本减少" : "注册资本增加", IsoDate(on),
                  fmt::format("{}万元人民币", before_wan), fmt::format("{}万元人民币", after_wan)});
  }

  void OtherChange(const Merchant& m, Date on) {
    if (rng_.Percent(50)) {
      std::string moved(m.court->city);
      moved.append(m.court->district);
      moved.append("某路");
      moved.append(fmt::format("{}号", rng_.Range(1, 999)));
      capital_.Add({m.actor.uscc, m.actor.name, "住所变更", IsoDate(on), m.actor.address, moved});
    } else {
      std::string_view before = m.education ? "教育咨询服务（不含涉许可审批的教育培训活动）"
                                            : "健身休闲活动；体育用品销售";
      std::string_view added = m.education ? "；文化艺术培训" : "；生活美容服务";
      capital_.Add({m.actor.uscc, m.actor.name, "经营范围变更", IsoDate(on), std::string(before),
                    std::string(before) + std::string(added)});
    }
  }

  std::string Norm(const std::string& name) const {
    return normalizer_ != nullptr ? normalizer_->Normalize(name, NameLevel::kName) : name;
  }

  void ExpectMerchant(std::string_view rule, const Merchant& m, std::string why) {
    std::string key = Norm(m.actor.name);
    world_.Expect({std::string(rule),
                   {{"parties[side=defendant,kind=org].name|norm", key}},
                   key,
                   std::move(why)});
  }

  void NearMisses(std::string_view rule, const Merchant& m, const std::string& why) {
    for (const std::string& c : m.suits) world_.NearMiss(std::string(rule), c, why);
  }

  void Build();

 private:
  World& world_;
  Rng& rng_;
  std::vector<const Court*> courts_;
  Register& filing_;
  Register& business_;
  Register& capital_;
  Register& enforcement_;
  const NameNormalizer* normalizer_ = nullptr;
  int filings_ = 0;
};

Date Day(int y, int m, int d) { return {y, m, d}; }

void Builder::Build() {
  // ---- the truth: eight merchants sued three or more times within a year, claims of
  // 100,000 yuan or more, enforcement ended without payment ---------------------------
  const Court& c1 = *courts_[3 % courts_.size()];
  Actor p1 = world_.Person(c1, 2024, false);                             // runs M1, then M2
  Actor p2 = world_.Person(*courts_[7 % courts_.size()], 2024, true);    // runs M3, then M4
  Actor p3 = world_.Person(*courts_[11 % courts_.size()], 2024, false);  // M7 and N1

  Merchant m1 = NewMerchant(3, false, 2024, &p1);
  Date m1_first = Day(2024, 3, 11);
  std::vector<Suit> s1 = SueMany(m1, m1_first, {0, 64, 150, 262}, 60000, 98000);
  Enforce(m1, s1[0], false, true);
  Enforce(m1, s1[1], false, false);
  CapitalChange(m1, AddDays(m1_first, -96), 1000, 10);
  Enrol(m1, "吊销，未注销");

  Merchant m2 = NewMerchant(5, true, 2025, &p1);
  m2.founded = AddDays(m1_first, 200);
  std::vector<Suit> s2 = SueMany(m2, Day(2025, 4, 7), {0, 88, 201}, 50000, 90000);
  Enforce(m2, s2[0], false, false);
  Enrol(m2, "存续（在营、开业、在册）");

  Merchant m3 = NewMerchant(7, false, 2024, &p2);
  m3.code_in_docs = false;
  std::vector<Suit> s3 = SueMany(m3, Day(2024, 5, 20), {0, 45, 130}, 55000, 95000);
  Enforce(m3, s3[0], false, true);
  Enrol(m3, "存续（在营、开业、在册）");

  Merchant m4 = NewMerchant(9, true, 2025, &p2);
  m4.founded = Day(2024, 10, 9);
  std::vector<Suit> s4 = SueMany(m4, Day(2025, 2, 17), {0, 120, 300, 330}, 50000, 80000);
  Enforce(m4, s4[0], false, false);
  Enforce(m4, s4[1], false, true);
  Enrol(m4, "存续（在营、开业、在册）");

  Merchant m5 = NewMerchant(13, false, 2024);  // filed, exactly
  Date m5_first = Day(2024, 9, 2);
  std::vector<Suit> s5 = SueMany(m5, m5_first, {0, 30, 77}, 60000, 95000);
  Enforce(m5, s5[0], false, false);
  CapitalChange(m5, AddDays(m5_first, -58), 100, 500);
  File(m5, m5.actor.name, true);
  Enrol(m5, "存续（在营、开业、在册）");

  Merchant m6 = NewMerchant(17, true, 2024, nullptr, true);  // filed as （上海）…有限责任公司
  m6.code_in_docs = false;
  Date m6_first = Day(2024, 11, 25);
  std::vector<Suit> s6 = SueMany(m6, m6_first, {0, 59, 240}, 55000, 85000);
  Enforce(m6, s6[0], false, true);
  CapitalChange(m6, AddDays(m6_first, -772), 800, 200);
  {
    std::string base =
        m6.actor.name.substr(0, m6.actor.name.size() - std::string("有限公司").size());
    File(m6, base + "（上海）有限责任公司", false);
  }
  Enrol(m6, "存续（在营、开业、在册）");

  Merchant m7 = NewMerchant(11, false, 2024, &p3);  // filed under its former name
  std::vector<Suit> s7 = SueMany(m7, Day(2025, 1, 13), {0, 100, 180}, 60000, 98000);
  Enforce(m7, s7[0], false, false);
  {
    Merchant former = NewMerchant(11, false, 2022);  // only its name is used
    File(m7, former.actor.name, true);
    capital_.Add({m7.actor.uscc, m7.actor.name, "名称变更", IsoDate(Day(2023, 6, 30)),
                  former.actor.name, m7.actor.name});
  }
  Enrol(m7, "存续（在营、开业、在册）");

  Merchant m8 = NewMerchant(1, false, 2024);  // a beauty salon
  Date m8_first = Day(2025, 5, 6);
  std::vector<Suit> s8 = SueMany(m8, m8_first, {0, 19, 33, 160}, 50000, 98000);
  Enforce(m8, s8[0], false, true);
  Enforce(m8, s8[2], false, false);
  CapitalChange(m8, AddDays(m8_first, -150), 500, 3);
  OtherChange(m8, AddDays(m8_first, -400));
  Enrol(m8, "存续（在营、开业、在册）");

  const std::string kRepeatWhy =
      "一年内被消费者起诉三次以上, 诉请合计十万元以上, 执行终结本次执行程序";
  for (const Merchant* m : {&m1, &m2, &m3, &m4, &m5, &m6, &m7, &m8}) {
    ExpectMerchant(kRepeatRule, *m,
                   fmt::format("{}: {}; {}件", m->actor.name, kRepeatWhy, m->suits.size()));
  }
  for (const Merchant* m : {&m1, &m2, &m3, &m4, &m8}) {
    ExpectMerchant(kUnregisteredRule, *m,
                   fmt::format("{}: {}, 且未在预付卡备案名录", m->actor.name, kRepeatWhy));
  }
  world_.Expect({std::string(kShellRule),
                 {{"business[*].法定代表人", p1.name}},
                 p1.name,
                 fmt::format("先后任{}、{}的法定代表人", m1.actor.name, m2.actor.name)});
  world_.Expect({std::string(kShellRule),
                 {{"business[*].法定代表人", p2.name}},
                 p2.name,
                 fmt::format("先后任{}、{}的法定代表人", m3.actor.name, m4.actor.name)});
  ExpectMerchant(kCapitalRule, m1, "首次被诉前96日注册资本由1000万元减至10万元");
  ExpectMerchant(kCapitalRule, m8, "首次被诉前150日注册资本由500万元减至3万元");

  NearMisses(kUnregisteredRule, m5, "已在预付卡备案名录 (名称、信用代码一致)");
  NearMisses(kUnregisteredRule, m6,
             "已备案: 名录写作“（上海）有限责任公司”且无信用代码, 规范化名称一致");
  NearMisses(kUnregisteredRule, m7, "已备案: 名录中为曾用名, 统一社会信用代码一致");
  NearMisses(kCapitalRule, m5, "首次被诉前58日增资 (100万元增至500万元), 不是减资");
  NearMisses(kCapitalRule, m6, "减资在首次被诉前两年多, 并非被诉前不久");

  // ---- near-misses: merchants that are not such merchants ------------------------------
  Merchant n1 = NewMerchant(11, true, 2024, &p3);  // sued twice; its enforcement ruling is a 3rd
  std::vector<Suit> t1 = SueMany(n1, Day(2024, 6, 3), {0, 90}, 70000, 98000);
  Enforce(n1, t1[0], false, true);
  Enrol(n1, "存续（在营、开业、在册）");
  Merchant n2 = NewMerchant(2, false, 2024);  // three suits over more than a year
  std::vector<Suit> t2 = SueMany(n2, Day(2024, 2, 26), {0, 190, 381}, 60000, 98000);
  Enforce(n2, t2[0], false, false);
  Enrol(n2, "存续（在营、开业、在册）");
  Merchant n3 = NewMerchant(4, true, 2024);  // three suits in a year, but the judgments were paid
  std::vector<Suit> t3 = SueMany(n3, Day(2024, 8, 12), {0, 70, 140}, 60000, 90000);
  for (const Suit& s : t3) Enforce(n3, s, true, false);
  Enrol(n3, "存续（在营、开业、在册）");
  Merchant n4 = NewMerchant(6, false, 2024);  // three suits in a year, small claims
  std::vector<Suit> t4 = SueMany(n4, Day(2025, 3, 3), {0, 41, 99}, 6000, 25000);
  Enforce(n4, t4[0], false, false);
  Enrol(n4, "存续（在营、开业、在册）");

  struct Trap {
    const Merchant* m;
    std::string why;
  };
  const Trap traps[] = {
      {&n1, "一年内仅被诉两次 (另一份同案由文书是执行裁定, 不是新的起诉)"},
      {&n2, "被诉三次, 但跨度超过一年, 任何一年内不足三次"},
      {&n3, "一年内被诉三次且标的额高, 但均已执行完毕, 没有未完结的执行"},
      {&n4, "一年内被诉三次且均终本, 但诉请合计不足十万元"},
  };
  for (const Trap& t : traps) {
    NearMisses(kRepeatRule, *t.m, t.why);
    NearMisses(kUnregisteredRule, *t.m, t.why + "; 虽未备案, 也不是多次被诉的经营者");
  }
  for (const std::string& c : n1.suits) {
    world_.NearMiss(std::string(kShellRule), c,
                    fmt::format("{}另任法定代表人的{}只被诉两次, 不是多次被诉的经营者; 其只任一家"
                                "此类经营者的法定代表人",
                                p3.name, n1.actor.name));
  }
  for (const std::string& c : m7.suits) {
    world_.NearMiss(
        std::string(kShellRule), c,
        fmt::format("{}只任一家多次被诉经营者 ({}) 的法定代表人", p3.name, m7.actor.name));
  }

  // ---- the rest of the registers: merchants never sued, other changes ------------------
  for (int i = 0; i < 36; ++i) {
    Merchant f = NewMerchant(static_cast<size_t>(i) * 5 + 2, i % 3 == 0, 2023 + i % 3);
    if (i % 4 != 3) File(f, f.actor.name, i % 5 != 0);
    if (i % 3 == 1) {
      int64_t before = rng_.Range(1, 20) * 50;
      int64_t after = i % 2 == 0 ? before / 10 + 1 : before * 2;
      CapitalChange(f, Day(2024 + i % 3, 1 + i % 12, 1 + i % 28), before, after);
    } else if (i % 3 == 2) {
      OtherChange(f, Day(2023 + i % 3, 1 + i % 12, 2 + i % 27));
    }
    Enrol(f, i % 9 == 8 ? "注销" : "存续（在营、开业、在册）");
  }
  for (const Merchant* m : {&m2, &m3, &m4, &n2}) {
    OtherChange(*m, AddDays(m->founded, rng_.Range(100, 300)));
  }

  world_.Background(
      320, {Kind::kJudgment, Kind::kAppeal, Kind::kRuling, Kind::kMediation, Kind::kEnforcement});
}

}  // namespace

void BuildPrepaid(World& world) {
  Builder builder(world);
  builder.Build();
}

}  // namespace casesift::synth
