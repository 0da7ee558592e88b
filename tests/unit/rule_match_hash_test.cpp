// Unit tests of a rule's rule_hash (the XXH3 of CanonicalText, rule_files.h): the layout of a
// rule's file does not change it; what the rule says does.
#include <catch2/catch.hpp>
#include <string>

#include "rules.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

uint64_t HashOf(const std::string& yaml) {
  testing::TempDir dir;
  RuleSet set;
  Status st = LoadRules({dir.Write("r.yaml", yaml)}, "", &set);
  REQUIRE(st.ok());
  REQUIRE(set.rules.size() == 1);
  return set.rules[0].hash;
}

constexpr const char* kRule = R"(id: big-loans
title: 大额民间借贷
version: 1
status: experimental
level: info
detection:
  loan:
    cause: 民间借贷纠纷
    claim_yuan|gte: 100000
  condition: loan
)";

TEST_CASE("rule_hash ignores comments, layout and the order of a map's keys",
          "[rule_match][hash]") {
  const uint64_t base = HashOf(kRule);
  CHECK(HashOf(std::string("# a comment\n") + kRule) == base);
  CHECK(HashOf(R"(id: big-loans
version: 1
title: "大额民间借贷"
level: info
status: experimental
detection:
  condition: loan
  loan: {claim_yuan|gte: 100000, cause: 民间借贷纠纷}   # flow style
)") == base);
}

TEST_CASE("rule_hash changes with what the rule says", "[rule_match][hash]") {
  const uint64_t base = HashOf(kRule);
  std::string changed = kRule;
  changed.replace(changed.find("100000"), 6, "200000");
  CHECK(HashOf(changed) != base);
  std::string cause = kRule;
  cause.replace(cause.find("民间借贷纠纷"), std::string("民间借贷纠纷").size(), "金融借款合同纠纷");
  CHECK(HashOf(cause) != base);
  // A number quoted is a string: another literal, another rule.
  const std::string list = std::string(kRule) + "lists:\n  watched: [100, 200]\n";
  const std::string quoted = std::string(kRule) + "lists:\n  watched: [\"100\", 200]\n";
  CHECK(HashOf(list) != HashOf(quoted));
  // A list's order is part of the rule (the key values are in that order).
  const std::string two = std::string(kRule) + "lead:\n  key: [cause, court]\n";
  const std::string swapped = std::string(kRule) + "lead:\n  key: [court, cause]\n";
  CHECK(HashOf(two) != HashOf(swapped));
}

}  // namespace
}  // namespace casesift
