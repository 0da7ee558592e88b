// LeadFields: what report-render takes from each lead (RECORDS.md, "Lead record").
//
// A lead is read once, as the JSON Lines reader parsed it, into a LoadedLead: the built-in
// fields as cells (lead_id, rule, title, level, recipient, subject, case_nos, court, date
// …), the evidence members one by one, the values of the field paths the options name
// (--column, --sort, --group-by), the --split-by values, and the line itself when templates
// need it. All text is kept in a TextArena the caller owns: nothing points into the
// reader's buffers.
//
// Two fields are worked out rather than read: `court` is the lead's court, else
// evidence.court, else the court of the first case number (沪0115 -> 上海市浦东新区人民法院, or
// the code when the court is not known); `date` is last_date, else first_date, else
// evidence.decided_date, evidence.filed_date, dedupe.last_seen.
//
// Not thread-safe: Read counts what it masks into the Masker and the lead.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_LEAD_FIELDS_H_
#define CASESIFT_TOOLS_REPORT_RENDER_LEAD_FIELDS_H_

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/field_path.h"
#include "common/json_builder.h"
#include "common/jsonl_reader.h"
#include "common/status.h"
#include "common/text_arena.h"
#include "masker.h"
#include "report.h"

namespace casesift {

// The built-in columns, by name: what --column, --sort, --group-by and --split-by may name
// besides field paths.
enum class Builtin : uint8_t {
  kLeadId,
  kRule,
  kRuleVersion,
  kRuleHash,
  kTitle,
  kLevel,
  kRecipient,
  kSubject,
  kCaseNos,
  kCourt,
  kDate,
  kCount,
  kFirstDate,
  kLastDate,
  kStatus,    // dedupe.status
  kEvidence,  // every evidence member, "name: value; …"
};
inline constexpr size_t kBuiltinCount = 16;

// The built-in column called `name` ("subject", "case_nos", "status" …), if any.
std::optional<Builtin> BuiltinNamed(std::string_view name);
std::string_view BuiltinName(Builtin b);
// The default heading of a built-in column ("Subject", "Cases" …).
std::string_view BuiltinLabel(Builtin b);

struct LoadedLead {
  std::string_view json;                    // the lead's line (only when LeadFields keeps it)
  std::array<Cell, kBuiltinCount> builtin;  // kEvidence: only when LeadFields joins it
  std::vector<std::pair<std::string_view, Cell>> evidence;  // in the lead's order
  std::vector<Cell> paths;                                  // one per LeadFields::paths()
  std::vector<std::string_view> split_values;               // --split-by: each value
  bool has_dedupe = false;
  uint64_t order = 0;  // the lead's place in the input, from 0
  MaskCount masked;    // what masking did to this lead's values
};

class LeadFields {
 public:
  // `paths`: the field paths to read into LoadedLead::paths; the --split-by field is
  // `split_builtin` when set (the built-in cell's text is the one value), else `split`.
  LeadFields(std::vector<FieldPath> paths, std::optional<FieldPath> split,
             std::optional<Builtin> split_builtin)
      : paths_(std::move(paths)), split_(std::move(split)), split_builtin_(split_builtin) {}

  const std::vector<FieldPath>& paths() const { return paths_; }

  // Whether Read keeps the lead's line (templates render from it) and joins the evidence
  // into the built-in cell kEvidence (the formats that show it as one column).
  void set_keep_json(bool keep) { keep_json_ = keep; }
  // Masks the strings inside nested values (an evidence member that is an object or a list
  // of objects) before they are written out as JSON, each by its own path
  // ("evidence.parties[*].name"), counting into the lead's MaskCount. Null: none.
  void set_masker(Masker* masker) { masker_ = masker; }
  void set_join_evidence(bool join) { join_evidence_ = join; }

  // Reads one lead, its text into *arena. Fails with InvalidData, located at the record,
  // when the record is not a lead: it has no "rule" string (report-render reads what
  // rule-match writes).
  Status Read(const JsonlReader::Record& record, TextArena* arena, LoadedLead* lead) const;

 private:
  std::vector<FieldPath> paths_;
  std::optional<FieldPath> split_;
  std::optional<Builtin> split_builtin_;
  Cell ValueCell(simdjson::dom::element v, std::string_view path, TextArena* arena,
                 LoadedLead* lead) const;
  void WriteMasked(simdjson::dom::element v, std::string* path, JsonBuilder* out,
                   LoadedLead* lead) const;

  Masker* masker_ = nullptr;
  bool keep_json_ = false;
  bool join_evidence_ = true;
};

// A JSON value as a cell, its text in *arena: a string as text (a date when it is
// YYYY-MM-DD), a number as written, true/false as text, null as empty, an array of scalars
// as its values joined by "; ", an object (or an array holding one) as compact JSON.
Cell CellOf(simdjson::dom::element value, TextArena* arena);

// Sets the built-in cell kEvidence of *lead from its evidence members: "name: value; …".
void JoinEvidence(TextArena* arena, LoadedLead* lead);

// The values `path` yields in `root` as one cell, joined by "; ".
Cell CellOfPath(const FieldPath& path, simdjson::dom::element root, TextArena* arena);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_LEAD_FIELDS_H_
