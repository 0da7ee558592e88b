#!/usr/bin/env bash
# The sham-divorce scenario's join, as one stage of a pipeline: case records on standard
# input, the same records on standard output with each party's debts found among the cases.
#   join.sh WORLD_DIR CASES_FILE [ENTITY-JOIN OPTIONS...]   (e.g. --line-buffered, live)
# Every scenario's join.sh takes these arguments; CASES_FILE, all the case records, is what
# this self-join joins with (the scenario has no register). --left keeps every case.
#   - the debt cases: rule-match --select picks from CASES_FILE the economic disputes that
#     found a debt (select/debt-case.yaml: judgments, mediations and enforcement of the
#     debt causes; not withdrawn, dismissed or rejected suits);
#   - debt_cases: those in which a party of the record is a DEFENDANT, by the same ID number
#     and the same name (a composite key: a namesake with another number is someone else,
#     and the lender, a plaintiff, is not a debtor). _match.left is [ID number, name];
#   - enforced: those in which the party is the 被执行人 (side respondent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cases=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sham-divorce.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rule-match -q --select -r "$here/select" "$cases" -o "$tmp/debt-cases.jsonl"
entity-join -q "$@" --left --ref "$tmp/debt-cases.jsonl" --exclude-same case_no \
    --on 'parties[*].id_no=parties[side=defendant].id_no' \
    --on 'parties[*].name=parties[side=defendant].name' \
    --fields case_no,cause,filed_date,outcome --as debt_cases |
  entity-join -q "$@" --left --ref "$tmp/debt-cases.jsonl" --exclude-same case_no \
    --on 'parties[*].id_no=parties[side=respondent].id_no' \
    --on 'parties[*].name=parties[side=respondent].name' \
    --fields case_no,cause,filed_date,outcome --as enforced
