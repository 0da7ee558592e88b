#!/usr/bin/env bash
# rule-match throughput (issue: the rule-match speed benchmark), part of `make bench`.
#
#   bash tests/bench/rule_match_speed.sh BUILD_DIR
#
# Makes BUILD_DIR/bench-data/cases-N.jsonl once (bench-gen-cases, the seed of run.sh; made again
# when the generator is newer), and, on every run, 800 rules into BUILD_DIR/bench-data/rules800/
# and the single rule of the 1-rule run into BUILD_DIR/bench-data/one.yaml (bench-gen-rules,
# fixed seed). Then times, file in the page cache, each in the shape `PROGRAM FILE | cat > SINK`:
#
#   jsonl-pass FILE                      the shared reader and writer: the floor for a filter
#   rule-match -r one.yaml FILE          1 rule, writing leads
#   rule-match --select -r one.yaml FILE 1 rule, writing the matching records
#   rule-match -r rules800/ FILE         800 rules, writing leads
#   rule-match -j N -r one.yaml FILE     1 rule on every core (N = nproc, when above 1)
#   rule-match -j N -r rules800/ FILE    800 rules on every core; the leads of each -j N run
#                                        must be the bytes of its -j 1 run
#   jq -c 'select(...)' FILE             the 1-rule equivalent (the `# jq:` line of one.yaml)
#
# and prints a Markdown report (kept in BUILD_DIR/bench-data/rule_match.md): MB/s, records/s,
# lines written by each run, the rule set's load time, how many records the 800 rules match,
# and the targets with PASS or FAIL:
#   1 rule >= 60% of pass-through speed; 800 rules >= 20% of it; 800 rules cost <= 5x one
#   (each for -j 1 and for -j N; 800 rules with -j N against 1 rule on one thread and with -j N);
#   1 rule >= 20x jq.
# The targets depend on the machine and do not set the exit status. It is 1 when a program is
# missing or fails, when the rules do not pass `rule-match --check`, or when the counts disagree:
# jq and `rule-match --select` must print the same number of records, the 1-rule run one lead
# per such record, and every run of a program the same number of lines.
#
# Environment, with defaults:
#   BENCH_RULE_RECORDS=1000000   records in the generated input
#   BENCH_FAST_RUNS=3            runs of jsonl-pass and rule-match (the median is reported)
#   BENCH_RUNS=1                 runs of jq
#   BENCH_SLOW_SECONDS=60        a program whose first run takes longer is not run again
#   BENCH_RULE_MATCH=BUILD_DIR/bin/rule-match   the program under test
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C  # a decimal point in $EPOCHREALTIME and awk; byte order for sort

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/rule_match_speed.sh BUILD_DIR   (an existing build directory)" >&2
  exit 2
fi
if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "rule_match_speed.sh: needs bash 5 or later (for \$EPOCHREALTIME)" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
N=${BENCH_RULE_RECORDS:-1000000}
FAST_RUNS=${BENCH_FAST_RUNS:-3}
RUNS=${BENCH_RUNS:-1}
JOBS=$(nproc 2> /dev/null || echo 1)  # the -j run uses every core
SLOW=${BENCH_SLOW_SECONDS:-60}
RULE_MATCH=${BENCH_RULE_MATCH:-$BUILD/bin/rule-match}
PASS=$BUILD/bin/jsonl-pass
GEN_CASES=$BUILD/bin/bench-gen-cases
GEN_RULES=$BUILD/bin/bench-gen-rules
CASE_SEED=20240502  # as run.sh
RULE_SEED=20261127
RULE_COUNT=800
DATA_DIR=$BUILD/bench-data
DATA=$DATA_DIR/cases-$N.jsonl
RULES=$DATA_DIR/rules$RULE_COUNT
ONE=$DATA_DIR/one.yaml
REPORT=$DATA_DIR/rule_match.md

for program in "$GEN_CASES" "$GEN_RULES" "$PASS" "$RULE_MATCH"; do
  if [ ! -x "$program" ]; then
    echo "rule_match_speed.sh: $program is missing; build it first (make build)" >&2
    exit 1
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/casesift-rule-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
: > "$WORK/rows"
: > "$WORK/problems"
problem() {  # a failure that sets the exit status
  echo "rule_match_speed.sh: $*" >&2
  echo "$*" >> "$WORK/problems"
}

# ---- the input and the rules ------------------------------------------------------------------
mkdir -p "$DATA_DIR"
if [ ! -s "$DATA" ] || [ "$GEN_CASES" -nt "$DATA" ]; then
  echo "generating $DATA ($N records, seed $CASE_SEED) ..." >&2
  "$GEN_CASES" --seed "$CASE_SEED" --count "$N" -o "$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
