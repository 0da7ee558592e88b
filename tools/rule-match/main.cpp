// rule-match: screening rule models (YAML, RULES.md) over case records. See man/rule-match.1.
#include <CLI/CLI.hpp>

#include "common/cli.h"
#include "rule_match.h"

int main(int argc, char** argv) {
  CLI::App app{"Run screening rule models (YAML) over case records (JSON Lines); write leads."};
  app.footer(
      "Examples:\n"
      "  rule-match -r rules/ cases.jsonl > leads.jsonl\n"
      "  rule-match --check -r rules/\n"
      "  tail -F intake.jsonl | rule-match -r rules/stable/ --line-buffered");
  casesift::CommonOptions common;
  casesift::RuleMatchOptions options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("-r,--rules", options.rules, "A rules file (YAML) or a folder of them; repeatable")
      ->type_name("FILE|DIR")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--as-of", options.as_of,
                 "The run's date for today() (default: SOURCE_DATE_EPOCH, else the clock)")
      ->type_name("DATE");
  auto* annotate = app.add_flag("--annotate", options.annotate,
                                "Pass every record through with matched_rules spliced in");
  app.add_flag("--select", options.select, "Print the matching records unchanged")
      ->excludes(annotate);
  app.add_flag("--explain", options.explain,
               "Add to each lead, per selection, whether it held and the values it saw");
  app.add_flag("--validate", options.validate,
               "Parse and check every record, also those whose text holds none of the words "
               "the rules need (by default they are passed over unparsed)");
  app.add_option("-j,--jobs", options.jobs,
                 "Match on N threads (output order is kept; a live feed is matched on one)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--lists", options.lists, "A folder of named lists: NAME.txt defines @NAME")
      ->type_name("DIR");
  auto* check = app.add_flag("--check", options.check, "Load and lint the rules; read no records");
  app.add_flag("--test", options.test, "Run every rule's tests; exit 1 on a failure")
      ->excludes(check);
  app.add_option("--score", options.score,
                 "Print the precision of each rule (and version) from leads marked "
                 "\"verdict\":\"tp\" or \"fp\"")
      ->type_name("VERDICTS");
  app.add_flag("--json", options.json, "With --score: JSON Lines instead of a table");
  return casesift::RunTool(argc, argv, &app, {"rule-match", {{"yaml-cpp", "0.7.0"}}},
                           [&] { return casesift::RunRuleMatch(options, common); });
}
