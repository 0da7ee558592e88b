#include "fuzzy_index.h"

#include <algorithm>
#include <cmath>

#include "combinations.h"
#include "common/json_builder.h"
#include "join_key.h"

namespace casesift {

FuzzyIndex::FuzzyIndex(const JoinSpec& spec, const NameNormalizer& norm, double min_score)
    : spec_(spec), norm_(norm), min_score_(min_score) {
  MatchOptions mo;
  mo.min_score = min_score;
  scorer_builder_.emplace(mo);
  blocking_builder_.emplace();
  auto label = [](const PathPair& p) {
    return p.left.text() == p.right.text() ? p.left.text() : p.left.text() + "=" + p.right.text();
  };
  for (const PathPair& on : spec.on) {
    labels_.push_back(label(on));
    scorer_builder_->AddField({labels_.back(), CompareKind::kName});
  }
  for (const PathPair& c : spec.compare) {
    labels_.push_back(label(c));
    scorer_builder_->AddField({labels_.back(), CompareKind::kAuto});
  }
}

void FuzzyIndex::ValuesOf(simdjson::dom::element root, bool left,
                          std::vector<std::string>* out) const {
  out->clear();
  for (const PathPair& on : spec_.on) {
    std::optional<simdjson::dom::element> e = (left ? on.left : on.right).First(root);
    out->push_back(e ? ComparableText(*e) : "");
  }
  for (const PathPair& c : spec_.compare) {
    std::optional<simdjson::dom::element> e = (left ? c.left : c.right).First(root);
    out->push_back(e ? ComparableText(*e) : "");
  }
}

void FuzzyIndex::AddRow(uint32_t row, simdjson::dom::element root) {
  ValuesOf(root, false, &row_values_);
  std::vector<std::string_view> views(row_values_.begin(), row_values_.end());
  scorer_builder_->AddReference(views);
  for (size_t p = 0; p < row_values_.size(); ++p) {
    if (row_values_[p].empty()) continue;
    if (p < parts()) {
      // Every value of the part is a way in, not only the first.
      spec_.on[p].right.ForEach(root, [&](simdjson::dom::element e) {
        std::string text = ComparableText(e);
        if (text.empty()) return;
        norm_.Normalize(text, NameLevel::kName, &scratch_);
        blocking_builder_->Add(row, scratch_, 0);  // one key space: parts get swapped
      });
    } else {
      norm_.Normalize(row_values_[p], NameLevel::kName, &scratch_);
      blocking_builder_->AddExact(row, scratch_, static_cast<uint8_t>(p));
    }
  }
  std::string values;
  for (size_t p = 0; p < parts(); ++p) AppendValue(&values, row_values_[p]);
  handles_.push_back(*values_.KeepSmall(values.substr(0, BlockArena::kBlock)));
}

Status FuzzyIndex::Build() {
  Result<MatchScorer> scorer = std::move(*scorer_builder_).Build();
  if (!scorer.ok()) return scorer.status();
  scorer_.emplace(std::move(*scorer));
  scorer_builder_.reset();
  blocking_ = std::move(*blocking_builder_).Build();
  blocking_builder_.reset();
  return Status::OK();
}

bool FuzzyIndex::Prepare(simdjson::dom::element record, Probe* probe) const {
  ValuesOf(record, true, &probe->values);
  bool any = false;
  probe->query.Clear();
  for (size_t p = 0; p < probe->values.size(); ++p) {
    if (probe->values[p].empty()) continue;
    norm_.Normalize(probe->values[p], NameLevel::kName, &probe->scratch);
    if (p < parts()) {
      any = any || !probe->scratch.empty();
      probe->query.Add(probe->scratch, 0);
    } else {
      probe->query.AddExact(probe->scratch, static_cast<uint8_t>(p));
    }
  }
  if (!any) return false;
  probe->left.Clear();
  std::vector<std::string_view> views(probe->values.begin(), probe->values.end());
  scorer_->Prepare(views, &probe->left);
  return true;
}

double FuzzyIndex::Score(const Probe& probe, uint32_t row) const {
  return scorer_->Score(probe.left, 0, row);
}

void FuzzyIndex::Candidates(Probe* probe, std::vector<Candidate>* out) const {
  out->clear();
  blocking_.Candidates(&probe->query, &probe->candidates);
  for (const BlockingCandidate& c : probe->candidates) {
    double score = Score(*probe, c.id);
    if (score >= min_score_) out->push_back({c.id, score});
  }
  std::sort(out->begin(), out->end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.row < b.row;
  });
}

void FuzzyIndex::AppendFields(const Probe& probe, uint32_t row, std::string* out) const {
  MatchExplanation why = scorer_->Explain(probe.left, 0, row);
  JsonBuilder b(out);
  b.BeginObject();
  for (const FieldExplanation& f : why.fields) {
    b.Key(f.label).BeginObject();
    b.Key("left").String(f.left).Key("right").String(f.right);
    b.Key("kind").String(CompareKindName(f.kind));
    b.Key("similarity").Double(std::round(f.similarity * 1000) / 1000);
    b.Key("weight").Double(std::round(f.weight * 100) / 100);
    b.Key("outcome").String(FieldOutcomeName(f.outcome));
    b.EndObject();
  }
  b.EndObject();
}

}  // namespace casesift
