// Correlation windows (RULES.md, "Correlation windows"): the sliding evaluation against a
// naive one that builds every window afresh.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "correlation.h"
#include "value.h"

namespace casesift {
namespace {

CorrelationMember Member(uint64_t order, int64_t day, Values field = {}) {
  CorrelationMember m;
  m.order = order;
  m.dated = true;
  m.day = day;
  m.field = std::move(field);
  return m;
}

std::vector<size_t> Qualifying(const CorrelationSpec& spec, std::vector<CorrelationMember>& ms) {
  std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) {
    return std::tie(a.day, a.order) < std::tie(b.day, b.order);
  });
  std::vector<const CorrelationMember*> ptrs;
  for (const auto& m : ms) ptrs.push_back(&m);
  return QualifyingMembers(spec, ptrs);
}

// Never for production: every window built afresh, every aggregate computed from scratch.
std::vector<size_t> NaiveQualifying(const CorrelationSpec& spec,
                                    const std::vector<CorrelationMember>& ms) {
  std::vector<bool> in(ms.size(), false);
  auto holds = [&](const std::vector<size_t>& window) {
    Values field, also;
    for (size_t i : window) {
      field.insert(field.end(), ms[i].field.begin(), ms[i].field.end());
      also.insert(also.end(), ms[i].also.begin(), ms[i].also.end());
    }
    std::optional<double> v = AggregateOf(spec.type, window.size(), field);
    if (!v || !spec.condition.Holds(*v)) return false;
    if (!spec.also_type) return true;
    std::optional<double> a = AggregateOf(*spec.also_type, window.size(), also);
    return a && spec.also.Holds(*a);
  };
  for (size_t s = 0; s < ms.size(); ++s) {
    std::vector<size_t> window;
    for (size_t j = 0; j < ms.size(); ++j) {
      if (!spec.timespan_days ||
          (ms[j].day >= ms[s].day && ms[j].day - ms[s].day <= *spec.timespan_days)) {
        window.push_back(j);
      }
    }
    if (!window.empty() && holds(window)) {
      for (size_t i : window) in[i] = true;
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (in[i]) out.push_back(i);
  }
  return out;
}

CorrelationSpec Spec(Aggregate type, const char* op, double value, std::optional<int64_t> days) {
  CorrelationSpec spec;
  spec.type = type;
  spec.condition.op = op;
  spec.condition.value = value;
  spec.timespan_days = days;
  return spec;
}

}  // namespace

TEST_CASE("a timespan is inclusive: last minus first at most the timespan",
          "[rule_match][correlation]") {
  CorrelationSpec spec = Spec(Aggregate::kEventCount, "gte", 2, 10);
  std::vector<CorrelationMember> ms = {Member(1, 100), Member(2, 110)};
  CHECK(Qualifying(spec, ms) == std::vector<size_t>{0, 1});
  ms = {Member(1, 100), Member(2, 111)};
  CHECK(Qualifying(spec, ms).empty());
}

TEST_CASE("a lead's members are the union of the qualifying windows", "[rule_match][correlation]") {
  CorrelationSpec spec = Spec(Aggregate::kEventCount, "gte", 2, 10);
  // 0,5 qualify; 30 alone does not; 50,55,60 qualify.
  std::vector<CorrelationMember> ms = {Member(1, 0),  Member(2, 5),  Member(3, 30),
                                       Member(4, 50), Member(5, 55), Member(6, 60)};
  CHECK(Qualifying(spec, ms) == std::vector<size_t>{0, 1, 3, 4, 5});
}

TEST_CASE("value_count counts distinct values", "[rule_match][correlation]") {
  CorrelationSpec spec = Spec(Aggregate::kValueCount, "gte", 2, std::nullopt);
  std::vector<CorrelationMember> ms = {Member(1, 0, {Value::String("a")}),
                                       Member(2, 0, {Value::String("a")})};
  CHECK(Qualifying(spec, ms).empty());
  ms.push_back(Member(3, 0, {Value::String("b")}));
  CHECK(Qualifying(spec, ms).size() == 3);
}

