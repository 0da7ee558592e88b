#include "common/match_score.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "common/chinese_date.h"
#include "common/hash.h"
#include "common/id_number.h"
#include "common/name_similarity.h"
#include "common/utf8.h"

namespace casesift {
namespace {

// Winkler's string comparator adjustment: each 0.01 of similarity lost moves the weight
// 4.5% of the way from agreement to disagreement.
constexpr double kWinklerAdjustment = 4.5;
constexpr double kNearSimilarity = 0.5;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsIdentifierValue(std::string_view raw) {
  const IdCard card = ParseIdCard(raw);
  return card.valid || card.masked || IsValidUscc(raw) || IsValidOrgCode(raw);
}

bool IsDigitDate(std::string_view s) {
  if (s.size() != 8 || !std::all_of(s.begin(), s.end(), IsAsciiDigit)) return false;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = std::stoi(std::string(s.substr(4, 2)));
  const int day = std::stoi(std::string(s.substr(6, 2)));
  return year >= 1800 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsDateValue(std::string_view raw) { return IsDigitDate(raw) || ParseChineseDate(raw); }

bool IsCodeValue(std::string_view raw) {
  bool digit = false;
  for (char c : raw) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !IsAsciiDigit(c) && c != '-' && c != '/' && c != '.') return false;
    digit = digit || IsAsciiDigit(c);
  }
  return digit;
}

bool IsTextValue(std::string_view raw) {
  return raw.find_first_of(" \t") != std::string_view::npos ||
         raw.find("\xE3\x80\x80") != std::string_view::npos;
}

CompareKind ResolveKind(const std::vector<std::string_view>& values) {
  size_t counts[4] = {};
  for (std::string_view v : values) {
    counts[0] += IsIdentifierValue(v);
    counts[1] += IsDateValue(v);
    counts[2] += IsCodeValue(v);
    counts[3] += IsTextValue(v);
  }
  const CompareKind kinds[4] = {CompareKind::kIdentifier, CompareKind::kDate, CompareKind::kCode,
                                CompareKind::kText};
  for (int k = 0; k < 4; ++k) {
    if (!values.empty() && 2 * counts[k] >= values.size()) return kinds[k];
  }
  return CompareKind::kName;
}

// Whether a and b (equal length) differ in exactly one position, or in two neighbouring
// positions holding each other's characters.
bool OneSubstitutionOrSwap(std::u32string_view a, std::u32string_view b) {
  size_t first = a.size();
  size_t diffs = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (++diffs == 1) first = i;
    if (diffs > 2) return false;
  }
  if (diffs == 1) return true;
  return diffs == 2 && first + 1 < a.size() && a[first] == b[first + 1] &&
         a[first + 1] == b[first] && a[first + 1] != b[first + 1];
}

// Whether the longer of a and b is the shorter with one character inserted.
bool OneInsertion(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() != a.size() + 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return a.substr(i) == b.substr(i + 1);
}

double DateSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 1;
  if (a.size() == b.size() && OneSubstitutionOrSwap(a, b)) return kNearSimilarity;
  if (a.size() == 8 && b.size() == 8 && a.substr(0, 4) == b.substr(0, 4) &&
      a.substr(4, 2) == b.substr(6, 2) && a.substr(6, 2) == b.substr(4, 2)) {
    return kNearSimilarity;
  }
  std::u32string_view shorter = a.size() < b.size() ? a : b;
  std::u32string_view longer = a.size() < b.size() ? b : a;
  if (shorter.size() >= 4 && longer.substr(0, shorter.size()) == shorter) return kNearSimilarity;
  return 0;
}

double CodeSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 1;
  if (a.size() == b.size() ? OneSubstitutionOrSwap(a, b) : OneInsertion(a, b)) {
    return kNearSimilarity;
  }
  return 0;
}

double IdentifierSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 1;
  if (a.size() != b.size()) return 0;
  const bool a_masked = a.find(U'*') != std::u32string_view::npos;
  const bool b_masked = b.find(U'*') != std::u32string_view::npos;
  if (a_masked == b_masked) return 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && a[i] != U'*' && b[i] != U'*') return 0;
  }
  return kNearSimilarity;
}

