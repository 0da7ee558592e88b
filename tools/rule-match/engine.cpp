#include "engine.h"

#include <fmt/format.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/hash.h"
#include "common/pattern_set.h"
#include "matcher.h"

namespace casesift {
namespace {

// What a literal-pattern hit means for its atom.
enum class Mode : uint8_t { kContains, kStartsWith, kEndsWith };

// One scalar a path yields, viewing the record's own bytes.
struct Scalar {
  Value::Kind kind;
  bool boolean;
  double number;
  std::string_view string;
};

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return Hash64(s); }
};
using TextTable = std::unordered_map<std::string, std::vector<uint32_t>, TextHash, std::equal_to<>>;

void FoldInto(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// A decimal string as rules read it (value.h, ParseDecimal), with a cheap first test: most
// strings (names, causes) cannot be numbers.
std::optional<double> DecimalOf(std::string_view s) {
  if (s.empty()) return std::nullopt;
  char c = s[0];
  if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) return std::nullopt;
  return ParseDecimal(s);
}

// The Hyperscan pattern for a literal: bytes as \xHH, Latin letters as [aA] unless cased.
std::string LiteralPattern(std::string_view literal, bool cased) {
  std::string out;
  for (char ch : literal) {
    auto c = static_cast<unsigned char>(ch);
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !cased) {
      char lower = static_cast<char>(c | 0x20), upper = static_cast<char>(c & ~0x20);
      out += fmt::format("[{}{}]", lower, upper);
    } else if (letter || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
  }
  return out;
}

// A path and everything the rules ask of its values.
struct Slot {
  const FieldPath* outer = nullptr;  // the path; for a proxy, the quantified array path
  const FieldPath* inner = nullptr;  // a proxy's nested path

  // contains/startswith/endswith: one database; pattern id -> (atom, mode, literal bytes).
  struct Target {
    uint32_t atom;
    Mode mode;
    uint32_t length;
  };
  std::map<std::pair<std::string, bool>, uint32_t> pattern_ids;  // (literal, cased) -> id
  std::vector<std::vector<Target>> pattern_targets;
  std::optional<PatternSet> patterns;
  std::vector<uint32_t> any_string;  // atoms with an empty literal: any string holds

  // re: one RE2::Set; set index -> atoms.
  std::map<std::string, uint32_t> regex_ids;
  std::vector<std::vector<uint32_t>> regex_targets;
  std::vector<const RE2*> regexes;
  std::unique_ptr<RE2::Set> regex_set;

  // equality and in.
  TextTable folded, cased;
  std::vector<std::pair<double, uint32_t>> numbers;  // sorted
  std::vector<uint32_t> bools[2];
};

// A compiled entry: decided by an atom's bit, or by the plain evaluator.
struct Step {
  int32_t atom;  // -1: evaluate `entry`
  const Entry* entry;
};
struct CompiledRule {
  size_t index;
  const Rule* rule;
  std::vector<std::vector<std::vector<Step>>> selections;  // selection -> map -> entries
  bool triggered = false;
};

using Need = std::optional<std::vector<uint32_t>>;  // atoms one of which must hold; none: unknown

Need Better(Need a, Need b) {
  if (!a) return b;
  if (!b) return a;
  return b->size() < a->size() ? b : a;
}

Need Union(Need a, const Need& b) {
  if (!a || !b) return std::nullopt;
  a->insert(a->end(), b->begin(), b->end());
  return a;
}

bool IsAtomShape(const Entry& e) {
  if (e.quantifier != Entry::Quantifier::kNone || !e.let_name.empty() || !e.path) return false;
  if (!e.refs.empty() || e.all || e.literals.empty()) return false;
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

}  // namespace

