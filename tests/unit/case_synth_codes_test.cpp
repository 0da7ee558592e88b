// case-synth's random generator and identifiers: known answers for the generator (so
// output is the same on every machine) and valid check characters for every ID number and
// credit code, read back with common/id_number.h.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/id_number.h"
#include "tools/case-synth/document_generator.h"
#include "tools/case-synth/id_codes.h"
#include "tools/case-synth/rng.h"

namespace casesift::synth {
namespace {

TEST_CASE("the generator gives the reference xoshiro256** sequence", "[case-synth]") {
  // Computed with an independent implementation (splitmix64 seeding, xoshiro256**).
  Rng rng(42);
  CHECK(rng.Next() == 0x15780b2e0c2ec716ULL);
  CHECK(rng.Next() == 0x6104d9866d113a7eULL);
  CHECK(rng.Next() == 0xae17533239e499a1ULL);
  CHECK(DocumentSeed(1, 0) == 0x5e41ab087439611eULL);
  CHECK(DocumentSeed(1, 12345) == 0x13fc06247e2add28ULL);
}

TEST_CASE("Below stays in range and reaches every value", "[case-synth]") {
  Rng rng(3);
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    uint32_t v = rng.Below(7);
    REQUIRE(v < 7);
    ++seen[v];
  }
  for (int count : seen) CHECK(count > 800);
  for (int i = 0; i < 1000; ++i) {
    int64_t v = rng.Range(-3, 3);
    CHECK((v >= -3 && v <= 3));
  }
  static constexpr uint32_t kWeights[] = {0, 5, 0, 5};
  for (int i = 0; i < 1000; ++i) {
    size_t k = rng.Weighted(kWeights);
    CHECK((k == 1 || k == 3));
  }
}

TEST_CASE("generated ID numbers are valid and carry the birth date and gender", "[case-synth]") {
  Rng rng(11);
  for (int i = 0; i < 5000; ++i) {
    Date birth{static_cast<int>(rng.Range(1940, 2010)), static_cast<int>(rng.Range(1, 12)),
               static_cast<int>(rng.Range(1, 28))};
    bool female = rng.Percent(50);
    std::string id;
    AppendIdNumber(rng, "3101", birth, female, &id);
    INFO(id);
    IdCard card = ParseIdCard(id);
    REQUIRE(card.valid);
    CHECK(card.gender == (female ? 'f' : 'm'));
    CHECK(card.birth == fmt::format("{:04}-{:02}-{:02}", birth.year, birth.month, birth.day));
    CHECK(card.address_code.substr(0, 5) == "31019");  // county 90-99: no real county
    std::string masked;
    AppendMaskedIdNumber(rng, id, &masked);
    IdCard hidden = ParseIdCard(masked);
    CHECK(hidden.masked);
    CHECK_FALSE(hidden.valid);
    CHECK(IdCardMatchesMasked(masked, id));
  }
}

TEST_CASE("generated credit codes are valid, with a valid organisation code", "[case-synth]") {
  Rng rng(12);
  for (int i = 0; i < 5000; ++i) {
    std::string code;
    AppendUscc(rng, "4403", rng.Percent(80) ? '1' : '2', &code);
    INFO(code);
    REQUIRE(code.size() == 18);
    CHECK(IsValidUscc(code));
    CHECK(UsccOrgCode(code).has_value());
    std::string masked;
    AppendMaskedUscc(rng, code, &masked);
    Uscc read = ParseUscc(masked);
    CHECK(read.masked);
    CHECK_FALSE(read.valid);
  }
}

TEST_CASE("case-synth parses the --kinds list", "[case-synth]") {
  Result<std::vector<Kind>> all = ParseKinds("all");
  REQUIRE(all.ok());
  CHECK(all->size() == static_cast<size_t>(Kind::kCount));
  Result<std::vector<Kind>> two = ParseKinds("protection,judgment,judgment");
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK((*two)[0] == Kind::kJudgment);
  CHECK((*two)[1] == Kind::kProtection);
  Result<std::vector<Kind>> bad = ParseKinds("judgment,verdict");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsUsage());
  CHECK(bad.status().message() ==
        "--kinds: unknown kind 'verdict' (use all, or a comma-separated list of judgment, "
        "appeal, ruling, mediation, enforcement, protection)");
  CHECK_FALSE(ParseKinds("").ok());
}

}  // namespace
}  // namespace casesift::synth
