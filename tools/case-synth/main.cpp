// case-synth: writes realistic synthetic court documents (civil judgments, rulings,
// mediation documents, second-instance judgments, enforcement rulings, protection
// orders) and the ground-truth case record of each, seeded and deterministic.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <string>

#include "common/cli.h"
#include "scenario.h"
#include "synth_runner.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Write synthetic Chinese court documents in the real layout of each kind, and the "
      "ground-truth case record of each (seeded, deterministic)."};
  app.footer(
      "Examples:\n"
      "  case-synth --count 100 --seed 7 -o docs --truth truth.jsonl\n"
      "  case-synth --count 100000 --format jsonl -j 2 -o docs.jsonl --truth truth.jsonl\n"
      "  case-synth --kinds mediation,protection --format jsonl --count 5 | jq -r .text\n"
      "  case-synth scenario sham-divorce --seed 1 -o world/");
  casesift::CommonOptions common;
  casesift::synth::SynthOptions options;
  casesift::AddCommonOptions(&app, &common, /*with_inputs=*/false);
  app.add_option("--seed", options.seed, "Seed of the random generator (default 1)")
      ->type_name("N");
  app.add_option("--count", options.count, "Number of documents to write (default 10)")
      ->type_name("N");
  app.add_option("--kinds", options.kinds,
                 "Kinds of document: all (default), or a comma-separated list of judgment, "
                 "appeal, ruling, mediation, enforcement, protection")
      ->type_name("LIST");
  app.add_option("--format", options.format,
                 "txt: -o names a folder of NNNNNNN.txt files (default); jsonl: one "
                 "{\"id\",\"text\"} record per document")
      ->type_name("FORMAT");
  app.add_option("--text-field", options.text_field,
                 "Name of the text field in --format jsonl (default text)")
      ->type_name("NAME");
  app.add_option("--truth", options.truth,
                 "Write the ground-truth case record of each document to FILE (- for standard "
                 "output)")
      ->type_name("FILE");
  app.add_option("-j,--jobs", options.jobs,
                 "Generate on N threads (default 1); the output is the same for any N")
      ->type_name("N");
  app.add_flag("--force", options.force, "Write into an output folder that is not empty");
  std::string scenario;
  std::string names;
  for (const casesift::synth::ScenarioInfo& s : casesift::synth::Scenarios()) {
    names += fmt::format("\n  {:<20} {}", s.name, s.title);
  }
  app.add_option("--scenario", scenario,
                 "Write the world of a screening scenario into the folder -o names: its "
                 "documents, registers (CSV) and truth (listed below)")
      ->type_name("NAME");
  CLI::App* sub = app.add_subcommand(
      "scenario", "Write a screening scenario's world (the same as --scenario NAME)");
  sub->add_option("name", scenario, "The scenario (listed below)")->required();
  sub->add_option("-o,--output", common.output,
                  "The folder to write: docs/, registers/, truth.jsonl, near-misses.jsonl, "
                  "records.jsonl")
      ->type_name("DIR");
  sub->add_option("--seed", options.seed, "Seed of the random generator (default 1)")
      ->type_name("N");
  sub->add_option("--format", options.format,
                  "txt: the documents as docs/NNNNNNN.txt (default); jsonl: as docs.jsonl")
      ->type_name("FORMAT");
  sub->add_flag("--force", options.force, "Write into an output folder that is not empty");
  sub->footer("Scenarios:" + names);
  app.footer(std::string(app.get_footer()) +
             "\n\nScenarios (case-synth scenario NAME -o DIR):" + names);
  return casesift::RunTool(argc, argv, &app, {"case-synth", {}}, [&] {
    if (!scenario.empty()) {
      for (const char* name : {"--count", "--kinds", "--truth", "--text-field", "--jobs"}) {
        if (app.count(name) > 0) {
          return casesift::Status::Usage(fmt::format(
              "{} does not apply to a scenario (its world has its own documents)", name));
        }
      }
      return casesift::synth::RunScenario(scenario, options, common);
    }
    return casesift::synth::RunSynth(options, common);
  });
}
