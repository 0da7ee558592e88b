// FindLayout (one Hyperscan pass, RE2 only to confirm a hit) against its naive twin
// FindLayoutReference (one RE2 search per kind of word): the same layout, part for part,
// on the hand-written fixtures, on case-synth documents of every kind, and on damaged
// copies of them (run together on one line, cut short, bytes dropped), each with several
// header ends.
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "document_layout.h"
#include "tests/reference/document_layout_reference.h"
#include "tests/support/agreement_corpus.h"

#ifndef CASESIFT_LAYOUT_DOCUMENTS
#define CASESIFT_LAYOUT_DOCUMENTS 3000
#endif

namespace casesift {
namespace {

std::string Describe(const DocumentLayout& l) {
  std::string out;
  for (const auto& [name, span] : NamedSections(l)) {
    out +=
        std::string(name) + "[" + std::to_string(span.begin) + "," + std::to_string(span.end) + ")";
  }
  for (const Block& b : l.blocks) {
    out += b.counterclaim ? " counterclaim" : "";
    out += b.appeal ? " appeal" : "";
  }
  return out;
}

size_t Compare(std::string_view text, size_t* compared) {
  size_t differences = 0;
  for (size_t header_end : {size_t{0}, text.size() / 20, text.size() / 8, text.size()}) {
    std::string fast = Describe(FindLayout(text, header_end));
    std::string slow = Describe(reference::FindLayoutReference(text, header_end));
    ++*compared;
    if (fast != slow) {
      ++differences;
      if (differences <= 3) {
        std::printf("layout differs (header_end %zu)\n  fast: %s\n  slow: %s\n  text: %.300s\n",
                    header_end, fast.c_str(), slow.c_str(), std::string(text).c_str());
      }
    }
  }
  return differences;
}

TEST_CASE("FindLayout agrees with its naive twin", "[reference][case_extract]") {
  std::vector<std::string> texts = testing::AgreementCorpus(CASESIFT_LAYOUT_DOCUMENTS);
  REQUIRE(texts.size() >= 40 + CASESIFT_LAYOUT_DOCUMENTS);

  std::mt19937_64 rng(7);
  size_t compared = 0, differences = 0;
  for (const std::string& text : texts) {
    differences += Compare(text, &compared);
    std::string joined;  // one line, as many corpora publish
    for (char c : text) {
      if (c != '\n') joined += c;
    }
    differences += Compare(joined, &compared);
    if (text.empty()) continue;
    std::string cut = text.substr(0, rng() % text.size());
    differences += Compare(cut, &compared);
    std::string dropped = text;
    for (int k = 0; k < 8 && !dropped.empty(); ++k) dropped.erase(rng() % dropped.size(), 1);
    differences += Compare(dropped, &compared);
  }
  INFO(compared << " layouts compared");
  CHECK(compared > 4 * CASESIFT_LAYOUT_DOCUMENTS);
  CHECK(differences == 0);
}

}  // namespace
}  // namespace casesift
