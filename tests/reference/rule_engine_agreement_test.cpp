// rule-match's one-pass engine (engine.h: shared scans, hash tables, triggers, lazy
// conditions) against its naive twin (rule_reference.h: every rule on its own, every entry
// evaluated): on thousands of generated rules of every shape the language has, over
// generated records with missing fields, nulls, numbers as strings, Latin case variants,
// empty and single-element arrays, both must say the same for every rule and record.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine.h"
#include "rules.h"
#include "tests/reference/rule_reference.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

// A few words each field draws from, so that literals and values meet often.
const std::vector<std::string> kTexts = {"民间借贷纠纷",
                                         "离婚纠纷",
                                         "借款合同纠纷",
                                         "上海市浦东新区人民法院",
                                         "上海某某科技有限公司",
                                         "ABC贸易有限公司",
                                         "abc贸易有限公司",
                                         "Abc",
                                         "王某华",
                                         "李某",
                                         "judgment",
                                         "mediated",
                                         "Mediated",
                                         "",
                                         "500000",
                                         "500000.0",
                                         "1e5",
                                         "12.50",
                                         "-3",
                                         "上海",
                                         "公司",
                                         "某某",
                                         "借"};
const std::vector<std::string> kNumbers = {"500000", "12.5", "0", "-3", "100000", "500000.0"};
const std::vector<std::string> kRegexes = {"借.*纠纷", "^上海", "公司$", "(?i)abc",    "[0-9]+",
                                           "某{2}",    "^$",    "a|b",   "\\d+\\.\\d+"};

class Gen {
 public:
  // `selective`: every map starts with an equality, in or contains entry on a top-level
  // path, and conditions never start with `not`, so every rule has a trigger and the
  // engine can pass over records by their text (Engine::MayMatch).
  Gen(uint32_t seed, bool selective) : rng_(seed), selective_(selective) {}

  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

