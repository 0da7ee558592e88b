#include "grace_join.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/jsonl_reader.h"
#include "join_key.h"
#include "join_matcher.h"
#include "join_output.h"
#include "key_index.h"

namespace casesift {

namespace {

// A scratch folder, removed with its files when it goes.
class ScratchDir {
 public:
  Status Create() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/entity-join.XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      return Status::FromErrno("cannot create a temporary folder " + pattern, errno);
    }
    path_ = pattern;
    return Status::OK();
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// A temporary file written line by line, then read back line by line.
class LineFile {
 public:
  explicit LineFile(std::string path) : path_(std::move(path)) {}
  ~LineFile() {
    if (f_ != nullptr) std::fclose(f_);
    std::free(line_);
  }
  Status OpenWrite() { return Open("wb"); }
  Status OpenRead() {
    if (f_ != nullptr) {
      FILE* f = f_;
      f_ = nullptr;
      if (std::fclose(f) != 0) return Status::FromErrno("cannot write " + path_, errno);
    }
    return Open("rb");
  }
  // Writes the pieces and a '\n'.
  Status Write(std::initializer_list<std::string_view> pieces) {
    for (std::string_view p : pieces) {
      if (std::fwrite(p.data(), 1, p.size(), f_) != p.size()) return WriteError();
    }
    return std::fputc('\n', f_) == EOF ? WriteError() : Status::OK();
  }
  // The next line without its '\n'; false at the end (status() tells an error).
  bool Next(std::string_view* line) {
    ssize_t n = ::getline(&line_, &capacity_, f_);
    if (n <= 0) return false;
    *line = std::string_view(line_, static_cast<size_t>(n));
    if (line->back() == '\n') line->remove_suffix(1);
    return true;
  }
  Status status() const {
    return std::ferror(f_) ? Status::FromErrno("cannot read " + path_, errno) : Status::OK();
  }
  const std::string& path() const { return path_; }

 private:
  Status Open(const char* mode) {
    f_ = std::fopen(path_.c_str(), mode);
    if (f_ == nullptr) return Status::FromErrno("cannot open " + path_, errno);
    std::setvbuf(f_, nullptr, _IOFBF, size_t{1} << 18);
    return Status::OK();
  }
  Status WriteError() const { return Status::FromErrno("cannot write " + path_, errno); }

