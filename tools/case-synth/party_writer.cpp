#include "party_writer.h"

#include "name_pool.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kChineseCount[] = {"", "一", "两", "三", "四", "五", "六"};

void Colon(DocWriter& w, const CasePlan& plan) {
  if (plan.colon) w.Put("：");
}

// Writes a birth date in one of the usual forms and returns the ISO value it states
// (YYYY-MM when only the month is written), or nothing when `omit`.
void WriteBirth(DocWriter& w, const Date& birth, bool month_only_ok, std::string* iso) {
  Rng& rng = w.rng();
  static constexpr uint32_t kWeights[] = {40, 30, 10, 10, 10};
  size_t form = rng.Weighted(kWeights);
  if (!month_only_ok && form >= 3) form = 0;
  iso->clear();
  switch (form) {
    case 0:
      w.Fmt("{}年{}月{}日生", birth.year, birth.month, birth.day);
      break;
    case 1:
      w.Fmt("{}年{}月{}日出生", birth.year, birth.month, birth.day);
      break;
    case 2:
      w.Fmt("生于{}年{}月{}日", birth.year, birth.month, birth.day);
      break;
    case 3:
      w.Fmt("{}年{}月出生", birth.year, birth.month);
      break;
    default:
      w.Fmt("{}年{}月生", birth.year, birth.month);
      break;
  }
  if (form >= 3) {
    fmt::format_to(std::back_inserter(*iso), "{:04}-{:02}", birth.year, birth.month);
  } else {
    AppendIsoDate(iso, birth);
  }
}

// Writes the details after a person's name: gender, birth, ethnicity, occupation, ID,
// address. Fills the person fields of `party` (when given).
void WritePersonDetails(DocWriter& w, const Actor& a, Party* party, bool end_sentence = true) {
  Rng& rng = w.rng();
  std::string birth;
  bool gender = !rng.PerMille(25) || !a.id_no.empty();
  if (gender) {
    w.Put(a.female ? "，女" : "，男");
    if (party) party->gender = a.female ? "female" : "male";
  }
  bool has_birth = !rng.PerMille(40) || !a.id_no.empty();
  if (has_birth) {
    w.Put("，");
    WriteBirth(w, a.birth, a.id_no.empty(), &birth);
    if (party) party->birth = birth;
  }
  if (!a.ethnicity.empty()) {
    w.Put("，");
    w.Put(a.ethnicity);
    if (party) party->ethnicity.assign(a.ethnicity);
  }
  if (!a.occupation.empty()) {
    w.Put("，");
    w.Put(a.occupation);
  }
  if (!a.id_no.empty()) {
    w.Put(rng.Percent(60) ? "，公民身份号码" : "，身份证号码");
    w.Put(a.id_no);
    if (party) {
      party->id_no = a.id_no;
      party->id_valid = a.id_valid;
    }
  }
  std::string_view address = a.address;
  switch (a.home.empty() || a.masked ? 0 : rng.Below(4)) {
    case 0:
      w.Put(rng.Percent(85) ? "，住" : "，现住");
      break;
    case 1:
      w.Fmt("，户籍地{}，现住", a.home);
      break;
    case 2:
      w.Fmt("，{}人，住", a.home);
      break;
    default:
      w.Put(rng.Percent(50) ? "，户籍所在地" : "，户籍地");
      w.Put(a.home);
      address = a.home;
      break;
  }
  if (address.data() == a.address.data()) w.Put(a.address);
  if (end_sentence) w.Put("。");
  if (party) party->address.assign(address);
}

void WriteAgent(DocWriter& w, const CasePlan& plan, const Agent& agent, std::string_view prefix,
                std::vector<Party*>& parties) {
  Rng& rng = w.rng();
  Rep rep;
  rep.name = agent.name;
  if (agent.legal_guardian) {
    rep.role = "法定代理人";
  } else {
    rep.role = plan.legacy ? "委托代理人" : "委托诉讼代理人";
  }
  w.BeginParagraph();
  w.Put(prefix);
  w.Put(rep.role);
  Colon(w, plan);
  w.Put(agent.name);
  if (!agent.org.empty()) {
    w.Fmt("，{}{}", agent.org, agent.description);
    rep.org = agent.org;
    if (plan.legacy && rng.Percent(40)) w.Put(rng.Percent(50) ? "（特别授权）" : "，一般代理");
    w.Put("。");
  } else if (agent.birth.valid()) {
    Actor person;
    person.female = agent.female;
    person.birth = agent.birth;
    person.ethnicity = "汉族";
    person.address.assign(plan.court->city);
    person.address.append(plan.court->district);
    WritePersonDetails(w, person, nullptr, false);
    w.Fmt("，{}。", agent.description);
  } else {
    w.Fmt("，{}。", agent.description);
  }
  w.EndParagraph();
  for (Party* p : parties) p->reps.push_back(rep);
}

