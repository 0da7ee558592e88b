#!/usr/bin/env bash
# Scenario 6, 提示预警: warnings to the judge handling a case: a party already dead when
# the case was filed (the death register), a company already deregistered or revoked (the
# business register), a plaintiff who lends professionally (five private-loan suits in two
# years). First over the whole file, then live: records appended to an intake file come
# out as warnings as they arrive.
#
#   bash examples/warnings/run.sh [BIN_DIR] [OUT_DIR]     (defaults: build/bin, out/warnings)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/warnings}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27
world=$out/world

# The joins with the death register and the business register: join.sh.
registers() { bash "$here/join.sh" "$world" "$out/cases.jsonl" "$@"; }

# 1. The scenario's documents and registers; 2. case records.
case-synth scenario warnings --seed 1 -o "$world" --force
case-extract -q -j 2 "$world/docs" -o "$out/cases.jsonl"
# 3. The models check themselves, then screen the records joined with the registers.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
registers <"$out/cases.jsonl" | rule-match --as-of "$today" -r "$here/rules" -o "$out/leads.jsonl"
# 4. What was not sent before, and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 5. One report per recipient (the judges), masked.
rm -rf "$out/reports"
report-render -q --title '{recipient}：提示预警' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：提示预警' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

# 6. Live: the case system appends each new case to an intake file; the same pipeline,
#    line-buffered, turns it into warnings as the records arrive. Here the day's records
#    are appended in filing order, and the feed runs until every warning has come out.
intake=$out/intake.jsonl
live=$out/live-warnings.jsonl
: >"$intake"
sleep 600 &
feed_life=$!
tail --pid="$feed_life" -s 0.2 -n +1 -F "$intake" 2>/dev/null |
  registers --line-buffered |
  rule-match --line-buffered --as-of "$today" -r "$here/rules" >"$live" &
feed=$!
jq -c -s 'sort_by(.filed_date // "", .case_no // "") | .[]' "$out/cases.jsonl" >>"$intake"
want=$(jq -r .lead_id "$out/deduped.jsonl" | sort -u | wc -l)
for _ in $(seq 1 300); do  # at most a minute: the feed is stopped either way
  have=$( (jq -r .lead_id "$live" 2>/dev/null || true) | sort -u | wc -l)
  [ "$have" -ge "$want" ] && break
  sleep 0.2
done
kill "$feed_life" 2>/dev/null || true
wait "$feed" || true

echo "warnings: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; $(wc -l <"$live") live warnings in $live; reports in $out/reports/"
