#include "common/field_path.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace casesift {

// Recursive-descent parser over the path text; `pos_` is a byte offset.
class FieldPathParser {
 public:
  explicit FieldPathParser(std::string_view text) : text_(text) {}

  Status Parse(FieldPath* path) {
    path->text_ = std::string(text_);
    if (text_.empty()) return Error(0, "empty field path");
    CASESIFT_RETURN_IF_ERROR(ParseMember(path));
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '.') {
        ++pos_;
        CASESIFT_RETURN_IF_ERROR(ParseMember(path));
      } else if (c == '[') {
        CASESIFT_RETURN_IF_ERROR(ParseBracket(path));
      } else {
        return Error(pos_, fmt::format("unexpected '{}' (expected '.' or '[')", text_[pos_]));
      }
    }
    return Status::OK();
  }

 private:
  static bool IsNameChar(char c) {
    return c != '.' && c != '[' && c != ']' && c != '=' && c != ',' && c != '"' &&
           static_cast<unsigned char>(c) > 0x20 && c != 0x7F;
  }

  Status Error(size_t at, std::string_view message) const {
    return Status::Usage(message).At(Location{"", 1, at + 1}, text_);
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  // A bare name or a "quoted" one.
  Status ParseName(std::string* out, std::string_view what) {
    if (pos_ < text_.size() && text_[pos_] == '"') return ParseQuoted(out);
    size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    if (pos_ == start) {
      if (pos_ >= text_.size()) return Error(pos_, fmt::format("expected {} at the end", what));
      return Error(pos_, fmt::format("expected {}, found '{}'", what, text_[pos_]));
    }
    *out = std::string(text_.substr(start, pos_ - start));
    return Status::OK();
  }

  Status ParseQuoted(std::string* out) {
    size_t start = pos_;
    size_t i = pos_ + 1;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    if (i >= text_.size()) return Error(start, "unterminated quoted name (missing closing '\"')");
    std::string_view quoted = text_.substr(start, i + 1 - start);
    simdjson::padded_string padded(quoted);
    simdjson::dom::element elem;
    std::string_view value;
    if (parser_.parse(padded).get(elem) != simdjson::SUCCESS ||
        elem.get_string().get(value) != simdjson::SUCCESS) {
      return Error(start, "invalid escape in quoted name");
    }
    *out = std::string(value);
    pos_ = i + 1;
    return Status::OK();
  }

  Status ParseMember(FieldPath* path) {
    FieldPath::Step step{FieldPath::Step::Kind::kMember, {}, 0, {}};
    CASESIFT_RETURN_IF_ERROR(ParseName(&step.name, "a field name"));
    path->steps_.push_back(std::move(step));
    return Status::OK();
  }

  Status ParseBracket(FieldPath* path) {
    size_t open = pos_++;
    SkipSpaces();
    FieldPath::Step step{FieldPath::Step::Kind::kAll, {}, 0, {}};
    if (pos_ < text_.size() && text_[pos_] == '*') {
      ++pos_;
      path->multi_valued_ = true;
    } else if (pos_ < text_.size() && (text_[pos_] == '-' || IsDigit(text_[pos_]))) {
      size_t start = pos_;
      if (text_[pos_] == '-') ++pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      auto [ptr, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, step.index);
      if (ec != std::errc() || ptr != text_.data() + pos_) {
        return Error(start, "invalid index (expected a whole number such as 0 or -1)");
      }
      step.kind = FieldPath::Step::Kind::kIndex;
    } else {
      step.kind = FieldPath::Step::Kind::kFilter;
      path->multi_valued_ = true;
      for (;;) {
        FieldPath::Condition cond;
        SkipSpaces();
        CASESIFT_RETURN_IF_ERROR(ParseName(&cond.member, "a field name, '*' or an index"));
        SkipSpaces();
        if (pos_ >= text_.size() || text_[pos_] != '=') {
          return Error(pos_, fmt::format("expected '=' after '{}' in a filter such as [{}=value]",
                                         cond.member, cond.member));
        }
        ++pos_;
        SkipSpaces();
        CASESIFT_RETURN_IF_ERROR(ParseValue(&cond.value));
        step.conditions.push_back(std::move(cond));
        SkipSpaces();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        break;
      }
    }
    SkipSpaces();
    if (pos_ >= text_.size() || text_[pos_] != ']') {
      return Error(pos_, fmt::format("expected ']' to close '[' at column {}", open + 1));
    }
    ++pos_;
    path->steps_.push_back(std::move(step));
    return Status::OK();
  }

  Status ParseValue(std::string* out) {
    if (pos_ < text_.size() && text_[pos_] == '"') return ParseQuoted(out);
    size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != ']') {
      if (text_[pos_] == '[' || text_[pos_] == '=' || text_[pos_] == '"') {
        return Error(pos_, fmt::format("unexpected '{}' in a filter value (quote the value: "
                                       "\"...\")",
                                       text_[pos_]));
      }
      ++pos_;
    }
    size_t end = pos_;
    while (end > start && text_[end - 1] == ' ') --end;
    if (end == start) return Error(start, "expected a value after '='");
    *out = std::string(text_.substr(start, end - start));
    return Status::OK();
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  std::string_view text_;
  size_t pos_ = 0;
  simdjson::dom::parser parser_;
};

