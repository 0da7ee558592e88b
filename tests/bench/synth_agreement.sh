#!/usr/bin/env bash
# case-synth's truth against case-extract on its documents (issue 3: "case-synth --count
# 1000000 and case-extract on its output agree with the ground truth").
#
#   bash tests/bench/synth_agreement.sh BUILD_DIR [COUNT]     (COUNT defaults to 1000000)
#
# Generates COUNT documents of all kinds (fixed seed, -j 2) with their truth, extracts them
# (-j 2), and compares field by field with bench-compare-truth: the agreement over all
# scored fields, per field, and the first disagreements. The files go to
# BUILD_DIR/bench-data/agreement-COUNT.*; they are kept for a look and removed by the next
# run. Exits with bench-compare-truth's status: 0 when every field of every document
# agrees, 1 when some do not (tests/unit/case_synth_agreement_test.cpp holds the same
# comparison on 4,000 documents in make test).
set -eu
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: bash tests/bench/synth_agreement.sh BUILD_DIR [COUNT]" >&2
  exit 2
fi
bin=$1/bin
count=${2:-1000000}
seed=${SYNTH_AGREEMENT_SEED:-7}
for tool in case-synth case-extract bench-compare-truth; do
  if [ ! -x "$bin/$tool" ]; then
    echo "synth_agreement.sh: $bin/$tool is missing (build it first)" >&2
    exit 2
  fi
done
data=$1/bench-data
mkdir -p "$data"
docs=$data/agreement-$count.jsonl
truth=$data/agreement-$count.truth.jsonl
extracted=$data/agreement-$count.extracted.jsonl
rm -f "$docs" "$truth" "$extracted"
"$bin/case-synth" --seed "$seed" --count "$count" -j 2 --format jsonl -o "$docs" --truth "$truth"
"$bin/case-extract" -j 2 --text-field text "$docs" >"$extracted"
echo "case-synth --seed $seed --count $count, case-extract -j 2:"
"$bin/bench-compare-truth" "$truth" "$extracted" --show "${SYNTH_AGREEMENT_SHOW:-20}"