struct Engine::Impl {
  const RuleSet* set = nullptr;
  std::vector<Slot> slots;
  std::map<std::string, uint32_t> slot_ids;  // outer text \x1f inner text -> slot
  std::map<std::string, uint32_t> atom_ids;  // canonical atom text -> atom
  size_t atom_count = 0;
  std::vector<CompiledRule> rules;
  std::vector<std::vector<uint32_t>> triggers;  // atom -> compiled rules it triggers
  std::vector<uint32_t> always;                 // compiled rules with no trigger

  // Per-record scratch.
  std::vector<uint8_t> hit;
  std::vector<uint32_t> hits;
  std::vector<uint64_t> stamp;  // per compiled rule: the record it was last queued for
  uint64_t record_no = 0;
  std::vector<uint32_t> queue;
  std::vector<Scalar> values;
  std::vector<PatternHit> pattern_hits;
  std::vector<int> regex_hits;
  std::string folded;
  std::vector<int8_t> memo;
  LetValues lets;

  // ---- building ------------------------------------------------------------------------
  uint32_t SlotFor(const FieldPath* outer, const FieldPath* inner) {
    std::string key = outer->text() + '\x1f' + (inner ? inner->text() : std::string("-"));
    auto [it, added] = slot_ids.emplace(key, static_cast<uint32_t>(slots.size()));
    if (added) {
      slots.emplace_back();
      slots.back().outer = outer;
      slots.back().inner = inner;
    }
    return it->second;
  }

  // The atom for entry `e` on the slot; entries alike share one.
  uint32_t AtomFor(const Entry& e, const FieldPath* outer, const FieldPath* inner) {
    uint32_t s = SlotFor(outer, inner);
    std::string key = fmt::format("{}|{}|{}", s, static_cast<int>(e.op), e.cased);
    for (size_t k = 0; k < e.literals.size(); ++k) {
      key += '\x1f';
      key += e.op == Entry::Op::kRe ? e.regexes[k]->pattern() : ValueJson(e.literals[k]);
    }
    auto [it, added] = atom_ids.emplace(key, static_cast<uint32_t>(atom_count));
    if (!added) return it->second;
    uint32_t atom = static_cast<uint32_t>(atom_count++);
    Slot& slot = slots[s];
    for (size_t k = 0; k < e.literals.size(); ++k) {
      const Value& l = e.literals[k];
      switch (e.op) {
        case Entry::Op::kEquals:
          AddEquality(&slot, l, e.cased, atom);
          break;
        case Entry::Op::kRe: {
          const std::string& pattern = e.regexes[k]->pattern();
          auto [id, fresh] = slot.regex_ids.emplace(pattern, slot.regexes.size());
          if (fresh) {
            slot.regexes.push_back(e.regexes[k].get());
            slot.regex_targets.emplace_back();
          }
          slot.regex_targets[id->second].push_back(atom);
          break;
        }
        default: {
          Mode mode = e.op == Entry::Op::kContains     ? Mode::kContains
                      : e.op == Entry::Op::kStartsWith ? Mode::kStartsWith
                                                       : Mode::kEndsWith;
          if (l.string.empty()) {
            slot.any_string.push_back(atom);
            break;
          }
          auto [id, fresh] = slot.pattern_ids.emplace(std::make_pair(l.string, e.cased),
                                                      slot.pattern_targets.size());
          if (fresh) slot.pattern_targets.emplace_back();
          slot.pattern_targets[id->second].push_back(
              {atom, mode, static_cast<uint32_t>(l.string.size())});
        }
      }
    }
    return atom;
  }

  static void AddEquality(Slot* slot, const Value& l, bool cased, uint32_t atom) {
    if (l.kind == Value::Kind::kBool) {
      slot->bools[l.boolean ? 1 : 0].push_back(atom);
    } else if (std::optional<double> n = AsNumber(l)) {
      // A decimal string equals only what reads as its number: text equality with it
      // would need the value to be the same decimal text.
      slot->numbers.emplace_back(*n, atom);
    } else if (cased) {
      slot->cased[l.string].push_back(atom);
    } else {
      std::string key;
      FoldInto(l.string, &key);
      slot->folded[key].push_back(atom);
    }
  }

