#!/usr/bin/env bash
# The warnings scenario's joins, as one stage of a pipeline: case records on standard input,
# the same records on standard output with what the two registers say about their parties.
#   join.sh WORLD_DIR CASES_FILE [ENTITY-JOIN OPTIONS...]   (e.g. --line-buffered, live)
# Every scenario's join.sh takes these arguments; CASES_FILE, all the case records, is what
# a self-join of the cases joins with (this scenario has none).
# The death register (GB18030, by ID number) adds `deceased`, the business register (by
# credit code) adds `registered`; --left keeps every case (an empty list when nothing).
set -euo pipefail
world=$1
shift 2
entity-join -q "$@" --ref "$world/registers/death_register.csv" --encoding gb18030 \
    --on 'parties[*].id_no=公民身份号码' --left --as deceased --fields 姓名,死亡日期 |
  entity-join -q "$@" --ref "$world/registers/business_register.csv" \
    --on 'parties[kind=org].uscc=统一社会信用代码' --left --as registered \
    --fields 企业名称,登记状态,注销日期,吊销日期
