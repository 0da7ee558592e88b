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
struct ProbeBatch {
  struct Result {
    Status error;                // a malformed record, or one with too many keys
    bool write = false;          // `line` is to be written
    std::string line;            // the record's output line
    std::vector<uint32_t> rows;  // the rows it matched (for --unpaired-ref)
  };
  JsonlBatch lines;
  std::vector<Result> results;
  bool empty() const { return lines.empty(); }
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

  // A parsed record.
  void Probe(const JsonlReader::Record& rec, ProbeBatch::Result* result) {
    result->error = matcher_.Find(rec.root, &matches_);
    if (!result->error.ok()) {
      result->error = JsonlReader::ErrorAt(rec, 0, result->error.message());
      return;
    }
    if (best_) JoinMatcher::KeepBest(&matches_);
    elements_.resize(writer_.wants_elements() ? matches_.size() : 0);
    for (size_t i = 0; i < elements_.size(); ++i) {
      elements_[i].clear();
      result->error = AppendElement(matcher_, ref_, matches_[i], spec_, project_here_, &row_parser_,
                                    &elements_[i]);
      if (!result->error.ok()) return;
    }
    std::string_view line;
    result->write = writer_.Format(rec.text, elements_, matches_.size(), &line);
    if (result->write) result->line.assign(line);
    result->rows.clear();
    if (track_) {
      for (const JoinMatch& m : matches_) result->rows.push_back(m.row);
    }
  }

  // A batch of unparsed lines.
  void Probe(ProbeBatch* batch) {
    batch->results.resize(batch->lines.size());
    for (size_t i = 0; i < batch->lines.size(); ++i) {
      JsonlReader::Record rec = batch->lines.Record(i);
      ProbeBatch::Result& result = batch->results[i];
      result.error = JsonlReader::ParseRecord(&parser_, &rec, /*padded=*/true);
      if (result.error.ok()) Probe(rec, &result);
    }
  }

 private:
  const JoinSpec& spec_;
  const Reference& ref_;
  JoinMatcher matcher_;
  JoinWriter writer_;
  bool best_, project_here_, track_;
  std::vector<JoinMatch> matches_;
  std::vector<std::string> elements_;
  simdjson::dom::parser parser_, row_parser_;
};

// Writes a record's outcome: its line, or its rejection.
Status Deliver(const ProbeBatch::Result& result, std::string_view text, Output* out,
               BadRecords* bad, Reference* track) {
  if (!result.error.ok()) return bad->Reject(result.error, text);
  if (track != nullptr) {
    for (uint32_t row : result.rows) track->MarkMatched(row);
  }
  return result.write ? out->WriteRecord(result.line) : Status::OK();
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
  // the lines are written, and rows marked for --unpaired-ref, in input order.
  unsigned jobs = OutputOptionsFor(common).line_buffered ? 1 : options.jobs;
  std::vector<std::unique_ptr<Prober>> probers;
  for (unsigned t = 0; t < jobs; ++t) {
    probers.push_back(std::make_unique<Prober>(*spec, **ref, **norm,
                                               JoinWriter(options.kind, as, options.count_as, &out),
                                               options.best, !ro.project, unpaired != nullptr));
  }
  if (jobs == 1) {
    Prober& prober = *probers[0];
    JsonlReader::Record rec;
    while (reader.Next(&rec)) {
      ProbeBatch::Result result;
      prober.Probe(rec, &result);
      CASESIFT_RETURN_IF_ERROR(
          Deliver(result, rec.text, &out, &bad, unpaired ? ref->get() : nullptr));
    }
  } else {
    reader.SetParse(false);
    OrderedBatches<ProbeBatch>::Steps steps;
    steps.read = [&](ProbeBatch* batch) {
      return batch->lines.Fill(&reader, 256, size_t{1} << 20);
    };
    steps.work = [&](ProbeBatch* batch, unsigned t) { probers[t]->Probe(batch); };
    steps.write = [&](ProbeBatch* batch) {
      for (size_t i = 0; i < batch->lines.size(); ++i) {
        CASESIFT_RETURN_IF_ERROR(Deliver(batch->results[i], batch->lines.Text(i), &out, &bad,
                                         unpaired ? ref->get() : nullptr));
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
