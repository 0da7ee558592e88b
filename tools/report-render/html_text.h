// HtmlText: the small appender the HTML writer and its charts write through. It appends to
// a std::string the caller owns (reserve it first: a report page is written in one piece),
// escaping every piece of data, so that no value from a lead can open a tag, end an
// attribute or start a script.
//
// Escaping (Escaped()) turns & < > " ' into character references, so the same call is
// right for element text and for quoted attribute values. It also keeps the page valid:
// C0 control characters other than tab, line feed and carriage return, DEL, and bytes that
// are not well-formed UTF-8 each become U+FFFD.
//
// Not thread-safe; one per page. The appender holds a pointer to the string: the string
// must outlive it.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_HTML_TEXT_H_
#define CASESIFT_TOOLS_REPORT_RENDER_HTML_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casesift {

class HtmlText {
 public:
  // Appends to `*out`. REQUIRES: out != nullptr, and *out outlives this object.
  explicit HtmlText(std::string* out) : out_(out) {}

  // Appends `markup` as it is: only for text the program wrote, never for data.
  HtmlText& Raw(std::string_view markup) {
    out_->append(markup);
    return *this;
  }
  HtmlText& Raw(char c) {
    out_->push_back(c);
    return *this;
  }
  // Appends `text` escaped (see the file comment).
  HtmlText& Escaped(std::string_view text);
  // Appends `v` in decimal.
  HtmlText& Uint(uint64_t v);
  HtmlText& Int(int64_t v);
  // Appends `v` in decimal with a comma between groups of three digits ("1,311,000").
  HtmlText& GroupedUint(uint64_t v);

  std::string* str() const { return out_; }

 private:
  std::string* out_;
};

// How a number cell is shown: a plain decimal (an optional '-', digits, an optional
// fraction) with five or more integer digits gets its integer digits grouped by commas
// ("1311000" -> "1,311,000", "-12345.5" -> "-12,345.5"); anything else ("2024", "0.86",
// "1e5") is shown as written. Appended escaped.
void AppendDisplayNumber(std::string_view number, HtmlText* html);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_HTML_TEXT_H_
