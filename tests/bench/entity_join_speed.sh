#!/usr/bin/env bash
# entity-join speed (issue: the entity-join speed benchmark), part of `make bench`.
#
#   bash tests/bench/entity_join_speed.sh BUILD_DIR
#
# Makes, once (again when the generator is newer), with bench-gen-register and a fixed seed, in
# BUILD_DIR/bench-data/:
#   join-ref-N.jsonl, join-ref-N.csv   a register of N companies (about 230 bytes a row)
#   join-left-N.jsonl                  N case records, 70% of whose defendant_uscc is in it
#   join-names_ref-M.jsonl, join-left_names-M.jsonl   M register rows, and M names as documents
#                                      write them (70% of the register's, most changed a little)
# Then times, files in the page cache, each in the shape `PROGRAM ... | cat > SINK`:
#
#   entity-join --ref join-ref.jsonl --on defendant_uscc=uscc LEFT             the inner join
#   entity-join -j NPROC --ref ... LEFT                                           the same on every core
#   entity-join --ref ... --count-as n LEFT                                    no rows kept
#   entity-join --ref ... --anti LEFT                                          the records not in it
#   entity-join --ref join-ref.csv --on defendant_uscc=uscc LEFT               the register as CSV
#   node join_duckdb.mjs LEFT join-ref.jsonl defendant_uscc uscc               DuckDB: read_json_auto
#                                                                              of both, the join,
#                                                                              JSON Lines out
#   mlr --ijsonl --ojsonl join -j uscc -l uscc -r defendant_uscc -f join-ref.jsonl LEFT
#   entity-join --ref join-names_ref.jsonl --on name --fuzzy join-left_names.jsonl
#                                      (when entity-join --help lists --fuzzy)
#
# and the peak RSS of each entity-join and DuckDB run (one more run under /usr/bin/time -f %M).
# It prints a Markdown report (kept in BUILD_DIR/bench-data/entity_join.md) with the targets:
#   the inner join >= 2x DuckDB and >= 20x mlr; its peak RSS <= 1.5x the reference file's size;
#   the fuzzy join of M x M names (10,000 by default) in under 2 s.
# The targets depend on the machine and do not set the exit status. It is 1 when a program is
# missing or fails, or when the counts disagree: every inner join (entity-join with either
# reference, --count-as, DuckDB, mlr) must write one line per left record in the register, the
# number the generator was asked for, and --anti one per other record.
#
# Environment, with defaults:
#   BENCH_JOIN_ROWS=1000000     left records, and companies in the register
#   BENCH_FUZZY_ROWS=10000      names on each side of the fuzzy join
#   BENCH_FAST_RUNS=3           runs of entity-join and DuckDB (the median is reported)
#   BENCH_RUNS=1                runs of mlr
#   BENCH_SLOW_SECONDS=60       a program whose first run takes longer is not run again
#   BENCH_PEERS="duckdb mlr"    the peers to run
#   BENCH_ENTITY_JOIN=BUILD_DIR/bin/entity-join   the program under test
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C  # a decimal point in $EPOCHREALTIME and awk

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/entity_join_speed.sh BUILD_DIR   (an existing build directory)" >&2
  exit 2
fi
if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "entity_join_speed.sh: needs bash 5 or later (for \$EPOCHREALTIME)" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
N=${BENCH_JOIN_ROWS:-1000000}
FUZZY_N=${BENCH_FUZZY_ROWS:-10000}
FAST_RUNS=${BENCH_FAST_RUNS:-3}
RUNS=${BENCH_RUNS:-1}
SLOW=${BENCH_SLOW_SECONDS:-60}
PEERS=${BENCH_PEERS-duckdb mlr}
JOIN=${BENCH_ENTITY_JOIN:-$BUILD/bin/entity-join}
GEN=$BUILD/bin/bench-gen-register
SEED=20261127
HIT=70  # percent of the left records in the register
DATA_DIR=$BUILD/bench-data
REF=$DATA_DIR/join-ref-$N.jsonl
REF_CSV=$DATA_DIR/join-ref-$N.csv
LEFT=$DATA_DIR/join-left-$N.jsonl
NAMES_REF=$DATA_DIR/join-names_ref-$FUZZY_N.jsonl
NAMES_LEFT=$DATA_DIR/join-left_names-$FUZZY_N.jsonl
NODE_DIR=$BUILD/bench-node
REPORT=$DATA_DIR/entity_join.md
EXPECTED=$(( (N * HIT + 50) / 100 ))  # the generator's count of hits, each with one match

