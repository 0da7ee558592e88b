#include "lead_set.h"

#include <fmt/format.h>
#include <sys/mman.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>

#include "common/json_builder.h"
#include "common/record_splice.h"

namespace casesift {

namespace {

Status WrongType(std::string_view member, std::string_view expected) {
  return Status::InvalidData(fmt::format("\"{}\" must be {}", member, expected));
}

// Reads an optional string member; false (with *error set) when present but not a string.
bool OptionalString(simdjson::dom::object obj, std::string_view member, std::string_view* out,
                    Status* error) {
  simdjson::dom::element e;
  if (obj.at_key(member).get(e) != simdjson::SUCCESS || e.is_null()) return true;
  if (e.get_string().get(*out) == simdjson::SUCCESS) return true;
  *error = WrongType(member, "a string");
  return false;
}

}  // namespace

LeadStore::~LeadStore() {
  for (size_t i = 0; i < size_; ++i) (*this)[i].~MergedLead();
  for (MergedLead* chunk : chunks_) ::operator delete (chunk, std::align_val_t{kHugePage});
}

void LeadStore::push_back(MergedLead&& lead) {
  if ((size_ & kMask) == 0) {
    void* chunk = ::operator new (kChunkBytes, std::align_val_t{kHugePage});  // bad_alloc
    AdviseHugePages(chunk, kChunkBytes);
    chunks_.push_back(static_cast<MergedLead*>(chunk));
  }
  new (&(*this)[size_]) MergedLead(std::move(lead));
  ++size_;
}

uint64_t LeadSet::HashMembers(std::vector<std::string_view>* case_nos, std::string* scratch) {
  std::sort(case_nos->begin(), case_nos->end());
  case_nos->erase(std::unique(case_nos->begin(), case_nos->end()), case_nos->end());
  scratch->clear();
  for (std::string_view c : *case_nos) {
    scratch->append(c);
    scratch->push_back('\0');
  }
  return XXH3_64bits(scratch->data(), scratch->size());
}

uint32_t* LeadSet::Slot(uint64_t hash, std::string_view key) {
  if (2 * (leads_.size() + 1) > slots_.size()) {
    std::vector<Bucket> old = std::move(slots_);
    slots_ = std::vector<Bucket>();
    const size_t size = std::max<size_t>(1024, old.size() * 2);
    ReserveHugePages(&slots_, size);  // probed at random: huge pages spare TLB misses
    slots_.assign(size, Bucket{0, UINT32_MAX});
    size_t mask = slots_.size() - 1;
    for (const Bucket& b : old) {
      if (b.index == UINT32_MAX) continue;
      size_t at = b.hash & mask;
      while (slots_[at].index != UINT32_MAX) at = (at + 1) & mask;
      slots_[at] = b;
    }
  }
  size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    Bucket& b = slots_[at];
    if (b.index == UINT32_MAX) {
      b.hash = hash;  // the caller fills in the index when it adds the key
      return &b.index;
    }
    if (b.hash == hash && leads_[b.index].key == key) return &b.index;
  }
}

Status LeadSet::Add(const JsonlReader::Record& rec) {
  const simdjson::dom::element root = rec.root;
  key_.clear();
  JsonBuilder key(&key_);
  key.BeginObject();
  for (const FieldPath& path : key_paths_) {
    size_t before = key_.size();
    key.Key(path.text());
    size_t values = 0;
    if (path.multi_valued()) key.BeginArray();
    path.ForEach(root, [&](simdjson::dom::element v) {
      if (v.is_null()) return;  // no value: null keys would merge unrelated leads
      std::string_view s;
      if (v.get_string().get(s) == simdjson::SUCCESS) {
        key.String(s);
      } else {
        key.Raw(simdjson::minify(v));
      }
      ++values;
    });
    if (values == 0) {
      key_.resize(before);
      return Status::InvalidData(fmt::format(
          "the lead has no value at '{}', its key (-k): it cannot be deduplicated", path.text()));
    }
    if (path.multi_valued()) key.EndArray();
  }
  key.EndObject();
  XXH128_hash_t hash128 = XXH3_128bits(key_.data(), key_.size());
  uint64_t hash = hash128.low64;
  uint32_t* slot = Slot(hash, key_);
  if (*slot != UINT32_MAX) {
    CASESIFT_RETURN_IF_ERROR(Merge(&leads_[*slot], root, false));
    ++input_leads_;
    return Status::OK();
  }
  MergedLead lead;
  lead.key_hash = hash;
  lead.check_hash = hash128.high64;
  CASESIFT_RETURN_IF_ERROR(Merge(&lead, root, true));
  lead.key = arena_.Keep(key_);
  lead.text = texts_->Keep(rec);
  *slot = static_cast<uint32_t>(leads_.size());
  leads_.push_back(std::move(lead));
  ++input_leads_;
  return Status::OK();
}

