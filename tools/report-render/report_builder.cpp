#include "report_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "common/rule_level.h"

namespace casesift {

namespace {

FieldRef Ref(Builtin b) { return FieldRef{b, -1, std::string(BuiltinName(b))}; }

std::vector<ColumnSpec> DefaultColumns(const ReportSpec& spec,
                                       const std::vector<const LoadedLead*>& leads) {
  bool dedupe = false, count = false;
  for (const LoadedLead* lead : leads) {
    dedupe = dedupe || lead->has_dedupe;
    count = count || lead->builtin[size_t(Builtin::kCount)].kind != Cell::Kind::kEmpty;
  }
  std::vector<Builtin> list = {Builtin::kLevel,    Builtin::kTitle, Builtin::kSubject,
                               Builtin::kCaseNos,  Builtin::kCourt, Builtin::kDate,
                               Builtin::kRecipient};
  if (spec.expand_evidence) {
    list.insert(list.begin() + 1, Builtin::kRule);
    if (count) list.push_back(Builtin::kCount);
  }
  list.push_back(Builtin::kEvidence);
  if (dedupe) list.push_back(Builtin::kStatus);
  list.push_back(Builtin::kLeadId);
  std::vector<ColumnSpec> columns;
  for (Builtin b : list) columns.push_back({std::string(BuiltinLabel(b)), Ref(b)});
  return columns;
}

// A column of the table being built: a field, or one evidence member.
struct Source {
  const ColumnSpec* spec = nullptr;
  std::string_view member;  // evidence member when the evidence is spread
};

int CompareCells(const Cell& a, const Cell& b) {
  bool ea = a.kind == Cell::Kind::kEmpty, eb = b.kind == Cell::Kind::kEmpty;
  if (ea || eb) return ea == eb ? 0 : (ea ? 1 : -1);  // empty last, either way
  if (a.kind == Cell::Kind::kLevel || b.kind == Cell::Kind::kLevel) {
    int ra = LevelRank(a.text), rb = LevelRank(b.text);
    if (ra != rb) return ra < rb ? -1 : 1;
  }
  // Numbers before everything else, so that the order is an order (2 < 10 < "15x").
  bool na = a.kind == Cell::Kind::kNumber, nb = b.kind == Cell::Kind::kNumber;
  if (na != nb) return na ? -1 : 1;
  if (na && nb) {
    double x = 0, y = 0;
    std::from_chars(a.text.data(), a.text.data() + a.text.size(), x);
    std::from_chars(b.text.data(), b.text.data() + b.text.size(), y);
    if (x != y) return x < y ? -1 : 1;
  }
  int c = a.text.compare(b.text);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <typename Map>
std::vector<std::pair<std::string, uint64_t>> ByCount(const Map& counts) {
  std::vector<std::pair<std::string, uint64_t>> out;
  out.reserve(counts.size());
  for (const auto& [k, n] : counts) out.emplace_back(std::string(k), n);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

std::vector<Tally> Tallies(const std::vector<const LoadedLead*>& leads) {
  // Rules by id (their labels, "title (id)", are made once each at the end).
  std::unordered_map<std::string_view, std::pair<std::string_view, uint64_t>> rules;
  std::unordered_map<std::string_view, uint64_t> recipients, courts;
  std::map<std::pair<int, std::string_view>, uint64_t> levels;  // (-rank, level)
  std::map<std::string_view, uint64_t> months;
  uint64_t undated = 0;
  auto text = [](const LoadedLead* l, Builtin b) { return l->builtin[size_t(b)].text; };
  for (const LoadedLead* l : leads) {
    auto& rule = rules[text(l, Builtin::kRule)];
    rule.first = text(l, Builtin::kTitle);
    ++rule.second;
    std::string_view level = text(l, Builtin::kLevel);
    ++levels[{-LevelRank(level), level.empty() ? "(none)" : level}];
    std::string_view recipient = text(l, Builtin::kRecipient);
    ++recipients[recipient.empty() ? "(none)" : recipient];
    std::string_view court = text(l, Builtin::kCourt);
    ++courts[court.empty() ? "(unknown)" : court];
    std::string_view date = text(l, Builtin::kDate);
    if (date.size() >= 7) {
      ++months[date.substr(0, 7)];
    } else {
      ++undated;
    }
  }
  std::unordered_map<std::string, uint64_t> rule_labels;
  for (const auto& [id, title_count] : rules) {
    const auto& [title, n] = title_count;
    rule_labels[title == id ? std::string(id) : fmt::format("{} ({})", title, id)] += n;
  }
  std::vector<Tally> out;
  out.push_back({"Leads per rule", "rule", ByCount(rule_labels)});
  Tally level{"Leads per level", "level", {}};
  for (const auto& [k, n] : levels) level.counts.emplace_back(std::string(k.second), n);
  out.push_back(std::move(level));
  out.push_back({"Leads per recipient", "recipient", ByCount(recipients)});
  Tally month{"Leads per month", "month", {}};
  for (const auto& [m, n] : months) month.counts.emplace_back(std::string(m), n);
  if (undated > 0) month.counts.emplace_back("(no date)", undated);
  out.push_back(std::move(month));
  out.push_back({"Leads per court", "court", ByCount(courts)});
  return out;
}

std::vector<Provenance::Rule> Rules(const std::vector<const LoadedLead*>& leads) {
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  std::map<Key, std::pair<std::string_view, uint64_t>> rules;  // -> title, leads
  for (const LoadedLead* l : leads) {
    const auto& b = l->builtin;
    auto& r = rules[Key(b[size_t(Builtin::kRule)].text, b[size_t(Builtin::kRuleVersion)].text,
                        b[size_t(Builtin::kRuleHash)].text)];
    r.first = b[size_t(Builtin::kTitle)].text;
    ++r.second;
  }
  std::vector<Provenance::Rule> out;
  for (const auto& [k, r] : rules) {
    out.push_back({std::string(std::get<0>(k)), std::string(std::get<1>(k)),
                   std::string(std::get<2>(k)), std::string(r.first), r.second});
  }
  // Versions in numeric order: 2 before 10.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.id != b.id) return a.id < b.id;
    if (a.version.size() != b.version.size()) return a.version.size() < b.version.size();
    return a.version < b.version;
  });
  return out;
}

}  // namespace

Report BuildReport(const ReportSpec& spec, const std::vector<const LoadedLead*>& leads,
                   const MaskSummary& mask, const Provenance& provenance) {
  Report report;
  report.title = spec.title;
  report.mask = mask;
  report.provenance = provenance;
  report.provenance.rules = Rules(leads);
  report.leads = leads.size();
  report.tallies = Tallies(leads);
  if (spec.group) report.group_field = spec.group->name;

  // Order.
  std::vector<const LoadedLead*> order = leads;
  std::vector<SortKey> keys = spec.sort;
  if (keys.empty()) keys.push_back({Ref(Builtin::kLevel), true});
  auto group_less = [&](const LoadedLead* a, const LoadedLead* b) {
    const Cell& x = spec.group->Of(*a);
    const Cell& y = spec.group->Of(*b);
    int c = CompareCells(x, y);
    bool level = x.kind == Cell::Kind::kLevel || y.kind == Cell::Kind::kLevel;
    if (level && c != 0 && x.kind != Cell::Kind::kEmpty && y.kind != Cell::Kind::kEmpty) c = -c;
    return c;
  };
  std::stable_sort(order.begin(), order.end(), [&](const LoadedLead* a, const LoadedLead* b) {
    if (spec.group) {
      int g = group_less(a, b);
      if (g != 0) return g < 0;
    }
    for (const SortKey& key : keys) {
      const Cell& x = key.field.Of(*a);
      const Cell& y = key.field.Of(*b);
      int c = CompareCells(x, y);
      if (c != 0 && key.descending && x.kind != Cell::Kind::kEmpty &&
          y.kind != Cell::Kind::kEmpty) {
        c = -c;
      }
      if (c != 0) return c < 0;
    }
    return a->order < b->order;
  });

  // Columns.
  std::vector<ColumnSpec> specs = spec.columns.empty() ? DefaultColumns(spec, leads) : spec.columns;
  std::vector<Source> sources;
  for (const ColumnSpec& c : specs) {
    if (spec.expand_evidence && c.field.builtin == Builtin::kEvidence) {
      std::vector<std::string_view> members;
      std::unordered_set<std::string_view> seen;
      for (const LoadedLead* l : order) {
        for (const auto& [name, cell] : l->evidence) {
          if (seen.insert(name).second) members.push_back(name);
        }
      }
      for (std::string_view m : members) {
        report.columns.push_back({std::string(m), "evidence." + std::string(m)});
        sources.push_back({&c, m});
      }
      continue;
    }
    report.columns.push_back({c.label, c.field.name});
    sources.push_back({&c, ""});
  }

  // Rows and groups.
  report.rows.reserve(order.size());
  for (const LoadedLead* l : order) {
    LeadRow row;
    row.cells.reserve(sources.size());
    for (const Source& s : sources) {
      if (!s.member.empty()) {
        auto it = std::find_if(l->evidence.begin(), l->evidence.end(),
                               [&](const auto& kv) { return kv.first == s.member; });
        row.cells.push_back(it == l->evidence.end() ? Cell{} : it->second);
      } else {
        row.cells.push_back(s.spec->field.Of(*l));
      }
    }
    row.lead_id = l->builtin[size_t(Builtin::kLeadId)].text;
    row.rule = l->builtin[size_t(Builtin::kRule)].text;
    row.level = l->builtin[size_t(Builtin::kLevel)].text;
    row.json = l->json;
    row.court = l->builtin[size_t(Builtin::kCourt)].text;
    row.date = l->builtin[size_t(Builtin::kDate)].text;
    if (spec.group) row.group = spec.group->Of(*l).text;
    if (report.groups.empty() || (spec.group && report.groups.back().value != row.group)) {
      report.groups.push_back({std::string(row.group), report.rows.size(), report.rows.size()});
    }
    report.rows.push_back(std::move(row));
    report.groups.back().end = report.rows.size();
  }
  if (report.groups.empty()) report.groups.push_back({"", 0, 0});

  // Column kinds.
  for (size_t c = 0; c < report.columns.size(); ++c) {
    bool numbers = true, dates = true, any = false;
    for (const LeadRow& row : report.rows) {
      Cell::Kind k = row.cells[c].kind;
      if (k == Cell::Kind::kEmpty) continue;
      any = true;
      numbers = numbers && k == Cell::Kind::kNumber;
      dates = dates && k == Cell::Kind::kDate;
    }
    report.columns[c].numeric = any && numbers;
    report.columns[c].dates = any && dates;
  }
  return report;
}

}  // namespace casesift
