#include "text_util.h"

#include <algorithm>

#include "common/utf8.h"

namespace casesift {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

// Length of the white space at s[i], or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  std::string_view rest = s.substr(i);
  if (StartsWith(rest, kIdeographicSpace)) return 3;
  if (StartsWith(rest, kNoBreakSpace)) return 2;
  return 0;
}

}  // namespace

std::string_view Trim(std::string_view s) { return TrimSpace(s); }

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceAt(s, i);
    if (n > 0) {
      i += n;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string FoldToAscii(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    // U+FF01..U+FF5E are EF BC 81..EF BD 9E: the ASCII characters 0x21..0x7E.
    if (b(i) == 0xEF && i + 2 < s.size() && (b(i + 1) == 0xBC || b(i + 1) == 0xBD)) {
      unsigned cp = 0xF000 + ((b(i + 1) & 0x3Fu) << 6) + (b(i + 2) & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        char c = static_cast<char>(cp - 0xFF00 + 0x20);
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        i += 2;
        continue;
      }
    }
    char c = s[i];
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Excerpt(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
      return std::string(s.substr(0, i)) + "…";
    }
  }
  return std::string(s);
}

size_t FindClosingBracket(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size();) {
    std::string_view rest = s.substr(i);
    if (StartsWith(rest, "（")) {
      ++depth;
      i += 3;
    } else if (s[i] == '(') {
      ++depth;
      i += 1;
    } else if (StartsWith(rest, "）") || s[i] == ')') {
      i += s[i] == ')' ? 1 : 3;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

size_t SentenceBegin(std::string_view s, size_t pos) {
  size_t stop = pos >= 3 ? s.rfind("。", pos - 3) : std::string_view::npos;
  size_t line = pos >= 1 ? s.rfind('\n', pos - 1) : std::string_view::npos;
  size_t begin = stop == std::string_view::npos ? 0 : stop + 3;
  if (line != std::string_view::npos && line + 1 > begin) begin = line + 1;
  return std::min(begin, pos);
}

size_t SentenceEnd(std::string_view s, size_t pos) {
  size_t stop = s.find("。", pos);
  size_t line = s.find('\n', pos);
  size_t end = stop == std::string_view::npos ? s.size() : stop + 3;
  return line < end ? line : end;
}

}  // namespace casesift
