#!/usr/bin/env bash
# Scenario 2, 预付式消费风险: prepaid-card merchants (fitness, beauty, training) sued by their
# customers three times or more within a year for large refunds that enforcement could not
# recover; those of them missing from the prepaid-card filing register; the persons who
# represent two or more of them (换壳经营); those that cut their capital shortly before
# being sued. For the municipal commerce commission.
#
#   bash examples/prepaid/run.sh [BIN_DIR] [OUT_DIR]   (defaults: build/bin, out/prepaid)
#
# Deterministic: the same seed gives the same documents, records, leads and reports. The
# state (state.db) remembers what was sent: a second run sends nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build/bin}" && pwd)
out=${2:-out/prepaid}
mkdir -p "$out"
export PATH="$bin:$PATH"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}  # 2026-11-27: the reports' date
today=2026-11-27
reg="$out/world/registers"

# 1. The scenario's documents and the registers the commission and the court hold.
case-synth scenario prepaid --seed 1 -o "$out/world" --force
# 2. Case records.
case-extract -q -j 2 "$out/world/docs" -o "$out/cases.jsonl"
# 3. What the registers know of each defendant:
#    - its enforcement cases and how they ended (终结本次执行程序: the customers were not paid);
#    - whether it filed with the prepaid-card register: by credit code, and by normalised
#      name, since the register often has no code and writes names its own way. This is
#      the anti join (--anti) kept as counts, so one screening pass sees every case;
#    - its legal representative in the business register;
#    - its capital changes (exported in GB18030 by an older system).
entity-join -q --left --ref "$reg/enforcement.csv" --on 'parties[side=defendant].name=被执行人' \
  --as enforcement --fields 执行案号,结案方式,结案日期 "$out/cases.jsonl" |
  entity-join -q --left --ref "$reg/prepaid_filing.csv" \
    --on 'parties[side=defendant].uscc=统一社会信用代码' --count-as filed_by_code |
  entity-join -q --left --ref "$reg/prepaid_filing.csv" \
    --on 'parties[side=defendant].name=经营者名称' --count-as filed_by_name |
  entity-join -q --left --ref "$reg/business.csv" --on 'parties[side=defendant].name=企业名称' \
    --as business --fields 法定代表人,法定代表人证件号码,登记状态 |
  entity-join -q --left --encoding gb18030 --ref "$reg/capital_changes.csv" \
    --on 'parties[side=defendant].name=企业名称' --as capital \
    --fields 变更事项,变更日期,变更前内容,变更后内容 -o "$out/joined.jsonl"
# 4. The models check themselves, then screen the records.
rule-match --check -q -r "$here/rules"
rule-match --test -q -r "$here/rules"
rule-match --as-of "$today" -r "$here/rules" "$out/joined.jsonl" -o "$out/leads.jsonl"
# 5. What was not sent before (the state remembers), and the current leads as a whole.
lead-dedupe --state "$out/state.db" --as-of "$today" "$out/leads.jsonl" -o "$out/new-leads.jsonl"
lead-dedupe -q "$out/leads.jsonl" -o "$out/deduped.jsonl"
# 6. One report for the commerce commission, as a page and as a workbook.
rm -rf "$out/reports"
report-render -q --title '{recipient}：预付式消费风险线索' --split-by recipient \
  -o "$out/reports/{recipient}.html" "$out/deduped.jsonl"
report-render -q --title '{recipient}：预付式消费风险线索' --split-by recipient \
  -o "$out/reports/{recipient}.xlsx" "$out/deduped.jsonl"

echo "prepaid: $(wc -l <"$out/cases.jsonl") case records, $(wc -l <"$out/deduped.jsonl") leads, $(wc -l <"$out/new-leads.jsonl") new; reports in $out/reports/"