  std::string path_;
  FILE* f_ = nullptr;
  char* line_ = nullptr;
  size_t capacity_ = 0;
};

// The partitions a record's key combinations hash to, each once, ascending.
void PartitionsOf(const KeyParts& parts, size_t count, std::vector<uint32_t>* out) {
  out->clear();
  std::string key, values;
  std::vector<size_t> choice;
  ForEachCombination(parts, &key, &values, &choice,
                     [&](const std::string& k, const std::string&, const std::vector<size_t>&) {
                       out->push_back(static_cast<uint32_t>(HashKey(k).low % count));
                     });
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

std::string CombinationError(const char* what) {
  return fmt::format("the --on paths yield more than {} combinations of values in this {}",
                     kMaxCombinations, what);
}

// One match read back from a result file.
struct Found {
  uint32_t row;
  uint32_t tier;
  uint32_t combo;
  std::string element;
};

template <typename T>
bool ParseNumber(std::string_view* text, T* out) {
  size_t tab = text->find('\t');
  if (tab == std::string_view::npos) return false;
  if (std::from_chars(text->data(), text->data() + tab, *out).ec != std::errc()) return false;
  text->remove_prefix(tab + 1);
  return true;
}

class GraceRun {
 public:
  GraceRun(const GraceJoin& join, Stream* stream, Output* unpaired)
      : join_(join), stream_(stream), unpaired_(unpaired) {}

  Status Run() {
    CASESIFT_RETURN_IF_ERROR(dir_.Create());
    size_t p = join_.partitions;
    for (size_t i = 0; i < p; ++i) {
      refs_.push_back(std::make_unique<LineFile>(dir_.File(fmt::format("ref{}", i))));
      lefts_.push_back(std::make_unique<LineFile>(dir_.File(fmt::format("left{}", i))));
      results_.push_back(std::make_unique<LineFile>(dir_.File(fmt::format("found{}", i))));
      CASESIFT_RETURN_IF_ERROR(refs_.back()->OpenWrite());
      CASESIFT_RETURN_IF_ERROR(lefts_.back()->OpenWrite());
    }
    CASESIFT_RETURN_IF_ERROR(PartitionReference());
    CASESIFT_RETURN_IF_ERROR(PartitionInput());
    for (size_t i = 0; i < p; ++i) CASESIFT_RETURN_IF_ERROR(JoinPartition(i));
    return Merge();
  }

 private:
  // Step 1.
  Status PartitionReference() {
    if (unpaired_ != nullptr) {
      ref_spool_ = std::make_unique<LineFile>(dir_.File("ref"));
      CASESIFT_RETURN_IF_ERROR(ref_spool_->OpenWrite());
    }
    for (const std::string& file : join_.reference.files) {
      CASESIFT_RETURN_IF_ERROR(
          ForEachReferenceRow(file, join_.reference, &stream_->bad_records(),
                              [&](simdjson::dom::element root, std::string_view text, uint64_t) {
                                return PartitionRow(root, text);
                              }));
    }
    return Status::OK();
  }

  // Numbers a reference row and writes it to its partitions. InvalidData rejects a row with
  // too many combinations (it is then not numbered, as a join in memory rejects it).
  Status PartitionRow(simdjson::dom::element root, std::string_view text) {
    CollectKeyParts(root, join_.spec, false, join_.norm, &parts_, &value_);
    if (CountCombinations(parts_, kMaxCombinations) > kMaxCombinations) {
      return Status::InvalidData(CombinationError("row"));
    }
    std::string number = fmt::format("{}", rows_++);
    PartitionsOf(parts_, join_.partitions, &partitions_);
    for (uint32_t p : partitions_) CASESIFT_RETURN_IF_ERROR(refs_[p]->Write({number, "\t", text}));
    return ref_spool_ ? ref_spool_->Write({text}) : Status::OK();
  }

  // Step 2.
  Status PartitionInput() {
    spool_ = std::make_unique<LineFile>(dir_.File("input"));
    CASESIFT_RETURN_IF_ERROR(spool_->OpenWrite());
    JsonlReader& reader = stream_->reader();
    JsonlReader::Record rec;
    while (reader.Next(&rec)) {
      CollectKeyParts(rec.root, join_.spec, true, join_.norm, &parts_, &value_);
      size_t count = CountCombinations(parts_, kMaxCombinations);
      if (count > kMaxCombinations) {
        CASESIFT_RETURN_IF_ERROR(stream_->bad_records().Reject(
            reader.ErrorAt(rec, 0, CombinationError("record")), rec.text));
        continue;
      }
      std::string number = fmt::format("{}", records_++);
      CASESIFT_RETURN_IF_ERROR(spool_->Write({rec.text}));
      PartitionsOf(parts_, join_.partitions, &partitions_);
      for (uint32_t p : partitions_) {
        CASESIFT_RETURN_IF_ERROR(lefts_[p]->Write({number, "\t", rec.text}));
      }
    }
    return reader.status();
  }

  // Step 3.
  Status JoinPartition(size_t p) {
    CASESIFT_RETURN_IF_ERROR(refs_[p]->OpenRead());  // flushes it
    Result<std::unique_ptr<Reference>> ref =
        Reference::LoadPartition(refs_[p]->path(), join_.reference, join_.spec, join_.norm);
    if (!ref.ok()) return ref.status();
    refs_[p].reset();
    std::filesystem::remove(dir_.File(fmt::format("ref{}", p)));
    JoinMatcher matcher(join_.spec, **ref, join_.norm);
    LineFile& left = *lefts_[p];
    LineFile& out = *results_[p];
    CASESIFT_RETURN_IF_ERROR(left.OpenRead());
    CASESIFT_RETURN_IF_ERROR(out.OpenWrite());
    std::vector<JoinMatch> matches;
    std::string element;
    std::string_view line;
    while (left.Next(&line)) {
      std::string_view seq = line.substr(0, line.find('\t'));
      std::string_view text = line.substr(seq.size() + 1);
      simdjson::dom::element root;
      if (parser_.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) {
        return Status::IoError("the partition " + left.path() + " is damaged");
      }
      CASESIFT_RETURN_IF_ERROR(matcher.Find(root, &matches));
      for (const JoinMatch& m : matches) {
        element.clear();
        if (!join_.as.empty()) {
          CASESIFT_RETURN_IF_ERROR(AppendElement(matcher, **ref, m, join_.spec,
                                                 !join_.reference.project, &row_parser_, &element));
        }
        CASESIFT_RETURN_IF_ERROR(out.Write({seq, "\t", fmt::format("{}", (*ref)->GlobalRow(m.row)),
                                            "\t", fmt::format("{}", static_cast<int>(m.tier)), "\t",
                                            fmt::format("{}", m.combo), "\t", element}));
      }
    }
    return left.status();
  }

  // Step 4.
  Status Merge() {
    size_t p = join_.partitions;
    std::vector<std::string_view> current(p);
    std::vector<bool> more(p);
    std::vector<uint64_t> seq_of(p);
    for (size_t i = 0; i < p; ++i) {
      CASESIFT_RETURN_IF_ERROR(results_[i]->OpenRead());
      more[i] = Advance(i, &current[i], &seq_of[i]);
    }
    CASESIFT_RETURN_IF_ERROR(spool_->OpenRead());
    JoinWriter writer(join_.options.kind, join_.as, join_.options.count_as, &stream_->out());
    std::vector<uint8_t> matched(unpaired_ != nullptr ? rows_ : 0, 0);
    std::vector<Found> found;
    std::vector<std::string> elements;
    std::string_view record;
    for (uint64_t seq = 0; spool_->Next(&record); ++seq) {
      found.clear();
      for (size_t i = 0; i < p; ++i) {
        while (more[i] && seq_of[i] == seq) {
          Found f;
          std::string_view rest = current[i];
          if (!ParseNumber(&rest, &f.row) || !ParseNumber(&rest, &f.tier) ||
              !ParseNumber(&rest, &f.combo)) {
            return Status::IoError("the result file " + results_[i]->path() + " is damaged");
          }
          f.element.assign(rest);
          found.push_back(std::move(f));
          more[i] = Advance(i, &current[i], &seq_of[i]);
        }
      }
      std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.row != b.row) return a.row < b.row;
        return a.tier != b.tier ? a.tier < b.tier : a.combo < b.combo;
      });
      found.erase(std::unique(found.begin(), found.end(),
                              [](const Found& a, const Found& b) { return a.row == b.row; }),
                  found.end());
      if (join_.options.best && found.size() > 1) {
        // Exact tiers score 1: the strongest tier, then the first row.
        auto best =
            std::min_element(found.begin(), found.end(), [](const Found& a, const Found& b) {
              return a.tier != b.tier ? a.tier < b.tier : a.row < b.row;
            });
        Found kept = std::move(*best);
        found.clear();
        found.push_back(std::move(kept));
      }
      elements.resize(writer.wants_elements() ? found.size() : 0);
      for (size_t i = 0; i < elements.size(); ++i) elements[i] = std::move(found[i].element);
      for (const Found& f : found) {
        if (!matched.empty()) matched[f.row] = 1;
      }
      CASESIFT_RETURN_IF_ERROR(writer.Write(record, elements, found.size()));
    }
    CASESIFT_RETURN_IF_ERROR(spool_->status());
    if (unpaired_ == nullptr) return Status::OK();
    CASESIFT_RETURN_IF_ERROR(ref_spool_->OpenRead());
    std::string_view row;
    for (uint32_t r = 0; ref_spool_->Next(&row); ++r) {
      if (!matched[r]) CASESIFT_RETURN_IF_ERROR(unpaired_->WriteRecord(row));
    }
    return ref_spool_->status();
  }

