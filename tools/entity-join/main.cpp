// entity-join: cross-references records with registers and with each other. See
// man/entity-join.1.
#include <CLI/CLI.hpp>

#include "common/cli.h"
#include "entity_join.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Join records (JSON Lines) with reference files (JSON Lines or CSV) on identifiers, "
      "normalised names and similar names; say why each pair matched."};
  app.footer(
      "Examples:\n"
      "  entity-join --ref register.csv --on 'parties[*].uscc=uscc' --anti cases.jsonl\n"
      "  entity-join --ref cases.jsonl --on 'parties[*].id_no' --as other_cases \\\n"
      "      --exclude-same case_no cases.jsonl\n"
      "  entity-join --ref people.jsonl --on name --fuzzy --compare birth=birth --best --left "
      "in.jsonl");
  casesift::CommonOptions common;
  casesift::EntityJoinOptions options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("--ref", options.refs,
                 "A reference file: JSON Lines, or CSV with a header row (*.csv); repeatable")
      ->type_name("FILE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--on", options.on,
                 "Join the input's LEFT path with the reference's RIGHT path (PATH alone: the "
                 "same on both sides); repeat for a composite key")
      ->type_name("LEFT=RIGHT")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* inner = app.add_flag_callback(
      "--inner", [&] { options.kind = casesift::JoinKind::kInner; },
      "Write the records with a match, matches attached (the default)");
  auto* left = app.add_flag_callback(
      "--left", [&] { options.kind = casesift::JoinKind::kLeft; },
      "Write every record, matches attached (an empty list when none)");
  auto* anti = app.add_flag_callback(
      "--anti", [&] { options.kind = casesift::JoinKind::kAnti; },
      "Write, unchanged, the records with no match (\"not in the register\")");
  auto* semi = app.add_flag_callback(
      "--semi", [&] { options.kind = casesift::JoinKind::kSemi; },
      "Write, unchanged, the records with a match");
  inner->excludes(left, anti, semi);
  left->excludes(anti, semi);
  anti->excludes(semi);
  app.add_option("--as", options.as, "Attach the matches as an array under NAME (default: matches)")
      ->type_name("NAME");
  app.add_option("--fields", options.fields, "Keep only these paths of each match")
      ->type_name("a,b")
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--count-as", options.count_as, "Attach the number of matches under NAME")
      ->type_name("NAME");
  app.add_option("--unpaired-ref", options.unpaired_ref,
                 "Write the reference rows that no record matched to FILE")
      ->type_name("FILE");
  app.add_option("--exclude-same", options.exclude_same,
                 "Skip a match whose value at PATH equals the record's (a self-join)")
      ->type_name("PATH");
  app.add_option("--encoding", options.encoding, "The encoding of CSV references")
      ->type_name("utf-8|gb18030");
  app.add_flag("--best", options.best, "Keep only the best match of each record");
  app.add_flag("--fuzzy", options.fuzzy,
               "When no key matches, find rows by similar names, scored (see --compare)");
  app.add_option("--min-score", options.min_score,
                 "The least score of a fuzzy match, in [0, 1] (default 0.5: more likely the "
                 "same entity than not)")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--compare", options.compare,
                 "With --fuzzy, also compare the input's LEFT with the reference's RIGHT (a "
                 "birth date, an ID, an address, a postcode); repeatable")
      ->type_name("LEFT=RIGHT")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-j,--jobs", options.jobs,
                 "Look records up on N threads (output order is kept; a live feed uses one)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--memory", options.memory,
                 "Hold at most about SIZE of reference in memory (512M, 2G): a larger one is "
                 "joined in partitions on disk, with the same output")
      ->type_name("SIZE");
  return casesift::RunTool(argc, argv, &app, {"entity-join", {}},
                           [&] { return casesift::RunEntityJoin(options, common); });
}
