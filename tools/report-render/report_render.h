// report-render: leads (JSON Lines) to reports people read (issue: report-render). See
// man/report-render.1.
//
// The run: read every lead (the reader validates each line; a record with no "rule" is no
// lead and is a bad record), mask personal data (masker.h), split by --split-by into one
// report per value, build each report (report_builder.h), write each in its format to a
// temporary file, and rename them all into place only when every one is complete.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_REPORT_RENDER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_REPORT_RENDER_H_

#include <string>
#include <vector>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

struct ReportRenderOptions {
  std::string format;  // html, md, csv, xlsx, json; "" is -o's extension, else html
  std::string title;
  std::string split_by;
  std::string group_by;
  std::vector<std::string> sort;     // [-]FIELD, each option one or a comma-separated list
  std::vector<std::string> columns;  // [LABEL=]FIELD
  std::string template_path;
  bool bom = false;
  bool no_mask = false;
  std::vector<std::string> mask;  // FIELD, each option one or a comma-separated list
  bool no_provenance = false;     // CSV only
  std::string command_line;       // the argv, shell-quoted, for the provenance
};

Status RunReportRender(const ReportRenderOptions& options, const CommonOptions& common);

// argv as one shell-quoted line: the program by its name (argv[0] without its folder),
// words of plain characters as they are, others in single quotes ('it'\''s').
std::string ShellQuote(int argc, char** argv);

// Splits an option's value at the commas outside brackets and quotes ("a,b[x=1,y=2].c"
// is "a" and "b[x=1,y=2].c"); empty pieces are dropped.
std::vector<std::string> SplitFieldList(const std::string& text);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_REPORT_RENDER_H_
