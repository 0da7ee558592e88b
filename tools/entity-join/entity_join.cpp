#include "entity_join.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "common/csv_reader.h"
#include "common/json_builder.h"
#include "common/jsonl_batch.h"
#include "common/name_normalize.h"
#include "common/ordered_batches.h"
#include "common/output.h"
#include "common/record_splice.h"
#include "grace_join.h"
#include "join_matcher.h"
#include "join_output.h"
#include "join_spec.h"
#include "reference.h"

namespace casesift {

namespace {

bool AddsMatches(JoinKind kind) { return kind == JoinKind::kInner || kind == JoinKind::kLeft; }

// The JoinSpec the options describe; usage errors name the option.
Result<JoinSpec> MakeSpec(const EntityJoinOptions& options) {
  JoinSpec spec;
  for (const std::string& on : options.on) {
    Result<PathPair> pair = ParsePathPair(on, "--on");
    if (!pair.ok()) return pair.status();
    spec.on.push_back(std::move(*pair));
  }
  if (!options.exclude_same.empty()) {
    Result<PathPair> pair = ParsePathPair(options.exclude_same, "--exclude-same");
    if (!pair.ok()) return pair.status();
    spec.exclude_same = std::move(*pair);
  }
  for (const std::string& field : options.fields) {
    Result<FieldPath> path = FieldPath::Parse(field);
    if (!path.ok()) {
      return Status::Usage(fmt::format("--fields '{}': {}", field, path.status().message()));
    }
    spec.fields.push_back(std::move(*path));
  }
  for (const std::string& compare : options.compare) {
    Result<PathPair> pair = ParsePathPair(compare, "--compare");
    if (!pair.ok()) return pair.status();
    spec.compare.push_back(std::move(*pair));
  }
  return spec;
}

Status CheckOptions(const EntityJoinOptions& options, const CommonOptions& common) {
  if (options.refs.empty()) return Status::Usage("--ref FILE is required: the file to join with");
  if (options.on.empty()) {
    return Status::Usage("--on LEFT=RIGHT is required: the fields to join on");
  }
  bool stdin_input = common.inputs.empty() || std::find(common.inputs.begin(), common.inputs.end(),
                                                        "-") != common.inputs.end();
  if (stdin_input &&
      std::find(options.refs.begin(), options.refs.end(), "-") != options.refs.end()) {
    return Status::Usage("--ref - reads standard input, which is already the input: name a file");
  }
  if (!AddsMatches(options.kind)) {
    const char* kind = options.kind == JoinKind::kAnti ? "--anti" : "--semi";
    if (!options.as.empty() || !options.count_as.empty() || !options.fields.empty()) {
      return Status::Usage(fmt::format(
          "{} passes records through unchanged: --as, --count-as and --fields do not apply", kind));
    }
  }
  if (!options.fields.empty() && options.as.empty() && !options.count_as.empty()) {
    return Status::Usage("--fields chooses what --as attaches: give --as NAME too");
  }
  if (!options.memory.empty()) {
    if (options.fuzzy) {
      return Status::Usage(
          "--memory partitions the reference by its keys; --fuzzy needs all of it");
    }
    if (std::find(options.refs.begin(), options.refs.end(), "-") != options.refs.end()) {
      return Status::Usage("--memory needs --ref files it can measure, not standard input");
    }
  }
  if (!options.fuzzy && (!options.compare.empty() || options.min_score >= 0)) {
    return Status::Usage("--compare and --min-score score fuzzy matches: give --fuzzy too");
  }
  if (Result<CsvEncoding> e = ParseCsvEncoding(options.encoding); !e.ok()) {
    return Status::Usage(fmt::format("--encoding: {}", e.status().message()));
  }
  if (!options.as.empty() && options.as == options.count_as) {
    return Status::Usage("--as and --count-as name the same field");
  }
  return Status::OK();
}

// One record's outcome, made on any thread, delivered in input order.
struct ProbeResult {
  Status error;                // a malformed record, or one with too many keys
  bool write = false;          // the record's output line is to be written
  size_t begin = 0, end = 0;   // the line, in the text it was appended to
  std::vector<uint32_t> rows;  // the rows it matched (for --unpaired-ref)
};

// A batch of lines for -j N. Its output lines sit in one text, so that a batch allocates
// little however many records it holds; batches are reused (OrderedBatches::Steps::clear).
struct ProbeBatch {
  JsonlBatch lines;
  std::vector<ProbeResult> results;
  std::string text;  // the output lines, each with its '\n', one after another
  bool empty() const { return lines.empty(); }
  void Clear() {
    lines.Clear();
    text.clear();
  }
};

// Looks records up and formats their output: one per thread.
class Prober {
 public:
  Prober(const JoinSpec& spec, const Reference& ref, const NameNormalizer& norm, JoinWriter writer,
         bool best, bool project_here, bool track)
      : spec_(spec),
        ref_(ref),
        matcher_(spec, ref, norm),
        writer_(std::move(writer)),
        best_(best),
        project_here_(project_here),
        track_(track) {}

