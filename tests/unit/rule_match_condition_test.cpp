// Unit tests of rule-match's conditions (condition.h) and of the semantics of entries
// (matcher.h) that RULES.md "Semantics, precisely" fixes: missing values, several values,
// empty arrays, case folding, numbers from strings. Records and rules are written here.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "condition.h"
#include "matcher.h"
#include "rules.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

bool Holds(std::string_view condition, const std::vector<std::string>& names,
           const std::vector<bool>& held) {
  Result<Condition> c = Condition::Parse(condition, names);
  REQUIRE(c.ok());
  return c->Eval(held);
}

}  // namespace

TEST_CASE("conditions bind or loosest, then and, not, of", "[rule_match][condition]") {
  std::vector<std::string> names = {"a", "b", "c"};
  CHECK(Holds("a or b and c", names, {true, false, false}));  // a or (b and c)
  CHECK(!Holds("(a or b) and c", names, {true, false, false}));
  CHECK(Holds("not a and b", names, {false, true, false}));  // (not a) and b
  CHECK(!Holds("not (a or b)", names, {false, true, false}));
  CHECK(Holds("not not a", names, {true, false, false}));
  CHECK(Holds("1 of * and not c", names, {false, true, false}));
  CHECK(!Holds("all of *", names, {true, true, false}));
  CHECK(Holds("2 of *", names, {true, false, true}));
}

TEST_CASE("conditions count over name patterns", "[rule_match][condition]") {
  std::vector<std::string> names = {"debt_loan", "debt_bank", "divorce"};
  CHECK(Holds("divorce and 1 of debt_*", names, {false, true, true}));
  CHECK(!Holds("divorce and all of debt_*", names, {false, true, true}));
  CHECK(Holds("all of debt*", names, {true, true, false}));
  Result<Condition> c = Condition::Parse("1 of debt_*", names);
  REQUIRE(c.ok());
  CHECK(c->used() == std::vector<bool>{true, true, false});
  CHECK(GlobMatch("d*t*", "debt_loan"));
  CHECK(!GlobMatch("d*x", "debt_loan"));
  CHECK(GlobMatch("*", ""));
}

TEST_CASE("condition errors say where and what", "[rule_match][condition]") {
  std::vector<std::string> names = {"divorce", "debtor"};
  auto error = [&](std::string_view text) {
    Result<Condition> c = Condition::Parse(text, names);
    REQUIRE(!c.ok());
    return std::to_string(c.status().location()->column) + " " + std::string(c.status().message());
  };
  CHECK(error("divorce and debtr") == "13 no selection named 'debtr' (did you mean 'debtor'?)");
  CHECK(error("divorce and (debtor") == "20 expected ')' to close '(' at column 13");
  CHECK(error("divorce and") == "12 expected a selection name at the end");
  CHECK(error("divorce debtor") == "9 expected 'and', 'or' or the end");
  CHECK(error("3 of d*") == "1 '3 of d*': only 2 selections match");
  CHECK(error("1 of x*") == "6 'x*' matches no selection");
  CHECK(error("0 of d*") == "1 '0 of' always holds; write the condition without it");
  CHECK(error("divorce & debtor") == "9 unexpected '&' in the condition");
  CHECK(error("d*") == "1 a pattern needs a count: '1 of d*' or 'all of d*'");
  std::string deep(500, '(');
  CHECK(!Condition::Parse(deep + "divorce", names).ok());
}

TEST_CASE("entries follow RULES.md's semantics, precisely", "[rule_match][semantics]") {
  testing::TempDir dir;
  std::string path = dir.path() + "/r.yaml";
  std::ofstream(path) << R"(id: semantics
title: t
version: 1
status: experimental
level: info
detection:
  eq_number:
    amount: 500000
  neq_cause:
    cause|neq: [离婚纠纷]
  exists_name:
    name|exists: true
  missing_gone:
    gone|exists: false
  folded:
    court|contains: acme
  any_party:
    parties[any]:
      side: defendant
      kind: org
  all_parties:
    parties[all]:
      kind: person
  no_party:
    parties[none]:
      side: third
  exactly_two:
    parties[count==2]:
      name|exists: true
  several:
    parties[*].name|startswith: 王
  condition: 1 of *
)";
  RuleSet set;
  REQUIRE(LoadRules({path}, "", &set).ok());
  const Rule& rule = set.rules.at(0);
  simdjson::dom::parser parser;
  auto held = [&](const char* json) {
    simdjson::dom::element record = parser.parse(std::string(json)).value();
    std::vector<bool> h = EvaluateRule(rule, record, 0).held;
    std::string out;
    for (size_t i = 0; i < h.size(); ++i) out += h[i] ? rule.selections[i].name + " " : "";
    return out;
  };
  // Nothing: every entry false but exists:false and [none].
  CHECK(held("{}") == "missing_gone no_party ");
  // Numbers: 500000, 500000.0 and "500000" are equal; "5e5" and "50万" are not numbers.
  CHECK(held(R"({"amount":500000.0})") == "eq_number missing_gone no_party ");
  CHECK(held(R"({"amount":"500000"})") == "eq_number missing_gone no_party ");
  CHECK(held(R"({"amount":"50万"})") == "missing_gone no_party ");
  // neq needs a value; an empty string exists; null does not.
  CHECK(held(R"({"cause":"民间借贷纠纷","name":""})") ==
        "neq_cause exists_name missing_gone no_party ");
  CHECK(held(R"({"cause":"离婚纠纷","name":null})") == "missing_gone no_party ");
  // Latin case folds, Chinese compares exactly.
  CHECK(held(R"({"court":"ACME Court"})") == "missing_gone folded no_party ");
  // Arrays: [any] and [all] are false on an empty array, [none] true, [count] counts.
  CHECK(held(R"({"parties":[]})") == "missing_gone no_party ");
  CHECK(held(R"({"parties":[{"name":"王某","side":"plaintiff","kind":"person"},)"
             R"({"name":"上海甲公司","side":"defendant","kind":"org"}]})") ==
        "missing_gone any_party no_party exactly_two several ");
  CHECK(held(R"({"parties":[{"name":"李某","kind":"person"},{"side":"third","kind":"person"}]})") ==
        "missing_gone all_parties ");
}

}  // namespace casesift

namespace casesift {

TEST_CASE("values: plain decimals are numbers, comparison tolerates rounding",
          "[rule_match][value]") {
  CHECK(ParseDecimal("500000") == 500000.0);
  CHECK(ParseDecimal("-3.25") == -3.25);
  CHECK(ParseDecimal("+7") == 7.0);
  CHECK(ParseDecimal("5.") == 5.0);
  for (const char* bad :
       {"", ".", "-", "5e5", " 12", "12 ", "1,000", "50万", "0x10", "nan", "1.2.3"}) {
    INFO(bad);
    CHECK(!ParseDecimal(bad).has_value());
  }
  CHECK(AsNumber(Value::String("120000.00")) == 120000.0);
  CHECK(!AsNumber(Value::Bool(true)).has_value());
  CHECK(CompareNumbers(0.1 + 0.2, 0.3) == 0);
  CHECK(CompareNumbers(1e10 + 0.01, 1e10) == 1);  // a fen on ten billion yuan still counts
  CHECK(CompareNumbers(0.704, 0.7) == 1);
  CHECK(CompareNumbers(-1, 1) == -1);
  CHECK(ValueJson(Value::String("a\"b")) == "\"a\\\"b\"");
  CHECK(ValueJson(Value::Number(0.9)) == "0.9");
  CHECK(ValueJson(Value::Bool(false)) == "false");
}

}  // namespace casesift
