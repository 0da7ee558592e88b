// Accuracy of case-extract on real court documents (issue 3, item 5): hand-labelled records
// (tests/data/case-extract/real-labels, see its README) for excerpts of published private-lending
// judgments in ../shared/data/real/loan_party_excerpts.jsonl. The texts are not in the
// repository, so on a machine without ../shared/data this test says it skipped and passes.
//
// Scoring is the fixtures' (tests/data/case-extract/README.md, "Scoring";
// tests/support/record_score.h), restricted to what an excerpt can state. The excerpts hold only
// the party paragraphs, 诉称, 辩称 and 经审理查明: no header, 案号, 审理经过, decision, cost clause
// or signature. So only these top-level fields are scored: those the label has, plus `parties`,
// `amounts`, `claim_yuan`, `cause`, `cause_listed` and `trial_procedure`, which an excerpt could
// state and the extractor must not invent when it does not. case_no, case_no_parts, court,
// doc_type, category, procedure, award_yuan, fee_yuan, filed_date, decided_date, outcome and
// allocations are dropped from the extractor's record before scoring. (An amount the extractor
// puts in a `decision` or `fee` section is still an element of `amounts` and counts as wrong.)
//
// The floor below is a little under what the extractor meets (92.0% of 1,350 scored fields
// when it was last raised; 90.4% when the labels were written), so it catches regressions;
// it is not the goal. The aim on real documents is parties F1 0.97 and case numbers
// 100% (the excerpts have no 案号; case numbers are measured on whole documents elsewhere).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "case_extractor.h"
#include "case_record.h"
#include "tests/support/record_score.h"

namespace casesift {
namespace {

namespace fs = std::filesystem;

// Measured 98.9% (1,314 of 1,329 fields) when last raised; the floor keeps most of that.
constexpr double kAccuracyFloor = 0.97;

// Top-level fields an excerpt can state (see above); any other field the label has is added.
const std::set<std::string>& ExcerptFields() {
  static const std::set<std::string> fields = {"parties", "amounts",      "claim_yuan",
                                               "cause",   "cause_listed", "trial_procedure"};
  return fields;
}

// The top-level key of a flattened path: "parties[0].name" -> "parties".
std::string TopKey(const std::string& path) {
  size_t end = path.find_first_of(".[");
  return end == std::string::npos ? path : path.substr(0, end);
}

TEST_CASE("case-extract on hand-labelled real excerpts", "[case_extract][real]") {
  const std::string data = std::string(CASESIFT_SHARED_DATA) + "/real/loan_party_excerpts.jsonl";
  std::error_code ec;
  if (!fs::is_regular_file(data, ec)) {
    std::cout << "case-extract real excerpts: skipped, " << data << " is absent\n";
    SUCCEED("skipped: " + data + " is absent");
    return;
  }

  // The excerpts by id.
  std::map<std::string, std::string> texts;
  {
    std::ifstream in(data, std::ios::binary);
    REQUIRE(in);
    simdjson::dom::parser line_parser;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      simdjson::padded_string padded(line);
      simdjson::dom::element rec;
      REQUIRE(line_parser.parse(padded).get(rec) == simdjson::SUCCESS);
      std::string_view id, text;
      REQUIRE(rec["id"].get(id) == simdjson::SUCCESS);
      REQUIRE(rec["text"].get(text) == simdjson::SUCCESS);
      texts.emplace(std::string(id), std::string(text));
    }
  }

  const std::string dir = std::string(CASESIFT_TEST_DATA) + "/case-extract/real-labels";
  const std::string suffix = ".expected.json";
  std::vector<std::string> label_files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      label_files.push_back(e.path().string());
    }
  }
  std::sort(label_files.begin(), label_files.end());
  REQUIRE(label_files.size() >= 30);

  testing::Score score;
  simdjson::dom::parser parser;
  for (const std::string& file : label_files) {
    std::string name = fs::path(file).filename().string();
    std::string id = name.substr(0, name.size() - suffix.size());
    INFO(id);
    auto it = texts.find(id);
    REQUIRE(it != texts.end());

    std::map<std::string, std::string> expected, extracted, actual;
    simdjson::padded_string exp_text = simdjson::padded_string::load(file).value();
    testing::Flatten(parser.parse(exp_text).value(), "", &expected);

    CaseRecord record = ExtractCase(it->second, ExtractOptions{});
    simdjson::padded_string act_text(CaseRecordJson(record));
    testing::Flatten(parser.parse(act_text).value(), "", &extracted);

    std::set<std::string> scored = ExcerptFields();
    for (const auto& [path, value] : expected) scored.insert(TopKey(path));
    for (const auto& [path, value] : extracted) {
      if (scored.count(TopKey(path))) actual.emplace(path, value);
    }
    testing::ScoreRecord(id, expected, actual, &score);
  }

  double accuracy = static_cast<double>(score.right()) / score.total();
  std::cout << "case-extract real excerpts (" << label_files.size()
            << " labelled): " << score.right() << "/" << score.total() << " fields ("
            << accuracy * 100 << "%)\n";
  // Per group (parties, amounts, claim_yuan, ...), then per field.
  std::map<std::string, std::pair<int, int>> groups;
  for (const auto& [field, rt] : score.fields) {
    auto& g = groups[TopKey(field)];
    g.first += rt.first;
    g.second += rt.second;
  }
  for (const auto& [group, rt] : groups) {
    std::cout << "  " << group << ": " << rt.first << "/" << rt.second << " ("
              << 100.0 * rt.first / rt.second << "%)\n";
  }
  for (const auto& [field, rt] : score.fields) {
    std::cout << "  " << field << ": " << rt.first << "/" << rt.second << " ("
              << 100.0 * rt.first / rt.second << "%)\n";
  }
  for (const std::string& miss : score.misses) std::cout << "  miss " << miss << "\n";
  CHECK(accuracy >= kAccuracyFloor);
}

}  // namespace
}  // namespace casesift
