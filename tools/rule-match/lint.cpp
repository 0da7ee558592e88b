#include "lint.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "suggest.h"

namespace casesift {
namespace {

// Which record a path's names are members of.
enum class Scope : uint8_t {
  kCase,     // a case record
  kElement,  // an element of parties, reps, amounts or allocations
  kAny,      // an element of some other array (joined records: a case record or anything)
  kNone,     // past what RECORDS.md says: not checked
};

const std::vector<std::string>& CaseFields() {
  static const std::vector<std::string> names = {
      "case_no",      "case_no_parts",   "court",       "doc_type",     "category",
      "procedure",    "trial_procedure", "cause",       "cause_listed", "parties",
      "claim_yuan",   "award_yuan",      "fee_yuan",    "amounts",      "filed_date",
      "decided_date", "outcome",         "allocations", "src",          "text",
      "sections",     "medical_yuan"};
  return names;
}

const std::vector<std::string>& ElementFields() {
  static const std::vector<std::string> names = {
      "role",    "side",  "name",     "kind",    "gender",     "birth",     "ethnicity",
      "address", "id_no", "id_valid", "uscc",    "uscc_valid", "legal_rep", "reps",
      "org",     "yuan",  "text",     "section", "to",         "item"};
  return names;
}

const std::vector<std::string>& AnyFields() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = CaseFields();
    all.insert(all.end(), ElementFields().begin(), ElementFields().end());
    return all;
  }();
  return names;
}

bool IsArray(std::string_view name) {
  return name == "parties" || name == "amounts" || name == "allocations" || name == "reps";
}

// The known name nearest `name` in `scope` when `name` is unknown there and within edit
// distance 2 of it (and nearer than the length of either: "ab" is no typo of "to"); else "".
std::string NearMiss(std::string_view name, Scope scope) {
  if (scope == Scope::kNone) return "";
  const std::vector<std::string>& known = scope == Scope::kCase      ? CaseFields()
                                          : scope == Scope::kElement ? ElementFields()
                                                                     : AnyFields();
  if (std::find(known.begin(), known.end(), name) != known.end()) return "";
  std::string best;
  size_t best_distance = 3;
  for (const std::string& k : known) {
    size_t d = EditDistance(name, k);
    if (d < best_distance && d < std::min(name.size(), k.size())) {
      best_distance = d;
      best = k;
    }
  }
  return best;
}

// One step of a path as written: a member name, or the text inside `[...]`, with its offset.
struct Step {
  bool member = true;
  std::string text;
  size_t offset = 0;
};

// The steps of `path` (already parsed once, so well formed), up to a '|' modifier.
std::vector<Step> Steps(std::string_view path) {
  std::vector<Step> steps;
  size_t i = 0;
  while (i < path.size() && path[i] != '|') {
    char c = path[i];
    if (c == '.') {
      ++i;
    } else if (c == '"' || c == '[') {
      char close = c == '"' ? '"' : ']';
      bool quoted = false;
      size_t j = i + 1;
      for (; j < path.size(); ++j) {
        if (path[j] == '\\' && j + 1 < path.size()) {
          ++j;
        } else if (c == '[' && path[j] == '"') {
          quoted = !quoted;
        } else if (!quoted && path[j] == close) {
          break;
        }
      }
      steps.push_back({c == '"', std::string(path.substr(i + 1, j - i - 1)), i + 1});
      i = j + 1;
    } else {
      size_t j = path.find_first_of(".[|", i);
      if (j == std::string_view::npos) j = path.size();
      steps.push_back({true, std::string(path.substr(i, j - i)), i});
      i = j;
    }
  }
  return steps;
}

class FieldLinter {
 public:
  explicit FieldLinter(std::vector<Status>* warnings) : warnings_(warnings) {}

  // Checks `path`, written at `site` plus `offset` bytes, whose names start in `scope`.
  // Returns the scope of the elements of the array the path ends at.
  Scope Path(std::string_view path, Scope scope, const SourceSite& site, size_t offset = 0) {
    std::vector<Step> steps = Steps(path);
    bool warned = false;
    Scope elements = Scope::kAny;
    for (size_t i = 0; i < steps.size() && scope != Scope::kNone; ++i) {
      if (!steps[i].member) break;
      const std::string& name = steps[i].text;
      if (!warned) warned = Warn(name, NearMiss(name, scope), site, offset + steps[i].offset);
      bool array = IsArray(name) && scope != Scope::kNone;
      elements = array ? Scope::kElement : Scope::kAny;
      if (i + 1 < steps.size() && !steps[i + 1].member) {
        if (array && !warned) warned = Filter(steps[i + 1], site, offset);
        ++i;
        scope = array ? Scope::kElement : Scope::kNone;
      } else {
        scope = Scope::kNone;  // a member of an object RECORDS.md does not list (src.file)
      }
    }
    return elements;
  }

