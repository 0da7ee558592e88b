#!/usr/bin/env bash
# Checks the bash completion of each program (tools/NAME/NAME.bash-completion): it loads
# in a bash without the bash-completion package and registers itself for NAME; it offers
# exactly the options the program's --help lists (case-synth scenario's too, once the
# program has it); after an option that takes a value it never offers options, and after
# a flag it offers them all; and a few cases complete the values they should. The part
# the six files share must be the same text in each.
#   completions.sh SOURCE_DIR BIN_DIR
set -u
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
fail=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A folder to complete names in: a subfolder and files of several kinds.
mkdir -p "$scratch/files/rules"
touch "$scratch/files/"{cases.jsonl,register.csv,notes.txt,a.yaml,letter.mustache,state.db}

# complete_batch FILE: completes, in the scratch folder, each query read on standard input
# (the words COMP_WORDS holds, the last being completed, each ended by a \x1f) and prints its
# candidates on one line, separated by spaces. One bash for many queries.
complete_batch() {
  (cd "$scratch/files" && bash -c '
    source "$1" || exit 1
    fn=$(complete -p "$2" | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
    while IFS=$'"'"'\x1f'"'"' read -r -a words; do
      COMP_WORDS=("${words[@]}")
      COMP_CWORD=$((${#words[@]} - 1))
      COMPREPLY=()
      "$fn" 2>/dev/null
      echo "${COMPREPLY[*]}"
    done' _ "$file" "$(basename "$file" .bash-completion)")
}
query() { printf '%s\x1f' "$@"; echo; }
sorted() { tr ' ' '\n' | sed '/^$/d' | sort; }

expect() {  # expect FILE "EXPECTED WORDS" WORD...
  local file=$1 want got
  want=$(echo "$2" | sorted)
  shift 2
  got=$(query "$@" | complete_batch "$file" | sorted)
  if [ "$got" != "$want" ]; then
    echo "FAIL: completing '$*' offers [$(echo $got)], expected [$(echo $want)]"
    fail=1
  fi
}

# help_options PROGRAM [SUBCOMMAND]: "OPTION value" or "OPTION flag" per option of --help.
help_options() {
  "$@" --help | awk '
    /^Options:/ { on = 1; next }
    /^$/ { on = 0 }
    on && /^  -/ {
      line = substr($0, 3)
      first = line; sub(/ .*/, "", first)
      rest = substr(line, length(first) + 1)
      kind = (rest ~ /^ [^ ]/ && rest !~ /^ Excludes:/) ? "value" : "flag"
      n = split(first, names, ",")
      for (i = 1; i <= n; i++) print names[i], kind
    }'
}

# check_options FILE "PREFIX WORDS" HELP_COMMAND...: compares the completion's options after
# the prefix words with the help's, and what each option is followed by.
check_options() {
  local file=$1 prefix=$2 listed offered opt kind after
  shift 2
  listed=$(help_options "$@")
  if [ -z "$listed" ]; then
    echo "FAIL: no options parsed from '$* --help'"
    fail=1
    return
  fi
  local results
  results=$({
    query $prefix -
    while read -r opt kind; do query $prefix "$opt" -; done <<<"$listed"
  } | complete_batch "$file")
  offered=$(head -n 1 <<<"$results" | sorted)
  if [ "$(echo "$listed" | cut -d' ' -f1 | sort)" != "$offered" ]; then
    echo "FAIL: $(basename "$file") does not offer exactly the options of '$* --help':"
    diff <(echo "$listed" | cut -d' ' -f1 | sort) <(echo "$offered") | sed -n 's/^[<>]/  &/p'
    fail=1
  fi
  local all
  all=$(echo "$offered" | wc -l)
  while read -r opt kind after; do
    after=$(echo "$after" | sorted | grep -c '^-')
    if [ "$kind" = value ] && [ "$after" -ne 0 ]; then
      echo "FAIL: '$* $opt' takes a value, but the completion offers options after it"
      fail=1
    elif [ "$kind" = flag ] && [ "$after" -ne "$all" ]; then
      echo "FAIL: '$* $opt' is a flag, but the completion does not offer the options after it"
      fail=1
    fi
  done < <(paste -d' ' <(echo "$listed") <(tail -n +2 <<<"$results"))
}

shared=
for dir in "$src"/tools/*/; do
  tool=$(basename "$dir")
  file=$dir/$tool.bash-completion
  if [ ! -f "$file" ]; then
    echo "FAIL: $tool has no bash completion $file"
    fail=1
    continue
  fi
  registered=$(bash -c 'source "$1" && complete -p "$2"' _ "$file" "$tool" 2>&1)
  if [[ $registered != "complete -F "*" $tool" ]]; then
    echo "FAIL: sourcing $file does not register a completion for $tool: $registered"
    fail=1
    continue
  fi
  part=$(sed -n '/^# ---- shared by the six/,/^# ---- end of the shared part/p' "$file")
  [ -z "$shared" ] && shared=$part
  if [ -z "$part" ] || [ "$part" != "$shared" ]; then
    echo "FAIL: the shared part of $file differs from the other completions'"
    fail=1
  fi
  check_options "$file" "$tool" "$bin/$tool"
done

t=$src/tools
# Enumerated values, also written --option=value.
expect "$t/rule-match/rule-match.bash-completion" "fail skip warn" rule-match --on-error ""
expect "$t/rule-match/rule-match.bash-completion" "skip" rule-match --on-error = s
expect "$t/rule-match/rule-match.bash-completion" "fail skip warn" rule-match --on-error =
expect "$t/report-render/report-render.bash-completion" "html md csv xlsx json" report-render -f ""
expect "$t/report-render/report-render.bash-completion" "csv" report-render --format c
expect "$t/case-extract/case-extract.bash-completion" "gb18030 gbk" case-extract --encoding g
expect "$t/entity-join/entity-join.bash-completion" "utf-8" entity-join --encoding u
expect "$t/case-synth/case-synth.bash-completion" "judgment,mediation" case-synth --kinds judgment,me
expect "$t/case-synth/case-synth.bash-completion" "txt jsonl" case-synth --format ""
# Paths: rules files and folders, references, templates, inputs.
expect "$t/rule-match/rule-match.bash-completion" "a.yaml rules" rule-match -r ""
expect "$t/rule-match/rule-match.bash-completion" "rules" rule-match --lists ""
expect "$t/rule-match/rule-match.bash-completion" "cases.jsonl rules" rule-match -r rules/ ""
expect "$t/entity-join/entity-join.bash-completion" "cases.jsonl register.csv rules" entity-join --ref ""
expect "$t/report-render/report-render.bash-completion" "letter.mustache rules statement cover-letter" \
  report-render --template ""
expect "$t/report-render/report-render.bash-completion" "statement" report-render --template st
expect "$t/case-extract/case-extract.bash-completion" "cases.jsonl notes.txt rules" case-extract ""
expect "$t/lead-dedupe/lead-dedupe.bash-completion" "state.db rules" lead-dedupe --state ""
expect "$t/lead-dedupe/lead-dedupe.bash-completion" "notes.txt" lead-dedupe -o n
# Free values: nothing, also inside LEFT=RIGHT.
expect "$t/entity-join/entity-join.bash-completion" "" entity-join --on ""
expect "$t/entity-join/entity-join.bash-completion" "" entity-join --on "parties[*].uscc" = ""
expect "$t/lead-dedupe/lead-dedupe.bash-completion" "" lead-dedupe --min-score ""
expect "$t/report-render/report-render.bash-completion" "" report-render --sort -
# case-synth scenario NAME [-o DIR] [--seed N] [--format txt|jsonl]
synth=$t/case-synth/case-synth.bash-completion
expect "$synth" "scenario" case-synth ""
expect "$synth" "sham-divorce prepaid medical-insurance sued-trustworthy protection-orders warnings" \
  case-synth scenario ""
expect "$synth" "protection-orders prepaid" case-synth scenario p
expect "$synth" "" case-synth scenario prepaid ""
expect "$synth" "txt jsonl" case-synth scenario prepaid --format ""
expect "$synth" "rules" case-synth scenario prepaid -o ""
expect "$synth" "" case-synth --seed 3 ""
if "$bin/case-synth" --help | grep -q '^  scenario'; then  # CLI11's Subcommands: section
  check_options "$synth" "case-synth scenario prepaid" "$bin/case-synth" scenario
else
  echo "note: case-synth has no scenario subcommand yet; its completion is checked by cases only"
fi

[ "$fail" -eq 0 ] && echo "ok: the bash completions match --help"
exit "$fail"
