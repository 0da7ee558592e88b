# Sourced by the benchmark scripts (bash): the one way they time a command.
#
# time_once SINK CMD...: prints the seconds `CMD | cat > SINK` takes, from bash's own
# $EPOCHREALTIME (no timer process is counted); fails when CMD fails, leaving its exit
# status in $WORK/rc and its standard error in $WORK/stderr. REQUIRES: $WORK, a scratch
# folder.
time_once() {
  local sink=$1 start end status
  shift
  start=$EPOCHREALTIME
  "$@" 2> "$WORK/stderr" | cat > "$sink"
  status=${PIPESTATUS[0]}
  end=$EPOCHREALTIME
  echo "$status" > "$WORK/rc"
  [ "$status" = 0 ] || return 1
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}
