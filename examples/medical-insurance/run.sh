#!/usr/bin/env bash
# Scenario 3, 医保基金追偿: tort judgments that award medical costs to an injured person
# whose treatment the basic medical-insurance fund paid; the fund may recover its payments
# (up to the medical costs awarded) from the tortfeasor. For the medical-insurance bureau.
#
#   bash examples/medical-insurance/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/medical-insurance)
#
# Deterministic: the same seed gives the same documents, records, leads and reports. The
# state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/medical-insurance}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27
world=$out/world

# 1. The scenario's documents and the bureau's settlement records (GB18030).
case-synth scenario medical-insurance --seed 1 -o "$world" --force
# 2. Case records.
case-extract -q -j 2 "$world/docs" -o "$out/cases.jsonl"
# 3. The model checks itself, then screens the case records joined with the settlements
#    of each case's injured person (the plaintiff): join.sh.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
bash "$here/join.sh" "$world" "$out/cases.jsonl" <"$out/cases.jsonl" |
  rule-match --as-of "$today" -r "$here/rules" -o "$out/leads.jsonl"
# 4. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 5. One report for the bureau, as a page and as a workbook, masked.
rm -rf "$out/reports"
report-render -q --title '{recipient}：医保基金追偿线索' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：医保基金追偿线索' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

echo "medical-insurance: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; reports in $out/reports/"
