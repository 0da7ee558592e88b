#include "tests/reference/rule_reference.h"

#include <map>
#include <string>
#include <vector>

#include "let_expr.h"
#include "value.h"

namespace casesift::reference {
namespace {

using Lets = std::map<std::string, Values, std::less<>>;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return s;
}

// Every non-null scalar the path yields.
Values ValuesAt(const FieldPath& path, simdjson::dom::element scope) {
  Values out;
  for (simdjson::dom::element e : path.All(scope)) {
    simdjson::dom::array array;
    if (e.get_array().get(array) == simdjson::SUCCESS) {  // an array stands for its elements
      for (simdjson::dom::element item : array) {
        if (std::optional<Value> v = ValueOf(item)) out.push_back(*v);
      }
    } else if (std::optional<Value> v = ValueOf(e)) {
      out.push_back(*v);
    }
  }
  return out;
}

bool SameValue(const Value& v, const Value& l, bool cased) {
  if (v.kind == Value::Kind::kBool || l.kind == Value::Kind::kBool) {
    return v.kind == Value::Kind::kBool && l.kind == Value::Kind::kBool && v.boolean == l.boolean;
  }
  if (AsNumber(v).has_value() && AsNumber(l).has_value()) {
    return CompareNumbers(*AsNumber(v), *AsNumber(l)) == 0;
  }
  if (v.kind != Value::Kind::kString || l.kind != Value::Kind::kString) return false;
  return cased ? v.string == l.string : Lower(v.string) == Lower(l.string);
}

// Whether value v passes the entry's test against literal k.
bool Passes(const Entry& e, const Value& v, const Value& l, size_t k) {
  std::string hay = e.cased ? v.string : Lower(v.string);
  std::string needle = e.cased ? l.string : Lower(l.string);
  bool text = v.kind == Value::Kind::kString;
  switch (e.op) {
    case Entry::Op::kEquals:
      return SameValue(v, l, e.cased);
    case Entry::Op::kNeq:
      return !SameValue(v, l, e.cased);
    case Entry::Op::kContains:
      return text && hay.find(needle) != std::string::npos;
    case Entry::Op::kStartsWith:
      return text && hay.size() >= needle.size() && hay.compare(0, needle.size(), needle) == 0;
    case Entry::Op::kEndsWith:
      return text && hay.size() >= needle.size() &&
             hay.compare(hay.size() - needle.size(), needle.size(), needle) == 0;
    case Entry::Op::kRe:
      return text && RE2::PartialMatch(v.string, *e.regexes[k]);
    case Entry::Op::kExists:
      return true;
    default: {
      if (!AsNumber(v) || !AsNumber(l)) return false;
      int c = CompareNumbers(*AsNumber(v), *AsNumber(l));
      if (e.op == Entry::Op::kGt) return c > 0;
      if (e.op == Entry::Op::kGte) return c >= 0;
      if (e.op == Entry::Op::kLt) return c < 0;
      return c <= 0;
    }
  }
}

// One value against a list: some literal passes; with |all or |neq, every literal does.
bool PassesList(const Entry& e, const Value& v, const Values& literals) {
  if (literals.empty()) return false;
  size_t passed = 0;
  for (size_t k = 0; k < literals.size(); ++k) passed += Passes(e, v, literals[k], k) ? 1 : 0;
  if (e.all || e.op == Entry::Op::kNeq) return passed == literals.size();
  return passed > 0;
}

bool MapHolds(const std::vector<Entry>& entries, simdjson::dom::element scope, const Lets& lets);

bool AnyMapHolds(const std::vector<std::vector<Entry>>& maps, simdjson::dom::element scope,
                 const Lets& lets) {
  bool any = false;
  for (const std::vector<Entry>& m : maps) any = MapHolds(m, scope, lets) || any;
  return any;
}

bool EntryHolds(const Entry& e, simdjson::dom::element scope, const Lets& lets) {
  if (e.quantifier != Entry::Quantifier::kNone) {
    uint64_t total = 0, satisfied = 0;
    for (simdjson::dom::element v : e.path->All(scope)) {
      std::vector<simdjson::dom::element> elements;
      simdjson::dom::array array;
      if (v.get_array().get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) elements.push_back(item);
      } else if (!v.is_null()) {
        elements.push_back(v);
      }
      for (simdjson::dom::element item : elements) {
        ++total;
        satisfied += AnyMapHolds(e.nested, item, lets) ? 1 : 0;
      }
    }
    std::string op(e.count_op);
    switch (e.quantifier) {
      case Entry::Quantifier::kAny:
        return satisfied >= 1;
      case Entry::Quantifier::kAll:
        return total >= 1 && satisfied == total;
      case Entry::Quantifier::kNone_:
        return satisfied == 0;
      default:
        if (op == ">=") return satisfied >= e.count;
        if (op == ">") return satisfied > e.count;
        if (op == "<=") return satisfied <= e.count;
        if (op == "<") return satisfied < e.count;
        return satisfied == e.count;
    }
  }
  if (e.op == Entry::Op::kExists && e.let_name.empty()) {
    // Any value but null; an array counts as its elements.
    bool found = false;
    for (simdjson::dom::element v : e.path->All(scope)) {
      simdjson::dom::array array;
      if (v.get_array().get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) found = found || !item.is_null();
      } else {
        found = found || !v.is_null();
      }
    }
    return e.exists == found;
  }
  Values values;
  if (!e.let_name.empty()) {
    if (lets.count(e.let_name) != 0) values = lets.at(e.let_name);
  } else {
    values = ValuesAt(*e.path, scope);
    if (e.norm) NormalizeStrings(*e.norm, &values);
  }
  if (e.op == Entry::Op::kExists) return e.exists ? !values.empty() : values.empty();
  bool any = false;
  for (const Value& v : values) {
    if (e.refs.empty()) {
      any = PassesList(e, v, e.literals) || any;
    } else {
      for (const FieldPath& ref : e.refs) any = PassesList(e, v, ValuesAt(ref, scope)) || any;
    }
  }
  return any;
}

bool MapHolds(const std::vector<Entry>& entries, simdjson::dom::element scope, const Lets& lets) {
  bool all = true;
  for (const Entry& e : entries) all = EntryHolds(e, scope, lets) && all;
  return all;
}

}  // namespace

bool RuleMatchesReference(const Rule& rule, simdjson::dom::element record, int64_t today_days) {
  if (rule.correlation || !rule.condition) return false;
  Lets lets;
  LetContext ctx;
  ctx.record = record;
  ctx.today_days = today_days;
  ctx.lookup = [&](std::string_view name) -> const Values* {
    auto it = lets.find(name);
    return it == lets.end() ? nullptr : &it->second;
  };
  for (const auto& [name, expr] : rule.lets) lets[name] = expr.Eval(ctx);
  std::vector<bool> held;
  for (const Selection& s : rule.selections)
    held.push_back(AnyMapHolds(s.alternatives, record, lets));
  return rule.condition->Eval(held);
}

}  // namespace casesift::reference
