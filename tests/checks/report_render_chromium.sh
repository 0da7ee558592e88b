#!/usr/bin/env bash
# report-render's HTML in a real browser (headless Chromium, Debian's `chromium`, which
# `make deps` installs): the page renders, its script runs without a single console message
# (errors, CSP refusals), the table has one row per lead, the headers sort (numbers by value,
# levels by severity, stable, aria-sort kept), the filter box hides rows, a grouped report
# gets a table and a filter per group, an empty report and a one-column report with numbers
# and text mixed raise no error, the static page names no network URL, and a screenshot is
# a non-empty PNG (left as report_render_chromium.png in the working folder, to look at).
# The leads are synthetic: invented people, companies and case numbers.
#   report_render_chromium.sh SOURCE_DIR BIN_DIR
set -u
bin=$2
me=report_render_chromium
shot_dir=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/casesift-chromium.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
failed() { echo "FAIL: $*"; fail=1; }

chrome=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    chrome=$(command -v "$name")
    break
  fi
done
if [ -z "$chrome" ]; then
  echo "$me: chromium is not installed (make deps installs it)"
  exit 1
fi

# browse NAME ARGS...: one headless run, stdout to NAME.out and stderr to NAME.err. Root
# needs --no-sandbox; nothing may reach the network.
browse() {
  local name=$1 status
  shift
  timeout 60 "$chrome" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --no-default-browser-check --disable-extensions --mute-audio \
    --user-data-dir="$work/profile-$name" "$@" >"$name.out" 2>"$name.err"
  status=$?
  if [ "$status" -ne 0 ] || { [ "$name" != shot ] && [ ! -s "$name.out" ]; }; then
    if [ "$status" -eq 124 ]; then
      echo "$me: chromium ($chrome) did not finish within 60 s ($name); its last messages:"
    else
      echo "$me: chromium ($chrome) could not start or run ($name, exit status $status):"
    fi
    grep -v -e 'dbus' -e 'unexpected operator' "$name.err" | tail -n 15
    exit 1
  fi
  # The pages never write to the console: any message is a script error or a refused fetch.
  if grep -E ':CONSOLE[:(]|Uncaught' "$name.err" >"$name.console"; then
    failed "console messages from the page ($name):"
    sed 's/^/  /' "$name.console"
  fi
}

# ---- synthetic leads: 48, five rules, four recipients, six courts -----------------------
awk 'BEGIN {
  split("large-loan-claims protection-orders lopsided-divorce-property sued-but-trustworthy fake-litigation", rule, " ")
  split("大额借贷纠纷|人身安全保护令 (与公安共享)|离婚中一方多分财产|被诉但守信企业|疑似虚假诉讼", title, "|")
  split("medium high low info critical", level, " ")
  split("审判监督 公安 妇联 市场监管 审判监督", recipient, " ")
  split("上海市浦东新区人民法院 上海市第一中级人民法院 北京市朝阳区人民法院 浙江省杭州市西湖区人民法院 上海市闵行区人民法院 江苏省南京市鼓楼区人民法院", court, " ")
  split("沪0115 沪01 京0105 浙0106 沪0112 苏0106", code, " ")
  split("林书远 顾映雪 沈若川 陆知行 周启航 郑晚晴 上海澜庭餐饮管理有限公司 杭州云栖教育科技有限公司", subject, " ")
  for (i = 0; i < 48; i++) {
    r = 1 + i % 5; c = 1 + i % 6
    date = sprintf("%d-%02d-%02d", 2019 + i % 6, 1 + (i * 5) % 12, 1 + (i * 7) % 28)
    case_no = sprintf("(%d)%s民初%d号", 2019 + i % 6, code[c], 1000 + i * 37)
    if (i % 7 == 3) claim = "\"待定\""
    else if (i % 11 == 5) claim = "null"
    else if (i == 20) claim = "1311007"
    else claim = ((i * 7919) % 2000 + 50) * 1000 + (i % 3) * 500
    note = (i == 9) ? "<script>alert(1)</script> \\\"引号\\\" & '\''单引号'\'' https://example.com/a.png <img src=https://example.com/b.png>" : "第" i "号线索"
    printf "{\"lead_id\":\"%s:%08x\",\"rule\":\"%s\",\"rule_version\":1,\"rule_hash\":\"xxh3:%016x\",", rule[r], i * 2654435761 % 4294967296, rule[r], r * 40503
    printf "\"title\":\"%s\",\"level\":\"%s\",\"recipient\":\"%s\",\"key\":{\"case_no\":\"%s\"},", title[r], level[r], recipient[r], case_no
    printf "\"subject\":\"%s\",\"case_nos\":[\"%s\"],", subject[1 + i % 8], case_no
    printf "\"evidence\":{\"court\":\"%s\",\"decided_date\":\"%s\",\"claim_yuan\":%s,\"note\":\"%s\"},", court[c], date, claim, note
    printf "\"src\":{\"file\":\"docs.jsonl\",\"line\":%d,\"hash\":\"xxh3:%016x\"}}\n", 1 + i * 3, i * 97
  }
}' >leads.jsonl
leads=48 fake_litigation=9 recipients=4
: >empty.jsonl

