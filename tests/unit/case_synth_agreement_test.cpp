// case-synth against case-extract (issue 3: "case-synth and case-extract on its output
// agree with the ground truth"). Documents of every kind are generated in-process with a
// fixed seed, each is extracted with ExtractCase, and the two records are compared on the
// fields the accuracy fixtures score (tests/bench/truth_fields.h), leaf by leaf. The truth
// follows the annotation guide (tests/data/case-extract/README.md); every field of every
// document must agree. The tally per field and the first disagreements are printed.
// (tests/bench/synth_agreement.sh runs the same comparison over a million documents.)
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "case_extractor.h"
#include "tests/bench/truth_fields.h"
#include "tests/support/record_score.h"
#include "tools/case-extract/case_record.h"
#include "tools/case-synth/case_record.h"
#include "tools/case-synth/document_generator.h"

namespace casesift {
namespace {

constexpr uint64_t kSeed = 20261127;
constexpr uint64_t kDocuments = 4000;

void Leaves(simdjson::dom::parser& parser, const std::string& json,
            std::map<std::string, std::string>* out) {
  simdjson::padded_string padded(json);
  simdjson::dom::element doc;
  REQUIRE(parser.parse(padded).get(doc) == simdjson::SUCCESS);
  out->clear();
  testing::Flatten(doc, "", out);
  testing::KeepScored(out);
}

TEST_CASE("case-synth's truth and case-extract agree on every scored field",
          "[case_synth][agreement]") {
  synth::DocumentGenerator generator(kSeed, *synth::ParseKinds("all"));
  simdjson::dom::parser parser;
  std::string text, truth_json;
  synth::CaseRecord truth;
  std::map<std::string, std::string> expected, actual;
  std::map<std::string, std::pair<int, int>> fields;  // field -> (right, total)
  std::map<std::string, int> by_field_wrong;
  std::vector<std::string> misses;
  int right = 0, total = 0;
  for (uint64_t i = 0; i < kDocuments; ++i) {
    generator.Generate(i, &text, &truth);
    truth.id = std::to_string(i + 1);
    truth_json.clear();
    synth::AppendCaseRecordJson(truth, &truth_json);
    Leaves(parser, truth_json, &expected);
    Leaves(parser, CaseRecordJson(ExtractCase(text, ExtractOptions{})), &actual);
    testing::Score score;
    testing::ScoreRecord("document " + truth.id, expected, actual, &score);
    right += score.right();
    total += score.total();
    for (const auto& [field, rt] : score.fields) {
      fields[field].first += rt.first;
      fields[field].second += rt.second;
      if (rt.first == rt.second) continue;
      by_field_wrong[field] += rt.second - rt.first;
    }
    for (const std::string& miss : score.misses) misses.push_back(miss);
  }
  std::cout << "case-synth agreement: " << kDocuments << " documents, " << right << "/" << total
            << " fields (" << 100.0 * right / total << "%)\n";
  for (const auto& [field, wrong] : by_field_wrong) {
    std::cout << "  " << field << ": " << wrong << " of " << fields[field].second << " wrong\n";
  }
  for (size_t k = 0; k < misses.size() && k < 40; ++k) std::cout << "  miss " << misses[k] << "\n";
  REQUIRE(total > 50 * static_cast<int>(kDocuments));
  CHECK(right == total);
}

}  // namespace
}  // namespace casesift
