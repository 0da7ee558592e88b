#!/usr/bin/env bash
# The benchmarks of `make bench`; for now one: JSON Lines pass-through (issue 2).
#
#   sh tests/bench/run.sh BUILD_DIR      (runs itself again under bash, for its timer)
#
# Generates BUILD_DIR/bench-data/cases-500mb.jsonl once (bench-gen-cases, fixed seed), then times
# each tool reading that file and writing every record into a pipe, the same shape for all:
#
#   TOOL FILE | cat > /dev/null
#
# The file is read once beforehand, so every figure is for a file in the page cache. The clock is
# bash's $EPOCHREALTIME, read in the shell itself, so no timer process is counted. cat and
# jsonl-pass keep the median of BENCH_FAST_RUNS runs, the slow peers the median of BENCH_RUNS.
# A peer that is not installed is skipped with a line that says so (`make deps-bench` installs
# them; DuckDB comes from npm into BUILD_DIR/bench-node). The report is Markdown, ready for
# BENCHMARKS.md, and is also kept in BUILD_DIR/bench-data/passthrough.md.
#
# Environment, with defaults:
#   BENCH_MB=500                  size of the generated file, in 10^6 bytes
#   BENCH_RUNS=1                  runs of each slow peer (jq, Miller, DuckDB)
#   BENCH_FAST_RUNS=3             runs of cat and jsonl-pass
#   BENCH_PEERS="jq mlr duckdb"   the peers to run
#   BENCH_JSONL_PASS=BUILD_DIR/bin/jsonl-pass   the program under test
#
# Exits 1 when the program under test is missing, fails, or changes a byte of its input. The
# acceptance targets are printed as PASS or FAIL but do not set the exit status: they depend on
# the machine.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C  # a decimal point in $EPOCHREALTIME and awk

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: sh tests/bench/run.sh BUILD_DIR   (BUILD_DIR: an existing build directory)" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
MB=${BENCH_MB:-500}
RUNS=${BENCH_RUNS:-1}
FAST_RUNS=${BENCH_FAST_RUNS:-3}
PEERS=${BENCH_PEERS-jq mlr duckdb}
PASS=${BENCH_JSONL_PASS:-$BUILD/bin/jsonl-pass}
SEED=20240502
DATA_DIR=$BUILD/bench-data
DATA=$DATA_DIR/cases-${MB}mb.jsonl
NODE_DIR=$BUILD/bench-node
REPORT=$DATA_DIR/passthrough.md

if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "run.sh: needs bash 5 or later (for \$EPOCHREALTIME)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/casesift-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
: > "$WORK/rows"

# ---- the input: made again when the generator is newer ---------------------------------------
mkdir -p "$DATA_DIR"
GEN=$BUILD/bin/bench-gen-cases
if [ ! -s "$DATA" ] || [ -n "$(find "$GEN" -newer "$DATA" 2> /dev/null)" ]; then
  if [ ! -x "$GEN" ]; then
    echo "run.sh: $GEN is missing; build first (make build)" >&2
    exit 1
  fi
  echo "generating $DATA ($MB MB, seed $SEED) ..." >&2
  "$GEN" --seed "$SEED" --mb "$MB" -o "$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
BYTES=$(wc -c < "$DATA" | tr -d ' ')
RECORDS=$(wc -l < "$DATA" | tr -d ' ')
cat "$DATA" > /dev/null  # into the page cache
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# ---- timing ---------------------------------------------------------------------------------
# shellcheck source=tests/bench/timing.sh
. "$HERE/timing.sh"

