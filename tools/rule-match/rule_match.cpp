#include "rule_match.h"

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "common/bad_records.h"
#include "common/diagnostics.h"
#include "common/json_builder.h"
#include "common/jsonl_batch.h"
#include "common/jsonl_reader.h"
#include "common/ordered_batches.h"
#include "common/output.h"
#include "common/progress.h"
#include "common/record_splice.h"
#include "common/run_date.h"
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

std::string SrcJson(simdjson::dom::element root, const std::string& file, uint64_t line) {
  simdjson::dom::element src;
  if (root["src"].get(src) == simdjson::SUCCESS && src.is_object()) {
    return simdjson::minify(src);
  }
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject().Key("file").String(file).Key("line").Uint(line).EndObject();
  return out;
}

// The reader's line filter: Engine::MayMatch, until it proves not worth its scan. When the
// words let fewer than one line in 16 of the first kTrial be passed over (a large rule set
// whose words are in nearly every record), every later line is parsed without looking:
// the same leads, for less work. Called by the reader only (one thread at a time).
struct WordFilter {
  static constexpr uint64_t kTrial = 4096;
  const Engine* engine;
  uint64_t seen = 0, passed_over = 0;
  bool looking = true;

  bool Keep(std::string_view line) {
    if (!looking) return true;
    bool keep = engine->MayMatch(line);
    passed_over += keep ? 0 : 1;
    if (++seen == kTrial && passed_over * 16 < seen) looking = false;
    return keep;
  }
};

// The correlation state of a large run is millions of small allocations (0.53 million
// members for the 800-rule benchmark); freeing them one by one when the run is over took
// 0.3 s of its 6.7 for memory the process hands back to the system anyway. So, as compilers
// do (clang's -disable-free), a finished run's state is kept unfreed until exit: reachable
// from a static, so leak checkers do not count it.
void KeepUntilExit(std::unique_ptr<CorrelationEngine> engine) {
  if (!engine) return;
  static auto* kept = new std::vector<std::unique_ptr<CorrelationEngine>>();
  kept->push_back(std::move(engine));
}

// What one record gives: the lines to write and, for correlations, the record's offer. A
// batch holds them for several records in input order, and the inputs of the records read
// but not yet matched (for -j).
struct Batch {
  JsonlBatch read;           // -j: the records' lines, unparsed
  uint64_t first_order = 0;  // the order of read's first record
  struct Done {
    size_t lines_end;  // this record's lines: `lines` up to here, after the previous one's
    CorrelationEngine::Offer offer;
    Status error;  // the record is malformed (-j: found when parsed by the batch's thread)
  };
  std::vector<std::string> lines;
  std::vector<Done> done;

  bool empty() const { return read.empty(); }
  // Empties the batch for the next record (one thread) or the next Fill (-j); its buffers
  // keep their memory.
  void Clear() {
    read.Clear();
    lines.clear();
    done.clear();
  }
};

// Matches records and makes their output, on one thread: its own engine (an Engine keeps
// per-record scratch) and JSON parser.
class RecordWork {
 public:
  RecordWork(const RuleSet& rules, Engine& engine, const RuleMatchOptions& options, int64_t today,
             const CorrelationEngine* correlations)
      : rules_(rules),
        engine_(engine),
        options_(options),
        today_(today),
        correlations_(correlations) {}

  // Appends what the `order`-th record (parsed as `root`) gives to *batch.
  void Do(simdjson::dom::element root, std::string_view text, const std::string& file,
          uint64_t line, uint64_t order, Batch* batch) {
    engine_.Match(root, today_, &matched_);
    // The record's src, made once for all its leads and its correlation offer.
    std::optional<std::string> src;
    auto src_json = [&]() -> const std::string& {
      if (!src) src = SrcJson(root, file, line);
      return *src;
    };
    if (!options_.annotate && !options_.select) {
      for (size_t index : matched_) {
        const Rule& rule = rules_.rules[index];
        if (!rule.emit) continue;
        // The lead carries what the plain evaluator saw: lets, and --explain's values. A
        // rule with neither needs nothing more than the engine's answer.
        RuleOutcome o;
        if (!rule.lets.empty() || options_.explain) {
          o = EvaluateRule(rule, root, today_);
        } else {
          o.matched = true;
        }
        batch->lines.push_back(LeadJson(rule, o, root, src_json(), options_.explain));
      }
    }
    if (options_.select) {
      bool any = std::any_of(matched_.begin(), matched_.end(),
                             [&](size_t i) { return rules_.rules[i].emit; });
      if (any) batch->lines.emplace_back(text);
    } else if (options_.annotate) {
      std::string ids;
      JsonBuilder b(&ids);
      b.BeginArray();
      for (size_t index : matched_) b.String(rules_.rules[index].id);
      b.EndArray();
      SplicedField field{"matched_rules", ids};
      std::string& spliced = batch->lines.emplace_back();
      SpliceFields(text, std::span<const SplicedField>(&field, 1), &spliced);
    }
    Batch::Done& done = batch->done.emplace_back();
    done.lines_end = batch->lines.size();
    if (correlations_ != nullptr && !matched_.empty()) {
      done.offer = correlations_->Prepare(root, order, matched_, src_json());
    }
  }

