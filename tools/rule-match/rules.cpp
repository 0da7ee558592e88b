#include "rules.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "common/hash.h"
#include "common/json_builder.h"
#include "matcher.h"
#include "rule_files.h"
#include "suggest.h"

namespace casesift {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& TopKeys() {
  static const std::vector<std::string> keys = {
      "id",          "title",      "version",        "status",     "level", "recipient",
      "description", "references", "falsepositives", "lists",      "let",   "detection",
      "lead",        "tests",      "emit",           "correlation"};
  return keys;
}

const std::vector<std::string>& Modifiers() {
  static const std::vector<std::string> mods = {
      "contains", "startswith", "endswith", "re",       "in",   "gt",   "gte",   "lt",
      "lte",      "neq",        "exists",   "fieldref", "norm", "core", "cased", "all"};
  return mods;
}

// The offset of `$name` in a let expression (0 when it cannot be found).
size_t NameOffset(std::string_view expr, std::string_view name) {
  const std::string needle = fmt::format("${}", name);
  for (size_t at = expr.find(needle); at != std::string_view::npos;
       at = expr.find(needle, at + 1)) {
    size_t end = at + needle.size();
    char next = end < expr.size() ? expr[end] : ' ';
    bool word = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                (next >= '0' && next <= '9') || next == '_' || (next & 0x80) != 0;
    if (!word) return at;
  }
  return 0;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Loads one rule document.
class RuleLoader {
 public:
  RuleLoader(const Source& src, RuleSet* set) : src_(src), set_(set) {}

  Status Load(const YAML::Node& doc, Rule* rule) {
    rule_ = rule;
    rule->file = src_.file();
    rule->location = src_.At(doc.Mark());
    if (!doc.IsMap()) return src_.Error(doc, "a rule must be a map of keys (id, title, ...)");
    for (const auto& kv : doc) {
      const std::string& key = kv.first.Scalar();
      if (std::find(TopKeys().begin(), TopKeys().end(), key) == TopKeys().end()) {
        return src_.Error(kv.first, Unknown("key", key, TopKeys()));
      }
    }
    CASESIFT_RETURN_IF_ERROR(Metadata(doc));
    if (doc["correlation"]) {
      CASESIFT_RETURN_IF_ERROR(LoadCorrelation(src_, doc, rule));
      if (doc["lead"]) CASESIFT_RETURN_IF_ERROR(LoadLead(src_, doc["lead"], rule));
      rule->hash = Hash64(CanonicalText(doc));
      rule->lead_members = LeadMembersJson(*rule);
      return Status::OK();
    }
    if (doc["lists"]) CASESIFT_RETURN_IF_ERROR(Lists(doc["lists"]));
    if (doc["let"]) CASESIFT_RETURN_IF_ERROR(Lets(doc["let"]));
    if (!doc["detection"])
      return src_.Error(doc, fmt::format("rule '{}' has no detection: or correlation:", rule->id));
    CASESIFT_RETURN_IF_ERROR(Detection(doc["detection"]));
    if (doc["lead"]) CASESIFT_RETURN_IF_ERROR(LoadLead(src_, doc["lead"], rule));
    if (rule->lead.key.empty()) rule->lead.key_text.push_back("case_no");
    if (rule->lead.key.empty()) rule->lead.key.push_back(*FieldPath::Parse("case_no"));
    if (doc["tests"]) CASESIFT_RETURN_IF_ERROR(Tests(doc["tests"]));
    rule->hash = Hash64(CanonicalText(doc));
    rule->lead_members = LeadMembersJson(*rule);
    return Status::OK();
  }

 private:
  Status Scalar(const YAML::Node& doc, const char* key, std::string* out, bool required) {
    YAML::Node n = doc[key];
    if (!n) {
      if (required) return src_.Error(doc, fmt::format("the rule has no '{}'", key));
      return Status::OK();
    }
    if (!n.IsScalar()) return src_.Error(n, fmt::format("'{}' must be a single value", key));
    *out = n.Scalar();
    return Status::OK();
  }

  Status OneOf(const YAML::Node& doc, const char* key, std::string* out,
               const std::vector<std::string>& allowed) {
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, key, out, true));
    if (std::find(allowed.begin(), allowed.end(), *out) == allowed.end()) {
      std::string all;
      for (const std::string& a : allowed) all += (all.empty() ? "" : ", ") + a;
      return src_.Error(doc[key], fmt::format("{}: '{}' is not one of {}", key, *out, all));
    }
    return Status::OK();
  }

