#include "field_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace casesift {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char Fold(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualText(std::string_view a, std::string_view b, bool cased) {
  if (a.size() != b.size()) return false;
  if (cased) return a == b;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Fold(a[i]) != Fold(b[i])) return false;
  }
  return true;
}

// A decimal string as rules read it (value.h, ParseDecimal), with a cheap first test: most
// strings (names, causes) cannot be numbers.
std::optional<double> DecimalOf(std::string_view s) {
  if (s.empty()) return std::nullopt;
  char c = s[0];
  if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) return std::nullopt;
  return ParseDecimal(s);
}

std::optional<double> NumberOf(const Scalar& v) {
  if (v.kind == Value::Kind::kNumber) return v.number;
  if (v.kind == Value::Kind::kString) return DecimalOf(v.string);
  return std::nullopt;
}

bool Equals(const Scalar& v, const Value& l, bool cased) {
  if (v.kind == Value::Kind::kBool || l.kind == Value::Kind::kBool) {
    return v.kind == l.kind && v.boolean == l.boolean;
  }
  std::optional<double> a = NumberOf(v), b = AsNumber(l);
  if (a && b) return CompareNumbers(*a, *b) == 0;
  if (v.kind == Value::Kind::kString && l.kind == Value::Kind::kString) {
    return EqualText(v.string, l.string, cased);
  }
  return false;
}

bool Satisfies(const Entry& e, const Scalar& v, size_t k, const Value& l) {
  bool text = v.kind == Value::Kind::kString;
  std::string_view s = v.string, lit = l.string;
  switch (e.op) {
    case Entry::Op::kEquals:
      return Equals(v, l, e.cased);
    case Entry::Op::kNeq:
      return !Equals(v, l, e.cased);
    case Entry::Op::kContains:
      if (!text || lit.size() > s.size()) return false;
      for (size_t i = 0; i + lit.size() <= s.size(); ++i) {
        if (EqualText(s.substr(i, lit.size()), lit, e.cased)) return true;
      }
      return false;
    case Entry::Op::kStartsWith:
      return text && s.size() >= lit.size() && EqualText(s.substr(0, lit.size()), lit, e.cased);
    case Entry::Op::kEndsWith:
      return text && s.size() >= lit.size() &&
             EqualText(s.substr(s.size() - lit.size()), lit, e.cased);
    case Entry::Op::kRe:
      return text && RE2::PartialMatch(s, *e.regexes[k]);
    case Entry::Op::kExists:
      return true;
    default: {
      std::optional<double> a = NumberOf(v), b = AsNumber(l);
      if (!a || !b) return false;
      int c = CompareNumbers(*a, *b);
      if (e.op == Entry::Op::kGt) return c > 0;
      if (e.op == Entry::Op::kGte) return c >= 0;
      if (e.op == Entry::Op::kLt) return c < 0;
      return c <= 0;
    }
  }
}

}  // namespace

std::string LiteralPattern(std::string_view literal, bool cased) {
  std::string out;
  for (char ch : literal) {
    auto c = static_cast<unsigned char>(ch);
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !cased) {
      out += fmt::format("[{}{}]", static_cast<char>(c | 0x20), static_cast<char>(c & ~0x20));
    } else if (letter || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
  }
  return out;
}

bool ScalarHolds(const Entry& e, const Scalar& v, const std::vector<Value>& literals) {
  if (literals.empty()) return false;
  bool every = e.all || e.op == Entry::Op::kNeq;
  for (size_t k = 0; k < literals.size(); ++k) {
    bool ok = Satisfies(e, v, k, literals[k]);
    if (every && !ok) return false;
    if (!every && ok) return true;
  }
  return every;
}

bool ScalarsSatisfy(const Entry& e, const std::vector<Scalar>& values) {
  return std::any_of(values.begin(), values.end(),
                     [&](const Scalar& v) { return ScalarHolds(e, v, e.literals); });
}

