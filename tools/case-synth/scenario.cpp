#include "scenario.h"

#include <errno.h>
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <memory>

#include "common/csv_writer.h"
#include "common/hash.h"
#include "common/json_builder.h"
#include "document_generator.h"
#include "id_codes.h"
#include "scenarios.h"
#include "txt_folder.h"

namespace casesift::synth {
namespace {

// GB18030 bytes of UTF-8 `text` (every Unicode character has a GB18030 form).
Result<std::string> ToGb18030(std::string_view text) {
  iconv_t cd = ::iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::FromErrno("cannot convert to GB18030", errno);
  }
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());
  size_t in_left = text.size();
  char* dst = out.data();
  size_t out_left = out.size();
  size_t rc = ::iconv(cd, &in, &in_left, &dst, &out_left);
  int err = errno;
  ::iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return Status::FromErrno("cannot convert to GB18030", err);
  out.resize(out.size() - out_left);
  return out;
}

std::string CsvText(const Register& r) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendCsvField(fields[i], &out);
    }
    out.append("\r\n");  // as spreadsheet programs export
  };
  line(r.header);
  for (const std::vector<std::string>& row : r.rows) line(row);
  return out;
}

void AppendExpectation(const Expectation& e, bool near_miss, std::string* out) {
  JsonBuilder b(out);
  b.BeginObject().Key("rule").String(e.rule);
  if (near_miss) {
    b.Key("case_no").String(e.key.empty() ? std::string_view() : e.key[0].second);
  } else {
    b.Key("key").BeginObject();
    for (const auto& [k, v] : e.key) b.Key(k).String(v);
    b.EndObject();
    b.Key("subject").String(e.subject);
  }
  b.Key("why").String(e.why).EndObject();
  out->push_back('\n');
}

}  // namespace

void Register::Add(std::vector<std::string> row) { rows.push_back(std::move(row)); }

World::World(uint64_t seed, std::string name)
    : seed_(seed), name_(std::move(name)), rng_(DocumentSeed(seed, ~uint64_t{0})) {}

CasePlan& World::Plan(Kind kind, const PlanChoice& choice) {
  PlanDocumentAs(rng_, factory_, kind, choice, &plan_);
  return plan_;
}

const CaseRecord& World::Add() {
  Document doc;
  for (;;) {
    Rng rng(DocumentSeed(seed_, docs_.size()) ^ rng_.Next());
    doc.text.clear();
    doc.record.Clear();
    CasePlan plan = plan_;  // the writers set role words; a redraw starts afresh
    DocWriter w(&rng, &doc.text, &doc.record);
    w.set_indent(rng.Percent(10));
    WriteDocument(w, plan);
    if (doc.record.case_no.empty() || case_nos_.insert(doc.record.case_no).second) break;
    plan_.seq = rng_.Range(1, 30000);
  }
  docs_.push_back(std::move(doc));
  return docs_.back().record;
}

Actor World::Person(const Court& court, int year, bool female) {
  for (;;) {
    factory_.Reset(&rng_, &court, year, false);
    Actor a = factory_.Person(female);
    if (!names_.insert(a.name).second) continue;
    if (!a.id_valid) {
      a.id_no.clear();
      AppendIdNumber(rng_, court.id_prefix, a.birth, female, &a.id_no);
      a.id_valid = true;
    }
    return a;
  }
}

Actor World::Company(const Court& court, int year, Industry industry) {
  for (;;) {
    factory_.Reset(&rng_, &court, year, false);
    Actor a = factory_.Company(industry);
    if (!names_.insert(a.name).second || a.name.find("某") != std::string::npos) continue;
    if (!a.uscc_valid) {
      a.uscc.clear();
      AppendUscc(rng_, court.id_prefix, '1', &a.uscc);
      a.uscc_valid = true;
    }
    names_.insert(a.legal_rep);
    return a;
  }
}

void World::Background(uint64_t count, const std::vector<Kind>& kinds) {
  DocumentGenerator gen(seed_ ^ 0x5ca77e7ed0c5ULL, kinds);
  Document doc;
  for (uint64_t made = 0; made < count; ++background_) {
    gen.Generate(background_, &doc.text, &doc.record);
    if (!doc.record.case_no.empty() && !case_nos_.insert(doc.record.case_no).second) continue;
    docs_.push_back(std::move(doc));
    ++made;
  }
}

Register& World::Registry(const std::string& name, std::initializer_list<std::string_view> header) {
  Register& r = registers_[name];
  if (r.header.empty()) {
    for (std::string_view h : header) r.header.emplace_back(h);
  }
  return r;
}

