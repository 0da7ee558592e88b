#!/usr/bin/env bash
# lead-dedupe's speed (issue: lead-dedupe, point 6), part of `make bench`.
#
#   bash tests/bench/lead_dedupe_speed.sh BUILD_DIR
#
# Makes, once, under BUILD_DIR/bench-data (awk, fixed formulas: the same bytes every time):
#   dedupe-day1-N.jsonl   N leads of N keys, rule-match's shape (about 330 bytes each): the
#                         state's past;
#   dedupe-day2-N.jsonl   N leads: 90% of day 1's keys again (one in five with a new member
#                         case, one in seven a level higher), 10% new keys;
#   dedupe-people-M.jsonl M person records, 2 to 3 records for some people, with typos,
#                         swapped and missing names and dates (the fuzzy clustering).
# Then times, each as `PROGRAM ... | cat > SINK` with the files in the page cache:
#   cat day2                                  the floor: reading the file
#   jsonl-pass day2                           the shared reader and writer: parsing it
#   lead-dedupe day2                          collapsing by key, no state
#   lead-dedupe -j 2 --state S day2           against a state of N keys (a fresh copy of the
#                                             state after day 1 for every run): the target;
#                                             -j 2: the state read and written on the
#                                             second core
#   lead-dedupe -j 2 --state NEW day1         building that state: N new keys
#   lead-dedupe -k id --cluster ... people    fuzzy clustering of M records
#   mlr head -n 1 -g lead_id day2             a peer doing the in-run collapse (first lead of
#                                             each key), when Miller is installed
# and prints a Markdown report (also BUILD_DIR/bench-data/lead_dedupe.md) with leads/s, the
# ratios to cat and jsonl-pass, and the targets: 300,000 leads/s against the state, fuzzy
# clustering of 10,000 records under 2 s. The targets do not set the exit status; a program
# that fails, or lead counts that disagree between runs, do (exit 1).
#
# Environment, with defaults:
#   BENCH_DEDUPE_LEADS=1000000   N
#   BENCH_DEDUPE_PEOPLE=10000    M
#   BENCH_FAST_RUNS=3            runs of each fast program (the median is reported)
#   BENCH_PEERS="mlr"            the peers to run
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/lead_dedupe_speed.sh BUILD_DIR   (an existing build directory)" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
N=${BENCH_DEDUPE_LEADS:-1000000}
M=${BENCH_DEDUPE_PEOPLE:-10000}
FAST_RUNS=${BENCH_FAST_RUNS:-3}
PEERS=${BENCH_PEERS-mlr}
DEDUPE=$BUILD/bin/lead-dedupe
PASS=$BUILD/bin/jsonl-pass
DATA_DIR=$BUILD/bench-data
DAY1=$DATA_DIR/dedupe-day1-$N.jsonl
DAY2=$DATA_DIR/dedupe-day2-$N.jsonl
PEOPLE=$DATA_DIR/dedupe-people-$M.jsonl
REPORT=$DATA_DIR/lead_dedupe.md
for program in "$DEDUPE" "$PASS"; do
  [ -x "$program" ] || { echo "lead_dedupe_speed.sh: $program is missing; build it first" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/casesift-dedupe-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
: > "$WORK/problems"
problem() {
  echo "lead_dedupe_speed.sh: $*" >&2
  echo "$*" >> "$WORK/problems"
}

# ---- the inputs ---------------------------------------------------------------------------
leads() {  # leads DAY COUNT
  awk -v day="$1" -v count="$2" 'BEGIN {
    split("info low medium high critical", level, " ")
    split("民间借贷纠纷 离婚纠纷 机动车交通事故责任纠纷 服务合同纠纷 金融借款合同纠纷", cause, " ")
    first = day == 2 ? int(count / 10) : 0  # day 2: the first tenth of day 1 dropped ...
    for (i = 0; i < count; i++) {
      k = first + i  # ... and as many new keys at the end
      r = k % 800
      members = "\"(2025)沪0115民初" k "号\""
      if (day == 2 && k % 5 == 0) members = members ",\"(2026)沪0115民初" k "号\""
      lv = k % 3 + 1
      if (day == 2 && k % 7 == 0) lv++
      printf "{\"lead_id\":\"rule-%d:%08x%08x\",\"rule\":\"rule-%d\",\"rule_version\":1,", r, k, (k * 2654435761) % 4294967296, r
      printf "\"rule_hash\":\"xxh3:0a1b2c3d4e5f6071\",\"title\":\"筛查模型%d\",\"level\":\"%s\",", r, level[lv]
      printf "\"recipient\":\"审判监督\",\"key\":{\"case_no\":\"(2025)沪0115民初%d号\"},", k
      printf "\"subject\":\"上海某某贸易有限公司%d\",\"case_nos\":[%s],", k % 50000, members
      printf "\"evidence\":{\"cause\":\"%s\",\"claim_yuan\":%d}}\n", cause[k % 5 + 1], (k * 37) % 1000000
    }
  }'
}
people() {  # people COUNT
  awk -v count="$1" 'BEGIN {
    split("jianguo wenqing xinhua lina guoqiang meiling haitao yuying zhiwei xiaoming jun li na wei fang min jing lei yang tao", g, " ")
    split("wang zhou li chen zhang liu huang zhao wu sun xu ma zhu hu guo he lin luo gao zheng", s, " ")
    n = 0; p = 0
    while (n < count) {
      given = g[p % 20 + 1] g[int(p / 20) % 20 + 1]; sur = s[int(p / 400) % 20 + 1]
      dob = sprintf("19%02d%02d%02d", 40 + p % 60, 1 + p % 12, 1 + p % 28)
      post = 200000 + (p * 7) % 3000
      copies = p % 3 == 0 ? 3 : (p % 3 == 1 ? 2 : 1)
      for (c = 0; c < copies && n < count; c++) {
        gn = given; sn = sur; d = dob
        if (c == 1) gn = substr(gn, 1, 2) substr(gn, 4)             # a letter dropped
        if (c == 2) { sn = substr(sn, 2, 1) substr(sn, 1, 1) substr(sn, 3); d = substr(d, 1, 6) substr(d, 8, 1) substr(d, 7, 1) }
        printf "{\"id\":\"p%06d\",\"given_name\":\"%s\",\"surname\":\"%s\",\"date_of_birth\":\"%s\",\"postcode\":\"%d\",\"address_1\":\"%d renmin road\"}\n", n, gn, sn, d, post, p % 997
        n++
      }
      p++
    }
  }'
}
mkdir -p "$DATA_DIR"
[ -s "$DAY1" ] || { echo "generating $DAY1 ..." >&2; leads 1 "$N" > "$DAY1.tmp" && mv "$DAY1.tmp" "$DAY1"; }
[ -s "$DAY2" ] || { echo "generating $DAY2 ..." >&2; leads 2 "$N" > "$DAY2.tmp" && mv "$DAY2.tmp" "$DAY2"; }
[ -s "$PEOPLE" ] || { people "$M" > "$PEOPLE.tmp" && mv "$PEOPLE.tmp" "$PEOPLE"; }
STATE=$DATA_DIR/dedupe-state-$N.db
if [ ! -s "$STATE" ] || [ "$DEDUPE" -nt "$STATE" ]; then
  echo "building the state of $N keys ..." >&2
  rm -f "$STATE"
  "$DEDUPE" -q --state "$STATE" --as-of 2026-11-01 "$DAY1" > /dev/null