render() {  # render OUT ARGS...
  local out=$1
  shift
  if ! "$bin/report-render" -f html "$@" -o "$out" >render.log 2>&1; then
    failed "report-render -f html $* -o $out:"
    sed 's/^/  /' render.log
  fi
}
render r.html leads.jsonl
render sorted.html -c lead_id -c 金额=evidence.claim_yuan -c level -c title -c date leads.jsonl
render grouped.html --group-by recipient leads.jsonl
render empty.html empty.jsonl
render one.html -c evidence.claim_yuan leads.jsonl
[ "$fail" -eq 0 ] || exit 1

# ---- (e) the static page: no network URL in markup, nothing made by the script ------------
# Each tag's attributes, one by one (values are quoted, and a lead's text never holds a raw
# < > or "): an attribute that loads something must not name a URL with a scheme or a host.
grep -oE '<[a-zA-Z][^>]*>' r.html | awk '
  {
    tag = $0
    sub(/^<[a-zA-Z0-9-]+/, "", tag)
    while (match(tag, /^[ \t]+[^ \t=>\/]+(="[^"]*"|='\''[^'\'']*'\''|=[^ \t>]*)?/)) {
      attr = substr(tag, RSTART, RLENGTH)
      tag = substr(tag, RSTART + RLENGTH)
      sub(/^[ \t]+/, "", attr)
      name = tolower(attr); sub(/=.*/, "", name)
      value = ""
      if (index(attr, "=") > 0) { value = attr; sub(/^[^=]*=["'\'']?/, "", value) }
      if (name ~ /^(src|srcset|href|xlink:href|action|formaction|poster|background|data|ping|cite|manifest|icon)$/ &&
          value ~ /^[ \t]*([a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/ && value !~ /^[ \t]*data:/)
        print "  " name "=" value
      if (name == "style" && value ~ /url\(/) print "  style=" value
    }
  }' >urls.found
if [ -s urls.found ]; then
  failed "r.html loads from a URL:"
  head -n 5 urls.found
fi
if sed -n '/<style>/,/<\/style>/p' r.html | grep -Ein 'url\(|@import' | head -n 3 | grep .; then
  failed "r.html's style sheet fetches something"
fi
grep -q 'http-equiv="Content-Security-Policy" content="default-src '"'none'" r.html ||
  failed "r.html has no Content-Security-Policy that forbids fetches"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot; &amp; &#39;单引号&#39;' r.html ||
  failed "the lead's <script> text is not escaped in r.html"
grep -q 'class="filter' r.html && failed "the static r.html already has a filter box (the script makes it)"

# ---- (a), (c) the page after its script ran -------------------------------------------------
browse dom --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "file://$work/r.html"
rows=$(sed -n '/<section id="leads">/,/<section id="provenance">/p' dom.out | grep -o '<tr' | wc -l)
heads=$(sed -n '/<section id="leads">/,/<section id="provenance">/p' dom.out | grep -o '<thead' | wc -l)
[ $((rows - heads)) -eq "$leads" ] || failed "the lead table shows $((rows - heads)) rows, expected $leads"
grep -q '<input type="search" class="filter"' dom.out || failed "the script made no filter box"
grep -q '<button type="button" class="sort">' dom.out || failed "the script made no sort buttons"
grep -q '<svg class="chart-svg' dom.out || failed "no chart in the page"

# ---- (b), (c) sorting and filtering, clicked by a harness page ----------------------------
cat >harness.html <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>report-render harness</title></head><body>
<iframe id="sorted" src="sorted.html" width="1200" height="600"></iframe>
<iframe id="grouped" src="grouped.html" width="1200" height="600"></iframe>
<iframe id="empty" src="empty.html" width="600" height="300"></iframe>
<iframe id="one" src="one.html" width="600" height="300"></iframe>
<pre id="result">harness did not run</pre>
<script>
window.addEventListener('load', function () {
  var lines = [];
  function say(s) { lines.push(s); }
  function check(ok, what) { say((ok ? 'ok: ' : 'FAIL: ') + what); }
  function doc(id) { return document.getElementById(id).contentDocument; }
  function visible(d) {
    return Array.prototype.filter.call(d.querySelectorAll('table.leads tbody tr'),
                                       function (r) { return !r.hidden; }).length;
  }
  function typeFilter(d, text) {
    var box = d.querySelector('input.filter');
    box.value = text;
    box.dispatchEvent(new Event('input'));
  }
  try {
    var d = doc('sorted');
    var table = d.querySelector('table.leads');
    var ths = table.tHead.rows[0].cells;
    var original = new Map();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r, i) { original.set(r, i); });
    function cells(col) {
      return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[col]; });
    }
    function click(col) { ths[col].querySelector('button.sort').click(); }
    function kind(c) {  // 0 number, 1 text, 2 empty: how the page promises to order them
      if (c.hasAttribute('data-v')) return 0;
      return c.textContent === '' ? 2 : 1;
    }
    var collator = new Intl.Collator('zh-CN', {numeric: true});
    click(0);
    var ids = cells(0).map(function (c) { return c.textContent; });
    say('first column ascending: ' + ids.join(' '));
    check(ids.every(function (s, i) { return i === 0 || collator.compare(ids[i - 1], s) <= 0; }),
          'lead ids ascending');
    check(ths[0].getAttribute('aria-sort') === 'ascending', 'aria-sort ascending');
    click(0);
    var back = cells(0).map(function (c) { return c.textContent; });
    check(back.join(' ') === ids.slice().reverse().join(' '), 'lead ids descending on a second click');
    check(ths[0].getAttribute('aria-sort') === 'descending', 'aria-sort descending');
    click(1);
    check(!ths[0].hasAttribute('aria-sort') && ths[1].getAttribute('aria-sort') === 'ascending',
          'aria-sort moves to the clicked column');
    var up = cells(1);
    var kinds = up.map(kind);
    check(kinds.every(function (k, i) { return i === 0 || kinds[i - 1] <= k; }),
          'amounts: numbers, then text, then empty cells');
    var nums = up.filter(function (c) { return kind(c) === 0; })
                 .map(function (c) { return Number(c.getAttribute('data-v')); });
    check(nums.length > 30 && nums.every(function (n, i) { return i === 0 || nums[i - 1] <= n; }),
          'amounts ascending by value (' + nums.length + ' numbers)');
    say('amounts ascending: ' + up.map(function (c) { return c.textContent; }).join(' | '));
    click(1);
    var down = cells(1);
    check(kind(down[down.length - 1]) === 2, 'empty cells last when descending too');
    var upFull = up.filter(function (c) { return kind(c) !== 2; }).map(function (c) { return c.textContent; });
    var downFull = down.filter(function (c) { return kind(c) !== 2; }).map(function (c) { return c.textContent; });
    check(downFull.join('|') === upFull.slice().reverse().join('|'), 'amounts descending');
    click(2);
    var levels = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
      return {rank: Number(r.cells[2].getAttribute('data-v')), at: original.get(r), text: r.cells[2].textContent};
    });
    check(levels.every(function (l, i) {
      var p = levels[i - 1];
      return i === 0 || p.rank < l.rank || (p.rank === l.rank && p.at < l.at);
    }), 'levels by severity, ties in report order (stable)');
    check(levels[0].text === 'info' && levels[levels.length - 1].text === 'critical',
          'info first, critical last');
    typeFilter(d, '虚假诉讼');
    check(visible(d) === FAKE, 'filter 虚假诉讼 shows ' + visible(d) + ' rows, expected FAKE');
    check(/ of LEADS /.test(d.querySelector('.filter-count').textContent), 'filter count shown');
    typeFilter(d, '1311007');
    check(visible(d) === 1, 'filter by the amount as written (shown 1,311,007) finds its row');
    typeFilter(d, '');
    check(visible(d) === LEADS, 'clearing the filter shows every row');

    var g = doc('grouped');
    check(g.querySelectorAll('table.leads').length === RECIPIENTS, 'a table per recipient');
    check(g.querySelectorAll('input.filter').length === RECIPIENTS, 'a filter box per table');
    check(g.querySelectorAll('table.leads tbody tr').length === LEADS, 'grouped tables hold every lead');
    g.querySelectorAll('button.sort')[0].click();

    var e = doc('empty');
    check(e.querySelectorAll('table.leads').length === 0 && /No leads/.test(e.body.textContent),
          'the empty report says it has no leads');

    var o = doc('one');
    var only = o.querySelector('table.leads');
    check(only.tHead.rows[0].cells.length === 1, 'one column');
    only.querySelector('button.sort').click();
    only.querySelector('button.sort').click();
    typeFilter(o, '待定');
    check(visible(o) > 0 && visible(o) < LEADS, 'one column: filter on the text values');
  } catch (err) {
    say('FAIL: harness: ' + err);
  }
  document.getElementById('result').textContent = lines.join('\n');
});
</script>
</body></html>
EOF
sed -i -e "s/FAKE/$fake_litigation/g" -e "s/LEADS/$leads/g" -e "s/RECIPIENTS/$recipients/g" harness.html
browse harness --enable-logging=stderr --v=0 --allow-file-access-from-files \
  --virtual-time-budget=5000 --dump-dom "file://$work/harness.html"
sed -n '/<pre id="result">/,/<\/pre>/p' harness.out >harness.result
if ! grep -q '^ok: ' harness.result || grep -q 'FAIL' harness.result ||
  grep -q 'harness did not run' harness.result; then
  failed "sorting and filtering in the browser:"
  sed 's/^/  /' harness.result
fi

# ---- (d) a screenshot ------------------------------------------------------------------
shot=$shot_dir/$me.png
rm -f "$shot"
browse shot --screenshot="$shot" --window-size=1280,2000 --hide-scrollbars "file://$work/r.html"
if [ ! -s "$shot" ] || [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  failed "no PNG screenshot at $shot"
elif [ "$(wc -c <"$shot")" -lt 20000 ]; then
  failed "the screenshot $shot is suspiciously small (a blank page?)"
fi

[ "$fail" -eq 0 ] && echo "ok: the HTML report renders, sorts and filters in $("$chrome" --version 2>/dev/null | tail -n 1); screenshot: $shot"
exit "$fail"
