#include "engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "clauses.h"
#include "field_scan.h"
#include "matcher.h"

namespace casesift {
namespace {

using namespace engine_clauses;  // NOLINT(build/namespaces): the engine's own parts

// A path: what the rules ask of its values, and this record's values.
struct Slot {
  Slot(const FieldPath* outer, const FieldPath* inner, std::optional<NameLevel> norm)
      : scan(outer, inner, norm) {}
  FieldScan scan;
  std::vector<Scalar> values;  // this record's, when resolved == the record's number
  uint64_t resolved = 0;
  uint64_t scanned = 0;
};

// A compiled entry: decided by an atom, or by the plain evaluator.
struct Step {
  int32_t atom;  // -1: evaluate `entry`
  const Entry* entry;
};

// An atom: an entry on a path whose answer comes from that path's values alone. A scanned
// atom is set by the slot's scan; a computed one (numbers, neq, |all) is worked out from the
// slot's values when a rule asks, once per record. A record atom is an entry that reads
// more than its path's scalars (a fieldref, a quantifier, exists) but no let: the plain
// evaluator decides it, once per record however many rules have it.
struct Atom {
  uint32_t slot;                    // kNoSlot: a record atom
  const Entry* computed = nullptr;  // null: scanned
  uint64_t known = 0;               // computed: the record its value is for
  // When the atom can only hold on a record whose JSON text (without escapes) contains
  // one of these literals: (literal, cased). Empty: no such words.
  std::vector<std::pair<std::string, bool>> words;
};

// A rule compiled: its selections' maps as steps, atoms first.
struct CompiledRule {
  size_t index;
  const Rule* rule;
  std::vector<std::vector<std::vector<Step>>> selections;  // selection -> map -> entries
};

}  // namespace

struct Engine::Impl {
  const RuleSet* set = nullptr;
  std::vector<Slot> slots;  // std::deque would do as well: slots are never moved after Build
  std::map<std::string, uint32_t> slot_ids;  // outer text \x1f inner text -> slot
  std::map<std::string, uint32_t> atom_ids;  // canonical atom text -> atom
  std::vector<Atom> atoms;
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  LetValues no_lets;            // what a record atom's entry is evaluated with
  std::vector<uint32_t> order;  // the slots in scanning order
  std::vector<CompiledRule> rules;
  struct Clause {
    uint32_t rule = 0;            // compiled rule
    std::vector<uint32_t> atoms;  // its scanned atoms, ascending
    // Computed and record atoms the clause also needs (numbers, neq, exists, |all...):
    // worked out only when its scanned atoms have all held, before the rule is queued.
    std::vector<uint32_t> guards;
  };
  std::vector<Clause> clauses;
  // The clauses' stages after their first, as one program: for each clause, a stage per
  // slot of its atoms in scanning order, each `slot, n, atom...` (its n atoms in that
  // slot), then `kDone, clause`. A stage is named by its offset. Checking a stage and
  // moving to the next read adjacent words, not a clause, a stage table and an atom list
  // in three places: Scan spent most of its own time waiting for those reads.
  static constexpr uint32_t kDone = UINT32_MAX;
  std::vector<uint32_t> program;
  // The clauses whose first stage has an atom: atom a's are firsts[first_begin[a],
  // first_begin[a + 1]), each with the number of atoms in that stage and the offset of its
  // next stage in `program`. One flat array, not a vector per atom: Scan reads those of
  // some 30 atoms a record.
  struct First {
    uint32_t clause;
    uint32_t need;
    uint32_t next;
  };
  std::vector<First> firsts;
  std::vector<uint32_t> first_begin;
  std::vector<uint32_t> always;     // compiled rules with no trigger
  std::optional<PatternSet> words;  // one needed word of every clause (MayMatch)