  // Compiles a rule's entries and works out what must hold for it to match.
  Need CompileEntries(const std::vector<Entry>& entries, std::vector<Step>* steps) {
    Need need;
    std::vector<Step> rest;
    for (const Entry& e : entries) {
      if (IsAtomShape(e)) {
        uint32_t atom = AtomFor(e, &*e.path, nullptr);
        steps->push_back({static_cast<int32_t>(atom), &e});
        need = Better(need, std::vector<uint32_t>{atom});
        continue;
      }
      rest.push_back({-1, &e});
      if (e.quantifier != Entry::Quantifier::kNone && NeedsAnElement(e)) {
        need = Better(need, ProxyNeed(e));
      }
    }
    steps->insert(steps->end(), rest.begin(), rest.end());  // bits first: they are free
    return need;
  }

  // What a quantified entry needs: an atom of each nested map, scanned over the array.
  Need ProxyNeed(const Entry& e) {
    Need need = std::vector<uint32_t>{};
    for (const std::vector<Entry>& alt : e.nested) {
      Need alt_need;
      for (const Entry& n : alt) {
        if (IsAtomShape(n)) {
          alt_need = Better(alt_need, std::vector<uint32_t>{AtomFor(n, &*e.path, &*n.path)});
        }
      }
      need = Union(need, alt_need);
    }
    return need;
  }

  Need ConditionNeed(const Condition& c, uint32_t n, const std::vector<Need>& selections) {
    const Condition::Node& node = c.nodes()[n];
    switch (node.kind) {
      case Condition::Node::Kind::kName:
        return selections[node.name];
      case Condition::Node::Kind::kAnd:
        return Better(ConditionNeed(c, node.a, selections), ConditionNeed(c, node.b, selections));
      case Condition::Node::Kind::kOr:
        return Union(ConditionNeed(c, node.a, selections), ConditionNeed(c, node.b, selections));
      case Condition::Node::Kind::kNot:
        return std::nullopt;
      case Condition::Node::Kind::kOf: {
        if (node.members.empty()) return std::nullopt;
        Need need = node.need == 0 ? Need() : Need(std::vector<uint32_t>{});
        for (uint32_t m : node.members) {
          need = node.need == 0 ? Better(need, selections[m]) : Union(need, selections[m]);
        }
        return need;
      }
    }
    return std::nullopt;
  }

  void CompileRule(size_t index) {
    const Rule& rule = set->rules[index];
    CompiledRule cr{index, &rule, {}, false};
    std::vector<Need> needs;
    for (const Selection& sel : rule.selections) {
      cr.selections.emplace_back();
      Need need = std::vector<uint32_t>{};
      for (const std::vector<Entry>& alt : sel.alternatives) {
        cr.selections.back().emplace_back();
        need = Union(need, CompileEntries(alt, &cr.selections.back().back()));
      }
      needs.push_back(std::move(need));
    }
    Need need =
        rule.condition ? ConditionNeed(*rule.condition, rule.condition->root(), needs) : Need();
    auto n = static_cast<uint32_t>(rules.size());
    if (need) {
      std::sort(need->begin(), need->end());
      need->erase(std::unique(need->begin(), need->end()), need->end());
      if (triggers.size() < atom_count) triggers.resize(atom_count);
      for (uint32_t atom : *need) triggers[atom].push_back(n);
      cr.triggered = true;
    } else {
      always.push_back(n);
    }
    rules.push_back(std::move(cr));
  }

