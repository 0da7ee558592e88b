#!/usr/bin/env bash
# The acceptance point "the demo's reports open in a browser": make demo's HTML reports,
# every one, loaded in headless Chromium (Debian's `chromium`, which `make deps` installs):
# the page renders its table, and its script runs
# without a single console message (an error, a refused fetch).
#   demo_reports_chromium.sh SOURCE_DIR BIN_DIR
set -u
src=$1
bin=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-demo-chromium.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "FAIL: chromium is not installed (make deps installs it)"; exit 1; }
bash "$src/examples/demo.sh" "$bin" out >demo.log 2>&1 || { cat demo.log; echo "FAIL: make demo failed"; exit 1; }

fail=0
n=0
for page in out/*/reports/*.html; do
  n=$((n + 1))
  timeout 60 "$chrome" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --no-default-browser-check --disable-extensions --mute-audio \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --dump-dom "file://$work/$page" >dom.html 2>chrome.err
  if [ ! -s dom.html ]; then
    echo "FAIL: $page: chromium rendered nothing:"
    tail -n 5 chrome.err
    fail=1
    continue
  fi
  if grep -E ':CONSOLE[:(]|Uncaught' chrome.err; then
    echo "FAIL: $page: console messages from the page (above)"
    fail=1
  fi
  rows=$(grep -o '<tr[ >]' dom.html | wc -l)
  [ "$rows" -gt 1 ] || { echo "FAIL: $page: no table rows in the rendered page"; fail=1; }
done
[ "$n" -gt 0 ] || { echo "FAIL: make demo wrote no HTML report"; exit 1; }
[ "$fail" -eq 0 ] || exit 1
echo "ok: all $n HTML reports of make demo render in Chromium without a console message"
