#!/usr/bin/env bash
# report-render's speed (issue: report-render, point 7), part of `make bench`.
#
#   bash tests/bench/report_render_speed.sh BUILD_DIR
#
# Makes, once, BUILD_DIR/bench-data/report-leads-N.jsonl: N leads in rule-match's shape
# (awk, fixed formulas: the same bytes every time): 40 rules at five levels, eight
# recipients, 16 courts, three years of dates, persons (some with an ID number and an
# address in the evidence, which the report masks) and companies as subjects, amounts.
# Then times, each as `PROGRAM ... | cat > SINK` with the file in the page cache:
#   cat leads                                   the floor: reading the file
#   jsonl-pass leads                            the shared reader and writer: parsing it
#   report-render -f html leads -o r.html       the target: 3 s or less for 100,000 leads
#   report-render -f xlsx leads -o r.xlsx       the target: 5 s or less
#   report-render -f csv / -f md / -f json      the other formats
#   mlr --ijsonl --ocsv unsparsify leads        a peer writing CSV (when Miller is installed)
#   jq -r '[...] | @csv' leads                  a peer writing CSV (when jq is installed)
# and prints a Markdown report (also BUILD_DIR/bench-data/report_render.md) with seconds,
# leads/s, the ratios to cat and to the peers, the output sizes and the targets. The targets
# do not set the exit status; a program that fails does (exit 1).
#
# Environment, with defaults:
#   BENCH_REPORT_LEADS=100000   N
#   BENCH_FAST_RUNS=3           runs of each program (the median is reported)
#   BENCH_PEERS="mlr jq"        the peers to run
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/report_render_speed.sh BUILD_DIR   (an existing build directory)" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
N=${BENCH_REPORT_LEADS:-100000}
FAST_RUNS=${BENCH_FAST_RUNS:-3}
PEERS=${BENCH_PEERS-mlr jq}
RENDER=$BUILD/bin/report-render
PASS=$BUILD/bin/jsonl-pass
DATA_DIR=$BUILD/bench-data
LEADS=$DATA_DIR/report-leads-$N.jsonl
REPORT=$DATA_DIR/report_render.md
for program in "$RENDER" "$PASS"; do
  [ -x "$program" ] || { echo "report_render_speed.sh: $program is missing; build it first" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/casesift-report-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
: > "$WORK/problems"
problem() {
  echo "report_render_speed.sh: $*" >&2
  echo "$*" >> "$WORK/problems"
}

leads() {  # leads COUNT
  awk -v count="$1" 'BEGIN {
    split("info low medium high critical", level, " ")
    split("审判监督 公安 市场监管 医保局 银行 妇联 商务委 检察院", recipient, " ")
    split("浦东新区 黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 嘉定区 金山区 松江区 青浦区 奉贤区 崇明区", district, " ")
    split("0115 0101 0104 0105 0106 0107 0109 0110 0112 0113 0114 0116 0117 0118 0120 0151", code, " ")
    split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭", surname, " ")
    split("建国 秀英 志明 丽华 海涛 玉兰 文清 新华 国强 美玲", given, " ")
    split("民间借贷纠纷 离婚纠纷 机动车交通事故责任纠纷 服务合同纠纷 金融借款合同纠纷 买卖合同纠纷", cause, " ")
    for (k = 0; k < count; k++) {
      r = k % 40; d = k % 16 + 1
      y = 2023 + k % 3; m = k % 12 + 1; dd = k % 28 + 1
      date = sprintf("%d-%02d-%02d", y, m, dd)
      if (k % 3 == 0) {
        subject = "上海" district[d] "某某贸易有限公司" (k % 5000)
      } else {
        subject = surname[k % 16 + 1] given[int(k / 16) % 10 + 1]
      }
      printf "{\"lead_id\":\"rule-%d:%08x%08x\",\"rule\":\"rule-%d\",\"rule_version\":%d,", r, k, (k * 2654435761) % 4294967296, r, r % 4 + 1
      printf "\"rule_hash\":\"xxh3:%016x\",\"title\":\"筛查模型%d\",\"level\":\"%s\",", r * 2654435761 % 4294967296, r, level[r % 5 + 1]
      printf "\"recipient\":\"%s\",\"key\":{\"case_no\":\"(%d)沪%s民初%d号\"},", recipient[r % 8 + 1], y, code[d], k
      printf "\"subject\":\"%s\",\"case_nos\":[\"(%d)沪%s民初%d号\"", subject, y, code[d], k
      if (k % 4 == 0) printf ",\"(%d)沪%s民初%d号\"", y, code[d], k + 1
      printf "],\"evidence\":{\"cause\":\"%s\",\"claim_yuan\":%d.%02d,\"decided_date\":\"%s\"", cause[k % 6 + 1], (k * 37) % 1000000, k % 100, date
      if (k % 3 != 0) printf ",\"id_no\":\"99%04d19%02d%02d%02d%03d%d\",\"address\":\"上海市%s某某路%d号\"", k % 10000, 50 + k % 50, m, dd, k % 1000, k % 10, district[d], k % 999
      printf "},\"src\":{\"file\":\"docs/%06d.txt\",\"line\":1,\"hash\":\"xxh3:%016x\"}}\n", int(k / 100), (k * 40503) % 4294967296
    }
  }'
}
mkdir -p "$DATA_DIR"
[ -s "$LEADS" ] || { echo "generating $LEADS ..." >&2; leads "$N" > "$LEADS.tmp" && mv "$LEADS.tmp" "$LEADS"; }
cat "$LEADS" > /dev/null
BYTES=$(wc -c < "$LEADS" | tr -d ' ')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# shellcheck source=tests/bench/timing.sh
. "$HERE/timing.sh"
: > "$WORK/rows"
# run NAME SHOWN OUTFILE CMD...: CMD, FAST_RUNS times; adds "NAME|SHOWN|median|fastest|bytes"
# (bytes of OUTFILE, or of what CMD wrote to standard output when OUTFILE is "-").
run() {
  local name=$1 shown=$2 outfile=$3 i t bytes
  shift 3
  echo "timing $name ..." >&2
  : > "$WORK/times"
  for ((i = 0; i < FAST_RUNS; i++)); do
    if ! t=$(time_once "$WORK/out" "$@"); then
      problem "$name failed (exit $(cat "$WORK/rc")): $(head -c 300 "$WORK/stderr")"
      echo "$name|$shown|failed||" >> "$WORK/rows"
      return 0
    fi
    echo "$t" >> "$WORK/times"
  done
  if [ "$outfile" = - ]; then bytes=$(wc -c < "$WORK/out"); else bytes=$(wc -c < "$outfile"); fi
  sort -n "$WORK/times" | awk -v row="$name|$shown" -v bytes="$bytes" '
    { t[NR] = $1 } END { print row "|" t[int((NR + 1) / 2)] "|" t[1] "|" bytes }' >> "$WORK/rows"
}
run cat 'cat leads' - cat "$LEADS"
run jsonl-pass 'jsonl-pass leads' - "$PASS" "$LEADS"
for f in html xlsx csv md json; do
  run "report-render -f $f" "report-render -f $f leads -o r.$f" "$WORK/r.$f" \
    "$RENDER" -f "$f" "$LEADS" -o "$WORK/r.$f"
