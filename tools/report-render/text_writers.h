// The text formats of report-render: CSV (RFC 4180), Markdown (GitHub-flavoured) and the
// JSON summary. Each appends one whole report to a string; the same Report gives the same
// bytes.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_TEXT_WRITERS_H_
#define CASESIFT_TOOLS_REPORT_RENDER_TEXT_WRITERS_H_

#include <string>
#include <vector>

#include "report.h"

namespace casesift {

struct CsvOptions {
  bool bom = false;        // a UTF-8 byte-order mark first, so that Excel reads UTF-8
  bool provenance = true;  // the provenance as "# …" rows after the table
};

// The lead table: a header row of the column labels (with --group-by, the group's field
// first), a row per lead, CRLF line ends, fields quoted when they hold a comma, a quote, CR
// or LF. A text that begins like a formula (= + - @, a tab or CR) gets a leading apostrophe,
// so that Excel shows it as text instead of running it; numbers are left alone. Then, unless
// !provenance, a blank row and the provenance, one "# …" field a row.
void WriteCsv(const Report& report, const CsvOptions& options, std::string* out);

// Title, summary (tallies as tables), the lead tables (a heading per group), provenance.
void WriteMarkdown(const Report& report, std::string* out);

// The summary figures as one JSON object and a newline: title, leads, each tally, what was
// masked, the provenance.
void WriteJsonSummary(const Report& report, std::string* out);

// The provenance as lines of text ("Inputs:", "  leads.jsonl  1234 bytes  xxh3:…", …), for
// the formats that print it as text.
std::vector<std::string> ProvenanceLines(const Provenance& provenance);

// The masking summary as one sentence: "Masked: 3 ID numbers, 5 person names (subject),
// 1 address cut to the district (evidence.address)." or "Not masked (--no-mask)."
std::string MaskSentence(const MaskSummary& mask);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_TEXT_WRITERS_H_
