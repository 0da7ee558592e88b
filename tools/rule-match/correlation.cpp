#include "correlation.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>

#include "common/hash.h"
#include "common/json_builder.h"
#include "let_expr.h"
#include "matcher.h"

namespace casesift {
namespace {

// Days from 1970-01-01 for a YYYY-MM-DD date; nothing for anything else.
std::optional<int64_t> DayOf(std::string_view s) { return LetExpr::IsoDateDays(s); }

// One aggregate over a window that members enter and leave.
class Running {
 public:
  Running(Aggregate type, const Values CorrelationMember::*values) : type_(type), of_(values) {}
  void Add(const CorrelationMember& m, int sign) {
    for (const Value& v : m.*of_) {
      if (type_ == Aggregate::kValueCount) {
        std::string text = ValueJson(v);
        if (sign > 0) {
          ++distinct_[text];
        } else if (auto it = distinct_.find(text); it != distinct_.end() && --it->second == 0) {
          distinct_.erase(it);
        }
      } else if (std::optional<double> x = AsNumber(v)) {
        sum_ += sign * static_cast<long double>(*x);
        if (sign > 0) {
          numbers_.insert(*x);
        } else {
          numbers_.erase(numbers_.find(*x));
        }
      }
    }
  }
  std::optional<double> Get(size_t members) const {
    switch (type_) {
      case Aggregate::kEventCount:
        return static_cast<double>(members);
      case Aggregate::kValueCount:
        return static_cast<double>(distinct_.size());
      default:
        break;
    }
    if (numbers_.empty()) return std::nullopt;
    if (type_ == Aggregate::kMin) return *numbers_.begin();
    if (type_ == Aggregate::kMax) return *numbers_.rbegin();
    // A sum of the numbers still in the window, added afresh when few enough to be cheap.
    long double sum = sum_;
    if (numbers_.size() <= 64) {
      sum = 0;
      for (double x : numbers_) sum += x;
    }
    if (type_ == Aggregate::kSum) return static_cast<double>(sum);
    return static_cast<double>(sum / static_cast<long double>(numbers_.size()));
  }

 private:
  Aggregate type_;
  const Values CorrelationMember::*of_;
  std::map<std::string, size_t> distinct_;
  std::multiset<double> numbers_;
  long double sum_ = 0;
};

}  // namespace

std::optional<double> AggregateOf(Aggregate aggregate, size_t members, const Values& values) {
  if (aggregate == Aggregate::kEventCount) return static_cast<double>(members);
  if (aggregate == Aggregate::kValueCount) {
    std::set<std::string> distinct;
    for (const Value& v : values) distinct.insert(ValueJson(v));
    return static_cast<double>(distinct.size());
  }
  std::vector<double> xs;
  for (const Value& v : values) {
    if (std::optional<double> x = AsNumber(v)) xs.push_back(*x);
  }
  if (xs.empty()) return std::nullopt;
  if (aggregate == Aggregate::kMin) return *std::min_element(xs.begin(), xs.end());
  if (aggregate == Aggregate::kMax) return *std::max_element(xs.begin(), xs.end());
  long double sum = 0;
  for (double x : xs) sum += x;
  if (aggregate == Aggregate::kSum) return static_cast<double>(sum);
  return static_cast<double>(sum / static_cast<long double>(xs.size()));
}

std::vector<size_t> QualifyingMembers(const CorrelationSpec& spec,
                                      const std::vector<const CorrelationMember*>& members) {
  Running main(spec.type, &CorrelationMember::field);
  std::optional<Running> also;
  if (spec.also_type) also.emplace(*spec.also_type, &CorrelationMember::also);
  auto add = [&](size_t i, int sign) {
    main.Add(*members[i], sign);
    if (also) also->Add(*members[i], sign);
  };
  auto qualifies = [&](size_t count) {
    std::optional<double> v = main.Get(count);
    if (!v || !spec.condition.Holds(*v)) return false;
    if (!also) return true;
    std::optional<double> a = also->Get(count);
    return a && spec.also.Holds(*a);
  };
  std::vector<size_t> out;
  const size_t n = members.size();
  if (!spec.timespan_days) {
    for (size_t i = 0; i < n; ++i) add(i, 1);
    if (n > 0 && qualifies(n)) {
      for (size_t i = 0; i < n; ++i) out.push_back(i);
    }
    return out;
  }
  size_t end = 0, covered = 0, start = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && members[i]->day == members[i - 1]->day) continue;
    for (; start < i; ++start) add(start, -1);
    for (; end < n && members[end]->day - members[i]->day <= *spec.timespan_days; ++end) {
      add(end, 1);
    }
    if (qualifies(end - i)) {
      for (covered = std::max(covered, i); covered < end; ++covered) out.push_back(covered);
    }
  }
  return out;
}