// The next space-separated word of `text` at or after *i, advancing *i past it.
std::u32string_view NextWord(std::u32string_view text, size_t* i) {
  while (*i < text.size() && text[*i] == U' ') ++*i;
  const size_t start = *i;
  while (*i < text.size() && text[*i] != U' ') ++*i;
  return text.substr(start, *i - start);
}

// The symmetric Monge-Elkan similarity: each word's best Jaro-Winkler against the other
// text's words, averaged over the words of a, likewise for b, and the two means averaged.
double MongeElkan(std::u32string_view a, std::u32string_view b) {
  constexpr size_t kMaxWords = 16;
  double b_best[kMaxWords] = {};
  double a_sum = 0;
  size_t a_words = 0;
  size_t b_words = 0;
  for (size_t i = 0; i < a.size();) {
    std::u32string_view word = NextWord(a, &i);
    if (word.empty()) break;
    double best = 0;
    size_t k = 0;
    for (size_t j = 0; j < b.size();) {
      std::u32string_view other = NextWord(b, &j);
      if (other.empty()) break;
      const double s = JaroWinkler(word, other);
      best = std::max(best, s);
      if (k < kMaxWords) b_best[k] = std::max(b_best[k], s);
      ++k;
    }
    b_words = k;
    a_sum += best;
    ++a_words;
  }
  if (a_words == 0 || b_words == 0) return 0;
  double b_sum = 0;
  for (size_t k = 0; k < std::min(b_words, kMaxWords); ++k) b_sum += b_best[k];
  return (a_sum / static_cast<double>(a_words) +
          b_sum / static_cast<double>(std::min(b_words, kMaxWords))) /
         2;
}

double TextSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 1;
  const double whole = JaroWinkler(a, b);
  const double words = MongeElkan(a, b);
  // Unequal texts never agree fully: the same words in another order are a near match.
  return std::min(std::max(whole, words), std::nextafter(1.0, 0.0));
}

}  // namespace

std::string_view CompareKindName(CompareKind kind) {
  switch (kind) {
    case CompareKind::kAuto:
      return "auto";
    case CompareKind::kName:
      return "name";
    case CompareKind::kText:
      return "text";
    case CompareKind::kIdentifier:
      return "identifier";
    case CompareKind::kDate:
      return "date";
    case CompareKind::kCode:
      return "code";
  }
  return "?";
}

std::string_view FieldOutcomeName(FieldOutcome outcome) {
  switch (outcome) {
    case FieldOutcome::kAgree:
      return "agree";
    case FieldOutcome::kPartial:
      return "partial";
    case FieldOutcome::kDisagree:
      return "disagree";
    case FieldOutcome::kMissing:
      return "missing";
  }
  return "?";
}

MatchScorer::Builder::Builder(MatchOptions options) : options_(options) {}

size_t MatchScorer::Builder::AddField(MatchFieldOptions field) {
  fields_.push_back(std::move(field));
  return fields_.size() - 1;
}

void MatchScorer::Builder::AddReference(std::span<const std::string_view> values) {
  for (size_t f = 0; f < fields_.size(); ++f) {
    values_.emplace_back(f < values.size() ? TrimSpace(values[f]) : std::string_view());
  }
}

