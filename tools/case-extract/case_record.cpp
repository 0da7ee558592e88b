#include "case_record.h"

#include <fmt/format.h>

#include "common/chinese_number.h"
#include "common/hash.h"
#include "common/json_builder.h"

namespace casesift {
namespace {

// Writes "name":"value" when value is non-empty.
void Opt(JsonBuilder& b, const char* name, const std::string& value) {
  if (!value.empty()) b.Key(name).String(value);
}

void Yuan(JsonBuilder& b, int64_t fen) { b.Raw(FormatYuan(fen)); }

void PartiesJson(const std::vector<Party>& parties, std::string* s) {
  JsonBuilder b(s);
  b.BeginArray();
  for (const Party& p : parties) {
    b.BeginObject();
    Opt(b, "role", p.role);
    Opt(b, "side", p.side);
    Opt(b, "name", p.name);
    Opt(b, "kind", p.kind);
    Opt(b, "gender", p.gender);
    Opt(b, "birth", p.birth);
    Opt(b, "ethnicity", p.ethnicity);
    Opt(b, "address", p.address);
    Opt(b, "id_no", p.id_no);
    if (p.id_valid) b.Key("id_valid").Bool(*p.id_valid);
    Opt(b, "uscc", p.uscc);
    if (p.uscc_valid) b.Key("uscc_valid").Bool(*p.uscc_valid);
    Opt(b, "legal_rep", p.legal_rep);
    if (!p.reps.empty()) {
      b.Key("reps").BeginArray();
      for (const Rep& r : p.reps) {
        b.BeginObject();
        Opt(b, "role", r.role);
        Opt(b, "name", r.name);
        Opt(b, "org", r.org);
        b.EndObject();
      }
      b.EndArray();
    }
    b.EndObject();
  }
  b.EndArray();
}

}  // namespace

void CaseFields::Add(const char* name, size_t begin) {
  fields_.push_back({name, begin, json_.size()});
}

void CaseFields::AddString(const char* name, std::string_view value) {
  size_t begin = json_.size();
  AppendJsonString(&json_, value);
  Add(name, begin);
}

const std::vector<SplicedField>& CaseFields::Write(const CaseRecord& r) {
  json_.clear();
  fields_.clear();
  size_t begin = 0;
  if (!r.case_no.empty()) AddString("case_no", r.case_no);
  if (r.case_no_parts) {
    const CaseNumberParts& p = *r.case_no_parts;
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginObject().Key("year");
    p.year ? b.Int(*p.year) : b.Null();
    b.Key("court_code");
    p.court_code.empty() ? b.Null() : b.String(p.court_code);
    b.Key("special");
    p.special.empty() ? b.Null() : b.String(p.special);
    b.Key("type_code");
    p.type_code.empty() ? b.Null() : b.String(p.type_code);
    b.Key("seq");
    p.seq ? b.Int(*p.seq) : b.Null();
    b.Key("suffix");
    p.suffix.empty() ? b.Null() : b.String(p.suffix);
    b.Key("legacy").Bool(p.legacy).EndObject();
    Add("case_no_parts", begin);
  }
  if (!r.court.empty()) AddString("court", r.court);
  if (!r.doc_type.empty()) AddString("doc_type", r.doc_type);
  if (!r.category.empty()) AddString("category", r.category);
  if (!r.procedure.empty()) AddString("procedure", r.procedure);
  if (!r.trial_procedure.empty()) AddString("trial_procedure", r.trial_procedure);
  if (!r.cause.empty()) AddString("cause", r.cause);
  if (r.cause_listed) {
    begin = json_.size();
    json_ += *r.cause_listed ? "true" : "false";
    Add("cause_listed", begin);
  }
  begin = json_.size();
  PartiesJson(r.parties, &json_);
  Add("parties", begin);
  for (const auto& [name, fen] :
       {std::pair{"claim_yuan", r.claim_fen}, std::pair{"award_yuan", r.award_fen},
        std::pair{"fee_yuan", r.fee_fen}, std::pair{"medical_yuan", r.medical_fen}}) {
    if (!fen) continue;
    begin = json_.size();
    json_ += FormatYuan(*fen);
    Add(name, begin);
  }
  if (!r.amounts.empty()) {
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginArray();
    for (const Amount& a : r.amounts) {
      b.BeginObject().Key("yuan");
      Yuan(b, a.fen);
      b.Key("text").String(a.text).Key("section").String(a.section).EndObject();
    }
    b.EndArray();
    Add("amounts", begin);
  }
  if (!r.filed_date.empty()) AddString("filed_date", r.filed_date);
  if (r.decided_date_stated) {
    if (r.decided_date.empty()) {
      begin = json_.size();
      json_ += "null";
      Add("decided_date", begin);
    } else {
      AddString("decided_date", r.decided_date);
    }
  }
  if (!r.outcome.empty()) AddString("outcome", r.outcome);
  if (!r.allocations.empty()) {
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginArray();
    for (const Allocation& a : r.allocations) {
      b.BeginObject().Key("to").String(a.to).Key("item").String(a.item);
      if (a.fen) {
        b.Key("yuan");
        Yuan(b, *a.fen);
      }
      b.EndObject();
    }
    b.EndArray();
    Add("allocations", begin);
  }
  if (!r.warnings.empty()) {
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginArray();
    for (const std::string& w : r.warnings) b.String(w);
    b.EndArray();
    Add("warnings", begin);
  }
  {
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginObject().Key("file").String(r.src_file);
    if (r.src_line > 0) b.Key("line").Uint(r.src_line);
    b.Key("hash").String(FormatHash(r.src_hash)).EndObject();
    Add("src", begin);
  }
  if (!r.text.empty()) AddString("text", r.text);
  if (!r.sections.empty()) {
    begin = json_.size();
    JsonBuilder b(&json_);
    b.BeginObject();
    for (const auto& [name, text] : r.sections) b.Key(name).String(text);
    b.EndObject();
    Add("sections", begin);
  }
  // The views, now that the buffer no longer moves.
  views_.clear();
  for (const Field& f : fields_) {
    views_.push_back({f.name, std::string_view(json_).substr(f.begin, f.end - f.begin)});
  }
  return views_;
}

std::string CaseRecordJson(const CaseRecord& record) {
  thread_local CaseFields fields;
  std::string out = "{";
  bool first = true;
  for (const auto& [name, json] : fields.Write(record)) {
    if (!first) out += ',';
    first = false;
    AppendJsonString(&out, name);
    out += ':';
    out += json;
  }
  out += '}';
  return out;
}

}  // namespace casesift
