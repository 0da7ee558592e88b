// The naive twin of rule-match's engine (tools/rule-match/engine.h): each rule evaluated on
// its own, every entry of every selection, straight from RULES.md "Semantics, precisely",
// with no scan, no hash table, no trigger and no short cut. Slow on purpose; the engine
// must agree with it on every rule and record (rule_engine_agreement_test.cpp).
#ifndef CASESIFT_TESTS_REFERENCE_RULE_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_RULE_REFERENCE_H_

#include <simdjson.h>

#include <cstdint>

#include "rules.h"

namespace casesift::reference {

// Whether detection rule `rule` matches `record` on day `today_days`.
bool RuleMatchesReference(const Rule& rule, simdjson::dom::element record, int64_t today_days);

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_RULE_REFERENCE_H_
