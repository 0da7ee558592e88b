#include "case_record.h"

#include "common/chinese_number.h"
#include "common/hash.h"
#include "common/json_builder.h"

namespace casesift::synth {
namespace {

const char* SectionName(Section s) {
  switch (s) {
    case Section::kClaims:
      return "claims";
    case Section::kFacts:
      return "facts";
    case Section::kDecision:
      return "decision";
    case Section::kFee:
      return "fee";
  }
  return "facts";
}

void Yuan(JsonBuilder& b, int64_t fen) { b.Raw(FormatYuan(fen)); }

void IsoDate(JsonBuilder& b, std::string* scratch, const Date& d) {
  scratch->clear();
  AppendIsoDate(scratch, d);
  b.String(*scratch);
}

void StringIf(JsonBuilder& b, const char* key, const std::string& value) {
  if (!value.empty()) b.Key(key).String(value);
}

void WriteParty(JsonBuilder& b, const Party& p) {
  b.BeginObject();
  b.Key("role").String(p.role).Key("side").String(p.side).Key("name").String(p.name);
  b.Key("kind").String(p.is_org ? "org" : "person");
  if (p.gender != nullptr) b.Key("gender").String(p.gender);
  StringIf(b, "birth", p.birth);
  StringIf(b, "ethnicity", p.ethnicity);
  StringIf(b, "address", p.address);
  if (!p.id_no.empty()) b.Key("id_no").String(p.id_no).Key("id_valid").Bool(p.id_valid);
  if (!p.uscc.empty()) b.Key("uscc").String(p.uscc).Key("uscc_valid").Bool(p.uscc_valid);
  StringIf(b, "legal_rep", p.legal_rep);
  if (!p.reps.empty()) {
    b.Key("reps").BeginArray();
    for (const Rep& r : p.reps) {
      b.BeginObject().Key("role").String(r.role).Key("name").String(r.name);
      StringIf(b, "org", r.org);
      b.EndObject();
    }
    b.EndArray();
  }
  b.EndObject();
}

}  // namespace

int64_t CaseRecord::SumOf(Tally tally) const {
  int64_t sum = -1;
  for (const Amount& a : amounts) {
    if (a.tally == tally) sum = (sum < 0 ? 0 : sum) + a.fen;
  }
  return sum;
}

void AppendCaseRecordJson(const CaseRecord& r, std::string* out) {
  std::string scratch;
  JsonBuilder b(out);
  b.BeginObject();
  b.Key("id").String(r.id);
  if (!r.case_no.empty()) {
    const CaseNoParts& p = r.case_no_parts;
    b.Key("case_no").String(r.case_no);
    b.Key("case_no_parts").BeginObject();
    b.Key("year").Int(p.year).Key("court_code").String(p.court_code);
    b.Key("special");
    p.special.empty() ? b.Null() : b.String(p.special);
    b.Key("type_code").String(p.type_code).Key("seq").Int(p.seq);
    b.Key("suffix");
    p.suffix.empty() ? b.Null() : b.String(p.suffix);
    b.Key("legacy").Bool(p.legacy).EndObject();
  }
  b.Key("court").String(r.court).Key("doc_type").String(r.doc_type);
  b.Key("category").String(r.category).Key("procedure").String(r.procedure);
  if (r.trial_procedure != nullptr) b.Key("trial_procedure").String(r.trial_procedure);
  b.Key("cause").String(r.cause).Key("cause_listed").Bool(r.cause_listed);
  b.Key("parties").BeginArray();
  for (const Party& p : r.parties) WriteParty(b, p);
  b.EndArray();
  int64_t claim = r.SumOf(Tally::kClaim);
  int64_t award = r.SumOf(Tally::kAward);
  if (claim >= 0) Yuan(b.Key("claim_yuan"), claim);
  if (award >= 0) Yuan(b.Key("award_yuan"), award);
  if (r.fee_fen >= 0) Yuan(b.Key("fee_yuan"), r.fee_fen);
  if (r.medical_fen >= 0) Yuan(b.Key("medical_yuan"), r.medical_fen);
  b.Key("amounts").BeginArray();
  for (const Amount& a : r.amounts) {
    b.BeginObject();
    Yuan(b.Key("yuan"), a.fen);
    b.Key("text").String(a.text).Key("section").String(SectionName(a.section)).EndObject();
  }
  b.EndArray();
  if (r.filed_date.valid()) IsoDate(b.Key("filed_date"), &scratch, r.filed_date);
  if (r.decided_date_null) {
    b.Key("decided_date").Null();
  } else if (r.decided_date.valid()) {
    IsoDate(b.Key("decided_date"), &scratch, r.decided_date);
  }
  if (r.outcome != nullptr) b.Key("outcome").String(r.outcome);
  if (!r.allocations.empty()) {
    b.Key("allocations").BeginArray();
    for (const Allocation& a : r.allocations) {
      b.BeginObject().Key("to").String(a.to).Key("item").String(a.item);
      if (a.fen >= 0) Yuan(b.Key("yuan"), a.fen);
      b.EndObject();
    }
    b.EndArray();
  }
  b.Key("src").BeginObject();
  if (!r.src_file.empty()) b.Key("file").String(r.src_file);
  if (r.src_line > 0) b.Key("line").Uint(r.src_line);
  b.Key("hash").String(FormatHash(r.text_hash)).EndObject();
  b.EndObject();
}

}  // namespace casesift::synth
