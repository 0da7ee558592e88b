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
#include "correlation.h"
#include "engine.h"
#include "let_expr.h"
#include "lint.h"
#include "matcher.h"
#include "rules.h"
#include "score.h"

namespace casesift {
namespace {

// The lint of --check beyond what loading finds: errors, and warnings printed as found.
Status Lint(const RuleSet& set, const Engine& engine, size_t* warnings) {
  for (const Rule& r : set.rules) {
    if (r.status == "stable" && r.tests.empty()) {
      return Status::Usage(fmt::format("rule '{}' is stable but has no tests: add match: and "
                                       "nomatch: records under tests:",
                                       r.id))
          .At(r.location);
    }
  }
  for (size_t index : engine.Untriggered()) {
    const Rule& r = set.rules[index];
    PrintMessage(Status::Usage(fmt::format("warning: rule '{}' has no selective literal, so it "
                                           "is evaluated on every record: give the condition "
                                           "an equality, in, contains, startswith, endswith "
                                           "or re entry that must hold",
                                           r.id))
                     .At(r.location)
                     .ToString());
    ++*warnings;
  }
  std::vector<Status> field_warnings;
  LintFields(set, &field_warnings);
  for (const Status& w : field_warnings) PrintMessage(w.ToString());
  *warnings += field_warnings.size();
  return Status::OK();
}

// Feeds a correlation test's records through every detection rule and the correlations;
// fails unless rule `index` gives `leads` leads (with the `keys` given).
Status RunCorrelationTest(const RuleSet& set, Engine& rules, size_t index, const CorrelationTest& t,
                          int64_t today) {
  simdjson::dom::parser parser;
  CorrelationEngine engine(set);
  std::vector<size_t> matched;
  for (size_t n = 0; n < t.records_json.size(); ++n) {
    simdjson::dom::element record;
    if (parser.parse(t.records_json[n]).get(record) != simdjson::SUCCESS) {
      return Status::Usage("the test record is not valid JSON").At(t.location);
    }
    rules.Match(record, today, &matched);
    engine.Add(record, n + 1, matched, fmt::format("{{\"test_record\":{}}}", n + 1));
  }
  std::vector<CorrelationLead> leads;
  engine.Flush(&leads);
  std::vector<std::string> keys;
  for (const CorrelationLead& l : leads) {
    if (l.rule == index) keys.push_back(l.key_json);
  }
  std::string want_keys, got_keys;
  if (t.keys) {
    std::vector<std::string> want = *t.keys;
    std::sort(want.begin(), want.end());
    for (const std::string& k : want) want_keys += (want_keys.empty() ? "" : ", ") + k;
    for (const std::string& k : keys) got_keys += (got_keys.empty() ? "" : ", ") + k;
  }
  if (keys.size() == t.leads && want_keys == got_keys) return Status::OK();
  return Status::InvalidData(fmt::format("rule '{}': expected {} leads{}, got {}{}",
                                         set.rules[index].id, t.leads,
                                         t.keys ? fmt::format(" [{}]", want_keys) : "", keys.size(),
                                         t.keys ? fmt::format(" [{}]", got_keys) : ""))
      .At(t.location);
}

// Runs every rule's tests; prints each failure with the selections that decided it.
Status RunTests(const RuleSet& set, Engine& engine, int64_t today, bool quiet) {
  simdjson::dom::parser parser;
  std::vector<size_t> matched;
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
      // The engine decides, as in a real run; the plain evaluator says why.
      engine.Match(record, today, &matched);
      size_t index = static_cast<size_t>(&r - set.rules.data());
      bool got = std::binary_search(matched.begin(), matched.end(), index);
      if (got == t.match) continue;
      RuleOutcome o = EvaluateRule(r, record, today);
      ++failed;
      std::string why;
      for (size_t i = 0; i < r.selections.size(); ++i) {
        why += fmt::format("{}{} {}", why.empty() ? "" : ", ", r.selections[i].name,
                           o.held[i] ? "held" : "did not hold");
      }
      PrintError(Status::InvalidData(fmt::format("rule '{}': expected {}, got {} ({})", r.id,
                                                 t.match ? "a match" : "no match",
                                                 got ? "a match" : "no match", why))
                     .At(t.location));
    }
  }
  for (size_t index = 0; index < set.rules.size(); ++index) {
    for (const CorrelationTest& t : set.rules[index].correlation_tests) {
      ++run;
      Status st = RunCorrelationTest(set, engine, index, t, today);
      if (st.ok()) continue;
      ++failed;
      PrintError(st);
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
    std::optional<int64_t> days = LetExpr::IsoDateDays(as_of);
    if (!days)
      return Status::Usage(fmt::format("--as-of {}: expected a date as YYYY-MM-DD", as_of));
    return *days;
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
  Result<std::unique_ptr<Engine>> built = Engine::Build(rules);
  if (!built.ok()) return built.status();
  Engine& matcher = **built;
  if (options.check) {
    size_t warnings = 0;
    CASESIFT_RETURN_IF_ERROR(Lint(rules, matcher, &warnings));
    if (!common.quiet) {
      PrintMessage(fmt::format(
          "{} rules in {} files: {}", rules.rules.size(), rules.files,
          warnings == 0 ? std::string("no problems found")
                        : fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s")));
    }
    return Status::OK();
  }
  if (options.test) return RunTests(rules, matcher, *today, common.quiet);

  Result<std::unique_ptr<Stream>> stream = Stream::Open(common);
  if (!stream.ok()) return stream.status();
  JsonlReader& reader = (*stream)->reader();
  // A record whose text holds none of the words the rules need cannot match: pass it over
  // unparsed (--annotate prints every record, so it parses them all).
  if (matcher.prefilters() && !options.annotate && !options.validate) {
    reader.SetLineFilter(
        [](const void* engine, std::string_view line) {
          return static_cast<const Engine*>(engine)->MayMatch(line);
        },
        &matcher);
  }
  Output* out = &(*stream)->out();
  JsonlReader::Record rec;
  std::vector<size_t> matched_index;
  std::string line;
  // Correlations read what the detection rules matched; --annotate and --select ignore them.
  std::optional<CorrelationEngine> engine;
  if (!options.annotate && !options.select) engine.emplace(rules);
  std::vector<CorrelationLead> leads;
  auto write_leads = [&]() -> Status {
    leads.clear();
    engine->Flush(&leads);
    for (const CorrelationLead& l : leads) {
      if (rules.rules[l.rule].emit) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(l.json));
    }
    return Status::OK();
  };
  uint64_t order = 0;
  while (reader.Next(&rec)) {
    ++order;
    matcher.Match(rec.root, *today, &matched_index);
    if (!options.annotate && !options.select) {
      for (size_t index : matched_index) {
        const Rule& rule = rules.rules[index];
        if (!rule.emit) continue;
        // The lead carries what the plain evaluator saw: lets, and --explain's values. A
        // rule with neither needs nothing more than the engine's answer.
        RuleOutcome o;
        if (!rule.lets.empty() || options.explain) {
          o = EvaluateRule(rule, rec.root, *today);
        } else {
          o.matched = true;
        }
        CASESIFT_RETURN_IF_ERROR(
            out->WriteRecord(LeadJson(rule, o, rec.root, SrcJson(rec), options.explain)));
      }
    }
    if (options.select) {
      bool any = std::any_of(matched_index.begin(), matched_index.end(),
                             [&](size_t i) { return rules.rules[i].emit; });
      if (any) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(rec.text));
    } else if (options.annotate) {
      std::string ids;
      JsonBuilder b(&ids);
      b.BeginArray();
      for (size_t index : matched_index) b.String(rules.rules[index].id);
      b.EndArray();
      SplicedField field{"matched_rules", ids};
      line.clear();
      SpliceFields(rec.text, std::span<const SplicedField>(&field, 1), &line);
      CASESIFT_RETURN_IF_ERROR(out->WriteRecord(line));
    }
    if (engine && engine->active() && !matched_index.empty()) {
      engine->Add(rec.root, order, matched_index, SrcJson(rec));
      if (common.line_buffered) CASESIFT_RETURN_IF_ERROR(write_leads());
    }
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  if (engine && engine->active()) CASESIFT_RETURN_IF_ERROR(write_leads());
  return (*stream)->Finish();
}

}  // namespace casesift
