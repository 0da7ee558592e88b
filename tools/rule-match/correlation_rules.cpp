#include "correlation_rules.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "common/json_builder.h"
#include "rule_files.h"
#include "rules.h"
#include "suggest.h"

namespace casesift {
namespace {

const std::vector<std::string>& CorrelationKeys() {
  static const std::vector<std::string> keys = {"type",       "rules",    "group-by",  "field",
                                                "time-field", "timespan", "condition", "also"};
  return keys;
}

const std::vector<std::string>& AggregateNames() {
  static const std::vector<std::string> names = {"event_count", "value_count", "sum",
                                                 "min",         "max",         "avg"};
  return names;
}

const std::vector<std::string>& ComparisonNames() {
  static const std::vector<std::string> names = {"gte", "gt", "lte", "lt", "eq"};
  return names;
}

class CorrelationLoader {
 public:
  CorrelationLoader(const Source& src, Rule* rule) : src_(src), rule_(rule) {}

  Status Load(const YAML::Node& doc) {
    if (doc["detection"]) {
      return src_.Error(doc["detection"], "a rule has either detection: or correlation:, not both");
    }
    if (doc["let"]) return src_.Error(doc["let"], "a correlation rule has no let values");
    YAML::Node lead = doc["lead"];
    if (lead && lead.IsMap() && lead["key"]) {
      return src_.Error(lead["key"], "a correlation lead's key is its group-by: remove key:");
    }
    if (lead && lead.IsMap()) {
      std::vector<YAML::Node> items = {lead["subject"]};
      if (lead["evidence"] && lead["evidence"].IsSequence()) {
        for (const auto& e : lead["evidence"]) items.push_back(e);
      }
      for (const YAML::Node& e : items) {
        if (e && e.IsScalar() && (e.Scalar().empty() || e.Scalar()[0] != '$')) {
          return src_.Error(e,
                            "a correlation lead names $group, $count, $sum, $min, $max, $avg "
                            "or $value_count, not a field");
        }
      }
    }
    YAML::Node c = doc["correlation"];
    if (!c.IsMap()) return src_.Error(c, "correlation must be a map (type, rules, group-by, ...)");
    for (const auto& kv : c) {
      const std::string& key = kv.first.Scalar();
      if (std::find(CorrelationKeys().begin(), CorrelationKeys().end(), key) ==
          CorrelationKeys().end()) {
        return src_.Error(kv.first, Unknown("correlation key", key, CorrelationKeys()));
      }
    }
    CorrelationSpec& spec = rule_->correlation.emplace();
    for (const char* key : {"type", "rules", "group-by", "condition"}) {
      if (!c[key]) return src_.Error(c, fmt::format("the correlation has no '{}'", key));
    }
    CASESIFT_RETURN_IF_ERROR(AggregateOf(c["type"], "type", &spec.type));
    CASESIFT_RETURN_IF_ERROR(Rules(c["rules"], &spec));
    CASESIFT_RETURN_IF_ERROR(GroupBy(c["group-by"], &spec));
    if (YAML::Node f = c["field"]) {
      CASESIFT_RETURN_IF_ERROR(Path(f, &spec.field, nullptr, &spec.field_norm));
      spec.field_site = src_.Site(f);
    }
    if (!spec.field && spec.type != Aggregate::kEventCount) {
      return src_.Error(c["type"], fmt::format("type {} needs field: (what it aggregates)",
                                               AggregateName(spec.type)));
    }
    if (YAML::Node f = c["time-field"]) {
      CASESIFT_RETURN_IF_ERROR(Path(f, &spec.time_field));
      spec.time_field_site = src_.Site(f);
    }
    if (YAML::Node t = c["timespan"]) {
      CASESIFT_RETURN_IF_ERROR(Timespan(t, &spec));
      if (!spec.time_field) return src_.Error(t, "timespan needs time-field: (a date field)");
    }
    CASESIFT_RETURN_IF_ERROR(Compare(c["condition"], "condition", {}, &spec.condition));
    if (YAML::Node a = c["also"]) CASESIFT_RETURN_IF_ERROR(Also(a, &spec));
    if (YAML::Node t = doc["tests"]) CASESIFT_RETURN_IF_ERROR(Tests(t));
    return Status::OK();
  }