for program in "$GEN" "$JOIN"; do
  if [ ! -x "$program" ]; then
    echo "entity_join_speed.sh: $program is missing; build it first (make build)" >&2
    exit 1
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/casesift-join-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
: > "$WORK/rows"
: > "$WORK/problems"
: > "$WORK/skipped"
problem() {  # a failure that sets the exit status
  echo "entity_join_speed.sh: $*" >&2
  echo "$*" >> "$WORK/problems"
}
skip() {  # skip NAME REASON
  echo "$1: skipped ($2)" | tee -a "$WORK/skipped" >&2
}

# ---- the inputs -------------------------------------------------------------------------------
mkdir -p "$DATA_DIR"
if [ ! -s "$LEFT" ] || [ ! -s "$REF" ] || [ ! -s "$REF_CSV" ] || [ "$GEN" -nt "$LEFT" ]; then
  echo "generating $REF, $REF_CSV and $LEFT ($N rows each, seed $SEED) ..." >&2
  "$GEN" --seed "$SEED" --count "$N" --hit "$HIT" --ref "$REF.tmp" --csv "$REF_CSV.tmp" \
    --left "$LEFT.tmp"
  mv "$REF.tmp" "$REF"
  mv "$REF_CSV.tmp" "$REF_CSV"
  mv "$LEFT.tmp" "$LEFT"
fi
if [ ! -s "$NAMES_LEFT" ] || [ ! -s "$NAMES_REF" ] || [ "$GEN" -nt "$NAMES_LEFT" ]; then
  echo "generating $NAMES_REF and $NAMES_LEFT ($FUZZY_N rows each) ..." >&2
  "$GEN" --seed "$SEED" --count "$FUZZY_N" --hit "$HIT" --names --ref "$NAMES_REF.tmp" \
    --left "$NAMES_LEFT.tmp"
  mv "$NAMES_REF.tmp" "$NAMES_REF"
  mv "$NAMES_LEFT.tmp" "$NAMES_LEFT"
fi
REF_BYTES=$(wc -c < "$REF" | tr -d ' ')
CSV_BYTES=$(wc -c < "$REF_CSV" | tr -d ' ')
LEFT_BYTES=$(wc -c < "$LEFT" | tr -d ' ')
RECORDS=$(wc -l < "$LEFT" | tr -d ' ')
cat "$REF" "$REF_CSV" "$LEFT" "$NAMES_REF" "$NAMES_LEFT" > /dev/null  # into the page cache
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# ---- timing -----------------------------------------------------------------------------------
# shellcheck source=tests/bench/timing.sh
. "$HERE/timing.sh"

# peak_kb CMD...: the peak resident set of CMD in KB (one more run, `CMD | cat > /dev/null`,
# under /usr/bin/time), or nothing when /usr/bin/time is missing or CMD fails.
peak_kb() {
  [ -x /usr/bin/time ] || return 0
  if /usr/bin/time -f %M -o "$WORK/rss" "$@" 2> /dev/null | cat > /dev/null; then
    tail -n 1 "$WORK/rss"
  fi
}