TEST_CASE("sum reads numbers and numeric strings; also must hold too",
          "[rule_match][correlation]") {
  CorrelationSpec spec = Spec(Aggregate::kEventCount, "gte", 2, 365);
  spec.also_type = Aggregate::kSum;
  spec.also.op = "gte";
  spec.also.value = 500000;
  std::vector<CorrelationMember> ms = {Member(1, 0), Member(2, 10)};
  ms[0].also = {Value::Number(200000)};
  ms[1].also = {Value::String("299999.99")};
  CHECK(Qualifying(spec, ms).empty());
  ms[1].also = {Value::String("300000")};
  CHECK(Qualifying(spec, ms).size() == 2);
}

// The engine: records without the date, multi-valued group-by, two input rules.
TEST_CASE("members: no date, several group values, a record matched twice",
          "[rule_match][correlation]") {
  RuleSet set;
  for (const char* id : {"a", "b"}) {
    Rule r;
    r.id = id;
    set.rules.push_back(std::move(r));
  }
  Rule c;
  c.id = "c";
  c.version = 1;
  CorrelationSpec& spec = c.correlation.emplace();
  spec = Spec(Aggregate::kEventCount, "gte", 2, 30);
  spec.inputs = {0, 1};
  spec.group_by_text = {"names[*]"};
  spec.group_by = {*FieldPath::Parse("names[*]")};
  spec.time_field = *FieldPath::Parse("d");
  set.rules.push_back(std::move(c));
  set.correlation_order = {2};
  CorrelationEngine engine(set);
  simdjson::dom::parser parser;
  const char* records[] = {
      R"({"case_no":"1","d":"2024-01-01","names":["x","y"]})",  // groups x and y
      R"({"case_no":"2","names":["x","y"]})",                   // no date: no member
      R"({"case_no":"3","d":"2024-01-05","names":["x"]})",      // matched by a and b
      R"({"case_no":"4","d":"2024-01-06"})",                    // no group
  };
  for (uint64_t n = 0; n < 4; ++n) {
    simdjson::dom::element e;
    REQUIRE(parser.parse(std::string(records[n])).get(e) == simdjson::SUCCESS);
    engine.Add(e, n + 1, n == 2 ? std::vector<size_t>{0, 1} : std::vector<size_t>{0}, "{}");
  }
  std::vector<CorrelationLead> leads;
  engine.Flush(&leads);
  REQUIRE(leads.size() == 1);
  CHECK(leads[0].key_json == R"({"names[*]":"x"})");
  CHECK(leads[0].json.find(R"("count":2,"case_nos":["1","3"])") != std::string::npos);
  // Nothing new: no lead again; a new member: the lead again.
  leads.clear();
  engine.Flush(&leads);
  CHECK(leads.empty());
}

TEST_CASE("sliding windows agree with the naive windows", "[rule_match][correlation][reference]") {
  std::mt19937 rng(20261127);
  const Aggregate types[] = {Aggregate::kEventCount, Aggregate::kValueCount, Aggregate::kSum,
                             Aggregate::kMin,        Aggregate::kMax,        Aggregate::kAvg};
  const char* ops[] = {"gte", "gt", "lte", "lt", "eq"};
  for (int round = 0; round < 600; ++round) {
    CorrelationSpec spec = Spec(types[rng() % 6], ops[rng() % 5], static_cast<double>(rng() % 6),
                                rng() % 4 == 0 ? std::nullopt : std::optional<int64_t>(rng() % 20));
    if (rng() % 2 == 0) {
      spec.also_type = types[1 + rng() % 5];
      spec.also.op = ops[rng() % 5];
      spec.also.value = static_cast<double>(rng() % 8);
    }
    std::vector<CorrelationMember> ms;
    size_t n = rng() % 12;
    for (size_t i = 0; i < n; ++i) {
      Values field;
      for (size_t k = rng() % 3; k > 0; --k) field.push_back(Value::Number(rng() % 4));
      if (rng() % 5 == 0) field.push_back(Value::String("x"));
      CorrelationMember m = Member(i + 1, static_cast<int64_t>(rng() % 40), field);
      m.also = field;
      ms.push_back(std::move(m));
    }
    std::vector<size_t> fast = Qualifying(spec, ms);  // sorts ms
    CHECK(fast == NaiveQualifying(spec, ms));
  }
}

}  // namespace casesift