  // A parsed record: its output line, if any, is appended to *text.
  void Probe(const JsonlReader::Record& rec, ProbeResult* result, std::string* text) {
    result->write = false;
    result->error = matcher_.Find(rec.root, &matches_);
    if (!result->error.ok()) {
      result->error = JsonlReader::ErrorAt(rec, 0, result->error.message());
      return;
    }
    Emit(rec.text, result, text);
  }

  // A batch of unparsed lines. Without --fuzzy, in a pipeline: each record's keys are read
  // (its DOM is then done with) several records ahead of its lookup, and the memory the
  // lookup will read is asked for level by level in between (the index's slot, the
  // postings, the values and row table, the row's text), so that the cache misses of
  // several records overlap instead of following one another. Records go through the
  // stages in groups, each stage asked for the whole group at once: a row's text is in the
  // reference's mapping, on small pages, so asking for it usually misses the TLB, and the
  // page walks of a group overlap where one at a time they stalled in turn (perf put 62% of
  // the prefetch stages' time on that prefetch before; BENCHMARKS.md).
  void Probe(ProbeBatch* batch) {
    const size_t n = batch->lines.size();
    batch->results.resize(n);
    if (ref_.fuzzy() != nullptr) {
      for (size_t i = 0; i < n; ++i) {
        JsonlReader::Record rec = batch->lines.Record(i);
        ProbeResult& result = batch->results[i];
        result.write = false;
        result.error = JsonlReader::ParseRecord(&parser_, &rec, /*padded=*/true);
        if (result.error.ok()) Probe(rec, &result, &batch->text);
      }
      return;
    }
    if (keys_.size() < n) keys_.resize(n);
    constexpr size_t kGroup = 4;  // records whose lookups are asked for together
    constexpr int kStages = 4;    // of JoinMatcher::Prefetch
    const size_t groups = (n + kGroup - 1) / kGroup;
    for (size_t g = 0; g < groups + kStages; ++g) {
      if (g < groups) {
        for (size_t i = g * kGroup; i < n && i < (g + 1) * kGroup; ++i) {
          JsonlReader::Record rec = batch->lines.Record(i);
          ProbeResult& result = batch->results[i];
          result.write = false;
          result.error = JsonlReader::ParseRecord(&parser_, &rec, /*padded=*/true);
          if (result.error.ok()) {
            result.error = matcher_.Collect(rec.root, &keys_[i]);
            if (!result.error.ok()) {
              result.error = JsonlReader::ErrorAt(rec, 0, result.error.message());
            }
          }
        }
      }
      for (int stage = kStages - 1; stage >= 0; --stage) {
        if (g < static_cast<size_t>(stage) || g - stage >= groups) continue;
        size_t first = (g - stage) * kGroup;
        for (size_t i = first; i < n && i < first + kGroup; ++i) {
          if (batch->results[i].error.ok()) matcher_.Prefetch(&keys_[i], stage);
        }
      }
      if (g >= static_cast<size_t>(kStages)) {
        size_t first = (g - kStages) * kGroup;
        for (size_t i = first; i < n && i < first + kGroup; ++i) {
          if (!batch->results[i].error.ok()) continue;
          matcher_.Match(keys_[i], &matches_);
          Emit(batch->lines.Text(i), &batch->results[i], &batch->text);
        }
      }
    }
  }

