// The text of a Word .docx file: the paragraphs of word/document.xml, one per line.
//
// A .docx is a zip archive (read with libzip, from memory) whose main part
// word/document.xml holds paragraphs (<w:p>) of runs (<w:r>) of text (<w:t>). The XML is
// streamed through expat: text inside <w:t> is kept, <w:tab/> becomes a tab, <w:br/> and
// <w:cr/> a line break, and each paragraph ends with '\n'. Deleted text in tracked
// changes (<w:delText>) is left out; footnotes, headers and comments are not read.
//
// Thread-safe: no shared state.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_DOCX_TEXT_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_DOCX_TEXT_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

// Whether `bytes` start like a zip archive ("PK\3\4").
bool LooksLikeZip(std::string_view bytes);

// The UTF-8 text of the .docx in `bytes`. Errors: InvalidData for a damaged archive, a
// zip without word/document.xml, or XML that does not parse, with the reason.
Result<std::string> DocxText(std::string_view bytes);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_DOCX_TEXT_H_