void World::NearMiss(std::string rule, std::string case_no, std::string why) {
  Expectation e;
  e.rule = std::move(rule);
  e.key.emplace_back("case_no", std::move(case_no));
  e.why = std::move(why);
  near_misses_.push_back(std::move(e));
}

Status World::Write(const std::string& dir, bool jsonl, bool force) const {
  Result<std::unique_ptr<TxtFolder>> opened = TxtFolder::Open(dir, force);
  if (!opened.ok()) return opened.status();
  TxtFolder& folder = **opened;
  // The planted cases are shuffled among the haystack, the same way for the same seed.
  std::vector<size_t> order(docs_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng shuffle(DocumentSeed(seed_, uint64_t{1} << 62));
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle.Below(i)]);

  int width = std::max(7, static_cast<int>(fmt::formatted_size("{}", order.size())));
  std::string docs_jsonl;
  std::string records;
  if (!jsonl) CASESIFT_RETURN_IF_ERROR(folder.MakeDir("docs"));
  for (size_t n = 0; n < order.size(); ++n) {
    const Document& d = docs_[order[n]];
    std::string id = fmt::format("{:0{}}", n + 1, width);
    CaseRecord record = d.record;
    record.id = id;
    record.text_hash = Hash64(d.text);
    if (jsonl) {
      record.src_file = "docs.jsonl";
      record.src_line = n + 1;
      docs_jsonl.append("{\"id\":");
      AppendJsonString(&docs_jsonl, id);
      docs_jsonl.append(",\"text\":");
      AppendJsonString(&docs_jsonl, d.text);
      docs_jsonl.append("}\n");
    } else {
      record.src_file = fmt::format("docs/{}.txt", id);
      CASESIFT_RETURN_IF_ERROR(folder.Write(record.src_file, d.text));
    }
    AppendCaseRecordJson(record, &records);
    records.push_back('\n');
  }
  if (jsonl) CASESIFT_RETURN_IF_ERROR(folder.Write("docs.jsonl", docs_jsonl));
  CASESIFT_RETURN_IF_ERROR(folder.Write("records.jsonl", records));

  if (!registers_.empty()) CASESIFT_RETURN_IF_ERROR(folder.MakeDir("registers"));
  for (const auto& [name, r] : registers_) {
    std::string csv = CsvText(r);
    if (r.gb18030) {
      Result<std::string> converted = ToGb18030(csv);
      if (!converted.ok()) return converted.status();
      csv = std::move(*converted);
    }
    CASESIFT_RETURN_IF_ERROR(folder.Write(fmt::format("registers/{}.csv", name), csv));
  }
  std::string truth;
  for (const Expectation& e : truth_) AppendExpectation(e, false, &truth);
  CASESIFT_RETURN_IF_ERROR(folder.Write("truth.jsonl", truth));
  std::string near;
  for (const Expectation& e : near_misses_) AppendExpectation(e, true, &near);
  CASESIFT_RETURN_IF_ERROR(folder.Write("near-misses.jsonl", near));
  return folder.Commit();
}

const std::vector<ScenarioInfo>& Scenarios() {
  static const std::vector<ScenarioInfo> kScenarios = {
      {"sham-divorce", "lopsided divorce mediations where a spouse is sued for debts",
       BuildShamDivorce},
      {"prepaid", "prepaid-card merchants sued repeatedly who cannot pay", BuildPrepaid},
      {"medical-insurance", "medical costs awarded where the medical-insurance fund paid",
       BuildMedicalInsurance},
      {"sued-trustworthy", "companies that lost money judgments and paid in time",
       BuildSuedTrustworthy},
      {"protection-orders", "personal-safety protection orders to share, by district",
       BuildProtectionOrders},
      {"warnings", "warnings to the judge: a dead party, a deregistered company, a lender",
       BuildWarnings},
  };
  return kScenarios;
}

Status RunScenario(const std::string& name, const SynthOptions& options,
                   const CommonOptions& common) {
  const ScenarioInfo* found = nullptr;
  std::string known;
  for (const ScenarioInfo& s : Scenarios()) {
    if (s.name == name) found = &s;
    if (!known.empty()) known.append(", ");
    known.append(s.name);
  }
  if (found == nullptr) {
    return Status::Usage(fmt::format("scenario: unknown scenario '{}' (known: {})", name, known));
  }
  if (common.output.empty() || common.output == "-") {
    return Status::Usage("scenario: a scenario is a folder: name it with -o DIR");
  }
  if (options.format != "txt" && options.format != "jsonl") {
    return Status::Usage(
        fmt::format("--format: '{}' is not a format (use txt or jsonl)", options.format));
  }
  World world(options.seed, std::string(found->name));
  found->build(world);
  return world.Write(common.output, options.format == "jsonl", options.force);
}

}  // namespace casesift::synth