 private:
  // Formats the output line of a record whose matches are in matches_.
  void Emit(std::string_view record, ProbeResult* result, std::string* text) {
    if (best_) JoinMatcher::KeepBest(&matches_);
    result->rows.clear();
    if (track_) {
      for (const JoinMatch& m : matches_) result->rows.push_back(m.row);
    }
    result->begin = text->size();
    if (writer_.AddsArrayOnly(record, matches_.size())) {
      // The common case: the array written straight into the line.
      BeginNewMember(record, writer_.as(), text);
      result->error = AppendArray(text);
      if (!result->error.ok()) {
        text->resize(result->begin);
        return;
      }
      EndNewMember(record, text);
      result->write = true;
    } else {
      // The array built apart, in one reused buffer, for JoinWriter to splice.
      array_.clear();
      if (writer_.wants_elements()) {
        result->error = AppendArray(&array_);
        if (!result->error.ok()) return;
      }
      result->write = writer_.Append(record, array_, matches_.size(), text);
    }
    result->end = text->size();
    if (result->write) text->push_back('\n');
  }

  // Appends the array of matches_, each match's row spliced straight into it.
  Status AppendArray(std::string* out) {
    out->push_back('[');
    for (size_t i = 0; i < matches_.size(); ++i) {
      if (i > 0) out->push_back(',');
      CASESIFT_RETURN_IF_ERROR(
          AppendElement(matcher_, ref_, matches_[i], spec_, project_here_, &row_parser_, out));
    }
    out->push_back(']');
    return Status::OK();
  }

 private:
  const JoinSpec& spec_;
  const Reference& ref_;
  JoinMatcher matcher_;
  JoinWriter writer_;
  bool best_, project_here_, track_;
  std::vector<JoinMatch> matches_;
  std::vector<JoinMatcher::Keys> keys_;  // a batch's, by record
  std::string array_;
  simdjson::dom::parser parser_, row_parser_;
};

// Writes a record's outcome: its line (in `text`), or its rejection.
Status Deliver(const ProbeResult& result, std::string_view text, std::string_view record,
               Output* out, BadRecords* bad, Reference* track) {
  if (!result.error.ok()) return bad->Reject(result.error, record);
  if (track != nullptr) {
    for (uint32_t row : result.rows) track->MarkMatched(row);
  }
  return result.write ? out->WriteRecord(text.substr(result.begin, result.end - result.begin))
                      : Status::OK();
}

// Writes the rows nothing matched, in reference order, to the --unpaired-ref file.
Status WriteUnpaired(const Reference& ref, Output* out) {
  for (uint32_t row = 0; row < ref.rows(); ++row) {
    if (!ref.matched(row)) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(ref.RowText(row)));
  }
  return Status::OK();
}

}  // namespace

