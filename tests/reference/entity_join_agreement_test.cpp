// entity-join's matcher (join_matcher.h: hashed composite keys, the KeyIndex, posting
// lists) against its naive twin (entity_join_reference.h: every pair, every combination):
// on generated references and records with identifiers in their several forms, names in
// traditional characters, other widths and legal forms, masked values, numbers, missing
// and multi-valued fields, both must find the same rows with the same tiers and values.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/json_builder.h"
#include "join_matcher.h"
#include "reference.h"
#include "tests/reference/entity_join_reference.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

// Values that meet each other at the several tiers, and some that meet nothing.
const std::vector<std::string> kValues = {
    "\"上海华夏贸易有限公司\"",
    "\"上海華夏貿易有限公司\"",
    "\"上海华夏贸易有限责任公司\"",
    "\"上海华夏贸易（上海）有限公司\"",
    "\"上海 华夏贸易有限公司\"",
    "\"华夏\"",
    "\"张某\"",
    "\"上海某某贸易有限公司\"",
    "\"ABC Trading Ltd\"",
    "\"abc trading ltd\"",
    "\"\"",
    "12",
    "\"12\"",
    "12.5",
    "null",
    "true",
    "\"11010519491231002X\"",
    "\"11010519491231002x\"",
    "\"110105491231002\"",
    "\"310***********1234\"",
    "\"91310115MA1G7Q2B42\"",
    "\"91310115ma1g7q2b42\"",
    "\"74033824-2\"",
    "\"740338242\"",
};

std::string RandomRecord(std::mt19937& rng, int k) {
  auto pick = [&] { return kValues[rng() % kValues.size()]; };
  auto list = [&] {
    std::string s = "[";
    size_t n = rng() % 4;
    for (size_t i = 0; i < n; ++i) s += (i ? "," : "") + pick();
    return s + "]";
  };
  std::string r = "{\"k\":" + std::to_string(k);
  if (rng() % 5 != 0) r += ",\"name\":" + pick();
  if (rng() % 5 != 0) r += ",\"names\":" + list();
  if (rng() % 5 != 0) r += ",\"ids\":" + list();
  return r + "}";
}

JoinSpec Spec(const std::vector<std::string>& on, bool exclude) {
  JoinSpec spec;
  for (const std::string& o : on) spec.on.push_back(*ParsePathPair(o, "--on"));
  if (exclude) spec.exclude_same = *ParsePathPair("k", "--exclude-same");
  return spec;
}

std::string Describe(uint32_t row, JoinTier tier, const std::vector<std::string>& left,
                     const std::vector<std::string>& right) {
  std::string out = std::to_string(row) + " " + std::string(TierName(tier));
  for (const std::string& l : left) out += " L:" + l;
  for (const std::string& r : right) out += " R:" + r;
  return out;
}

TEST_CASE("JoinMatcher agrees with the naive join", "[entity_join][reference]") {
  const NameNormalizer& norm = **NameNormalizer::Get();
  testing::TempDir dir;
  std::mt19937 rng(20261127);
  const std::vector<std::pair<std::vector<std::string>, bool>> specs = {
      {{"name"}, false},
      {{"names[*]"}, false},
      {{"names[*]=name"}, true},
      {{"ids[*]"}, true},
      {{"names[*]", "ids[*]"}, false},
      {{"name=names[0]", "ids[*]=ids[-1]", "k"}, false},
  };
  size_t matched = 0;
  std::set<JoinTier> tiers;  // seen among the naive matches
  for (int round = 0; round < 12; ++round) {
    const auto& [on, exclude] = specs[round % specs.size()];
    JoinSpec spec = Spec(on, exclude);
    std::string path = dir.path() + "/ref" + std::to_string(round) + ".jsonl";
    std::string all = "[";
    {
      std::ofstream f(path);
      size_t n = 1 + rng() % 120;
      for (size_t i = 0; i < n; ++i) {
        std::string row = RandomRecord(rng, static_cast<int>(rng() % 40));
        f << row << "\n";
        all += (i ? "," : "") + row;
      }
    }
    all += "]";
    simdjson::dom::parser rows_parser;
    simdjson::dom::element rows_doc = rows_parser.parse(all).value();
    std::vector<simdjson::dom::element> rows;
    for (simdjson::dom::element e : rows_doc.get_array()) rows.push_back(e);

    Reference::Options ro;
    ro.files = {path};
    BadRecords bad(OnError::kFail, nullptr);
    Result<std::unique_ptr<Reference>> ref = Reference::Load(ro, spec, norm, &bad);
    REQUIRE(ref.ok());
    JoinMatcher matcher(spec, **ref, norm);
    simdjson::dom::parser parser;
    std::vector<JoinMatch> found;
    std::string json;
    for (int i = 0; i < 150; ++i) {
      std::string left = RandomRecord(rng, static_cast<int>(rng() % 40));
      simdjson::dom::element record = parser.parse(left).value();
      REQUIRE(matcher.Find(record, &found).ok());
      std::vector<std::string> fast, naive;
      for (const JoinMatch& m : found) {
        json.clear();
        matcher.AppendMatchJson(m, &json);
        simdjson::dom::parser p;
        simdjson::dom::element j = p.parse(json).value();
        std::vector<std::string> l, r;
        auto values = [](simdjson::dom::element e, std::vector<std::string>* out) {
          simdjson::dom::array a;
          if (e.get_array().get(a) == simdjson::SUCCESS) {
            for (simdjson::dom::element x : a) out->emplace_back(x.get_string().value());
          } else {
            out->emplace_back(e.get_string().value());
          }
        };
        values(j["left"].value(), &l);
        values(j["right"].value(), &r);
        fast.push_back(Describe(m.row, m.tier, l, r));
      }
      for (const reference::NaiveMatch& m : reference::NaiveJoin(record, rows, spec, norm)) {
        naive.push_back(Describe(m.row, m.tier, m.left, m.right));
        tiers.insert(m.tier);
      }
      INFO("left: " << left);
      CHECK(fast == naive);
      matched += naive.size();
    }
  }
  // The generator makes matches at every tier, not only misses.
  CHECK(tiers == std::set<JoinTier>{JoinTier::kId, JoinTier::kExact, JoinTier::kName});
  CHECK(matched > 500);
}

}  // namespace
}  // namespace casesift
