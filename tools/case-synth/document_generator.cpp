#include "document_generator.h"

#include <fmt/format.h>

#include "case_planner.h"
#include "kind_writers.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kKindNames[] = {"judgment",  "appeal",      "ruling",
                                           "mediation", "enforcement", "protection"};
// How often each kind appears among the enabled ones.
constexpr uint32_t kKindWeights[] = {40, 15, 15, 12, 12, 6};

}  // namespace

std::string_view KindName(Kind kind) { return kKindNames[static_cast<int>(kind)]; }

Result<std::vector<Kind>> ParseKinds(std::string_view list) {
  std::vector<Kind> kinds;
  auto add = [&](Kind k) {
    for (Kind have : kinds) {
      if (have == k) return;
    }
    kinds.push_back(k);
  };
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(start, comma - start);
    start = comma + 1;
    if (name == "all") {
      for (int k = 0; k < static_cast<int>(Kind::kCount); ++k) add(static_cast<Kind>(k));
      continue;
    }
    bool found = false;
    for (int k = 0; k < static_cast<int>(Kind::kCount); ++k) {
      if (name == kKindNames[k]) {
        add(static_cast<Kind>(k));
        found = true;
      }
    }
    if (!found) {
      return Status::Usage(fmt::format(
          "--kinds: unknown kind '{}' (use all, or a comma-separated list of judgment, appeal, "
          "ruling, mediation, enforcement, protection)",
          name));
    }
  }
  // Keep the enum order whatever the order given, so the mix does not depend on it.
  std::vector<Kind> ordered;
  for (int k = 0; k < static_cast<int>(Kind::kCount); ++k) {
    for (Kind have : kinds) {
      if (have == static_cast<Kind>(k)) ordered.push_back(have);
    }
  }
  return ordered;
}

void WriteDocument(DocWriter& w, CasePlan& plan) {
  switch (plan.kind) {
    case Kind::kJudgment:
      WriteJudgment(w, plan);
      break;
    case Kind::kAppeal:
      WriteAppeal(w, plan);
      break;
    case Kind::kRuling:
      WriteRuling(w, plan);
      break;
    case Kind::kMediation:
      WriteMediation(w, plan);
      break;
    case Kind::kEnforcement:
      WriteEnforcement(w, plan);
      break;
    case Kind::kProtection:
    case Kind::kCount:
      WriteProtectionOrder(w, plan);
      break;
  }
}

DocumentGenerator::DocumentGenerator(uint64_t seed, std::vector<Kind> kinds)
    : seed_(seed), kinds_(std::move(kinds)) {
  for (Kind k : kinds_) weights_.push_back(kKindWeights[static_cast<int>(k)]);
}

void DocumentGenerator::Generate(uint64_t index, std::string* text, CaseRecord* record) {
  Rng rng(DocumentSeed(seed_, index));
  Kind kind = kinds_[rng.Weighted(weights_.data(), weights_.size())];
  PlanDocument(rng, factory_, kind, &plan_);
  text->clear();
  record->Clear();
  DocWriter w(&rng, text, record);
  w.set_indent(rng.Percent(10));
  if (kind == Kind::kRuling) plan_.variant = rng.Percent(65) ? 0 : 1;
  WriteDocument(w, plan_);
}

}  // namespace casesift::synth