Status LeadSet::StartExtra(MergedLead* lead) {
  std::string_view text;
  CASESIFT_RETURN_IF_ERROR(texts_->ReadOne(lead->text, &text));
  simdjson::dom::element first;
  // The text parsed once already (the same bytes: LeadTexts checks them).
  if (reparse_.parse(text.data(), text.size()).get(first) != simdjson::SUCCESS) {
    return Status::IoError("a lead could not be parsed a second time");
  }
  lead->extra = std::make_unique<MergedExtra>();
  simdjson::dom::array case_nos;
  if (first["case_nos"].get_array().get(case_nos) == simdjson::SUCCESS) {
    for (simdjson::dom::element c : case_nos) {
      std::string_view s;
      if (c.get_string().get(s) == simdjson::SUCCESS) lead->extra->case_nos.emplace_back(s);
    }
  }
  simdjson::dom::object evidence;
  if (first["evidence"].get_object().get(evidence) == simdjson::SUCCESS) {
    for (simdjson::dom::key_value_pair kv : evidence) {
      lead->extra->evidence.emplace_back(kv.key, simdjson::minify(kv.value));
    }
  }
  return Status::OK();
}

Status LeadSet::Merge(MergedLead* lead, simdjson::dom::element root, bool first) {
  simdjson::dom::object obj = root.get_object().value_unsafe();  // the reader gives objects
  Status error;
  // Check every member before changing anything: a rejected lead leaves no trace.
  std::string_view lead_id, rule, first_date, last_date, level;
  if (!OptionalString(obj, "lead_id", &lead_id, &error) ||
      !OptionalString(obj, "rule", &rule, &error) ||
      !OptionalString(obj, "first_date", &first_date, &error) ||
      !OptionalString(obj, "last_date", &last_date, &error) ||
      !OptionalString(obj, "level", &level, &error)) {
    return error;
  }
  int rank = -1;
  if (!level.empty()) {
    rank = LevelRank(level);
    if (rank < 0) return WrongType("level", "info, low, medium, high or critical");
  }
  simdjson::dom::element e;
  int64_t version = -1;
  if (obj.at_key("rule_version").get(e) == simdjson::SUCCESS && !e.is_null() &&
      e.get_int64().get(version) != simdjson::SUCCESS) {
    return WrongType("rule_version", "a whole number");
  }
  simdjson::dom::array case_nos;
  bool has_case_nos = false;
  if (obj.at_key("case_nos").get(e) == simdjson::SUCCESS && !e.is_null()) {
    if (e.get_array().get(case_nos) != simdjson::SUCCESS) {
      return WrongType("case_nos", "an array of strings");
    }
    for (simdjson::dom::element c : case_nos) {
      if (!c.is_string()) return WrongType("case_nos", "an array of strings");
    }
    has_case_nos = true;
  }
  uint64_t count = 0;
  bool has_count = false;
  if (obj.at_key("count").get(e) == simdjson::SUCCESS && !e.is_null()) {
    if (e.get_uint64().get(count) != simdjson::SUCCESS) return WrongType("count", "a whole number");
    has_count = true;
  }
  simdjson::dom::object evidence;
  bool has_evidence = false;
  if (obj.at_key("evidence").get(e) == simdjson::SUCCESS && !e.is_null()) {
    if (e.get_object().get(evidence) != simdjson::SUCCESS)
      return WrongType("evidence", "an object");
    has_evidence = true;
  }
  uint64_t seen = 1;
  simdjson::dom::element dedupe;
  if (obj.at_key("dedupe").get(dedupe) == simdjson::SUCCESS && dedupe.is_object() &&
      dedupe["seen_count"].get(e) == simdjson::SUCCESS &&
      (e.get_uint64().get(seen) != simdjson::SUCCESS || seen == 0)) {
    return WrongType("dedupe.seen_count", "a whole number above 0");
  }

  if (first) {
    lead->lead_id = arena_.Keep(lead_id);
    lead->rule = arena_.Keep(rule);
    lead->rule_version = version;
    members_.clear();
    if (has_case_nos) {
      for (simdjson::dom::element c : case_nos) members_.push_back(c.get_string().value_unsafe());
    }
    lead->members_hash = HashMembers(&members_, &scratch_);
    lead->members = static_cast<uint32_t>(members_.size());
  } else {
    if (lead->extra == nullptr) CASESIFT_RETURN_IF_ERROR(StartExtra(lead));
    MergedExtra& extra = *lead->extra;
    if (has_case_nos) {
      for (simdjson::dom::element c : case_nos) {
        extra.case_nos.emplace_back(c.get_string().value_unsafe());  // checked above
      }
      if (extra.case_nos.size() - extra.distinct > std::max<size_t>(64, extra.distinct)) {
        // A key that recurs a great deal is kept at its distinct members; sorting only
        // when the unsorted tail outgrows the sorted head keeps this linear overall.
        Compact(&extra);
      }
    }
    if (has_evidence) {
      for (simdjson::dom::key_value_pair kv : evidence) {
        std::string value = simdjson::minify(kv.value);
        auto it = std::find_if(extra.evidence.begin(), extra.evidence.end(),
                               [&](const auto& m) { return m.first == kv.key; });
        if (it == extra.evidence.end()) {
          extra.evidence.emplace_back(kv.key, std::move(value));
        } else {
          it->second = std::move(value);  // the later lead wins
        }
      }
    }
  }
  ++lead->merged;
  lead->leads += seen;
  lead->has_case_nos = lead->has_case_nos || has_case_nos;
  lead->has_evidence = lead->has_evidence || has_evidence;
  if (has_count) {
    lead->has_count = true;
    lead->count = std::max(lead->count, count);
  }
  if (!first_date.empty() && (lead->first_date.empty() || first_date < lead->first_date)) {
    lead->first_date = arena_.Keep(first_date);
  }
  if (!last_date.empty() && last_date > lead->last_date) lead->last_date = arena_.Keep(last_date);
  lead->level = static_cast<int8_t>(std::max<int>(lead->level, rank));
  return Status::OK();
}