  bool Advance(size_t i, std::string_view* line, uint64_t* seq) {
    if (!results_[i]->Next(line)) return false;
    std::string_view rest = *line;
    if (!ParseNumber(&rest, seq)) return false;
    *line = rest;
    return true;
  }

  const GraceJoin& join_;
  Stream* stream_;
  Output* unpaired_;
  ScratchDir dir_;
  std::vector<std::unique_ptr<LineFile>> refs_, lefts_, results_;
  std::unique_ptr<LineFile> ref_spool_, spool_;
  uint32_t rows_ = 0;
  uint64_t records_ = 0;
  KeyParts parts_;
  JoinValue value_;
  std::vector<uint32_t> partitions_;
  simdjson::dom::parser parser_, row_parser_;
};

}  // namespace

Status RunGraceJoin(const GraceJoin& join, Stream* stream, Output* unpaired) {
  GraceRun run(join, stream, unpaired);
  return run.Run();
}

size_t PartitionsFor(uint64_t bytes, uint64_t budget, bool keep_rows) {
  double need = static_cast<double>(bytes) * (keep_rows ? 1.5 : 0.5);
  if (budget == 0 || need <= static_cast<double>(budget)) return 1;
  // At most 256 partitions: each is a file open at once while partitioning.
  return static_cast<size_t>(
      std::min(256.0, std::max(2.0, std::ceil(need / static_cast<double>(budget)))));
}

Result<uint64_t> ParseMemorySize(const std::string& text) {
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  std::string_view unit(end, text.data() + text.size() - end);
  int shift = unit.empty()                 ? 0
              : unit == "K" || unit == "k" ? 10
              : unit == "M" || unit == "m" ? 20
              : unit == "G" || unit == "g" ? 30
              : unit == "T" || unit == "t" ? 40
                                           : -1;
  if (ec != std::errc() || shift < 0 || n == 0 || n > (UINT64_MAX >> shift)) {
    return Status::Usage(
        fmt::format("--memory '{}': give bytes, or a number with K, M, G or T (e.g. 512M)", text));
  }
  return n << shift;
}

}  // namespace casesift
