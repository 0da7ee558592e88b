#!/usr/bin/env bash
# The prepaid scenario's joins, as one stage of a pipeline: case records on standard input,
# the same records on standard output with what four registers say about their defendant.
#   join.sh WORLD_DIR CASES_FILE [ENTITY-JOIN OPTIONS...]   (e.g. --line-buffered, live)
# Every scenario's join.sh takes these arguments; CASES_FILE, all the case records, is what
# a self-join of the cases joins with (this scenario has none). --left keeps every case.
#   - enforcement: the defendant's enforcement cases and how they ended (终结本次执行程序:
#     the customers were not paid), from the enforcement register, by name;
#   - filed_by_code, filed_by_name: its rows in the prepaid-card filing register, by credit
#     code and by normalised name, since the register often has no code and writes names
#     its own way (（上海）…有限责任公司). The anti join ("not in the register") kept as
#     counts, so that one screening pass sees every case;
#   - business: its legal representative in the business register, by name;
#   - capital: its capital changes, by name, from a GB18030 export of an older system.
set -euo pipefail
reg=$1/registers
shift 2
entity-join -q "$@" --left --ref "$reg/enforcement.csv" --on 'parties[side=defendant].name=被执行人' \
    --as enforcement --fields 执行案号,结案方式,结案日期 |
  entity-join -q "$@" --left --ref "$reg/prepaid_filing.csv" \
    --on 'parties[side=defendant].uscc=统一社会信用代码' --count-as filed_by_code |
  entity-join -q "$@" --left --ref "$reg/prepaid_filing.csv" \
    --on 'parties[side=defendant].name=经营者名称' --count-as filed_by_name |
  entity-join -q "$@" --left --ref "$reg/business.csv" --on 'parties[side=defendant].name=企业名称' \
    --as business --fields 法定代表人,法定代表人证件号码,登记状态 |
  entity-join -q "$@" --left --encoding gb18030 --ref "$reg/capital_changes.csv" \
    --on 'parties[side=defendant].name=企业名称' --as capital \
    --fields 变更事项,变更日期,变更前内容,变更后内容