rm -rf "$RULES" "$ONE"
"$GEN_RULES" --count "$RULE_COUNT" --seed "$RULE_SEED" -o "$RULES" --one "$ONE"
JQ_FILTER=$(sed -n 's/^# jq: //p' "$ONE")
BYTES=$(wc -c < "$DATA" | tr -d ' ')
RECORDS=$(wc -l < "$DATA" | tr -d ' ')
cat "$DATA" > /dev/null  # into the page cache
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# ---- timing -----------------------------------------------------------------------------------
# shellcheck source=tests/bench/timing.sh
. "$HERE/timing.sh"

# bench NAME RUNS SINK SHOWN CMD...: times CMD up to RUNS times (once when the first run takes
# more than $SLOW seconds) and adds a row "NAME|SHOWN|median|runs|fastest|lines" ("failed" for
# the median when CMD fails). lines: what the last run wrote, when SINK is a file; every run
# must write as many.
bench() {
  local name=$1 runs=$2 sink=$3 shown=$4 i=0 t lines="" previous=""
  shift 4
  echo "timing $name (up to $runs run(s)) ..." >&2
  : > "$WORK/times"
  while [ "$i" -lt "$runs" ]; do
    if ! t=$(time_once "$sink" "$@"); then
      problem "$name failed (exit $(cat "$WORK/rc")): $(head -c 300 "$WORK/stderr")"
      echo "$name|$shown|failed|$runs||" >> "$WORK/rows"
      return 0
    fi
    echo "$t" >> "$WORK/times"
    i=$((i + 1))
    if [ "$sink" != /dev/null ]; then
      lines=$(wc -l < "$sink" | tr -d ' ')
      if [ -n "$previous" ] && [ "$lines" != "$previous" ]; then
        problem "$name wrote $previous lines in one run and $lines in another"
      fi
      previous=$lines
    fi
    if awk -v t="$t" -v slow="$SLOW" 'BEGIN { exit !(t > slow) }'; then
      [ "$i" -lt "$runs" ] && echo "$name: ${t} s > ${SLOW} s, not run again" >&2
      break
    fi
  done
  sort -n "$WORK/times" | awk -v row="$name|$shown" -v lines="$lines" '
    { t[NR] = $1 } END { print row "|" t[int((NR + 1) / 2)] "|" NR "|" t[1] "|" lines }' \
    >> "$WORK/rows"
}

