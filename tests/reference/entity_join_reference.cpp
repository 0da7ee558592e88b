#include "tests/reference/entity_join_reference.h"

#include <utility>

namespace casesift::reference {

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;  // (key, raw)

// Per --on: the first value of each distinct key, in document order.
std::vector<Values> ValuesOf(simdjson::dom::element record, const JoinSpec& spec, bool left,
                             const NameNormalizer& norm) {
  std::vector<Values> parts;
  for (const PathPair& on : spec.on) {
    Values part;
    for (simdjson::dom::element e : (left ? on.left : on.right).All(record)) {
      JoinValue v;
      if (!ReadJoinValue(e, norm, &v) || v.key.empty()) continue;
      bool seen = false;
      for (const auto& [k, r] : part) seen = seen || k == v.key;
      if (!seen) part.emplace_back(v.key, v.raw);
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

// All choices of one value per part, the first part slowest.
std::vector<std::vector<size_t>> Choices(const std::vector<Values>& parts) {
  std::vector<std::vector<size_t>> out = {{}};
  for (const Values& part : parts) {
    std::vector<std::vector<size_t>> next;
    for (const auto& prefix : out) {
      for (size_t i = 0; i < part.size(); ++i) {
        next.push_back(prefix);
        next.back().push_back(i);
      }
    }
    out = std::move(next);
  }
  return out;
}

std::string Text(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return std::string(simdjson::minify(e));
}

}  // namespace

std::vector<NaiveMatch> NaiveJoin(simdjson::dom::element left,
                                  const std::vector<simdjson::dom::element>& rows,
                                  const JoinSpec& spec, const NameNormalizer& norm) {
  std::vector<NaiveMatch> out;
  std::vector<Values> l = ValuesOf(left, spec, true, norm);
  std::optional<std::string> exclude;
  if (spec.exclude_same) {
    if (auto e = spec.exclude_same->left.First(left)) exclude = Text(*e);
  }
  for (uint32_t row = 0; row < rows.size(); ++row) {
    if (exclude && spec.exclude_same) {
      auto e = spec.exclude_same->right.First(rows[row]);
      if (e && Text(*e) == *exclude) continue;
    }
    std::vector<Values> r = ValuesOf(rows[row], spec, false, norm);
    std::optional<NaiveMatch> best;
    for (const auto& lc : Choices(l)) {
      for (const auto& rc : Choices(r)) {
        bool equal = true;
        for (size_t p = 0; p < lc.size(); ++p)
          equal = equal && l[p][lc[p]].first == r[p][rc[p]].first;
        if (!equal) continue;
        NaiveMatch m{row, JoinTier::kId, {}, {}};
        for (size_t p = 0; p < lc.size(); ++p) {
          const auto& [key, raw] = l[p][lc[p]];
          const std::string& right_raw = r[p][rc[p]].second;
          JoinTier t = key[0] == 'i'      ? JoinTier::kId
                       : raw == right_raw ? JoinTier::kExact
                                          : JoinTier::kName;
          m.tier = std::max(m.tier, t);
          m.left.push_back(raw);
          m.right.push_back(right_raw);
        }
        if (!best || m.tier < best->tier) best = std::move(m);
        break;  // for this left choice, the first right choice with equal keys
      }
    }
    if (best) out.push_back(std::move(*best));
  }
  return out;
}

}  // namespace casesift::reference
