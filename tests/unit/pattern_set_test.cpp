// Unit tests of PatternSet (common/pattern_set.h): hits and their order, patterns without
// start of match, errors, and databases compiled ahead of time (loaded when the key
// matches, compiled when it does not or when the bytes are damaged).
#include "common/pattern_set.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

namespace casesift {
namespace {

std::string Describe(const PatternSet& set, std::string_view text) {
  std::vector<PatternHit> hits;
  set.Scan(text, &hits);
  std::string out;
  for (const PatternHit& h : hits) {
    out += std::to_string(h.id) + "@" + std::to_string(h.begin) + "-" + std::to_string(h.end) + " ";
  }
  return out;
}

const std::vector<PatternSet::Pattern> kPatterns = {
    {"诉称|辩称", 1}, {"判决如下(?::|：)", 2}, {"元", 3, false}};

void Collect(uint64_t key, std::string_view bytes, void* context) {
  (*static_cast<std::map<uint64_t, std::string>*>(context))[key] = std::string(bytes);
}

}  // namespace

TEST_CASE("PatternSet reports every hit in order", "[pattern_set]") {
  Result<PatternSet> set = PatternSet::Compile(kPatterns);
  REQUIRE(set.ok());
  CHECK(!set->precompiled());
  // 诉称 is 6 bytes, 元 3; the hit without start of match begins where it ends.
  CHECK(Describe(*set, "原告诉称，判决如下：支付5元") == "1@6-12 2@15-30 3@40-40 ");
  CHECK(Describe(*set, "") == "");
  CHECK(Describe(*set, std::string_view("\xff\xfe辩称", 8)) == "1@2-8 ");
}

TEST_CASE("PatternSet names a pattern Hyperscan rejects", "[pattern_set]") {
  Result<PatternSet> set = PatternSet::Compile({{"a(", 0}});
  REQUIRE(!set.ok());
  CHECK(std::string(set.status().message()).find("a(") != std::string::npos);
}

TEST_CASE("PatternSet loads a database compiled ahead of time only when it fits", "[pattern_set]") {
  std::map<uint64_t, std::string> saved;
  PatternSet::OnCompiled(Collect, &saved);
  Result<PatternSet> compiled = PatternSet::Compile(kPatterns);
  PatternSet::OnCompiled(nullptr, nullptr);
  REQUIRE(compiled.ok());
  REQUIRE(saved.size() == 1);
  CHECK(saved.begin()->first == PatternSet::KeyOf(kPatterns));
  const std::string text = "原告诉称，判决如下：支付5元。被告辩称";

  const std::string& bytes = saved.begin()->second;
  std::vector<PatternSet::Precompiled> registry = {
      {saved.begin()->first, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()}};
  PatternSet::UsePrecompiled(registry.data(), registry.size());
  Result<PatternSet> loaded = PatternSet::Compile(kPatterns);
  REQUIRE(loaded.ok());
  CHECK(loaded->precompiled());
  CHECK(Describe(*loaded, text) == Describe(*compiled, text));

  // Another pattern list has another key: compiled.
  std::vector<PatternSet::Pattern> other = kPatterns;
  other[2].start = true;
  CHECK(PatternSet::KeyOf(other) != PatternSet::KeyOf(kPatterns));
  Result<PatternSet> fresh = PatternSet::Compile(other);
  REQUIRE(fresh.ok());
  CHECK(!fresh->precompiled());

  // Damaged bytes under the right key: compiled, and scanning is still right.
  std::string damaged = bytes;
  for (size_t i = 0; i < damaged.size(); i += 7) damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
  registry[0] = {registry[0].key, reinterpret_cast<const unsigned char*>(damaged.data()),
                 damaged.size()};
  Result<PatternSet> repaired = PatternSet::Compile(kPatterns);
  REQUIRE(repaired.ok());
  CHECK(!repaired->precompiled());
  CHECK(Describe(*repaired, text) == Describe(*compiled, text));
  // Truncated: the same.
  registry[0] = {registry[0].key, reinterpret_cast<const unsigned char*>(bytes.data()), 10};
  Result<PatternSet> truncated = PatternSet::Compile(kPatterns);
  REQUIRE(truncated.ok());
  CHECK(!truncated->precompiled());
  PatternSet::UsePrecompiled(nullptr, 0);
}

TEST_CASE("PatternSet::Matches says whether any pattern matches", "[pattern_set]") {
  Result<PatternSet> set = PatternSet::Compile(kPatterns);
  REQUIRE(set.ok());
  CHECK(set->Matches("原告诉称，判决如下"));
  CHECK(set->Matches("支付5元"));
  CHECK(!set->Matches("no such words"));
  CHECK(!set->Matches(""));
}

TEST_CASE("a thread scans sets compiled one after another, however large", "[pattern_set]") {
  // Each set gets scratch space of its own size, even when a freed set's address is
  // reused by a larger one (scratch is keyed by the set, not its address).
  for (size_t n = 1; n <= 40; ++n) {
    std::vector<PatternSet::Pattern> patterns;
    for (size_t i = 0; i < n * 10; ++i) {
      patterns.push_back({"w" + std::to_string(i) + "[a-z]{2,5}x", static_cast<uint32_t>(i)});
    }
    Result<PatternSet> set = PatternSet::Compile(patterns);
    REQUIRE(set.ok());
    std::string text = "w" + std::to_string(n * 10 - 1) + "abcx";
    CHECK(set->Matches(text));
  }
}

}  // namespace casesift
