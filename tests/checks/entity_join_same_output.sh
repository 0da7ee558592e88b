#!/usr/bin/env bash
# entity-join --memory and -j: a reference larger than the budget is joined in partitions on
# disk (a grace hash join), and records are looked up on several threads, each with the
# same output, byte for byte, as the join in memory on one thread. Generated
# references and records (deterministic): companies and people whose names come in several
# forms, ID numbers in 15 and 18 characters, arrays of parties, masked names, records with
# no key at all; every join kind, --as with whole rows and with --fields, --best,
# --exclude-same, --count-as, --unpaired-ref, a composite key, and a CSV reference.
#   entity_join_memory.sh SOURCE_DIR BIN_DIR
set -eu
bin=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

awk 'BEGIN {
  srand(20261127)
  split("华夏 青禾 澜庭 知行 云栖 远帆 鼎盛 申江 凯辰 弘辰 明丰 亿锦", t, " ")
  split("商贸 教育科技 健身服务 餐饮管理 物流 建筑工程", k, " ")
  split("有限公司 有限责任公司", f, " ")
  split("周启航 吴映雪 郑书言 林晓峰 顾明远 沈若溪 陆海川 赵某 钱某", p, " ")
  for (i = 0; i < 3000; i++) {
    name = "上海" t[1 + i % 12] k[1 + int(i / 12) % 6] (i % 97) f[1 + i % 2]
    id = sprintf("3101%02d19%02d%02d%02d%03d", i % 20, 50 + i % 40, 1 + i % 12, 1 + i % 28, i % 1000)
    printf "{\"id\":%d,\"name\":\"%s\",\"rep\":\"%s\",\"id_no\":\"%s\",\"note\":\"行%d\"}\n", i, name, p[1 + i % 9], id, i > "ref.jsonl"
    if (i % 3 == 0) printf "%d,%s,%s\r\n", i, name, p[1 + i % 9] > "ref.body"
  }
  for (i = 0; i < 4000; i++) {
    j = int(rand() * 3600)
    name = "上海" t[1 + j % 12] k[1 + int(j / 12) % 6] (j % 97) f[1 + (i + j) % 2]
    if (i % 5 == 0) name = "上海" t[1 + j % 12] k[1 + int(j / 12) % 6] (j % 97) "（上海）有限公司"
    other = "上海" t[1 + (j + 5) % 12] k[1 + int(j / 7) % 6] (j % 89) "有限公司"
    id = sprintf("3101%02d19%02d%02d%02d%03d", j % 20, 50 + j % 40, 1 + j % 12, 1 + j % 28, j % 1000)
    printf "{\"case\":%d,\"parties\":[{\"name\":\"%s\",\"id_no\":\"%s\"},{\"name\":\"%s\"},{\"name\":\"%s\"}]%s}\n", i, name, id, other, p[1 + i % 9], (i % 50 == 0 ? ",\"none\":1" : "") > "left.jsonl"
  }
}'
{ printf 'id,name,rep\r\n'; cat ref.body; } > ref.csv
fail=0
check() {  # check ARGS...: the same output (and unpaired rows) with --memory or -j as without
  "$bin/entity-join" "$@" -o mem.out --unpaired-ref mem.unpaired left.jsonl
  for jobs in 2 3; do
    "$bin/entity-join" "$@" -j "$jobs" -o jobs.out --unpaired-ref jobs.unpaired left.jsonl
    if ! cmp -s mem.out jobs.out || ! cmp -s mem.unpaired jobs.unpaired; then
      echo "FAIL: -j $jobs changes the output of: entity-join $*"
      fail=1
    fi
  done
  for budget in 1 40K 300K; do
    "$bin/entity-join" "$@" --memory "$budget" -o part.out --unpaired-ref part.unpaired left.jsonl
    if ! cmp -s mem.out part.out || ! cmp -s mem.unpaired part.unpaired; then
      echo "FAIL: --memory $budget changes the output of: entity-join $*"
      fail=1
    fi
  done
  [ -s mem.out ] || { echo "FAIL: no output from: entity-join $*"; fail=1; }
}
check --ref ref.jsonl --on 'parties[*].name=name'
check --ref ref.jsonl --on 'parties[*].name=name' --left --best --fields id,rep
check --ref ref.jsonl --on 'parties[*].name=name' --count-as n --left
check --ref ref.jsonl --on 'parties[*].id_no=id_no' --anti
check --ref ref.jsonl --on 'parties[*].id_no=id_no' --semi
check --ref ref.jsonl --on 'parties[*].name=name' --on 'parties[*].id_no=id_no' --as both
check --ref ref.jsonl --on 'parties[*].name=name' --exclude-same case=id --as m --fields id
check --ref ref.csv --on 'parties[*].name=name' --as registered --fields id
# Malformed lines on both sides, skipped: the same rejects, in the same order.
{ head -n 700 ref.jsonl; echo '{"id":"broken",'; tail -n +701 ref.jsonl; } > ref-bad.jsonl
{ head -n 1500 left.jsonl; echo '{"case":'; tail -n +1501 left.jsonl; } > left-bad.jsonl
"$bin/entity-join" --ref ref-bad.jsonl --on 'parties[*].name=name' --on-error=skip \
  --rejects one.rejects -q -o one.out left-bad.jsonl