  void Entries(const std::vector<Entry>& entries, Scope scope) {
    for (const Entry& e : entries) {
      if (e.path) {
        Scope elements = Path(e.path->text(), scope, e.site);
        for (const auto& alt : e.nested) Entries(alt, elements);
      }
      for (size_t i = 0; i < e.refs.size() && i < e.ref_sites.size(); ++i) {
        Path(e.refs[i].text(), scope, e.ref_sites[i]);
      }
    }
  }

 private:
  // The member names of a filter `[side=defendant,kind=org]`.
  bool Filter(const Step& filter, const SourceSite& site, size_t offset) {
    const std::string& s = filter.text;
    size_t start = 0;
    bool quoted = false;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] == '"') quoted = !quoted;
      if (i < s.size() && (quoted || s[i] != ',')) continue;
      std::string_view cond(s.data() + start, i - start);
      size_t eq = cond.find('=');
      if (eq != std::string_view::npos && !cond.empty() && cond[0] != '"') {
        std::string member(cond.substr(0, eq));
        if (Warn(member, NearMiss(member, Scope::kElement), site, offset + filter.offset + start)) {
          return true;
        }
      }
      start = i + 1;
    }
    return false;
  }

  bool Warn(std::string_view name, const std::string& hint, const SourceSite& site, size_t offset) {
    if (hint.empty() || site.location.line == 0) return false;
    Location at = site.location;
    // The name as it stands in the line; else (an escaped or folded scalar) the path's start.
    size_t column = at.column - 1 + offset;
    if (column < site.line.size() && site.line.compare(column, name.size(), name) == 0) {
      at.column += offset;
    }
    warnings_->push_back(
        Status::Usage(fmt::format("warning: unknown field '{}' (did you mean '{}'?): records "
                                  "from case-extract have no such field",
                                  name, hint))
            .At(at, site.line));
    return true;
  }

  std::vector<Status>* warnings_;
};

// The offset of `path` in the let expression `expr`, 0 when it is not there.
size_t PathOffset(std::string_view expr, std::string_view path) {
  size_t at = expr.find(path);
  return at == std::string_view::npos ? 0 : at;
}

}  // namespace

void LintFields(const RuleSet& set, std::vector<Status>* warnings) {
  for (const Rule& rule : set.rules) {
    std::vector<Status> found;
    FieldLinter lint(&found);
    for (size_t i = 0; i < rule.lets.size() && i < rule.let_sites.size(); ++i) {
      const LetExpr& expr = rule.lets[i].second;
      for (const std::string& path : expr.paths_used()) {
        lint.Path(path, Scope::kCase, rule.let_sites[i], PathOffset(expr.text(), path));
      }
    }
    for (const Selection& sel : rule.selections) {
      for (const auto& alt : sel.alternatives) lint.Entries(alt, Scope::kCase);
    }
    const LeadSpec& lead = rule.lead;
    for (size_t i = 0; i < lead.key.size() && i < lead.key_sites.size(); ++i) {
      lint.Path(lead.key[i].text(), Scope::kCase, lead.key_sites[i]);
    }
    if (lead.subject) lint.Path(lead.subject->text(), Scope::kCase, lead.subject_site);
    for (const LeadSpec::Evidence& e : lead.evidence) {
      if (e.path) lint.Path(e.path->text(), Scope::kCase, e.site);
    }
    if (const std::optional<CorrelationSpec>& c = rule.correlation) {
      // Records of another correlation's leads are leads, not case records.
      bool reads_leads = std::any_of(c->inputs.begin(), c->inputs.end(), [&](size_t in) {
        return in < set.rules.size() && set.rules[in].correlation.has_value();
      });
      if (!reads_leads) {
        for (size_t i = 0; i < c->group_by.size() && i < c->group_by_sites.size(); ++i) {
          lint.Path(c->group_by_text[i], Scope::kCase, c->group_by_sites[i]);
        }
        if (c->field) lint.Path(c->field->text(), Scope::kCase, c->field_site);
        if (c->time_field) lint.Path(c->time_field->text(), Scope::kCase, c->time_field_site);
        if (c->also_field) lint.Path(c->also_field->text(), Scope::kCase, c->also_field_site);
      }
    }
    std::stable_sort(found.begin(), found.end(), [](const Status& a, const Status& b) {
      return std::make_pair(a.location()->line, a.location()->column) <
             std::make_pair(b.location()->line, b.location()->column);
    });
    warnings->insert(warnings->end(), found.begin(), found.end());
  }
}

}  // namespace casesift