done
if [[ " $PEERS " == *" mlr "* ]]; then
  if command -v mlr > /dev/null; then
    run mlr 'mlr --ijsonl --ocsv unsparsify leads' - mlr --ijsonl --ocsv unsparsify "$LEADS"
  else
    echo "mlr: skipped (not installed; make deps-bench)" >&2
  fi
fi
if [[ " $PEERS " == *" jq "* ]]; then
  if command -v jq > /dev/null; then
    # (The shown command has no '|': the report is a Markdown table split at '|'.)
    run jq "jq -r '[seven fields, the cases joined] @csv' leads" - \
      jq -r '[.level,.rule,.title,.subject,(.case_nos|join("; ")),.recipient,.lead_id] | @csv' "$LEADS"
  else
    echo "jq: skipped (not installed; make deps-bench)" >&2
  fi
fi

{
  echo "report-render, $N leads ($BYTES bytes); load before: $LOAD"
  echo
  echo "| run | command | seconds (median) | fastest | leads/s | output bytes |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
  awk -F'|' -v n="$N" '{
    rate = ($3 > 0) ? sprintf("%d", n / $3) : ""
    printf "| %s | `%s` | %s | %s | %s | %s |\n", $1, $2, $3, $4, rate, $5
  }' "$WORK/rows"
  echo
  awk -F'|' -v n="$N" '
    { t[$1] = $3 }
    END {
      h = t["report-render -f html"]; x = t["report-render -f xlsx"]; c = t["report-render -f csv"]
      if (t["cat"] > 0 && h > 0) printf "- HTML takes %.1fx the time of cat, %.1fx jsonl-pass\n", h / t["cat"], h / t["jsonl-pass"]
      if (t["mlr"] > 0 && c > 0) printf "- CSV: report-render is %.1fx as fast as Miller (mlr unsparsify to CSV)\n", t["mlr"] / c
      if (t["jq"] > 0 && c > 0) printf "- CSV: report-render is %.1fx as fast as jq (@csv of seven fields)\n", t["jq"] / c
      s = n / 100000
      if (h > 0) printf "- %s HTML of %d leads in %.2f s (target: 3 s for 100,000)\n", (h <= 3 * s ? "PASS" : "FAIL"), n, h
      if (x > 0) printf "- %s XLSX of %d leads in %.2f s (target: 5 s for 100,000)\n", (x <= 5 * s ? "PASS" : "FAIL"), n, x
    }' "$WORK/rows"
} | tee "$REPORT"
[ ! -s "$WORK/problems" ] || exit 1
