// The `lead:` of a rule (rule_files.h, LoadLead).
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "rule_files.h"
#include "rules.h"
#include "suggest.h"

namespace casesift {
namespace {

// A lead path or `$name`.
Status LeadPath(const Source& src, const YAML::Node& node, const Rule& rule, std::string* text,
                std::optional<FieldPath>* path, std::string* let) {
  if (!node.IsScalar()) return src.Error(node, "expected a field path or $name");
  *text = node.Scalar();
  if (!text->empty() && (*text)[0] == '$') {
    *let = text->substr(1);
    std::vector<std::string> names;
    for (const auto& [n, e] : rule.lets) names.push_back(n);
    if (rule.correlation) {
      for (const char* a : {"group", "count", "sum", "min", "max", "avg", "value_count"}) {
        names.emplace_back(a);  // IsAggregateName
      }
    }
    if (std::find(names.begin(), names.end(), *let) == names.end()) {
      return src.Error(node,
                       fmt::format("${} is not defined in let{}", *let, LetNameHint(*let, names)),
                       src.QuoteOffset(node));
    }
    return Status::OK();
  }
  Result<FieldPath> p = FieldPath::Parse(*text);
  if (!p.ok()) return src.Relocate(p.status(), node, "");
  *path = std::move(*p);
  return Status::OK();
}

}  // namespace

Status LoadLead(const Source& src, const YAML::Node& lead, Rule* rule) {
  if (!lead.IsMap()) return src.Error(lead, "lead must be a map (key, subject, evidence)");
  static const std::vector<std::string> keys = {"key", "subject", "evidence"};
  for (const auto& kv : lead) {
    const std::string& key = kv.first.Scalar();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string hint = Suggest(key, keys);
      return src.Error(kv.first,
                       fmt::format("unknown lead key '{}'{}", key,
                                   hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
  }
  LeadSpec& spec = rule->lead;
  if (YAML::Node k = lead["key"]) {
    std::vector<YAML::Node> items;
    if (k.IsSequence()) {
      for (const auto& i : k) items.push_back(i);
    } else {
      items.push_back(k);
    }
    for (const YAML::Node& i : items) {
      if (!i.IsScalar()) return src.Error(i, "a key is a list of field paths");
      Result<FieldPath> p = FieldPath::Parse(i.Scalar());
      if (!p.ok()) return src.Relocate(p.status(), i, "");
      spec.key_text.push_back(i.Scalar());
      spec.key.push_back(std::move(*p));
      spec.key_sites.push_back(src.Site(i));
    }
  }
  if (YAML::Node s = lead["subject"]) {
    CASESIFT_RETURN_IF_ERROR(
        LeadPath(src, s, *rule, &spec.subject_text, &spec.subject, &spec.subject_let));
    spec.subject_site = src.Site(s);
  }
  if (YAML::Node ev = lead["evidence"]) {
    if (!ev.IsSequence()) return src.Error(ev, "evidence is a list of field paths and $names");
    for (const auto& item : ev) {
      LeadSpec::Evidence e;
      std::string text;
      CASESIFT_RETURN_IF_ERROR(LeadPath(src, item, *rule, &text, &e.path, &e.let));
      e.name = e.let.empty() ? text : e.let;
      e.site = src.Site(item);
      spec.evidence.push_back(std::move(e));
    }
  }
  return Status::OK();
}

}  // namespace casesift
