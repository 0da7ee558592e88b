// Report: what every output format of report-render draws from. The leads of one report
// (one file; with --split-by, one per value), already masked, sorted and grouped, laid out
// as a table of cells, with the summary figures and the provenance.
//
// A Report is built once (report_builder.h) and then only read by the writers
// (html_writer.h, text_writers.h, xlsx_writer.h, template_writer.h). The text of cells and
// rows is views into a TextArena (common/text_arena.h) that the builder's caller keeps:
// valid as long as that arena, never into an input buffer. Not thread-safe to build;
// read-only after.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_REPORT_H_
#define CASESIFT_TOOLS_REPORT_RENDER_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casesift {

// One value in the lead table.
struct Cell {
  enum class Kind : uint8_t {
    kEmpty,   // the lead has no value there
    kText,    // text (several values are joined by "; ")
    kNumber,  // a JSON number; `text` is as the lead wrote it ("1311000", "0.86")
    kDate,    // an ISO date YYYY-MM-DD
    kLevel,   // a rule level (info, low, medium, high, critical); `text` is the level
  };
  Kind kind = Kind::kEmpty;
  std::string_view text;
};

// A column of the lead table: its heading and what it shows.
struct Column {
  std::string label;     // the heading as printed
  std::string name;      // the field path or the built-in column name it came from
  bool numeric = false;  // every non-empty cell of the column is a number
  bool dates = false;    // every non-empty cell of the column is a date
};

// A lead as a report shows it.
struct LeadRow {
  std::vector<Cell> cells;  // one per Report::columns
  std::string_view lead_id;
  std::string_view rule;         // the rule id
  std::string_view level;        // info, low, medium, high, critical, or as written
  std::string_view group;        // the --group-by value ("" without --group-by)
  std::string_view court, date;  // as the built-in columns court and date have them
  std::string_view json;         // the lead's line as read, NOT masked (templates mask their own);
                                 // empty unless the report renders through a template
};

// Leads counted by one property, in the order a reader expects (levels by severity,
// months by time, everything else by count, then by value).
struct Tally {
  std::string title;  // e.g. "Leads per rule"
  std::string key;    // "rule", "level", "recipient", "month", "court"
  std::vector<std::pair<std::string, uint64_t>> counts;  // label, leads
};

// What masking did, to say it in the summary (agency-facing formats mask by default).
struct MaskSummary {
  bool enabled = false;
  std::vector<std::string> name_fields;     // the fields whose person names were masked
  std::vector<std::string> address_fields;  // the fields whose addresses were cut
  uint64_t id_numbers = 0;                  // ID numbers masked, wherever they appeared
  uint64_t names = 0;
  uint64_t addresses = 0;
};

// Where the report came from: enough for an auditor to reproduce it byte for byte.
struct Provenance {
  struct Input {
    std::string name;  // as given; "<stdin>"
    uint64_t bytes = 0;
    std::string hash;  // "xxh3:..." of its bytes
  };
  struct Rule {
    std::string id, version, hash, title;
    uint64_t leads = 0;
  };
  std::vector<Input> inputs;
  std::vector<Rule> rules;             // as the leads carry them, sorted by id then version
  std::string program;                 // "report-render (casesift) 0.1.0 commit ..."
  std::vector<std::string> libraries;  // "simdjson 3.0.1", ...
  std::string command_line;            // the argv, shell-quoted
  std::string generated_at;            // ISO 8601 UTC, "2026-11-27T00:00:00Z"
  bool time_from_source_date_epoch = false;
};

// A section of the lead table (--group-by): rows [begin, end) of Report::rows.
struct Group {
  std::string value;  // the --group-by value; "" when the report is not grouped
  size_t begin = 0, end = 0;
};

struct Report {
  std::string title;
  std::string split_value;  // this file's --split-by value ("" without --split-by)
  std::string split_field;  // the --split-by path
  std::string group_field;  // the --group-by path
  std::vector<Column> columns;
  std::vector<LeadRow> rows;   // sorted
  std::vector<Group> groups;   // at least one, covering every row in order
  std::vector<Tally> tallies;  // rule, level, recipient, month, court
  uint64_t leads = 0;
  MaskSummary mask;
  Provenance provenance;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_REPORT_H_
