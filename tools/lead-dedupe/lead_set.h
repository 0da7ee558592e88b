// LeadSet: the leads of one run, collapsed by key (lead-dedupe's first job).
//
// A lead's key is the values of the -k paths (default lead_id), written canonically as a
// JSON object from each path as given to its value (minified; an array of the values when a
// path yields several): {"lead_id":"sham-divorce:5b8e0f9a3c2d1e44"}. A lead whose key path
// yields nothing is malformed (it cannot be deduplicated) and goes to the rejects.
//
// Leads with the same key become one, kept in the order of the key's first lead. The merged
// lead is the text of that first lead, byte for byte, with these members set when the key
// had more than one lead (a key seen once keeps every byte):
//   case_nos     the union of the leads' case_nos, sorted by byte order, each once;
//   count        the number of those case numbers, or the largest count given when larger
//                (a lead may count members without listing them);
//   first_date   the earliest; last_date the latest (ISO dates compare as text);
//   level        the highest (info < low < medium < high < critical);
//   evidence     the members of every lead's evidence object, in the order first seen;
//                where two leads give one member different values, the later lead in the
//                input wins (as jq's `*` merges objects): a rerun's figures replace older
//                ones.
// A member none of the leads had is not added. The lead's own `dedupe` member (from an
// earlier lead-dedupe) is read, not trusted: its seen_count adds to the key's, so that
// deduplicating a deduplicated stream changes nothing.
//
// Memory: per distinct key, the key, lead_id and rule in an arena, and 176 bytes; the first
// lead's text as LeadTexts keeps it (read back from a file, or copied from a pipe); a key
// with several leads also its case numbers and evidence members.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_SET_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_SET_H_

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/field_path.h"
#include "common/jsonl_reader.h"
#include "common/rule_level.h"
#include "common/status.h"
#include "common/text_arena.h"
#include "lead_texts.h"

namespace casesift {

// What only a key with more than one lead needs.
struct MergedExtra {
  std::vector<std::string> case_nos;  // after LeadSet::Finish, sorted and distinct
  size_t distinct = 0;                // case_nos[0, distinct) are sorted and distinct
  std::vector<std::pair<std::string, std::string>> evidence;  // member, JSON value
};

// One distinct key of the run. The views point into the LeadSet's arena.
struct MergedLead {
  std::string_view key;  // canonical JSON
  LeadTexts::Ref text;   // the first lead's text
  std::string_view lead_id, rule, first_date, last_date;
  // XXH3-128 of key: the low half is the key's id (in the state too), the high half a
  // check that tells two keys with one id apart.
  uint64_t key_hash = 0, check_hash = 0;
  int64_t rule_version = -1;  // -1: none
  uint64_t count = 0;         // the largest `count` given
  uint64_t leads = 0;         // leads merged (each counting its own dedupe.seen_count)
  uint64_t members_hash = 0;  // XXH3-64 of the sorted, distinct case numbers: the member set
  uint32_t members = 0;       // distinct case numbers
  uint32_t merged = 0;        // input leads with this key
  int8_t level = -1;
  bool has_case_nos = false, has_count = false, has_evidence = false;
  std::unique_ptr<MergedExtra> extra;  // from the second lead on
};

// Reserves room for n elements in an empty vector and asks for huge pages for it (before
// its pages are first touched, when the advice can still count).
template <typename T>
void ReserveHugePages(std::vector<T>* v, size_t n) {
  v->reserve(n);
  AdviseHugePages(v->data(), n * sizeof(T));
}

// Leads in chunks of 2^17: never moved as they grow (the index refers to them by number),
// one allocation a chunk, aligned to 2 MiB and advised to huge pages before it is touched
// (the run visits the leads at random when it sorts them out by id).
class LeadStore {
 public:
  LeadStore() = default;
  LeadStore(const LeadStore&) = delete;
  LeadStore& operator=(const LeadStore&) = delete;
  ~LeadStore();
  size_t size() const { return size_; }
  MergedLead& operator[](size_t i) { return chunks_[i >> kShift][i & kMask]; }
  const MergedLead& operator[](size_t i) const { return chunks_[i >> kShift][i & kMask]; }
  void push_back(MergedLead&& lead);

 private:
  static constexpr size_t kShift = 17, kMask = (size_t{1} << kShift) - 1;
  static constexpr size_t kHugePage = size_t{2} << 20;
  // A chunk's bytes, in whole huge pages.
  static constexpr size_t kChunkBytes =
      ((sizeof(MergedLead) << kShift) + kHugePage - 1) / kHugePage * kHugePage;
  std::vector<MergedLead*> chunks_;
  size_t size_ = 0;
};

class LeadSet {
 public:
  // The first leads' texts are kept in `texts`, which must outlive the set.
  LeadSet(std::vector<FieldPath> key_paths, LeadTexts* texts)
      : key_paths_(std::move(key_paths)), texts_(texts) {}

  // Adds a lead, a record parsed by the reader. Returns InvalidData (unlocated: the caller
  // locates it) when the lead has no key, or a member of the wrong type (case_nos not an
  // array of strings, ...); the set is then as it was. IoError when an earlier lead cannot
  // be read back (LeadTexts).
  Status Add(const JsonlReader::Record& rec);

  // Settles each merged key's case numbers. Call once, after the last Add.
  void Finish();

  size_t size() const { return leads_.size(); }
  const MergedLead& operator[](size_t i) const { return leads_[i]; }
  uint64_t input_leads() const { return input_leads_; }

  // The text to write for lead i: its first lead (`text`, read back with LeadTexts::Read
  // from leads[i].text) with the merged members and `dedupe` (a JSON object, or empty for
  // none) set.
  void Render(size_t i, std::string_view text, std::string_view dedupe, std::string* out) const;

 private:
  Status Merge(MergedLead* lead, simdjson::dom::element root, bool first);
  Status StartExtra(MergedLead* lead);
  static void Compact(MergedExtra* extra);
  static uint64_t HashMembers(std::vector<std::string_view>* case_nos, std::string* scratch);
  uint32_t* Slot(uint64_t hash, std::string_view key);

  std::vector<FieldPath> key_paths_;
  LeadTexts* texts_;
  TextArena arena_;
  LeadStore leads_;
  // Open addressing by key hash: the hash beside the index, so that a probe reads the
  // lead only when the hashes agree.
  struct Bucket {
    uint64_t hash;
    uint32_t index;  // into leads_; UINT32_MAX: empty
  };
  std::vector<Bucket> slots_;
  std::string key_;
  std::vector<std::string_view> members_;  // scratch
  std::string scratch_;
  simdjson::dom::parser reparse_;  // the first lead again, when a second one comes
  uint64_t input_leads_ = 0;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_SET_H_