Result<FieldPath> FieldPath::Parse(std::string_view text) {
  FieldPath path;
  FieldPathParser parser(text);
  Status s = parser.Parse(&path);
  if (!s.ok()) return s;
  return path;
}

namespace {

bool NumberEquals(simdjson::dom::element elem, std::string_view text) {
  double want;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), want);
  if (ec != std::errc() || ptr != text.data() + text.size()) return false;
  int64_t i;
  uint64_t u;
  double d;
  if (elem.get_int64().get(i) == simdjson::SUCCESS) {
    int64_t want_i;
    auto r = std::from_chars(text.data(), text.data() + text.size(), want_i);
    if (r.ec == std::errc() && r.ptr == text.data() + text.size()) return i == want_i;
    return static_cast<double>(i) == want;
  }
  if (elem.get_uint64().get(u) == simdjson::SUCCESS) {
    uint64_t want_u;
    auto r = std::from_chars(text.data(), text.data() + text.size(), want_u);
    if (r.ec == std::errc() && r.ptr == text.data() + text.size()) return u == want_u;
    return static_cast<double>(u) == want;
  }
  return elem.get_double().get(d) == simdjson::SUCCESS && d == want;
}

}  // namespace

bool FieldPath::Matches(simdjson::dom::element elem, const std::vector<Condition>& conditions) {
  simdjson::dom::object obj;
  if (elem.get_object().get(obj) != simdjson::SUCCESS) return false;
  for (const Condition& cond : conditions) {
    simdjson::dom::element member;
    if (!Member(obj, cond.member, &member)) return false;
    bool ok = false;
    switch (member.type()) {
      case simdjson::dom::element_type::STRING:
        ok = member.get_string().value_unsafe() == cond.value;
        break;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE:
        ok = NumberEquals(member, cond.value);
        break;
      case simdjson::dom::element_type::BOOL:
        ok = cond.value == (member.get_bool().value_unsafe() ? "true" : "false");
        break;
      case simdjson::dom::element_type::NULL_VALUE:
        ok = cond.value == "null";
        break;
      default:
        ok = false;
    }
    if (!ok) return false;
  }
  return true;
}

std::optional<simdjson::dom::element> FieldPath::First(simdjson::dom::element root) const {
  std::optional<simdjson::dom::element> first;
  ForEach(root, [&](simdjson::dom::element v) {
    if (!first) first = v;
  });
  return first;
}

std::vector<simdjson::dom::element> FieldPath::All(simdjson::dom::element root) const {
  std::vector<simdjson::dom::element> out;
  ForEach(root, [&](simdjson::dom::element v) { out.push_back(v); });
  return out;
}

}  // namespace casesift
