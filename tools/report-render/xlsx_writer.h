// The XLSX format of report-render, through libxlsxwriter: a Summary sheet (the figures,
// what was masked, the provenance) and a sheet per rule with the rule's leads. Each lead
// sheet has its header frozen and filterable, column widths from the content, dates as
// Excel dates, numbers (amounts in yuan, counts) as numbers, and leaves out the columns
// none of its leads fills.
//
// The same Report and `created` time give the same bytes: the workbook's creation time and
// the zip entries' times are `created`, not the clock.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_XLSX_WRITER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_XLSX_WRITER_H_

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "report.h"

namespace casesift {

// Writes the workbook to `path` (a new file; the caller renames it into place). IoError
// when libxlsxwriter cannot write it.
Status WriteXlsx(const Report& report, const std::string& path, std::time_t created);

// The sheet names for `rules`, in order: at most 31 characters, none of []:*?/\, not
// "History", and distinct (a suffix "~2", "~3" … where two would be the same).
std::vector<std::string> SheetNames(const std::vector<std::string>& rules);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_XLSX_WRITER_H_
