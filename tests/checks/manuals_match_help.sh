#!/usr/bin/env bash
# Checks that --help and the manual agree (CLI.md): every program has a manual page; every
# option, long or short, a program prints in --help is in the page's OPTIONS, every option
# OPTIONS defines is in --help, and the EXAMPLES use only options --help lists. The options every
# tool shares are documented in casesift.7, so the test program jsonl-pass is checked
# against that page.
#   manuals_match_help.sh SOURCE_DIR BIN_DIR
set -u
src=$1
bin=$2
fail=0

# options PROGRAM: the options --help lists, long and short, one a line.
options() {
  "$@" --help | awk '/^Options:/ { on = 1; next } /^$/ { on = 0 }
    on && /^  -/ { f = substr($0, 3); sub(/ .*/, "", f); n = split(f, a, ","); for (i = 1; i <= n; i++) print a[i] }' |
    sort -u
}

# section PAGE NAME: the text of one section of a manual page, '\-' read as '-' and with no
# font changes (\fB, \fI, \fR, \fP).
section() {
  awk -v name="$2" '$0 == ".SH " name || $0 == ".SH \"" name "\"" { p = 1; next } /^\.SH/ { p = 0 } p' "$1" |
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g'
}

check() {  # check PROGRAM MANPAGE
  local program=$1 page=$2
  if [ ! -f "$page" ]; then
    echo "FAIL: $program has no manual page $page"
    fail=1
    return
  fi
  local listed text defined opt
  listed=$(options "$bin/$program")
  text=$(section "$page" OPTIONS)
  # Every option of --help, long or short, is in OPTIONS (the shared ones named there too).
  for opt in $listed; do
    if ! grep -qE -- "(^|[^a-zA-Z0-9-])$opt([^a-zA-Z0-9-]|\$)" <<<"$text"; then
      echo "FAIL: $program --help lists $opt, but OPTIONS in $(basename "$page") does not"
      fail=1
    fi
  done
  # And the reverse: every option an OPTIONS entry (.TP heading) defines is in --help.
  defined=$(awk 'prev == ".TP" { print } { prev = $0 }' <<<"$text" |
            grep -oE -- '(^|[^a-zA-Z0-9-])-(-[a-z][a-z0-9-]*|[a-zA-Z])' | sed 's/^[^-]*//' | sort -u)
  for opt in $defined; do
    if ! grep -qxF -- "$opt" <<<"$listed"; then
      echo "FAIL: $(basename "$page") documents $opt, but $program --help does not list it"
      fail=1
    fi
  done
  # Every run of the program in EXAMPLES uses options it has (the runs themselves are golden
  # cases, e.g. tests/cases/case-extract/0023-manual-examples).
  section "$page" EXAMPLES | awk '/^\.EX/ { p = 1; next } /^\.EE/ { p = 0 } p' |
    sed -e ':a' -e '/\\e$/{N; s/\\e\n//; ba' -e '}' | tr '|' '\n' |
    grep -oE -- "(^|[ (])$program( [^;&]*)?" | grep -oE -- ' -(-[a-z][a-z0-9-]*|[a-zA-Z])([ =]|$)' |
    sed 's/[ =]$//' | sort -u | while read -r opt; do
      grep -qxF -- "$opt" <<<"$listed" ||
        { echo "FAIL: an example in $(basename "$page") runs $program $opt, which --help does not list"; exit 1; }
    done || fail=1
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
