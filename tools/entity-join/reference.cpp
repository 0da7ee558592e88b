#include "reference.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "common/hash.h"
#include "common/json_builder.h"
#include "common/jsonl_batch.h"
#include "common/jsonl_reader.h"
#include "common/ordered_batches.h"
#include "join_key.h"

// Linux 5.14; the value is the same on every architecture.
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

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

namespace {

// At most this many threads read a mapping in (MapFile).
constexpr size_t kMaxPopulateThreads = 8;

// A regular file mapped read-only, its pages read in now (they are about to be read
// anyway). With `jobs` above 1, by that many threads (at most kMaxPopulateThreads), each
// a part: the kernel takes about 20 ms to map a reference of 200 MB page by page, time no
// parsing can use otherwise. Where MADV_POPULATE_READ is unknown (Linux before 5.14), those
// pages are read in when first read. Empty for standard input, another kind of file, or a
// failure (then rows are copied as they are read, so nothing depends on it).
std::string_view MapFile(const std::string& file, unsigned jobs) {
  if (file == "-") return {};
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  const size_t parts = std::clamp<size_t>(jobs, 1, kMaxPopulateThreads);
  struct stat st;
  void* map = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                 MAP_PRIVATE | (parts == 1 ? MAP_POPULATE : 0), fd, 0);
  }
  ::close(fd);
  if (map == MAP_FAILED) return {};
  const auto size = static_cast<size_t>(st.st_size);
  auto* base = static_cast<char*>(map);
  if (parts > 1) {
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const size_t part = ((size + parts - 1) / parts + page - 1) / page * page;
    auto populate = [&](size_t i) {
      size_t begin = std::min(size, i * part), end = std::min(size, begin + part);
      if (begin < end) ::madvise(base + begin, end - begin, MADV_POPULATE_READ);
    };
    std::vector<std::thread> threads;
    for (size_t i = 1; i < parts; ++i) threads.emplace_back(populate, i);
    populate(0);
    for (std::thread& t : threads) t.join();
  }
  return {base, size};
}

}  // namespace

void Reference::ValuesOf(const KeyIndex::Posting& posting,
                         std::vector<std::string_view>* out) const {
  SplitValues(values_.FromHandle(posting.values), out, parts_.size());
}

void PreparedRow::Clear() {
  keys.clear();
  values.clear();
  ends.clear();
  kept.clear();
  projected = false;
  in_map = false;
  exclude = 0;
}

Status Reference::PrepareRow(simdjson::dom::element root, const JoinSpec& spec,
                             const NameNormalizer& norm, const Options& options,
                             RowScratch* scratch, PreparedRow* out) {
  out->Clear();
  KeyParts* parts = &scratch->parts;
  CollectKeyParts(root, spec, false, norm, parts, &scratch->value);
  // Checked before anything is kept, so that a rejected row leaves no trace.
  size_t combinations = CountCombinations(*parts, kMaxCombinations);
  if (combinations > kMaxCombinations) {
    return Status::InvalidData(fmt::format(
        "the --on paths yield more than {} combinations of values in this row", kMaxCombinations));
  }
  size_t longest = 0;
  for (const auto& part : *parts) {
    size_t most = 0;
    for (const auto& kv : part) most = std::max(most, kv.second.size() + 4);
    longest += most;
  }
  if (longest > BlockArena::kBlock) {
    return Status::InvalidData("the values of the --on paths in this row exceed 4 MiB");
  }
  ForEachCombination(*parts, &scratch->key, &scratch->values, &scratch->choice,
                     [&](const std::string& k, const std::string& v, const auto&) {
                       out->keys.push_back(HashKey(k));
                       out->values.append(v);
                       out->ends.push_back(static_cast<uint32_t>(out->values.size()));
                     });
  if (options.keep_rows && !spec.fields.empty() && options.project) {
    AppendProjection(root, spec.fields, &out->kept);
    out->projected = true;
  }
  if (spec.exclude_same) {
    std::optional<simdjson::dom::element> e = spec.exclude_same->right.First(root);
    out->exclude = e ? ExcludeValueHash(*e) : 0;
  }
  return Status::OK();
}

