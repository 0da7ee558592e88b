// The texts the naive-twin agreement tests (tests/reference/*_agreement_test.cpp) compare a
// scanner and its twin on: the hand-written case-extract fixtures, decoded as case-extract
// reads them, then case-synth documents of every kind (seed 20261127).
#ifndef CASESIFT_TESTS_SUPPORT_AGREEMENT_CORPUS_H_
#define CASESIFT_TESTS_SUPPORT_AGREEMENT_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "document_generator.h"
#include "document_source.h"

namespace casesift::testing {

// The fixtures' texts (empty when the folder cannot be read: callers check the count), then
// `synth_documents` generated ones.
inline std::vector<std::string> AgreementCorpus(uint64_t synth_documents) {
  std::vector<std::string> texts;
  DocumentSource::Options options;
  options.inputs = {std::string(CASESIFT_TEST_DATA) + "/case-extract/fixtures"};
  DocumentSource source(options, nullptr);
  if (source.Init().ok()) {
    for (Document doc; source.Next(&doc);) texts.push_back(doc.text);
  }
  synth::DocumentGenerator generator(20261127, *synth::ParseKinds("all"));
  synth::CaseRecord truth;
  for (uint64_t i = 0; i < synth_documents; ++i) {
    std::string text;
    generator.Generate(i, &text, &truth);
    texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace casesift::testing

#endif  // CASESIFT_TESTS_SUPPORT_AGREEMENT_CORPUS_H_
