// ReportBuilder: from loaded leads to a Report (report.h): the columns, the rows in order,
// the groups, the tallies of the summary. Formats only read what it builds.
//
// Columns: by default level, title, subject, case_nos, court, date, recipient, evidence,
// status (when some lead went through lead-dedupe) and lead_id. CSV and XLSX spread the
// evidence over a column per member ("evidence.claim_yuan"), in the order the members first
// appear, and add rule and count. --column replaces the list.
//
// Order: --sort keys (a "-" before the name: descending; levels sort by severity, numbers by
// value, the rest by bytes, empty last), then input order; by default the most severe level
// first. With --group-by, rows are in groups (levels most severe first; other values in byte
// order, the empty one last), sorted within each group.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_REPORT_BUILDER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_REPORT_BUILDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lead_fields.h"
#include "report.h"

namespace casesift {

// A field a report reads from each lead: a built-in, or the Nth path of LeadFields.
struct FieldRef {
  std::optional<Builtin> builtin;
  int path = -1;
  std::string name;  // as written

  const Cell& Of(const LoadedLead& lead) const {
    return builtin ? lead.builtin[static_cast<size_t>(*builtin)] : lead.paths[path];
  }
};

struct ColumnSpec {
  std::string label;
  FieldRef field;
};

struct SortKey {
  FieldRef field;
  bool descending = false;
};

struct ReportSpec {
  std::string title;
  std::vector<ColumnSpec> columns;  // empty: the defaults
  bool expand_evidence = false;     // CSV, XLSX
  std::vector<SortKey> sort;        // empty: level, most severe first
  std::optional<FieldRef> group;
};

// Builds the report of `leads` (in input order). `mask` and `provenance` are copied in; the
// rule list of the provenance is worked out here from the leads.
Report BuildReport(const ReportSpec& spec, const std::vector<const LoadedLead*>& leads,
                   const MaskSummary& mask, const Provenance& provenance);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_REPORT_BUILDER_H_
