#!/usr/bin/env bash
# entity-join's fuzzy matching and lead-dedupe's clustering on the FEBRL record-linkage sets,
# part of `make bench`.
#
#   bash tests/bench/febrl_accuracy.sh BUILD_DIR [DATA_DIR]
#
# DATA_DIR (default ../shared/data/febrl beside the source tree) holds dataset1.csv and
# dataset2.csv: synthetic person records with typos and missing values, truth in rec_id
# (rec-N-org and rec-N-dup-K with the same N are one person). Users do not have these
# files: without them the script says so and exits 0.
#
# Each set is turned into JSON Lines (fields trimmed; rec_id REMOVED and replaced by `row`,
# the record's number in the file, which says nothing about who is who: the truth is kept
# aside, by row, for scoring only), then self-joined with documented flags only, no tuning:
#
#   entity-join --ref D.jsonl --on surname=surname --on given_name=given_name --fuzzy \
#     --compare date_of_birth=date_of_birth --compare soc_sec_id=soc_sec_id \
#     --compare postcode=postcode --compare address_1=address_1 --best --left --as match \
#     --exclude-same row D.jsonl
#
# and once more without --best (every match at or over the default --min-score); and each set
# clustered by lead-dedupe (the issue's command, -k row):
#
#   lead-dedupe -k row --cluster given_name --cluster surname --compare date_of_birth=... D.jsonl
#
# Scored
# against all true pairs (every two records of one person), as pair precision, recall and
# F1, counting the predicted pairs two ways:
#   links     each record with the row it matched: (record, match) pairs;
#   clusters  the records joined through links (union-find), every two in a cluster a pair:
#             what a user gets by following the links (a person with three records is found
#             whole though --best gives each record one link).
# Needs jq. Prints a Markdown report, also kept as BUILD_DIR/bench-data/febrl.md.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
export LC_ALL=C

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/febrl_accuracy.sh BUILD_DIR [DATA_DIR]" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${2:-$HERE/../../../shared/data/febrl}
JOIN=${BENCH_ENTITY_JOIN:-$BUILD/bin/entity-join}
DEDUPE=${BENCH_LEAD_DEDUPE:-$BUILD/bin/lead-dedupe}
OUT=$BUILD/bench-data/febrl
REPORT=$BUILD/bench-data/febrl.md

if [ ! -f "$DATA/dataset1.csv" ]; then
  echo "febrl: skipped (no FEBRL data in $DATA; it is not shipped with casesift)"
  exit 0
fi
[ -x "$JOIN" ] || { echo "febrl_accuracy.sh: $JOIN is missing: build it first" >&2; exit 1; }
command -v jq >/dev/null || { echo "febrl_accuracy.sh: needs jq (make deps-bench)" >&2; exit 1; }
mkdir -p "$OUT"

# CSV (", " separated, no quoting in these files) to JSON Lines without rec_id; the truth,
# row -> person, to a side file.
to_jsonl() {  # to_jsonl CSV JSONL TRUTH
  awk -F',' -v truth="$3" '
    function trim(s) { gsub(/^ +| +$/, "", s); return s }
    function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
    NR == 1 { for (i = 1; i <= NF; i++) h[i] = trim($i); next }
    {
      printf "{\"row\":%d", NR - 1
      for (i = 1; i <= NF; i++) if (h[i] != "rec_id") printf ",\"%s\":\"%s\"", h[i], esc(trim($i))
      print "}"
      id = trim($1); sub(/^rec-/, "", id); sub(/-.*/, "", id)
      print NR - 1 "\t" id > truth
    }' "$1" >"$2"
}

# Pair precision, recall and F1 of the (row, matched row) pairs on stdin.
score() {  # score TRUTH MODE   (MODE: links or clusters)
  awk -F'\t' -v truth="$1" -v mode="$2" '
    function find(x) { while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x] } return x }
    BEGIN {
      while ((getline line < truth) > 0) {
        split(line, a, "\t"); who[a[1]] = a[2]; n[a[2]]++; parent[a[1]] = a[1]
      }
      for (p in n) all += n[p] * (n[p] - 1) / 2
    }
    {
      x = $1 + 0; y = $2 + 0
      if (mode == "links") {
        if (x > y) { t = x; x = y; y = t }
        if (!((x "," y) in seen)) { seen[x "," y] = 1; predicted++; if (who[x] == who[y]) hit++ }
      } else {
        parent[find(x)] = find(y)
      }
    }
    END {
      if (mode == "clusters") {
        for (r in parent) { root = find(r); size[root]++; pairs[root, who[r]]++ }
        for (r in size) predicted += size[r] * (size[r] - 1) / 2
        for (k in pairs) hit += pairs[k] * (pairs[k] - 1) / 2
      }
      p = predicted ? hit / predicted : 0; r = all ? hit / all : 0
      f = p + r > 0 ? 2 * p * r / (p + r) : 0
      printf "%d | %d | %d | %.4f | %.4f | %.4f", predicted, hit, all, p, r, f
    }'
}

{
  echo "| set | flags | counted as | predicted pairs | true | all true | precision | recall | F1 | seconds |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for set in dataset1 dataset2; do
    to_jsonl "$DATA/$set.csv" "$OUT/$set.jsonl" "$OUT/$set.truth"
    for best in --best ""; do
      start=$EPOCHREALTIME
      "$JOIN" --ref "$OUT/$set.jsonl" --on surname=surname --on given_name=given_name --fuzzy \
        --compare date_of_birth=date_of_birth --compare soc_sec_id=soc_sec_id \
        --compare postcode=postcode --compare address_1=address_1 $best --left --as match \
        --exclude-same row "$OUT/$set.jsonl" >"$OUT/$set$best.out"
      seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
      jq -r '.row as $r | .match[] | [$r, .row] | @tsv' "$OUT/$set$best.out" >"$OUT/$set$best.pairs"
      for mode in links clusters; do
        echo "| $set | ${best:-(all matches)} | $mode | $(score "$OUT/$set.truth" $mode <"$OUT/$set$best.pairs") | $seconds |"
      done
    done
  done
  if [ -x "$DEDUPE" ]; then
    echo
    echo "lead-dedupe, the issue's command with \`row\` as the record's id:"
    echo
    echo "| set | flags | counted as | predicted pairs | true | all true | precision | recall | F1 | seconds |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for set in dataset1 dataset2; do
      start=$EPOCHREALTIME
      "$DEDUPE" -k row --cluster given_name --cluster surname \
        --compare date_of_birth=date_of_birth --compare soc_sec_id=soc_sec_id \
        --compare postcode=postcode --compare address_1=address_1 "$OUT/$set.jsonl" \
        >"$OUT/$set.dedupe"
      seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
      # Each record linked to the first record of its cluster: the clusters, as pairs.
      jq -r '[.row, .dedupe.cluster] | @tsv' "$OUT/$set.dedupe" |
        awk -F'\t' '{ if (!($2 in first)) first[$2] = $1; print $1 "\t" first[$2] }' \
        >"$OUT/$set.dedupe.pairs"
      echo "| $set | --cluster | clusters | $(score "$OUT/$set.truth" clusters <"$OUT/$set.dedupe.pairs") | $seconds |"
    done
  fi
} | tee "$REPORT"
