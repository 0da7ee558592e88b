#!/usr/bin/env bash
# Scenario 2, 预付式消费风险: prepaid-card merchants (fitness, beauty, training) sued by their
# customers three times or more within a year for large refunds that enforcement could not
# recover; those of them missing from the prepaid-card filing register; the persons who
# represent two or more of them (换壳经营); those that cut their capital shortly before
# being sued. For the municipal commerce commission.
#
#   bash examples/prepaid/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/prepaid)
#
# Deterministic: the same seed gives the same documents, records, leads and reports. The
# state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/prepaid}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27

# 1. The scenario's documents and the registers the commission and the court hold.
case-synth scenario prepaid --seed 1 -o "$out/world" --force
# 2. Case records.
case-extract -q -j 2 "$out/world/docs" -o "$out/cases.jsonl"
# 3. What the registers know of each defendant (join.sh): its enforcement cases, whether it
#    filed with the prepaid-card register, its legal representative, its capital changes.
bash "$here/join.sh" "$out/world" "$out/cases.jsonl" <"$out/cases.jsonl" >"$out/joined.jsonl"
# 4. The models check themselves, then screen the records.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
rule-match --as-of "$today" -r "$here/rules" "$out/joined.jsonl" -o "$out/leads.jsonl"
# 5. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 6. One report for the commerce commission, as a page and as a workbook.
rm -rf "$out/reports"
report-render -q --title '{recipient}：预付式消费风险线索' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：预付式消费风险线索' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

echo "prepaid: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; reports in $out/reports/"