  // Per-record scratch.
  uint64_t record_no = 0;
  simdjson::dom::element current;  // the record being matched
  std::vector<uint8_t> hit;        // per atom (scanned: set by the scan; computed: its value)
  std::vector<uint32_t> hits;      // the atoms set
  std::vector<uint32_t> found;     // what a slot's scan reported
  std::vector<uint64_t> stamp;     // per compiled rule: the record it was last queued for
  // Per slot: whether some clause has its first stage there (then the slot is scanned on
  // every record). Other slots are scanned only for a clause whose stages so far all held
  // (pending), or when an evaluation asks for one of their atoms.
  std::vector<uint8_t> every;
  // Per slot: the stages (offsets in `program`) in this slot of the clauses whose earlier
  // stages all held on this record.
  std::vector<std::vector<uint32_t>> pending;
  // Per clause, for a first stage of several atoms: how many held, on the record in
  // counted_for.
  std::vector<uint32_t> counts;
  std::vector<uint64_t> counted_for;
  std::vector<uint32_t> queue;
  std::vector<int8_t> memo;
  LetValues lets;

  // ---- building ------------------------------------------------------------------------
  uint32_t SlotFor(const FieldPath* outer, const FieldPath* inner, std::optional<NameLevel> norm) {
    std::string key = fmt::format("{}\x1f{}\x1f{}", outer->text(), inner ? inner->text() : "-",
                                  norm ? static_cast<int>(*norm) : -1);
    auto [it, added] = slot_ids.emplace(key, static_cast<uint32_t>(slots.size()));
    if (added) slots.emplace_back(outer, inner, norm);
    return it->second;
  }

