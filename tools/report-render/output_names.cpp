#include "output_names.h"

#include <fmt/format.h>

#include <unordered_map>

#include "common/utf8.h"

namespace casesift {

std::string SafeFileName(std::string_view value) {
  if (value.empty()) return "none";
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    size_t len = c < 0x80 ? 1 : ValidUtf8Length(value, i);
    if (len == 0) {  // invalid UTF-8 cannot come from JSON, but a name must be safe anyway
      out.push_back('_');
      ++i;
      continue;
    }
    if (out.size() + len > 120) break;
    if (len == 1) {
      bool bad = c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == '<' || c == '>' ||
                 c == ':' || c == '"' || c == '|' || c == '?' || c == '*';
      out.push_back(bad ? '_' : static_cast<char>(c));
    } else {
      out.append(value.substr(i, len));
    }
    i += len;
  }
  if (out.empty()) return "none";
  if (out[0] == '.') out[0] = '_';
  if (out == "-") return "_";  // "-" alone would be standard output
  return out;
}

Status CheckOutputPattern(std::string_view pattern, std::string_view field) {
  std::string placeholder = fmt::format("{{{}}}", field);
  if (pattern.find(placeholder) == std::string_view::npos) {
    return Status::Usage(fmt::format(
        "--split-by {} writes one report per value: name them with -o and the placeholder "
        "{} (e.g. -o 'out/{}.html')",
        field, placeholder, placeholder));
  }
  std::string_view rest = pattern;
  for (size_t at; (at = rest.find('{')) != std::string_view::npos;) {
    rest = rest.substr(at);
    if (rest.substr(0, placeholder.size()) != placeholder) {
      size_t close = rest.find('}');
      return Status::Usage(fmt::format(
          "-o '{}': unknown placeholder '{}' (the only one is {})", pattern,
          rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1), placeholder));
    }
    rest = rest.substr(placeholder.size());
  }
  return Status::OK();
}

std::vector<std::string> OutputNames(std::string_view pattern, std::string_view field,
                                     const std::vector<std::string>& values) {
  std::string placeholder = fmt::format("{{{}}}", field);
  std::vector<std::string> names;
  std::unordered_map<std::string, int> uses, seen;
  for (const std::string& v : values) ++uses[SafeFileName(v)];
  for (const std::string& v : values) {
    std::string safe = SafeFileName(v);
    // Values that come out alike ("a/b" and "a_b"; two people both masked 张*) are
    // numbered in the order of the values: a_b, a_b~2 ...
    if (uses[safe] > 1 && ++seen[safe] > 1) safe += fmt::format("~{}", seen[safe]);
    std::string name(pattern);
    for (size_t at; (at = name.find(placeholder)) != std::string::npos;) {
      name.replace(at, placeholder.size(), safe);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace casesift
