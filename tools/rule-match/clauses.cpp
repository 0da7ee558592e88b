#include "clauses.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace casesift::engine_clauses {
namespace {

// A literal as it appears, unchanged, inside a JSON string without escapes.
bool PlainInJson(std::string_view s) {
  return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
}

// A product of clause lists grows fast; past this many clauses an `and` keeps one side.
constexpr size_t kMaxClauses = 32;

}  // namespace

std::vector<std::pair<std::string, bool>> WordsOf(const Entry& e) {
  std::vector<std::pair<std::string, bool>> words;
  if (e.norm || e.op == Entry::Op::kRe) return {};
  for (const Value& l : e.literals) {
    if (l.kind != Value::Kind::kString || !PlainInJson(l.string)) return {};
    if (e.op == Entry::Op::kEquals && AsNumber(l)) return {};  // 5e5, 500000.0 ...
    words.emplace_back(l.string, e.cased);
  }
  return words;
}

Need Either(Need a, const Need& b) {  // a or b
  if (!a || !b) return std::nullopt;
  a->insert(a->end(), b->begin(), b->end());
  return a;
}

Need Both(const Need& a, const Need& b) {  // a and b
  if (!a) return b;
  if (!b) return a;
  if (a->size() * b->size() > kMaxClauses) {
    // Either side alone is still necessary: keep the one with more scanned atoms per
    // clause (a side with a clause of guards only could not trigger the rule at all).
    auto atoms = [](const Clauses& c) {
      size_t least = SIZE_MAX;
      for (const auto& clause : c) {
        least = std::min<size_t>(least, std::count_if(clause.begin(), clause.end(),
                                                      [](uint32_t id) { return !(id & kGuard); }));
      }
      return c.empty() ? SIZE_MAX : least;
    };
    return atoms(*a) >= atoms(*b) ? a : b;
  }
  Clauses out;
  for (const auto& x : *a) {
    for (const auto& y : *b) {
      std::vector<uint32_t> clause = x;
      clause.insert(clause.end(), y.begin(), y.end());
      std::sort(clause.begin(), clause.end());
      clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
      out.push_back(std::move(clause));
    }
  }
  return out;
}

// Whether an entry depends on its path's values alone (no let, fieldref or quantifier).
bool OnPathAlone(const Entry& e) {
  return e.quantifier == Entry::Quantifier::kNone && e.let_name.empty() && e.path && e.refs.empty();
}

// Whether an entry's answer depends on the record alone: no let value, in it or nested.
bool OnRecordAlone(const Entry& e) {
  if (!e.let_name.empty() || !e.path) return false;
  for (const std::vector<Entry>& alt : e.nested) {
    if (!std::all_of(alt.begin(), alt.end(), OnRecordAlone)) return false;
  }
  return true;
}

// The text that identifies what an entry tests: entries with the same text hold alike.
void AppendEntryKey(const Entry& e, std::string* key) {
  *key += fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", e.path ? e.path->text() : "",
                      static_cast<int>(e.op), e.cased, e.all, e.exists,
                      e.norm ? static_cast<int>(*e.norm) : -1, static_cast<int>(e.quantifier),
                      std::string_view(e.count_op), e.count, e.literals.size());
  for (size_t k = 0; k < e.literals.size(); ++k) {
    *key += '\x1f';
    *key += e.op == Entry::Op::kRe ? e.regexes[k]->pattern() : ValueJson(e.literals[k]);
  }
  for (const FieldPath& ref : e.refs) {
    *key += "\x1eref ";
    *key += ref.text();
  }
  for (const std::vector<Entry>& alt : e.nested) {
    *key += "\x1d(";
    for (const Entry& n : alt) {
      AppendEntryKey(n, key);
      *key += "\x1c";
    }
    *key += ")";
  }
}

// Whether the slot's scan answers the entry: equality, in, contains, startswith, endswith
// and re, holding when any literal does. (With |all, the same entry without it is still
// necessary: it serves as a trigger.)
bool Scannable(const Entry& e) {
  if (!OnPathAlone(e) || e.literals.empty()) return false;
  switch (e.op) {
    case Entry::Op::kEquals:
    case Entry::Op::kContains:
    case Entry::Op::kStartsWith:
    case Entry::Op::kEndsWith:
    case Entry::Op::kRe:
      return true;
    default:
      return false;
  }
}

// Whether a quantified entry can only hold when some element satisfies its nested map.
bool NeedsAnElement(const Entry& e) {
  std::string_view op(e.count_op);
  switch (e.quantifier) {
    case Entry::Quantifier::kAny:
    case Entry::Quantifier::kAll:
      return true;
    case Entry::Quantifier::kCount:
      return (op == ">=" && e.count >= 1) || op == ">" || (op == "==" && e.count >= 1);
    default:
      return false;
  }
}

}  // namespace casesift::engine_clauses