Status Reference::CommitRow(const PreparedRow& prepared, std::string_view text, uint64_t offset,
                            const JoinSpec& spec, const Options& options) {
  if (rows_ == UINT32_MAX) {
    return Status::InvalidData("more than 4,294,967,294 reference rows: split the reference");
  }
  if (values_.bytes() + prepared.values.size() + 4 * BlockArena::kBlock > (uint64_t{1} << 32)) {
    return Status::InvalidData("the reference's key values exceed 4 GiB: split the reference");
  }
  uint32_t row = rows_++;
  size_t begin = 0;
  for (size_t c = 0; c < prepared.keys.size(); ++c) {
    std::string_view v = std::string_view(prepared.values).substr(begin, prepared.ends[c] - begin);
    begin = prepared.ends[c];
    index_.Add(prepared.keys[c], {row, *values_.KeepSmall(v)});
  }
  if (options.keep_rows) {
    // The row's bytes in the mapping, when they are still the bytes read (a file changed
    // in between is copied from what was read, as any other).
    if (!prepared.projected && prepared.in_map) {
      texts_.push_back(map_.substr(offset, text.size()));
    } else {
      texts_.push_back(text_arena_.Keep(prepared.projected ? prepared.kept : text));
    }
  }
  if (spec.exclude_same) exclude_.push_back(prepared.exclude);
  // A few thousand rows tell the size of a row, and so about how many the file holds.
  constexpr uint32_t kSample = 4096;
  if (++file_rows_ == kSample && file_size_ > 0 && offset != kNoOffset) {
    ReserveFor(offset + text.size(), spec, options);
  }
  return Status::OK();
}

bool Reference::InMap(std::string_view text, uint64_t offset) const {
  return offset != kNoOffset && offset <= map_.size() && text.size() <= map_.size() - offset &&
         std::memcmp(map_.data() + offset, text.data(), text.size()) == 0;
}

void Reference::ReserveFor(uint64_t end, const JoinSpec& spec, const Options& options) {
  if (end == 0 || end >= file_size_) return;
  // The rest of the file at the rate so far, and a sixteenth more.
  uint64_t more = (file_size_ - end) * file_rows_ / end;
  more += more / 16;
  if (more > (uint64_t{1} << 32)) return;
  const uint64_t rows = rows_ + more;
  if (options.keep_rows) texts_.reserve(rows);
  if (spec.exclude_same) exclude_.reserve(rows);
  index_.Reserve(static_cast<size_t>(more * index_.pending() / rows_));
}

Status Reference::AddRow(simdjson::dom::element root, std::string_view text, uint64_t offset,
                         const JoinSpec& spec, const NameNormalizer& norm, const Options& options) {
  CASESIFT_RETURN_IF_ERROR(PrepareRow(root, spec, norm, options, &scratch_, &prepared_));
  prepared_.in_map = InMap(text, offset);
  uint32_t row = rows_;
  CASESIFT_RETURN_IF_ERROR(CommitRow(prepared_, text, offset, spec, options));
  if (fuzzy_) fuzzy_->AddRow(row, root);
  return Status::OK();
}

namespace {

// A batch of reference lines, prepared on any thread and committed in order.
struct LoadBatch {
  JsonlBatch lines;
  std::vector<PreparedRow> rows;
  std::vector<Status> errors;
  bool empty() const { return lines.empty(); }
};

}  // namespace

