#include "lead_fields.h"

#include <fmt/format.h>

#include "common/case_number.h"
#include "common/run_date.h"

namespace casesift {

namespace {

struct BuiltinInfo {
  Builtin builtin;
  std::string_view name, label;
};

constexpr BuiltinInfo kBuiltins[kBuiltinCount] = {
    {Builtin::kLeadId, "lead_id", "Lead id"},
    {Builtin::kRule, "rule", "Rule"},
    {Builtin::kRuleVersion, "rule_version", "Version"},
    {Builtin::kRuleHash, "rule_hash", "Rule hash"},
    {Builtin::kTitle, "title", "Finding"},
    {Builtin::kLevel, "level", "Level"},
    {Builtin::kRecipient, "recipient", "Recipient"},
    {Builtin::kSubject, "subject", "Subject"},
    {Builtin::kCaseNos, "case_nos", "Cases"},
    {Builtin::kCourt, "court", "Court"},
    {Builtin::kDate, "date", "Date"},
    {Builtin::kCount, "count", "Count"},
    {Builtin::kFirstDate, "first_date", "First date"},
    {Builtin::kLastDate, "last_date", "Last date"},
    {Builtin::kStatus, "status", "Status"},
    {Builtin::kEvidence, "evidence", "Evidence"},
};

void AppendNumber(simdjson::dom::element v, std::string* out) {
  int64_t i;
  uint64_t u;
  double d;
  if (v.get_int64().get(i) == simdjson::SUCCESS) {
    fmt::format_to(std::back_inserter(*out), "{}", i);
  } else if (v.get_uint64().get(u) == simdjson::SUCCESS) {
    fmt::format_to(std::back_inserter(*out), "{}", u);
  } else if (v.get_double().get(d) == simdjson::SUCCESS) {
    fmt::format_to(std::back_inserter(*out), "{}", d);
  }
}

bool IsScalar(simdjson::dom::element v) {
  auto t = v.type();
  return t != simdjson::dom::element_type::ARRAY && t != simdjson::dom::element_type::OBJECT;
}

// Several values joined into one cell: the kinds agree, or the cell is text.
class Joiner {
 public:
  void Add(const Cell& one) {
    if (one.kind == Cell::Kind::kEmpty) return;
    if (parts_ == 0) {
      kind_ = one.kind;
      first_ = one.text;
    } else {
      if (kind_ != one.kind) kind_ = Cell::Kind::kText;
      if (parts_ == 1) text_.assign(first_);
      text_ += "; ";
      text_ += one.text;
    }
    ++parts_;
  }
  Cell Take(TextArena* arena) {
    Cell c;
    if (parts_ == 0) return c;
    c.kind = kind_;
    c.text = parts_ == 1 ? first_ : arena->Keep(text_);
    return c;
  }

