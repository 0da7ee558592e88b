#include "matcher.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/hash.h"
#include "common/json_builder.h"
#include "field_scan.h"

namespace casesift {
namespace {

// Whether one value satisfies the entry against `literals` (field_scan.h).
bool ValueHolds(const Entry& e, const Value& v, const std::vector<Value>& literals) {
  return ScalarHolds(e, Scalar{v.kind, v.boolean, v.number, v.string}, literals);
}

class Evaluator {
 public:
  explicit Evaluator(const LetValues& lets) : lets_(lets) {}

  bool Alternatives(const std::vector<std::vector<Entry>>& alts,
                    simdjson::dom::element scope) const {
    for (const std::vector<Entry>& entries : alts) {
      bool all = true;
      for (const Entry& e : entries) {
        if (!Holds(e, scope)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  // The values an entry compares: its let value, or what its path yields in `scope`.
  Values Of(const Entry& e, simdjson::dom::element scope) const {
    if (!e.let_name.empty()) {
      auto it = lets_.find(e.let_name);
      return it == lets_.end() ? Values{} : it->second;
    }
    Values values = PathValues(*e.path, scope);
    if (e.norm) NormalizeStrings(*e.norm, &values);
    return values;
  }

  // The elements a quantified entry ranges over, and how many satisfy its nested selection.
  std::pair<uint64_t, uint64_t> Count(const Entry& e, simdjson::dom::element scope) const {
    uint64_t total = 0, satisfied = 0;
    e.path->ForEach(scope, [&](simdjson::dom::element v) {
      simdjson::dom::array array;
      auto each = [&](simdjson::dom::element item) {
        ++total;
        if (Alternatives(e.nested, item)) ++satisfied;
      };
      if (v.get_array().get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) each(item);
      } else if (!v.is_null()) {
        each(v);  // parties[side=defendant][any]: the path already yields the elements
      }
    });
    return {total, satisfied};
  }

  // Whether some element of a quantified entry satisfies its nested selection; stops at the
  // first that does.
  bool FirstSatisfying(const Entry& e, simdjson::dom::element scope) const {
    bool found = false;
    e.path->ForEach(scope, [&](simdjson::dom::element v) {
      if (found) return;
      simdjson::dom::array array;
      if (v.get_array().get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) {
          if (Alternatives(e.nested, item)) {
            found = true;
            return;
          }
        }
      } else if (!v.is_null()) {
        found = Alternatives(e.nested, v);  // the path already yields the elements
      }
    });
    return found;
  }

  bool Holds(const Entry& e, simdjson::dom::element scope) const {
    if (e.quantifier != Entry::Quantifier::kNone) return Quantified(e, scope);
    if (e.op == Entry::Op::kExists && e.let_name.empty()) {
      return e.exists == PathExists(*e.path, scope);
    }
    if (e.let_name.empty() && e.refs.empty() && !e.norm) {
      // The common case, without copying a string: the values as views into the record.
      thread_local std::vector<Scalar> scalars;
      scalars.clear();
      e.path->ForEach(scope, [&](simdjson::dom::element v) { AppendScalar(v, &scalars); });
      return ScalarsSatisfy(e, scalars);
    }
    if (e.let_name.empty() && !e.norm) {
      // A fieldref (the common case above has none): the values as views, the other
      // paths' values in a vector kept from call to call.
      thread_local std::vector<Scalar> scalars;
      thread_local Values others;
      scalars.clear();
      e.path->ForEach(scope, [&](simdjson::dom::element v) { AppendScalar(v, &scalars); });
      for (const FieldPath& ref : e.refs) {
        if (scalars.empty()) break;
        others.clear();
        ref.ForEach(scope, [&](simdjson::dom::element v) { AppendValues(v, &others); });
        for (const Scalar& v : scalars) {
          if (ScalarHolds(e, v, others)) return true;
        }
      }
      return false;
    }
    Values values = Of(e, scope);
    if (e.op == Entry::Op::kExists) return e.exists == !values.empty();
    if (!e.refs.empty()) {
      for (const FieldPath& ref : e.refs) {
        Values others = PathValues(ref, scope);
        for (const Value& v : values) {
          if (ValueHolds(e, v, others)) return true;
        }
      }
      return false;
    }
    for (const Value& v : values) {
      if (ValueHolds(e, v, e.literals)) return true;
    }
    return false;
  }

  bool Quantified(const Entry& e, simdjson::dom::element scope) const {
    if (e.quantifier == Entry::Quantifier::kAny || e.quantifier == Entry::Quantifier::kNone_) {
      // Decided by the first element that satisfies the nested selection.
      return FirstSatisfying(e, scope) == (e.quantifier == Entry::Quantifier::kAny);
    }
    auto [total, satisfied] = Count(e, scope);
    switch (e.quantifier) {
      case Entry::Quantifier::kAny:
        return satisfied > 0;
      case Entry::Quantifier::kAll:
        return total > 0 && satisfied == total;
      case Entry::Quantifier::kNone_:
        return satisfied == 0;
      case Entry::Quantifier::kCount: {
        std::string_view op(e.count_op);
        if (op == ">=") return satisfied >= e.count;
        if (op == ">") return satisfied > e.count;
        if (op == "<=") return satisfied <= e.count;
        if (op == "<") return satisfied < e.count;
        return satisfied == e.count;
      }
      case Entry::Quantifier::kNone:
        break;
    }
    return false;
  }

  const LetValues& lets_;
};

// Values as one JSON value: nothing is null, one value is itself, several are an array.
void WriteValues(JsonBuilder& b, const Values& values) {
  if (values.empty()) {
    b.Null();
  } else if (values.size() == 1) {
    b.Raw(ValueJson(values[0]));
  } else {
    b.BeginArray();
    for (const Value& v : values) b.Raw(ValueJson(v));
    b.EndArray();
  }
}

}  // namespace

bool PathExists(const FieldPath& path, simdjson::dom::element record) {
  bool found = false;
  path.ForEach(record, [&](simdjson::dom::element v) {
    if (found || v.is_null()) return;
    simdjson::dom::array array;
    if (v.get_array().get(array) != simdjson::SUCCESS) {
      found = true;  // a scalar or an object
      return;
    }
    for (simdjson::dom::element item : array) {
      if (!item.is_null()) {
        found = true;
        return;
      }
    }
  });
  return found;
}

Values PathValues(const FieldPath& path, simdjson::dom::element record) {
  Values out;
  path.ForEach(record, [&](simdjson::dom::element e) { AppendValues(e, &out); });
  return out;
}

void ComputeLets(const Rule& rule, simdjson::dom::element record, int64_t today_days,
                 LetValues* lets) {
  lets->clear();
  if (rule.lets.empty()) return;
  LetContext ctx;
  ctx.record = record;
  ctx.lookup = [&](std::string_view name) -> const Values* {
    auto it = lets->find(name);
    return it == lets->end() ? nullptr : &it->second;
  };
  ctx.today_days = today_days;
  for (const auto& [name, expr] : rule.lets) (*lets)[name] = expr.Eval(ctx);
}

bool EntryHolds(const Entry& entry, simdjson::dom::element scope, const LetValues& lets) {
  return Evaluator(lets).Holds(entry, scope);
}

RuleOutcome EvaluateRule(const Rule& rule, simdjson::dom::element record, int64_t today_days) {
  RuleOutcome out;
  ComputeLets(rule, record, today_days, &out.lets);
  Evaluator eval(out.lets);
  out.held.resize(rule.selections.size());
  for (size_t i = 0; i < rule.selections.size(); ++i) {
    out.held[i] = eval.Alternatives(rule.selections[i].alternatives, record);
  }
  out.matched = rule.condition && rule.condition->Eval(out.held);
  return out;
}

std::string LeadMembersJson(const Rule& rule) {
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject();
  WriteLeadMembers(b, rule);
  b.EndObject();
  return out.substr(1, out.size() - 2);
}

void WriteLeadHead(JsonBuilder& b, const Rule& rule, std::string_view key) {
  b.Key("lead_id").String(fmt::format("{}:{:016x}", rule.id, Hash64(key)));
  if (rule.lead_members.empty()) {
    WriteLeadMembers(b, rule);
  } else {
    b.Members(rule.lead_members);
  }
  b.Key("key").Raw(key);
}

void WriteLeadMembers(JsonBuilder& b, const Rule& rule) {
  b.Key("rule").String(rule.id);
  b.Key("rule_version").Int(rule.version);
  b.Key("rule_hash").String(FormatHash(rule.hash));
  b.Key("title").String(rule.title);
  b.Key("level").String(rule.level);
  if (!rule.recipient.empty()) b.Key("recipient").String(rule.recipient);
}

std::string ExplainJson(const Rule& rule, const RuleOutcome& outcome,
                        simdjson::dom::element record) {
  Evaluator eval(outcome.lets);
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject();
  for (size_t i = 0; i < rule.selections.size(); ++i) {
    const Selection& sel = rule.selections[i];
    b.Key(sel.name).BeginObject().Key("held").Bool(outcome.held[i]).Key("seen").BeginArray();
    for (const std::vector<Entry>& entries : sel.alternatives) {
      b.BeginObject();
      for (const Entry& e : entries) {
        b.Key(e.key);
        if (e.quantifier != Entry::Quantifier::kNone) {
          auto [total, satisfied] = eval.Count(e, record);
          b.BeginObject().Key("elements").Uint(total).Key("satisfied").Uint(satisfied).EndObject();
        } else {
          WriteValues(b, eval.Of(e, record));
        }
      }
      b.EndObject();
    }
    b.EndArray().EndObject();
  }
  b.EndObject();
  return out;
}

std::string LeadJson(const Rule& rule, const RuleOutcome& outcome, simdjson::dom::element record,
                     std::string_view src_json, bool explain) {
  // The key: each key path, as written, to its value(s); the id hashes its canonical text.
  std::string key;
  {
    JsonBuilder b(&key);
    b.BeginObject();
    for (size_t i = 0; i < rule.lead.key.size(); ++i) {
      b.Key(rule.lead.key_text[i]);
      WriteValues(b, PathValues(rule.lead.key[i], record));
    }
    b.EndObject();
  }
  auto let_or_path = [&](const std::string& let, const std::optional<FieldPath>& path) {
    if (!let.empty()) {
      auto it = outcome.lets.find(let);
      return it == outcome.lets.end() ? Values{} : it->second;
    }
    return path ? PathValues(*path, record) : Values{};
  };
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject();
  WriteLeadHead(b, rule, key);
  if (!rule.lead.subject_text.empty()) {
    Values subject = let_or_path(rule.lead.subject_let, rule.lead.subject);
    b.Key("subject");
    WriteValues(b, subject);
  }
  simdjson::dom::element case_no;
  std::string_view text;
  b.Key("case_nos").BeginArray();
  if (record["case_no"].get(case_no) == simdjson::SUCCESS &&
      case_no.get_string().get(text) == simdjson::SUCCESS) {
    b.String(text);
  }
  b.EndArray();
  if (!rule.lead.evidence.empty()) {
    b.Key("evidence").BeginObject();
    for (const LeadSpec::Evidence& e : rule.lead.evidence) {
      b.Key(e.name);
      WriteValues(b, let_or_path(e.let, e.path));
    }
    b.EndObject();
  }
  if (explain) b.Key("explain").Raw(ExplainJson(rule, outcome, record));
  b.Key("src").Raw(src_json);
  b.EndObject();
  return out;
}

}  // namespace casesift