# bench NAME RUNS SINK SHOWN CMD...: times CMD up to RUNS times (once when the first run takes
# more than $SLOW seconds) and adds a row "NAME|SHOWN|median|runs|fastest|lines|peak KB"
# ("failed" for the median when CMD fails). lines: what the last run wrote to SINK; every run
# must write as many. The peak RSS is measured, in a run of its own, when $MEASURE_RSS is yes.
bench() {
  local name=$1 runs=$2 sink=$3 shown=$4 i=0 t lines="" previous="" rss=""
  shift 4
  echo "timing $name (up to $runs run(s)) ..." >&2
  : > "$WORK/times"
  while [ "$i" -lt "$runs" ]; do
    if ! t=$(time_once "$sink" "$@"); then
      problem "$name failed (exit $(cat "$WORK/rc")): $(head -c 300 "$WORK/stderr" | tr '\n' ' ')"
      echo "$name|$shown|failed|$runs|||" >> "$WORK/rows"
      return 0
    fi
    echo "$t" >> "$WORK/times"
    i=$((i + 1))
    lines=$(wc -l < "$sink" | tr -d ' ')
    if [ -n "$previous" ] && [ "$lines" != "$previous" ]; then
      problem "$name wrote $previous lines in one run and $lines in another"
    fi
    previous=$lines
    if awk -v t="$t" -v slow="$SLOW" 'BEGIN { exit !(t > slow) }'; then
      [ "$i" -lt "$runs" ] && echo "$name: ${t} s > ${SLOW} s, not run again" >&2
      break
    fi
  done
  [ "${MEASURE_RSS:-no}" = yes ] && rss=$(peak_kb "$@")
  sort -n "$WORK/times" | awk -v row="$name|$shown" -v lines="$lines" -v rss="$rss" '
    { t[NR] = $1 } END { print row "|" t[int((NR + 1) / 2)] "|" NR "|" t[1] "|" lines "|" rss }' \
    >> "$WORK/rows"
}

# ---- DuckDB from npm, under the build directory (as run.sh) ----------------------------------
# Sets DUCKDB_VERSION, or says why DuckDB is skipped.
setup_duckdb() {
  command -v node > /dev/null || { skip duckdb "node is not installed; make deps-bench"; return 1; }
  mkdir -p "$NODE_DIR"
  if ! cmp -s "$HERE/package.json" "$NODE_DIR/package.json" ||
     [ ! -d "$NODE_DIR/node_modules/@duckdb/node-api" ]; then
    command -v npm > /dev/null || { skip duckdb "npm is not installed; make deps-bench"; return 1; }
    echo "installing @duckdb/node-api into $NODE_DIR ..." >&2
    cp "$HERE/package.json" "$NODE_DIR/package.json"
    if ! npm install --prefix "$NODE_DIR" --no-audit --no-fund > "$NODE_DIR/npm.log" 2>&1; then
      rm -f "$NODE_DIR/package.json"
      skip duckdb "npm install @duckdb/node-api failed; see $NODE_DIR/npm.log"
      return 1
    fi
  fi
  cp "$HERE/join_duckdb.mjs" "$NODE_DIR/"
  DUCKDB_VERSION=$(node "$NODE_DIR/join_duckdb.mjs" --version 2> "$WORK/stderr") || {
    skip duckdb "@duckdb/node-api does not load: $(head -c 200 "$WORK/stderr")"
    return 1
  }
}

# ---- the runs ---------------------------------------------------------------------------------
[ -x /usr/bin/time ] || skip "peak RSS" "/usr/bin/time is missing; apt-get install time"
MEASURE_RSS=yes
bench "entity-join" "$FAST_RUNS" "$WORK/inner.out" \
  'entity-join --ref join-ref.jsonl --on defendant_uscc=uscc LEFT' \
  "$JOIN" -q --ref "$REF" --on defendant_uscc=uscc "$LEFT"
# The same on every core (DuckDB uses them all): the same bytes.
JOBS=$(nproc 2> /dev/null || echo 2)
bench "entity-join -j $JOBS" "$FAST_RUNS" "$WORK/jobs.out" \
  "entity-join -j $JOBS --ref join-ref.jsonl --on defendant_uscc=uscc LEFT" \
  "$JOIN" -q -j "$JOBS" --ref "$REF" --on defendant_uscc=uscc "$LEFT"
if [ -s "$WORK/jobs.out" ] && ! cmp -s "$WORK/inner.out" "$WORK/jobs.out"; then
  problem "entity-join -j $JOBS does not write the same bytes as with one thread"
fi
bench "entity-join --count-as" "$FAST_RUNS" "$WORK/count.out" \
  'entity-join --ref join-ref.jsonl --on defendant_uscc=uscc --count-as n LEFT' \
  "$JOIN" -q --ref "$REF" --on defendant_uscc=uscc --count-as n "$LEFT"
bench "entity-join --anti" "$FAST_RUNS" "$WORK/anti.out" \
  'entity-join --ref join-ref.jsonl --on defendant_uscc=uscc --anti LEFT' \
  "$JOIN" -q --ref "$REF" --on defendant_uscc=uscc --anti "$LEFT"