  // The atom for entry `e` on the slot; entries alike share one. `any`: the scanned atom
  // that holds when any literal does, whatever |all says.
  uint32_t AtomFor(const Entry& e, const FieldPath* outer, const FieldPath* inner, bool any) {
    uint32_t s = SlotFor(outer, inner, e.norm);
    bool computed = !any && !(Scannable(e) && !e.all);
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}", s, static_cast<int>(e.op), e.cased, computed,
                                  computed && e.all, e.exists);
    for (size_t k = 0; k < e.literals.size(); ++k) {
      key += '\x1f';
      key += e.op == Entry::Op::kRe ? e.regexes[k]->pattern() : ValueJson(e.literals[k]);
    }
    auto [it, added] = atom_ids.emplace(key, static_cast<uint32_t>(atoms.size()));
    if (!added) return it->second;
    auto atom = static_cast<uint32_t>(atoms.size());
    atoms.push_back(
        {s, computed ? &e : nullptr, 0, computed ? decltype(Atom::words)() : WordsOf(e)});
    if (computed) return atom;
    FieldScan& scan = slots[s].scan;
    for (size_t k = 0; k < e.literals.size(); ++k) {
      switch (e.op) {
        case Entry::Op::kEquals:
          scan.AddEquality(e.literals[k], e.cased, atom);
          break;
        case Entry::Op::kRe:
          scan.AddRegex(e.regexes[k].get(), atom);
          break;
        default:
          scan.AddPattern(e.op == Entry::Op::kContains     ? FieldScan::Mode::kContains
                          : e.op == Entry::Op::kStartsWith ? FieldScan::Mode::kStartsWith
                                                           : FieldScan::Mode::kEndsWith,
                          e.literals[k].string, e.cased, atom);
      }
    }
    return atom;
  }

  // The record atom for entry `e` (OnRecordAlone, not OnPathAlone); entries alike share one.
  uint32_t RecordAtomFor(const Entry& e) {
    std::string key = "record|";
    AppendEntryKey(e, &key);
    auto [it, added] = atom_ids.emplace(key, static_cast<uint32_t>(atoms.size()));
    if (added) atoms.push_back({kNoSlot, &e, 0, {}});
    return it->second;
  }

  // Compiles a map's entries (atoms first: their bits are free) and works out what must
  // hold for the map to hold.
  Need CompileEntries(const std::vector<Entry>& entries, std::vector<Step>* steps) {
    Need need;
    std::vector<Step> computed, rest;
    for (const Entry& e : entries) {
      // `exists` on a path sees arrays and objects, not only the scalars a slot keeps.
      const bool path_exists = e.op == Entry::Op::kExists && OnPathAlone(e);
      if ((!OnPathAlone(e) || path_exists) && OnRecordAlone(e)) {
        // Decided once per record, and a guard: the map cannot hold without it.
        uint32_t atom = RecordAtomFor(e);
        rest.push_back({static_cast<int32_t>(atom), &e});
        need = Both(need, Clauses{{atom | kGuard}});
        if (e.quantifier != Entry::Quantifier::kNone && NeedsAnElement(e)) {
          need = Both(need, ProxyNeed(e));
        }
        continue;
      }
      if (OnPathAlone(e)) {
        uint32_t atom = AtomFor(e, &*e.path, nullptr, false);
        (atoms[atom].computed ? computed : *steps).push_back({static_cast<int32_t>(atom), &e});
        if (Scannable(e)) need = Both(need, Clauses{{AtomFor(e, &*e.path, nullptr, true)}});
        // A computed atom is necessary too: it guards the clause (see Clause::guards).
        if (atoms[atom].computed != nullptr) need = Both(need, Clauses{{atom | kGuard}});
        continue;
      }
      rest.push_back({-1, &e});
      if (e.quantifier != Entry::Quantifier::kNone && NeedsAnElement(e)) {
        need = Both(need, ProxyNeed(e));
      }
    }
    // Scanned atoms first (their bits are free), then computed ones, then the rest.
    steps->insert(steps->end(), computed.begin(), computed.end());
    steps->insert(steps->end(), rest.begin(), rest.end());
    return need;
  }

  // What a quantified entry needs: the atoms of one nested map, scanned over the array.
  Need ProxyNeed(const Entry& e) {
    Need need = Clauses{};
    for (const std::vector<Entry>& alt : e.nested) {
      Need alt_need;
      for (const Entry& n : alt) {
        if (Scannable(n)) {
          alt_need = Both(alt_need, Clauses{{AtomFor(n, &*e.path, &*n.path, true)}});
        }
      }
      need = Either(need, alt_need);
    }
    return need;
  }

  Need ConditionNeed(const Condition& c, uint32_t n, const std::vector<Need>& selections) {
    const Condition::Node& node = c.nodes()[n];
    switch (node.kind) {
      case Condition::Node::Kind::kName:
        return selections[node.name];
      case Condition::Node::Kind::kAnd:
        return Both(ConditionNeed(c, node.a, selections), ConditionNeed(c, node.b, selections));
      case Condition::Node::Kind::kOr:
        return Either(ConditionNeed(c, node.a, selections), ConditionNeed(c, node.b, selections));
      case Condition::Node::Kind::kNot:
        return std::nullopt;
      case Condition::Node::Kind::kOf: {
        if (node.members.empty()) return std::nullopt;
        Need need = node.need == 0 ? Need() : Need(Clauses{});
        for (uint32_t m : node.members) {
          need = node.need == 0 ? Both(need, selections[m]) : Either(need, selections[m]);
        }
        return need;
      }
    }
    return std::nullopt;
  }

  void CompileRule(size_t index) {
    const Rule& rule = set->rules[index];
    CompiledRule cr{index, &rule, {}};
    std::vector<Need> needs;
    for (const Selection& sel : rule.selections) {
      cr.selections.emplace_back();
      Need need = Clauses{};
      for (const std::vector<Entry>& alt : sel.alternatives) {
        cr.selections.back().emplace_back();
        need = Either(need, CompileEntries(alt, &cr.selections.back().back()));
      }
      needs.push_back(std::move(need));
    }
    Need need =
        rule.condition ? ConditionNeed(*rule.condition, rule.condition->root(), needs) : Need();
    auto n = static_cast<uint32_t>(rules.size());
    // A clause with no scanned atom could complete on any record: no trigger.
    auto scanned = [](uint32_t atom) { return (atom & kGuard) == 0; };
    bool untriggered = need && std::any_of(need->begin(), need->end(), [&](const auto& clause) {
                         return std::none_of(clause.begin(), clause.end(), scanned);
                       });
    if (need && !untriggered) {
      std::sort(need->begin(), need->end());
      need->erase(std::unique(need->begin(), need->end()), need->end());
      for (const std::vector<uint32_t>& clause : *need) {
        Clause& added = clauses.emplace_back();
        added.rule = n;
        for (uint32_t atom : clause) {
          if (scanned(atom)) {
            added.atoms.push_back(atom);
          } else {
            added.guards.push_back(atom & ~kGuard);
          }
        }
      }
    } else {
      always.push_back(n);
    }
    rules.push_back(std::move(cr));
  }

  Status CompileSlots() {
    for (Slot& slot : slots) CASESIFT_RETURN_IF_ERROR(slot.scan.Compile());
    counts.assign(clauses.size(), 0);
    counted_for.assign(clauses.size(), 0);
    every.assign(slots.size(), 0);
    pending.assign(slots.size(), {});
    OrderSlots();
    hit.assign(atoms.size(), 0);
    stamp.assign(rules.size(), 0);
    return CompileWords();
  }

  // For MayMatch: from every clause, the atom with the longest shortest word.
  Status CompileWords() {
    if (!always.empty() || clauses.empty()) return Status::OK();
    std::set<std::pair<std::string, bool>> needed;
    for (const Clause& clause : clauses) {
      const Atom* best = nullptr;
      size_t best_length = 0;
      for (uint32_t a : clause.atoms) {
        if (atoms[a].words.empty()) continue;
        size_t shortest = SIZE_MAX;
        for (const auto& w : atoms[a].words) shortest = std::min(shortest, w.first.size());
        if (shortest > best_length) best = &atoms[a], best_length = shortest;
      }
      if (best == nullptr) return Status::OK();  // this clause could hold on any text
      needed.insert(best->words.begin(), best->words.end());
    }
    std::vector<PatternSet::Pattern> patterns;
    for (const auto& [word, cased] : needed) {
      patterns.push_back(
          {LiteralPattern(word, cased), static_cast<uint32_t>(patterns.size()), false});
    }
    // The words are only a short cut: if Hyperscan cannot take them, every line is parsed.
    if (Result<PatternSet> compiled = PatternSet::Compile(patterns); compiled.ok()) {
      words.emplace(std::move(*compiled));
    }
    return Status::OK();
  }

  // Slots in more clauses first (the fields most rules ask about: cause, court...), so
  // that the others are scanned only for the clauses still open.
  void OrderSlots() {
    std::vector<size_t> uses(slots.size(), 0);
    for (const Clause& clause : clauses) {
      std::set<uint32_t> in;
      for (uint32_t a : clause.atoms) in.insert(atoms[a].slot);
      for (uint32_t sl : in) ++uses[sl];
    }
    order.resize(slots.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return uses[a] > uses[b]; });
    std::vector<size_t> rank(slots.size());
    for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    std::vector<std::vector<First>> atom_firsts(atoms.size());
    for (uint32_t c = 0; c < clauses.size(); ++c) {
      std::map<size_t, std::vector<uint32_t>> per_rank;  // rank of a slot -> atoms in it
      for (uint32_t a : clauses[c].atoms) per_rank[rank[atoms[a].slot]].push_back(a);
      const auto next = static_cast<uint32_t>(program.size());
      for (auto it = std::next(per_rank.begin()); it != per_rank.end(); ++it) {
        program.push_back(order[it->first]);
        program.push_back(static_cast<uint32_t>(it->second.size()));
        program.insert(program.end(), it->second.begin(), it->second.end());
      }
      program.push_back(kDone);
      program.push_back(c);
      const std::vector<uint32_t>& first = per_rank.begin()->second;
      every[order[per_rank.begin()->first]] = 1;
      for (uint32_t a : first) {
        atom_firsts[a].push_back({c, static_cast<uint32_t>(first.size()), next});
      }
    }
    first_begin.clear();
    for (const std::vector<First>& at : atom_firsts) {
      first_begin.push_back(static_cast<uint32_t>(firsts.size()));
      firsts.insert(firsts.end(), at.begin(), at.end());
    }
    first_begin.push_back(static_cast<uint32_t>(firsts.size()));
  }

  // ---- matching ------------------------------------------------------------------------
  void Set(uint32_t atom) {
    if (hit[atom] != 0) return;
    hit[atom] = 1;
    hits.push_back(atom);
  }

  const std::vector<Scalar>& ValuesOf(Slot& slot) {
    if (slot.resolved != record_no) {
      slot.values.clear();
      slot.scan.Resolve(current, &slot.values);
      slot.resolved = record_no;
    }
    return slot.values;
  }

  // Scans a slot's values; returns where its atoms start in `hits`.
  size_t ScanSlot(uint32_t s) {
    Slot& slot = slots[s];
    slot.scanned = record_no;
    found.clear();
    slot.scan.Scan(ValuesOf(slot), &found);
    size_t first = hits.size();
    for (uint32_t atom : found) Set(atom);
    return first;
  }

  // A clause's stages before `stage` (an offset in `program`) all held: waits for the next
  // one's slot, or, after the last, queues the rule when the clause's guards hold.
  void Advance(uint32_t stage) {
    if (program[stage] != kDone) {
      pending[program[stage]].push_back(stage);
      return;
    }
    const Clause& clause = clauses[program[stage + 1]];
    uint32_t r = clause.rule;
    if (stamp[r] == record_no) return;
    for (uint32_t g : clause.guards) {
      if (!Held(g)) return;
    }
    stamp[r] = record_no;
    queue.push_back(r);
  }

  // Scans, in order, the slots where some clause starts and those a clause reached, and
  // queues the rules of the clauses whose stages all held: a clause is looked at from the
  // hits of its first stage's atoms, then only while its stages hold.
  void Scan() {
    for (uint32_t atom : hits) hit[atom] = 0;
    hits.clear();
    queue.clear();
    for (uint32_t s : order) {
      std::vector<uint32_t>& waiting = pending[s];
      if (!every[s] && waiting.empty()) continue;
      // Advance only adds to the pending lists of later slots, and to `hits` (a guard's
      // computed atom, which starts no clause): indices, not iterators.
      for (size_t i = ScanSlot(s); i < hits.size(); ++i) {
        const uint32_t atom = hits[i];
        for (uint32_t k = first_begin[atom]; k < first_begin[atom + 1]; ++k) {
          const First f = firsts[k];
          if (f.need > 1) {
            if (counted_for[f.clause] != record_no) {
              counted_for[f.clause] = record_no;
              counts[f.clause] = 0;
            }
            if (++counts[f.clause] != f.need) continue;
          }
          Advance(f.next);
        }
      }
      for (uint32_t st : waiting) {
        const uint32_t* atom = &program[st + 2];
        const uint32_t* end = atom + program[st + 1];
        while (atom != end && hit[*atom] != 0) ++atom;
        if (atom == end) Advance(static_cast<uint32_t>(end - program.data()));
      }
      waiting.clear();
    }
  }

  // Whether an atom holds: a scanned one scans its slot if no clause needed it yet; a
  // computed one is worked out from the slot's values once per record.
  bool Held(uint32_t a) {
    Atom& atom = atoms[a];
    if (atom.slot == kNoSlot) {
      if (atom.known != record_no) {
        atom.known = record_no;
        if (EntryHolds(*atom.computed, current, no_lets)) Set(a);
      }
      return hit[a] != 0;
    }
    Slot& slot = slots[atom.slot];
    if (atom.computed != nullptr) {
      if (atom.known != record_no) {
        atom.known = record_no;
        if (ScalarsSatisfy(*atom.computed, ValuesOf(slot))) Set(a);
      }
    } else if (slot.scanned != record_no) {
      ScanSlot(atom.slot);
    }
    return hit[a] != 0;
  }

  bool Evaluate(const CompiledRule& cr, simdjson::dom::element record, int64_t today) {
    if (!cr.rule->condition) return false;
    memo.assign(cr.selections.size(), -1);
    bool lets_ready = false;
    auto entry_holds = [&](const Step& step) {
      if (step.atom >= 0) return Held(static_cast<uint32_t>(step.atom));
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
  ++m.record_no;
  m.current = record;
  m.Scan();
  m.queue.insert(m.queue.end(), m.always.begin(), m.always.end());
  std::sort(m.queue.begin(), m.queue.end());
  for (uint32_t r : m.queue) {
    if (m.Evaluate(m.rules[r], record, today_days)) matched->push_back(m.rules[r].index);
  }
}

bool Engine::prefilters() const { return impl_->words.has_value(); }

bool Engine::MayMatch(std::string_view json) const {
  if (!impl_->words || json.find('\\') != std::string_view::npos) return true;
  return impl_->words->Matches(json);
}

std::vector<size_t> Engine::Untriggered() const {
  std::vector<size_t> out;
  for (uint32_t r : impl_->always) out.push_back(impl_->rules[r].index);
  return out;
}

}  // namespace casesift