  Status Metadata(const YAML::Node& doc) {
    Rule& r = *rule_;
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, "id", &r.id, true));
    if (!ValidId(r.id)) {
      return src_.Error(doc["id"],
                        fmt::format("id '{}': use lower-case letters, digits and '-'", r.id));
    }
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, "title", &r.title, true));
    std::string version;
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, "version", &version, true));
    std::optional<double> v = ParseDecimal(version);
    if (!v || *v < 1 || *v != static_cast<double>(static_cast<int64_t>(*v)) || *v > 1e9) {
      return src_.Error(doc["version"], "version must be a positive whole number");
    }
    r.version = static_cast<int64_t>(*v);
    CASESIFT_RETURN_IF_ERROR(
        OneOf(doc, "status", &r.status, {"experimental", "test", "stable", "deprecated"}));
    CASESIFT_RETURN_IF_ERROR(
        OneOf(doc, "level", &r.level, {"info", "low", "medium", "high", "critical"}));
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, "recipient", &r.recipient, false));
    CASESIFT_RETURN_IF_ERROR(Scalar(doc, "description", &r.description, false));
    for (const char* key : {"references", "falsepositives"}) {
      YAML::Node n = doc[key];
      if (n && !n.IsSequence()) return src_.Error(n, fmt::format("'{}' must be a list", key));
    }
    if (YAML::Node e = doc["emit"]) {
      std::optional<Value> b = e.IsScalar() ? Literal(e) : std::nullopt;
      if (!b || b->kind != Value::Kind::kBool) return src_.Error(e, "emit must be true or false");
      r.emit = b->boolean;
    }
    return Status::OK();
  }

  Status Lists(const YAML::Node& lists) {
    if (!lists.IsMap()) return src_.Error(lists, "lists must be a map from name to values");
    for (const auto& kv : lists) {
      const std::string& name = kv.first.Scalar();
      std::vector<Value> values;
      if (!kv.second.IsSequence()) return src_.Error(kv.second, "a list must be a sequence");
      for (const auto& item : kv.second) {
        std::optional<Value> v = item.IsScalar() ? Literal(item) : std::nullopt;
        if (!v) return src_.Error(item, "a list holds single values (no null, maps or lists)");
        values.push_back(*v);
      }
      auto [it, fresh] = set_->lists.emplace(name, values);
      if (!fresh && it->second != values) {
        return src_.Error(kv.first,
                          fmt::format("list '{}' is defined twice with different values", name));
      }
    }
    return Status::OK();
  }

  bool LetDefined(std::string_view name) const {
    for (const auto& [n, e] : rule_->lets) {
      if (n == name) return true;
    }
    return false;
  }

  std::vector<std::string> LetNames() const {
    std::vector<std::string> names;
    for (const auto& [n, e] : rule_->lets) names.push_back(n);
    return names;
  }

  Status Lets(const YAML::Node& lets) {
    if (!lets.IsMap()) return src_.Error(lets, "let must be a map from name to expression");
    for (const auto& kv : lets) {
      const std::string& name = kv.first.Scalar();
      if (!kv.second.IsScalar()) return src_.Error(kv.second, "a let value is one expression");
      Result<LetExpr> e = LetExpr::Parse(kv.second.Scalar());
      if (!e.ok()) return src_.Relocate(e.status(), kv.second, fmt::format("let {}", name));
      for (const std::string& used : e->names_used()) {
        if (!LetDefined(used)) {
          return src_.Error(kv.second,
                            fmt::format("${} is not defined above this let{}", used,
                                        used == name ? " (a let cannot use itself)"
                                                     : LetNameHint(used, LetNames())),
                            src_.QuoteOffset(kv.second) + NameOffset(e->text(), used));
        }
      }
      if (LetDefined(name))
        return src_.Error(kv.first, fmt::format("let {} is defined twice", name));
      rule_->lets.emplace_back(name, std::move(*e));
      rule_->let_sites.push_back(src_.Site(kv.second));
    }
    return Status::OK();
  }

  Status Detection(const YAML::Node& det) {
    if (!det.IsMap())
      return src_.Error(det, "detection must be a map of selections and a condition");
    YAML::Node cond;
    std::vector<std::string> names;
    std::vector<YAML::Node> keys;
    for (const auto& kv : det) {
      const std::string& name = kv.first.Scalar();
      if (name == "condition") {
        cond = kv.second;
        continue;
      }
      Selection sel;
      sel.name = name;
      CASESIFT_RETURN_IF_ERROR(Alternatives(kv.second, &sel.alternatives));
      rule_->selections.push_back(std::move(sel));
      names.push_back(name);
      keys.push_back(kv.first);
    }
    if (!cond) return src_.Error(det, "detection has no condition");
    if (!cond.IsScalar()) return src_.Error(cond, "the condition is one line of text");
    Result<Condition> c = Condition::Parse(cond.Scalar(), names);
    if (!c.ok()) return src_.Relocate(c.status(), cond, "");
    for (size_t i = 0; i < names.size(); ++i) {
      if (!c->used()[i]) {
        return src_.Error(keys[i],
                          fmt::format("selection '{}' is not used by the condition", names[i]));
      }
    }
    rule_->condition = std::move(*c);
    return Status::OK();
  }

  // A selection: a map (all entries hold) or a list of maps (any of them holds).
  Status Alternatives(const YAML::Node& node, std::vector<std::vector<Entry>>* out) {
    if (node.IsMap()) {
      out->emplace_back();
      return Entries(node, &out->back());
    }
    if (node.IsSequence() && node.size() > 0) {
      for (const auto& item : node) {
        if (!item.IsMap())
          return src_.Error(item, "a selection list holds maps of field conditions");
        out->emplace_back();
        CASESIFT_RETURN_IF_ERROR(Entries(item, &out->back()));
      }
      return Status::OK();
    }
    return src_.Error(node, "a selection is a map of field conditions, or a list of such maps");
  }

  Status Entries(const YAML::Node& map, std::vector<Entry>* out) {
    for (const auto& kv : map) {
      Entry e;
      CASESIFT_RETURN_IF_ERROR(ParseEntry(kv.first, kv.second, &e));
      out->push_back(std::move(e));
    }
    if (out->empty()) return src_.Error(map, "an empty selection would hold for every record");
    return Status::OK();
  }

  Status ParsePath(const YAML::Node& key, std::string_view text, size_t offset, Entry* e) {
    if (!text.empty() && text[0] == '$') {
      e->let_name = std::string(text.substr(1));
      if (!LetDefined(e->let_name)) {
        return src_.Error(key,
                          fmt::format("${} is not defined in let{}", e->let_name,
                                      LetNameHint(e->let_name, LetNames())),
                          src_.QuoteOffset(key) + offset);
      }
      return Status::OK();
    }
    Result<FieldPath> p = FieldPath::Parse(text);
    if (!p.ok()) {
      Status inner = p.status();
      size_t column = inner.location() ? inner.location()->column : 1;
      return src_.Error(key, inner.message(), src_.QuoteOffset(key) + offset + column - 1);
    }
    e->path = std::move(*p);
    return Status::OK();
  }

  // A key `PATH[WORD]` or `PATH[count...]` with a nested map that is no quantifier: a
  // misspelt quantifier, or a count that is not a whole number, located at its '['.
  Status BadQuantifier(const YAML::Node& key) {
    const std::string& text = key.Scalar();
    size_t open = text.rfind('[');
    if (text.empty() || text.back() != ']' || open == std::string::npos) return Status::OK();
    std::string inner = text.substr(open + 1, text.size() - open - 2);
    size_t column = src_.QuoteOffset(key) + open;
    static const RE2 count(R"(count\s*(>=|>|<=|<|==).*)");
    if (RE2::FullMatch(inner, count)) {
      return src_.Error(key, "the count of [count>=N] must be a whole number", column);
    }
    static const RE2 word("[A-Za-z_]+");
    if (!RE2::FullMatch(inner, word)) return Status::OK();
    std::string lower = inner, best;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    size_t best_distance = 3;
    for (const char* q : {"any", "all", "none", "count"}) {
      size_t d = EditDistance(lower, q);
      if (d < best_distance) {
        best_distance = d;
        best = q;
      }
    }
    if (inner == "count") {
      return src_.Error(key, "[count] needs a comparison with a whole number, such as [count>=2]",
                        column);
    }
    if (best.empty()) return Status::OK();
    return src_.Error(
        key, fmt::format("unknown quantifier '[{}]' (did you mean '[{}]'?)", inner, best), column);
  }

  Status ParseEntry(const YAML::Node& key, const YAML::Node& value, Entry* e) {
    const std::string text = key.Scalar();
    e->key = text;
    e->site = src_.Site(key);
    // The modifiers follow the first '|' outside brackets and quotes.
    size_t bar = std::string::npos;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '[') ++depth;
      if (c == ']') --depth;
      if (c == '|' && depth == 0) {
        bar = i;
        break;
      }
    }
    std::string path = text.substr(0, bar);
    // A quantifier: PATH[any], PATH[all], PATH[none], PATH[count>=N].
    static const RE2 quantifier(R"(^(.*)\[(any|all|none|count\s*(>=|>|<=|<|==)\s*(\d{1,9}))\]$)");
    std::string base, word, op, n;
    if (bar == std::string::npos && RE2::FullMatch(path, quantifier, &base, &word, &op, &n)) {
      CASESIFT_RETURN_IF_ERROR(ParsePath(key, base, 0, e));
      if (!e->let_name.empty())
        return src_.Error(key, "a quantifier applies to an array path, not a let value");
      e->quantifier = word == "any"    ? Entry::Quantifier::kAny
                      : word == "all"  ? Entry::Quantifier::kAll
                      : word == "none" ? Entry::Quantifier::kNone_
                                       : Entry::Quantifier::kCount;
      if (e->quantifier == Entry::Quantifier::kCount) {
        std::copy(op.begin(), op.end(), e->count_op);
        e->count = std::stoull(n);
      }
      return Alternatives(value, &e->nested);
    }
    if (bar == std::string::npos && value.IsMap()) CASESIFT_RETURN_IF_ERROR(BadQuantifier(key));
    CASESIFT_RETURN_IF_ERROR(ParsePath(key, path, 0, e));

    // Modifiers.
    bool fieldref = false, in = false;
    int comparisons = 0;
    size_t pos = bar;
    while (pos != std::string::npos) {
      size_t next = text.find('|', pos + 1);
      std::string mod =
          text.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
      size_t column = src_.QuoteOffset(key) + pos + 1;
      if (std::find(Modifiers().begin(), Modifiers().end(), mod) == Modifiers().end()) {
        return src_.Error(key, Unknown("modifier", mod, Modifiers()), column);
      }
      if (mod == "norm" || mod == "core") {
        if (e->norm) return src_.Error(key, "an entry takes one of |norm and |core", column);
        Result<const NameNormalizer*> normalizer = NameNormalizer::Get();
        if (!normalizer.ok()) {
          return src_.Error(key,
                            fmt::format("|{} needs the name normaliser, which cannot start: {}",
                                        mod, normalizer.status().message()),
                            column);
        }
        e->norm = mod == "norm" ? NameLevel::kName : NameLevel::kCore;
        pos = next;
        continue;
      }
      using Op = Entry::Op;
      static const std::map<std::string, Op> ops = {{"contains", Op::kContains},
                                                    {"startswith", Op::kStartsWith},
                                                    {"endswith", Op::kEndsWith},
                                                    {"re", Op::kRe},
                                                    {"gt", Op::kGt},
                                                    {"gte", Op::kGte},
                                                    {"lt", Op::kLt},
                                                    {"lte", Op::kLte},
                                                    {"neq", Op::kNeq},
                                                    {"exists", Op::kExists},
                                                    {"in", Op::kEquals}};
      if (mod == "fieldref") {
        fieldref = true;
      } else if (mod == "all") {
        e->all = true;
      } else if (mod == "cased") {
        e->cased = true;
      } else {
        if (++comparisons > 1) {
          return src_.Error(key, fmt::format("|{}: an entry takes one comparison modifier", mod),
                            column);
        }
        e->op = ops.at(mod);
        in = mod == "in";
      }
      pos = next;
    }

    if (e->norm && (fieldref || (e->op >= Entry::Op::kGt && e->op <= Entry::Op::kLte) ||
                    e->op == Entry::Op::kExists)) {
      return src_.Error(key,
                        "|norm and |core compare names: they go with equality, in, neq, "
                        "contains, startswith, endswith or re");
    }
    // Values: one scalar or a list; '@name' for a named list.
    std::vector<YAML::Node> items;
    if (value.IsSequence()) {
      for (const auto& item : value) items.push_back(item);
      if (items.empty()) return src_.Error(value, "an empty list of values never matches");
    } else if (value.IsScalar() || value.IsNull()) {
      items.push_back(value);
    } else {
      return src_.Error(value, fmt::format("'{}' needs a value or a list of values; a nested map "
                                           "needs a quantifier such as '{}[any]'",
                                           text, path));
    }
    if (in && !value.IsSequence() && !(value.IsScalar() && value.Scalar().rfind("@", 0) == 0)) {
      return src_.Error(value, "|in takes a list of values or a named list ('@name')");
    }
    for (const YAML::Node& item : items) {
      if (!item.IsScalar())
        return src_.Error(item, "a value must be a single value, not a map or list");
      std::optional<Value> v = Literal(item);
      if (!v) {
        return src_.Error(item,
                          "null never matches: to ask for a missing field write "
                          "'|exists: false'");
      }
      if (v->kind == Value::Kind::kString && v->string.size() > 1 && v->string[0] == '@' &&
          e->op == Entry::Op::kEquals) {
        e->lists.push_back({v->string.substr(1), src_.At(item.Mark(), src_.QuoteOffset(item)),
                            std::string(src_.Line(item.Mark()))});
        continue;
      }
      if (fieldref) {
        if (v->kind != Value::Kind::kString)
          return src_.Error(item, "|fieldref takes a field path");
        Result<FieldPath> ref = FieldPath::Parse(v->string);
        if (!ref.ok()) return src_.Relocate(ref.status(), item, "fieldref");
        e->refs.push_back(std::move(*ref));
        e->ref_sites.push_back(src_.Site(item));
        continue;
      }
      switch (e->op) {
        case Entry::Op::kGt:
        case Entry::Op::kGte:
        case Entry::Op::kLt:
        case Entry::Op::kLte:
          if (v->kind != Value::Kind::kNumber) {
            return src_.Error(
                item, fmt::format("a numeric modifier needs a number, not '{}'", item.Scalar()));
          }
          break;
        case Entry::Op::kExists:
          if (v->kind != Value::Kind::kBool) return src_.Error(item, "|exists takes true or false");
          e->exists = v->boolean;
          break;
        case Entry::Op::kRe: {
          RE2::Options options;
          options.set_log_errors(false);
          auto re = std::make_unique<RE2>(item.Scalar(), options);
          if (!re->ok()) {
            return src_.Error(
                item, fmt::format("RE2 cannot run this regular expression: {}", re->error()));
          }
          e->regexes.push_back(std::move(re));
          break;
        }
        case Entry::Op::kContains:
        case Entry::Op::kStartsWith:
        case Entry::Op::kEndsWith:
          if (v->kind != Value::Kind::kString) v = Value::String(item.Scalar());
          break;
        default:
          break;
      }
      e->literals.push_back(std::move(*v));
    }
    if (fieldref && (e->op == Entry::Op::kExists || e->op == Entry::Op::kRe)) {
      return src_.Error(key, "|fieldref combines with a comparison: gt, gte, lt, lte, neq or none");
    }
    if (e->op == Entry::Op::kExists && items.size() != 1) {
      return src_.Error(value, "|exists takes one value, true or false");
    }
    return Status::OK();
  }

  Status Tests(const YAML::Node& tests) {
    if (!tests.IsSequence())
      return src_.Error(tests, "tests must be a list of match: / nomatch: records");
    for (const auto& t : tests) {
      if (!t.IsMap() || t.size() != 1) {
        return src_.Error(t, "a test is 'match: RECORD' or 'nomatch: RECORD'");
      }
      auto kv = *t.begin();
      const std::string& kind = kv.first.Scalar();
      if (kind != "match" && kind != "nomatch") {
        return src_.Error(kv.first, Unknown("test kind", kind, {"match", "nomatch"}));
      }
      if (!kv.second.IsMap()) return src_.Error(kv.second, "a test record is a map of fields");
      RuleTest test;
      test.match = kind == "match";
      JsonBuilder b(&test.record_json);
      ToJson(kv.second, b);
      test.location = src_.At(kv.first.Mark());
      rule_->tests.push_back(std::move(test));
    }
    return Status::OK();
  }

  const Source& src_;
  RuleSet* set_;
  Rule* rule_ = nullptr;
};

}  // namespace

