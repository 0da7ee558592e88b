// lead-dedupe's modules: the within-run merge (lead_set.h) and the run's dates
// (common/run_date.h). The state, the clusters and the command line are covered by the
// golden cases (tests/cases/lead-dedupe), tests/checks/lead_dedupe_crash_safety.sh and the
// agreement test against the naive clustering.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "common/run_date.h"
#include "lead_set.h"
#include "lead_texts.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

struct Fixture {
  simdjson::dom::parser parser;
  std::unique_ptr<LeadTexts> texts = LeadTexts::Open({"-"});  // kept in memory
  LeadSet set;
  explicit Fixture(std::vector<std::string> keys = {"lead_id"}) : set(Paths(keys), texts.get()) {}
  static std::vector<FieldPath> Paths(const std::vector<std::string>& keys) {
    std::vector<FieldPath> paths;
    for (const std::string& k : keys) paths.push_back(*FieldPath::Parse(k));
    return paths;
  }
  std::string file = "<test>";
  uint64_t lines = 0;
  Status Add(const std::string& line) {
    JsonlReader::Record rec;
    rec.text = line;
    rec.root = parser.parse(line).value();
    rec.file = &file;
    rec.line = ++lines;
    return set.Add(rec);
  }
  std::string Render(size_t i, std::string_view dedupe = {}) {
    std::string out;
    std::string_view text;
    REQUIRE(texts->Read(set[i].text, &text).ok());
    set.Render(i, text, dedupe, &out);
    return out;
  }
};

TEST_CASE("a key seen once keeps every byte", "[lead_dedupe]") {
  Fixture f;
  std::string lead = R"({"lead_id":"a:1", "case_nos":["b","a","b"] ,"level":"low"})";
  REQUIRE(f.Add(lead).ok());
  f.set.Finish();
  CHECK(f.Render(0) == lead);
  CHECK(f.set[0].members == 2);  // the member set: a, b
  CHECK(f.Render(0, R"({"seen_count":1})") ==
        R"({"lead_id":"a:1", "case_nos":["b","a","b"] ,"level":"low","dedupe":{"seen_count":1}})");
}

TEST_CASE("leads of one key merge as documented", "[lead_dedupe]") {
  Fixture f;
  REQUIRE(
      f.Add(R"({"lead_id":"a:1","level":"medium","case_nos":["c2","c1"],"count":2,)"
            R"("first_date":"2024-03-01","last_date":"2024-04-01","evidence":{"n":2,"x":"old"}})")
          .ok());
  REQUIRE(f.Add(R"({"lead_id":"b:9","level":"low","case_nos":["z"]})").ok());
  REQUIRE(
      f.Add(R"({"lead_id":"a:1","level":"high","case_nos":["c3","c1"],)"
            R"("first_date":"2024-02-01","last_date":"2024-03-15","evidence":{"x":"new","y":[1]},)"
            R"("dedupe":{"seen_count":4}})")
          .ok());
  f.set.Finish();
  REQUIRE(f.set.size() == 2);
  CHECK(f.set.input_leads() == 3);
  CHECK(f.set[0].leads == 5);  // 1 + the 4 an earlier dedupe counted
  CHECK(f.set[0].merged == 2);
  CHECK(
      f.Render(0) ==
      R"({"lead_id":"a:1","level":"high","case_nos":["c1","c2","c3"],"count":3,)"
      R"("first_date":"2024-02-01","last_date":"2024-04-01","evidence":{"n":2,"x":"new","y":[1]}})");
  CHECK(f.Render(1) == R"({"lead_id":"b:9","level":"low","case_nos":["z"]})");
}

TEST_CASE("a bad lead is refused and leaves no trace", "[lead_dedupe]") {
  Fixture f;
  REQUIRE(f.Add(R"({"lead_id":"a:1","case_nos":["c1"]})").ok());
  for (const char* bad : {R"({"rule":"no key"})", R"({"lead_id":"a:1","case_nos":"c2"})",
                          R"({"lead_id":"a:1","case_nos":["c2"],"level":"urgent"})",
                          R"({"lead_id":"a:1","count":-1})", R"({"lead_id":"a:1","evidence":[1]})",
                          R"({"lead_id":"a:1","dedupe":{"seen_count":0}})",
                          R"({"lead_id":"z:1","rule_version":"3"})"}) {
    INFO(bad);
    Status s = f.Add(bad);
    CHECK(s.IsInvalidData());
  }
  f.set.Finish();
  CHECK(f.set.size() == 1);
  CHECK(f.set.input_leads() == 1);
  CHECK(f.Render(0) == R"({"lead_id":"a:1","case_nos":["c1"]})");
}

TEST_CASE("keys from several paths, one of them many-valued", "[lead_dedupe]") {
  Fixture f({"rule", "parties[*].name"});
  REQUIRE(f.Add(R"({"rule":"r","parties":[{"name":"甲"},{"name":"乙"}],"n":1})").ok());
  REQUIRE(f.Add(R"({"rule":"r","parties":[{"name":"甲"},{"name":"乙"}],"n":2})").ok());
  REQUIRE(f.Add(R"({"rule":"r","parties":[{"name":"乙"},{"name":"甲"}],"n":3})").ok());
  f.set.Finish();
  REQUIRE(f.set.size() == 2);  // the values in document order are the key
  CHECK(f.set[0].key == R"({"rule":"r","parties[*].name":["甲","乙"]})");
  CHECK(f.set[0].merged == 2);
}

