#include "common/path_pair.h"

#include <fmt/format.h>

namespace casesift {

namespace {

Result<FieldPath> ParseSide(std::string_view path, const std::string& text, const char* option) {
  if (path.empty()) {
    return Status::Usage(
        fmt::format("{} '{}': a path is missing on one side of '='", option, text));
  }
  Result<FieldPath> parsed = FieldPath::Parse(path);
  if (!parsed.ok()) {
    return Status::Usage(fmt::format("{} '{}': {}", option, text, parsed.status().message()));
  }
  return parsed;
}

}  // namespace

size_t FindOutsidePaths(std::string_view text, char c, size_t from) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = from; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '\\') {
        ++i;
      } else if (ch == '"') {
        quoted = false;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == '[') {
      ++depth;
    } else if (ch == ']' && depth > 0) {
      --depth;
    } else if (ch == c && depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

Result<PathPair> ParsePathPair(const std::string& text, const char* option) {
  size_t eq = FindOutsidePaths(text, '=');
  std::string_view left = text, right = text;
  if (eq != std::string_view::npos) {
    left = std::string_view(text).substr(0, eq);
    right = std::string_view(text).substr(eq + 1);
  }
  Result<FieldPath> l = ParseSide(left, text, option);
  if (!l.ok()) return l.status();
  Result<FieldPath> r = ParseSide(right, text, option);
  if (!r.ok()) return r.status();
  return PathPair{std::move(*l), std::move(*r), text};
}

std::string ComparableText(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return IsMaskedText(s) ? "" : std::string(s);
  if (e.is_number()) return simdjson::minify(e);
  return "";
}

bool IsMaskedText(std::string_view text) {
  return text.find('*') != std::string_view::npos ||
         text.find("\xEF\xBC\x8A") != std::string_view::npos ||  // ＊
         text.find("\xC3\x97") != std::string_view::npos ||      // ×
         text.find("\xE6\x9F\x90") != std::string_view::npos;    // 某
}

}  // namespace casesift