for extra in "-j 3" "--memory 40K"; do
  # shellcheck disable=SC2086
  "$bin/entity-join" --ref ref-bad.jsonl --on 'parties[*].name=name' --on-error=skip \
    --rejects other.rejects -q -o other.out $extra left-bad.jsonl
  if ! cmp -s one.out other.out || ! cmp -s one.rejects other.rejects; then
    echo "FAIL: $extra changes the output or the rejects of a run with malformed lines"
    fail=1
  fi
done
[ "$(wc -l < one.rejects)" -eq 2 ] || { echo "FAIL: expected 2 rejects"; fail=1; }
# A reference of 80,000 rows: past the first 4,096 rows, from which the loader guesses how
# many the file holds (short rows first, so the guess is far too high, then long ones), and
# past the 65,536 postings from which -j 2 sorts the index on two threads; a key of many
# rows, and a malformed row late in the file.
awk 'BEGIN {
  for (i = 0; i < 80000; i++) {
    if (i == 70000) print "{\"k\":\"broken\","
    pad = i < 4096 ? "" : sprintf("%0" (i % 300) "d", 0)
    printf "{\"k\":\"K%d\",\"row\":%d,\"pad\":\"%s\"}\n", (i % 7 == 0 ? 7 : i), i, pad
  }
  for (i = 0; i < 20000; i++) printf "{\"case\":%d,\"k\":\"K%d\"}\n", i, (i * 37) % 90000
}' > big.all
head -n 80001 big.all > big-ref.jsonl
tail -n 20000 big.all > big-left.jsonl
"$bin/entity-join" --ref big-ref.jsonl --on k --on-error=skip --rejects big1.rejects -q \
  -o big1.out --unpaired-ref big1.unpaired big-left.jsonl
for extra in "-j 2" "-j 3" "--memory 1M"; do
  # shellcheck disable=SC2086
  "$bin/entity-join" --ref big-ref.jsonl --on k --on-error=skip --rejects big2.rejects -q \
    -o big2.out --unpaired-ref big2.unpaired $extra big-left.jsonl
  if ! cmp -s big1.out big2.out || ! cmp -s big1.unpaired big2.unpaired ||
     ! cmp -s big1.rejects big2.rejects; then
    echo "FAIL: $extra changes the output of a join with an 80,000-row reference"
    fail=1
  fi
done
[ "$(wc -l < big1.rejects)" -eq 1 ] || { echo "FAIL: expected 1 reject of the large reference"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: --memory and -j joins give the same bytes"
exit "$fail"
