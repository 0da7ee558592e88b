#!/usr/bin/env bash
# The quick start: synthetic judgments -> case records -> leads, with the four rule models
# in rules/. Deterministic: the same seed gives the same documents, records and leads.
#
#   bash examples/quickstart/run.sh [BIN_DIR] [OUT_DIR]      (defaults: build/bin, out/quickstart)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/quickstart}
mkdir -p "$out"
export PATH="$bin:$PATH"

# 1. Two thousand judgments, rulings, mediations and protection orders, as JSON Lines.
case-synth --seed 7 --count 2000 --format jsonl -o "$out/docs.jsonl" --force
# 2. Case records: parties, amounts, cause, outcome, allocations ...
case-extract --text-field text -j 2 "$out/docs.jsonl" -o "$out/cases.jsonl"
# 3. The rule models check themselves, then screen the records.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
rule-match --as-of 2026-11-27 -r "$here/rules" "$out/cases.jsonl" -o "$out/leads.jsonl"

# 4. One lead per finding, and a report per recipient, masked, as HTML and as a workbook.
#    The reports carry their provenance; the fixed time makes them the same bytes each run.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27
lead-dedupe "$out/leads.jsonl" -o "$out/deduped.jsonl"
rm -rf "$out/reports"
report-render -q --title '{recipient}：筛查线索' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：筛查线索' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

echo "quickstart: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/leads.jsonl") leads in $out/leads.jsonl"
grep -o '"rule":"[^"]*","rule_version":[0-9]*' "$out/leads.jsonl" | sed 's/"rule":"\([^"]*\)".*/\1/' |
  sort | uniq -c | sed 's/^/  /'
echo "reports, one per recipient (open the .html in a browser):"
(cd "$out/reports" && ls) | sed "s|^|  $out/reports/|"
