#!/usr/bin/env bash
# Runs one golden CLI case: run-case.sh BIN_DIR CASE_DIR
#
# A case is a folder tests/cases/<program>/<NNNN-slug>/ with:
#   cmd        the command line(s), run by bash in a scratch copy of the folder, with
#              BIN_DIR first on PATH and CASESIFT_SOURCE_DIR the source tree (for the
#              manual pages whose examples tests/support/man-examples.sh runs)
#   stdin      (optional) fed to the command; otherwise standard input is empty
#   expout     expected standard output   (absent: must be empty)
#   experr     expected standard error    (absent: must be empty)
#   exit       expected exit status       (absent: 0)
#   expfiles/  (optional) files the command must leave in its folder, byte for byte
#   absent     (optional) names, one per line, that must NOT exist after the run
#              (an -o file of a failed run, temporary files)
# Any other file in the folder is input the command may read.
#
# With CASESIFT_UPDATE=1 the expectations are rewritten from what the command did, for a
# person to review with `git diff` (make update-cases).
set -u
bin=$1
case_dir=$(cd "$2" && pwd)
source_dir=$(cd "$case_dir/../../../.." && pwd)
name=${case_dir#*/cases/}

work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-case.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$case_dir" && tar -cf - --exclude=expout --exclude=experr --exclude=exit \
   --exclude=expfiles --exclude=absent .) | (cd "$work" && tar -xf -)

stdin=/dev/null
[ -f "$case_dir/stdin" ] && stdin="$case_dir/stdin"
(
  cd "$work" || exit 99
  export PATH="$bin:$PATH" LC_ALL=C.UTF-8 TZ=UTC CASESIFT_SOURCE_DIR="$source_dir"
  unset SOURCE_DATE_EPOCH CASESIFT_UPDATE
  exec bash ./cmd <"$stdin" >"$work/.stdout" 2>"$work/.stderr"
)
status=$?
rm -f "$work/cmd"
[ -f "$case_dir/stdin" ] && rm -f "$work/stdin"

want_status=0
[ -f "$case_dir/exit" ] && want_status=$(tr -d ' \n' <"$case_dir/exit")

if [ "${CASESIFT_UPDATE:-}" = 1 ]; then
  update() {  # update NAME FILE: keep the expectation only when non-empty
    if [ -s "$2" ]; then cp "$2" "$case_dir/$1"; else rm -f "$case_dir/$1"; fi
  }
  update expout "$work/.stdout"
  update experr "$work/.stderr"
  if [ "$status" -ne 0 ]; then echo "$status" >"$case_dir/exit"; else rm -f "$case_dir/exit"; fi
  if [ -d "$case_dir/expfiles" ]; then
    for f in "$case_dir"/expfiles/*; do
      base=$(basename "$f")
      [ -f "$work/$base" ] && cp "$work/$base" "$f"
    done
  fi
  echo "updated $name"
  exit 0
fi

fail=0
check() {  # check WHAT EXPECTED ACTUAL
  local expected=$2
  [ -f "$expected" ] || expected=/dev/null
  if ! cmp -s "$expected" "$3"; then
    echo "FAIL $name: $1 differs (expected, then actual):"
    diff -u "$expected" "$3" | head -60
    fail=1
  fi
}
check stdout "$case_dir/expout" "$work/.stdout"
check stderr "$case_dir/experr" "$work/.stderr"
if [ "$status" != "$want_status" ]; then
  echo "FAIL $name: exit status $status, expected $want_status"
  fail=1
fi
if [ -d "$case_dir/expfiles" ]; then
  for f in "$case_dir"/expfiles/*; do
    base=$(basename "$f")
    if [ ! -f "$work/$base" ]; then
      echo "FAIL $name: expected file $base was not written"
      fail=1
    else
      check "file $base" "$f" "$work/$base"
    fi
  done
fi
if [ -f "$case_dir/absent" ]; then
  while IFS= read -r pattern; do
    [ -n "$pattern" ] || continue
    # shellcheck disable=SC2086
    for hit in "$work"/$pattern; do
      if [ -e "$hit" ]; then
        echo "FAIL $name: ${hit#"$work"/} exists but must not"
        fail=1
      fi
    done
  done <"$case_dir/absent"
fi
[ "$fail" -eq 0 ] && echo "ok $name"
exit "$fail"