  Status CompileSlots() {
    for (Slot& slot : slots) {
      std::sort(slot.numbers.begin(), slot.numbers.end());
      if (!slot.pattern_targets.empty()) {
        std::vector<PatternSet::Pattern> patterns;
        for (const auto& [literal, id] : slot.pattern_ids) {
          patterns.push_back({LiteralPattern(literal.first, literal.second), id, false});
        }
        Result<PatternSet> compiled = PatternSet::Compile(patterns);
        if (!compiled.ok()) return compiled.status();
        slot.patterns.emplace(std::move(*compiled));
      }
      if (!slot.regexes.empty()) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(int64_t{64} << 20);
        slot.regex_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
        for (const RE2* re : slot.regexes) {
          std::string error;
          if (slot.regex_set->Add(re->pattern(), &error) < 0) {
            return Status::Usage(fmt::format("RE2::Set rejects {}: {}", re->pattern(), error));
          }
        }
        if (!slot.regex_set->Compile())
          return Status::IoError("RE2::Set: out of memory compiling the regular expressions");
      }
    }
    triggers.resize(atom_count);
    hit.assign(atom_count, 0);
    stamp.assign(rules.size(), 0);
    return Status::OK();
  }

  // ---- matching ------------------------------------------------------------------------
  void Mark(uint32_t atom) {
    if (hit[atom] != 0) return;
    hit[atom] = 1;
    hits.push_back(atom);
  }

  void Resolve(const Slot& slot, simdjson::dom::element record) {
    values.clear();
    auto add = [&](simdjson::dom::element e) {
      switch (e.type()) {
        case simdjson::dom::element_type::STRING:
          values.push_back({Value::Kind::kString, false, 0, e.get_string().value_unsafe()});
          break;
        case simdjson::dom::element_type::INT64:
          values.push_back(
              {Value::Kind::kNumber, false, static_cast<double>(e.get_int64().value_unsafe()), {}});
          break;
        case simdjson::dom::element_type::UINT64:
          values.push_back({Value::Kind::kNumber,
                            false,
                            static_cast<double>(e.get_uint64().value_unsafe()),
                            {}});
          break;
        case simdjson::dom::element_type::DOUBLE:
          values.push_back({Value::Kind::kNumber, false, e.get_double().value_unsafe(), {}});
          break;
        case simdjson::dom::element_type::BOOL:
          values.push_back({Value::Kind::kBool, e.get_bool().value_unsafe(), 0, {}});
          break;
        default:
          break;
      }
    };
    if (slot.inner == nullptr) {
      slot.outer->ForEach(record, add);
      return;
    }
    // A proxy: the nested path in each element, as the quantifier sees the elements.
    slot.outer->ForEach(record, [&](simdjson::dom::element v) {
      simdjson::dom::array array;
      if (v.get_array().get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) slot.inner->ForEach(item, add);
      } else if (!v.is_null()) {
        slot.inner->ForEach(v, add);
      }
    });
  }

  void LookUpNumber(const Slot& slot, double x) {
    double span = 1e-12 * std::max(1.0, std::fabs(x));
    auto it = std::lower_bound(slot.numbers.begin(), slot.numbers.end(),
                               std::make_pair(x - span, uint32_t{0}));
    for (; it != slot.numbers.end() && it->first <= x + span; ++it) {
      if (CompareNumbers(x, it->first) == 0) Mark(it->second);
    }
  }

  void ScanString(const Slot& slot, std::string_view s) {
    for (uint32_t atom : slot.any_string) Mark(atom);
    if (slot.patterns) {
      pattern_hits.clear();
      slot.patterns->Scan(s, &pattern_hits);
      for (const PatternHit& h : pattern_hits) {
        for (const Slot::Target& t : slot.pattern_targets[h.id]) {
          bool holds = t.mode == Mode::kContains ||
                       (t.mode == Mode::kStartsWith ? h.end == t.length : h.end == s.size());
          if (holds) Mark(t.atom);
        }
      }
    }
    if (slot.regex_set) {
      regex_hits.clear();
      RE2::Set::ErrorInfo error;
      if (slot.regex_set->Match(s, &regex_hits, &error)) {
        for (int i : regex_hits) {
          for (uint32_t atom : slot.regex_targets[static_cast<size_t>(i)]) Mark(atom);
        }
      } else if (error.kind != RE2::Set::kNoError) {
        // The DFA ran out of memory on this text: ask each regex on its own.
        for (size_t i = 0; i < slot.regexes.size(); ++i) {
          if (RE2::PartialMatch(s, *slot.regexes[i])) {
            for (uint32_t atom : slot.regex_targets[i]) Mark(atom);
          }
        }
      }
    }
    if (!slot.numbers.empty()) {
      if (std::optional<double> n = DecimalOf(s)) {
        LookUpNumber(slot, *n);
        return;
      }
    }
    if (!slot.cased.empty()) {
      if (auto it = slot.cased.find(s); it != slot.cased.end()) {
        for (uint32_t atom : it->second) Mark(atom);
      }
    }
    if (!slot.folded.empty()) {
      FoldInto(s, &folded);
      if (auto it = slot.folded.find(std::string_view(folded)); it != slot.folded.end()) {
        for (uint32_t atom : it->second) Mark(atom);
      }
    }
  }

  void Scan(simdjson::dom::element record) {
    for (uint32_t atom : hits) hit[atom] = 0;
    hits.clear();
    for (const Slot& slot : slots) {
      Resolve(slot, record);
      for (const Scalar& v : values) {
        switch (v.kind) {
          case Value::Kind::kString:
            ScanString(slot, v.string);
            break;
          case Value::Kind::kNumber:
            if (!slot.numbers.empty()) LookUpNumber(slot, v.number);
            break;
          case Value::Kind::kBool:
            for (uint32_t atom : slot.bools[v.boolean ? 1 : 0]) Mark(atom);
            break;
        }
      }
    }
  }

  bool Evaluate(const CompiledRule& cr, simdjson::dom::element record, int64_t today) {
    if (!cr.rule->condition) return false;
    memo.assign(cr.selections.size(), -1);
    bool lets_ready = false;
    auto entry_holds = [&](const Step& step) {
      if (step.atom >= 0) return hit[static_cast<size_t>(step.atom)] != 0;
      if (!lets_ready) {
        ComputeLets(*cr.rule, record, today, &lets);
        lets_ready = true;
      }
      return EntryHolds(*step.entry, record, lets);
    };
    auto selection_holds = [&](uint32_t i) {
      if (memo[i] < 0) {
        memo[i] = 0;
        for (const std::vector<Step>& alt : cr.selections[i]) {
          if (std::all_of(alt.begin(), alt.end(), entry_holds)) {
            memo[i] = 1;
            break;
          }
        }
      }
      return memo[i] == 1;
    };
    return cr.rule->condition->EvalLazy(selection_holds);
  }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Build(const RuleSet& set) {
  auto impl = std::make_unique<Impl>();
  impl->set = &set;
  for (size_t i = 0; i < set.rules.size(); ++i) {
    if (!set.rules[i].correlation) impl->CompileRule(i);
  }
  CASESIFT_RETURN_IF_ERROR(impl->CompileSlots());
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

void Engine::Match(simdjson::dom::element record, int64_t today_days,
                   std::vector<size_t>* matched) {
  Impl& m = *impl_;
  matched->clear();
  m.Scan(record);
  ++m.record_no;
  m.queue.clear();
  for (uint32_t atom : m.hits) {
    for (uint32_t r : m.triggers[atom]) {
      if (m.stamp[r] == m.record_no) continue;
      m.stamp[r] = m.record_no;
      m.queue.push_back(r);
    }
  }
  m.queue.insert(m.queue.end(), m.always.begin(), m.always.end());
  std::sort(m.queue.begin(), m.queue.end());
  for (uint32_t r : m.queue) {
    if (m.Evaluate(m.rules[r], record, today_days)) matched->push_back(m.rules[r].index);
  }
}

std::vector<size_t> Engine::Untriggered() const {
  std::vector<size_t> out;
  for (uint32_t r : impl_->always) out.push_back(impl_->rules[r].index);
  return out;
}

}  // namespace casesift
