// The fixed parts of the HTML report page: its style sheet and its script, written inline
// into every page (the page is one self-contained file; it fetches nothing).
//
// The page the writer emits (html_writer.h) and these must agree on a few names:
//   - lead tables are <table class="leads"> with one <thead> row of <th> and one <tbody>;
//   - a cell with data-v="NUMBER" sorts by that number (number cells hold the number as the
//     lead wrote it, level cells the severity rank 0..4); other cells sort by their text,
//     in Chinese collation, numbers before text, empty cells last in either direction;
//   - level cells are <td class="lv" ...><span class="badge lvN">; number cells' data-v is
//     also matched by the filter (level ranks are not);
//   - charts are <figure class="chart"> with <svg class="chart-svg">, bars rect.bar.
// The script turns each header into a sort button (ascending, then descending; stable;
// aria-sort kept up to date) and puts a filter box above each lead table that hides the
// rows not containing the typed text (ignoring case). Without script the page is a plain
// table: nothing in the static markup depends on it.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_HTML_ASSETS_H_
#define CASESIFT_TOOLS_REPORT_RENDER_HTML_ASSETS_H_

#include <string_view>

namespace casesift {

// The style sheet, screen and print (the body of a <style> element).
extern const std::string_view kReportStyle;

// The sort and filter script (the body of a <script> element, run at the end of <body>).
extern const std::string_view kReportScript;

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_HTML_ASSETS_H_
