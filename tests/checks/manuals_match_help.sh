#!/usr/bin/env bash
# Checks that --help and the manual agree (CLI.md): every long option a program prints in
# --help is documented in its manual page, and every program has one. The options every
# tool shares are documented in casesift.7, so the test program jsonl-pass is checked
# against that page.
#   manuals_match_help.sh SOURCE_DIR BIN_DIR
set -u
src=$1
bin=$2
fail=0

check() {  # check PROGRAM MANPAGE
  local program=$1 page=$2
  if [ ! -f "$page" ]; then
    echo "FAIL: $program has no manual page $page"
    fail=1
    return
  fi
  local options
  options=$("$bin/$program" --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
  for opt in $options; do
    # man pages write '-' as '\-'
    local escaped=${opt//-/\\\\-}
    if ! grep -qE -- "($escaped|$opt)([^a-z0-9-]|\$)" "$page"; then
      echo "FAIL: $program --help lists $opt, but $(basename "$page") does not document it"
      fail=1
    fi
  done
}

# jsonl-pass's own options (--get, --set) are test hooks; the shared ones must be in casesift.7.
for opt in --help --version --output --on-error --rejects --max-line --quiet --progress \
           --no-progress --line-buffered; do
  "$bin/jsonl-pass" --help | grep -q -- "$opt" || { echo "FAIL: jsonl-pass --help lacks $opt"; fail=1; }
  escaped=${opt//-/\\\\-}
  grep -qE -- "$escaped([^a-z0-9-]|\$)" "$src/man/casesift.7" ||
    { echo "FAIL: casesift.7 does not document the common option $opt"; fail=1; }
done

for dir in "$src"/tools/*/; do
  [ -d "$dir" ] || continue
  tool=$(basename "$dir")
  [ -x "$bin/$tool" ] || { echo "FAIL: $tool was not built"; fail=1; continue; }
  check "$tool" "$src/man/$tool.1"
done
[ "$fail" -eq 0 ] && echo "ok: manuals match --help"
exit "$fail"
