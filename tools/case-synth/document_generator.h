// DocumentGenerator: document number i of a run, text and ground truth, from the run's
// seed alone. Each document has its own random stream (DocumentSeed), so any document
// can be generated without the others, in any order and on any thread, and comes out
// byte-identical.
//
// Thread safety: one generator per thread (it keeps reusable state).
#ifndef CASESIFT_TOOLS_CASE_SYNTH_DOCUMENT_GENERATOR_H_
#define CASESIFT_TOOLS_CASE_SYNTH_DOCUMENT_GENERATOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actor_factory.h"
#include "case_plan.h"
#include "case_record.h"
#include "common/status.h"
#include "doc_writer.h"

namespace casesift::synth {

// The --kinds names, in Kind order: judgment, appeal, ruling, mediation, enforcement,
// protection.
std::string_view KindName(Kind kind);

// Parses a comma-separated --kinds list ("all", or names from KindName). Returns the
// enabled kinds; a Usage error names an unknown kind and lists the known ones.
Result<std::vector<Kind>> ParseKinds(std::string_view list);

// Writes the document `plan` describes (its kind's writer), text and truth, into `w`.
void WriteDocument(DocWriter& w, CasePlan& plan);

class DocumentGenerator {
 public:
  // REQUIRES: `kinds` is not empty.
  DocumentGenerator(uint64_t seed, std::vector<Kind> kinds);

  // Writes document `index` (0-based) into *text and its truth into *record (both are
  // overwritten; record->id, src and text_hash are left for the caller).
  void Generate(uint64_t index, std::string* text, CaseRecord* record);

 private:
  uint64_t seed_;
  std::vector<Kind> kinds_;
  std::vector<uint32_t> weights_;
  ActorFactory factory_;
  CasePlan plan_;
};

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_DOCUMENT_GENERATOR_H_