# bench NAME RUNS SHOWN CMD...: times CMD RUNS times and adds a row
# "NAME|SHOWN|median seconds|RUNS|fastest seconds" (median "failed" when CMD exits non-zero).
# SHOWN is the command as the report prints it.
bench() {
  local name=$1 runs=$2 shown=$3 i=0
  shift 3
  echo "timing $name ($runs run(s)) ..." >&2
  : > "$WORK/times"
  while [ "$i" -lt "$runs" ]; do
    if ! time_once /dev/null "$@" >> "$WORK/times"; then
      echo "$name: failed (exit $(cat "$WORK/rc")): $(head -c 300 "$WORK/stderr")" >&2
      echo "$name|$shown|failed|$runs|" >> "$WORK/rows"
      return 0
    fi
    i=$((i + 1))
  done
  sort -n "$WORK/times" | awk -v row="$name|$shown" -v runs="$runs" '
    { t[NR] = $1 } END { print row "|" t[int((NR + 1) / 2)] "|" runs "|" t[1] }' >> "$WORK/rows"
}

skip() {  # skip NAME REASON
  echo "$1: skipped ($2)" | tee -a "$WORK/skipped" >&2
}

# ---- DuckDB from npm, under the build directory ------------------------------------------------
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
  cp "$HERE/passthrough_duckdb.mjs" "$NODE_DIR/"
  DUCKDB_VERSION=$(node "$NODE_DIR/passthrough_duckdb.mjs" --version 2> "$WORK/stderr") || {
    skip duckdb "@duckdb/node-api does not load: $(head -c 200 "$WORK/stderr")"
    return 1
  }
}

# ---- the runs -------------------------------------------------------------------------------
bench cat "$FAST_RUNS" 'cat FILE' cat "$DATA"

IDENTICAL=n/a
VALIDATES=n/a
DUCKDB_IDENTICAL=n/a
if command -v "$PASS" > /dev/null; then
  bench jsonl-pass "$FAST_RUNS" 'jsonl-pass FILE' "$PASS" "$DATA"
  # The same job, checked: every byte through, and a malformed record not.
  if "$PASS" "$DATA" 2> "$WORK/stderr" | cmp -s - "$DATA"; then IDENTICAL=yes; else IDENTICAL=no; fi
  printf '{"a":1}\n{"x":8,"name":oops}\n' > "$WORK/bad.jsonl"
  if "$PASS" "$WORK/bad.jsonl" > "$WORK/bad.out" 2> /dev/null && cmp -s "$WORK/bad.out" \
      "$WORK/bad.jsonl"; then VALIDATES=no; else VALIDATES=yes; fi
else
  skip jsonl-pass "$PASS is not built"
fi

for peer in $PEERS; do
  case $peer in
    jq)
      if command -v jq > /dev/null; then
        bench "$(jq --version)" "$RUNS" 'jq -c . FILE' jq -c . "$DATA"
      else
        skip jq "not installed; make deps-bench"
      fi ;;
    mlr)
      if command -v mlr > /dev/null; then
        bench "$(mlr --version | sed 's/^mlr /Miller /')" "$RUNS" \
          'mlr --ijsonl --ojsonl cat FILE' mlr --ijsonl --ojsonl cat "$DATA"
      else
        skip mlr "not installed; make deps-bench"
      fi ;;
    duckdb)
      if setup_duckdb; then
        bench "DuckDB $DUCKDB_VERSION, raw objects" "$RUNS" \
          'node passthrough_duckdb.mjs --objects FILE' \
          node "$NODE_DIR/passthrough_duckdb.mjs" --objects "$DATA"
        # Is it the same job? Then its output is the input, byte for byte.
        if node "$NODE_DIR/passthrough_duckdb.mjs" --objects "$DATA" 2> /dev/null |
            cmp -s - "$DATA"; then DUCKDB_IDENTICAL=yes; else DUCKDB_IDENTICAL=no; fi
        bench "DuckDB $DUCKDB_VERSION, read_json_auto" "$RUNS" \
          'node passthrough_duckdb.mjs FILE' node "$NODE_DIR/passthrough_duckdb.mjs" "$DATA"
      fi ;;
    *) skip "$peer" "unknown peer; BENCH_PEERS takes jq, mlr, duckdb" ;;
  esac
done

