#!/usr/bin/env bash
# Scenario 1, 假离婚、实逃债: divorces closed by a mediation that gives one spouse nearly all
# the property, where a spouse is a defendant or judgment debtor in other economic disputes.
# For the court's supervision office (审判监督).
#
#   bash examples/sham-divorce/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/sham-divorce)
#
# Deterministic: the same seed gives the same documents, records, leads and reports. The
# state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/sham-divorce}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27

# 1. The scenario's documents: the court's own copies, with full names and ID numbers.
case-synth scenario sham-divorce --seed 1 -o "$out/world" --force
# 2. Case records.
case-extract -q -j 2 "$out/world/docs" -o "$out/cases.jsonl"
# 3. The models check themselves (the model and the selection of debt cases together: the
#    list of debt causes they both define must agree).
rule-match --check -q -r "$here/rules" -r "$here/select"
rule-match --test -q -r "$here/rules" -r "$here/select"
# 4. Each party's debts among the cases themselves (join.sh: a self-join on ID number and
#    name against the defendants and 被执行人 of the economic disputes), then the screening.
bash "$here/join.sh" "$out/world" "$out/cases.jsonl" <"$out/cases.jsonl" >"$out/joined.jsonl"
rule-match --as-of "$today" -r "$here/rules" "$out/joined.jsonl" -o "$out/leads.jsonl"
# 5. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 6. One report for the supervision office, as a page and as a workbook (names masked).
rm -rf "$out/reports"
report-render -q --title '{recipient}：疑似假离婚、实逃债' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：疑似假离婚、实逃债' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

echo "sham-divorce: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; reports in $out/reports/"
