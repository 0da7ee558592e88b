// The case-synth run: generates --count documents and writes them as a folder of .txt
// files or as JSON Lines, and their ground truth as case records, in document order
// whatever the number of threads.
//
// Output bytes depend only on the options: documents are generated from (seed, index)
// (document_generator.h), and with -j N the batches are generated in parallel and
// written in order.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_SYNTH_RUNNER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_SYNTH_RUNNER_H_

#include <cstdint>
#include <string>

#include "common/cli.h"
#include "common/status.h"

namespace casesift::synth {

struct SynthOptions {
  uint64_t seed = 1;
  uint64_t count = 10;
  std::string kinds = "all";
  std::string format = "txt";  // txt or jsonl
  std::string text_field = "text";
  std::string truth;  // empty: no ground truth; "-": standard output
  unsigned jobs = 1;
  bool force = false;
};

// Runs case-synth. The output goes to common.output: a folder for txt (required), a
// file or standard output for jsonl. Errors: Usage for inconsistent options or a
// non-empty output folder; IoError when writing fails.
Status RunSynth(const SynthOptions& options, const CommonOptions& common);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_SYNTH_RUNNER_H_
