#include "common/blocking_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/name_similarity.h"

namespace casesift {
namespace {

// ---- the naive twin: every reference record's keys as strings, scored one by one ----
// Never for production: O(records x keys) per query.
struct NaiveEntry {
  uint32_t id;
  std::string text;
  uint8_t field;
  bool exact;
};

std::set<std::string> NaiveKeys(const std::string& text, uint8_t field, bool exact) {
  std::set<std::string> keys;
  const std::string prefix(1, static_cast<char>(field));
  if (exact) {
    if (!text.empty()) keys.insert("E" + prefix + text);
    return keys;
  }
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i == start) break;
    const std::string token = text.substr(start, i - start);
    keys.insert("T" + prefix + token);
    const std::u32string cps = ToCodePoints(token);
    for (size_t k = 0; k + 1 < cps.size(); ++k) {
      std::string gram;
      AppendUtf8(cps.substr(k, 2), &gram);
      keys.insert("G" + prefix + gram);
    }
    for (size_t k = 0; k < cps.size(); ++k) {
      if (cps.size() == 1 || IsCjkIdeograph(cps[k])) {
        std::string unigram;
        AppendUtf8(cps.substr(k, 1), &unigram);
        keys.insert("U" + prefix + unigram);
      }
    }
  }
  return keys;
}

std::vector<BlockingCandidate> NaiveCandidates(const std::vector<NaiveEntry>& entries,
                                               const std::vector<NaiveEntry>& query,
                                               BlockingOptions options) {
  std::map<uint32_t, std::set<std::string>> record_keys;
  for (const NaiveEntry& e : entries) {
    for (const std::string& k : NaiveKeys(e.text, e.field, e.exact)) record_keys[e.id].insert(k);
  }
  std::map<std::string, uint32_t> df;
  for (const auto& [id, keys] : record_keys) {
    for (const std::string& k : keys) ++df[k];
  }
  const auto n = static_cast<uint32_t>(record_keys.size());
  std::set<std::string> query_keys;
  for (const NaiveEntry& q : query) {
    for (const std::string& k : NaiveKeys(q.text, q.field, q.exact)) query_keys.insert(k);
  }
  std::vector<BlockingCandidate> out;
  for (const auto& [id, keys] : record_keys) {
    uint32_t weight = 0;
    for (const std::string& k : query_keys) {
      if (keys.count(k) && df[k] <= options.max_bucket) {
        weight += BlockingIndex::KeyWeight(n, df[k]);
      }
    }
    if (weight > 0) out.push_back({id, weight});
  }
  std::sort(out.begin(), out.end(), [](const BlockingCandidate& a, const BlockingCandidate& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  });
  if (out.size() > options.max_candidates) out.resize(options.max_candidates);
  return out;
}

BlockingIndex BuildIndex(const std::vector<NaiveEntry>& entries, BlockingOptions options) {
  BlockingIndex::Builder builder(options);
  for (const NaiveEntry& e : entries) {
    if (e.exact) {
      builder.AddExact(e.id, e.text, e.field);
    } else {
      builder.Add(e.id, e.text, e.field);
    }
  }
  return std::move(builder).Build();
}

std::vector<BlockingCandidate> Candidates(const BlockingIndex& index,
                                          const std::vector<NaiveEntry>& query) {
  BlockingIndex::Query q;
  for (const NaiveEntry& e : query) {
    if (e.exact) {
      q.AddExact(e.text, e.field);
    } else {
      q.Add(e.text, e.field);
    }
  }
  std::vector<BlockingCandidate> out;
  index.Candidates(&q, &out);
  return out;
}

TEST_CASE("the closest name ranks first", "[blocking_index]") {
  std::vector<NaiveEntry> entries = {{0, "deakin sondergeld", 0, false},
                                     {1, "dekain sondergeldt", 0, false},
                                     {2, "lucy wu", 0, false},
                                     {3, "kayla harrington", 0, false}};
  BlockingIndex index = BuildIndex(entries, {});
  CHECK(index.num_records() == 4);
  std::vector<BlockingCandidate> out = Candidates(index, {{0, "deakin sondergeld", 0, false}});
  REQUIRE(out.size() >= 2);
  CHECK(out[0].id == 0);
  CHECK(out[1].id == 1);
  CHECK(out[0].weight > out[1].weight);
  for (const BlockingCandidate& c : out) CHECK(c.id != 2);  // shares no key
}

