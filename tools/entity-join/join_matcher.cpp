#include "join_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/json_builder.h"

namespace casesift {

namespace {}  // namespace

Status JoinMatcher::Find(simdjson::dom::element record, std::vector<JoinMatch>* out) {
  out->clear();
  left_values_.clear();
  probed_ = false;
  CASESIFT_RETURN_IF_ERROR(Collect(record, &keys_));
  Match(keys_, out);
  if (ref_.fuzzy() != nullptr) Fuzzy(record, keys_.excluding, keys_.exclude, out);
  return Status::OK();
}

Status JoinMatcher::Collect(simdjson::dom::element record, Keys* keys) {
  CollectKeyParts(record, spec_, true, norm_, &keys->parts, &value_);
  keys->hashes.clear();
  keys->values.clear();
  keys->ends.clear();
  keys->choices.clear();
  keys->found.clear();
  size_t combinations = CountCombinations(keys->parts, kMaxCombinations);
  if (combinations > kMaxCombinations) {
    return Status::InvalidData(
        fmt::format("the --on paths yield more than {} combinations of values in this record",
                    kMaxCombinations));
  }
  keys->exclude = 0;
  keys->excluding = false;
  if (spec_.exclude_same) {
    if (std::optional<simdjson::dom::element> e = spec_.exclude_same->left.First(record)) {
      keys->exclude = ExcludeValueHash(*e);
      keys->excluding = true;
    }
  }
  ForEachCombination(
      keys->parts, &key_, &values_, &choice_,
      [&](const std::string& key, const std::string& values, const std::vector<size_t>& choice) {
        keys->hashes.push_back(HashKey(key));
        keys->values.append(values);
        keys->ends.push_back(static_cast<uint32_t>(keys->values.size()));
        for (size_t c : choice) keys->choices.push_back(static_cast<uint32_t>(c));
      });
  return Status::OK();
}

void JoinMatcher::Match(const Keys& keys, std::vector<JoinMatch>* out) {
  out->clear();
  left_values_.clear();
  probed_ = false;
  const size_t n = keys.parts.size();
  size_t begin = 0;
  for (size_t combo = 0; combo < keys.hashes.size(); ++combo) {
    std::string_view values = std::string_view(keys.values).substr(begin, keys.ends[combo] - begin);
    begin = keys.ends[combo];
    std::span<const KeyIndex::Posting> postings = keys.found.size() == keys.hashes.size()
                                                      ? keys.found[combo]
                                                      : ref_.index().Find(keys.hashes[combo]);
    if (postings.empty()) continue;
    auto left_at = static_cast<uint32_t>(left_values_.size());
    left_values_.append(values);
    const uint32_t* choice = keys.choices.data() + combo * n;
    for (const KeyIndex::Posting& posting : postings) {
      if (Excluded(posting.row, keys.excluding, keys.exclude)) continue;
      ref_.ValuesOf(posting, &split_);
      JoinTier tier = JoinTier::kId;
      for (size_t p = 0; p < n; ++p) {
        const auto& [k, raw] = keys.parts[p][choice[p]];
        tier = std::max(tier, TierOf(k, raw, split_[p]));
      }
      out->push_back(
          {posting.row, tier, 1.0, posting.values, left_at, static_cast<uint32_t>(combo)});
    }
  }
  // By row; a row found through several combinations keeps its strongest tier, of the
  // first combination that gave it.
  std::sort(out->begin(), out->end(), [](const JoinMatch& a, const JoinMatch& b) {
    if (a.row != b.row) return a.row < b.row;
    return a.tier != b.tier ? a.tier < b.tier : a.combo < b.combo;
  });
  out->erase(std::unique(out->begin(), out->end(),
                         [](const JoinMatch& a, const JoinMatch& b) { return a.row == b.row; }),
             out->end());
}

void JoinMatcher::Prefetch(Keys* keys, int stage) const {
  // A few postings per key are enough: a key with many has them side by side.
  constexpr size_t kPostings = 4;
  if (stage == 0) {
    for (const KeyHash& hash : keys->hashes) ref_.index().PrefetchSlot(hash);
    return;
  }
  if (stage == 1) {
    keys->found.clear();
    for (const KeyHash& hash : keys->hashes) {
      keys->found.push_back(ref_.index().Find(hash));
      if (!keys->found.back().empty()) PrefetchLine(keys->found.back().data());
    }
    return;
  }
  for (std::span<const KeyIndex::Posting> postings : keys->found) {
    for (size_t i = 0; i < postings.size() && i < kPostings; ++i) {
      if (stage == 2) {
        ref_.PrefetchPosting(postings[i]);
      } else {
        ref_.PrefetchRow(postings[i].row);
      }
    }
  }
}

void JoinMatcher::Fuzzy(simdjson::dom::element record, bool excluding, uint64_t exclude,
                        std::vector<JoinMatch>* out) {
  const FuzzyIndex& fuzzy = *ref_.fuzzy();
  probed_ = fuzzy.Prepare(record, &probe_);
  if (!probed_) return;  // nothing to score by: what the keys found stays
  std::erase_if(*out, [&](JoinMatch& m) {
    if (m.tier == JoinTier::kId) return false;
    m.score = fuzzy.Score(probe_, m.row);
    return m.score < fuzzy.min_score();
  });
  if (!out->empty()) return;
  fuzzy.Candidates(&probe_, &candidates_);
  auto left_at = static_cast<uint32_t>(left_values_.size());
  for (size_t p = 0; p < spec_.on.size(); ++p) AppendValue(&left_values_, probe_.values[p]);
  for (const FuzzyIndex::Candidate& c : candidates_) {
    if (Excluded(c.row, excluding, exclude)) continue;
    out->push_back({c.row, JoinTier::kFuzzy, c.score, 0, left_at, 0});
  }
  std::sort(out->begin(), out->end(),
            [](const JoinMatch& a, const JoinMatch& b) { return a.row < b.row; });
}

void JoinMatcher::KeepBest(std::vector<JoinMatch>* matches) {
  if (matches->size() <= 1) return;
  auto best = std::min_element(matches->begin(), matches->end(),
                               [](const JoinMatch& a, const JoinMatch& b) {
                                 if (a.score != b.score) return a.score > b.score;
                                 if (a.tier != b.tier) return a.tier < b.tier;
                                 return a.row < b.row;
                               });
  JoinMatch kept = *best;
  matches->assign(1, kept);
}

void JoinMatcher::AppendMatchJson(const JoinMatch& match, std::string* out) const {
  // Four decimals: enough to rank, and the same text on every machine.
  double score = std::round(match.score * 10000) / 10000;
  KeyIndex::Posting posting{match.row, match.right_values};
  std::vector<std::string_view>& left = left_split_;
  SplitValues(std::string_view(left_values_).substr(match.left_values), &left, spec_.on.size());
  if (match.tier == JoinTier::kFuzzy) {
    SplitValues(ref_.fuzzy()->RowValues(match.row), &split_, spec_.on.size());
  } else {
    ref_.ValuesOf(posting, &split_);
  }
  // What JsonBuilder writes (a score of 1 is written "1"), without its bookkeeping: this
  // object is written once per match.
  out->append(score == 1 ? R"({"score":1,"via":")" : R"({"score":)");
  if (score != 1) {
    JsonBuilder(out).Double(score);
    out->append(R"(,"via":")");
  }
  out->append(TierName(match.tier));
  auto values = [&](const std::vector<std::string_view>& v) {
    if (v.size() == 1) {
      AppendJsonString(out, v[0]);
      return;
    }
    out->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(out, v[i]);
    }
    out->push_back(']');
  };
  out->append(R"(","left":)");
  values(left);
  out->append(R"(,"right":)");
  values(split_);
  if (probed_ && match.tier != JoinTier::kId) {
    out->append(R"(,"fields":)");
    ref_.fuzzy()->AppendFields(probe_, match.row, out);
  }
  out->push_back('}');
}

}  // namespace casesift
