// The vocabulary of prose_writer.h: per cause, the words a document uses for the
// relationship, the contract, the debt, the evidence, the defences and the 争议焦点, and
// the slot templates that put a case's names, dates and statutes into a phrase.
//
// A template is text with one-character slots in braces: {p} the plaintiff, {d} the
// defendant, {P}/{D} their role words in this voice (原告/被告, or nothing), {c} the
// contract or document, {r} the relationship, {b} the debt, {g} the goods or service,
// {t} a second defendant (or the defendant), {1} {2} {3} three dates between the event
// and the suit, in order, {0} a date before the event, {k} the statute on liability, {l}
// the statute on the contract's force, {e} the rule on the burden of proof.
//
// Thread safety: immutable tables; a Slots is a value, one per document.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_PROSE_WORDS_H_
#define CASESIFT_TOOLS_CASE_SYNTH_PROSE_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "case_plan.h"
#include "doc_writer.h"

namespace casesift::synth {

// A table of phrases: a view of a static array.
struct Phrases {
  const std::string_view* items = nullptr;
  size_t size = 0;
  template <size_t N>
  constexpr Phrases(const std::string_view (&a)[N]) : items(a), size(N) {}  // NOLINT
  constexpr Phrases() = default;
};

// One piece of evidence and what it is offered to prove.
struct Exhibit {
  std::string_view item;
  std::string_view proves;
};

struct ProseWords {
  std::string_view contract;  // {c}
  std::string_view relation;  // {r}
  std::string_view debt;      // {b}
  bool contract_case;         // a contract dispute (else a tort, a marriage)
  const Exhibit* exhibits;    // the plaintiff's evidence
  size_t exhibit_count;
  const Exhibit* counter_exhibits;  // the defendant's
  size_t counter_count;
  Phrases defences;  // supporting points of a defence, after the cause's main point
  Phrases focuses;   // 争议焦点
  Phrases analyses;  // the court's analysis paragraphs, one per focus, in order
  Phrases facts;     // extra found facts (court voice)
  Phrases claims;    // extra sentences of the plaintiff's 事实和理由
  Phrases clauses;   // contract clauses quoted in the facts (without quotes)
};

const ProseWords& WordsOf(Cause cause);

// The tables (prose_tables.cpp, prose_tables_family.cpp).
extern const ProseWords kLoanWords, kArrearsWords, kBankWords, kCardWords, kSaleWords,
    kPrepaidWords, kEducationWords, kPropertyWords, kLabourWords, kTrafficWords, kTrademarkWords,
    kDivorceWords;

// The slot values of one document in one voice.
class Slots {
 public:
  // `plaintiff_role`/`defendant_role`: 原告/被告 in a first-instance document; empty
  // when the parties are named bare (a quoted first instance).
  Slots(const CasePlan& plan, std::string_view plaintiff_role, std::string_view defendant_role);
  Slots(const Slots&) = delete;  // the slots point into the object's own dates
  Slots& operator=(const Slots&) = delete;
  // Writes `tmpl` with its slots filled.
  void Expand(DocWriter& w, std::string_view tmpl) const;
  // Gives slot `key` another value. REQUIRES: `value` outlives this Slots.
  void Set(char key, std::string_view value) { values_[key & 0x7f] = value; }

 private:
  std::string_view values_[128];
  std::string dates_[4];
};

// Chooses `k` distinct indices below `n` into `out` (k <= n <= 32), in random order.
void PickDistinct(Rng& rng, size_t n, size_t k, size_t* out);

// A count with a long right tail: lo + a few, sometimes many more (up to hi).
size_t SkewedCount(Rng& rng, size_t lo, size_t hi);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_PROSE_WORDS_H_