Status LoadRules(const std::vector<std::string>& paths, const std::string& lists_dir, RuleSet* out,
                 unsigned threads) {
  if (paths.empty()) return Status::Usage("no rules: give -r FILE or -r FOLDER");
  if (!lists_dir.empty()) CASESIFT_RETURN_IF_ERROR(LoadLists(lists_dir, &out->lists));
  std::vector<std::string> files;
  for (const std::string& p : paths) CASESIFT_RETURN_IF_ERROR(CollectFiles(p, &files));
  if (files.empty()) return Status::Usage("no rules: the folders given hold no .yaml or .yml file");

  std::set<std::string> seen;  // a file named twice (rules/ and rules/a.yaml) loads once
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](const std::string& file) {
                               std::error_code ec;
                               fs::path canonical = fs::weakly_canonical(file, ec);
                               return !seen.insert(ec ? file : canonical.string()).second;
                             }),
              files.end());
  // Each file read and parsed as YAML (most of the time a large rule set takes to load), on
  // `threads` threads; then loaded in order, so that the first error in file order stops
  // the load, as it would on one thread.
  std::vector<ParsedFile> parsed = ParseFiles(files, threads);

  std::map<std::string, Location> ids;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    CASESIFT_RETURN_IF_ERROR(parsed[i].read);
    auto src = std::make_shared<Source>(file, parsed[i].text);
    if (const std::optional<YAML::Exception>& e = parsed[i].error) {
      return Status::Usage(e->msg).At(src->At(e->mark), src->Line(e->mark));
    }
    const std::vector<YAML::Node> docs = std::move(parsed[i].docs);
    ++out->files;
    for (const YAML::Node& doc : docs) {
      if (doc.IsNull()) continue;  // an empty document (a trailing ---)
      Rule rule;
      RuleLoader loader(*src, out);
      try {
        CASESIFT_RETURN_IF_ERROR(loader.Load(doc, &rule));
      } catch (const YAML::Exception& e) {  // a node used as the wrong kind: still located
        return Status::Usage(e.msg).At(src->At(e.mark), src->Line(e.mark));
      }
      auto [it, fresh] = ids.emplace(rule.id, rule.location);
      if (!fresh) {
        return src->Error(doc["id"], fmt::format("duplicate id '{}' (first defined at {}:{})",
                                                 rule.id, it->second.file, it->second.line));
      }
      out->rules.push_back(std::move(rule));
    }
  }
  // Named lists, now that every file's are known.
  for (Rule& rule : out->rules) {
    for (Selection& sel : rule.selections) {
      for (auto& alt : sel.alternatives) CASESIFT_RETURN_IF_ERROR(ResolveLists(out->lists, &alt));
    }
  }
  return ResolveCorrelations(out);
}

}  // namespace casesift