Result<MatchScorer> MatchScorer::Builder::Build() && {
  Result<const NameNormalizer*> normalizer = NameNormalizer::Get();
  if (!normalizer.ok()) return normalizer.status();
  MatchScorer scorer;
  scorer.options_ = options_;
  scorer.normalizer_ = *normalizer;
  const size_t num_fields = fields_.size();
  const size_t num_refs = num_fields == 0 ? 0 : values_.size() / num_fields;

  std::vector<std::string> normalized(values_.size());
  for (size_t f = 0; f < num_fields; ++f) {
    Field field;
    field.options = fields_[f];
    field.m = fields_[f].m;
    field.kind = fields_[f].kind;
    if (field.kind == CompareKind::kAuto) {
      std::vector<std::string_view> present;
      for (size_t r = 0; r < num_refs; ++r) {
        if (!values_[r * num_fields + f].empty()) present.push_back(values_[r * num_fields + f]);
      }
      field.kind = ResolveKind(present);
    }
    std::vector<uint64_t> hashes;
    for (size_t r = 0; r < num_refs; ++r) {
      std::string& norm = normalized[r * num_fields + f];
      scorer.Normalize(field, values_[r * num_fields + f], &norm);
      if (!norm.empty()) hashes.push_back(Hash64(norm));
    }
    std::sort(hashes.begin(), hashes.end());
    field.values = static_cast<double>(hashes.size());
    double sum_squares = 0;
    for (size_t i = 0; i < hashes.size();) {
      size_t j = i;
      while (j < hashes.size() && hashes[j] == hashes[i]) ++j;
      field.counts.emplace_back(hashes[i], static_cast<uint32_t>(j - i));
      const double share = static_cast<double>(j - i) / field.values;
      sum_squares += share * share;
      i = j;
    }
    field.u = std::max(sum_squares, options_.u_floor);
    field.disagree_weight =
        std::min(0.0, std::log2((1 - field.m) / (1 - std::min(field.u, 0.999))));
    scorer.fields_.push_back(std::move(field));
  }

  PreparedRecords& refs = scorer.references_;
  refs.num_fields_ = num_fields;
  refs.rows_ = num_refs;
  for (size_t i = 0; i < normalized.size(); ++i) {
    const Field& field = scorer.fields_[i % num_fields];
    PreparedRecords::Slot slot;
    slot.begin = refs.chars_.size();
    AppendCodePoints(normalized[i], &refs.chars_);
    slot.size = static_cast<uint32_t>(refs.chars_.size() - slot.begin);
    slot.agree_weight = scorer.AgreeWeight(field, normalized[i]);
    refs.slots_.push_back(slot);
  }

  double prior = options_.prior > 0 ? options_.prior
                                    : 1.0 / static_cast<double>(std::max<size_t>(num_refs, 1));
  prior = std::min(prior, 0.5);
  scorer.prior_weight_ = std::log2(prior / (1 - prior));
  return scorer;
}

void MatchScorer::Normalize(const Field& field, std::string_view raw, std::string* out) const {
  out->clear();
  raw = TrimSpace(raw);
  if (raw.empty()) return;
  switch (field.kind) {
    case CompareKind::kAuto:
    case CompareKind::kName:
      normalizer_->Normalize(raw, NameLevel::kName, out);
      return;
    case CompareKind::kCode:
      normalizer_->Normalize(raw, NameLevel::kName, out);
      return;
    case CompareKind::kText: {
      std::string word;
      std::string piece;
      for (size_t i = 0; i <= raw.size(); ++i) {
        const char c = i < raw.size() ? raw[i] : ' ';
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u)) {
          normalizer_->Normalize(piece, NameLevel::kName, &word);
          if (!word.empty()) {
            if (!out->empty()) out->push_back(' ');
            out->append(word);
          }
          piece.clear();
        } else {
          piece.push_back(c);
        }
      }
      return;
    }
    case CompareKind::kIdentifier: {
      const IdCard card = ParseIdCard(raw);
      if (card.valid || card.masked) {
        *out = card.normalized;
      } else if (std::optional<std::string> uscc = NormalizeUscc(raw)) {
        *out = *uscc;
      } else if (std::optional<std::string> org = NormalizeOrgCode(raw)) {
        *out = *org;
      } else {
        normalizer_->Normalize(raw, NameLevel::kName, out);
        for (char& c : *out) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
      }
      return;
    }
    case CompareKind::kDate: {
      if (std::optional<ChineseDate> date = ParseChineseDate(raw)) {
        for (char c : date->IsoPrefix()) {
          if (c != '-') out->push_back(c);
        }
        return;
      }
      std::string folded;
      normalizer_->Normalize(raw, NameLevel::kName, &folded);
      for (char c : folded) {
        if (IsAsciiDigit(c)) out->push_back(c);
      }
      return;
    }
  }
}