# A CSV reference is timed when entity-join reads one (a probe: a one-row register, no input).
head -n 2 "$REF_CSV" > "$WORK/probe.csv"
if "$JOIN" -q --ref "$WORK/probe.csv" --on defendant_uscc=uscc /dev/null > /dev/null \
    2> "$WORK/stderr"; then
  bench "entity-join, CSV reference" "$FAST_RUNS" "$WORK/csv.out" \
    'entity-join --ref join-ref.csv --on defendant_uscc=uscc LEFT' \
    "$JOIN" -q --ref "$REF_CSV" --on defendant_uscc=uscc "$LEFT"
else
  skip "entity-join, CSV reference" \
    "entity-join does not read the CSV register: $(head -n 1 "$WORK/stderr" | head -c 200)"
fi
for peer in $PEERS; do
  case $peer in
    duckdb)
      if setup_duckdb; then
        bench "DuckDB $DUCKDB_VERSION" "$FAST_RUNS" "$WORK/duckdb.out" \
          'node join_duckdb.mjs LEFT join-ref.jsonl defendant_uscc uscc' \
          node "$NODE_DIR/join_duckdb.mjs" "$LEFT" "$REF" defendant_uscc uscc
      fi ;;
    mlr)
      if command -v mlr > /dev/null; then
        MEASURE_RSS=no bench "$(mlr --version | sed 's/^mlr /Miller /')" "$RUNS" "$WORK/mlr.out" \
          'mlr --ijsonl --ojsonl join -j uscc -l uscc -r defendant_uscc -f join-ref.jsonl LEFT' \
          mlr --ijsonl --ojsonl join -j uscc -l uscc -r defendant_uscc -f "$REF" "$LEFT"
      else
        skip mlr "not installed; make deps-bench"
      fi ;;
    *) skip "$peer" "unknown peer; BENCH_PEERS takes duckdb, mlr" ;;
  esac
done

FUZZY_NOTE=""
if "$JOIN" --help 2> /dev/null | grep -qE '^ +--fuzzy'; then
  bench "entity-join --fuzzy" "$FAST_RUNS" "$WORK/fuzzy.out" \
    'entity-join --ref join-names_ref.jsonl --on name --fuzzy join-left_names.jsonl' \
    "$JOIN" -q --ref "$NAMES_REF" --on name --fuzzy "$NAMES_LEFT"
  if command -v jq > /dev/null && [ -s "$WORK/fuzzy.out" ]; then
    # How many names of a register company were paired with it (among their matches), and how
    # many names of no company were paired with some row.
    TRUE_NAMES=$(grep -c '"truth_uscc":"' "$NAMES_LEFT" || true)
    FOUND=$(jq -c 'select(.truth_uscc as $t | $t != null and any(.matches[]?; .uscc == $t))' \
      "$WORK/fuzzy.out" 2> /dev/null | wc -l | tr -d ' ')
    FALSE=$(jq -c 'select(.truth_uscc == null and ((.matches // []) | length) > 0)' \
      "$WORK/fuzzy.out" 2> /dev/null | wc -l | tr -d ' ')
    FUZZY_NOTE="fuzzy: $FOUND of the $TRUE_NAMES names of a register company were paired with it"
    FUZZY_NOTE="$FUZZY_NOTE; $FALSE of the $((FUZZY_N - TRUE_NAMES)) names of no company were paired"
  fi
else
  FUZZY_NOTE="fuzzy: skipped (entity-join has no --fuzzy yet)"
  echo "$FUZZY_NOTE" >&2
fi

# ---- the counts -------------------------------------------------------------------------------
COUNTS="agree: every inner join writes $EXPECTED records, --anti $((RECORDS - EXPECTED))"
while IFS='|' read -r name _ secs _ _ lines _; do
  [ "$secs" = failed ] && continue
  case $name in
    *--fuzzy*) continue ;;
    *--anti*) want=$((RECORDS - EXPECTED)) ;;
    *) want=$EXPECTED ;;
  esac
  if [ "$lines" != "$want" ]; then
    COUNTS="DISAGREE: see Problems"
    problem "$name wrote $lines records, not $want"
  fi
