// Scenario worlds (`case-synth scenario NAME`, SCENARIOS.md): for one screening scenario,
// a small world of people, companies and cases, written as an investigator receives it:
//
//   DIR/docs/NNNNNNN.txt        the documents, in the real layout (or DIR/docs.jsonl)
//   DIR/registers/NAME.csv      the registers the investigation joins, as agencies export
//                               them (some in GB18030, as the scenario says)
//   DIR/truth.jsonl             the leads a correct model must find, one per line:
//                               {"rule":R,"key":{...},"subject":S,"why":W}
//   DIR/near-misses.jsonl       the traps a careless rule would flag, which no lead of the
//                               named rule may contain: {"rule":R,"case_no":C,"why":W}
//   DIR/records.jsonl           the ground-truth case record of each document
//
// A scenario (scenario_*.cpp) builds its world with a World: plans cases with the cause
// and dates it needs (PlanChoice), puts the same people into several of them, adds rows to
// registers and writes down what must and must not be found; ordinary documents of the
// usual mix are added around them as the haystack (Background). Everything is drawn from
// the seed, so the same seed gives the same bytes.
//
// Thread safety: a World is used by one thread.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_SCENARIO_H_
#define CASESIFT_TOOLS_CASE_SYNTH_SCENARIO_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actor_factory.h"
#include "case_plan.h"
#include "case_planner.h"
#include "case_record.h"
#include "common/cli.h"
#include "common/status.h"
#include "rng.h"
#include "synth_runner.h"

namespace casesift::synth {

// A register as CSV: a header row and rows of text fields.
struct Register {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool gb18030 = false;  // written in GB18030 (an older agency system's export), else UTF-8
  // Appends a row. REQUIRES: as many fields as the header has.
  void Add(std::vector<std::string> row);
};

// One expected finding or near-miss, in the lead's terms.
struct Expectation {
  std::string rule;
  std::vector<std::pair<std::string, std::string>> key;  // the lead's key, in rule order
  std::string subject;
  std::string why;
};

class World {
 public:
  World(uint64_t seed, std::string name);

  Rng& rng() { return rng_; }
  const std::string& name() const { return name_; }

  // Starts a case: plans a document of `kind` as `choice` says (case_planner.h), with
  // the parties and amounts its cause usually has. Edit the plan (swap in the world's
  // people, fix amounts and outcome), then Add() it. The factory is Reset for this case,
  // so factory() makes further actors for it.
  CasePlan& Plan(Kind kind, const PlanChoice& choice);
  ActorFactory& factory() { return factory_; }

  // Writes the planned case as the next document and returns its ground truth (case_no,
  // parties as written...). A case number already used is drawn again.
  const CaseRecord& Add();

  // A person or company of the world, made outside any case (a debtor who appears in
  // several cases, a merchant, a legal representative); the court fixes where they live
  // and `year` their age. Names are unique in the world; a person has a full, valid ID
  // number, a company a valid credit code (the court's own records carry them). Call
  // these before Plan() or after Add(): they Reset the factory.
  Actor Person(const Court& court, int year, bool female);
  Actor Company(const Court& court, int year, Industry industry);

  // Adds `count` ordinary documents of the usual mix of `kinds` (the haystack).
  void Background(uint64_t count, const std::vector<Kind>& kinds);

  // The register written as registers/NAME.csv; made on first use.
  Register& Registry(const std::string& name, std::initializer_list<std::string_view> header);

  // A lead that must be found, and a trap no lead of `rule` may contain.
  void Expect(Expectation e) { truth_.push_back(std::move(e)); }
  void NearMiss(std::string rule, std::string case_no, std::string why);

  // Writes the world into `dir` (appearing complete or not at all; see TxtFolder).
  Status Write(const std::string& dir, bool jsonl, bool force) const;

 private:
  struct Document {
    std::string text;
    CaseRecord record;
  };

  uint64_t seed_;
  std::string name_;
  Rng rng_;
  ActorFactory factory_;
  CasePlan plan_;
  std::vector<Document> docs_;
  std::set<std::string> case_nos_;
  std::set<std::string> names_;  // of the world's people and companies
  std::map<std::string, Register> registers_;
  std::vector<Expectation> truth_;
  std::vector<Expectation> near_misses_;
  uint64_t background_ = 0;
};

// The scenarios, by name, in SCENARIOS.md order.
struct ScenarioInfo {
  std::string_view name;
  std::string_view title;  // what it finds, for --help
  void (*build)(World& world);
};
const std::vector<ScenarioInfo>& Scenarios();

// `case-synth scenario NAME -o DIR`: builds the named scenario from options.seed and
// writes it. Errors: Usage for an unknown name (listing the known ones) or a missing -o.
Status RunScenario(const std::string& name, const SynthOptions& options,
                   const CommonOptions& common);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_SCENARIO_H_
