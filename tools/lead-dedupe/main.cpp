// lead-dedupe: one lead per finding, within a run and across runs. See man/lead-dedupe.1.
#include <sqlite3.h>

#include <CLI/CLI.hpp>

#include "common/cli.h"
#include "lead_dedupe.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Collapse repeated leads (JSON Lines) into one per key; with --state, remember them "
      "across runs and write only the new and the changed."};
  app.footer(
      "Examples:\n"
      "  rule-match -r models/ cases.jsonl | lead-dedupe > leads.jsonl\n"
      "  rule-match -r models/ today.jsonl | lead-dedupe --state leads.db -o new-leads.jsonl\n"
      "  lead-dedupe --state leads.db --verdicts reviewed.jsonl\n"
      "  lead-dedupe -k id --cluster given_name --cluster surname \\\n"
      "      --compare date_of_birth=date_of_birth people.jsonl");
  casesift::CommonOptions common;
  casesift::LeadDedupeOptions options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("-k,--key", options.keys,
                 "Collapse leads with the same value at PATH (repeatable; default: lead_id)")
      ->type_name("PATH")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--state", options.state,
                 "Remember leads across runs in FILE (SQLite; created when missing) and write "
                 "only the new and the changed")
      ->type_name("FILE");
  app.add_flag("--all", options.all, "With --state, write unchanged repeats too (status repeat)");
  app.add_option("--repeat-after", options.repeat_after,
                 "With --state, write an unchanged repeat again once SPAN has passed since it "
                 "was last written (30d, 6w, 3m, 1y)")
      ->type_name("SPAN");
  app.add_option("--as-of", options.as_of,
                 "The run's date (default: SOURCE_DATE_EPOCH, else the clock)")
      ->type_name("YYYY-MM-DD");
  app.add_flag("--dry-run", options.dry_run,
               "With --state, write what a run would write, and leave the state unchanged");
  app.add_option("--verdicts", options.verdicts,
                 "Record reviewers' verdicts: leads (JSON Lines) with \"verdict\":\"tp\" or "
                 "\"fp\"; a false positive is never written again")
      ->type_name("FILE");
  app.add_flag("--export", options.export_state,
               "Write the state as JSON Lines (every key, its dates, counts and verdict)");
  app.add_option("--expire", options.expire,
                 "Remove the keys last seen before DATE, or SPAN before today (365d), and say "
                 "how many")
      ->type_name("DATE|SPAN");
  app.add_option("--wait", options.wait,
                 "Wait up to SECONDS for another run holding the state (default 0: fail at once)")
      ->type_name("SECONDS");
  app.add_option("--cluster", options.cluster,
                 "Group leads whose name at PATH is alike (repeatable: the parts of a name); "
                 "each gets dedupe.cluster and dedupe.members")
      ->type_name("PATH")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--compare", options.compare,
                 "With --cluster, also compare LEFT of one lead with RIGHT of another (a birth "
                 "date, an ID, an address); repeatable")
      ->type_name("LEFT=RIGHT")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-j,--jobs", options.jobs,
                 "With --state, read and write the state on a second thread while the leads "
                 "are read and written (output and state are the same on any N)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--min-score", options.min_score,
                 "The least score of two leads in one cluster, in [0, 1] (default 0.5)")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  return casesift::RunTool(argc, argv, &app, {"lead-dedupe", {{"SQLite", sqlite3_libversion()}}},
                           [&] { return casesift::RunLeadDedupe(options, common); });
}