# median_of RUNS CMD...: the median seconds of RUNS runs of `CMD | cat > /dev/null`.
median_of() {
  local runs=$1 i=0
  shift
  : > "$WORK/times"
  while [ "$i" -lt "$runs" ]; do
    time_once /dev/null "$@" >> "$WORK/times" || return 1
    i=$((i + 1))
  done
  sort -n "$WORK/times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# ---- the rules load ---------------------------------------------------------------------------
RULES_OK=yes
for set in "$RULES" "$ONE"; do
  if ! "$RULE_MATCH" --check -r "$set" > "$WORK/check" 2>&1; then
    problem "rule-match --check -r $set failed: $(head -c 600 "$WORK/check")"
    RULES_OK=no
  fi
done
: > "$WORK/empty.jsonl"
LOAD_800=failed
LOAD_1=failed
if [ "$RULES_OK" = yes ]; then
  echo "timing the start-up (empty input) ..." >&2
  LOAD_800=$(median_of "$FAST_RUNS" "$RULE_MATCH" -r "$RULES" "$WORK/empty.jsonl") ||
    { problem "rule-match -r rules800/ on an empty input failed"; LOAD_800=failed; }
  LOAD_1=$(median_of "$FAST_RUNS" "$RULE_MATCH" -r "$ONE" "$WORK/empty.jsonl") ||
    { problem "rule-match -r one.yaml on an empty input failed"; LOAD_1=failed; }
fi

# ---- the runs ---------------------------------------------------------------------------------
bench jsonl-pass "$FAST_RUNS" /dev/null 'jsonl-pass FILE' "$PASS" "$DATA"
if [ "$RULES_OK" = yes ]; then
  bench "rule-match, 1 rule" "$FAST_RUNS" "$WORK/one.out" 'rule-match -r one.yaml FILE' \
    "$RULE_MATCH" -r "$ONE" "$DATA"
  bench "rule-match --select, 1 rule" "$FAST_RUNS" "$WORK/select.out" \
    'rule-match --select -r one.yaml FILE' "$RULE_MATCH" --select -r "$ONE" "$DATA"
  bench "rule-match, $RULE_COUNT rules" "$FAST_RUNS" "$WORK/leads800.out" \
    "rule-match -r rules$RULE_COUNT/ FILE" "$RULE_MATCH" -r "$RULES" "$DATA"
  if [ "$JOBS" -gt 1 ]; then
    bench "rule-match -j $JOBS, 1 rule" "$FAST_RUNS" "$WORK/onej.out" \
      "rule-match -j $JOBS -r one.yaml FILE" "$RULE_MATCH" -j "$JOBS" -r "$ONE" "$DATA"
    if [ -s "$WORK/one.out" ] && [ -s "$WORK/onej.out" ] &&
      ! cmp -s "$WORK/one.out" "$WORK/onej.out"; then
      problem "rule-match -j $JOBS wrote other bytes than -j 1 with 1 rule"
    fi
    bench "rule-match -j $JOBS, $RULE_COUNT rules" "$FAST_RUNS" "$WORK/leads800j.out" \
      "rule-match -j $JOBS -r rules$RULE_COUNT/ FILE" "$RULE_MATCH" -j "$JOBS" -r "$RULES" "$DATA"
    if [ -s "$WORK/leads800.out" ] && [ -s "$WORK/leads800j.out" ] &&
      ! cmp -s "$WORK/leads800.out" "$WORK/leads800j.out"; then
      problem "rule-match -j $JOBS wrote other bytes than -j 1 with $RULE_COUNT rules"
    fi
  fi
fi
JQ_NOTE=""
if ! command -v jq > /dev/null; then
  JQ_NOTE="jq: skipped (not installed; make deps-bench, or apt-get install jq)"
  echo "$JQ_NOTE" >&2
elif [ -z "$JQ_FILTER" ]; then
  problem "$ONE has no '# jq:' line"
else
  bench "$(jq --version), 1-rule equivalent" "$RUNS" "$WORK/jq.out" "jq -c FILTER FILE" \
    jq -c "$JQ_FILTER" "$DATA"
fi

# ---- the counts -------------------------------------------------------------------------------
lines_of() { awk -F'|' -v n="$1" '$1 == n && $3 != "failed" { print $6 }' "$WORK/rows"; }
ONE_LEADS=$(lines_of "rule-match, 1 rule")
SELECTED=$(lines_of "rule-match --select, 1 rule")
JQ_LINES=$(awk -F'|' '$1 ~ /^jq/ && $3 != "failed" { print $6 }' "$WORK/rows")
COUNTS="n/a"
if [ -n "$SELECTED" ] && [ -n "$JQ_LINES" ]; then
  if [ "$SELECTED" = "$JQ_LINES" ]; then
    COUNTS="agree: rule-match --select and jq both print $SELECTED records"
  else
    COUNTS="DISAGREE: rule-match --select prints $SELECTED records, jq $JQ_LINES"
    problem "$COUNTS"
  fi
fi
if [ -n "$SELECTED" ] && [ -n "$ONE_LEADS" ] && [ "$SELECTED" != "$ONE_LEADS" ]; then
  problem "the 1-rule run wrote $ONE_LEADS leads for $SELECTED matching records"
fi
MATCHED=""
if [ -s "$WORK/leads800.out" ]; then
  # A detection lead's src is an object (its record), a correlation lead's an array.
  DETECTION_LEADS=$(grep -c '"src":{' "$WORK/leads800.out" || true)
  CORRELATION_LEADS=$(grep -c '"src":\[' "$WORK/leads800.out" || true)
  MATCHED=$(grep -o '"src":{[^}]*}' "$WORK/leads800.out" | sort -u | wc -l | tr -d ' ')
  RULES_FIRING=$(grep -o '^{"lead_id":"[^:]*' "$WORK/leads800.out" | sort -u | wc -l | tr -d ' ')
fi

# ---- the report -------------------------------------------------------------------------------
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
# The program's own account of its build (`--version`: the version, then the commit it was
# built from, "-dirty" when the tree had changes).
VERSION=$("$RULE_MATCH" --version 2> /dev/null | head -n 2 | paste -sd ' ' - || true)
{
  echo "rule-match throughput, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, ${CPU:-unknown CPU}, $(uname -sr)"
  echo "rule-match: $RULE_MATCH, ${VERSION:-version unknown}"
  echo "load average before the runs: $LOAD, after: $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null)"
  echo "input: cases-$N.jsonl, $BYTES bytes, $RECORDS records (bench-gen-cases --seed $CASE_SEED --count $N)"
  echo "rules: bench-gen-rules --count $RULE_COUNT --seed $RULE_SEED; one.yaml: cause 民间借贷纠纷, claim_yuan >= 100000"
  echo "shape: PROGRAM FILE | cat > SINK, file in the page cache; seconds: the median run"
  echo "start-up on an empty input (median of $FAST_RUNS): 1 rule $LOAD_1 s, $RULE_COUNT rules $LOAD_800 s"
  echo
  awk -F'|' -v bytes="$BYTES" -v records="$RECORDS" '
    {
      printf "| %s | `%s` | %s | ", $1, $2, $4
      if ($3 == "failed") { print "failed | | | | |"; next }
      printf "%.2f | %.2f | %.0f | %.0f | %s |\n", $3, $5, bytes / 1e6 / $3, records / $3,
             $6 == "" ? "(to /dev/null)" : $6
    }
    BEGIN {
      print "| run | command | runs | seconds | fastest | MB/s | records/s | lines written |"
      print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    }' "$WORK/rows"
  echo
  [ -n "$JQ_FILTER" ] && echo "- FILTER (jq): \`$JQ_FILTER\`"
  [ -n "$JQ_NOTE" ] && echo "- $JQ_NOTE"
  echo "- counts of the 1-rule run: $COUNTS; leads of the 1-rule run: ${ONE_LEADS:-n/a}"
  if [ -n "$MATCHED" ]; then
    awk -v m="$MATCHED" -v n="$RECORDS" -v d="$DETECTION_LEADS" -v c="$CORRELATION_LEADS" \
        -v f="$RULES_FIRING" -v total="$RULE_COUNT" 'BEGIN {
      printf "- %d rules: %d detection leads and %d correlation leads, from %d of the %d rules;\n",
             total, d, c, f, total
      printf "  %d of %d records (%.2f%%) have a detection lead\n", m, n, 100 * m / n
    }'
  fi
  echo
  echo "Targets (speed = records per second; ratios from the medians):"
  awk -F'|' '
    function verdict(ok) { return ok ? "PASS" : "FAIL" }
    $3 == "failed" { next }
    $1 == "jsonl-pass" { pass = $3 }
    $1 == "rule-match, 1 rule" { one = $3 }
    $1 ~ /^rule-match, [0-9]+ rules$/ { many = $3 }
    $1 ~ /^rule-match -j [0-9]+, [0-9]+ rules$/ { manyj = $3; split($1, w, /[ ,]/); jobs = w[3] }
    $1 ~ /^rule-match -j [0-9]+, 1 rule$/ { onej = $3 }
    $1 ~ /^jq/ { jq = $3 }
    END {
      if (pass != "" && one != "")
        printf "- %s 1 rule >= 60%% of pass-through speed (%.0f%%)\n", verdict(pass / one >= 0.6),
               100 * pass / one
      else print "- n/a  1 rule >= 60% of pass-through speed (not measured)"
      if (pass != "" && many != "")
        printf "- %s 800 rules >= 20%% of pass-through speed (%.0f%%)\n",
               verdict(pass / many >= 0.2), 100 * pass / many
      else print "- n/a  800 rules >= 20% of pass-through speed (not measured)"
      if (pass != "" && manyj != "")
        printf "- %s 800 rules with -j %s >= 20%% of pass-through speed (%.0f%%)\n",
               verdict(pass / manyj >= 0.2), jobs, 100 * pass / manyj
      if (one != "" && many != "")
        printf "- %s 800 rules cost <= 5x one rule (%.1fx)\n", verdict(many / one <= 5), many / one
      else print "- n/a  800 rules cost <= 5x one rule (not measured)"
      if (one != "" && manyj != "")
        printf "- %s 800 rules with -j %s cost <= 5x one rule on one thread (%.1fx)\n",
               verdict(manyj / one <= 5), jobs, manyj / one
      if (onej != "" && manyj != "")
        printf "- %s 800 rules with -j %s cost <= 5x one rule with -j %s (%.1fx)\n",
               verdict(manyj / onej <= 5), jobs, jobs, manyj / onej
      if (one != "" && jq != "")
        printf "- %s 1 rule >= 20x jq (%.1fx)\n", verdict(jq / one >= 20), jq / one
      else print "- n/a  1 rule >= 20x jq (not measured)"
    }' "$WORK/rows"
  if [ -s "$WORK/problems" ]; then
    echo
    echo "Problems (the exit status is 1):"
    sed 's/^/- /' "$WORK/problems"
  fi
} | tee "$REPORT"

[ ! -s "$WORK/problems" ]
