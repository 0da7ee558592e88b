// Reference: the rows of the --ref files, held for the join.
//
// Each row is read once: JSON Lines through the common reader, CSV through CsvReader
// (a row becomes an object of its columns, values as strings). For every combination of
// the values its --on paths yield (one value per --on), the row gets a posting in the
// KeyIndex under the combination's join keys (join_key.h), and the combination's raw
// values are kept (length-prefixed) so that a match can say what it compared and whether
// the texts were equal. A row with no key (a path missing, a masked name) can match
// nothing, but still counts for --unpaired-ref.
//
// What is kept per row (the bytes per reference row, BENCHMARKS.md quotes them):
//  - the KeyIndex: about 40 bytes per key;
//  - the compared values: 4 bytes + the text per --on, per combination;
//  - the row's text (for --as: the whole row, or only the --fields) and 16 bytes to find it,
//    only when the output needs it;
//  - 8 bytes for --exclude-same (a hash of the row's value), 1 for --unpaired-ref.
//
// Built once by Load, then read-only, except for the matched flags (MarkMatched).
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_REFERENCE_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_REFERENCE_H_

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "block_arena.h"
#include "combinations.h"
#include "common/bad_records.h"
#include "common/jsonl_reader.h"
#include "common/name_normalize.h"
#include "common/prefetch.h"
#include "common/status.h"
#include "fuzzy_index.h"
#include "huge_page_allocator.h"
#include "join_key.h"
#include "join_spec.h"
#include "key_index.h"

namespace casesift {

// What a reference row gives the index, worked out on any thread (Reference::PrepareRow).
struct PreparedRow {
  std::vector<KeyHash> keys;  // per combination of key values
  std::string values;         // per combination, its raw values (AppendValue), up to ends[c]
  std::vector<uint32_t> ends;
  std::string kept;  // the row's --fields, when `projected`
  bool projected = false;
  bool in_map = false;   // the row's text is the file mapping's bytes at its offset
  uint64_t exclude = 0;  // hash of the --exclude-same value, 0: none
  void Clear();
};

// Scratch space for Reference::PrepareRow, kept between rows: one per thread.
struct RowScratch {
  KeyParts parts;
  JoinValue value;
  std::string key, values;
  std::vector<size_t> choice;
};

class Reference {
 public:
  struct Options {
    std::vector<std::string> files;  // --ref, in order; "*.csv" is CSV, anything else JSONL
    std::string encoding = "utf-8";  // of CSV files: utf-8 or gb18030
    bool keep_rows = false;          // keep each row's text
    bool project = true;             // ... cut to the spec's --fields, if any
    bool track_matches = false;      // for --unpaired-ref
    size_t max_line = size_t{64} << 20;
    bool fuzzy = false;      // build the --fuzzy tier's index too
    double min_score = 0.5;  // its least score
    unsigned jobs = 1;       // threads to prepare JSON Lines rows on (not with fuzzy)
  };

  // Reads every file. A malformed row is handed to `bad` (under --on-error=fail the load
  // stops with its located error). Errors: IoError for a file that cannot be read.
  static Result<std::unique_ptr<Reference>> Load(const Options& options, const JoinSpec& spec,
                                                 const NameNormalizer& norm, BadRecords* bad);

  // A partition of a reference (grace_join.h): a file of "ROW\t{json}" lines, each row
  // numbered in the whole reference, in increasing order. Rows take local numbers 0, 1, ...
  // in the index; GlobalRow gives the whole reference's. Every row is valid JSON (the
  // partitioner wrote it), so errors are I/O errors.
  static Result<std::unique_ptr<Reference>> LoadPartition(const std::string& path,
                                                          const Options& options,
                                                          const JoinSpec& spec,
                                                          const NameNormalizer& norm);
  uint32_t GlobalRow(uint32_t row) const { return global_.empty() ? row : global_[row]; }

  const KeyIndex& index() const { return index_; }
  // The --fuzzy tier; null without Options::fuzzy.
  const FuzzyIndex* fuzzy() const { return fuzzy_.get(); }
  uint32_t rows() const { return rows_; }

  // The compared raw values of a posting, one per --on, in order.
  void ValuesOf(const KeyIndex::Posting& posting, std::vector<std::string_view>* out) const;

  // Ask for what a match on `posting` reads to be fetched into the cache: its values and
  // where its row's text is (PrefetchPosting), then that text (PrefetchRow, after).
  void PrefetchPosting(const KeyIndex::Posting& posting) const {
    // The values: a 4-byte length and the text. A credit code's entry (22 bytes) crosses
    // into the next line a third of the time: its last byte is asked for too.
    std::string_view values = values_.FromHandle(posting.values);
    PrefetchLine(values.data());
    PrefetchLine(values.data() + std::min<size_t>(31, values.size() - 1));
    if (!texts_.empty()) PrefetchLine(&texts_[posting.row]);
    if (!exclude_.empty()) PrefetchLine(&exclude_[posting.row]);
  }
  void PrefetchRow(uint32_t row) const {
    if (texts_.empty()) return;
    std::string_view text = texts_[row];
    // Its first lines, and the last, where the match is spliced in.
    for (size_t at = 0; at < text.size() && at < 256; at += 64) {
      PrefetchLine(text.data() + at);
    }
    if (!text.empty()) PrefetchLine(text.data() + text.size() - 1);
  }

