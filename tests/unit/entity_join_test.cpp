// entity-join's modules: join keys and tiers, the KeyIndex (against a std::map twin), the
// combinations of a composite key, and --on parsing.
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "combinations.h"
#include "join_key.h"
#include "join_spec.h"
#include "key_index.h"

namespace casesift {
namespace {

const NameNormalizer& Norm() { return **NameNormalizer::Get(); }

std::string Key(std::string_view text) {
  std::string key;
  JoinKeyOf(text, Norm(), &key);
  return key;
}

TEST_CASE("identifiers join on their canonical form", "[entity_join]") {
  // The check character in either case, and the 15-digit form upgraded to 18.
  CHECK(Key("11010519491231002x") == "i11010519491231002X");
  CHECK(Key("11010519491231002X") == "i11010519491231002X");
  CHECK(Key("110105491231002") == "i11010519491231002X");
  CHECK(Key(" 11010519491231002X ") == "i11010519491231002X");
  // A valid credit code in lower case; an organisation code with or without its hyphen.
  CHECK(Key("91310115ma1h8x2l3n") == "i91310115MA1H8X2L3N");
  CHECK(Key("74033824-2") == Key("740338242"));
  CHECK(Key("74033824-2")[0] == 'i');
  // A number whose check fails is joined as text, not as an identifier.
  CHECK(Key("110105194912310021")[0] == 'n');
}

TEST_CASE("masked values have no key", "[entity_join]") {
  CHECK(Key("张某").empty());
  CHECK(Key("张某某").empty());
  CHECK(Key("上海某某商贸有限公司").empty());
  CHECK(Key("310***********1234").empty());
  CHECK(Key("3101××××××××××1234").empty());
  CHECK(Key("").empty());
  CHECK(Key("（）、").empty());
}

TEST_CASE("names join on their normalised form", "[entity_join]") {
  CHECK(Key("上海華夏貿易（上海）有限責任公司") == "n上海华夏贸易有限公司");
  CHECK(Key("上海华夏贸易有限公司") == Key("上海 华夏贸易 有限责任公司"));
  CHECK(Key("王小明") == "n王小明");
  CHECK(Key("John SMITH") == Key("john smith"));
  CHECK(Key("上海华夏贸易有限公司") != Key("上海华夏贸易股份有限公司"));
}

TEST_CASE("the tier of a match", "[entity_join]") {
  JoinValue id{"11010519491231002x", Key("11010519491231002x")};
  CHECK(TierOf(id, "11010519491231002X") == JoinTier::kId);
  JoinValue name{"上海华夏贸易有限公司", Key("上海华夏贸易有限公司")};
  CHECK(TierOf(name, "上海华夏贸易有限公司") == JoinTier::kExact);
  CHECK(TierOf(name, "上海华夏贸易有限责任公司") == JoinTier::kName);
  CHECK(TierName(JoinTier::kName) == "name");
}

TEST_CASE("a pair of paths splits at the '=' outside brackets", "[entity_join]") {
  Result<PathPair> p = ParsePathPair("parties[side=defendant].uscc=uscc", "--on");
  REQUIRE(p.ok());
  CHECK(p->left.text() == "parties[side=defendant].uscc");
  CHECK(p->right.text() == "uscc");
  Result<PathPair> same = ParsePathPair("parties[*].name", "--on");
  REQUIRE(same.ok());
  CHECK(same->left.text() == "parties[*].name");
  CHECK(same->right.text() == "parties[*].name");
  Result<PathPair> quoted = ParsePathPair("extra.\"a=b\"=x", "--on");
  REQUIRE(quoted.ok());
  CHECK(quoted->right.text() == "x");
  Result<PathPair> empty = ParsePathPair("=uscc", "--on");
  REQUIRE(!empty.ok());
  CHECK(empty.status().message() == "--on '=uscc': a path is missing on one side of '='");
  Result<PathPair> bad = ParsePathPair("parties[0.name=x", "--on");
  REQUIRE(!bad.ok());
  CHECK(bad.status().message().starts_with("--on 'parties[0.name=x': "));
}

TEST_CASE("combinations of a composite key, first part slowest", "[entity_join]") {
  KeyParts parts(3);
  AddKeyValue(&parts[0], "a", "A");
  AddKeyValue(&parts[0], "b", "B");
  AddKeyValue(&parts[0], "a", "A2");  // the same key: the first value stays
  AddKeyValue(&parts[1], "c", "C");
  AddKeyValue(&parts[2], "d", "D");
  AddKeyValue(&parts[2], "e", "E");
  CHECK(CountCombinations(parts, 100) == 4);
  CHECK(CountCombinations(parts, 3) == 4);  // saturates at limit + 1
  std::vector<std::string> keys, raws;
  std::string key, values;
  std::vector<size_t> choice;
  std::vector<std::string_view> split;
  ForEachCombination(parts, &key, &values, &choice,
                     [&](const std::string& k, const std::string& v, const std::vector<size_t>&) {
                       keys.push_back(k);
                       SplitValues(v, &split);
                       std::string joined;
                       for (std::string_view s : split) joined += std::string(s) + ";";
                       raws.push_back(joined);
                     });
  CHECK(keys == std::vector<std::string>{"a\x1f"
                                         "c\x1f"
                                         "d",
                                         "a\x1f"
                                         "c\x1f"
                                         "e",
                                         "b\x1f"
                                         "c\x1f"
                                         "d",
                                         "b\x1f"
                                         "c\x1f"
                                         "e"});
  CHECK(raws == std::vector<std::string>{"A;C;D;", "A;C;E;", "B;C;D;", "B;C;E;"});
  parts[1].clear();
  CHECK(CountCombinations(parts, 100) == 0);
  size_t calls = 0;
  ForEachCombination(
      parts, &key, &values, &choice,
      [&](const std::string&, const std::string&, const std::vector<size_t>&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("KeyIndex agrees with a map of keys to rows", "[entity_join]") {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 20; ++round) {
    size_t distinct = 1 + rng() % 300;
    size_t n = rng() % 3000;
    KeyIndex index;
    // The twin: key -> row -> the first posting's values.
    std::map<std::string, std::map<uint32_t, uint32_t>> twin;
    for (size_t i = 0; i < n; ++i) {
      std::string key = "k" + std::to_string(rng() % distinct);
      auto row = static_cast<uint32_t>(rng() % 500);
      auto values = static_cast<uint32_t>(i);
      index.Add(HashKey(key), {row, values});
      twin[key].emplace(row, values);
    }
    index.Build();
    CHECK(index.keys() == twin.size());
    for (size_t k = 0; k < distinct + 10; ++k) {
      std::string key = "k" + std::to_string(k);
      std::span<const KeyIndex::Posting> found = index.Find(HashKey(key));
      auto it = twin.find(key);
      if (it == twin.end()) {
        CHECK(found.empty());
        continue;
      }
      REQUIRE(found.size() == it->second.size());
      size_t i = 0;
      for (const auto& [row, values] : it->second) {
        CHECK(found[i].row == row);
        CHECK(found[i].values == values);
        ++i;
      }
    }
  }
  KeyIndex empty;
  empty.Build();
  CHECK(empty.Find(HashKey("x")).empty());
}

TEST_CASE("KeyIndex built on two threads is the one built on one", "[entity_join]") {
  // Large enough for the two-thread sort (it starts at 65,536 postings), with keys of
  // many postings and (key, row) pairs added twice (the first added is kept).
  std::mt19937 rng(20261128);
  const size_t distinct = 60000, n = 150000;
  KeyIndex one, two;
  two.Reserve(n / 2);  // a short estimate: the list still grows
  for (size_t i = 0; i < n; ++i) {
    KeyHash key = HashKey("k" + std::to_string(rng() % distinct));
    KeyIndex::Posting posting{static_cast<uint32_t>(rng() % 200000), static_cast<uint32_t>(i)};
    one.Add(key, posting);
    two.Add(key, posting);
  }
  one.Build(1);
  two.Build(2);
  CHECK(two.keys() == one.keys());
  CHECK(two.postings() == one.postings());
  for (size_t k = 0; k < distinct + 100; ++k) {
    KeyHash key = HashKey("k" + std::to_string(k));
    std::span<const KeyIndex::Posting> a = one.Find(key), b = two.Find(key);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].row == b[i].row);
      CHECK(a[i].values == b[i].values);
    }
  }
}

TEST_CASE("KeyIndex finds keys whose probing wraps around the table", "[entity_join]") {
  // Hashes at the very top of the low word all have the last slot as their home, so all but
  // one wrap around to the table's start, where keys of low hashes have theirs; Build
  // places the wrapped ones after the others, as inserting them one by one would.
  for (unsigned threads : {1u, 2u}) {
    KeyIndex index;
    std::vector<KeyHash> keys;
    for (uint64_t i = 0; i < 40; ++i) keys.push_back({~uint64_t{0} - i, i});
    for (uint64_t i = 0; i < 30; ++i) keys.push_back({i << 40, 1000 + i});
    for (uint64_t i = 0; i < 20; ++i) keys.push_back({(uint64_t{1} << 63) + (i << 50), 2000 + i});
    for (size_t k = 0; k < keys.size(); ++k) {
      index.Add(keys[k], {static_cast<uint32_t>(k), static_cast<uint32_t>(2 * k)});
      index.Add(keys[k], {static_cast<uint32_t>(k + 500), static_cast<uint32_t>(2 * k + 1)});
    }
    index.Build(threads);
    CHECK(index.keys() == keys.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      std::span<const KeyIndex::Posting> found = index.Find(keys[k]);
      REQUIRE(found.size() == 2);
      CHECK(found[0].row == k);
      CHECK(found[0].values == 2 * k);
      CHECK(found[1].row == k + 500);
    }
    CHECK(index.Find({~uint64_t{0} - 100, 0}).empty());
    CHECK(index.Find({5, 5}).empty());
  }
}

}  // namespace
}  // namespace casesift