 private:
  Status AggregateOf(const YAML::Node& n, std::string_view what, Aggregate* out) {
    if (!n.IsScalar()) return src_.Error(n, fmt::format("{} must be a single word", what));
    const auto& names = AggregateNames();
    auto it = std::find(names.begin(), names.end(), n.Scalar());
    if (it == names.end()) return src_.Error(n, Unknown(what, n.Scalar(), names));
    *out = static_cast<Aggregate>(it - names.begin());
    return Status::OK();
  }

  Status Rules(const YAML::Node& n, CorrelationSpec* spec) {
    if (!n.IsSequence() || n.size() == 0) return src_.Error(n, "rules must be a list of rule ids");
    for (const auto& item : n) {
      if (!item.IsScalar()) return src_.Error(item, "rules must be a list of rule ids");
      spec->rules.push_back(item.Scalar());
      spec->rule_locations.push_back(src_.At(item.Mark(), src_.QuoteOffset(item)));
      spec->rule_lines.emplace_back(src_.Line(item.Mark()));
    }
    return Status::OK();
  }

  // A path with no modifier, or (where `norm` is given: group-by, field) |norm or |core.
  Status Path(const YAML::Node& n, std::optional<FieldPath>* out, std::string* text = nullptr,
              std::optional<NameLevel>* norm = nullptr) {
    if (!n.IsScalar()) return src_.Error(n, "expected a field path");
    std::string s = n.Scalar();
    if (text != nullptr) *text = s;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '"') quoted = !quoted;
      if (quoted) continue;
      if (s[i] == '[') ++depth;
      if (s[i] == ']') --depth;
      if (s[i] != '|' || depth != 0) continue;
      std::string mod = s.substr(i + 1);
      size_t column = src_.QuoteOffset(n) + i + 1;
      if (norm != nullptr && (mod == "norm" || mod == "core")) {
        Result<const NameNormalizer*> normalizer = NameNormalizer::Get();
        if (!normalizer.ok()) {
          return src_.Error(n,
                            fmt::format("|{} needs the name normaliser, which cannot start: {}",
                                        mod, normalizer.status().message()),
                            column);
        }
        *norm = mod == "norm" ? NameLevel::kName : NameLevel::kCore;
        s.resize(i);
        break;
      }
      return src_.Error(n,
                        fmt::format("'|{}': {}", mod,
                                    norm != nullptr ? "this path takes |norm or |core only"
                                                    : "this path takes no modifier"),
                        column);
    }
    Result<FieldPath> p = FieldPath::Parse(s);
    if (!p.ok()) return src_.Relocate(p.status(), n, "");
    *out = std::move(*p);
    return Status::OK();
  }

  Status GroupBy(const YAML::Node& n, CorrelationSpec* spec) {
    std::vector<YAML::Node> items;
    if (n.IsSequence()) {
      for (const auto& i : n) items.push_back(i);
    } else {
      items.push_back(n);
    }
    if (items.empty()) return src_.Error(n, "group-by must name at least one field path");
    for (const YAML::Node& i : items) {
      std::optional<FieldPath> p;
      std::string text;
      std::optional<NameLevel> norm;
      CASESIFT_RETURN_IF_ERROR(Path(i, &p, &text, &norm));
      spec->group_by_norm.push_back(norm);
      if (std::find(spec->group_by_text.begin(), spec->group_by_text.end(), text) !=
          spec->group_by_text.end()) {
        return src_.Error(i, fmt::format("group-by names '{}' twice", text));
      }
      spec->group_by_text.push_back(text);
      spec->group_by_sites.push_back(src_.Site(i));
      spec->group_by.push_back(std::move(*p));
    }
    return Status::OK();
  }

