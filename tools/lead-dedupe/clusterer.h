// Clusterer: records grouped by who they are about (lead-dedupe --cluster), with the
// blocking and scoring of entity-join --fuzzy (common/blocking_index.h,
// common/match_score.h), so one name means the same to both tools.
//
// Each record gives the first value of each --cluster path (the name parts, compared as
// names) and of each --compare pair's sides (supporting fields, their kind chosen from the
// values: identifiers, dates, codes, texts, names). Masked values (张某) count as missing.
// The records are at once the reference and the queries: each record's candidates are the
// records sharing an IDF-weighted name key (bigrams, tokens, CJK characters) or an exact
// --compare value with it, at most 50; a candidate pair is an edge when its score reaches
// the least score; clusters are the connected components (union-find). A record without
// any name value is a cluster of its own.
//
// Cluster ids are stable: "c:" and the XXH3-64 of the cluster's smallest key in byte order,
// so the same records give the same ids in every run, whatever their order.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_CLUSTERER_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_CLUSTERER_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_path.h"
#include "common/match_score.h"
#include "common/name_normalize.h"
#include "common/path_pair.h"
#include "common/status.h"

namespace casesift {

struct ClusterSpec {
  std::vector<FieldPath> names;   // --cluster
  std::vector<PathPair> compare;  // --compare
  double min_score = 0.5;
};

class Clusterer {
 public:
  Clusterer(const ClusterSpec& spec, const NameNormalizer& norm) : spec_(spec), norm_(norm) {}

  // Adds record `id` (ids come in order 0, 1, ...) with its key (canonical text).
  void Add(simdjson::dom::element root, std::string_view key);

  // Finds the clusters. Errors: as MatchScorer::Builder::Build.
  Status Run();

  // After Run(): record i's cluster id and member count.
  const std::string& ClusterOf(size_t i) const { return ids_[root_[i]]; }
  uint32_t MembersOf(size_t i) const { return sizes_[root_[i]]; }

 private:
  uint32_t Find(uint32_t x);

  const ClusterSpec& spec_;
  const NameNormalizer& norm_;
  std::vector<std::string> left_;   // per record, row-major: names then compare left sides
  std::vector<std::string> right_;  // names then compare right sides
  std::vector<std::string> keys_;
  std::vector<uint32_t> parent_, root_, sizes_;
  std::vector<std::string> ids_;  // per root
};

// A record's values as the scorer reads them: the --cluster paths, then the --compare
// pairs' left sides (`left`) or right sides; "" for a missing or masked value.
void ClusterValues(const ClusterSpec& spec, simdjson::dom::element root, bool left,
                   std::vector<std::string>* out);

// The scorer of a clustering: the names compared as names, the --compare pairs by kind,
// with `right` (row-major, one row per record) as its reference records.
Result<MatchScorer> BuildClusterScorer(const ClusterSpec& spec,
                                       const std::vector<std::string>& right);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_CLUSTERER_H_
