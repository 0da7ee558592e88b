#!/usr/bin/env bash
# make demo as a test: examples/demo.sh runs every scenario with state and reports what it
# found; a second run says that nothing new was found and writes the same reports.
#   demo.sh SOURCE_DIR BIN_DIR
set -eu
src=$1
bin=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
bash "$src/examples/demo.sh" "$bin" out >first.txt
grep -q 'new leads of' first.txt || { cat first.txt; echo "FAIL: the first run found nothing new"; exit 1; }
mkdir first-reports
for d in out/*/reports; do cp -r "$d" "first-reports/$(basename "$(dirname "$d")")"; done
bash "$src/examples/demo.sh" "$bin" out >second.txt
grep -q '^Nothing new' second.txt || { cat second.txt; echo "FAIL: a second run found something new"; exit 1; }
for d in out/*/reports; do
  diff -r "first-reports/$(basename "$(dirname "$d")")" "$d" ||
    { echo "FAIL: a second run wrote different reports in $d"; exit 1; }
done
n=$(ls out/*/reports/*.html | wc -l)
[ "$n" -gt 0 ] || { echo "FAIL: no HTML report"; exit 1; }
echo "ok: make demo twice: nothing new the second time, the same $n HTML reports"
