#include "join_output.h"

#include <fmt/format.h>

#include <cstring>

#include "common/record_splice.h"

namespace casesift {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether `"name"` occurs in `text`. Only then can SpliceFields find a member of that name
// (it looks for it the same way first), so a text without it gets the member added before
// its closing brace, which AppendElement does itself without building the value apart.
bool HasQuoted(std::string_view text, std::string_view name) {
  for (size_t pos = text.find(name); pos != std::string_view::npos;
       pos = text.find(name, pos + 1)) {
    if (pos > 0 && text[pos - 1] == '"' && pos + name.size() < text.size() &&
        text[pos + name.size()] == '"') {
      return true;
    }
  }
  return false;
}

}  // namespace

bool JoinWriter::Format(std::string_view record, const std::vector<std::string>& elements,
                        size_t matches, std::string_view* line) {
  *line = record;
  if (kind_ == JoinKind::kAnti) return matches == 0;
  if (kind_ == JoinKind::kSemi) return matches > 0;
  array_.assign(1, '[');
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) array_.push_back(',');
    array_.append(elements[i]);
  }
  array_.push_back(']');
  line_.clear();
  if (!Append(record, array_, matches, &line_)) return false;
  *line = line_;
  return true;
}

bool JoinWriter::Append(std::string_view record, std::string_view array, size_t matches,
                        std::string* out) {
  bool matched = matches > 0;
  switch (kind_) {
    case JoinKind::kAnti:
      if (matched) return false;
      out->append(record);
      return true;
    case JoinKind::kSemi:
      if (!matched) return false;
      out->append(record);
      return true;
    case JoinKind::kInner:
      if (!matched) return false;
      break;
    case JoinKind::kLeft:
      break;
  }
  SplicedField fields[2];
  size_t n = 0;
  if (!as_.empty()) fields[n++] = {as_, array};
  if (!count_as_.empty()) {
    count_ = fmt::format("{}", matches);
    fields[n++] = {count_as_, count_};
  }
  SpliceFields(record, {fields, n}, out);
  return true;
}

Status AppendElement(const JoinMatcher& matcher, const Reference& ref, const JoinMatch& match,
                     const JoinSpec& spec, bool project_here, simdjson::dom::parser* parser,
                     std::string* out) {
  std::string_view row = ref.RowText(match.row);
  std::string projected;
  if (!spec.fields.empty() && project_here) {
    CASESIFT_RETURN_IF_ERROR(ProjectFields(row, spec.fields, parser, &projected));
    row = projected;
  }
  if (HasQuoted(row, "_match")) {  // replaced in place, as SpliceFields does
    std::string match_json;
    matcher.AppendMatchJson(match, &match_json);
    SplicedField m{"_match", match_json};
    SpliceFields(row, {&m, 1}, out);
    return Status::OK();
  }
  // What SpliceFields writes for a new member, with the match's JSON written in place.
  size_t brace = row.size();
  while (brace > 0 && row[brace - 1] != '}') --brace;
  --brace;  // the object's closing brace
  size_t k = brace;
  while (k > 0 && IsSpace(row[k - 1])) --k;
  out->append(row.substr(0, brace));
  if (row[k - 1] != '{') out->push_back(',');
  out->append("\"_match\":");
  matcher.AppendMatchJson(match, out);
  out->append(row.substr(brace));
  return Status::OK();
}

}  // namespace casesift