  Status Timespan(const YAML::Node& n, CorrelationSpec* spec) {
    const std::string s = n.IsScalar() ? n.Scalar() : "";
    bool ok = s.size() >= 2 && s.size() <= 7 && s.back() == 'd' &&
              std::all_of(s.begin(), s.end() - 1, [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!ok) return src_.Error(n, "timespan must be a number of days such as 365d");
    spec->timespan_days = std::stoll(s.substr(0, s.size() - 1));
    return Status::OK();
  }

  // A map holding one comparison (gte/gt/lte/lt/eq: NUMBER) and the keys in `others`.
  Status Compare(const YAML::Node& n, std::string_view what, const std::vector<std::string>& others,
                 Comparison* out) {
    if (!n.IsMap()) return src_.Error(n, fmt::format("{} must be a map such as {{gte: 3}}", what));
    int found = 0;
    for (const auto& kv : n) {
      const std::string& key = kv.first.Scalar();
      if (std::find(others.begin(), others.end(), key) != others.end()) continue;
      const auto& names = ComparisonNames();
      if (std::find(names.begin(), names.end(), key) == names.end()) {
        std::vector<std::string> all = names;
        all.insert(all.end(), others.begin(), others.end());
        return src_.Error(kv.first, Unknown(fmt::format("{} key", what), key, all));
      }
      if (++found > 1) return src_.Error(kv.first, fmt::format("{} takes one comparison", what));
      std::optional<Value> v = kv.second.IsScalar() ? Literal(kv.second) : std::nullopt;
      if (!v || v->kind != Value::Kind::kNumber) {
        return src_.Error(kv.second, fmt::format("{}: {} needs a number", what, key));
      }
      out->op = key;
      out->value = v->number;
    }
    if (found == 0) {
      return src_.Error(n, fmt::format("{} needs a comparison: gte, gt, lte, lt or eq", what));
    }
    return Status::OK();
  }

  Status Also(const YAML::Node& n, CorrelationSpec* spec) {
    static const std::vector<std::string> aggregates = {"sum", "min", "max", "avg", "value_count"};
    if (!n.IsMap()) return src_.Error(n, "also must be a map such as {sum: FIELD, gte: 500000}");
    for (const auto& kv : n) {
      const std::string& key = kv.first.Scalar();
      if (std::find(aggregates.begin(), aggregates.end(), key) == aggregates.end()) continue;
      if (spec->also_type) return src_.Error(kv.first, "also takes one aggregate");
      Aggregate a;
      CASESIFT_RETURN_IF_ERROR(AggregateOf(kv.first, "aggregate", &a));
      spec->also_type = a;
      CASESIFT_RETURN_IF_ERROR(Path(kv.second, &spec->also_field));
      spec->also_field_site = src_.Site(kv.second);
    }
    CASESIFT_RETURN_IF_ERROR(Compare(n, "also", aggregates, &spec->also));
    if (!spec->also_type) {
      return src_.Error(n, "also needs an aggregate: sum, min, max, avg or value_count: FIELD");
    }
    return Status::OK();
  }

  Status Tests(const YAML::Node& tests) {
    static const std::vector<std::string> keys = {"records", "leads", "keys"};
    if (!tests.IsSequence()) return src_.Error(tests, "tests must be a list");
    for (const auto& t : tests) {
      if (!t.IsMap()) return src_.Error(t, "a correlation test is a map: records:, leads:");
      for (const auto& kv : t) {
        if (std::find(keys.begin(), keys.end(), kv.first.Scalar()) == keys.end()) {
          return src_.Error(kv.first, Unknown("correlation test key", kv.first.Scalar(), keys));
        }
      }
      CorrelationTest test;
      test.location = src_.At(t.Mark());
      YAML::Node records = t["records"];
      if (!records || !records.IsSequence()) {
        return src_.Error(t, "a correlation test needs records: [RECORD, ...]");
      }
      for (const auto& r : records) {
        if (!r.IsMap()) return src_.Error(r, "a test record is a map of fields");
        JsonBuilder b(&test.records_json.emplace_back());
        ToJson(r, b);
      }
      YAML::Node leads = t["leads"];
      std::optional<Value> n = leads && leads.IsScalar() ? Literal(leads) : std::nullopt;
      if (!n || n->kind != Value::Kind::kNumber || n->number < 0 || n->number > 1e9 ||
          n->number != static_cast<double>(static_cast<uint64_t>(n->number))) {
        return src_.Error(leads ? leads : YAML::Node(t),
                          "a correlation test needs leads: N (a whole number)");
      }
      test.leads = static_cast<uint64_t>(n->number);
      if (YAML::Node k = t["keys"]) {
        if (!k.IsSequence()) return src_.Error(k, "keys must be a list of key maps");
        auto& out = test.keys.emplace();
        for (const auto& key : k) {
          if (!key.IsMap()) return src_.Error(key, "a key is a map from group-by path to value");
          JsonBuilder b(&out.emplace_back());
          ToJson(key, b);
        }
      }
      rule_->correlation_tests.push_back(std::move(test));
    }
    return Status::OK();
  }

  const Source& src_;
  Rule* rule_;
};

}  // namespace