  // The same work with another engine: for another thread.
  RecordWork With(Engine& engine) const {
    return RecordWork(rules_, engine, options_, today_, correlations_);
  }

  // Parses and matches the records read into *batch (-j); a malformed one gives its error
  // for the writer to hand to BadRecords in input order.
  void DoRead(Batch* batch) {
    for (size_t i = 0; i < batch->read.size(); ++i) {
      JsonlReader::Record rec = batch->read.Record(i);
      if (Status st = JsonlReader::ParseRecord(&parser_, &rec, /*padded=*/true); !st.ok()) {
        batch->done.push_back({batch->lines.size(), {}, st});
        continue;
      }
      Do(rec.root, rec.text, *rec.file, rec.line, batch->first_order + i, batch);
    }
  }

 private:
  const RuleSet& rules_;
  Engine& engine_;
  const RuleMatchOptions& options_;
  int64_t today_;
  const CorrelationEngine* correlations_;
  std::vector<size_t> matched_;
  simdjson::dom::parser parser_;
};

// Writes batches in input order, and hands the correlation engine its offers.
struct Writer {
  const RuleSet& rules;
  Output* out;
  BadRecords* bad;
  CorrelationEngine* correlations;
  bool live;  // --line-buffered: correlation leads as soon as a group fires

  Status Write(Batch* batch) {
    size_t line = 0;
    for (size_t i = 0; i < batch->done.size(); ++i) {
      Batch::Done& d = batch->done[i];
      if (!d.error.ok()) {  // -j: then batch->read.Text(i) is the record
        CASESIFT_RETURN_IF_ERROR(bad->Reject(d.error, batch->read.Text(i)));
        continue;
      }
      for (; line < d.lines_end; ++line)
        CASESIFT_RETURN_IF_ERROR(out->WriteRecord(batch->lines[line]));
      if (correlations != nullptr && !d.offer.taken.empty()) {
        correlations->Commit(std::move(d.offer));
        if (live) CASESIFT_RETURN_IF_ERROR(WriteCorrelationLeads());
      }
    }
    return Status::OK();
  }

  Status WriteCorrelationLeads(unsigned threads = 1) {
    leads.clear();
    correlations->Flush(&leads, threads);
    for (const CorrelationLead& l : leads) {
      if (rules.rules[l.rule].emit) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(l.json));
    }
    return Status::OK();
  }

  std::vector<CorrelationLead> leads;
};

// -j N: lines read in batches, in order; parsed and matched on N threads; written in input
// order, with the malformed ones handed to BadRecords in their place.
// `engines`: one per thread, [0] the caller's (first's).
Status MatchInParallel(const std::vector<std::unique_ptr<Engine>>& engines, JsonlReader* reader,
                       RecordWork* first, Writer* writer) {
  constexpr size_t kBatchRecords = 256;
  constexpr size_t kBatchBytes = size_t{1} << 20;
  const auto jobs = static_cast<unsigned>(engines.size());
  std::vector<std::unique_ptr<RecordWork>> work(jobs);
  for (unsigned t = 1; t < jobs; ++t)
    work[t] = std::make_unique<RecordWork>(first->With(*engines[t]));
  uint64_t order = 0;
  OrderedBatches<Batch>::Steps steps;
  steps.read = [&](Batch* batch) {
    batch->first_order = order + 1;
    bool more = batch->read.Fill(reader, kBatchRecords, kBatchBytes);
    order += batch->read.size();
    return more;
  };
  steps.work = [&](Batch* batch, unsigned t) { (t == 0 ? first : work[t].get())->DoRead(batch); };
  steps.write = [&](Batch* batch) { return writer->Write(batch); };
  // Written batches are filled again: their buffers keep their pages.
  steps.clear = [](Batch* batch) { batch->Clear(); };
  // The reader stops before a line longer than --max-line (it holds it): once everything
  // before it is written, it is rejected in its place, and reading goes on.
  for (;;) {
    CASESIFT_RETURN_IF_ERROR(OrderedBatches<Batch>::Run(jobs, steps));
    if (!reader->holding()) break;
    CASESIFT_RETURN_IF_ERROR(reader->RejectHeld());
  }
  return reader->status();
}

}  // namespace

