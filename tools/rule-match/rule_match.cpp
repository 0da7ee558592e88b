#include "rule_match.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "common/bad_records.h"
#include "common/diagnostics.h"
#include "common/json_builder.h"
#include "common/jsonl_reader.h"
#include "common/output.h"
#include "common/progress.h"
#include "common/record_splice.h"
#include "matcher.h"
#include "rules.h"
#include "score.h"

namespace casesift {
namespace {

// Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// The lint of --check beyond what loading finds.
Status Lint(const RuleSet& set) {
  for (const Rule& r : set.rules) {
    if (r.status == "stable" && r.tests.empty()) {
      return Status::Usage(fmt::format("rule '{}' is stable but has no tests: add match: and "
                                       "nomatch: records under tests:",
                                       r.id))
          .At(r.location);
    }
  }
  return Status::OK();
}

// Runs every rule's tests; prints each failure with the selections that decided it.
Status RunTests(const RuleSet& set, int64_t today, bool quiet) {
  simdjson::dom::parser parser;
  size_t run = 0, failed = 0;
  for (const Rule& r : set.rules) {
    for (const RuleTest& t : r.tests) {
      ++run;
      simdjson::dom::element record;
      if (parser.parse(t.record_json).get(record) != simdjson::SUCCESS) {
        PrintError(Status::Usage("the test record is not valid JSON").At(t.location));
        ++failed;
        continue;
      }
      RuleOutcome o = EvaluateRule(r, record, today);
      if (o.matched == t.match) continue;
      ++failed;
      std::string why;
      for (size_t i = 0; i < r.selections.size(); ++i) {
        why += fmt::format("{}{} {}", why.empty() ? "" : ", ", r.selections[i].name,
                           o.held[i] ? "held" : "did not hold");
      }
      PrintError(Status::InvalidData(fmt::format("rule '{}': expected {}, got {} ({})", r.id,
                                                 t.match ? "a match" : "no match",
                                                 o.matched ? "a match" : "no match", why))
                     .At(t.location));
    }
  }
  if (!quiet) {
    PrintMessage(fmt::format("{} tests of {} rules: {} passed, {} failed", run, set.rules.size(),
                             run - failed, failed));
  }
  if (failed > 0) return Status::InvalidData(fmt::format("{} rule tests failed", failed));
  return Status::OK();
}

std::string SrcJson(const JsonlReader::Record& rec) {
  simdjson::dom::element src;
  if (rec.root["src"].get(src) == simdjson::SUCCESS && src.is_object()) {
    return simdjson::minify(src);
  }
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject().Key("file").String(*rec.file).Key("line").Uint(rec.line).EndObject();
  return out;
}

}  // namespace

Result<int64_t> RunDate(const std::string& as_of) {
  if (!as_of.empty()) {
    unsigned y = 0, m = 0, d = 0;
    char tail = 0;
    if (as_of.size() != 10 || std::sscanf(as_of.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
        m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) {
      return Status::Usage(fmt::format("--as-of {}: expected a date as YYYY-MM-DD", as_of));
    }
    return DaysFromCivil(y, m, d);
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);  // NOLINT(runtime/int)
    if (*end != '\0' || seconds < 0) {
      return Status::Usage(fmt::format("SOURCE_DATE_EPOCH={}: expected whole seconds", epoch));
    }
    return static_cast<int64_t>(seconds / 86400);
  }
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(now).count() /
                              86400);
}

Status RunRuleMatch(const RuleMatchOptions& options, const CommonOptions& common) {
  if (!options.score.empty()) return RunScore(options.score, options.json, common);
  if (options.json) return Status::Usage("--json goes with --score");
  Result<int64_t> today = RunDate(options.as_of);
  if (!today.ok()) return today.status();
  RuleSet rules;
  CASESIFT_RETURN_IF_ERROR(LoadRules(options.rules, options.lists, &rules));
  if (options.check) {
    CASESIFT_RETURN_IF_ERROR(Lint(rules));
    if (!common.quiet) {
      PrintMessage(
          fmt::format("{} rules in {} files: no problems found", rules.rules.size(), rules.files));
    }
    return Status::OK();
  }
  if (options.test) return RunTests(rules, *today, common.quiet);

  Result<std::unique_ptr<Stream>> stream = Stream::Open(common);
  if (!stream.ok()) return stream.status();
  JsonlReader& reader = (*stream)->reader();
  Output* out = &(*stream)->out();
  JsonlReader::Record rec;
  std::vector<const Rule*> matched;
  std::string line;
  while (reader.Next(&rec)) {
    matched.clear();
    for (const Rule& rule : rules.rules) {
      RuleOutcome o = EvaluateRule(rule, rec.root, *today);
      if (!o.matched) continue;
      matched.push_back(&rule);
      if (!options.annotate && !options.select && rule.emit) {
        CASESIFT_RETURN_IF_ERROR(
            out->WriteRecord(LeadJson(rule, o, rec.root, SrcJson(rec), options.explain)));
      }
    }
    if (options.select) {
      bool any = std::any_of(matched.begin(), matched.end(), [](const Rule* r) { return r->emit; });
      if (any) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(rec.text));
    } else if (options.annotate) {
      std::string ids;
      JsonBuilder b(&ids);
      b.BeginArray();
      for (const Rule* r : matched) b.String(r->id);
      b.EndArray();
      SplicedField field{"matched_rules", ids};
      line.clear();
      SpliceFields(rec.text, std::span<const SplicedField>(&field, 1), &line);
      CASESIFT_RETURN_IF_ERROR(out->WriteRecord(line));
    }
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  return (*stream)->Finish();
}

}  // namespace casesift
