// Field-by-field scoring of extracted records against expected ones
// (tests/data/case-extract/README.md, "Scoring"): both records are flattened into leaf
// paths (case_no_parts.year, parties[2].reps[0].org) and each path present in either is
// one scored field, right when both have it with the same JSON value. `src` and `warnings`
// are not scored.
#ifndef CASESIFT_TESTS_SUPPORT_RECORD_SCORE_H_
#define CASESIFT_TESTS_SUPPORT_RECORD_SCORE_H_

#include <simdjson.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace casesift::testing {

// Leaf path -> the leaf's JSON text.
inline void Flatten(simdjson::dom::element e, const std::string& path,
                    std::map<std::string, std::string>* out) {
  simdjson::dom::object obj;
  simdjson::dom::array arr;
  if (e.get_object().get(obj) == simdjson::SUCCESS) {
    for (auto kv : obj) {
      std::string key(kv.key);
      if (path.empty() && (key == "src" || key == "warnings")) continue;
      Flatten(kv.value, path.empty() ? key : path + "." + key, out);
    }
  } else if (e.get_array().get(arr) == simdjson::SUCCESS) {
    size_t i = 0;
    for (auto v : arr) Flatten(v, path + "[" + std::to_string(i++) + "]", out);
  } else if (e.is_number()) {
    // Numbers compare by value: 100000 and 100000.0 are the same amount.
    (*out)[path] = std::to_string(e.get_double().value_unsafe());
  } else {
    (*out)[path] = simdjson::minify(e);
  }
}

// A field name without indexes: parties[].reps[].org.
inline std::string FieldName(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[') {
      out += "[]";
      while (i < path.size() && path[i] != ']') ++i;
    } else {
      out += path[i];
    }
  }
  return out;
}

struct Score {
  std::map<std::string, std::pair<int, int>> fields;  // field -> (right, total)
  std::vector<std::string> misses;                    // "doc: path: expected X, got Y"
  int right() const {
    int n = 0;
    for (const auto& [f, rt] : fields) n += rt.first;
    return n;
  }
  int total() const {
    int n = 0;
    for (const auto& [f, rt] : fields) n += rt.second;
    return n;
  }
};

inline void ScoreRecord(const std::string& doc, const std::map<std::string, std::string>& expected,
                        const std::map<std::string, std::string>& actual, Score* score) {
  std::set<std::string> paths;
  for (const auto& [p, v] : expected) paths.insert(p);
  for (const auto& [p, v] : actual) paths.insert(p);
  for (const std::string& p : paths) {
    auto e = expected.find(p);
    auto a = actual.find(p);
    bool ok = e != expected.end() && a != actual.end() && e->second == a->second;
    auto& rt = score->fields[FieldName(p)];
    rt.second++;
    if (ok) {
      rt.first++;
    } else {
      score->misses.push_back(doc + ": " + p + ": expected " +
                              (e == expected.end() ? "<absent>" : e->second) + ", got " +
                              (a == actual.end() ? "<absent>" : a->second));
    }
  }
}

}  // namespace casesift::testing

#endif  // CASESIFT_TESTS_SUPPORT_RECORD_SCORE_H_