void FieldScan::AddEquality(const Value& l, bool cased, uint32_t atom) {
  if (l.kind == Value::Kind::kBool) {
    bools_[l.boolean ? 1 : 0].push_back(atom);
  } else if (std::optional<double> n = AsNumber(l)) {
    // A decimal string equals only what reads as its number: text equality with it would
    // need the value to be the same decimal text.
    numbers_.emplace_back(*n, atom);
  } else if (cased) {
    cased_.Add(l.string, atom);
  } else {
    std::string key(l.string);
    std::transform(key.begin(), key.end(), key.begin(), Fold);
    folded_.Add(key, atom);
  }
}

void FieldScan::AddPattern(Mode mode, const std::string& literal, bool cased, uint32_t atom) {
  if (literal.empty()) {
    any_string_.push_back(atom);
    return;
  }
  auto [id, fresh] = pattern_ids_.emplace(std::make_pair(literal, cased), pattern_targets_.size());
  if (fresh) pattern_targets_.emplace_back();
  pattern_targets_[id->second].push_back({atom, mode, static_cast<uint32_t>(literal.size())});
}

void FieldScan::AddRegex(const RE2* regex, uint32_t atom) {
  auto [id, fresh] = regex_ids_.emplace(regex->pattern(), regexes_.size());
  if (fresh) {
    regexes_.push_back(regex);
    regex_targets_.emplace_back();
  }
  regex_targets_[id->second].push_back(atom);
}

Status FieldScan::Compile() {
  std::sort(numbers_.begin(), numbers_.end());
  cased_.Freeze();
  folded_.Freeze();
  if (!pattern_targets_.empty()) {
    std::vector<PatternSet::Pattern> patterns;
    for (const auto& [literal, id] : pattern_ids_) {
      patterns.push_back({LiteralPattern(literal.first, literal.second), id, false});
    }
    Result<PatternSet> compiled = PatternSet::Compile(patterns);
    if (!compiled.ok()) return compiled.status();
    patterns_.emplace(std::move(*compiled));
  }
  if (!regexes_.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(int64_t{64} << 20);
    regex_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const RE2* re : regexes_) {
      std::string error;
      if (regex_set_->Add(re->pattern(), &error) < 0) {
        return Status::Usage(fmt::format("RE2::Set rejects {}: {}", re->pattern(), error));
      }
    }
    if (!regex_set_->Compile()) {
      return Status::IoError("RE2::Set: out of memory compiling the regular expressions");
    }
  }
  return Status::OK();
}

namespace {

void AppendOne(simdjson::dom::element e, std::vector<Scalar>* values) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      values->push_back({Value::Kind::kString, false, 0, e.get_string().value_unsafe()});
      break;
    case simdjson::dom::element_type::INT64:
      values->push_back(
          {Value::Kind::kNumber, false, static_cast<double>(e.get_int64().value_unsafe()), {}});
      break;
    case simdjson::dom::element_type::UINT64:
      values->push_back(
          {Value::Kind::kNumber, false, static_cast<double>(e.get_uint64().value_unsafe()), {}});
      break;
    case simdjson::dom::element_type::DOUBLE:
      values->push_back({Value::Kind::kNumber, false, e.get_double().value_unsafe(), {}});
      break;
    case simdjson::dom::element_type::BOOL:
      values->push_back({Value::Kind::kBool, e.get_bool().value_unsafe(), 0, {}});
      break;
    default:
      break;
  }
}

}  // namespace

void AppendScalar(simdjson::dom::element e, std::vector<Scalar>* values) {
  simdjson::dom::array array;
  if (e.get_array().get(array) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : array) AppendOne(item, values);
  } else {
    AppendOne(e, values);
  }
}