  static std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }
  // A JSON string; now and then with its first three-byte character as a \u escape, so
  // that the text of a record does not always show its words.
  std::string Json(const std::string& s) {
    std::string out = "\"";
    bool escape = Chance(0.3);
    for (size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (escape && (c & 0xF0) == 0xE0 && i + 2 < s.size()) {
        unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\u%04x", cp);
        out += hex;
        i += 2;
        escape = false;
        continue;
      }
      out += s[i] == '"' ? std::string("\\\"") : std::string(1, s[i]);
    }
    return out + "\"";
  }

  // A literal of a text comparison: a word, quoted; now and then a bare number or boolean.
  std::string TextLiteral() {
    if (plain_) {  // a word that appears as such in a record's text
      std::string t;
      while (t.empty() || t[0] == '-' || (t[0] >= '0' && t[0] <= '9')) t = Pick(kTexts);
      return Quote(t);
    }
    if (Chance(0.1)) return Pick(kNumbers);
    if (Chance(0.03)) return Chance(0.5) ? "true" : "false";
    return Quote(Pick(kTexts));
  }

  // One entry `KEY: VALUE` on a scalar path.
  std::string ScalarEntry(const std::vector<std::string>& paths, bool trigger = false) {
    std::string path = Pick(paths);
    size_t kind = trigger ? std::vector<size_t>{0, 1, 3, 4}[Below(4)] : Below(12);
    plain_ = trigger;
    struct Reset {
      bool* flag;
      ~Reset() { *flag = false; }
    } reset{&plain_};
    if (!trigger && (kind <= 6 || kind == 8)) {
      if (Chance(0.12)) path += Chance(0.5) ? "|norm" : "|core";
    }
    switch (kind) {
      case 0:
      case 1:
        return Quote(path) + ": " + TextLiteral();
      case 2:
        return Quote(path) + ": [" + TextLiteral() + ", " + TextLiteral() + "]";
      case 3:
        return Quote(path + "|in" + (Chance(0.3) ? "|cased" : "")) + ": [" + TextLiteral() + ", " +
               TextLiteral() + ", " + TextLiteral() + "]";
      case 4:
      case 5: {
        static const std::vector<std::string> ops = {"contains", "startswith", "endswith"};
        std::string mods = "|" + Pick(ops) + (Chance(0.2) ? "|cased" : "");
        if (Chance(0.15))
          return Quote(path + mods + "|all") + ": [" + TextLiteral() + ", " + TextLiteral() + "]";
        if (Chance(0.3)) {
          return Quote(path + mods) + ": [" + TextLiteral() + ", " + TextLiteral() + "]";
        }
        return Quote(path + mods) + ": " + TextLiteral();
      }
      case 6:
        if (Chance(0.3)) {
          return Quote(path + "|re") + ": [" + Quote(Pick(kRegexes)) + ", " +
                 Quote(Pick(kRegexes)) + "]";
        }
        return Quote(path + "|re") + ": " + Quote(Pick(kRegexes));
      case 7: {
        static const std::vector<std::string> ops = {"gt", "gte", "lt", "lte"};
        return Quote(path + "|" + Pick(ops)) + ": " + Pick(kNumbers);
      }
      case 8:
        return Quote(path + "|neq" + (Chance(0.3) ? "|cased" : "")) + ": " +
               (Chance(0.5) ? TextLiteral() : "[" + TextLiteral() + ", " + TextLiteral() + "]");
      case 9:
        // Containers too: exists sees arrays (empty or not) and objects, not only scalars.
        if (Chance(0.3)) path = Chance(0.5) ? "parties" : "tags";
        return Quote(path + "|exists") + ": " + (Chance(0.5) ? "true" : "false");
      case 10:
        return Quote("claim_yuan|fieldref|" + std::string(Chance(0.5) ? "gt" : "lte")) +
               ": award_yuan";
      default:
        return Quote("$total|gte") + ": " + Pick(kNumbers);
    }
  }

  // A map of 1-3 entries; `nested` maps are inside a quantifier (paths of an element).
  std::string Map(bool nested, int depth) {
    static const std::vector<std::string> top = {"cause",
                                                 "court",
                                                 "outcome",
                                                 "claim_yuan",
                                                 "award_yuan",
                                                 "tags[*]",
                                                 "missing",
                                                 "flag",
                                                 "parties[*].name",
                                                 "parties[side=defendant].name",
                                                 "parties[kind=org].name",
                                                 "parties[0].address"};
    static const std::vector<std::string> inner = {"name",    "kind", "side",
                                                   "address", "age",  "tags[*]"};
    std::string out = "{";
    size_t n = 1 + Below(3);
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out += ", ";
      if (!nested && depth < 2 && !(selective_ && i == 0) && Chance(0.2)) {
        static const std::vector<std::string> quantifiers = {
            "parties[any]",      "parties[all]",     "parties[none]",
            "parties[count>=2]", "parties[count<1]", "parties[side=defendant][any]",
            "parties[count==1]"};
        out += Quote(Pick(quantifiers)) + ": " + Map(true, depth + 1);
        continue;
      }
      std::string entry = ScalarEntry(nested ? inner : top, selective_ && !nested && i == 0);
      if (nested && (entry.find("$total") != std::string::npos ||
                     entry.find("fieldref") != std::string::npos)) {
        entry = Quote(Pick(inner) + "|contains") + ": " + TextLiteral();
      }
      out += entry;
    }
    return out + "}";
  }

  std::string Condition(size_t selections) {
    switch (Below(6)) {
      case 0:
        return "1 of s*";
      case 1:
        return "all of s*";
      case 2:
        return selections >= 2 ? "2 of s*" : "s0";
      default: {
        std::string c = "s0";
        for (size_t i = 1; i < selections; ++i) {
          std::string next =
              (Chance(0.3) && !selective_ ? "not " : "") + std::string("s") + std::to_string(i);
          c = Chance(0.5) ? c + " and " + next : "(" + c + " or " + next + ")";
        }
        return Chance(0.15) && !selective_ ? "not (" + c + ")" : c;
      }
    }
  }

  std::string Rule(size_t id) {
    std::string out =
        "id: r" + std::to_string(id) + "\nversion: 1\nstatus: test\ntitle: generated\nlevel: low\n";
    out += "let:\n  total: claim_yuan + award_yuan\ndetection:\n";
    size_t selections = 1 + Below(3);
    for (size_t s = 0; s < selections; ++s) {
      out += "  s" + std::to_string(s) + ": ";
      if (Chance(0.25)) {
        out += "[" + Map(false, 0) + ", " + Map(false, 0) + "]\n";
      } else {
        out += Map(false, 0) + "\n";
      }
    }
    out += "  condition: " + Condition(selections) + "\nlead:\n  key: [case_no]\n";
    return out;
  }

  std::string Scalar() {
    switch (Below(8)) {
      case 0:
        return Pick(kNumbers);
      case 1:
        return "null";
      case 2:
        return Chance(0.5) ? "true" : "false";
      default:
        return Json(Pick(kTexts));
    }
  }

  std::string Party() {
    std::string out = "{";
    static const std::vector<std::string> keys = {"name", "kind", "side", "address", "age"};
    static const std::vector<std::string> sides = {"plaintiff", "defendant", "third_party"};
    bool first = true;
    for (const std::string& k : keys) {
      if (Chance(0.25)) continue;
      out += std::string(first ? "" : ",") + Json(k) + ":";
      first = false;
      if (k == "side" && Chance(0.8)) {
        out += Json(Pick(sides));
      } else if (k == "kind" && Chance(0.8)) {
        out += Json(Chance(0.5) ? "org" : "person");
      } else {
        out += Scalar();
      }
    }
    if (Chance(0.2)) out += std::string(first ? "" : ",") + "\"tags\":[" + Scalar() + "]";
    return out + "}";
  }

  std::string Record(size_t n) {
    std::string out = "{\"case_no\":\"(2024)沪0115民初" + std::to_string(n) + "号\"";
    static const std::vector<std::string> keys = {"cause",      "court",      "outcome",
                                                  "claim_yuan", "award_yuan", "flag"};
    for (const std::string& k : keys) {
      if (Chance(0.2)) continue;
      out += "," + Json(k) + ":";
      if (Chance(0.08)) {
        out += "[" + Scalar() + "," + Scalar() + "]";
      } else if ((k == "claim_yuan" || k == "award_yuan") && Chance(0.7)) {
        out += Pick(kNumbers);
      } else {
        out += Scalar();
      }
    }
    if (Chance(0.7)) {
      out += ",\"tags\":[";
      for (size_t i = 0, count = Below(3); i < count; ++i) out += (i ? "," : "") + Scalar();
      out += "]";
    }
    if (Chance(0.85)) {
      out += ",\"parties\":[";
      for (size_t i = 0, count = Below(4); i < count; ++i) out += (i ? "," : "") + Party();
      out += "]";
    } else if (Chance(0.3)) {
      out += ",\"parties\":" + Party();
    }
    return out + "}";
  }

 private:
  std::mt19937 rng_;
  bool selective_;
  bool plain_ = false;  // TextLiteral gives only plain words
};

}  // namespace

