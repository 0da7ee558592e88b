#include "reference.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "common/hash.h"
#include "common/json_builder.h"
#include "common/jsonl_reader.h"
#include "join_key.h"

namespace casesift {

bool IsCsvFile(std::string_view file) {
  if (file.size() < 4) return false;
  std::string_view ext = file.substr(file.size() - 4);
  return ext[0] == '.' && (ext[1] | 0x20) == 'c' && (ext[2] | 0x20) == 's' &&
         (ext[3] | 0x20) == 'v';
}

void AppendProjection(simdjson::dom::element root, const std::vector<FieldPath>& fields,
                      std::string* out) {
  JsonBuilder b(out);
  b.BeginObject();
  for (const FieldPath& f : fields) {
    std::vector<simdjson::dom::element> all = f.All(root);
    if (all.empty()) continue;
    b.Key(f.text());
    if (f.multi_valued()) b.BeginArray();
    for (simdjson::dom::element e : all) {
      b.Raw(simdjson::minify(e));
      if (!f.multi_valued()) break;
    }
    if (f.multi_valued()) b.EndArray();
  }
  b.EndObject();
}

Status ProjectFields(std::string_view row, const std::vector<FieldPath>& fields,
                     simdjson::dom::parser* parser, std::string* out) {
  simdjson::dom::element root;
  if (parser->parse(row.data(), row.size()).get(root) != simdjson::SUCCESS) {
    return Status::InvalidData("a kept reference row no longer parses");
  }
  AppendProjection(root, fields, out);
  return Status::OK();
}

uint64_t ExcludeValueHash(simdjson::dom::element value) {
  std::string_view s;
  uint64_t h = value.get_string().get(s) == simdjson::SUCCESS
                   ? Hash64(s)
                   : Hash64(std::string(simdjson::minify(value)));
  return h == 0 ? 1 : h;
}

void Reference::ValuesOf(const KeyIndex::Posting& posting,
                         std::vector<std::string_view>* out) const {
  std::string_view rest = values_.FromHandle(posting.values);
  out->clear();
  size_t parts = parts_.size();
  for (size_t p = 0; p < parts && rest.size() >= 4; ++p) {
    uint32_t n;
    std::memcpy(&n, rest.data(), 4);
    out->push_back(rest.substr(4, n));
    rest.remove_prefix(4 + n);
  }
}

Status Reference::AddRow(simdjson::dom::element root, std::string_view text, const JoinSpec& spec,
                         const NameNormalizer& norm, const Options& options) {
  if (rows_ == UINT32_MAX) {
    return Status::InvalidData("more than 4,294,967,294 reference rows: split the reference");
  }
  uint32_t row = rows_;
  JoinValue value;
  CollectKeyParts(root, spec, false, norm, &parts_, &value);
  // Checked before anything is kept, so that a rejected row leaves no trace.
  size_t combinations = CountCombinations(parts_, kMaxCombinations);
  if (combinations > kMaxCombinations) {
    return Status::InvalidData(fmt::format(
        "the --on paths yield more than {} combinations of values in this row", kMaxCombinations));
  }
  size_t longest = 0;
  for (const auto& part : parts_) {
    size_t most = 0;
    for (const auto& kv : part) most = std::max(most, kv.second.size() + 4);
    longest += most;
  }
  if (longest > BlockArena::kBlock) {
    return Status::InvalidData("the values of the --on paths in this row exceed 4 MiB");
  }
  if (values_.bytes() + combinations * longest > (uint64_t{1} << 32) - 2 * BlockArena::kBlock) {
    return Status::InvalidData("the reference's key values exceed 4 GiB: split the reference");
  }
  if (fuzzy_) fuzzy_->AddRow(row, root);
  ForEachCombination(parts_, &combo_key_, &combo_values_, &choice_,
                     [&](const std::string& key, const std::string& values, const auto&) {
                       index_.Add(HashKey(key), {row, *values_.KeepSmall(values)});
                     });
  ++rows_;
  if (options.keep_rows) {
    if (spec.fields.empty() || !options.project) {
      texts_.push_back(text_arena_.Keep(text));
    } else {
      scratch_.clear();
      AppendProjection(root, spec.fields, &scratch_);
      texts_.push_back(text_arena_.Keep(scratch_));
    }
  }
  if (spec.exclude_same) {
    std::optional<simdjson::dom::element> e = spec.exclude_same->right.First(root);
    exclude_.push_back(e ? ExcludeValueHash(*e) : 0);
  }
  return Status::OK();
}

Result<std::unique_ptr<Reference>> Reference::Load(const Options& options, const JoinSpec& spec,
                                                   const NameNormalizer& norm, BadRecords* bad) {
  std::unique_ptr<Reference> ref(new Reference());
  ref->parts_.resize(spec.on.size());
  if (options.fuzzy) ref->fuzzy_ = std::make_unique<FuzzyIndex>(spec, norm, options.min_score);
  for (const std::string& file : options.files) {
    if (IsCsvFile(file)) {
      CASESIFT_RETURN_IF_ERROR(ref->LoadCsv(file, options, spec, norm, bad));
      continue;
    }
    JsonlReader::Options ro;
    ro.inputs = {file};
    ro.max_line = options.max_line;
    JsonlReader reader(ro, bad);
    CASESIFT_RETURN_IF_ERROR(reader.CheckInputs());
    JsonlReader::Record rec;
    while (reader.Next(&rec)) {
      Status s = ref->AddRow(rec.root, rec.text, spec, norm, options);
      if (!s.ok())
        CASESIFT_RETURN_IF_ERROR(bad->Reject(reader.ErrorAt(rec, 0, s.message()), rec.text));
    }
    CASESIFT_RETURN_IF_ERROR(reader.status());
  }
  ref->index_.Build();
  if (ref->fuzzy_) CASESIFT_RETURN_IF_ERROR(ref->fuzzy_->Build());
  if (options.track_matches) ref->matched_.assign(ref->rows_, 0);
  return ref;
}

size_t Reference::bytes() const {
  return index_.bytes() + values_.bytes() + text_arena_.bytes() +
         texts_.capacity() * sizeof(std::string_view) + exclude_.capacity() * sizeof(uint64_t) +
         matched_.capacity();
}

}  // namespace casesift