# ---- the report -----------------------------------------------------------------------------
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
SIMDJSON=$(dpkg-query -W -f '${Version}' libsimdjson-dev 2> /dev/null || echo unknown)
{
  echo "JSON Lines pass-through, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, ${CPU:-unknown CPU}, $(uname -sr); simdjson $SIMDJSON"
  echo "load average before the runs: $LOAD, after: $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null)"
  echo "input: cases-${MB}mb.jsonl, $BYTES bytes, $RECORDS records (bench-gen-cases --seed $SEED --mb $MB)"
  echo "shape: TOOL FILE | cat > /dev/null, file in the page cache; seconds: the median run;"
  echo "MB/s and the ratios come from the medians"
  echo
  awk -F'|' -v bytes="$BYTES" '
    { name[NR] = $1; shown[NR] = $2; secs[NR] = $3; runs[NR] = $4; best[NR] = $5 }
    $1 == "cat" { cat = $3 }
    $1 == "jsonl-pass" { seen = 1; if ($3 != "failed") pass = $3 }
    END {
      print "| tool | command | runs | seconds | fastest | MB/s | jsonl-pass is |"
      print "| --- | --- | ---: | ---: | ---: | ---: | --- |"
      if (!seen) printf "| jsonl-pass | `jsonl-pass FILE` | | TODO | | TODO | not measured |\n"
      for (i = 1; i <= NR; i++) {
        if (secs[i] == "failed") {
          printf "| %s | `%s` | %s | failed | | | |\n", name[i], shown[i], runs[i]
          continue
        }
        rate = bytes / 1e6 / secs[i]
        if (pass == "") note = ""
        else if (name[i] == "jsonl-pass") note = "the program under test"
        else if (name[i] == "cat") note = sprintf("at %.2f of this floor", secs[i] / pass)
        else note = sprintf("%.1fx faster", secs[i] / pass)
        printf "| %s | `%s` | %s | %.2f | %.2f | %.0f | %s |\n", name[i], shown[i], runs[i], secs[i],
               best[i], rate, note
      }
    }' "$WORK/rows"
  echo
  if [ -s "$WORK/skipped" ]; then sed 's/^/- /' "$WORK/skipped"; echo; fi
  echo "jsonl-pass output byte-identical to its input: $IDENTICAL"
  echo "jsonl-pass rejects a malformed record: $VALIDATES"
  echo "DuckDB raw objects output byte-identical to its input: $DUCKDB_IDENTICAL"
  echo
  echo "Acceptance targets (issue 2):"
  awk -F'|' -v bytes="$BYTES" '
    function verdict(ok) { return ok ? "PASS" : "FAIL" }
    $3 == "failed" { next }
    $1 == "jsonl-pass" { pass = $3 }
    $1 ~ /^jq/ { jq = $3 }
    $1 ~ /^DuckDB/ { duck[++n] = $1; duck_secs[n] = $3 }
    END {
      if (pass == "") { print "- all: n/a (jsonl-pass not measured)"; exit }
      rate = bytes / 1e6 / pass
      printf "- %s jsonl-pass >= 800 MB/s (%.0f MB/s)\n", verdict(rate >= 800), rate
      if (jq == "") print "- n/a  jsonl-pass >= 40x jq (jq not measured)"
      else printf "- %s jsonl-pass >= 40x jq (%.1fx)\n", verdict(jq / pass >= 40), jq / pass
      for (i = 1; i <= n; i++) {
        printf "- %s jsonl-pass >= 4x DuckDB, %s (%.1fx)\n", verdict(duck_secs[i] / pass >= 4),
               substr(duck[i], index(duck[i], ", ") + 2), duck_secs[i] / pass
      }
      if (n == 0) print "- n/a  jsonl-pass >= 4x DuckDB (DuckDB not measured)"
    }' "$WORK/rows"
} | tee "$REPORT"

[ "$IDENTICAL" = yes ] || exit 1
