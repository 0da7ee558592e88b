// Makes the people and organisations of a case: parties with their details (birth, home,
// address, ID number or credit code, legal representative) and their agents (lawyers,
// legal workers, employees, relatives, guardians).
//
// Names are unique within a case: the factory remembers every name it gave out since
// the last Reset(), including masked ones (张某, 张某甲).
//
// Thread safety: one factory per worker.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_ACTOR_FACTORY_H_
#define CASESIFT_TOOLS_CASE_SYNTH_ACTOR_FACTORY_H_

#include <string>
#include <string_view>
#include <vector>

#include "case_plan.h"
#include "name_pool.h"
#include "rng.h"

namespace casesift::synth {

class ActorFactory {
 public:
  // Starts a new case in `court` in `year` (ages and IDs are relative to it).
  void Reset(Rng* rng, const Court* court, int year, bool legacy);

  // A person aged 22-70. `masked`: the name is written 张某 (婚姻家庭 cases).
  Actor Person(bool female, bool masked = false);
  Actor Person() { return Person(rng_->Percent(45)); }
  // A company in an industry; named with a trade name or, sometimes, 上海某某….
  Actor Company(Industry industry);
  // A bank branch (金融借款) or the bank's credit-card centre.
  Actor Bank(bool card_centre);
  // A property-insurance company's branch (交通事故).
  Actor Insurer();
  // An individual business (个体工商户) run by a 经营者.
  Actor SoleTrader(Industry industry);

  // Gives `actor` agents: lawyers mostly; for organisations sometimes an employee; for
  // persons sometimes a relative. `count` 0 means "none".
  void AddAgents(Actor* actor, int count);
  // Adds a 法定代理人 (a parent) to a minor party.
  void AddGuardian(Actor* minor);
  // A minor, born 4-16 years before the case.
  Actor Minor(std::string_view surname, bool masked);

  // A fresh unique person name (for judges, clerks, children, names in the story).
  std::string FreshName(bool female);
  // A masked name for `surname`: 张某, then 张某甲/张某乙 when the surname repeats.
  std::string MaskedName(std::string_view surname);

 private:
  bool Taken(std::string_view name) const;
  std::string LawFirm();
  std::string CompanyName(Industry industry, std::string* short_name);
  void RegisterBranch(Actor* a);

  Rng* rng_ = nullptr;
  const Court* court_ = nullptr;
  int year_ = 0;
  bool legacy_ = false;
  std::vector<std::string> names_;
  std::vector<std::string> firms_;
};

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_ACTOR_FACTORY_H_
