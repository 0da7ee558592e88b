// Plans one case for a document of a given kind: picks the year, court, cause, dates,
// procedure and outcome, then lets the cause plan parties and money (cause_catalog.h).
//
// Thread safety: one planner state (factory, plan) per worker.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CASE_PLANNER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CASE_PLANNER_H_

#include "actor_factory.h"
#include "case_plan.h"
#include "rng.h"

namespace casesift::synth {

// Fills *plan (after resetting it) for a document of `kind`.
void PlanDocument(Rng& rng, ActorFactory& factory, Kind kind, CasePlan* plan);

// What a scenario fixes of a case before it is planned (scenario.h): the cause, and
// optionally the court and the day this document was filed (else a day in `year`).
struct PlanChoice {
  Cause cause = Cause::kPrivateLoan;
  int year = 2024;
  const Court* court = nullptr;  // nullptr: a basic court picked as usual
  const Date* filed = nullptr;   // nullptr: a day in `year`
};

// As PlanDocument, with the cause, year, court and filing day chosen by the caller. The
// factory stays Reset for this case, so the caller may add actors to it.
void PlanDocumentAs(Rng& rng, ActorFactory& factory, Kind kind, const PlanChoice& choice,
                    CasePlan* plan);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CASE_PLANNER_H_
