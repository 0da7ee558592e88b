// lead-dedupe's clustering (clusterer.h: a blocking index, at most 50 candidates a record,
// union-find) against its naive twin (lead_dedupe_reference.h: every pair scored): on
// generated people with misspelt, swapped and missing names, near birth dates and shared
// postcodes, both must find the same clusters.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "clusterer.h"
#include "common/json_builder.h"
#include "tests/reference/lead_dedupe_reference.h"

namespace casesift {
namespace {

const std::vector<std::string> kGiven = {"jianguo", "wenqing", "xinhua", "lina",   "guoqiang",
                                         "meiling", "haitao",  "yuying", "zhiwei", "xiaoming"};
const std::vector<std::string> kSurname = {"wang", "zhou",  "li",   "chen", "zhang",
                                           "liu",  "huang", "zhao", "wu",   "sun"};

// A name as a clerk might type it: unchanged, two letters swapped, one dropped or doubled.
std::string Typo(std::string s, std::mt19937* rng) {
  if (s.size() < 3) return s;
  size_t at = std::uniform_int_distribution<size_t>(0, s.size() - 2)(*rng);
  switch (std::uniform_int_distribution<int>(0, 5)(*rng)) {
    case 0:
      std::swap(s[at], s[at + 1]);
      break;
    case 1:
      s.erase(at, 1);
      break;
    case 2:
      s.insert(at, 1, s[at]);
      break;
    default:
      break;
  }
  return s;
}

TEST_CASE("the clusterer finds the clusters of every-pair scoring", "[reference][lead_dedupe]") {
  Result<const NameNormalizer*> norm = NameNormalizer::Get();
  REQUIRE(norm.ok());
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    std::vector<std::string> lines;
    for (int person = 0; person < 90; ++person) {
      std::string given = kGiven[rng() % kGiven.size()],
                  surname = kSurname[rng() % kSurname.size()];
      std::string dob = std::to_string(1950 + rng() % 50) + "0" + std::to_string(1 + rng() % 9) +
                        std::to_string(10 + rng() % 18);
      std::string postcode = std::to_string(200000 + (rng() % 40) * 10);
      int copies = 1 + static_cast<int>(rng() % 3);
      for (int c = 0; c < copies; ++c) {
        std::string line;
        JsonBuilder b(&line);
        b.BeginObject().Key("id").String("p" + std::to_string(lines.size()));
        if (rng() % 10 != 0) b.Key("given_name").String(c == 0 ? given : Typo(given, &rng));
        // Now and then no name at all, or a masked one: such a record is no one's.
        if (rng() % 25 != 0) {
          b.Key("surname").String(c == 0 ? surname : Typo(surname, &rng));
        } else if (rng() % 2 == 0) {
          b.Key("surname").String("某");
        }
        std::string d = dob;
        if (c > 0 && rng() % 4 == 0) std::swap(d[6], d[7]);
        if (rng() % 8 != 0) b.Key("date_of_birth").String(d);
        b.Key("postcode").String(postcode);
        b.EndObject();
        lines.push_back(line);
      }
    }
    std::vector<simdjson::dom::parser> parsers(lines.size());
    std::vector<simdjson::dom::element> records;
    for (size_t i = 0; i < lines.size(); ++i) records.push_back(parsers[i].parse(lines[i]).value());

    ClusterSpec spec;
    spec.names.push_back(*FieldPath::Parse("given_name"));
    spec.names.push_back(*FieldPath::Parse("surname"));
    for (const char* c : {"date_of_birth", "postcode"}) {
      spec.compare.push_back(*ParsePathPair(c, "--compare"));
    }
    Clusterer fast(spec, **norm);
    for (size_t i = 0; i < records.size(); ++i) {
      fast.Add(records[i], std::string(records[i]["id"].get_string().value()));
    }
    REQUIRE(fast.Run().ok());
    std::map<std::string, uint32_t> first;  // cluster id -> its first record
    std::vector<uint32_t> got(records.size());
    for (uint32_t i = 0; i < records.size(); ++i) {
      got[i] = first.emplace(fast.ClusterOf(i), i).first->second;
    }
    std::vector<uint32_t> want = reference::NaiveClusters(records, spec);
    REQUIRE(want.size() == got.size());
    size_t joined = 0;
    for (uint32_t i = 0; i < records.size(); ++i) {
      INFO("seed " << seed << ", record " << i << ": " << lines[i]);
      CHECK(got[i] == want[i]);
      joined += want[i] != i;
    }
    CHECK(joined > 20);  // the data has clusters to find, not only singletons
  }
}

}  // namespace
}  // namespace casesift