float MatchScorer::AgreeWeight(const Field& field, std::string_view normalized) const {
  if (normalized.empty() || field.values == 0) return 0;
  const uint64_t hash = Hash64(normalized);
  auto it =
      std::lower_bound(field.counts.begin(), field.counts.end(), std::make_pair(hash, uint32_t{0}));
  const uint32_t count = it != field.counts.end() && it->first == hash ? it->second : 1;
  // Leave one out: the chance that a reference record other than the match holds the value.
  // The match itself is one of the `count` (a unique name is strong evidence, not 50/50).
  // No value is rarer than half a record in the reference: the least u is 1 / (2 values).
  const double u = std::max(
      {static_cast<double>(count - 1) / field.values, 0.5 / field.values, options_.u_floor});
  return static_cast<float>(std::log2(field.m / u));
}

size_t MatchScorer::Prepare(std::span<const std::string_view> values, PreparedRecords* out) const {
  out->num_fields_ = fields_.size();
  std::string norm;
  for (size_t f = 0; f < fields_.size(); ++f) {
    Normalize(fields_[f], f < values.size() ? values[f] : std::string_view(), &norm);
    PreparedRecords::Slot slot;
    slot.begin = out->chars_.size();
    AppendCodePoints(norm, &out->chars_);
    slot.size = static_cast<uint32_t>(out->chars_.size() - slot.begin);
    slot.agree_weight = AgreeWeight(fields_[f], norm);
    out->slots_.push_back(slot);
  }
  return out->rows_++;
}

MatchScorer::FieldResult MatchScorer::CompareField(size_t f, const PreparedRecords& left,
                                                   size_t left_row, size_t ref) const {
  const Field& field = fields_[f];
  std::u32string_view a = left.Value(left_row, f);
  std::u32string_view b = references_.Value(ref, f);
  if (a.empty() || b.empty()) return {0, 0, FieldOutcome::kMissing};
  const double agree = std::min(left.slots_[left_row * left.num_fields_ + f].agree_weight,
                                references_.slots_[ref * references_.num_fields_ + f].agree_weight);
  const double disagree = field.disagree_weight;
  double s = 0;
  double weight = disagree;
  switch (field.kind) {
    case CompareKind::kAuto:
    case CompareKind::kName:
    case CompareKind::kText:
      s = field.kind == CompareKind::kText ? TextSimilarity(a, b) : JaroWinkler(a, b);
      weight = s >= 1
                   ? agree
                   : std::max(disagree, agree - (agree - disagree) * kWinklerAdjustment * (1 - s));
      break;
    case CompareKind::kIdentifier:
    case CompareKind::kDate:
    case CompareKind::kCode:
      s = field.kind == CompareKind::kIdentifier ? IdentifierSimilarity(a, b)
          : field.kind == CompareKind::kDate     ? DateSimilarity(a, b)
                                                 : CodeSimilarity(a, b);
      weight = disagree + s * (agree - disagree);
      break;
  }
  const FieldOutcome outcome = s >= 1              ? FieldOutcome::kAgree
                               : weight > disagree ? FieldOutcome::kPartial
                                                   : FieldOutcome::kDisagree;
  return {s, weight, outcome};
}

double MatchScorer::Weight(const PreparedRecords& left, size_t left_row, size_t ref) const {
  double total = prior_weight_;
  for (size_t f = 0; f < fields_.size(); ++f) total += CompareField(f, left, left_row, ref).weight;
  return total;
}

MatchExplanation MatchScorer::Explain(const PreparedRecords& left, size_t left_row,
                                      size_t ref) const {
  MatchExplanation out;
  out.prior_weight = prior_weight_;
  out.weight = prior_weight_;
  for (size_t f = 0; f < fields_.size(); ++f) {
    const FieldResult r = CompareField(f, left, left_row, ref);
    FieldExplanation e{
        fields_[f].options.label, fields_[f].kind, {}, {}, r.similarity, r.weight, r.outcome};
    AppendUtf8(left.Value(left_row, f), &e.left);
    AppendUtf8(references_.Value(ref, f), &e.right);
    out.weight += r.weight;
    out.fields.push_back(std::move(e));
  }
  out.score = ScoreOfWeight(out.weight);
  return out;
}

double MatchScorer::ScoreOfWeight(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

}  // namespace casesift
