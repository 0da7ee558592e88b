// What the one-pass engine (engine.h) learns from a rule's entries before any record: which
// entries its scans answer, which it works out once per record, the text that makes two
// entries one atom, the words an atom needs in a record's text, and the algebra of the
// clauses that trigger a rule. Internal to rule-match.
#ifndef CASESIFT_TOOLS_RULE_MATCH_CLAUSES_H_
#define CASESIFT_TOOLS_RULE_MATCH_CLAUSES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rules.h"

namespace casesift::engine_clauses {

// The words an atom needs in the record's text, when it has them: (literal, cased). Empty:
// the atom can hold on a record whose text has none of them (a regex, a number, |norm...).
std::vector<std::pair<std::string, bool>> WordsOf(const Entry& e);

// What must hold for a part of a rule to hold: some clause, each clause a set of atoms
// that must all hold (sorted). None: nothing the scans can tell.
using Clauses = std::vector<std::vector<uint32_t>>;
using Need = std::optional<Clauses>;

// In a clause, a computed or record atom (a guard: see Engine::Impl::Clause) is marked with
// this bit; the others are scanned atoms, which alone can trigger the rule.
constexpr uint32_t kGuard = uint32_t{1} << 31;

Need Either(Need a, const Need& b);       // a or b
Need Both(const Need& a, const Need& b);  // a and b (past 32 clauses, one side of it)

// Whether an entry depends on its path's values alone (no let, fieldref or quantifier).
bool OnPathAlone(const Entry& e);
// Whether an entry's answer depends on the record alone: no let value, in it or nested.
bool OnRecordAlone(const Entry& e);
// Appends the text that identifies what an entry tests: entries with the same text hold
// alike.
void AppendEntryKey(const Entry& e, std::string* key);
// Whether the slot's scan answers the entry: equality, in, contains, startswith, endswith
// and re, holding when any literal does. (With |all, the same entry without it is still
// necessary: it serves as a trigger.)
bool Scannable(const Entry& e);
// Whether a quantified entry can only hold when some element satisfies its nested map.
bool NeedsAnElement(const Entry& e);

}  // namespace casesift::engine_clauses

#endif  // CASESIFT_TOOLS_RULE_MATCH_CLAUSES_H_
