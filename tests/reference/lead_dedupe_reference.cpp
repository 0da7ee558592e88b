#include "tests/reference/lead_dedupe_reference.h"

#include <string>
#include <string_view>

namespace casesift::reference {

std::vector<uint32_t> NaiveClusters(const std::vector<simdjson::dom::element>& records,
                                    const ClusterSpec& spec) {
  const size_t n = records.size();
  std::vector<std::string> right, values;
  std::vector<std::vector<std::string>> left(n);
  std::vector<bool> named(n, false);
  for (size_t i = 0; i < n; ++i) {
    ClusterValues(spec, records[i], false, &values);
    right.insert(right.end(), values.begin(), values.end());
    ClusterValues(spec, records[i], true, &left[i]);
    for (size_t f = 0; f < spec.names.size(); ++f) named[i] = named[i] || !values[f].empty();
  }
  Result<MatchScorer> scorer = BuildClusterScorer(spec, right);
  if (!scorer.ok()) return {};
  PreparedRecords prepared;
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string_view> row(left[i].begin(), left[i].end());
    scorer->Prepare(row, &prepared);
  }
  // Links, both ways round, between records that have names.
  std::vector<std::vector<uint32_t>> links(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!named[i]) continue;
    for (uint32_t j = 0; j < n; ++j) {
      if (i == j || !named[j] || scorer->Score(prepared, i, j) < spec.min_score) continue;
      links[i].push_back(j);
      links[j].push_back(i);
    }
  }
  std::vector<uint32_t> cluster(n, UINT32_MAX);
  for (uint32_t start = 0; start < n; ++start) {
    if (cluster[start] != UINT32_MAX) continue;
    std::vector<uint32_t> stack = {start};
    cluster[start] = start;
    while (!stack.empty()) {
      uint32_t x = stack.back();
      stack.pop_back();
      for (uint32_t y : links[x]) {
        if (cluster[y] == UINT32_MAX) {
          cluster[y] = start;
          stack.push_back(y);
        }
      }
    }
  }
  return cluster;
}

}  // namespace casesift::reference
