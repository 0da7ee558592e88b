#!/usr/bin/env bash
# examples/quickstart as a test: it runs, its rules' own tests pass, each rule finds the
# number of leads in examples/quickstart/expected-counts.txt, each recipient gets an HTML
# and an XLSX report, and a second run writes the same bytes (leads and reports).
#   quickstart.sh SOURCE_DIR BIN_DIR
set -eu
src=$1
bin=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-quickstart.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
bash "$src/examples/quickstart/run.sh" "$bin" out >/dev/null
cp out/leads.jsonl first.jsonl
cp -r out/reports first-reports
bash "$src/examples/quickstart/run.sh" "$bin" out >/dev/null
cmp first.jsonl out/leads.jsonl || { echo "FAIL: a second run wrote different leads"; exit 1; }
diff -r first-reports out/reports || { echo "FAIL: a second run wrote different reports"; exit 1; }
for r in 审判监督 公安; do
  for ext in html xlsx; do
    [ -s "out/reports/$r.$ext" ] || { echo "FAIL: no report out/reports/$r.$ext"; exit 1; }
  done
done
for rule in $(ls "$src/examples/quickstart/rules" | sed 's/\.yaml$//'); do
  n=$(grep -c "\"rule\":\"$rule\"" out/leads.jsonl || true)
  echo "$rule $n"
done | sort >counts.txt
if ! diff -u "$src/examples/quickstart/expected-counts.txt" counts.txt; then
  echo "FAIL: lead counts differ from examples/quickstart/expected-counts.txt"
  exit 1
fi
echo "ok: quickstart leads as expected, twice"