TEST_CASE("the rule engine agrees with the naive evaluator on generated rules and records",
          "[reference][rule_match]") {
  constexpr size_t kBatches = 16, kRulesPerBatch = 200, kRecords = 400;
  size_t compared = 0, matches = 0, differences = 0, passed_over = 0;
  for (uint32_t batch = 0; batch < kBatches; ++batch) {
    bool selective = batch % 2 == 1;
    Gen gen(1000 + batch, selective);
    testing::TempDir dir;
    std::string yaml;
    // Few selective rules, so that many records hold none of their words.
    const size_t rules = selective ? 4 : kRulesPerBatch;
    for (size_t i = 0; i < rules; ++i) {
      yaml += (i ? "---\n" : "") + gen.Rule(batch * kRulesPerBatch + i);
    }
    dir.Write("rules.yaml", yaml);
    RuleSet set;
    Status loaded = LoadRules({dir.File("rules.yaml")}, "", &set);
    INFO(loaded.ToString());
    REQUIRE(loaded.ok());
    Result<std::unique_ptr<Engine>> engine = Engine::Build(set);
    REQUIRE(engine.ok());
    if (selective) REQUIRE((*engine)->prefilters());

    simdjson::dom::parser parser;
    std::vector<size_t> matched;
    for (size_t n = 0; n < kRecords; ++n) {
      std::string json = gen.Record(n);
      simdjson::dom::element record;
      REQUIRE(parser.parse(json).get(record) == simdjson::SUCCESS);
      (*engine)->Match(record, 20000, &matched);
      // A record the engine would pass over by its text must match nothing.
      bool may_match = (*engine)->MayMatch(json);
      passed_over += may_match ? 0 : 1;
      if (!may_match) CHECK(matched.empty());
      size_t next = 0;
      for (size_t r = 0; r < set.rules.size(); ++r) {
        bool fast = next < matched.size() && matched[next] == r;
        if (fast) ++next;
        bool slow = reference::RuleMatchesReference(set.rules[r], record, 20000);
        if (!may_match && slow) ++differences;
        ++compared;
        matches += slow ? 1 : 0;
        if (fast != slow && ++differences <= 5) {
          size_t begin = yaml.find("id: r" + std::to_string(batch * kRulesPerBatch + r) + "\n");
          std::string rule = yaml.substr(begin, yaml.find("---", begin) - begin);
          std::printf("rule engine differs (engine %d, reference %d)\n--- rule\n%s--- record\n%s\n",
                      fast, slow, rule.c_str(), json.c_str());
        }
      }
      REQUIRE(next == matched.size());
    }
  }
  INFO(compared << " rule-record pairs, " << matches << " matches");
  CHECK(differences == 0);
  CHECK(passed_over > kRecords / 4);  // the text prefilter was exercised
  // The generator must make both outcomes common, or the comparison proves little.
  CHECK(matches > compared / 50);
  CHECK(matches < compared / 2);
}

}  // namespace casesift