void LeadSet::Compact(MergedExtra* extra) {
  std::vector<std::string>& c = extra->case_nos;
  auto middle = c.begin() + static_cast<ptrdiff_t>(extra->distinct);
  std::sort(middle, c.end());
  std::inplace_merge(c.begin(), middle, c.end());
  c.erase(std::unique(c.begin(), c.end()), c.end());
  extra->distinct = c.size();
}

void LeadSet::Finish() {
  for (size_t i = 0; i < leads_.size(); ++i) {
    MergedLead& lead = leads_[i];
    if (lead.extra == nullptr) continue;
    Compact(lead.extra.get());
    members_.assign(lead.extra->case_nos.begin(), lead.extra->case_nos.end());
    lead.members_hash = HashMembers(&members_, &scratch_);
    lead.members = static_cast<uint32_t>(members_.size());
  }
}

void LeadSet::Render(size_t i, std::string_view text, std::string_view dedupe,
                     std::string* out) const {
  const MergedLead& lead = leads_[i];
  out->clear();
  std::vector<SplicedField> fields;
  std::string case_nos, count, first_date, last_date, level, evidence;
  if (lead.extra != nullptr) {
    if (lead.has_case_nos) {
      JsonBuilder b(&case_nos);
      b.BeginArray();
      for (const std::string& c : lead.extra->case_nos) b.String(c);
      b.EndArray();
      fields.push_back({"case_nos", case_nos});
    }
    if (lead.has_case_nos || lead.has_count) {
      count = std::to_string(std::max<uint64_t>(lead.count, lead.members));
      fields.push_back({"count", count});
    }
    if (!lead.first_date.empty()) {
      JsonBuilder(&first_date).String(lead.first_date);
      fields.push_back({"first_date", first_date});
    }
    if (!lead.last_date.empty()) {
      JsonBuilder(&last_date).String(lead.last_date);
      fields.push_back({"last_date", last_date});
    }
    if (lead.level >= 0) {
      JsonBuilder(&level).String(LevelName(lead.level));
      fields.push_back({"level", level});
    }
    if (lead.has_evidence) {
      JsonBuilder b(&evidence);
      b.BeginObject();
      for (const auto& [member, value] : lead.extra->evidence) b.Key(member).Raw(value);
      b.EndObject();
      fields.push_back({"evidence", evidence});
    }
  }
  if (!dedupe.empty()) fields.push_back({"dedupe", dedupe});
  if (fields.empty()) {
    out->append(text);
  } else {
    SpliceFields(text, fields, out);
  }
}

}  // namespace casesift
