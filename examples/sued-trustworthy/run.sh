#!/usr/bin/env bash
# Scenario 4, 涉诉但守信: companies that lost money judgments and paid in time (no
# enforcement followed, or the enforcement ended by voluntary performance within a month);
# one statement per company, for the company itself and the banks that ask.
#
#   bash examples/sued-trustworthy/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/sued-trustworthy)
#
# Deterministic: the same seed gives the same documents, records, leads and statements.
# The state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/sued-trustworthy}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27
world=$out/world

# 1. The scenario's documents and the enforcement register.
case-synth scenario sued-trustworthy --seed 1 -o "$world" --force
# 2. Case records.
case-extract -q -j 2 "$world/docs" -o "$out/cases.jsonl"
# 3. The model checks itself, then screens the case records joined with the enforcement
#    cases on each judgment against its company debtor: join.sh.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
bash "$here/join.sh" "$world" "$out/cases.jsonl" <"$out/cases.jsonl" |
  rule-match --as-of "$today" -r "$here/rules" -o "$out/leads.jsonl"
# 4. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 5. One statement per company (the statement template), as a page and as a workbook.
rm -rf "$out/reports"
report-render -q --template statement --split-by subject \
  -o "$out/reports/{subject}.html" "$out/deduped.jsonl"
report-render -q --template statement --split-by subject \
  -o "$out/reports/{subject}.xlsx" "$out/deduped.jsonl"

echo "sued-trustworthy: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; statements in $out/reports/"
