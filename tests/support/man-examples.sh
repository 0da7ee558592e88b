# Sourced by a golden case's cmd: runs the examples of a manual page exactly as the page
# prints them, read from the page at test time so that page and test cannot drift.
#
#   . "$CASESIFT_SOURCE_DIR/tests/support/man-examples.sh" man/NAME.1 [SECTION]
#   example 1            # prints '== 1', then runs the page's first example
#   ...                  # (the case may look at what it wrote between examples)
#   examples_done        # fails unless every example of the section was run (an example
#                        # may run more than once, as on two nights)
#
# An example is one .EX/.EE block of SECTION (default EXAMPLES), unescaped as groff would
# print it. Each runs in its own subshell with errexit and pipefail (an export lasts for its
# own block only); a failure prints '== N exited S'.

man_examples_page=$CASESIFT_SOURCE_DIR/$1
man_examples_section=${2:-EXAMPLES}
# The examples run, one number a line: a file, so that an example run in the background or
# in a subshell counts.
man_examples_log=$PWD/.man-examples-run
: >"$man_examples_log"

# The text of every .EX block in the section, blocks separated by a line with a form feed.
man_examples_text() {
  awk -v section="$man_examples_section" '
    /^\.SH / { sh = $0; sub(/^\.SH +/, "", sh); gsub(/"/, "", sh); in_section = (sh == section); next }
    !in_section { next }
    /^\.EX/ { in_ex = 1; next }
    /^\.EE/ { if (in_ex) print "\f"; in_ex = 0; next }
    in_ex {
      line = $0
      gsub(/\\-/, "-", line); gsub(/\\\(aq/, "\047", line); gsub(/\\\(dq/, "\"", line)
      gsub(/\\\(ga/, "`", line); gsub(/\\\(ti/, "~", line); gsub(/\\\(ha/, "^", line)
      gsub(/\\\(lq/, "\342\200\234", line); gsub(/\\\(rq/, "\342\200\235", line)
      gsub(/\\f[BIRP]/, "", line); gsub(/\\&/, "", line); gsub(/\\e/, "\\\\", line)
      print line
    }' "$man_examples_page"
}

man_examples_all=$(man_examples_text)

man_examples_count() {
  printf '%s\n' "$man_examples_all" | grep -c "$(printf '\f')"
}

example() {  # example N: run the page's Nth example as printed
  local code
  code=$(printf '%s\n' "$man_examples_all" | awk -v n="$1" 'BEGIN { RS = "\f\n" } NR == n { printf "%s", $0 }')
  echo "== $1"
  if [ -z "$code" ]; then
    echo "== $1: ${man_examples_page#"$CASESIFT_SOURCE_DIR"/} has no example $1 in $man_examples_section"
    return 1
  fi
  echo "$1" >>"$man_examples_log"
  (set -e -o pipefail; eval "$code")
  local status=$?
  [ "$status" -eq 0 ] || echo "== $1 exited $status"
  return 0
}

examples_done() {  # every example of the section was run
  local n i missing=
  n=$(man_examples_count)
  for ((i = 1; i <= n; i++)); do
    grep -qx "$i" "$man_examples_log" || missing="$missing $i"
  done
  if [ -n "$missing" ]; then
    echo "== examples not run:$missing (of $n in $man_examples_section of ${man_examples_page#"$CASESIFT_SOURCE_DIR"/})"
    return 1
  fi
  echo "== all $n examples ran"
}