Status Reference::LoadJsonlInParallel(JsonlReader* reader, const Options& options,
                                      const JoinSpec& spec, const NameNormalizer& norm,
                                      BadRecords* bad) {
  reader->SetParse(false);
  struct Scratch {
    simdjson::dom::parser parser;
    RowScratch row;
  };
  std::vector<Scratch> scratch(options.jobs);
  OrderedBatches<LoadBatch>::Steps steps;
  steps.read = [&](LoadBatch* batch) { return batch->lines.Fill(reader, 512, size_t{1} << 20); };
  // A written batch is filled again: its buffers (and its rows' scratch) keep their memory.
  steps.clear = [](LoadBatch* batch) { batch->lines.Clear(); };
  steps.work = [&](LoadBatch* batch, unsigned t) {
    size_t n = batch->lines.size();
    batch->rows.resize(n);
    batch->errors.resize(n);
    for (size_t i = 0; i < n; ++i) {
      JsonlReader::Record rec = batch->lines.Record(i);
      Status st = JsonlReader::ParseRecord(&scratch[t].parser, &rec, /*padded=*/true);
      if (st.ok()) {
        st = PrepareRow(rec.root, spec, norm, options, &scratch[t].row, &batch->rows[i]);
        if (!st.ok()) st = JsonlReader::ErrorAt(rec, 0, st.message());
        batch->rows[i].in_map = st.ok() && InMap(rec.text, rec.offset);
      }
      batch->errors[i] = std::move(st);
    }
  };
  steps.write = [&](LoadBatch* batch) {
    for (size_t i = 0; i < batch->lines.size(); ++i) {
      std::string_view text = batch->lines.Text(i);
      Status st = batch->errors[i];
      if (st.ok()) {
        st = CommitRow(batch->rows[i], text, batch->lines.Record(i).offset, spec, options);
      }
      if (!st.ok()) CASESIFT_RETURN_IF_ERROR(bad->Reject(st, text));
    }
    return Status::OK();
  };
  for (;;) {
    CASESIFT_RETURN_IF_ERROR(OrderedBatches<LoadBatch>::Run(options.jobs, steps));
    if (!reader->holding()) break;
    CASESIFT_RETURN_IF_ERROR(reader->RejectHeld());
  }
  return reader->status();
}

Result<std::unique_ptr<Reference>> Reference::Load(const Options& options, const JoinSpec& spec,
                                                   const NameNormalizer& norm, BadRecords* bad) {
  std::unique_ptr<Reference> ref(new Reference());
  ref->parts_.resize(spec.on.size());
  if (options.fuzzy) ref->fuzzy_ = std::make_unique<FuzzyIndex>(spec, norm, options.min_score);
  for (const std::string& file : options.files) {
    ref->map_ = {};
    ref->file_rows_ = 0;
    struct stat st;
    ref->file_size_ = file != "-" && ::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode)
                          ? static_cast<uint64_t>(st.st_size)
                          : 0;
    // Mapped when whole rows are kept (not only their --fields).
    bool whole_rows = options.keep_rows && (spec.fields.empty() || !options.project);
    if (whole_rows && !IsCsvFile(file)) {
      ref->map_ = MapFile(file, options.jobs);
      if (!ref->map_.empty()) ref->maps_.push_back(ref->map_);
    }
    if (!ref->map_.empty() && !ref->fuzzy_) {
      CASESIFT_RETURN_IF_ERROR(ref->LoadMapped(file, options, spec, norm, bad));
      continue;
    }
    if (options.jobs > 1 && !ref->fuzzy_ && !IsCsvFile(file)) {
      JsonlReader::Options ro;
      ro.inputs = {file};
      ro.max_line = options.max_line;
      JsonlReader reader(ro, bad);
      CASESIFT_RETURN_IF_ERROR(reader.CheckInputs());
      CASESIFT_RETURN_IF_ERROR(ref->LoadJsonlInParallel(&reader, options, spec, norm, bad));
      continue;
    }
    CASESIFT_RETURN_IF_ERROR(ForEachReferenceRow(
        file, options, bad,
        [&](simdjson::dom::element root, std::string_view text, uint64_t offset) {
          return ref->AddRow(root, text, offset, spec, norm, options);
        }));
  }
  ref->map_ = {};
  // The loading's scratch is free again: give its pages back before the index, the
  // biggest allocation, is built (the peak of the run's memory).
  ::malloc_trim(0);
  ref->index_.Build(options.jobs);
  if (ref->fuzzy_) CASESIFT_RETURN_IF_ERROR(ref->fuzzy_->Build());
  if (options.track_matches) ref->matched_.assign(ref->rows_, 0);
  return ref;
}

Reference::~Reference() {
  for (std::string_view map : maps_) ::munmap(const_cast<char*>(map.data()), map.size());
}

size_t Reference::bytes() const {
  return index_.bytes() + values_.bytes() + text_arena_.bytes() +
         texts_.capacity() * sizeof(std::string_view) + exclude_.capacity() * sizeof(uint64_t) +
         matched_.capacity();
}

}  // namespace casesift
