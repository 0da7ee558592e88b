#include "entity_join.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "common/csv_reader.h"
#include "common/json_builder.h"
#include "common/name_normalize.h"
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

  JoinMatcher matcher(*spec, **ref, **norm);
  JsonlReader& reader = (*stream)->reader();
  BadRecords& bad = (*stream)->bad_records();
  JoinWriter writer(options.kind, as, options.count_as, &(*stream)->out());
  std::vector<JoinMatch> matches;
  std::vector<std::string> elements;
  simdjson::dom::parser row_parser;
  JsonlReader::Record rec;
  while (reader.Next(&rec)) {
    Status found = matcher.Find(rec.root, &matches);
    if (!found.ok()) {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(reader.ErrorAt(rec, 0, found.message()), rec.text));
      continue;
    }
    if (options.best) JoinMatcher::KeepBest(&matches);
    if (unpaired) {
      for (const JoinMatch& m : matches) (*ref)->MarkMatched(m.row);
    }
    elements.resize(writer.wants_elements() ? matches.size() : 0);
    for (size_t i = 0; i < elements.size(); ++i) {
      elements[i].clear();
      CASESIFT_RETURN_IF_ERROR(
          AppendElement(matcher, **ref, matches[i], *spec, !ro.project, &row_parser, &elements[i]));
    }
    CASESIFT_RETURN_IF_ERROR(writer.Write(rec.text, elements, matches.size()));
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  if (unpaired) CASESIFT_RETURN_IF_ERROR(WriteUnpaired(**ref, unpaired.get()));
  CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
  if (unpaired) CASESIFT_RETURN_IF_ERROR(unpaired->Commit());
  return Status::OK();
}

}  // namespace casesift
