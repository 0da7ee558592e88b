#!/usr/bin/env bash
# The whole pipeline end to end (issue 8: one million synthetic documents through every
# stage with all the scenarios' rules in under 2 minutes on 2 cores), each stage's share,
# beside `cat` of the same documents in the same run.
#   bash tests/bench/e2e_speed.sh BUILD_DIR
# Knobs: BENCH_E2E_DOCS (default 1000000 documents; about 2.9 GB, made once into
# BUILD_DIR/bench-data and again when case-synth is rebuilt).
#
# The documents are case-synth's usual mix; the registers and the rules are those of every
# scenario in examples/ (each scenario's join.sh, if it has one, is one join stage,
# `join.sh WORLD_DIR CASES_FILE` with the stream on standard input; all rule folders go to
# one rule-match pass). The stages run one after the other, file to
# file, so each is timed alone; then as a nightly job runs them: the case records written
# once (a self-join needs all of them), then joins, rules, state and reports as one
# pipeline. Both must send the same leads (the reports differ only in naming their input).
set -eu
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
docs=${BENCH_E2E_DOCS:-1000000}
data=$build/bench-data
work=$data/e2e
mkdir -p "$data" "$work"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=1795737600
today=2026-11-27

input=$data/synth-$docs.jsonl
if [ ! -s "$input" ] || [ "$bin/case-synth" -nt "$input" ]; then
  case-synth --seed 20261127 --count "$docs" --format jsonl -j 2 -o "$input" \
    --truth "$data/synth-$docs.truth.jsonl"
fi
bytes=$(wc -c <"$input")

# Every scenario: its world (registers), its joins, its rules.
scenarios=()
rules=()
for dir in "$src"/examples/*/; do
  s=$(basename "$dir")
  [ -f "$dir/expected-leads.jsonl" ] || continue
  scenarios+=("$s")
  rules+=(-r "$dir/rules")
  case-synth scenario "$s" --seed 1 -o "$work/world-$s" --force
done
joins() {
  local cmd="cat"
  for s in "${scenarios[@]}"; do
    if [ -f "$src/examples/$s/join.sh" ]; then
      cmd="$cmd | bash '$src/examples/$s/join.sh' '$work/world-$s' '$1'"
    fi
  done
  echo "$cmd"
}

now() { date +%s.%N; }
declare -A took
stage() {  # stage NAME COMMAND...: runs the command, records its seconds
  local name=$1 t0 t1
  shift
  t0=$(now)
  "$@"
  t1=$(now)
  took[$name]=$(echo "$t1 - $t0" | bc -l)
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
stage cat sh -c "cat '$input' | cat >/dev/null"
stage case-extract case-extract -q --text-field text -j 2 "$input" -o "$work/cases.jsonl"
stage entity-join bash -c "set -o pipefail; $(joins "$work/cases.jsonl") <'$work/cases.jsonl' >'$work/joined.jsonl'"
stage rule-match rule-match -q -j 2 --as-of "$today" "${rules[@]}" "$work/joined.jsonl" \
  -o "$work/leads.jsonl"
rm -f "$work/state.db"
stage lead-dedupe lead-dedupe -q --state "$work/state.db" --as-of "$today" "$work/leads.jsonl" \
  -o "$work/new.jsonl"
rm -rf "$work/reports"
stage report-render report-render -q --split-by recipient -o "$work/reports/{recipient}.html" \
  "$work/new.jsonl"

rm -f "$work/state2.db"
rm -rf "$work/reports2"
stage pipeline bash -c "set -o pipefail
  case-extract -q --text-field text -j 2 '$input' -o '$work/cases2.jsonl'
  $(joins "$work/cases2.jsonl") <'$work/cases2.jsonl' |
  rule-match -q -j 2 --as-of $today ${rules[*]} |
  lead-dedupe -q --state '$work/state2.db' --as-of $today | tee '$work/new2.jsonl' |
  report-render -q --split-by recipient -o '$work/reports2/{recipient}.html'"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cmp "$work/new.jsonl" "$work/new2.jsonl" ||
  { echo "FAIL: the pipeline's leads differ from the stages' leads"; exit 1; }
[ "$(ls "$work/reports" | wc -l)" = "$(ls "$work/reports2" | wc -l)" ] ||
  { echo "FAIL: the pipeline wrote another number of reports than the stages"; exit 1; }

records=$(wc -l <"$work/cases.jsonl")
leads=$(wc -l <"$work/leads.jsonl")
new=$(wc -l <"$work/new.jsonl")
sum=0
for s in case-extract entity-join rule-match lead-dedupe report-render; do
  sum=$(echo "$sum + ${took[$s]}" | bc -l)
done
echo
echo "End to end, $(date -u '+%Y-%m-%d %H:%M UTC'): $docs documents ($(echo "scale=1; $bytes / 1000000" | bc) MB),"
echo "$records case records, ${#scenarios[@]} scenarios (${scenarios[*]}), $leads leads, $new after lead-dedupe"
echo
echo "| stage | seconds | share | documents/s |"
echo "| --- | ---: | ---: | ---: |"
for s in case-extract entity-join rule-match lead-dedupe report-render; do
  printf '| %s | %.2f | %.1f%% | %.0f |\n' "$s" "${took[$s]}" \
    "$(echo "100 * ${took[$s]} / $sum" | bc -l)" "$(echo "$docs / ${took[$s]}" | bc -l)"
done
printf '| all stages, one after the other | %.2f | 100%% | %.0f |\n' "$sum" "$(echo "$docs / $sum" | bc -l)"
printf '| the nightly job: case-extract, then the rest as one pipeline | %.2f | | %.0f |\n' "${took[pipeline]}" \
  "$(echo "$docs / ${took[pipeline]}" | bc -l)"
printf '| cat of the documents (baseline) | %.2f | | %.0f |\n' "${took[cat]}" \
  "$(echo "$docs / ${took[cat]}" | bc -l)"
echo
printf 'pipeline / cat: %.1fx the time of reading the documents\n' \
  "$(echo "${took[pipeline]} / ${took[cat]}" | bc -l)"
if [ "$docs" -ge 1000000 ]; then
  if [ "$(echo "${took[pipeline]} < 120" | bc -l)" = 1 ]; then
    printf 'PASS one million documents end to end in under 2 minutes (%.1f s)\n' "${took[pipeline]}"
  else
    printf 'FAIL one million documents end to end took %.1f s (target: under 120 s)\n' "${took[pipeline]}"
  fi
fi
