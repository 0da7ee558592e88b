#include "actor_factory.h"

#include <fmt/format.h>

#include <algorithm>

#include "id_codes.h"

namespace casesift::synth {
namespace {

// Other places that issued the ID numbers of people who moved to the court's city.
constexpr std::string_view kOtherIdCities[] = {"3415", "3206", "4115", "4211", "3611",
                                               "5113", "3713", "3412", "3303", "4305"};
// Pairs of male and female relations; the last pair (spouses) only outside family cases.
constexpr std::string_view kRelatives[] = {"之子", "之女", "之父", "之母", "之兄",
                                           "之姐", "之弟", "之妹", "之夫", "之妻"};

// 广东省广州市 -> 广州, 上海市 -> 上海.
std::string_view CityWord(std::string_view city) {
  size_t province = city.find("省");
  if (province != std::string_view::npos) city.remove_prefix(province + 3);
  if (city.size() > 3 && city.substr(city.size() - 3) == "市") city.remove_suffix(3);
  return city;
}

Date BirthInYear(Rng& rng, int year) {
  int64_t start = DaysFromCivil({year, 1, 1});
  return CivilFromDays(start + rng.Below(365));
}

}  // namespace

void ActorFactory::Reset(Rng* rng, const Court* court, int year, bool legacy) {
  rng_ = rng;
  court_ = court;
  year_ = year;
  legacy_ = legacy;
  names_.clear();
  firms_.clear();
}

bool ActorFactory::Taken(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string ActorFactory::FreshName(bool female) {
  std::string name;
  do {
    name.clear();
    AppendPersonName(*rng_, female, &name);
  } while (Taken(name));
  names_.push_back(name);
  return name;
}

std::string ActorFactory::MaskedName(std::string_view surname) {
  static constexpr std::string_view kTails[] = {"某", "某某", "某甲", "某乙", "某丙", "某丁"};
  std::string name;
  for (std::string_view tail : kTails) {
    name.assign(surname);
    name.append(tail);
    if (!Taken(name)) break;
  }
  names_.push_back(name);
  return name;
}

Actor ActorFactory::Person(bool female, bool masked) {
  Rng& rng = *rng_;
  Actor a;
  a.type = ActorType::kPerson;
  a.female = female;
  a.masked = masked;
  if (masked) {
    std::string_view surname = PickSurname(rng);
    a.name = MaskedName(surname);
  } else {
    a.name = FreshName(female);
  }
  a.short_name = a.name;
  int age = static_cast<int>(rng.Range(22, 70));
  a.birth = BirthInYear(rng, year_ - age);
  if (rng.Percent(85)) a.ethnicity = PickEthnicity(rng);
  if (rng.Percent(15)) a.occupation = PickOccupation(rng);
  if (rng.Percent(35)) a.home.assign(PickHomeProvince(rng));
  a.address.assign(court_->city);
  a.address.append(court_->district);
  if (!masked && rng.Percent(40)) AppendStreet(rng, true, &a.address);
  uint32_t id = rng.Below(100);
  if ((!masked && id < 12) || (masked && id < 3)) {
    std::string_view city4 = rng.Percent(60) ? court_->id_prefix : rng.Pick(kOtherIdCities);
    std::string full;
    AppendIdNumber(rng, city4, a.birth, female, &full);
    if (masked || id < 4) {
      AppendMaskedIdNumber(rng, full, &a.id_no);
      a.id_valid = false;
    } else {
      a.id_no = full;
      a.id_valid = true;
    }
  }
  return a;
}

Actor ActorFactory::Minor(std::string_view surname, bool masked) {
  Rng& rng = *rng_;
  Actor a;
  a.female = rng.Percent(50);
  if (masked) {
    a.name = MaskedName(surname);
  } else {
    std::string name;
    do {
      name.assign(surname);
      AppendGivenName(rng, a.female, &name);
    } while (Taken(name));
    names_.push_back(name);
    a.name = name;
  }
  a.short_name = a.name;
  a.masked = masked;
  int age = static_cast<int>(rng.Range(4, 16));
  a.birth = BirthInYear(rng, year_ - age);
  a.ethnicity = "汉族";
  a.address.assign(court_->city);
  a.address.append(court_->district);
  return a;
}

std::string ActorFactory::CompanyName(Industry industry, std::string* short_name) {
  Rng& rng = *rng_;
  std::string name;
  do {
    name.clear();
    short_name->clear();
    // One draw per statement: the order of evaluating arguments is unspecified.
    bool masked = rng.Percent(25);
    std::string_view what = PickIndustry(rng, industry);
    std::string_view form = PickCompanyForm(rng);
    if (masked) {
      fmt::format_to(std::back_inserter(name), "{}某某{}{}", CityWord(court_->city), what, form);
      *short_name = name;
    } else {
      std::string trade;
      AppendTradeName(rng, &trade);
      fmt::format_to(std::back_inserter(name), "{}{}{}{}", CityWord(court_->city), trade, what,
                     form);
      *short_name = trade + "公司";
    }
  } while (Taken(name) || Taken(*short_name));
  names_.push_back(name);
  if (*short_name != name) names_.push_back(*short_name);
  return name;
}

Actor ActorFactory::Company(Industry industry) {
  Rng& rng = *rng_;
  Actor a;
  a.type = ActorType::kCompany;
  a.name = CompanyName(industry, &a.short_name);
  a.address.assign(court_->city);
  a.address.append(court_->district);
  AppendStreet(rng, true, &a.address);
  uint32_t code = rng.Below(100);
  if (code < (legacy_ ? 10u : 60u)) {
    std::string full;
    AppendUscc(rng, court_->id_prefix, '1', &full);
    if (code < 5) {
      AppendMaskedUscc(rng, full, &a.uscc);
    } else {
      a.uscc = full;
      a.uscc_valid = true;
    }
  }
  a.legal_rep = FreshName(rng.Percent(30));
  a.legal_rep_label = "法定代表人";
  a.legal_rep_title = PickLegalRepTitle(rng);
  return a;
}

Actor ActorFactory::Bank(bool card_centre) {
  Rng& rng = *rng_;
  Actor a;
  a.type = ActorType::kBranch;
  std::string trade;
  if (rng.Percent(30)) {
    trade = "某某";
  } else {
    AppendTradeName(rng, &trade);
  }
  if (card_centre) {
    a.name = fmt::format("{}银行股份有限公司信用卡中心", trade);
    a.legal_rep_title = "总经理";
  } else if (rng.Percent(60)) {
    a.name = fmt::format("{}银行股份有限公司{}分行", trade, CityWord(court_->city));
    a.legal_rep_title = "行长";
  } else {
    std::string branch;
    AppendTradeName(rng, &branch);
    a.name = fmt::format("{}银行股份有限公司{}{}支行", trade, CityWord(court_->city), branch);
    a.legal_rep_title = "行长";
  }
  a.short_name = trade + "银行";
  RegisterBranch(&a);
  return a;
}

// A branch office (of a bank or an insurer): its names taken, an address in the court's
// district, and a 负责人.
void ActorFactory::RegisterBranch(Actor* a) {
  Rng& rng = *rng_;
  names_.push_back(a->name);
  names_.push_back(a->short_name);
  a->address.assign(court_->city);
  a->address.append(court_->district);
  AppendStreet(rng, true, &a->address);
  a->legal_rep = FreshName(rng.Percent(30));
  a->legal_rep_label = "负责人";
}

Actor ActorFactory::Insurer() {
  Rng& rng = *rng_;
  Actor a;
  a.type = ActorType::kBranch;
  std::string trade;
  do {
    trade.clear();
    AppendTradeName(rng, &trade);
  } while (Taken(trade + "保险公司"));
  static constexpr std::string_view kUnits[] = {"分公司", "市分公司", "中心支公司"};
  a.name =
      fmt::format("{}财产保险股份有限公司{}{}", trade, CityWord(court_->city), rng.Pick(kUnits));
  a.short_name = trade + "保险公司";
  RegisterBranch(&a);
  a.legal_rep_title = "总经理";
  return a;
}

Actor ActorFactory::SoleTrader(Industry industry) {
  Rng& rng = *rng_;
  static constexpr std::string_view kShops[] = {"便利店", "商行", "经营部", "工作室", "店"};
  static constexpr std::string_view kStudios[] = {"健身工作室", "美容店", "美发店", "养生馆"};
  static constexpr std::string_view kSchools[] = {"培训中心", "艺术工作室", "教育咨询服务部"};
  Actor a;
  a.type = ActorType::kSoleTrader;
  std::string trade;
  do {
    trade.clear();
    AppendTradeName(rng, &trade);
  } while (Taken(trade));
  std::string_view shop = industry == Industry::kFitness     ? rng.Pick(kStudios)
                          : industry == Industry::kEducation ? rng.Pick(kSchools)
                                                             : rng.Pick(kShops);
  a.name = fmt::format("{}{}{}{}", court_->city, court_->district, trade, shop);
  a.short_name = fmt::format("{}{}", trade, shop);
  names_.push_back(a.name);
  names_.push_back(trade);
  a.address.assign(court_->city);
  a.address.append(court_->district);
  AppendStreet(rng, true, &a.address);
  if (!legacy_ && rng.Percent(40)) {
    AppendUscc(rng, court_->id_prefix, '2', &a.uscc);
    a.uscc_valid = true;
  }
  a.legal_rep = FreshName(rng.Percent(45));
  a.legal_rep_label = "经营者";
  return a;
}

std::string ActorFactory::LawFirm() {
  Rng& rng = *rng_;
  std::string firm;
  std::string_view prefix = court_->firm_prefix;
  bool municipality = prefix == "上海" || prefix == "北京" || prefix == "天津";
  do {
    firm.clear();
    std::string trade;
    AppendTradeName(rng, &trade);
    uint32_t form = rng.Below(100);
    if (form < 10) {
      firm = fmt::format("{}{}某某律师事务所", prefix, municipality ? "市" : "");
    } else if (form < 20 && prefix != "北京") {
      firm = fmt::format("北京{}（{}）律师事务所", trade, CityWord(court_->city));
    } else if (form < 45 && municipality) {
      firm = fmt::format("{}市{}律师事务所", prefix, trade);
    } else {
      firm = fmt::format("{}{}律师事务所", prefix, trade);
    }
  } while (std::find(firms_.begin(), firms_.end(), firm) != firms_.end() && !firm.empty() &&
           firm.find("某某") == std::string::npos);
  firms_.push_back(firm);
  return firm;
}

void ActorFactory::AddAgents(Actor* actor, int count) {
  Rng& rng = *rng_;
  std::string firm;
  bool is_org = actor->type != ActorType::kPerson;
  bool bank = actor->name.find("银行") != std::string::npos;
  for (int i = 0; i < count; ++i) {
    Agent agent;
    uint32_t kind = rng.Below(100);
    if (!is_org && year_ - actor->birth.year < 18) kind %= 80;  // a minor: lawyers only
    if (kind >= 88 && (kind < 95) == is_org) {
      // An employee of an organisation, or a relative of a person.
      if (is_org) {
        agent.female = rng.Percent(45);
        agent.name = FreshName(agent.female);
        agent.description = bank ? "该行员工" : rng.Percent(60) ? "该公司员工" : "该公司法务";
      } else {
        // Spouses only outside family cases, where the other spouse is the opponent.
        size_t which = rng.Below(actor->masked ? 8 : 10);
        int offset = static_cast<int>(rng.Range(1, 8));
        int born = actor->birth.year;
        switch (which / 2) {
          case 0:  // 之子, 之女
            born = std::min(born + 18 + offset * 2, year_ - 18);
            break;
          case 1:  // 之父, 之母
            born -= 20 + offset * 2;
            break;
          case 2:  // 之兄, 之姐
            born -= offset;
            break;
          case 3:  // 之弟, 之妹
            born = std::min(born + offset, year_ - 18);
            break;
          default:  // 之妻, 之夫
            born += offset - 4;
            break;
        }
        agent.female = which % 2 == 1;
        bool same_surname = which <= 2 || (which >= 4 && which <= 7);
        if (same_surname) {
          std::string_view surname(actor->name.data(), 3);
          std::string name;
          do {
            name.assign(surname);
            AppendGivenName(rng, agent.female, &name);
          } while (Taken(name));
          names_.push_back(name);
          agent.name = name;
        } else {
          agent.name = FreshName(agent.female);
        }
        agent.birth = BirthInYear(rng, born);
        agent.description = fmt::format("系{}{}", actor->short_name, kRelatives[which]);
      }
    } else if (kind >= 80 && kind < 88) {
      agent.female = rng.Percent(45);
      agent.name = FreshName(agent.female);
      std::string trade;
      AppendTradeName(rng, &trade);
      agent.org = fmt::format("{}{}{}法律服务所", court_->city, court_->district, trade);
      agent.description = "法律工作者";
    } else {
      agent.female = rng.Percent(45);
      agent.name = FreshName(agent.female);
      if (firm.empty()) firm = LawFirm();
      agent.org = firm;
      agent.description = rng.Percent(93) ? "律师" : "实习律师";
    }
    actor->agents.push_back(std::move(agent));
  }
}

void ActorFactory::AddGuardian(Actor* minor) {
  Rng& rng = *rng_;
  Agent g;
  g.legal_guardian = true;
  g.female = rng.Percent(50);
  // A father shares the child's surname; a mother has her own.
  std::string_view surname(minor->name.data(), 3);
  if (g.female) {
    g.name = minor->masked ? MaskedName(PickSurname(rng)) : FreshName(true);
  } else if (minor->masked) {
    g.name = MaskedName(surname);
  } else {
    std::string name;
    do {
      name.assign(surname);
      AppendGivenName(rng, false, &name);
    } while (Taken(name));
    names_.push_back(name);
    g.name = name;
  }
  g.birth = BirthInYear(rng, minor->birth.year - static_cast<int>(rng.Range(22, 38)));
  g.description = fmt::format("系{}{}", minor->short_name, g.female ? "之母" : "之父");
  minor->agents.insert(minor->agents.begin(), std::move(g));
}

}  // namespace casesift::synth
