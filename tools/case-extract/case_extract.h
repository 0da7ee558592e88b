// case-extract: judgment documents in, one case record per document out (JSON Lines).
//
// Documents come from DocumentSource (files, folders, standard input, or JSON Lines
// records with a text field), are extracted by ExtractCase on -j threads, and are written
// in input order: the output is the same bytes whatever the thread count. For JSON Lines
// input the record's own fields pass through: the case fields are spliced into it and its
// text field is dropped (kept with --keep-text, as `text`).
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACT_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACT_H_

#include <string>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

struct CaseExtractOptions {
  std::string encoding = "auto";  // auto, utf-8, gb18030, utf-16
  std::string text_field;         // JSON Lines input: the field holding the text
  bool keep_text = false;
  bool sections = false;
  unsigned jobs = 1;
};

[[nodiscard]] Status RunCaseExtract(const CaseExtractOptions& options, const CommonOptions& common);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACT_H_
