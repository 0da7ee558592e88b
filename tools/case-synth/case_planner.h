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

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CASE_PLANNER_H_