void FieldScan::Resolve(simdjson::dom::element record, std::vector<Scalar>* values) const {
  normalised_.clear();
  auto add = [&](simdjson::dom::element e) {
    size_t before = values->size();
    AppendScalar(e, values);
    if (!norm_) return;
    for (size_t i = before; i < values->size(); ++i) {  // an array gives several
      Scalar& v = (*values)[i];
      if (v.kind != Value::Kind::kString) continue;
      normalised_.emplace_back();
      NameNormalizer::Get().value()->Normalize(v.string, *norm_, &normalised_.back());
      v.string = normalised_.back();
    }
  };
  if (inner_ == nullptr) {
    outer_->ForEach(record, add);
    return;
  }
  outer_->ForEach(record, [&](simdjson::dom::element v) {
    simdjson::dom::array array;
    if (v.get_array().get(array) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : array) inner_->ForEach(item, add);
    } else if (!v.is_null()) {
      inner_->ForEach(v, add);
    }
  });
}

void FieldScan::LookUpNumber(double x, std::vector<uint32_t>* atoms) const {
  double span = 1e-12 * std::max(1.0, std::fabs(x));
  auto it =
      std::lower_bound(numbers_.begin(), numbers_.end(), std::make_pair(x - span, uint32_t{0}));
  for (; it != numbers_.end() && it->first <= x + span; ++it) {
    if (CompareNumbers(x, it->first) == 0) atoms->push_back(it->second);
  }
}

void FieldScan::ScanString(std::string_view s, std::vector<uint32_t>* atoms) const {
  atoms->insert(atoms->end(), any_string_.begin(), any_string_.end());
  if (patterns_) {
    hits_.clear();
    patterns_->Scan(s, &hits_);
    for (const PatternHit& h : hits_) {
      for (const Target& t : pattern_targets_[h.id]) {
        bool holds = t.mode == Mode::kContains ||
                     (t.mode == Mode::kStartsWith ? h.end == t.length : h.end == s.size());
        if (holds) atoms->push_back(t.atom);
      }
    }
  }
  if (regex_set_) {
    regex_hits_.clear();
    RE2::Set::ErrorInfo error;
    if (regex_set_->Match(s, &regex_hits_, &error)) {
      for (int i : regex_hits_) {
        const std::vector<uint32_t>& t = regex_targets_[static_cast<size_t>(i)];
        atoms->insert(atoms->end(), t.begin(), t.end());
      }
    } else if (error.kind != RE2::Set::kNoError) {
      // The DFA ran out of memory on this text: ask each regex on its own.
      for (size_t i = 0; i < regexes_.size(); ++i) {
        if (RE2::PartialMatch(s, *regexes_[i])) {
          atoms->insert(atoms->end(), regex_targets_[i].begin(), regex_targets_[i].end());
        }
      }
    }
  }
  if (!numbers_.empty()) {
    if (std::optional<double> n = DecimalOf(s)) {
      LookUpNumber(*n, atoms);
      return;  // a decimal string cannot equal a text literal (see AddEquality)
    }
  }
  if (!cased_.empty()) {
    std::span<const uint32_t> t = cased_.Find(s);
    atoms->insert(atoms->end(), t.begin(), t.end());
  }
  if (!folded_.empty()) {
    std::string_view key = s;
    if (std::any_of(s.begin(), s.end(), IsUpper)) {
      folded_text_.assign(s);
      std::transform(folded_text_.begin(), folded_text_.end(), folded_text_.begin(), Fold);
      key = folded_text_;
    }
    std::span<const uint32_t> t = folded_.Find(key);
    atoms->insert(atoms->end(), t.begin(), t.end());
  }
}

void FieldScan::Scan(const std::vector<Scalar>& values, std::vector<uint32_t>* atoms) const {
  for (const Scalar& v : values) {
    switch (v.kind) {
      case Value::Kind::kString:
        ScanString(v.string, atoms);
        break;
      case Value::Kind::kNumber:
        if (!numbers_.empty()) LookUpNumber(v.number, atoms);
        break;
      case Value::Kind::kBool: {
        const std::vector<uint32_t>& t = bools_[v.boolean ? 1 : 0];
        atoms->insert(atoms->end(), t.begin(), t.end());
        break;
      }
    }
  }
}

}  // namespace casesift
