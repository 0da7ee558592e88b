// FieldPath: the one syntax every tool uses to name fields (RECORDS.md, "Field paths").
//
//   cause                          a member
//   case_no_parts.year             a member of a member
//   parties[0].name  parties[-1]   one element (negative counts from the end)
//   parties[*].name                every element (of an object: every member value)
//   parties[side=defendant].name   the elements whose member equals the value
//   parties[kind=org,side=defendant].uscc   ... all conditions hold
//   extra."a.b"   parties[name="A, B"]      quoted names and values (JSON escapes)
//
// A filter value matches a string member equal to it, a number member numerically equal
// to it, or true/false/null written as such. A path that is missing, or a step applied to
// the wrong kind of value (a member of an array, an index into an object), yields
// nothing: it is never an error at evaluation time.
//
// Parse once, evaluate many times. A FieldPath is immutable after Parse and may be shared
// between threads. The values it yields live as long as the simdjson document they came
// from.
#ifndef CASESIFT_COMMON_FIELD_PATH_H_
#define CASESIFT_COMMON_FIELD_PATH_H_

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

class FieldPath {
 public:
  // Parses `text`. Errors: a Usage status located at the offending column of `text` (with
  // an empty file name and `text` as its source line; callers re-locate it with At()),
  // e.g. "expected ']' to close '[' at column 8".
  static Result<FieldPath> Parse(std::string_view text);

  // The path as written.
  const std::string& text() const { return text_; }
  // Whether the path can yield more than one value ([*] or a filter).
  bool multi_valued() const { return multi_valued_; }

  // Calls fn(simdjson::dom::element) for each value the path yields in `root`, in
  // document order.
  template <typename Fn>
  void ForEach(simdjson::dom::element root, Fn&& fn) const {
    Walk(root, 0, fn);
  }
  // The first value the path yields, if any.
  std::optional<simdjson::dom::element> First(simdjson::dom::element root) const;
  // All values, in order.
  std::vector<simdjson::dom::element> All(simdjson::dom::element root) const;

 private:
  struct Condition {
    std::string member;
    std::string value;
  };
  struct Step {
    enum class Kind : uint8_t { kMember, kIndex, kAll, kFilter } kind;
    std::string name;                   // kMember
    int64_t index = 0;                  // kIndex
    std::vector<Condition> conditions;  // kFilter
  };

  static bool Matches(simdjson::dom::element elem, const std::vector<Condition>& conditions);

  // obj.at_key(name), the first member of that name, found comparing a key's first byte
  // before calling memcmp: many of a record's keys have the same length ("side", "kind",
  // "name", "role").
  static bool Member(simdjson::dom::object obj, std::string_view name,
                     simdjson::dom::element* child) {
    if (name.empty()) return obj.at_key(name).get(*child) == simdjson::SUCCESS;
    for (simdjson::dom::key_value_pair kv : obj) {
      if (kv.key.size() == name.size() && kv.key[0] == name[0] &&
          std::memcmp(kv.key.data(), name.data(), name.size()) == 0) {
        *child = kv.value;
        return true;
      }
    }
    return false;
  }

  template <typename Fn>
  void Walk(simdjson::dom::element v, size_t step, Fn& fn) const {
    if (step == steps_.size()) {
      fn(v);
      return;
    }
    const Step& s = steps_[step];
    switch (s.kind) {
      case Step::Kind::kMember: {
        simdjson::dom::object obj;
        simdjson::dom::element child;
        if (v.get_object().get(obj) == simdjson::SUCCESS && Member(obj, s.name, &child)) {
          Walk(child, step + 1, fn);
        }
        return;
      }
      case Step::Kind::kIndex: {
        simdjson::dom::array arr;
        if (v.get_array().get(arr) != simdjson::SUCCESS) return;
        int64_t n = static_cast<int64_t>(arr.size());
        int64_t i = s.index < 0 ? n + s.index : s.index;
        simdjson::dom::element child;
        if (i >= 0 && i < n && arr.at(static_cast<size_t>(i)).get(child) == simdjson::SUCCESS) {
          Walk(child, step + 1, fn);
        }
        return;
      }
      case Step::Kind::kAll: {
        simdjson::dom::array arr;
        simdjson::dom::object obj;
        if (v.get_array().get(arr) == simdjson::SUCCESS) {
          for (simdjson::dom::element child : arr) Walk(child, step + 1, fn);
        } else if (v.get_object().get(obj) == simdjson::SUCCESS) {
          for (simdjson::dom::key_value_pair kv : obj) Walk(kv.value, step + 1, fn);
        }
        return;
      }
      case Step::Kind::kFilter: {
        simdjson::dom::array arr;
        if (v.get_array().get(arr) != simdjson::SUCCESS) return;
        for (simdjson::dom::element child : arr) {
          if (Matches(child, s.conditions)) Walk(child, step + 1, fn);
        }
        return;
      }
    }
  }

  std::string text_;
  std::vector<Step> steps_;
  bool multi_valued_ = false;

  friend class FieldPathParser;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_FIELD_PATH_H_
