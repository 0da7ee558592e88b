// The match scorer: how likely two records describe the same person or organisation, from
// their fields, in the Fellegi-Sunter style of record linkage and with no training labels.
// entity-join --fuzzy scores its candidate pairs with it (and prints the explanation as
// `_match.fields`); lead-dedupe scores its cluster edges with it.
//
// THE MODEL
// Each compared field f contributes a weight in bits, given the chance m that a true match
// agrees on it and the chance u that two unrelated records do:
//   agreement      log2(m / u(v))            u(v): the share of reference records other than
//                                            the match whose value is v (leave one out: the
//                                            count less one), at least half a record's share
//                                            and u_floor, so agreeing on a rare surname or a
//                                            unique id counts far more than agreeing on a
//                                            common one;
//   disagreement   log2((1 - m) / (1 - U))   U: the chance that two random reference values
//                                            agree, the sum of their squared relative
//                                            frequencies (at least u_floor);
//   partial        between the two, for near values (below);
//   missing        0, when either value is empty or absent (nothing normalises to empty
//                  then counts either).
// u and U come from the reference records alone (those given to the Builder); m is
// MatchFieldOptions::m, 0.95 unless set. The total weight W is the sum over fields plus the
// prior log-odds log2(p / (1 - p)), p the prior chance that a candidate pair matches
// (MatchOptions::prior; by default 1 / the number of reference records, i.e. "a left record
// matches about one reference record"). The score is the posterior 1 / (1 + 2^-W), in [0, 1];
// a pair matches when its score reaches MatchOptions::min_score, 0.5 by default: the pair is
// more likely the same entity than not.
//
// HOW VALUES ARE COMPARED (CompareKind; kAuto picks one from the reference values)
//   kName        NameNormalizer kName (width, traditional characters, case, spaces and
//                punctuation, bracketed places, the legal form); Jaro-Winkler similarity s.
//                Not kCore: two companies of one trade name (字号) in two cities or trades
//                (上海弘辰建筑工程, 广州弘辰商贸) would agree on it.
//   kText        free text such as an address: split into words at spaces and punctuation,
//                each word at NameNormalizer kName; s = the larger of Jaro-Winkler over the
//                whole and the symmetric Monge-Elkan mean (each word's best Jaro-Winkler
//                against the other side's words, averaged both ways).
//   kIdentifier  a 居民身份证号码, 统一社会信用代码 or 组织机构代码 in id_number.h's canonical
//                form, anything else folded to upper case without spaces or punctuation.
//                s = 1 when equal; 0.5 when one is a masked ID number consistent with the
//                other (IdCardMatchesMasked); else 0.
//   kDate        common/chinese_date.h's forms (2014年8月4日, 2014-08-04) or digits such as
//                19900219, compared as YYYYMMDD digits. s = 1 when equal; 0.5 for one
//                digit wrong, two adjacent digits swapped, day and month swapped, or one
//                date a prefix of the other (1990-02 and 1990-02-19); else 0.
//   kCode        numbers and codes (a postcode, a phone number): NameNormalizer kName.
//                s = 1 when equal, 0.5 when one character is inserted, deleted, replaced
//                or swapped with its neighbour, else 0.
// kAuto takes, for the reference values that are not empty, the first kind that at least
// half of them are: identifiers (valid or masked), dates, codes (one word of ASCII letters,
// digits and - / . with at least one digit), texts (two words or more); names otherwise.
// From s the weight is: agreement when s = 1; for kName and kText, Winkler's string
// comparator adjustment w = agree - (agree - disagree) * 4.5 * (1 - s), no less than the
// disagreement weight (so s <= 0.78 is disagreement); for the others
// w = disagree + s * (agree - disagree). A partial agreement's agreement weight is that of
// the commoner of the two values.
//
// USE
//   MatchScorer::Builder builder;
//   builder.AddField({"surname", CompareKind::kName});
//   builder.AddField({"date_of_birth", CompareKind::kAuto});
//   for (each reference record) builder.AddReference({surname, dob});
//   Result<MatchScorer> scorer = std::move(builder).Build();
//   PreparedRecords left;
//   size_t row = scorer->Prepare({"smith", "19900219"}, &left);
//   double score = scorer->Score(left, row, ref);        // no allocation
//   MatchExplanation why = scorer->Explain(left, row, ref);
//
// Lifetime and threads: a Builder is used by one thread. A built MatchScorer is immutable:
// any number of threads may Prepare (each into its own PreparedRecords), Score and Explain
// at once. PreparedRecords are plain values owned by their user.
#ifndef CASESIFT_COMMON_MATCH_SCORE_H_
#define CASESIFT_COMMON_MATCH_SCORE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/name_normalize.h"
#include "common/status.h"