  // The row's kept text (Options::keep_rows): the row as written (a CSV row as a JSON
  // object), or an object of its --fields. Valid while the Reference lives.
  std::string_view RowText(uint32_t row) const { return texts_[row]; }

  // For --exclude-same: whether `row` has a value at the right-hand path and its hash.
  bool ExcludeHash(uint32_t row, uint64_t* hash) const {
    if (exclude_.empty() || exclude_[row] == 0) return false;
    *hash = exclude_[row];
    return true;
  }

  void MarkMatched(uint32_t row) { matched_[row] = 1; }
  bool matched(uint32_t row) const { return matched_[row] != 0; }

  // Bytes held: index, values, texts and per-row tables.
  size_t bytes() const;

  ~Reference();
  Reference(const Reference&) = delete;
  Reference& operator=(const Reference&) = delete;

 private:
  Reference() = default;
  // Works out what a row gives the index: thread-safe (scratch in `scratch`). An
  // InvalidData status rejects the row.
  static Status PrepareRow(simdjson::dom::element root, const JoinSpec& spec,
                           const NameNormalizer& norm, const Options& options, RowScratch* scratch,
                           PreparedRow* out);
  // Adds a prepared row, numbered next; `text` is the row as read, from `offset` in the
  // file being loaded (kNoOffset: not from a file).
  Status CommitRow(const PreparedRow& prepared, std::string_view text, uint64_t offset,
                   const JoinSpec& spec, const Options& options);
  // Whether `text`, read from `offset` in the file being loaded, is still the bytes of
  // its mapping there (then the row is kept as a view into it). Thread-safe.
  bool InMap(std::string_view text, uint64_t offset) const;
  // Once the first rows of a file of `file_size_` bytes are in, up to its byte `end`:
  // makes room for as many more as the rest of the file probably holds.
  void ReserveFor(uint64_t end, const JoinSpec& spec, const Options& options);
  // Loads the JSON Lines `file` from map_ (its mapping), on options.jobs threads: each
  // reads whole lines of the mapping itself, so that no line is copied, and the rows are
  // committed in order. The same rows, rejects and errors as LoadJsonlInParallel.
  Status LoadMapped(const std::string& file, const Options& options, const JoinSpec& spec,
                    const NameNormalizer& norm, BadRecords* bad);
  Status LoadJsonlInParallel(JsonlReader* reader, const Options& options, const JoinSpec& spec,
                             const NameNormalizer& norm, BadRecords* bad);
  // Adds one row. An InvalidData status rejects the row, which then leaves no trace.
  Status AddRow(simdjson::dom::element root, std::string_view text, uint64_t offset,
                const JoinSpec& spec, const NameNormalizer& norm, const Options& options);

  KeyIndex index_;
  std::unique_ptr<FuzzyIndex> fuzzy_;
  uint32_t rows_ = 0;
  BlockArena values_;  // per posting: for each --on, a 4-byte length and the raw text
  BlockArena text_arena_;
  HugeVector<std::string_view> texts_;  // per row: in text_arena_, or in a file's mapping
  // The JSON Lines files being or already loaded, mapped read-only (munmap'd by the
  // destructor): a whole row is kept as a view into its file's mapping rather than a copy,
  // since the mapped pages are the page cache's and cost no fresh memory to clear and copy
  // into. map_ is the file being loaded; empty when it could not be mapped.
  std::vector<std::string_view> maps_;
  std::string_view map_;

  HugeVector<uint64_t> exclude_;  // per row: hash of the --exclude-same value, 0: none
  HugeVector<uint8_t> matched_;
  std::vector<uint32_t> global_;  // a partition's rows' numbers in the whole reference
  uint64_t file_size_ = 0;        // of the file being loaded, when a regular file
  uint32_t file_rows_ = 0;        // its rows so far
  // Scratch for AddRow.
  KeyParts parts_;  // sized to the --on paths
  RowScratch scratch_;
  PreparedRow prepared_;
};

// Whether a reference file is CSV: its name ends in .csv, in any case.
bool IsCsvFile(std::string_view file);

// Calls `row` with each row of a reference file, in order: a JSON Lines record, or a CSV row
// as an object of its columns (values as strings) with that object's text. Malformed rows go
// to `bad`; so does a row for which `row` returns InvalidData (located at the row's start,
// with its message). Any other error from `row` stops the reading and is returned.
// `offset` is where a JSON Lines row's text starts in its file; kNoOffset for a CSV row.
inline constexpr uint64_t kNoOffset = UINT64_MAX;
using ReferenceRowFn =
    std::function<Status(simdjson::dom::element root, std::string_view text, uint64_t offset)>;
Status ForEachReferenceRow(const std::string& file, const Reference::Options& options,
                           BadRecords* bad, const ReferenceRowFn& row);

// Appends to *out an object of `fields` of `root`: each path's text as the member name, its
// first value (or, for a multi-valued path, an array of its values); missing ones left out.
void AppendProjection(simdjson::dom::element root, const std::vector<FieldPath>& fields,
                      std::string* out);
// The same from a row's text. REQUIRES: `row` is a valid JSON object (a kept row).
Status ProjectFields(std::string_view row, const std::vector<FieldPath>& fields,
                     simdjson::dom::parser* parser, std::string* out);

// The hash --exclude-same compares: of the value's text (a string unescaped, else its JSON);
// never 0.
uint64_t ExcludeValueHash(simdjson::dom::element value);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_REFERENCE_H_
