#!/usr/bin/env bash
# Scenario 5, 涉家暴信息共享: every personal-safety protection order granted, with the
# protected person and the respondent, for the district's women's federation and police.
#
#   bash examples/protection-orders/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/protection-orders)
#
# Deterministic: the same seed gives the same documents, records, leads and reports. The
# state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/protection-orders}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27

# 1. The scenario's documents: orders, rejected applications, and ordinary civil work.
case-synth scenario protection-orders --seed 1 -o "$out/world" --force
# 2. Case records.
case-extract -q -j 2 "$out/world/docs" -o "$out/cases.jsonl"
# 3. The model checks itself, then screens the records.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
rule-match --as-of "$today" -r "$here/rules" "$out/cases.jsonl" -o "$out/leads.jsonl"
# 4. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 5. One report per district court, as a page and as a workbook. Unmasked: the police and
#    the women's federation need to know whom they protect and from whom (反家庭暴力法
#    第二十八条); every other scenario's reports are masked.
rm -rf "$out/reports"
report-render -q --no-mask --title '{court}：人身安全保护令通报' --split-by court \
  -o "$out/reports/{court}.html" "$out/deduped.jsonl"
report-render -q --no-mask --title '{court}：人身安全保护令通报' --split-by court \
  -o "$out/reports/{court}.xlsx" "$out/deduped.jsonl"

echo "protection-orders: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; reports in $out/reports/"