done < "$WORK/rows"

# ---- the report -------------------------------------------------------------------------------
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
VERSION=$("$JOIN" --version 2> /dev/null | head -n 2 | paste -sd ' ' - || true)
{
  echo "entity-join speed, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, ${CPU:-unknown CPU}, $(uname -sr)"
  echo "entity-join: $JOIN, ${VERSION:-version unknown}"
  echo "load average before the runs: $LOAD, after: $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null)"
  echo "left: join-left-$N.jsonl, $LEFT_BYTES bytes, $RECORDS records, $HIT% of them in the register"
  echo "reference: join-ref-$N.jsonl, $REF_BYTES bytes ($N companies); as CSV $CSV_BYTES bytes"
  echo "(bench-gen-register --seed $SEED --count $N --hit $HIT)"
  echo "shape: PROGRAM ... | cat > SINK, files in the page cache; seconds: the median run;"
  echo "records/s: left records a second; peak RSS: one more run under /usr/bin/time -f %M;"
  echo "MB: 10^6 bytes"
  echo
  awk -F'|' -v records="$RECORDS" '
    BEGIN {
      print "| run | command | runs | seconds | fastest | records/s | lines written | peak RSS MB |"
      print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    }
    {
      printf "| %s | `%s` | %s | ", $1, $2, $4
      if ($3 == "failed") { print "failed | | | | |"; next }
      rate = $1 ~ /fuzzy/ ? "" : sprintf("%.0f", records / $3)  # not the same records
      printf "%.2f | %.2f | %s | %s | %s |\n", $3, $5, rate, $6,
             $7 == "" ? "" : sprintf("%.0f", $7 * 1024 / 1e6)
    }' "$WORK/rows"
  echo
  if [ -s "$WORK/skipped" ]; then sed 's/^/- /' "$WORK/skipped"; fi
  echo "- counts: $COUNTS"
  [ -n "$FUZZY_NOTE" ] && echo "- $FUZZY_NOTE"
  echo
  echo "Targets (ratios from the medians):"
  awk -F'|' -v ref="$REF_BYTES" -v fuzzy_n="$FUZZY_N" '
    function verdict(ok) { return ok ? "PASS" : "FAIL" }
    $3 == "failed" { next }
    $1 == "entity-join" { join = $3; rss = $7 }
    $1 ~ /^entity-join -j/ { jobs = $3; jobs_name = $1 }
    $1 ~ /^DuckDB/ { duck = $3 }
    $1 ~ /^Miller/ { mlr = $3 }
    $1 == "entity-join --fuzzy" { fuzzy = $3 }
    END {
      if (join != "" && duck != "")
        printf "- %s entity-join >= 2x DuckDB (%.1fx)\n", verdict(duck / join >= 2), duck / join
      else print "- n/a  entity-join >= 2x DuckDB (not measured)"
      if (jobs != "" && duck != "")
        printf "- %s %s >= 2x DuckDB (%.1fx)\n", verdict(duck / jobs >= 2), jobs_name, duck / jobs
      if (join != "" && mlr != "")
        printf "- %s entity-join >= 20x mlr (%.1fx)\n", verdict(mlr / join >= 20), mlr / join
      else print "- n/a  entity-join >= 20x mlr (not measured)"
      if (rss != "")
        printf "- %s entity-join peak RSS <= 1.5x the reference file (%.1f MB, %.2fx its %.1f MB)\n",
               verdict(rss * 1024 <= 1.5 * ref), rss * 1024 / 1e6, rss * 1024 / ref, ref / 1e6
      else print "- n/a  entity-join peak RSS <= 1.5x the reference file (not measured)"
      if (fuzzy != "")
        printf "- %s fuzzy %d x %d names < 2 s (%.2f s)\n", verdict(fuzzy < 2), fuzzy_n, fuzzy_n, fuzzy
      else printf "- n/a  fuzzy %d x %d names < 2 s (not measured)\n", fuzzy_n, fuzzy_n
    }' "$WORK/rows"
  if [ -s "$WORK/problems" ]; then
    echo
    echo "Problems (the exit status is 1):"
    sed 's/^/- /' "$WORK/problems"
  fi
} | tee "$REPORT"

[ ! -s "$WORK/problems" ]