std::string KeyJson(const CorrelationSpec& spec, const std::string* values) {
  std::string key;
  JsonBuilder b(&key);
  b.BeginObject();
  for (size_t i = 0; i < spec.group_by.size(); ++i) b.Key(spec.group_by_text[i]).Raw(values[i]);
  b.EndObject();
  return key;
}

CorrelationMember MemberOf(const CorrelationSpec& spec, simdjson::dom::element record,
                           uint64_t order) {
  CorrelationMember m;
  m.order = order;
  if (spec.time_field) {
    for (const Value& v : PathValues(*spec.time_field, record)) {
      std::optional<int64_t> day;
      if (v.kind == Value::Kind::kString) day = DayOf(v.string);
      if (!day) continue;
      m.dated = true;
      m.day = *day;
      m.date = v.string;
      break;
    }
  }
  // The group keys: every combination of the group-by paths' distinct values.
  const size_t width = spec.group_by.size();
  size_t tuples = 1;
  for (size_t g = 0; g < width; ++g) {
    std::vector<std::string> values;
    Values seen = PathValues(spec.group_by[g], record);
    if (g < spec.group_by_norm.size() && spec.group_by_norm[g]) {
      NormalizeStrings(*spec.group_by_norm[g], &seen);
    }
    for (const Value& v : seen) {
      std::string json = ValueJson(v);
      if (std::find(values.begin(), values.end(), json) == values.end()) {
        values.push_back(std::move(json));
      }
    }
    if (g == 0) {
      m.groups = std::move(values);
      tuples = m.groups.size();
      continue;
    }
    std::vector<std::string> next;
    next.reserve(tuples * values.size() * (g + 1));
    for (size_t t = 0; t < tuples; ++t) {
      for (const std::string& v : values) {
        next.insert(next.end(), m.groups.begin() + static_cast<std::ptrdiff_t>(t * g),
                    m.groups.begin() + static_cast<std::ptrdiff_t>((t + 1) * g));
        next.push_back(v);
      }
    }
    tuples *= values.size();
    m.groups = std::move(next);
  }
  if (spec.field) m.field = PathValues(*spec.field, record);
  if (spec.field_norm) NormalizeStrings(*spec.field_norm, &m.field);
  if (spec.also_field) m.also = PathValues(*spec.also_field, record);
  return m;
}

CorrelationEngine::CorrelationEngine(const RuleSet& rules) : rules_(rules) {
  for (size_t i : rules.correlation_order) {
    State& st = states_[i];
    for (size_t in : rules.rules[i].correlation->inputs) {
      if (rules.rules[in].correlation) {
        const State& inner = states_.at(in);
        st.bases.insert(inner.bases.begin(), inner.bases.end());
      } else {
        st.direct.insert(in);
        st.bases.insert(in);
      }
    }
    for (size_t base : st.bases) readers_[base].push_back(i);
  }
  // Levels: a rule reading only detection rules is on level 0, one reading correlations one
  // level above the highest of them.
  std::map<size_t, size_t> level_of;
  for (size_t i : rules.correlation_order) {
    size_t level = 0;
    for (size_t in : rules.rules[i].correlation->inputs) {
      if (rules.rules[in].correlation) level = std::max(level, level_of.at(in) + 1);
    }
    level_of[i] = level;
    if (levels_.size() <= level) levels_.resize(level + 1);
    levels_[level].push_back(i);
  }
}

void CorrelationEngine::Add(simdjson::dom::element record, uint64_t order,
                            const std::vector<size_t>& matched, std::string_view src_json) {
  Commit(Prepare(record, order, matched, src_json));
}

