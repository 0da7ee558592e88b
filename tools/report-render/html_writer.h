// The HTML format of report-render: one self-contained HTML5 page per Report, for the
// people who act on the leads. It opens in any browser, offline, and prints.
//
// The page, top to bottom:
//   - the title (and the --split-by value the file is for);
//   - a summary: the number of leads and of rules, recipients, courts, the period, what
//     masking did (or that the report is not masked), and one SVG chart per tally
//     (svg_chart.h);
//   - the lead table, one <table class="leads"> per group with the group value as its
//     heading when the report is grouped: numbers right-aligned and grouped by thousands
//     with the number as written in data-v, dates as ISO text, levels as coloured badges
//     that sort by severity (data-v = 0..4);
//   - the provenance: inputs with size and hash, rules with id, version, hash, title and
//     lead count, the program and its libraries, the command line, and the time.
// Inline CSS (Chinese fonts named first, a print style sheet) and a few lines of inline
// script (html_assets.h) that make the headers sort and add a filter box above each table;
// without script the page is a plain table. A Content-Security-Policy meta element forbids
// every fetch, so nothing in a lead can make the page load anything.
//
// Every piece of data is HTML-escaped (html_text.h). The output depends only on the Report:
// the same Report gives the same bytes (the only time shown is provenance.generated_at).
#ifndef CASESIFT_TOOLS_REPORT_RENDER_HTML_WRITER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_HTML_WRITER_H_

#include <string>

#include "common/status.h"
#include "report.h"

namespace casesift {

// Appends the whole page for `report` to `*out`. Fails (invalid data, nothing appended)
// only when the report breaks its own contract: groups that do not cover the rows in
// order (no groups at all are read as one group of every row). A row with fewer cells than columns
// gets empty cells; extra cells are not shown. REQUIRES: out != nullptr.
Status WriteHtml(const Report& report, std::string* out);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_HTML_WRITER_H_
