#include "html_text.h"

#include <array>
#include <charconv>

#include "common/utf8.h"

namespace casesift {
namespace {

// What a byte needs when it is written as HTML text.
enum : uint8_t { kPlain = 0, kSpecial = 1, kControl = 2, kHigh = 3 };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 0x20; ++c) classes[c] = kControl;
  classes['\t'] = classes['\n'] = classes['\r'] = kPlain;
  classes[0x7F] = kControl;
  classes['&'] = classes['<'] = classes['>'] = classes['"'] = classes['\''] = kSpecial;
  for (int c = 0x80; c < 0x100; ++c) classes[c] = kHigh;
  return classes;
}
constexpr std::array<uint8_t, 256> kByteClasses = MakeByteClasses();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string_view ReferenceFor(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return "&#39;";
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

HtmlText& HtmlText::Escaped(std::string_view text) {
  size_t run = 0;  // start of the bytes not yet appended
  size_t i = 0;
  while (i < text.size()) {
    const uint8_t cls = kByteClasses[static_cast<unsigned char>(text[i])];
    if (cls == kPlain) {
      ++i;
      continue;
    }
    if (cls == kHigh) {
      const size_t len = ValidUtf8Length(text, i);
      if (len != 0) {
        i += len;
        continue;
      }
    }
    out_->append(text.data() + run, i - run);
    out_->append(cls == kSpecial ? ReferenceFor(text[i]) : kReplacement);
    run = ++i;
  }
  out_->append(text.data() + run, text.size() - run);
  return *this;
}

HtmlText& HtmlText::Uint(uint64_t v) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out_->append(buf, end);
  return *this;
}

HtmlText& HtmlText::Int(int64_t v) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out_->append(buf, end);
  return *this;
}

HtmlText& HtmlText::GroupedUint(uint64_t v) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  const size_t n = end - buf;
  for (size_t k = 0; k < n; ++k) {
    if (k != 0 && (n - k) % 3 == 0) out_->push_back(',');
    out_->push_back(buf[k]);
  }
  return *this;
}

void AppendDisplayNumber(std::string_view number, HtmlText* html) {
  size_t start = !number.empty() && number[0] == '-' ? 1 : 0;
  size_t int_end = start;
  while (int_end < number.size() && IsDigit(number[int_end])) ++int_end;
  const size_t digits = int_end - start;
  bool plain = digits >= 5;
  if (plain && int_end < number.size()) {  // a fraction, and nothing else, may follow
    plain = number[int_end] == '.' && int_end + 1 < number.size();
    for (size_t k = int_end + 1; plain && k < number.size(); ++k) plain = IsDigit(number[k]);
  }
  if (!plain) {
    html->Escaped(number);
    return;
  }
  std::string* out = html->str();
  out->append(number.data(), start);
  for (size_t k = 0; k < digits; ++k) {
    if (k != 0 && (digits - k) % 3 == 0) out->push_back(',');
    out->push_back(number[start + k]);
  }
  out->append(number.substr(int_end));
}

}  // namespace casesift