CorrelationEngine::Offer CorrelationEngine::Prepare(simdjson::dom::element record, uint64_t order,
                                                    const std::vector<size_t>& matched,
                                                    std::string_view src_json) const {
  Offer offer;
  std::vector<size_t> offered;
  for (size_t r : matched) {
    if (auto it = readers_.find(r); it != readers_.end()) {
      offered.insert(offered.end(), it->second.begin(), it->second.end());
    }
  }
  if (offered.empty()) return offer;
  std::sort(offered.begin(), offered.end());
  offered.erase(std::unique(offered.begin(), offered.end()), offered.end());
  offer.order = order;
  std::string_view case_no;
  if (record["case_no"].get_string().get(case_no) == simdjson::SUCCESS) offer.case_no = case_no;
  offer.src_json = src_json;
  for (size_t index : offered) {
    const State& st = states_.at(index);
    const CorrelationSpec& spec = *rules_.rules[index].correlation;
    CorrelationMember member = MemberOf(spec, record, order);
    // A record with no group-by value, or undated in a windowed rule, is in no group and
    // so in no lead: not kept.
    if (member.groups.empty() || (spec.timespan_days && !member.dated)) continue;
    bool direct = std::any_of(matched.begin(), matched.end(),
                              [&](size_t r) { return st.direct.count(r) != 0; });
    std::vector<std::string> keys;
    if (direct) {
      const size_t width = spec.group_by.size();
      for (size_t t = 0; t < member.groups.size(); t += width) {
        keys.push_back(KeyJson(spec, &member.groups[t]));
      }
    }
    offer.taken.push_back({index, std::move(member), direct, std::move(keys)});
  }
  return offer;
}

void CorrelationEngine::Commit(Offer offer) {
  if (offer.taken.empty()) return;
  records_.push_back({std::move(offer.case_no), std::move(offer.src_json)});
  for (Offer::Taken& t : offer.taken) {
    State& st = states_.at(t.rule);
    st.by_order.emplace_back(offer.order, st.members.size());
    st.members.push_back(std::move(t.member));
    st.members.back().record = records_.size() - 1;
    // A direct input's match joins its groups now, while the member is at hand.
    if (t.direct) Join(*rules_.rules[t.rule].correlation, &st, st.members.size() - 1, &t.keys);
  }
}

void CorrelationEngine::Join(const CorrelationSpec& spec, State* st, size_t index,
                             std::vector<std::string>* keys) {
  CorrelationMember& m = st->members[index];
  if (m.grouped) return;
  m.grouped = true;
  if (spec.timespan_days && !m.dated) return;
  const size_t width = spec.group_by.size();
  const Group::Member entry{m.day, m.order, index};
  for (size_t t = 0; t < m.groups.size(); t += width) {
    auto [it, added] = st->groups.try_emplace(keys != nullptr ? std::move((*keys)[t / width])
                                                              : KeyJson(spec, &m.groups[t]));
    Group& g = it->second;
    if (added) {
      g.values.assign(m.groups.begin() + static_cast<std::ptrdiff_t>(t),
                      m.groups.begin() + static_cast<std::ptrdiff_t>(t + width));
    }
    g.members.push_back(entry);
    if (g.touched != next_flush_) {
      g.touched = next_flush_;
      st->touched.emplace_back(&it->first, &g);
    }
  }
}

void CorrelationEngine::Flush(std::vector<CorrelationLead>* out, unsigned threads) {
  size_t first = out->size();
  // A level's rules read only rules of earlier levels: they are flushed independently.
  for (const std::vector<size_t>& level : levels_) {
    std::vector<std::vector<CorrelationLead>> leads(level.size());
    const auto n = static_cast<unsigned>(std::min<size_t>(threads, level.size()));
    if (n <= 1) {
      for (size_t i = 0; i < level.size(); ++i) FlushRule(level[i], &leads[i]);
    } else {
      std::atomic<size_t> next{0};
      auto work = [&] {
        for (size_t i = next++; i < level.size(); i = next++) FlushRule(level[i], &leads[i]);
      };
      std::vector<std::thread> extra;
      for (unsigned t = 1; t < n; ++t) extra.emplace_back(work);
      work();
      for (std::thread& t : extra) t.join();
    }
    for (std::vector<CorrelationLead>& l : leads) {
      out->insert(out->end(), std::make_move_iterator(l.begin()), std::make_move_iterator(l.end()));
    }
  }
  ++next_flush_;
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const CorrelationLead& a, const CorrelationLead& b) {
              return std::tie(a.rule, a.key_json) < std::tie(b.rule, b.key_json);
            });
}

