#!/bin/sh
# make lint: clang-format in check mode over the C++ sources, then the house rules a grep
# can see (STYLE.md). Prints every finding; exits 1 when there is any.
set -u
cd "$(dirname "$0")/../.." || exit 2
fail=0
finding() { echo "lint: $*"; fail=1; }

sources=$(git ls-files '*.cpp' '*.h' 2>/dev/null)
if command -v clang-format >/dev/null 2>&1; then
  for f in $sources; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
      finding "$f: not clang-formatted (run: clang-format -i $f)"
    fi
  done
else
  finding "clang-format is not installed (make deps)"
fi

# Never std::regex: RE2 or Hyperscan do that job.
hits=$(grep -rlE 'std::regex|<regex>' common tools tests 2>/dev/null | grep -v 'tests/support/lint.sh')
[ -n "$hits" ] && finding "std::regex used in: $hits"

# Exceptions stop at main: no throw outside a tool's main.cpp.
hits=$(grep -rnE '\bthrow\b' common tools 2>/dev/null | grep -vE '^[^:]+:[0-9]+:\s*(//|\*)' |
       grep -v '/main\.cpp:')
[ -n "$hits" ] && finding "throw outside main.cpp: $hits"

# Every tool has a manual page, a bash completion, golden cases, and a thin main.
for dir in tools/*/; do
  [ -d "$dir" ] || continue
  tool=$(basename "$dir")
  [ -f "man/$tool.1" ] || finding "tools/$tool has no manual page man/$tool.1"
  [ -f "$dir/$tool.bash-completion" ] || finding "tools/$tool has no bash completion $dir$tool.bash-completion"
  ls "tests/cases/$tool"/*/cmd >/dev/null 2>&1 || finding "tools/$tool has no golden cases in tests/cases/$tool"
  if [ -f "$dir/main.cpp" ]; then
    n=$(wc -l <"$dir/main.cpp")
    [ "$n" -gt 150 ] && finding "$dir/main.cpp has $n lines (keep main thin, under 150)"
  fi
done

# Files past 600 lines are asking to be split.
for f in $sources; do
  case "$f" in tests/*) continue ;; esac
  n=$(wc -l <"$f")
  [ "$n" -gt 600 ] && finding "$f has $n lines (split it by concept)"
done

# No util.cpp grab bags.
for f in $sources; do
  case "$(basename "$f")" in util.*|utils.*|helpers.*|misc.*) finding "$f: name modules by role" ;; esac
done

[ "$fail" -eq 0 ] && echo "lint: clean"
exit "$fail"