fi
cat "$DAY1" "$DAY2" "$PEOPLE" "$STATE" > /dev/null
BYTES=$(wc -c < "$DAY2" | tr -d ' ')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# ---- timing -------------------------------------------------------------------------------
# shellcheck source=tests/bench/timing.sh
. "$HERE/timing.sh"
: > "$WORK/rows"
# run NAME SHOWN BEFORE CMD...: BEFORE (a shell command, untimed) then CMD, FAST_RUNS times;
# adds "NAME|SHOWN|median|fastest|lines".
run() {
  local name=$1 shown=$2 before=$3 i t lines previous=""
  shift 3
  echo "timing $name ..." >&2
  : > "$WORK/times"
  for ((i = 0; i < FAST_RUNS; i++)); do
    eval "$before"
    if ! t=$(time_once "$WORK/out" "$@"); then
      problem "$name failed (exit $(cat "$WORK/rc")): $(head -c 300 "$WORK/stderr")"
      echo "$name|$shown|failed||" >> "$WORK/rows"
      return 0
    fi
    echo "$t" >> "$WORK/times"
    lines=$(wc -l < "$WORK/out" | tr -d ' ')
    [ -z "$previous" ] || [ "$lines" = "$previous" ] || problem "$name wrote $previous lines, then $lines"
    previous=$lines
  done
  sort -n "$WORK/times" | awk -v row="$name|$shown" -v lines="$lines" '
    { t[NR] = $1 } END { print row "|" t[int((NR + 1) / 2)] "|" t[1] "|" lines }' >> "$WORK/rows"
}
fresh_state='cp "$STATE" "$WORK/state.db"; rm -f "$WORK/state.db-wal" "$WORK/state.db-shm"'
run cat 'cat day2' ':' cat "$DAY2"
run jsonl-pass 'jsonl-pass day2' ':' "$PASS" "$DAY2"
run "lead-dedupe" 'lead-dedupe day2' ':' "$DEDUPE" -q "$DAY2"
run "lead-dedupe --state" "lead-dedupe -j 2 --state STATE($N keys) day2" "$fresh_state" \
  "$DEDUPE" -q -j 2 --state "$WORK/state.db" --as-of 2026-11-02 "$DAY2"
