#include "clusterer.h"

#include <numeric>
#include <span>

#include "common/blocking_index.h"
#include "common/hash.h"

namespace casesift {

namespace {

std::string FirstText(const FieldPath& path, simdjson::dom::element root) {
  std::optional<simdjson::dom::element> e = path.First(root);
  return e ? ComparableText(*e) : "";
}

}  // namespace

void ClusterValues(const ClusterSpec& spec, simdjson::dom::element root, bool left,
                   std::vector<std::string>* out) {
  out->clear();
  for (const FieldPath& name : spec.names) out->push_back(FirstText(name, root));
  for (const PathPair& c : spec.compare) out->push_back(FirstText(left ? c.left : c.right, root));
}

Result<MatchScorer> BuildClusterScorer(const ClusterSpec& spec,
                                       const std::vector<std::string>& right) {
  MatchOptions options;
  options.min_score = spec.min_score;
  MatchScorer::Builder builder(options);
  for (const FieldPath& name : spec.names) builder.AddField({name.text(), CompareKind::kName});
  for (const PathPair& c : spec.compare) builder.AddField({c.text, CompareKind::kAuto});
  size_t fields = spec.names.size() + spec.compare.size();
  std::vector<std::string_view> row(fields);
  for (size_t r = 0; r + fields <= right.size() && fields > 0; r += fields) {
    for (size_t f = 0; f < fields; ++f) row[f] = right[r + f];
    builder.AddReference(row);
  }
  return std::move(builder).Build();
}

void Clusterer::Add(simdjson::dom::element root, std::string_view key) {
  std::vector<std::string> values;
  ClusterValues(spec_, root, true, &values);
  for (std::string& v : values) left_.push_back(std::move(v));
  ClusterValues(spec_, root, false, &values);
  for (std::string& v : values) right_.push_back(std::move(v));
  keys_.emplace_back(key);
}

uint32_t Clusterer::Find(uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

Status Clusterer::Run() {
  const size_t n = keys_.size(), fields = spec_.names.size() + spec_.compare.size();
  const size_t names = spec_.names.size();
  parent_.resize(n);
  std::iota(parent_.begin(), parent_.end(), 0u);
  Result<MatchScorer> scorer = BuildClusterScorer(spec_, right_);
  if (!scorer.ok()) return scorer.status();
  PreparedRecords left;
  std::vector<std::string_view> row(fields);
  for (size_t i = 0; i < n; ++i) {
    for (size_t f = 0; f < fields; ++f) row[f] = left_[i * fields + f];
    scorer->Prepare(row, &left);
  }

  // Blocking: the names in one key space (given and family names get swapped), each
  // supporting value as an exact key of its own.
  BlockingIndex::Builder blocking;
  std::string normalized;
  // A record with no name (all missing or masked) is no one's: it joins no cluster, as a
  // query or as a candidate.
  std::vector<bool> named(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (size_t f = 0; f < names; ++f) {
      const std::string& value = right_[i * fields + f];
      if (value.empty()) continue;
      norm_.Normalize(value, NameLevel::kName, &normalized);
      if (normalized.empty()) continue;
      named[i] = true;
      blocking.Add(static_cast<uint32_t>(i), normalized, 0);
    }
    if (!named[i]) continue;
    for (size_t f = names; f < fields; ++f) {
      const std::string& value = right_[i * fields + f];
      if (value.empty()) continue;
      norm_.Normalize(value, NameLevel::kName, &normalized);
      blocking.AddExact(static_cast<uint32_t>(i), normalized, static_cast<uint8_t>(f));
    }
  }
  BlockingIndex index = std::move(blocking).Build();
  BlockingIndex::Query query;
  std::vector<BlockingCandidate> candidates;
  for (size_t i = 0; i < n; ++i) {
    if (!named[i]) continue;  // no name: no evidence of who it is about
    query.Clear();
    for (size_t f = 0; f < fields; ++f) {
      const std::string& value = left_[i * fields + f];
      if (value.empty()) continue;
      norm_.Normalize(value, NameLevel::kName, &normalized);
      if (f < names) {
        query.Add(normalized, 0);  // the names are the same paths on both sides
      } else {
        query.AddExact(normalized, static_cast<uint8_t>(f));
      }
    }
    index.Candidates(&query, &candidates);
    for (const BlockingCandidate& c : candidates) {
      if (c.id == i || !named[c.id]) continue;
      if (scorer->Score(left, i, c.id) < spec_.min_score) continue;
      uint32_t a = Find(static_cast<uint32_t>(i)), b = Find(c.id);
      if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }
  }

  // Ids from each cluster's smallest key.
  root_.resize(n);
  sizes_.assign(n, 0);
  std::vector<uint32_t> smallest(n, UINT32_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t r = root_[i] = Find(i);
    ++sizes_[r];
    if (smallest[r] == UINT32_MAX || keys_[i] < keys_[smallest[r]]) smallest[r] = i;
  }
  ids_.assign(n, std::string());
  for (uint32_t r = 0; r < n; ++r) {
    if (sizes_[r] == 0) continue;
    ids_[r] = "c:" + FormatHash(Hash64(keys_[smallest[r]])).substr(5);
  }
  return Status::OK();
}

}  // namespace casesift
