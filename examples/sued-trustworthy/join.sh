#!/usr/bin/env bash
# The sued-trustworthy scenario's join, as one stage of a pipeline: case records on standard
# input, the same records on standard output with the enforcement cases on each judgment
# against its company debtor: the enforcement register's rows by the judgment's case number
# (执行依据文号) and the debtor's credit code.
#   join.sh WORLD_DIR CASES_FILE [ENTITY-JOIN OPTIONS...]   (e.g. --line-buffered, live)
# Every scenario's join.sh takes these arguments; CASES_FILE, all the case records, is what
# a self-join of the cases joins with (this scenario has none).
# --left keeps every case (an empty list when no enforcement followed).
set -euo pipefail
world=$1
shift 2
entity-join -q "$@" --ref "$world/registers/enforcement.csv" \
  --on 'case_no=执行依据文号' --on 'parties[side=defendant,kind=org].uscc=被执行人证照号码' \
  --left --as enforcement --fields 执行案号,立案日期,结案日期,结案方式,履行方式