Status RunEntityJoin(const EntityJoinOptions& options, const CommonOptions& common) {
  CASESIFT_RETURN_IF_ERROR(CheckOptions(options, common));
  Result<JoinSpec> spec = MakeSpec(options);
  if (!spec.ok()) return spec.status();
  Result<const NameNormalizer*> norm = NameNormalizer::Get();
  if (!norm.ok()) return norm.status();

  // An inner or left join attaches the matches under --as (by default "matches") unless
  // only --count-as is asked for.
  std::string as = options.as;
  if (AddsMatches(options.kind) && as.empty() && options.count_as.empty()) as = "matches";

  Result<std::unique_ptr<Stream>> stream = Stream::Open(common);
  if (!stream.ok()) return stream.status();
  std::unique_ptr<Output> unpaired;
  if (!options.unpaired_ref.empty()) {
    Result<std::unique_ptr<Output>> opened = Output::Open(options.unpaired_ref);
    if (!opened.ok()) return opened.status();
    unpaired = std::move(*opened);
  }

  Reference::Options ro;
  ro.files = options.refs;
  ro.encoding = options.encoding;
  ro.keep_rows = !as.empty() || unpaired != nullptr;
  ro.track_matches = unpaired != nullptr;
  ro.max_line = static_cast<size_t>(common.max_line);
  ro.fuzzy = options.fuzzy;
  ro.jobs = options.jobs;
  if (options.min_score >= 0) ro.min_score = options.min_score;
  // --unpaired-ref writes whole rows: then --fields cuts the matches when they are written.
  ro.project = !unpaired;
  if (!options.memory.empty()) {
    Result<uint64_t> budget = ParseMemorySize(options.memory);
    if (!budget.ok()) return budget.status();
    uint64_t bytes = 0;
    for (const std::string& file : options.refs) {
      struct stat st;
      if (::stat(file.c_str(), &st) != 0)
        return Status::FromErrno("cannot open '" + file + "'", errno);
      bytes += static_cast<uint64_t>(st.st_size);
    }
    if (size_t partitions = PartitionsFor(bytes, *budget, ro.keep_rows); partitions > 1) {
      GraceJoin grace{options, *spec, **norm, ro, as, partitions};
      CASESIFT_RETURN_IF_ERROR(RunGraceJoin(grace, stream->get(), unpaired.get()));
      CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
      if (unpaired) CASESIFT_RETURN_IF_ERROR(unpaired->Commit());
      return Status::OK();
    }
  }
  Result<std::unique_ptr<Reference>> ref =
      Reference::Load(ro, *spec, **norm, &(*stream)->bad_records());
  if (!ref.ok()) return ref.status();

  JsonlReader& reader = (*stream)->reader();
  BadRecords& bad = (*stream)->bad_records();
  Output& out = (*stream)->out();
  // Each thread looks records up with its own matcher and parser, and formats their lines;
  // the lines are written, and rows marked for --unpaired-ref, in input order. Records go
  // in batches, on one thread too (their lookups overlap: Prober::Probe), except in a live
  // feed, where each is written as soon as it is read.
  bool live = OutputOptionsFor(common).line_buffered;
  unsigned jobs = live ? 1 : options.jobs;
  std::vector<std::unique_ptr<Prober>> probers;
  for (unsigned t = 0; t < jobs; ++t) {
    probers.push_back(std::make_unique<Prober>(*spec, **ref, **norm,
                                               JoinWriter(options.kind, as, options.count_as, &out),
                                               options.best, !ro.project, unpaired != nullptr));
  }
  if (live) {
    Prober& prober = *probers[0];
    JsonlReader::Record rec;
    ProbeResult result;
    std::string text;
    while (reader.Next(&rec)) {
      text.clear();
      prober.Probe(rec, &result, &text);
      CASESIFT_RETURN_IF_ERROR(
          Deliver(result, text, rec.text, &out, &bad, unpaired ? ref->get() : nullptr));
    }
  } else {
    reader.SetParse(false);
    OrderedBatches<ProbeBatch>::Steps steps;
    // 1,024 lines (or 1 MiB): Prober::Probe's pipeline drains at a batch's end, where its
    // last records' prefetches have little time to land; fewer batches, fewer drains.
    steps.read = [&](ProbeBatch* batch) {
      return batch->lines.Fill(&reader, 1024, size_t{1} << 20);
    };
    steps.work = [&](ProbeBatch* batch, unsigned t) { probers[t]->Probe(batch); };
    steps.clear = [](ProbeBatch* batch) { batch->Clear(); };
    steps.write = [&](ProbeBatch* batch) {
      // Without a rejected record or rows to mark, the batch's text is its output.
      if (!unpaired && std::all_of(batch->results.begin(), batch->results.end(),
                                   [](const ProbeResult& r) { return r.error.ok(); })) {
        return out.WriteRecords(batch->text);
      }
      for (size_t i = 0; i < batch->lines.size(); ++i) {
        CASESIFT_RETURN_IF_ERROR(Deliver(batch->results[i], batch->text, batch->lines.Text(i), &out,
                                         &bad, unpaired ? ref->get() : nullptr));
      }
      return Status::OK();
    };
    // A line over --max-line is held by the reader: rejected in its place, then on.
    for (;;) {
      CASESIFT_RETURN_IF_ERROR(OrderedBatches<ProbeBatch>::Run(jobs, steps));
      if (!reader.holding()) break;
      CASESIFT_RETURN_IF_ERROR(reader.RejectHeld());
    }
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  if (unpaired) CASESIFT_RETURN_IF_ERROR(WriteUnpaired(**ref, unpaired.get()));
  CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
  if (unpaired) CASESIFT_RETURN_IF_ERROR(unpaired->Commit());
  return Status::OK();
}

}  // namespace casesift