void CorrelationEngine::FlushRule(size_t index, std::vector<CorrelationLead>* out) {
  const Rule& rule = rules_.rules[index];
  const CorrelationSpec& spec = *rule.correlation;
  State& st = states_.at(index);
  st.grown.clear();
  // Records newly in the leads of a correlation this one reads join its groups too.
  for (size_t in : spec.inputs) {
    if (!rules_.rules[in].correlation) continue;
    for (uint64_t order : states_.at(in).grown) {
      auto it = std::lower_bound(st.by_order.begin(), st.by_order.end(),
                                 std::make_pair(order, size_t{0}));
      if (it != st.by_order.end() && it->first == order) Join(spec, &st, it->second);
    }
  }
  std::vector<std::pair<const std::string*, Group*>> touched = std::move(st.touched);
  st.touched.clear();
  std::vector<const CorrelationMember*> sorted;
  std::vector<size_t> q;
  std::vector<uint64_t> orders;
  for (auto [key, group] : touched) {
    Group& g = *group;
    if (g.sorted < g.members.size()) {  // stable: as the insertions after equal keys were
      auto middle = g.members.begin() + static_cast<std::ptrdiff_t>(g.sorted);
      std::stable_sort(middle, g.members.end());
      std::inplace_merge(g.members.begin(), middle, g.members.end());
      g.sorted = g.members.size();
    }
    sorted.clear();
    q.clear();
    orders.clear();
    for (const Group::Member& m : g.members) sorted.push_back(&st.members[m.index]);
    for (size_t i : QualifyingMembers(spec, sorted)) {
      q.push_back(g.members[i].index);
      orders.push_back(g.members[i].order);
    }
    std::sort(orders.begin(), orders.end());
    if (q.empty() || orders == g.lead) continue;
    std::set_difference(orders.begin(), orders.end(), g.lead.begin(), g.lead.end(),
                        std::back_inserter(st.grown));
    g.lead = std::move(orders);
    out->push_back({index, *key, LeadJson(rule, st, *key, g, q)});
  }
}

std::string CorrelationEngine::LeadJson(const Rule& rule, const State& st, const std::string& key,
                                        const Group& group,
                                        const std::vector<size_t>& members) const {
  const CorrelationSpec& spec = *rule.correlation;
  Values field, also;
  std::set<std::string> case_nos;
  const CorrelationMember* first = nullptr;
  const CorrelationMember* last = nullptr;
  for (size_t i : members) {
    const CorrelationMember& m = st.members[i];
    field.insert(field.end(), m.field.begin(), m.field.end());
    also.insert(also.end(), m.also.begin(), m.also.end());
    if (const std::string& c = records_[m.record].case_no; !c.empty()) case_nos.insert(c);
    if (m.dated && first == nullptr) first = &m;
    if (m.dated) last = &m;
  }
  const size_t count = spec.type == Aggregate::kValueCount
                           ? static_cast<size_t>(*AggregateOf(spec.type, 0, field))
                           : members.size();
  auto value = [&](JsonBuilder& b, const std::string& name) {
    if (name == "group") {
      b.Raw(group.values.size() == 1 ? group.values[0] : key);
      return;
    }
    if (name == "count") {
      b.Uint(count);
      return;
    }
    Aggregate a = Aggregate::kEventCount;
    for (Aggregate x : {Aggregate::kValueCount, Aggregate::kSum, Aggregate::kMin, Aggregate::kMax,
                        Aggregate::kAvg}) {
      if (AggregateName(x) == name) a = x;
    }
    const Values& of = spec.type == a        ? field
                       : spec.also_type == a ? also
                       : spec.field          ? field
                                             : also;
    std::optional<double> v = AggregateOf(a, members.size(), of);
    if (v) {
      b.Raw(ValueJson(Value::Number(*v)));
    } else {
      b.Null();
    }
  };
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject();
  WriteLeadHead(b, rule, key);
  if (!rule.lead.subject_let.empty()) value(b.Key("subject"), rule.lead.subject_let);
  b.Key("count").Uint(count);
  b.Key("case_nos").BeginArray();
  for (const std::string& c : case_nos) b.String(c);
  b.EndArray();
  if (first != nullptr) {
    b.Key("first_date").String(first->date).Key("last_date").String(last->date);
  }
  if (!rule.lead.evidence.empty()) {
    b.Key("evidence").BeginObject();
    for (const LeadSpec::Evidence& e : rule.lead.evidence) value(b.Key(e.name), e.let);
    b.EndObject();
  }
  b.Key("src").BeginArray();
  for (size_t i : members) b.Raw(records_[st.members[i].record].src_json);
  b.EndArray();
  b.EndObject();
  return out;
}

}  // namespace casesift