TEST_CASE("a key seen many times keeps its distinct members", "[lead_dedupe]") {
  Fixture f;
  for (int i = 0; i < 5000; ++i) {
    REQUIRE(f.Add(R"({"lead_id":"a:1","case_nos":["c)" + std::to_string(i % 300) + R"("]})").ok());
  }
  f.set.Finish();
  CHECK(f.set[0].members == 300);
  CHECK(f.set[0].merged == 5000);
}

// Every key's rendered lead, the inputs read by a JsonlReader and the texts kept by
// LeadTexts::Open(texts_from).
std::vector<std::string> CollapseFiles(const std::vector<std::string>& inputs,
                                       const std::vector<std::string>& texts_from) {
  JsonlReader::Options options;
  options.inputs = inputs;
  JsonlReader reader(options, nullptr);
  std::unique_ptr<LeadTexts> texts = LeadTexts::Open(texts_from);
  LeadSet set({*FieldPath::Parse("lead_id")}, texts.get());
  JsonlReader::Record rec;
  while (reader.Next(&rec)) REQUIRE(set.Add(rec).ok());
  REQUIRE(reader.status().ok());
  set.Finish();
  std::vector<std::string> out(set.size());
  for (size_t i = 0; i < set.size(); ++i) {
    std::string_view text;
    REQUIRE(texts->Read(set[i].text, &text).ok());
    set.Render(i, text, R"({"seen_count":1})", &out[i]);
  }
  return out;
}

TEST_CASE("texts read back from the files are the texts kept in memory", "[lead_dedupe]") {
  testing::TempDir dir;
  std::string a = dir.Write("a.jsonl",
                            "\xEF\xBB\xBF{\"lead_id\":\"a:1\",\"case_nos\":[\"c2\"]}\r\n"
                            "\n{\"lead_id\":\"b:2\",\"level\":\"low\"}\n"
                            "{\"lead_id\":\"a:1\",\"case_nos\":[\"c1\"],\"evidence\":{\"n\":1}}");
  std::string empty = dir.Write("empty.jsonl", "");
  std::string b =
      dir.Write("b.jsonl", "{\"lead_id\":\"c:3\"}\n{\"lead_id\":\"b:2\",\"level\":\"high\"}\n");
  // a twice, an input without leads between: each lead is read back from its own input.
  std::vector<std::string> inputs = {a, empty, b, a};
  REQUIRE(LeadTexts::Open(inputs)->from_files());
  std::vector<std::string> from_files = CollapseFiles(inputs, inputs);
  CHECK(from_files == CollapseFiles(inputs, {"-"}));
  CHECK(from_files.size() == 3);
  CHECK(
      from_files[0] ==
      R"({"lead_id":"a:1","case_nos":["c1","c2"],"count":2,"evidence":{"n":1},"dedupe":{"seen_count":1}})");
}

TEST_CASE("a file changed before its texts are read back is an error", "[lead_dedupe]") {
  testing::TempDir dir;
  std::string a = dir.Write("a.jsonl", "{\"lead_id\":\"a:1\"}\n{\"lead_id\":\"b:2\"}\n");
  JsonlReader::Options options;
  options.inputs = {a};
  JsonlReader reader(options, nullptr);
  std::unique_ptr<LeadTexts> texts = LeadTexts::Open(options.inputs);
  REQUIRE(texts->from_files());
  JsonlReader::Record rec;
  std::vector<LeadTexts::Ref> refs;
  while (reader.Next(&rec)) refs.push_back(texts->Keep(rec));
  REQUIRE(refs.size() == 2);
  dir.Write("a.jsonl", "{\"lead_id\":\"a:9\"}\n");  // in place: the same file, other bytes
  std::string_view text;
  Status changed = texts->ReadOne(refs[0], &text);
  CHECK(changed.IsIoError());
  CHECK(changed.message().find("changed while lead-dedupe read it") != std::string::npos);
  CHECK(texts->Read(refs[1], &text).IsIoError());  // shorter now
}

TEST_CASE("ISO dates and spans of days", "[run_date]") {
  CHECK(IsoDateDays("1970-01-01") == 0);
  CHECK(IsoDateDays("2026-11-28") == 20785);
  CHECK(IsoDate(20785) == "2026-11-28");
  CHECK(IsoDateDays("2024-02-29").has_value());
  for (const char* bad : {"2023-02-29", "2026-13-01", "2026-1-01", "20261128", "2026-00-10", ""}) {
    INFO(bad);
    CHECK_FALSE(IsoDateDays(bad).has_value());
  }
  CHECK(ParseDaySpan("30d") == 30);
  CHECK(ParseDaySpan("6w") == 42);
  CHECK(ParseDaySpan("3m") == 90);
  CHECK(ParseDaySpan("1y") == 365);
  for (const char* bad : {"30", "d", "-1d", "1.5d", "30x", ""}) {
    INFO(bad);
    CHECK_FALSE(ParseDaySpan(bad).has_value());
  }
  CHECK(*RunDate("2026-11-28") == 20785);
  CHECK(RunDate("2026-11-31").status().IsUsage());
}

}  // namespace
}  // namespace casesift