TEST_CASE("Chinese names meet through single characters", "[blocking_index]") {
  BlockingIndex index =
      BuildIndex({{0, "张三", 0, false}, {1, "李四", 0, false}, {2, "王五", 0, false}}, {});
  std::vector<BlockingCandidate> out = Candidates(index, {{0, "张山", 0, false}});
  REQUIRE(out.size() == 1);
  CHECK(out[0].id == 0);
}

TEST_CASE("keys held by too many records are dropped", "[blocking_index]") {
  BlockingOptions options;
  options.max_bucket = 2;
  BlockingIndex index = BuildIndex(
      {{0, "xy", 0, false}, {1, "xy", 0, false}, {2, "xy", 0, false}, {3, "xyz", 0, false}},
      options);
  CHECK(index.num_dropped_keys() == 2);  // the token xy and the bigram xy
  std::vector<BlockingCandidate> out = Candidates(index, {{0, "xy", 0, false}});
  CHECK(out.empty());
  out = Candidates(index, {{0, "xyz", 0, false}});
  REQUIRE(out.size() == 1);
  CHECK(out[0].id == 3);
}

TEST_CASE("at most max_candidates, ties in id order, fields kept apart", "[blocking_index]") {
  BlockingOptions options;
  options.max_candidates = 3;
  std::vector<NaiveEntry> entries;
  for (uint32_t id = 0; id < 6; ++id) entries.push_back({5 - id, "same", 0, false});
  entries.push_back({6, "same", 1, false});
  entries.push_back({7, "k-1", 2, true});
  BlockingIndex index = BuildIndex(entries, options);
  std::vector<BlockingCandidate> out = Candidates(index, {{0, "same", 0, false}});
  REQUIRE(out.size() == 3);
  CHECK(out[0].id == 0);
  CHECK(out[1].id == 1);
  CHECK(out[2].id == 2);
  out = Candidates(index, {{0, "k-1", 2, true}});
  REQUIRE(out.size() == 1);
  CHECK(out[0].id == 7);
  CHECK(Candidates(index, {{0, "k-1", 0, false}}).empty());  // exact key is not a name key
}

TEST_CASE("the index ranks as the naive twin on random names", "[blocking_index][reference]") {
  std::mt19937 rng(20240611);
  const std::vector<std::string> pieces = {"an", "na", "ber", "ry", "la",  "ch", "张",
                                           "三", "李", "x",   "ka", "ton", "a",  "e"};
  auto random_name = [&] {
    std::string name;
    const int words = 1 + static_cast<int>(rng() % 3);
    for (int w = 0; w < words; ++w) {
      if (w > 0) name += ' ';
      const int parts = 1 + static_cast<int>(rng() % 3);
      for (int p = 0; p < parts; ++p) name += pieces[rng() % pieces.size()];
    }
    return name;
  };
  for (int round = 0; round < 20; ++round) {
    BlockingOptions options;
    options.max_bucket = 5 + static_cast<uint32_t>(rng() % 60);
    options.max_candidates = 1 + static_cast<uint32_t>(rng() % 20);
    std::vector<NaiveEntry> entries;
    const uint32_t records = 50 + static_cast<uint32_t>(rng() % 150);
    for (uint32_t id = 0; id < records; ++id) {
      if (rng() % 10 == 0) continue;  // ids with no keys
      entries.push_back({id, random_name(), static_cast<uint8_t>(rng() % 2), false});
      if (rng() % 3 == 0) entries.push_back({id, std::to_string(rng() % 20), 2, true});
    }
    BlockingIndex index = BuildIndex(entries, options);
    for (int q = 0; q < 30; ++q) {
      std::vector<NaiveEntry> query = {{0, random_name(), static_cast<uint8_t>(rng() % 2), false}};
      if (rng() % 2 == 0) query.push_back({0, std::to_string(rng() % 20), 2, true});
      INFO("round " << round << " query " << query[0].text);
      CHECK(Candidates(index, query) == NaiveCandidates(entries, query, options));
    }
  }
}

}  // namespace
}  // namespace casesift
