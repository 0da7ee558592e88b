// The naive twin of lead-dedupe's clustering (tools/lead-dedupe/clusterer.h): every record
// scored against every other with the same scorer, no blocking index, no candidate limit,
// and the clusters taken as connected components by a plain flood fill. O(n^2): never for
// production. The Clusterer must agree with it (lead_dedupe_agreement_test.cpp).
#ifndef CASESIFT_TESTS_REFERENCE_LEAD_DEDUPE_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_LEAD_DEDUPE_REFERENCE_H_

#include <simdjson.h>

#include <cstdint>
#include <vector>

#include "clusterer.h"
#include "common/name_normalize.h"

namespace casesift::reference {

// For each record, the smallest record number of its cluster: records i and j are linked
// when either scores the other at least spec.min_score and each has a name value.
std::vector<uint32_t> NaiveClusters(const std::vector<simdjson::dom::element>& records,
                                    const ClusterSpec& spec);

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_LEAD_DEDUPE_REFERENCE_H_
