#include "common/match_score.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace casesift {
namespace {

// Synthetic reference records: surname, given name, birth date, postcode, address.
struct Person {
  std::string surname, given, dob, postcode, address;
};

std::vector<Person> SyntheticPeople() {
  std::vector<Person> people;
  const char* givens[] = {"amelia", "oliver", "isla", "jack", "ruby", "noah", "mia", "leo"};
  for (int i = 0; i < 60; ++i) {
    // "smith" is common (30 of 60); the others are rarer, "quenby" unique.
    std::string surname = i % 2 == 0 ? "smith"
                          : i == 1   ? "quenby"
                                     : "walker" + std::to_string(i % 7);
    const int date = (1950 + i) * 10000 + (1 + i % 12) * 100 + 1 + (i * 5) % 28;
    people.push_back({surname, givens[i % 8], std::to_string(date),
                      i % 3 == 0 ? "2000" : std::to_string(3000 + i),
                      std::to_string(i + 1) + " wattle street"});
  }
  return people;
}

MatchScorer BuildScorer(const std::vector<Person>& people) {
  MatchScorer::Builder builder;
  builder.AddField({"surname", CompareKind::kName});
  builder.AddField({"given_name", CompareKind::kName});
  builder.AddField({"date_of_birth"});
  builder.AddField({"postcode"});
  builder.AddField({"address"});
  for (const Person& p : people)
    builder.AddReference({p.surname, p.given, p.dob, p.postcode, p.address});
  Result<MatchScorer> scorer = std::move(builder).Build();
  REQUIRE(scorer.ok());
  return std::move(*scorer);
}

const FieldExplanation& FieldOf(const MatchExplanation& e, const std::string& label) {
  for (const FieldExplanation& f : e.fields) {
    if (f.label == label) return f;
  }
  FAIL("no field " << label);
  return e.fields.front();
}

TEST_CASE("auto kinds are read from the reference values", "[match_score]") {
  MatchScorer scorer = BuildScorer(SyntheticPeople());
  CHECK(scorer.kind(0) == CompareKind::kName);
  CHECK(scorer.kind(2) == CompareKind::kDate);
  CHECK(scorer.kind(3) == CompareKind::kCode);
  CHECK(scorer.kind(4) == CompareKind::kText);
  CHECK(CompareKindName(scorer.kind(4)) == "text");
}

TEST_CASE("agreeing on a rare value counts more than on a common one", "[match_score]") {
  std::vector<Person> people = SyntheticPeople();
  MatchScorer scorer = BuildScorer(people);
  PreparedRecords left;
  const size_t common = scorer.Prepare({"smith", "", "", "", ""}, &left);
  const size_t rare = scorer.Prepare({"quenby", "", "", "", ""}, &left);
  const FieldExplanation on_common = FieldOf(scorer.Explain(left, common, 0), "surname");
  const FieldExplanation on_rare = FieldOf(scorer.Explain(left, rare, 1), "surname");
  CHECK(on_common.outcome == FieldOutcome::kAgree);
  CHECK(on_rare.outcome == FieldOutcome::kAgree);
  CHECK(on_rare.weight > on_common.weight + 4);  // 1 of 60 against 30 of 60: log2(30) bits
  CHECK(on_common.weight > 0);
  // Postcode 2000 is held by a third of the records; 3001 by one.
  const size_t pc_common = scorer.Prepare({"", "", "", "2000", ""}, &left);
  const size_t pc_rare = scorer.Prepare({"", "", "", "3001", ""}, &left);
  CHECK(FieldOf(scorer.Explain(left, pc_rare, 1), "postcode").weight >
        FieldOf(scorer.Explain(left, pc_common, 0), "postcode").weight + 3);
}

TEST_CASE("a missing value is neutral", "[match_score]") {
  std::vector<Person> people = SyntheticPeople();
  MatchScorer scorer = BuildScorer(people);
  PreparedRecords left;
  const size_t row = scorer.Prepare({"quenby", "oliver", "", "3001", " "}, &left);
  const MatchExplanation e = scorer.Explain(left, row, 1);
  CHECK(FieldOf(e, "date_of_birth").outcome == FieldOutcome::kMissing);
  CHECK(FieldOf(e, "date_of_birth").weight == 0);
  CHECK(FieldOf(e, "address").outcome == FieldOutcome::kMissing);
  double sum = e.prior_weight;
  for (const FieldExplanation& f : e.fields) sum += f.weight;
  CHECK(e.weight == Approx(sum));
  CHECK(scorer.Weight(left, row, 1) == Approx(e.weight));
  CHECK(e.score == Approx(MatchScorer::ScoreOfWeight(e.weight)));
  CHECK(e.score >= scorer.options().min_score);
}

TEST_CASE("the same record matches, a different one does not", "[match_score]") {
  std::vector<Person> people = SyntheticPeople();
  MatchScorer scorer = BuildScorer(people);
  PreparedRecords left;
  const Person& p = people[5];
  const size_t same = scorer.Prepare({p.surname, p.given, p.dob, p.postcode, p.address}, &left);
  CHECK(scorer.Score(left, same, 5) > 0.99);
  CHECK(scorer.Score(left, same, 6) < 0.01);
  // Record 1 (quenby, oliver, 19510206, 3001, 2 wattle street) with typos: a transposed
  // name, day and month swapped, one postcode digit wrong, an abbreviated street.
  const size_t typo =
      scorer.Prepare({"qeunby", "oliver", "19510602", "3011", "2 wattle st"}, &left);
  const MatchExplanation e = scorer.Explain(left, typo, 1);
  CHECK(FieldOf(e, "surname").outcome == FieldOutcome::kPartial);
  CHECK(FieldOf(e, "given_name").outcome == FieldOutcome::kAgree);
  CHECK(FieldOf(e, "date_of_birth").outcome == FieldOutcome::kPartial);
  CHECK(FieldOf(e, "postcode").outcome == FieldOutcome::kPartial);
  CHECK(FieldOf(e, "address").outcome == FieldOutcome::kPartial);
  CHECK(FieldOf(e, "address").left == "2 wattle st");
  CHECK(FieldOf(e, "address").right == "2 wattle street");
  CHECK(e.score > scorer.options().min_score);
}

TEST_CASE("dates and codes: near values are partial", "[match_score]") {
  MatchScorer::Builder builder;
  builder.AddField({"dob", CompareKind::kDate});
  builder.AddField({"code", CompareKind::kCode});
  builder.AddReference({"1990-02-19", "4011"});
  builder.AddReference({"19850707", "2776"});
  Result<MatchScorer> scorer = std::move(builder).Build();
  REQUIRE(scorer.ok());
  PreparedRecords left;
  auto outcome = [&](std::string_view dob, std::string_view code, size_t field) {
    const size_t row = scorer->Prepare({dob, code}, &left);
    return scorer->Explain(left, row, 0).fields[field].outcome;
  };
  CHECK(outcome("1990年2月19日", "", 0) == FieldOutcome::kAgree);
  CHECK(outcome("19900219", "", 0) == FieldOutcome::kAgree);
  CHECK(outcome("19900218", "", 0) == FieldOutcome::kPartial);  // one digit
  CHECK(outcome("19901902", "", 0) == FieldOutcome::kPartial);  // day and month swapped
  CHECK(outcome("19090219", "", 0) == FieldOutcome::kPartial);  // neighbours swapped
  CHECK(outcome("1990-02", "", 0) == FieldOutcome::kPartial);   // month precision
  CHECK(outcome("19910318", "", 0) == FieldOutcome::kDisagree);
  CHECK(outcome("", "4011", 1) == FieldOutcome::kAgree);
  CHECK(outcome("", "4012", 1) == FieldOutcome::kPartial);
  CHECK(outcome("", "401", 1) == FieldOutcome::kPartial);
  CHECK(outcome("", "4104", 1) == FieldOutcome::kDisagree);
  CHECK(FieldOutcomeName(FieldOutcome::kPartial) == "partial");
}

TEST_CASE("Chinese names compare at name level, identifiers canonically", "[match_score]") {
  MatchScorer::Builder builder;
  builder.AddField({"name", CompareKind::kName});
  builder.AddField({"id"});
  builder.AddReference({"上海华夏鼎盛商贸有限公司", "11010519491231002X"});
  builder.AddReference({"张三", "91110108551385082Q"});
  Result<MatchScorer> scorer = std::move(builder).Build();
  REQUIRE(scorer.ok());
  CHECK(scorer->kind(1) == CompareKind::kIdentifier);
  PreparedRecords left;
  const size_t row =
      scorer->Prepare({"华夏鼎盛商贸（北京）有限責任公司", "11010519491231002x"}, &left);
  MatchExplanation e = scorer->Explain(left, row, 0);
  // The legal form and the bracketed place are normalised away; the leading place is not,
  // so the names are near, not equal (the same 字号 in two cities is two companies).
  CHECK(e.fields[0].outcome == FieldOutcome::kPartial);
  CHECK(e.fields[0].left == "华夏鼎盛商贸有限公司");
  CHECK(e.fields[0].right == "上海华夏鼎盛商贸有限公司");
  CHECK(e.fields[1].outcome == FieldOutcome::kAgree);
  CHECK(e.fields[1].left == "11010519491231002X");
  const size_t masked = scorer->Prepare({"张叁", "110105********002X"}, &left);
  e = scorer->Explain(left, masked, 0);
  CHECK(e.fields[1].outcome == FieldOutcome::kPartial);
  e = scorer->Explain(left, masked, 1);
  CHECK(e.fields[0].outcome == FieldOutcome::kDisagree);  // 张叁 / 张三: 0.67 < 0.78
  CHECK(e.fields[1].outcome == FieldOutcome::kDisagree);
}

TEST_CASE("scores are deterministic and in [0, 1]", "[match_score]") {
  std::vector<Person> people = SyntheticPeople();
  MatchScorer a = BuildScorer(people);
  MatchScorer b = BuildScorer(people);
  PreparedRecords left_a, left_b;
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[(i * 7) % people.size()];
    a.Prepare({p.given, p.surname, p.dob, p.postcode, p.address}, &left_a);
    b.Prepare({p.given, p.surname, p.dob, p.postcode, p.address}, &left_b);
  }
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t ref = 0; ref < people.size(); ref += 7) {
      const double s = a.Score(left_a, i, ref);
      CHECK(s == b.Score(left_b, i, ref));
      CHECK(s >= 0.0);
      CHECK(s <= 1.0);
    }
  }
  CHECK(MatchScorer::ScoreOfWeight(0) == 0.5);
}

}  // namespace
}  // namespace casesift