 private:
  size_t parts_ = 0;
  Cell::Kind kind_ = Cell::Kind::kEmpty;
  std::string_view first_;  // kept already, when there is one value only
  std::string text_;
};

std::string_view StringAt(simdjson::dom::element root, std::string_view key) {
  std::string_view s;
  if (root[key].get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

Cell TextCell(std::string_view kept) {
  Cell c;
  if (!kept.empty()) {
    c.kind = Cell::Kind::kText;
    c.text = kept;
  }
  return c;
}

// The first of `keys` in `object` (if it is one) that is a date string, into *cell.
bool FirstDate(simdjson::dom::element object, bool present,
               std::initializer_list<std::string_view> keys, TextArena* arena, Cell* cell) {
  simdjson::dom::object obj;
  if (!present || object.get_object().get(obj) != simdjson::SUCCESS) return false;
  for (std::string_view key : keys) {
    simdjson::dom::element v;
    std::string_view s;
    if (obj.at_key(key).get(v) != simdjson::SUCCESS || v.get_string().get(s) != simdjson::SUCCESS ||
        s.size() != 10 || !IsoDateDays(s)) {
      continue;
    }
    cell->kind = Cell::Kind::kDate;
    cell->text = arena->Keep(s);
    return true;
  }
  return false;
}

}  // namespace

std::optional<Builtin> BuiltinNamed(std::string_view name) {
  for (const BuiltinInfo& b : kBuiltins) {
    if (b.name == name) return b.builtin;
  }
  return std::nullopt;
}

std::string_view BuiltinName(Builtin b) { return kBuiltins[static_cast<size_t>(b)].name; }
std::string_view BuiltinLabel(Builtin b) { return kBuiltins[static_cast<size_t>(b)].label; }

Cell CellOf(simdjson::dom::element v, TextArena* arena) {
  Cell c;
  switch (v.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (v.get_string().get(s) != simdjson::SUCCESS || s.empty()) return c;
      c.text = arena->Keep(s);
      c.kind = s.size() == 10 && IsoDateDays(s) ? Cell::Kind::kDate : Cell::Kind::kText;
      return c;
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: {
      std::string number;
      AppendNumber(v, &number);
      c.kind = Cell::Kind::kNumber;
      c.text = arena->Keep(number);
      return c;
    }
    case simdjson::dom::element_type::BOOL: {
      bool b = false;
      if (v.get_bool().get(b) != simdjson::SUCCESS) return c;
      c.kind = Cell::Kind::kText;
      c.text = b ? "true" : "false";
      return c;
    }
    case simdjson::dom::element_type::NULL_VALUE:
      return c;
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array arr;
      if (v.get_array().get(arr) != simdjson::SUCCESS) return c;
      bool scalars = true;
      for (simdjson::dom::element e : arr) scalars = scalars && IsScalar(e);
      if (scalars) {
        Joiner joiner;
        for (simdjson::dom::element e : arr) joiner.Add(CellOf(e, arena));
        return joiner.Take(arena);
      }
      break;
    }
    case simdjson::dom::element_type::OBJECT:
      break;
  }
  c.kind = Cell::Kind::kText;
  c.text = arena->Keep(simdjson::minify(v));
  return c;
}

Cell CellOfPath(const FieldPath& path, simdjson::dom::element root, TextArena* arena) {
  Joiner joiner;
  path.ForEach(root, [&](simdjson::dom::element v) { joiner.Add(CellOf(v, arena)); });
  return joiner.Take(arena);
}

Status LeadFields::Read(const JsonlReader::Record& record, TextArena* arena,
                        LoadedLead* lead) const {
  simdjson::dom::element root = record.root;
  std::string_view rule = StringAt(root, "rule");
  if (rule.empty()) {
    return JsonlReader::ErrorAt(
        record, 0,
        "not a lead: it has no \"rule\" (report-render reads the leads rule-match writes)");
  }
  lead->json = keep_json_ ? arena->Keep(record.text) : std::string_view();
  auto& b = lead->builtin;
  for (Cell& c : b) c = Cell{};
  auto cell_at = [&](std::string_view key) {
    simdjson::dom::element v;
    return root[key].get(v) == simdjson::SUCCESS ? ValueCell(v, key, arena, lead) : Cell{};
  };
  b[size_t(Builtin::kLeadId)] = cell_at("lead_id");
  b[size_t(Builtin::kRule)] = TextCell(arena->Keep(rule));
  b[size_t(Builtin::kRuleVersion)] = cell_at("rule_version");
  b[size_t(Builtin::kRuleHash)] = cell_at("rule_hash");
  b[size_t(Builtin::kTitle)] = cell_at("title");
  if (b[size_t(Builtin::kTitle)].kind == Cell::Kind::kEmpty) {
    b[size_t(Builtin::kTitle)] = b[size_t(Builtin::kRule)];
  }
  Cell level = cell_at("level");
  if (level.kind != Cell::Kind::kEmpty) level.kind = Cell::Kind::kLevel;
  b[size_t(Builtin::kLevel)] = level;
  b[size_t(Builtin::kRecipient)] = cell_at("recipient");
  b[size_t(Builtin::kSubject)] = cell_at("subject");
  b[size_t(Builtin::kCaseNos)] = cell_at("case_nos");
  b[size_t(Builtin::kCount)] = cell_at("count");
  b[size_t(Builtin::kFirstDate)] = cell_at("first_date");
  b[size_t(Builtin::kLastDate)] = cell_at("last_date");

  simdjson::dom::element evidence, dedupe;
  bool has_evidence = root["evidence"].get(evidence) == simdjson::SUCCESS;
  lead->has_dedupe = root["dedupe"].get(dedupe) == simdjson::SUCCESS && dedupe.is_object();
  lead->evidence.clear();
  simdjson::dom::object evidence_object;
  bool has_evidence_object =
      has_evidence && evidence.get_object().get(evidence_object) == simdjson::SUCCESS;
  if (has_evidence_object) {
    lead->evidence.reserve(evidence_object.size());  // one allocation, not one per doubling
    std::string path;
    for (simdjson::dom::key_value_pair kv : evidence_object) {
      path.assign("evidence.").append(kv.key);
      Cell c = ValueCell(kv.value, path, arena, lead);
      if (c.kind == Cell::Kind::kEmpty) continue;
      lead->evidence.emplace_back(arena->Keep(kv.key), c);
    }
  }
  if (join_evidence_) JoinEvidence(arena, lead);
  if (lead->has_dedupe) {
    b[size_t(Builtin::kStatus)] = TextCell(arena->Keep(StringAt(dedupe, "status")));
  }

  // The court: the lead's, the evidence's, or the first case number's.
  Cell court = cell_at("court");
  if (court.kind == Cell::Kind::kEmpty && has_evidence_object) {
    simdjson::dom::element v;
    if (evidence_object.at_key("court").get(v) == simdjson::SUCCESS) court = CellOf(v, arena);
  }
  if (court.kind == Cell::Kind::kEmpty) {
    simdjson::dom::element first;
    std::string_view case_no;
    if (root["case_nos"].at(0).get(first) == simdjson::SUCCESS &&
        first.get_string().get(case_no) == simdjson::SUCCESS) {
      Result<CaseNumber> parsed = ParseCaseNumber(case_no);
      if (parsed.ok() && !parsed->court_code.empty()) {
        std::string_view name = CourtNameForCode(parsed->court_code);  // static text
        court = TextCell(name.empty() ? arena->Keep(parsed->court_code) : name);
      }
    }
  }
  b[size_t(Builtin::kCourt)] = court;
  Cell& date = b[size_t(Builtin::kDate)];
  FirstDate(root, true, {"last_date", "first_date"}, arena, &date) ||
      FirstDate(evidence, has_evidence, {"decided_date", "filed_date"}, arena, &date) ||
      FirstDate(dedupe, lead->has_dedupe, {"last_seen"}, arena, &date);

  lead->paths.clear();
  lead->paths.reserve(paths_.size());
  for (const FieldPath& path : paths_) lead->paths.push_back(CellOfPath(path, root, arena));
  lead->split_values.clear();
  if (split_builtin_) {
    lead->split_values.push_back(b[size_t(*split_builtin_)].text);
  } else if (split_) {
    // Each value: the elements of an array one by one ("subject":["A","B"] is in A's
    // report and in B's).
    auto add = [&](simdjson::dom::element v) {
      std::string_view text = CellOf(v, arena).text;
      if (std::find(lead->split_values.begin(), lead->split_values.end(), text) ==
          lead->split_values.end()) {
        lead->split_values.push_back(text);
      }
    };
    split_->ForEach(root, [&](simdjson::dom::element v) {
      simdjson::dom::array arr;
      if (v.get_array().get(arr) == simdjson::SUCCESS) {
        for (simdjson::dom::element e : arr) add(e);
      } else {
        add(v);
      }
    });
    if (lead->split_values.empty()) lead->split_values.emplace_back();
  }
  return Status::OK();
}

Cell LeadFields::ValueCell(simdjson::dom::element v, std::string_view path, TextArena* arena,
                           LoadedLead* lead) const {
  bool nested = false;
  if (v.is_object()) {
    nested = true;
  } else if (simdjson::dom::array arr; v.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : arr) nested = nested || !IsScalar(e);
  }
  if (!nested || masker_ == nullptr) return CellOf(v, arena);
  std::string json, p(path);
  JsonBuilder out(&json);
  WriteMasked(v, &p, &out, lead);
  return Cell{Cell::Kind::kText, arena->Keep(json)};
}

void LeadFields::WriteMasked(simdjson::dom::element v, std::string* path, JsonBuilder* out,
                             LoadedLead* lead) const {
  size_t mark = path->size();
  switch (v.type()) {
    case simdjson::dom::element_type::OBJECT: {
      out->BeginObject();
      simdjson::dom::object obj;
      if (v.get_object().get(obj) == simdjson::SUCCESS) {
        for (simdjson::dom::key_value_pair kv : obj) {
          out->Key(kv.key);
          path->append(".").append(kv.key);
          WriteMasked(kv.value, path, out, lead);
          path->resize(mark);
        }
      }
      out->EndObject();
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      out->BeginArray();
      simdjson::dom::array arr;
      path->append("[*]");
      if (v.get_array().get(arr) == simdjson::SUCCESS) {
        for (simdjson::dom::element e : arr) WriteMasked(e, path, out, lead);
      }
      path->resize(mark);
      out->EndArray();
      return;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      std::string masked;
      if (v.get_string().get(s) != simdjson::SUCCESS) s = {};
      out->String(masker_->Mask(*path, s, &masked, &lead->masked) ? std::string_view(masked) : s);
      return;
    }
    default:
      out->Raw(simdjson::minify(v));
  }
}

void JoinEvidence(TextArena* arena, LoadedLead* lead) {
  std::string all;
  for (const auto& [name, cell] : lead->evidence) {
    if (!all.empty()) all += "; ";
    all += name;
    all += ": ";
    all += cell.text;
  }
  lead->builtin[size_t(Builtin::kEvidence)] = TextCell(arena->Keep(all));
}

}  // namespace casesift