bool Comparison::Holds(double x) const {
  int c = CompareNumbers(x, value);
  if (op == "gte") return c >= 0;
  if (op == "gt") return c > 0;
  if (op == "lte") return c <= 0;
  if (op == "lt") return c < 0;
  return c == 0;
}

std::string_view AggregateName(Aggregate a) { return AggregateNames()[static_cast<size_t>(a)]; }

bool IsAggregateName(std::string_view name) {
  return name == "group" || name == "count" || name == "sum" || name == "min" || name == "max" ||
         name == "avg" || name == "value_count";
}

Status LoadCorrelation(const Source& src, const YAML::Node& doc, Rule* rule) {
  return CorrelationLoader(src, rule).Load(doc);
}

Status ResolveCorrelations(RuleSet* set) {
  std::map<std::string, size_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < set->rules.size(); ++i) {
    index.emplace(set->rules[i].id, i);
    ids.push_back(set->rules[i].id);
  }
  for (Rule& r : set->rules) {
    if (!r.correlation) continue;
    CorrelationSpec& spec = *r.correlation;
    for (size_t k = 0; k < spec.rules.size(); ++k) {
      auto it = index.find(spec.rules[k]);
      if (it == index.end()) {
        std::string hint = Suggest(spec.rules[k], ids);
        return Status::Usage(
                   fmt::format("no rule with id '{}'{}", spec.rules[k],
                               hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)))
            .At(spec.rule_locations[k], spec.rule_lines[k]);
      }
      if (std::find(spec.inputs.begin(), spec.inputs.end(), it->second) == spec.inputs.end()) {
        spec.inputs.push_back(it->second);
      }
    }
  }
  // Depth-first, inputs first; a rule met again while on the path closes a cycle.
  std::vector<int> state(set->rules.size(), 0);  // 0 new, 1 on the path, 2 done
  for (size_t start = 0; start < set->rules.size(); ++start) {
    if (!set->rules[start].correlation || state[start] != 0) continue;
    std::vector<std::pair<size_t, size_t>> stack = {{start, 0}};
    state[start] = 1;
    while (!stack.empty()) {
      auto& [i, next] = stack.back();
      const CorrelationSpec& spec = *set->rules[i].correlation;
      if (next == spec.inputs.size()) {
        state[i] = 2;
        set->correlation_order.push_back(i);
        stack.pop_back();
        continue;
      }
      size_t k = next++;
      size_t j = spec.inputs[k];
      if (!set->rules[j].correlation || state[j] == 2) continue;
      if (state[j] == 1) {
        return Status::Usage(fmt::format("correlation rules form a cycle: '{}' reads '{}', which "
                                         "leads back to '{}'",
                                         set->rules[i].id, set->rules[j].id, set->rules[i].id))
            .At(spec.rule_locations[k], spec.rule_lines[k]);
      }
      state[j] = 1;
      stack.emplace_back(j, 0);
    }
  }
  return Status::OK();
}

}  // namespace casesift
