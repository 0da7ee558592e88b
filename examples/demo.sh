#!/usr/bin/env bash
# make demo: every screening scenario of examples/ (SCENARIOS.md) end to end, with state,
# into OUT_DIR/<scenario>/, then what was found and where the reports are. Run it again and
# it says that nothing new was found: each scenario's state remembers what it sent.
#
#   bash examples/demo.sh [BIN_DIR] [OUT_DIR]       (defaults: build/bin, out)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../build/bin}" && pwd)
out=${2:-out}
mkdir -p "$out"
export PATH="$bin:$PATH"

# The scenarios in SCENARIOS.md order; those not in this version are skipped.
scenarios="sham-divorce prepaid medical-insurance sued-trustworthy protection-orders warnings"
total=0
new=0
start=$(date +%s)
printf '%-20s %8s %6s %5s  %s\n' scenario records leads new reports
for s in $scenarios; do
  [ -f "$here/$s/run.sh" ] || continue
  if ! bash "$here/$s/run.sh" "$bin" "$out/$s" >"$out/$s.log" 2>&1; then
    cat "$out/$s.log" >&2
    echo "make demo: the $s scenario failed (its log is above and in $out/$s.log)" >&2
    exit 1
  fi
  leads=$(wc -l <"$out/$s/deduped.jsonl")
  fresh=$(wc -l <"$out/$s/new-leads.jsonl")
  printf '%-20s %8d %6d %5d  %s\n' "$s" "$(wc -l <"$out/$s/cases.jsonl")" "$leads" "$fresh" \
    "$out/$s/reports/"
  total=$((total + leads))
  new=$((new + fresh))
done
echo
if [ "$new" -eq 0 ]; then
  echo "Nothing new: all $total leads were sent by an earlier run (the state is in $out/*/state.db)."
else
  echo "$new new leads of $total, each in its scenario's new-leads.jsonl."
fi
echo "Reports, one per recipient: open the .html files in a browser, the .xlsx in a spreadsheet:"
for s in $scenarios; do
  [ -d "$out/$s/reports" ] && (cd "$out/$s/reports" && ls) | sed "s|^|  $out/$s/reports/|"
done
echo "($(($(date +%s) - start)) s; run it again to see the state at work)"
