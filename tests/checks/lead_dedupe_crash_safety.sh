#!/usr/bin/env bash
# lead-dedupe's state survives SIGKILL anywhere, and two runs at once never push a lead twice
# (the "safety of the state").
#
#   lead_dedupe_crash_safety.sh SOURCE_DIR BIN_DIR
#
# A consumer takes a run's output when the -o file exists (it appears complete or not at
# all) and moves it away. For each kill, on a state that has seen yesterday's leads:
#   1. today's run is killed with SIGKILL: at a named point inside the program
#      (CASESIFT_TEST_KILL_AT=POINT:N, from reading the first lead to after the commit), or
#      from outside after a delay (inside SQLite's writes and the commit);
#   2. the state is then exactly the state before the run or exactly the state after an
#      unkilled run (--export, byte for byte);
#   3. today's run is run again, unkilled; what the consumer took over both runs is, byte
#      for byte, what one unkilled run pushes: no lead lost, none twice.
# Then two runs at once on one state (--wait): one pushes today's leads, the other nothing.
set -u
bin=$(cd "$2" && pwd)
export PATH="$bin:$PATH" LC_ALL=C
work=$(mktemp -d "${TMPDIR:-/tmp}/lead-dedupe-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
failed() { echo "FAIL: $*"; fail=1; }

# Yesterday: 3,000 leads of 2,000 keys. Today: the same keys, 1 in 5 with a new member case
# and 1 in 7 one level higher, and 500 new keys; 6,000 leads.
leads() {  # leads DAY COUNT KEYS
  awk -v day="$1" -v count="$2" -v keys="$3" 'BEGIN {
    split("info low medium high critical", level, " ")
    for (i = 0; i < count; i++) {
      k = i % keys
      members = "\"(2025)沪0115民初" k "号\""
      if (day == 2 && k % 5 == 0) members = members ",\"(2026)沪0115民初" k "号\""
      lv = k % 3 + 1
      if (day == 2 && k % 7 == 0) lv++
      printf "{\"lead_id\":\"rule-%d:%08x%08x\",\"rule\":\"rule-%d\",\"rule_version\":1,", k % 40, k, k * 7919 % 65536, k % 40
      printf "\"level\":\"%s\",\"subject\":\"上海某某贸易有限公司%d\",\"case_nos\":[%s],", level[lv], k, members
      printf "\"evidence\":{\"n\":%d}}\n", i
    }
  }'
}
leads 1 3000 2000 >day1.jsonl
leads 2 6000 2500 >day2.jsonl

run_day() {  # run_day STATE OUT DAY-FILE DATE [more options]
  local state=$1 out=$2 file=$3 date=$4
  shift 4
  lead-dedupe -q --state "$state" --as-of "$date" -o "$out" "$@" "$file"
}
# The consumer: takes the -o file when it is there.
take() {  # take OUT PUSHED
  if [ -e "$1" ]; then cat "$1" >>"$2" && rm -f "$1"; fi
}

run_day base.db base.out day1.jsonl 2026-11-01 || failed "yesterday's run"
lead-dedupe --state base.db --export >before.export
cp base.db after.db
run_day after.db expected.out day2.jsonl 2026-11-02 || failed "today's reference run"
lead-dedupe --state after.db --export >after.export
[ -s expected.out ] || failed "today's reference run pushed nothing"
cmp -s before.export after.export && failed "today's run changed nothing in the state"

kills=0
check_kill() {  # check_KILL LABEL COMMAND...: runs today's leads under COMMAND, then checks
  local label=$1
  shift
  rm -rf try && mkdir try && cp base.db try/state.db
  : >try/pushed
  "$@" >/dev/null 2>&1
  take try/out.jsonl try/pushed
  lead-dedupe --state try/state.db --export >try/mid.export 2>/dev/null
  if ! cmp -s try/mid.export before.export && ! cmp -s try/mid.export after.export; then
    failed "$label: the state is neither the state before the run nor the state after it"
  fi
  run_day try/state.db try/out.jsonl day2.jsonl 2026-11-02 || failed "$label: the next run failed"
  take try/out.jsonl try/pushed
  if ! cmp -s try/pushed expected.out; then
    failed "$label: pushed $(wc -l <try/pushed) leads over the two runs, not the $(wc -l <expected.out) of one run"
  fi
  kills=$((kills + 1))
}

# Inside the program: every named point, early and late; on one thread and on two (-j 2:
# the state read while the leads are, and written while the output is).
for jobs in 1 2; do
  for point in lead:1 lead:2999 lead:6000 output:1 output:300 state:1 state:1200 state:2500 \
               commit:1 committed:1 renamed:1; do
    check_kill "killed at $point (-j $jobs)" \
      env CASESIFT_TEST_KILL_AT=$point lead-dedupe -q -j $jobs --state try/state.db \
      --as-of 2026-11-02 -o try/out.jsonl day2.jsonl
  done
  # From outside, after a delay (SQLite's own writes, the sync, the rename).
  for delay in 0.005 0.01 0.02 0.03 0.05 0.08 0.12 0.2; do
    check_kill "killed after ${delay} s (-j $jobs)" \
      timeout -s KILL "$delay" lead-dedupe -q -j $jobs --state try/state.db \
      --as-of 2026-11-02 -o try/out.jsonl day2.jsonl
  done
done

# Two runs at once on one state: the second waits for the first and pushes nothing twice.
cp base.db both.db
run_day both.db one.jsonl day2.jsonl 2026-11-02 --wait 60 &
first=$!
run_day both.db two.jsonl day2.jsonl 2026-11-02 --wait 60 &
second=$!
wait $first || failed "concurrent run 1"
wait $second || failed "concurrent run 2"
cat one.jsonl two.jsonl >both.pushed
cmp -s both.pushed expected.out || cmp -s <(cat two.jsonl one.jsonl) expected.out ||
  failed "two runs at once pushed $(wc -l <both.pushed) leads, not the $(wc -l <expected.out) of one run"
{ [ ! -s one.jsonl ] || [ ! -s two.jsonl ]; } || failed "both concurrent runs pushed leads"

[ "$fail" = 0 ] && echo "ok: $kills killed runs left the state before or after, and pushed every lead once"
exit $fail