Status RunRuleMatch(const RuleMatchOptions& options, const CommonOptions& common) {
  if (!options.score.empty()) return RunScore(options.score, options.json, common);
  if (options.json) return Status::Usage("--json goes with --score");
  Result<int64_t> today = RunDate(options.as_of);
  if (!today.ok()) return today.status();
  RuleSet rules;
  CASESIFT_RETURN_IF_ERROR(LoadRules(options.rules, options.lists, &rules, options.jobs));
  // -j N: the other threads' engines are built, each on a thread of its own, while this
  // one's is, and all before any record is read, so that a failure shows before any output.
  // A live feed (--line-buffered, or a terminal) goes record by record on one thread: a
  // batch would hold back warnings until it filled.
  const bool parallel = options.jobs > 1 && !options.check && !options.test &&
                        !OutputOptionsFor(common).line_buffered;
  std::vector<std::unique_ptr<Engine>> engines(parallel ? options.jobs : 1);
  std::vector<Status> failed(engines.size());
  std::vector<std::thread> builders;
  for (size_t t = 1; t < engines.size(); ++t) {
    builders.emplace_back([&, t] {
      Result<std::unique_ptr<Engine>> other = Engine::Build(rules);
      if (other.ok()) {
        engines[t] = std::move(*other);
      } else {
        failed[t] = other.status();
      }
    });
  }
  Result<std::unique_ptr<Engine>> built = Engine::Build(rules);
  for (std::thread& b : builders) b.join();
  if (!built.ok()) return built.status();
  for (const Status& st : failed) CASESIFT_RETURN_IF_ERROR(st);
  engines[0] = std::move(*built);
  Engine& matcher = *engines[0];
  if (options.check) {
    size_t warnings = 0;
    CASESIFT_RETURN_IF_ERROR(Lint(rules, matcher, &warnings));
    if (!common.quiet) {
      auto count = [](size_t n, std::string_view noun) {
        return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
      };
      PrintMessage(fmt::format(
          "{} in {}: {}", count(rules.rules.size(), "rule"), count(rules.files, "file"),
          warnings == 0 ? std::string("no problems found") : count(warnings, "warning")));
    }
    return Status::OK();
  }
  if (options.test) return RunTests(rules, matcher, *today, common.quiet);

  Result<std::unique_ptr<Stream>> stream = Stream::Open(common);
  if (!stream.ok()) return stream.status();
  JsonlReader& reader = (*stream)->reader();
  // A record whose text holds none of the words the rules need cannot match: pass it over
  // unparsed (--annotate prints every record, so it parses them all).
  WordFilter words{&matcher};
  if (matcher.prefilters() && !options.annotate && !options.validate) {
    reader.SetLineFilter(
        [](const void* filter, std::string_view line) {
          return static_cast<WordFilter*>(const_cast<void*>(filter))->Keep(line);
        },
        &words);
  }
  Output* out = &(*stream)->out();
  // Correlations read what the detection rules matched; --annotate and --select ignore them.
  std::unique_ptr<CorrelationEngine> correlations;
  if (!options.annotate && !options.select)
    correlations = std::make_unique<CorrelationEngine>(rules);
  if (correlations && !correlations->active()) correlations.reset();
  RecordWork first(rules, matcher, options, *today, correlations.get());
  Writer writer{rules, out, &(*stream)->bad_records(), correlations.get(), common.line_buffered};
  if (!parallel) {
    Batch batch;
    JsonlReader::Record rec;
    uint64_t order = 0;
    while (reader.Next(&rec)) {
      first.Do(rec.root, rec.text, *rec.file, rec.line, ++order, &batch);
      CASESIFT_RETURN_IF_ERROR(writer.Write(&batch));
      batch.Clear();
    }
    CASESIFT_RETURN_IF_ERROR(reader.status());
  } else {
    // The reader only splits lines (and passes over those no rule could match): the batches'
    // threads parse them.
    reader.SetParse(false);
    CASESIFT_RETURN_IF_ERROR(MatchInParallel(engines, &reader, &first, &writer));
  }
  // The windows of all groups, at the end of the input: on every thread -j gives.
  if (correlations) CASESIFT_RETURN_IF_ERROR(writer.WriteCorrelationLeads(options.jobs));
  CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
  KeepUntilExit(std::move(correlations));
  return Status::OK();
}

}  // namespace casesift
