// --template: renders a report through a Mustache template (kainjow's mustache.hpp, the
// implementation Debian packages as libkainjow-mustache-dev).
//
// The template sees one report (with --split-by, one per value: `--split-by lead_id` gives
// one per lead):
//   title, leads_count, split_field, split_value, group_field, generated_at, masked (the
//   masking sentence), provenance (a list of {line}), rules (a list of {id, version, hash,
//   title, leads}), inputs (a list of {name, bytes, hash}), columns (a list of {label}),
//   leads (a list, in report order), groups (a list of {value, count, leads}, one per
//   --group-by value, or one with every lead).
// Each lead is the lead record itself, member for member (numbers as written, arrays as
// lists, objects as sections), masked as the report masks it, plus: index (1, 2, …),
// court and date (worked out as the report's columns are), cells (a list of {text}, the
// report's columns) and, in a list, first/last (true on its first and last element).
// {{name}} is HTML-escaped; {{{name}}} is not.
//
// Errors: a template that does not parse is a usage error located FILE:LINE:COL.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_TEMPLATE_WRITER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_TEMPLATE_WRITER_H_

#include <memory>
#include <string>

#include "common/status.h"
#include "masker.h"
#include "report.h"

namespace casesift {

class TemplateWriter {
 public:
  // Reads and parses the template at `path`; when no such file exists, "statement" and
  // "cover-letter" (with or without ".mustache") are the templates that ship in the program.
  static Result<std::unique_ptr<TemplateWriter>> Load(const std::string& path);
  ~TemplateWriter();

  // Renders `report`, masking the leads' values with `masker`, and appends the text to *out.
  Status Render(const Report& report, Masker* masker, std::string* out) const;

  struct Impl;  // the template's text and parsed form (template_writer.cpp)

 private:
  TemplateWriter() = default;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_TEMPLATE_WRITER_H_
