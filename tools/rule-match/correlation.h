// Evaluates correlation rules (RULES.md, "Correlation windows"; "Batch and live"): records
// matched by a rule's inputs become members of groups (one per group-by value, or tuple of
// values); a group fires when one of its windows satisfies `condition` and `also`, and its
// lead lists the members of every qualifying window.
//
//   CorrelationEngine engine(rules);
//   for each record: engine.Add(record, matched_rule_indices, src_json);
//   engine.Flush(&leads);  // after each record (live) or once at the end (batch)
//
// Add is Commit(Prepare(...)). Prepare is const and reads only the record, the rules and
// what the constructor set up (never changed after), so several threads may prepare
// records while one commits them; Commit and Flush must be called from one thread at a
// time, Commit in input order. Flush(out, threads) runs the rules of each level on that
// many threads itself. An engine lives for one run over one input.
#ifndef CASESIFT_TOOLS_RULE_MATCH_CORRELATION_H_
#define CASESIFT_TOOLS_RULE_MATCH_CORRELATION_H_

#include <simdjson.h>

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "rules.h"
#include "value.h"

namespace casesift {

// One record as one correlation rule sees it: only what the rule reads of it.
struct CorrelationMember {
  uint64_t order = 0;    // the record's number in the input
  size_t record = 0;     // its case_no and src in the engine, shared by every rule
  bool dated = false;    // the time field held a YYYY-MM-DD date
  bool grouped = false;  // already in its groups (an input of the rule matched it)
  int64_t day = 0;       // that date as days since 1970-01-01
  std::string date;      // ten bytes: kept in the string itself, no allocation
  // The groups the record is in: tuples of the group-by paths' values (as JSON), one after
  // another, each as long as the rule has group-by paths.
  std::vector<std::string> groups;
  Values field, also;  // the values of `field` and of `also`'s field
};

// The members (indices into `members`) in some qualifying window of `spec`. `members` must
// be one group's members sorted by (day, order). A window is the members dated from one
// member's date to `timespan` days later (inclusive); without a timespan, the whole group.
// Linear after sorting, but for the ordered sets min, max and value_count keep.
std::vector<size_t> QualifyingMembers(const CorrelationSpec& spec,
                                      const std::vector<const CorrelationMember*>& members);

// The value of `aggregate` over `values` (the members' values of its field; one count per
// member for event_count): nothing when no value is a number (sum, min, max, avg).
std::optional<double> AggregateOf(Aggregate aggregate, size_t members,
                                  const std::vector<Value>& values);

// The parts of a record a correlation reads: members as `spec` sees them (all but
// `record`, which the engine sets).
CorrelationMember MemberOf(const CorrelationSpec& spec, simdjson::dom::element record,
                           uint64_t order);

// The lead key of a group: {"GROUP-BY PATH AS WRITTEN": VALUE, ...}, from one value per
// group-by path.
std::string KeyJson(const CorrelationSpec& spec, const std::string* values);

// One correlation lead, ready to write.
struct CorrelationLead {
  size_t rule = 0;  // index in RuleSet::rules
  std::string key_json;
  std::string json;
};

class CorrelationEngine {
 public:
  // REQUIRES: `rules` outlives the engine and has been through LoadRules.
  explicit CorrelationEngine(const RuleSet& rules);

  // Whether any correlation rule reads records.
  bool active() const { return !states_.empty(); }

  // Records that `record` (the input's `order`-th) was matched by the detection rules
  // `matched` (indices in RuleSet::rules). The same as Commit(Prepare(...)).
  void Add(simdjson::dom::element record, uint64_t order, const std::vector<size_t>& matched,
           std::string_view src_json);

  // What Add takes from one record, made apart from adding it: Prepare reads the record and
  // the rules only, so threads may prepare records while another commits; Commit must see
  // the records in input order.
  struct Offer {
    uint64_t order = 0;
    std::string case_no, src_json;
    // The correlation rules that take the record (index in RuleSet::rules), its member for
    // each, and whether a direct input of the rule matched it.
    struct Taken {
      size_t rule;
      CorrelationMember member;
      bool direct;
      // When direct: the keys of the member's groups (KeyJson), made here on the matching
      // thread rather than by Commit, which runs on one thread at a time.
      std::vector<std::string> keys;
    };
    std::vector<Taken> taken;
  };
  // Nothing (an empty `taken`) when no correlation reads a rule of `matched`, or the record
  // would be in none of their groups (no group-by value; undated in a windowed rule).
  Offer Prepare(simdjson::dom::element record, uint64_t order, const std::vector<size_t>& matched,
                std::string_view src_json) const;
  void Commit(Offer offer);

  // Re-evaluates the groups that gained members since the last flush and appends a lead
  // for each group that fired for the first time or whose member set changed, sorted by
  // rule order, then key. Includes the leads of rules with `emit: false`. With `threads`
  // above 1, rules that do not read one another are flushed on that many threads at once,
  // with the same result.
  void Flush(std::vector<CorrelationLead>* out, unsigned threads = 1);

 private:
  struct Group {
    std::vector<std::string> values;  // the group-by values, as JSON
    // Its members, by (day, order): the keys at hand, so that placing a member need not
    // read the others. Members join at the end; the flush sorts what joined since the last
    // (members[0, sorted) are in order) and merges it in: a sorted insertion per member
    // moved half a large group each time.
    struct Member {
      int64_t day;
      uint64_t order;
      size_t index;  // in State::members
      bool operator<(const Member& o) const {
        return std::tie(day, order) < std::tie(o.day, o.order);
      }
    };
    std::vector<Member> members;
    size_t sorted = 0;
    std::vector<uint64_t> lead;  // the orders of the last lead's members
    uint64_t touched = 0;        // the flush it was last given members for
  };
  struct State {
    std::set<size_t> direct;  // the detection rules among its inputs
    std::set<size_t> bases;   // the detection rules it reads, directly or through others
    std::deque<CorrelationMember> members;  // a deque: growing never moves members
    // (record order, index in members), in increasing order: records arrive in order.
    std::vector<std::pair<uint64_t, size_t>> by_order;
    // The groups given members since the last flush (each once), with their keys.
    std::vector<std::pair<const std::string*, Group*>> touched;
    std::vector<uint64_t> grown;  // orders newly in its leads in this flush
    // Node-based: a Group stays where it is while others are added. Leads are sorted by
    // key when written, so the table's order never shows.
    std::unordered_map<std::string, Group> groups;
  };
  // What every rule's members of one record share.
  struct Record {
    std::string case_no;
    std::string src_json;
  };
  std::string LeadJson(const Rule& rule, const State& st, const std::string& key,
                       const Group& group, const std::vector<size_t>& members) const;

  const RuleSet& rules_;
  std::map<size_t, State> states_;  // by rule index
  std::deque<Record> records_;      // the records some rule took as a member
  uint64_t next_flush_ = 1;         // flushes so far, plus one

  // Flush's work for one correlation rule; touches that rule's state only.
  void FlushRule(size_t index, std::vector<CorrelationLead>* out);
  // The correlation rules by level: a level's rules read only rules of earlier levels.
  std::vector<std::vector<size_t>> levels_;

  // Puts member `index` of `st` into its groups, once; marks them touched.
  // `keys`: the member's group keys when at hand (Offer::Taken), moved from.
  void Join(const CorrelationSpec& spec, State* st, size_t index,
            std::vector<std::string>* keys = nullptr);
  // Detection rule -> the correlation rules that read it (directly or through others), so
  // a record is offered only to those.
  std::map<size_t, std::vector<size_t>> readers_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_CORRELATION_H_
