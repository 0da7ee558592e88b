// ExtractCase: one judgment text to one CaseRecord (RECORDS.md, "Case record").
//
// The pipeline: the header (court, document type with its letter-spacing removed, the
// 案号 parsed by common/case_number.h), the layout of the rest (document_layout.h), the
// parties (party_parser.h), then from the parts: the cause and filing date from the
// 案件由来 sentence, the trial procedure, every money amount by section with the claimed,
// awarded and fee totals (amounts.h), the outcome, property allocations and the decision
// date from the signature block. A document that defeats a step still yields a record:
// what was found, plus `warnings` saying what was not.
//
// Thread-safe: ExtractCase keeps no state between calls; call it from many threads.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACTOR_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACTOR_H_

#include <string_view>

#include "case_record.h"

namespace casesift {

struct ExtractOptions {
  bool keep_text = false;  // --keep-text: the whole text in `text`
  bool sections = false;   // --sections: the text of each part in `sections`
};

// Extracts the record of `text` (UTF-8). The caller fills `src_file` and `src_line`.
CaseRecord ExtractCase(std::string_view text, const ExtractOptions& options);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_CASE_EXTRACTOR_H_
