// bench-compare-truth: case-synth's truth against case-extract's records, field by field.
//
//   bench-compare-truth TRUTH.jsonl EXTRACTED.jsonl [--show N]
//
// Line i of one file is compared with line i of the other, on the scored leaves of the
// accuracy fixtures (truth_fields.h). Prints the agreement over all fields and documents,
// then per field, then the first N disagreements (default 20) as "id: path: expected X, got
// Y". Exits 0 when every field of every document agrees, 1 when some do not, 2 on bad input.
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "tests/bench/truth_fields.h"
#include "tests/support/record_score.h"

namespace {

using casesift::testing::Flatten;
using casesift::testing::KeepScored;
using casesift::testing::Score;
using casesift::testing::ScoreRecord;

bool Leaves(simdjson::dom::parser& parser, const std::string& line, const char* file, uint64_t n,
            std::map<std::string, std::string>* out, std::string* id) {
  simdjson::dom::element doc;
  if (parser.parse(line).get(doc) != simdjson::SUCCESS) {
    std::cerr << "bench-compare-truth: " << file << ":" << n << ": not a JSON object\n";
    return false;
  }
  std::string_view sv;
  if (id != nullptr && doc["id"].get_string().get(sv) == simdjson::SUCCESS) *id = sv;
  out->clear();
  Flatten(doc, "", out);
  KeepScored(out);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--show")) {
    std::cerr << "usage: bench-compare-truth TRUTH.jsonl EXTRACTED.jsonl [--show N]\n";
    return 2;
  }
  size_t show = argc == 5 ? std::strtoul(argv[4], nullptr, 10) : 20;
  std::ifstream truth_in(argv[1]), extracted_in(argv[2]);
  if (!truth_in || !extracted_in) {
    std::cerr << "bench-compare-truth: cannot open " << (truth_in ? argv[2] : argv[1]) << "\n";
    return 2;
  }
  simdjson::dom::parser parser;
  std::string truth_line, extracted_line, id;
  std::map<std::string, std::string> expected, actual;
  std::map<std::string, std::pair<uint64_t, uint64_t>> fields;  // field -> (right, total)
  std::vector<std::string> first_misses;
  uint64_t docs = 0, docs_exact = 0;
  while (std::getline(truth_in, truth_line)) {
    ++docs;
    if (!std::getline(extracted_in, extracted_line)) {
      std::cerr << "bench-compare-truth: " << argv[2] << " has fewer lines than " << argv[1]
                << "\n";
      return 2;
    }
    id = std::to_string(docs);
    if (!Leaves(parser, truth_line, argv[1], docs, &expected, &id) ||
        !Leaves(parser, extracted_line, argv[2], docs, &actual, nullptr)) {
      return 2;
    }
    Score score;
    ScoreRecord(id, expected, actual, &score);
    for (const auto& [field, rt] : score.fields) {
      fields[field].first += rt.first;
      fields[field].second += rt.second;
    }
    if (score.misses.empty()) ++docs_exact;
    for (const std::string& m : score.misses) {
      if (first_misses.size() < show) first_misses.push_back(m);
    }
  }
  if (std::getline(extracted_in, extracted_line)) {
    std::cerr << "bench-compare-truth: " << argv[2] << " has more lines than " << argv[1] << "\n";
    return 2;
  }
  uint64_t right = 0, total = 0;
  for (const auto& [field, rt] : fields) {
    right += rt.first;
    total += rt.second;
  }
  std::printf("documents: %llu, all fields agree: %llu (%.4f%%)\n",
              static_cast<unsigned long long>(docs), static_cast<unsigned long long>(docs_exact),
              docs ? 100.0 * docs_exact / docs : 100.0);
  std::printf("fields: %llu/%llu agree (%.4f%%)\n", static_cast<unsigned long long>(right),
              static_cast<unsigned long long>(total), total ? 100.0 * right / total : 100.0);
  for (const auto& [field, rt] : fields) {
    std::printf("  %-28s %llu/%llu%s\n", field.c_str(), static_cast<unsigned long long>(rt.first),
                static_cast<unsigned long long>(rt.second), rt.first < rt.second ? "  <--" : "");
  }
  for (const std::string& m : first_misses) std::printf("  miss %s\n", m.c_str());
  return right == total ? 0 : 1;
}
