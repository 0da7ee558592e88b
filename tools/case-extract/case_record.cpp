#include "case_record.h"

#include <fmt/format.h>

#include "common/chinese_number.h"
#include "common/hash.h"
#include "common/json_builder.h"

namespace casesift {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

void Add(Fields* f, const char* name, std::string json) { f->emplace_back(name, std::move(json)); }

std::string Str(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

// Writes "name":"value" when value is non-empty.
void Opt(JsonBuilder& b, const char* name, const std::string& value) {
  if (!value.empty()) b.Key(name).String(value);
}

void Yuan(JsonBuilder& b, int64_t fen) { b.Raw(FormatYuan(fen)); }

std::string PartiesJson(const std::vector<Party>& parties) {
  std::string s;
  JsonBuilder b(&s);
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
  return s;
}

}  // namespace

Fields CaseFields(const CaseRecord& r) {
  Fields f;
  if (!r.case_no.empty()) Add(&f, "case_no", Str(r.case_no));
  if (r.case_no_parts) {
    const CaseNumberParts& p = *r.case_no_parts;
    std::string s;
    JsonBuilder b(&s);
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
    Add(&f, "case_no_parts", std::move(s));
  }
  if (!r.court.empty()) Add(&f, "court", Str(r.court));
  if (!r.doc_type.empty()) Add(&f, "doc_type", Str(r.doc_type));
  if (!r.category.empty()) Add(&f, "category", Str(r.category));
  if (!r.procedure.empty()) Add(&f, "procedure", Str(r.procedure));
  if (!r.trial_procedure.empty()) Add(&f, "trial_procedure", Str(r.trial_procedure));
  if (!r.cause.empty()) Add(&f, "cause", Str(r.cause));
  if (r.cause_listed) Add(&f, "cause_listed", *r.cause_listed ? "true" : "false");
  Add(&f, "parties", PartiesJson(r.parties));
  if (r.claim_fen) Add(&f, "claim_yuan", FormatYuan(*r.claim_fen));
  if (r.award_fen) Add(&f, "award_yuan", FormatYuan(*r.award_fen));
  if (r.fee_fen) Add(&f, "fee_yuan", FormatYuan(*r.fee_fen));
  if (!r.amounts.empty()) {
    std::string s;
    JsonBuilder b(&s);
    b.BeginArray();
    for (const Amount& a : r.amounts) {
      b.BeginObject().Key("yuan");
      Yuan(b, a.fen);
      b.Key("text").String(a.text).Key("section").String(a.section).EndObject();
    }
    b.EndArray();
    Add(&f, "amounts", std::move(s));
  }
  if (!r.filed_date.empty()) Add(&f, "filed_date", Str(r.filed_date));
  if (r.decided_date_stated) {
    Add(&f, "decided_date", r.decided_date.empty() ? "null" : Str(r.decided_date));
  }
  if (!r.outcome.empty()) Add(&f, "outcome", Str(r.outcome));
  if (!r.allocations.empty()) {
    std::string s;
    JsonBuilder b(&s);
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
    Add(&f, "allocations", std::move(s));
  }
  if (!r.warnings.empty()) {
    std::string s;
    JsonBuilder b(&s);
    b.BeginArray();
    for (const std::string& w : r.warnings) b.String(w);
    b.EndArray();
    Add(&f, "warnings", std::move(s));
  }
  {
    std::string s;
    JsonBuilder b(&s);
    b.BeginObject().Key("file").String(r.src_file);
    if (r.src_line > 0) b.Key("line").Uint(r.src_line);
    b.Key("hash").String(FormatHash(r.src_hash)).EndObject();
    Add(&f, "src", std::move(s));
  }
  if (!r.text.empty()) Add(&f, "text", Str(r.text));
  if (!r.sections.empty()) {
    std::string s;
    JsonBuilder b(&s);
    b.BeginObject();
    for (const auto& [name, text] : r.sections) b.Key(name).String(text);
    b.EndObject();
    Add(&f, "sections", std::move(s));
  }
  return f;
}

std::string CaseRecordJson(const CaseRecord& record) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, json] : CaseFields(record)) {
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
