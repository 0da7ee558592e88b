// Evaluation of `let` expressions (let_expr.h) and the ISO dates of days() and today().
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/run_date.h"
#include "common/utf8.h"
#include "let_expr.h"

namespace casesift {

std::optional<int64_t> LetExpr::IsoDateDays(std::string_view s) { return casesift::IsoDateDays(s); }

std::string LetExpr::IsoDate(int64_t days) { return casesift::IsoDate(days); }

namespace {

// The non-null elements `e` stands for: 1, or an array's non-null elements.
size_t CountElements(simdjson::dom::element e) {
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    size_t n = 0;
    for (simdjson::dom::element child : arr) n += child.is_null() ? 0 : 1;
    return n;
  }
  return e.is_null() ? 0 : 1;
}

std::optional<double> FirstNumber(const Values& v) {
  if (v.empty()) return std::nullopt;
  return AsNumber(v.front());
}

Values NumberOrNothing(std::optional<double> d) {
  if (!d || !std::isfinite(*d)) return {};
  return {Value::Number(*d)};
}

bool Truthy(const Values& v) {
  if (v.empty()) return false;
  const Value& x = v.front();
  switch (x.kind) {
    case Value::Kind::kBool:
      return x.boolean;
    case Value::Kind::kNumber:
      return x.number != 0;
    case Value::Kind::kString:
      return !x.string.empty();
  }
  return false;
}

bool Equal(const Value& a, const Value& b) {
  std::optional<double> x = AsNumber(a), y = AsNumber(b);
  if (x && y) return CompareNumbers(*x, *y) == 0;
  if (a.kind != b.kind) return false;
  if (a.kind == Value::Kind::kString) return a.string == b.string;
  if (a.kind == Value::Kind::kBool) return a.boolean == b.boolean;
  return false;
}

// -1, 0 or 1 when `a` and `b` are ordered (both numbers or both strings).
std::optional<int> Order(const Value& a, const Value& b) {
  std::optional<double> x = AsNumber(a), y = AsNumber(b);
  if (x && y) return CompareNumbers(*x, *y);
  if (a.kind == Value::Kind::kString && b.kind == Value::Kind::kString) {
    int c = a.string.compare(b.string);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return std::nullopt;
}

}  // namespace

Values LetExpr::Eval(const LetContext& ctx) const {
  std::vector<Values> stack;
  stack.reserve(8);
  auto boolean = [](bool b) { return Values{Value::Bool(b)}; };
  for (const Node& node : nodes_) {
    switch (node.op) {
      case Op::kLiteral:
        stack.push_back({literals_[node.index]});
        continue;
      case Op::kPath: {
        Values v;
        paths_[node.index].ForEach(ctx.record,
                                   [&](simdjson::dom::element e) { AppendValues(e, &v); });
        stack.push_back(std::move(v));
        continue;
      }
      case Op::kCountPath: {
        size_t n = 0;
        paths_[node.index].ForEach(ctx.record,
                                   [&](simdjson::dom::element e) { n += CountElements(e); });
        stack.push_back({Value::Number(static_cast<double>(n))});
        continue;
      }
      case Op::kName: {
        const Values* v = ctx.lookup ? ctx.lookup(names_[node.index]) : nullptr;
        stack.push_back(v != nullptr ? *v : Values{});
        continue;
      }
      default:
        break;
    }
    if (node.op == Op::kNeg || node.op == Op::kNot) {
      if (stack.empty()) return {};  // unreachable: the parser emits operands first
      Values& top = stack.back();
      if (node.op == Op::kNot) {
        top = boolean(!Truthy(top));
      } else {
        std::optional<double> x = FirstNumber(top);
        top = NumberOrNothing(x ? std::optional<double>(-*x) : std::nullopt);
      }
      continue;
    }
    if (node.op >= Op::kAdd && node.op <= Op::kOr) {
      if (stack.size() < 2) return {};  // unreachable
      Values b = std::move(stack.back());
      stack.pop_back();
      Values& a = stack.back();
      Values result;
      switch (node.op) {
        case Op::kAnd:
          result = boolean(Truthy(a) && Truthy(b));
          break;
        case Op::kOr:
          result = boolean(Truthy(a) || Truthy(b));
          break;
        case Op::kEq:
        case Op::kNe:
          if (a.empty() || b.empty()) {
            result = boolean(false);
          } else {
            result = boolean(Equal(a.front(), b.front()) == (node.op == Op::kEq));
          }
          break;
        case Op::kLt:
        case Op::kLe:
        case Op::kGt:
        case Op::kGe: {
          std::optional<int> c;
          if (!a.empty() && !b.empty()) c = Order(a.front(), b.front());
          bool holds = c.has_value() && (node.op == Op::kLt   ? *c < 0
                                         : node.op == Op::kLe ? *c <= 0
                                         : node.op == Op::kGt ? *c > 0
                                                              : *c >= 0);
          result = boolean(holds);
          break;
        }
        default: {
          std::optional<double> x = FirstNumber(a), y = FirstNumber(b);
          std::optional<double> r;
          if (x && y) {
            if (node.op == Op::kAdd) r = *x + *y;
            if (node.op == Op::kSub) r = *x - *y;
            if (node.op == Op::kMul) r = *x * *y;
            if (node.op == Op::kDiv && *y != 0) r = *x / *y;
          }
          result = NumberOrNothing(r);
          break;
        }
      }
      a = std::move(result);
      continue;
    }
    // A function of the last `argc` values.
    if (stack.size() < node.argc) return {};  // unreachable
    auto args = stack.end() - node.argc;
    Values result;
    switch (node.op) {
      case Op::kCount:
        result = {Value::Number(static_cast<double>(args[0].size()))};
        break;
      case Op::kSum:
      case Op::kMin:
      case Op::kMax:
      case Op::kAvg: {
        size_t n = 0;
        double acc = 0;
        // min and max take every value of every argument: min($paid, medical_yuan).
        Values all;
        for (auto it = args; it != stack.end(); ++it) all.insert(all.end(), it->begin(), it->end());
        for (const Value& v : all) {
          std::optional<double> x = AsNumber(v);
          if (!x) continue;
          if (node.op == Op::kMin) {
            acc = n == 0 ? *x : std::min(acc, *x);
          } else if (node.op == Op::kMax) {
            acc = n == 0 ? *x : std::max(acc, *x);
          } else {
            acc += *x;
          }
          ++n;
        }
        if (n > 0) {
          result = NumberOrNothing(node.op == Op::kAvg ? acc / static_cast<double>(n) : acc);
        }
        break;
      }
      case Op::kLen:
        if (!args[0].empty() && args[0].front().kind == Value::Kind::kString) {
          const std::string& s = args[0].front().string;
          size_t n = 0;
          for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
          result = {Value::Number(static_cast<double>(n))};
        }
        break;
      case Op::kLower:
        result = std::move(args[0]);
        for (Value& v : result) {
          if (v.kind != Value::Kind::kString) continue;
          for (char& c : v.string) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        break;
      case Op::kNorm:
        result = std::move(args[0]);
        NormalizeStrings(NameLevel::kName, &result);
        break;
      case Op::kCoalesce:
        for (auto it = args; it != stack.end(); ++it) {
          if (!it->empty()) {
            result = std::move(*it);
            break;
          }
        }
        break;
      case Op::kDays: {
        std::optional<int64_t> from, to;
        if (!args[0].empty() && args[0].front().kind == Value::Kind::kString) {
          from = IsoDateDays(args[0].front().string);
        }
        if (!args[1].empty() && args[1].front().kind == Value::Kind::kString) {
          to = IsoDateDays(args[1].front().string);
        }
        if (from && to) result = {Value::Number(static_cast<double>(*to - *from))};
        break;
      }
      case Op::kToday:
        result = {Value::String(IsoDate(ctx.today_days))};
        break;
      default:
        break;
    }
    stack.erase(args, stack.end());
    stack.push_back(std::move(result));
  }
  return stack.empty() ? Values{} : std::move(stack.back());
}

}  // namespace casesift
