#!/usr/bin/env bash
# One screening scenario (examples/NAME, SCENARIOS.md) as a test:
#   - run.sh runs (its rules' --check and --test included);
#   - its leads are exactly the planted truth: the projection {rule, key, subject} of the
#     leads equals examples/NAME/expected-leads.jsonl and the world's truth.jsonl;
#   - no near-miss is flagged: no lead of a near-miss's rule holds its case number;
#   - with a live feed (out/live-warnings.jsonl), the same findings came out live;
#   - a second run with the same state sends no new lead, and writes the same leads and
#     the same reports, byte for byte.
#   scenario.sh SOURCE_DIR BIN_DIR NAME
set -eu
src=$1
bin=$2
name=$3
example="$src/examples/$name"
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $name: $*"; exit 1; }
project() { jq -cS '{rule, key, subject}' "$@" | LC_ALL=C sort; }

bash "$example/run.sh" "$bin" out >first.log 2>&1 || { cat first.log; fail "run.sh failed"; }
[ -s out/new-leads.jsonl ] || fail "the first run sent no lead"

project out/deduped.jsonl >leads.txt
project out/world/truth.jsonl >truth.txt
diff -u "$example/expected-leads.jsonl" leads.txt ||
  fail "the leads differ from examples/$name/expected-leads.jsonl (- expected, + found)"
diff -u truth.txt leads.txt || fail "the leads differ from the planted truth (- truth, + found)"
[ "$(wc -l <out/new-leads.jsonl)" -eq "$(wc -l <truth.txt)" ] ||
  fail "the first run sent $(wc -l <out/new-leads.jsonl) leads, not one per finding"

# Near-misses: pairs "rule<TAB>case_no" that must not occur among the leads.
jq -r '[.rule, .case_no] | @tsv' out/world/near-misses.jsonl | LC_ALL=C sort -u >near.txt
jq -r '.rule as $r | .case_nos[]? | [$r, .] | @tsv' out/deduped.jsonl | LC_ALL=C sort -u >flagged.txt
if LC_ALL=C comm -12 near.txt flagged.txt | grep .; then
  fail "near-misses above were flagged"
fi
[ -s near.txt ] || fail "the scenario plants no near-miss"

# A scenario with a live feed (records appended to an intake file): every lead came out live.
if [ -f out/live-warnings.jsonl ]; then
  jq -r .lead_id out/deduped.jsonl | LC_ALL=C sort -u >batch-ids.txt
  jq -r .lead_id out/live-warnings.jsonl | LC_ALL=C sort -u >live-ids.txt
  diff -u batch-ids.txt live-ids.txt || fail "the live feed's warnings differ from the batch leads"
fi

cp out/deduped.jsonl first-leads.jsonl
cp -r out/reports first-reports
bash "$example/run.sh" "$bin" out >second.log 2>&1 || { cat second.log; fail "the second run failed"; }
[ ! -s out/new-leads.jsonl ] || fail "a second run sent $(wc -l <out/new-leads.jsonl) leads again"
cmp first-leads.jsonl out/deduped.jsonl || fail "a second run wrote different leads"
diff -r first-reports out/reports || fail "a second run wrote different reports"
ls out/reports/*.html >/dev/null 2>&1 || fail "no HTML report"
echo "ok: $name: $(wc -l <truth.txt) leads as planted, $(wc -l <near.txt) near-misses not flagged, nothing new the second time"
