#include "join_output.h"

#include <fmt/format.h>

#include <cstring>

#include "common/record_splice.h"

namespace casesift {

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

bool JoinWriter::AddsArrayOnly(std::string_view record, size_t matches) const {
  if (as_.empty() || !count_as_.empty()) return false;
  if (kind_ != JoinKind::kLeft && !(kind_ == JoinKind::kInner && matches > 0)) return false;
  return !MayHaveMember(record, as_);
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
  if (MayHaveMember(row, "_match")) {  // replaced in place
    std::string match_json;
    matcher.AppendMatchJson(match, &match_json);
    SplicedField m{"_match", match_json};
    SpliceFields(row, {&m, 1}, out);
    return Status::OK();
  }
  BeginNewMember(row, "_match", out);
  matcher.AppendMatchJson(match, out);
  EndNewMember(row, out);
  return Status::OK();
}

}  // namespace casesift
