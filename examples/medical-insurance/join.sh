#!/usr/bin/env bash
# The medical-insurance scenario's join, as one stage of a pipeline: case records on standard
# input, the same records on standard output with the settlements of each case's injured
# person (the plaintiff), by ID number, from the bureau's register (GB18030).
#   join.sh WORLD_DIR CASES_FILE [ENTITY-JOIN OPTIONS...]   (e.g. --line-buffered, live)
# Every scenario's join.sh takes these arguments; CASES_FILE, all the case records, is what
# a self-join of the cases joins with (this scenario has none).
# --left keeps every case (an empty list when the fund paid nothing).
set -euo pipefail
world=$1
shift 2
entity-join -q "$@" --ref "$world/registers/medical_settlements.csv" --encoding gb18030 \
  --on 'parties[side=plaintiff].id_no=公民身份号码' --left --as settlements \
  --fields 结算单号,就诊类型,定点医疗机构,入院日期,出院日期,医疗费总额,统筹基金支付