run "lead-dedupe --state (new)" 'lead-dedupe -j 2 --state NEW day1' 'rm -f "$WORK"/new.db*' \
  "$DEDUPE" -q -j 2 --state "$WORK/new.db" --as-of 2026-11-01 "$DAY1"
run "lead-dedupe --cluster" "lead-dedupe -k id --cluster given_name --cluster surname --compare ... people($M)" ':' \
  "$DEDUPE" -q -k id --cluster given_name --cluster surname --compare date_of_birth=date_of_birth \
  --compare postcode=postcode --compare address_1=address_1 "$PEOPLE"
if [[ " $PEERS " == *" mlr "* ]]; then
  if command -v mlr > /dev/null; then
    FAST_RUNS=1 run "mlr" 'mlr --ijsonl --ojsonl head -n 1 -g lead_id day2' ':' \
      mlr --ijsonl --ojsonl head -n 1 -g lead_id "$DAY2"
  else
    echo "mlr: skipped (not installed; make deps-bench)" >&2
  fi
fi

# ---- the report ---------------------------------------------------------------------------
{
  echo "lead-dedupe, $N leads ($BYTES bytes) against a state of $N keys; load before: $LOAD"
  echo
  echo "| run | command | seconds (median) | fastest | leads/s | lines written |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
  awk -F'|' -v n="$N" -v m="$M" '{
    per = ($1 == "lead-dedupe --cluster") ? m : n
    rate = ($3 > 0) ? sprintf("%d", per / $3) : ""
    printf "| %s | `%s` | %s | %s | %s | %s |\n", $1, $2, $3, $4, rate, $5
  }' "$WORK/rows"
  echo
  awk -F'|' -v n="$N" '
    { t[$1] = $3; lines[$1] = $5 }
    END {
      s = t["lead-dedupe --state"]; c = t["lead-dedupe --cluster"]
      if (t["cat"] > 0 && s > 0) printf "- lead-dedupe --state takes %.1fx the time of cat, %.1fx jsonl-pass\n", s / t["cat"], s / t["jsonl-pass"]
      if (t["mlr"] > 0) printf "- lead-dedupe (no state) is %.1fx Miller'"'"'s head -g\n", t["mlr"] / t["lead-dedupe"]
      if (s > 0) printf "- %s %d leads/s against a state of %d keys (target 300000)\n", (n / s >= 300000 ? "PASS" : "FAIL"), n / s, n
      if (c > 0) printf "- %s fuzzy clustering in %.2f s (target under 2 s)\n", (c < 2 ? "PASS" : "FAIL"), c
      if (lines["lead-dedupe"] != n) printf "- lead-dedupe wrote %d leads for %d keys\n", lines["lead-dedupe"], n
    }' "$WORK/rows"
} | tee "$REPORT"
[ ! -s "$WORK/problems" ] || exit 1