namespace casesift {

enum class CompareKind : uint8_t { kAuto, kName, kText, kIdentifier, kDate, kCode };
// "auto", "name", "text", "identifier", "date", "code".
std::string_view CompareKindName(CompareKind kind);

enum class FieldOutcome : uint8_t { kAgree, kPartial, kDisagree, kMissing };
// "agree", "partial", "disagree", "missing".
std::string_view FieldOutcomeName(FieldOutcome outcome);

struct MatchFieldOptions {
  std::string label;  // names the field in explanations, e.g. "date_of_birth"
  CompareKind kind = CompareKind::kAuto;
  // P(the values agree | the records match). 0.95: one true pair in twenty disagrees on a
  // field (typos, stale values), the usual starting value of Fellegi-Sunter estimation.
  double m = 0.95;
};

struct MatchOptions {
  // Prior chance that a scored pair matches; 0 means 1 / (number of reference records).
  // At most 0.5.
  double prior = 0;
  // Least u(v) and U: a value held by one record in a million counts no more than that
  // (about 20 bits), whatever the size of the reference set.
  double u_floor = 1e-6;
  // Least score of a match: the posterior chance that the pair is one entity.
  double min_score = 0.5;
};

// One field's part of a score.
struct FieldExplanation {
  std::string label;
  CompareKind kind;  // as resolved (never kAuto)
  std::string left;  // the values as compared (normalised), UTF-8
  std::string right;
  double similarity;  // s in [0, 1]; 0 when missing
  double weight;      // bits
  FieldOutcome outcome;
};

struct MatchExplanation {
  double score = 0;                      // as Score()
  double weight = 0;                     // total weight W in bits, prior included
  double prior_weight = 0;               // the prior's part of W
  std::vector<FieldExplanation> fields;  // in the order fields were added
};

// Records prepared for scoring: each field's value normalised for its kind, decoded to code
// points, with its agreement weight. Rows are numbered from 0 in the order prepared.
class PreparedRecords {
 public:
  size_t size() const { return num_fields_ == 0 ? rows_ : slots_.size() / num_fields_; }
  // Forgets every row, keeping the memory (for a reused left-record buffer).
  void Clear() {
    chars_.clear();
    slots_.clear();
    rows_ = 0;
  }

 private:
  friend class MatchScorer;
  struct Slot {
    uint64_t begin = 0;      // into chars_
    uint32_t size = 0;       // 0: missing
    float agree_weight = 0;  // log2(m / u(v))
  };
  std::u32string_view Value(size_t row, size_t field) const {
    const Slot& s = slots_[row * num_fields_ + field];
    return std::u32string_view(chars_).substr(s.begin, s.size);
  }
  size_t num_fields_ = 0;
  size_t rows_ = 0;  // when there are no fields
  std::u32string chars_;
  std::vector<Slot> slots_;
};

class MatchScorer {
 public:
  // Collects the fields and the reference records. Not thread-safe.
  class Builder {
   public:
    explicit Builder(MatchOptions options = {});
    // Adds a compared field; returns its number (0, 1, ...). REQUIRES: no reference added
    // yet; 0 < m < 1.
    size_t AddField(MatchFieldOptions field);
    // Adds one reference record: values[f] is field f's raw value, empty when absent.
    // REQUIRES: values.size() == number of fields. Copies the values.
    void AddReference(std::span<const std::string_view> values);
    void AddReference(std::initializer_list<std::string_view> values) {
      AddReference(std::span<const std::string_view>(values.begin(), values.size()));
    }
    // The scorer, with the reference records prepared as rows 0, 1, ... of references().
    // Fails only when the name normaliser cannot be loaded (NameNormalizer::Get).
    [[nodiscard]] Result<MatchScorer> Build() &&;

   private:
    MatchOptions options_;
    std::vector<MatchFieldOptions> fields_;
    std::vector<std::string> values_;  // row-major, fields_.size() per record
  };

  size_t num_fields() const { return fields_.size(); }
  const MatchOptions& options() const { return options_; }
  // Field f's kind as resolved, and its U (chance that two random reference values agree).
  CompareKind kind(size_t field) const { return fields_[field].kind; }
  double field_u(size_t field) const { return fields_[field].u; }
  // The prior's part of every weight: log2(p / (1 - p)).
  double prior_weight() const { return prior_weight_; }

  // The reference records, prepared.
  const PreparedRecords& references() const { return references_; }

  // Appends a record (values as for Builder::AddReference) to *out and returns its row.
  size_t Prepare(std::span<const std::string_view> values, PreparedRecords* out) const;
  size_t Prepare(std::initializer_list<std::string_view> values, PreparedRecords* out) const {
    return Prepare(std::span<const std::string_view>(values.begin(), values.size()), out);
  }

  // The total weight W (prior included) and the score of row `left_row` of `left` against
  // reference `ref`. No allocation (for values of up to 64 code points). REQUIRES: `left`
  // was prepared by this scorer; ref < references().size().
  double Weight(const PreparedRecords& left, size_t left_row, size_t ref) const;
  double Score(const PreparedRecords& left, size_t left_row, size_t ref) const {
    return ScoreOfWeight(Weight(left, left_row, ref));
  }
  // The same, field by field.
  MatchExplanation Explain(const PreparedRecords& left, size_t left_row, size_t ref) const;

  // 1 / (1 + 2^-weight).
  static double ScoreOfWeight(double weight);

 private:
  struct Field {
    MatchFieldOptions options;
    CompareKind kind = CompareKind::kName;
    double m = 0.95;
    double u = 0;                // U
    double disagree_weight = 0;  // log2((1 - m) / (1 - U))
    double values = 0;           // non-empty reference values
    // (hash of normalised value, count), sorted by hash.
    std::vector<std::pair<uint64_t, uint32_t>> counts;
  };
  struct FieldResult {
    double similarity;
    double weight;
    FieldOutcome outcome;
  };

  MatchScorer() = default;
  void Normalize(const Field& field, std::string_view raw, std::string* out) const;
  float AgreeWeight(const Field& field, std::string_view normalized) const;
  FieldResult CompareField(size_t f, const PreparedRecords& left, size_t left_row,
                           size_t ref) const;

  MatchOptions options_;
  const NameNormalizer* normalizer_ = nullptr;
  std::vector<Field> fields_;
  double prior_weight_ = 0;
  PreparedRecords references_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_MATCH_SCORE_H_
