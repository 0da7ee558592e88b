#include "join_output.h"

#include <fmt/format.h>

#include "common/record_splice.h"

namespace casesift {

bool JoinWriter::Format(std::string_view record, const std::vector<std::string>& elements,
                        size_t matches, std::string_view* line) {
  bool matched = matches > 0;
  *line = record;
  switch (kind_) {
    case JoinKind::kAnti:
      return !matched;
    case JoinKind::kSemi:
      return matched;
    case JoinKind::kInner:
      if (!matched) return false;
      break;
    case JoinKind::kLeft:
      break;
  }
  SplicedField fields[2];
  size_t n = 0;
  if (!as_.empty()) {
    array_.assign(1, '[');
    for (size_t i = 0; i < elements.size(); ++i) {
      if (i > 0) array_.push_back(',');
      array_.append(elements[i]);
    }
    array_.push_back(']');
    fields[n++] = {as_, array_};
  }
  if (!count_as_.empty()) {
    count_ = fmt::format("{}", matches);
    fields[n++] = {count_as_, count_};
  }
  line_.clear();
  SpliceFields(record, {fields, n}, &line_);
  *line = line_;
  return true;
}

Status AppendElement(const JoinMatcher& matcher, const Reference& ref, const JoinMatch& match,
                     const JoinSpec& spec, bool project_here, simdjson::dom::parser* parser,
                     std::string* out) {
  std::string match_json;
  matcher.AppendMatchJson(match, &match_json);
  SplicedField m{"_match", match_json};
  std::string_view row = ref.RowText(match.row);
  std::string projected;
  if (!spec.fields.empty() && project_here) {
    CASESIFT_RETURN_IF_ERROR(ProjectFields(row, spec.fields, parser, &projected));
    row = projected;
  }
  SpliceFields(row, {&m, 1}, out);
  return Status::OK();
}

}  // namespace casesift