Party& NewParty(DocWriter& w, const Actor& a, std::string_view role, const char* side) {
  Party& p = w.record().parties.emplace_back();
  p.role.assign(role);
  p.side = side;
  p.name = a.name;
  p.is_org = a.type != ActorType::kPerson;
  return p;
}

void WriteActor(DocWriter& w, const CasePlan& plan, const Actor& a, std::string_view role,
                const char* side, bool with_agents) {
  Rng& rng = w.rng();
  size_t index = w.record().parties.size();
  NewParty(w, a, role, side);
  w.BeginParagraph();
  w.Put(role);
  Colon(w, plan);
  w.Put(a.name);
  if (a.type == ActorType::kPerson) {
    WritePersonDetails(w, a, &w.record().parties[index]);
  } else {
    Party& p = w.record().parties[index];
    bool uscc_first = rng.Percent(50);
    if (!a.uscc.empty() && uscc_first) w.Fmt("，统一社会信用代码{}", a.uscc);
    switch (a.type) {
      case ActorType::kBranch:
        w.Put(rng.Percent(70) ? "，营业场所" : "，住所地");
        break;
      case ActorType::kSoleTrader:
        w.Put("，经营场所");
        break;
      default:
        w.Put(rng.Percent(80) ? "，住所地" : "，住所");
        break;
    }
    w.Put(a.address);
    p.address = a.address;
    if (!a.uscc.empty() && !uscc_first) w.Fmt("，统一社会信用代码{}", a.uscc);
    if (!a.uscc.empty()) {
      p.uscc = a.uscc;
      p.uscc_valid = a.uscc_valid;
    }
    w.Put("。");
    w.EndParagraph();
    w.BeginParagraph();
    w.Put(a.legal_rep_label);
    Colon(w, plan);
    w.Put(a.legal_rep);
    p.legal_rep = a.legal_rep;
    if (!a.legal_rep_title.empty()) {
      w.Fmt("，{}。", a.legal_rep_title);
    } else {
      w.Put("。");
    }
  }
  w.EndParagraph();
  if (with_agents) {
    std::vector<Party*> owner = {&w.record().parties[index]};
    for (const Agent& agent : a.agents) WriteAgent(w, plan, agent, "", owner);
  }
}

}  // namespace

void WriteParty(DocWriter& w, const CasePlan& plan, const Actor& actor, std::string_view role,
                const char* side) {
  WriteActor(w, plan, actor, role, side, true);
}

void WritePartyGroup(DocWriter& w, const CasePlan& plan, const std::vector<Actor>& actors,
                     std::string_view role, const char* side, bool shared_agents) {
  bool shared =
      shared_agents && actors.size() >= 2 && actors.size() < 7 && !actors[0].agents.empty();
  size_t first = w.record().parties.size();
  for (const Actor& a : actors) WriteActor(w, plan, a, role, side, !shared);
  if (!shared) return;
  std::vector<Party*> owners;
  for (size_t i = first; i < w.record().parties.size(); ++i) {
    owners.push_back(&w.record().parties[i]);
  }
  // The role word of the group without any bracketed procedural role: 原告, 被告.
  std::string_view base = role.substr(0, role.find("（"));
  std::string prefix;
  Rng& rng = w.rng();
  if (rng.Percent(60)) {
    prefix = fmt::format("上列{}{}共同", kChineseCount[actors.size()], base);
  } else if (rng.Percent(50)) {
    prefix = fmt::format("{}{}共同",
                         kChineseCount[actors.size()] == std::string_view("两")
                             ? std::string_view("二")
                             : kChineseCount[actors.size()],
                         base);
  } else {
    prefix = fmt::format("{}{}",
                         kChineseCount[actors.size()] == std::string_view("两")
                             ? std::string_view("二")
                             : kChineseCount[actors.size()],
                         base);
  }
  for (const Agent& agent : actors[0].agents) WriteAgent(w, plan, agent, prefix, owners);
}

void WriteNames(DocWriter& w, std::string_view role, const std::vector<Actor>& actors,
                bool short_names) {
  w.Put(role);
  for (size_t i = 0; i < actors.size(); ++i) {
    if (i > 0) w.Put("、");
    w.Put(short_names ? actors[i].short_name : actors[i].name);
  }
}

}  // namespace casesift::synth
