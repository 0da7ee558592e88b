#include "html_assets.h"

namespace casesift {

const std::string_view kReportStyle = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1440px;padding:24px 28px 48px;color:#1f2328;background:#fff;
font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
h3{font-size:16px;margin:22px 0 8px}
h3 .count{font-weight:400;color:#57606a;font-size:13px}
.sub{color:#57606a;margin:0}
.figures{display:flex;flex-wrap:wrap;gap:10px 32px;margin:12px 0}
.figures dt{color:#57606a;font-size:12px}
.figures dd{margin:0;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.mask{margin:8px 0 18px}
.charts{display:flex;flex-wrap:wrap;gap:18px 36px;align-items:flex-start}
.chart{margin:0;max-width:100%;overflow-x:auto}
.chart figcaption{font-weight:600;margin:0 0 4px}
.chart-svg{display:block;height:auto}
.chart-svg text{font-size:12px;fill:#1f2328}
.chart-svg.v text{font-size:11px}
.chart-svg .val{fill:#57606a}
.bar{fill:#4a78b0}
.bar.others{fill:#9aa5b1}
.axis{stroke:#8c959f;stroke-width:1}
.lv0,.lvx{fill:#8c959f}.lv1{fill:#4a9a5c}.lv2{fill:#d4a72c}.lv3{fill:#e16f24}.lv4{fill:#b3261e}
.note,.empty{color:#57606a}
.note{font-size:12px;margin:4px 0 0}
.empty{font-style:italic}
.leads,.prov{border-collapse:collapse;font-size:13px}
.leads{width:100%}
.leads th,.leads td,.prov th,.prov td{border-bottom:1px solid #d8dee4;padding:4px 8px;
text-align:left;vertical-align:top}
.leads td{white-space:pre-line;overflow-wrap:break-word}
.leads td[data-v],.leads td.d{white-space:nowrap;font-variant-numeric:tabular-nums}
.leads thead th{position:sticky;top:0;z-index:1;background:#f6f8fa;border-bottom:2px solid #afb8c1;
white-space:nowrap}
.leads tbody tr:nth-child(even){background:#fafbfc}
.leads tbody tr:hover{background:#eef4fb}
th button.sort{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;
cursor:pointer;text-align:inherit}
th button.sort::after{content:" \2195";color:#8c959f}
th[aria-sort=ascending] button.sort::after{content:" \25B2";color:inherit}
th[aria-sort=descending] button.sort::after{content:" \25BC";color:inherit}
.badge{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;line-height:18px;
white-space:nowrap;background:#eaeef2;color:#424a53}
.badge.lv1{background:#dafbe1;color:#116329}.badge.lv2{background:#fff8c5;color:#7d4e00}
.badge.lv3{background:#ffe2cc;color:#953800}.badge.lv4{background:#b3261e;color:#fff}
.filter-bar{margin:6px 0}
.filter{font:inherit;padding:4px 8px;width:min(360px,100%);border:1px solid #afb8c1;
border-radius:6px}
.filter-count{margin-left:10px;color:#57606a}
.prov td.num{text-align:right;font-variant-numeric:tabular-nums}
.mono,.prov .mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;
font-size:12px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:14px 0}
.meta dt{color:#57606a}
.meta dd{margin:0;overflow-wrap:anywhere}
.cmd{white-space:pre-wrap}
@media print{
@page{margin:14mm 12mm}
body{max-width:none;padding:0;color:#000;background:#fff;font-size:10pt}
.filter-bar{display:none}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
h2{border-color:#000}
tr,figure{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.leads thead th{position:static;background:#fff;border-bottom:1.5px solid #000}
.leads tbody tr:nth-child(even),.leads tbody tr:hover{background:#fff}
.leads th,.leads td,.prov th,.prov td{border-color:#999}
.leads .badge{background:#fff;color:#000;border:1px solid #000}
th button.sort::after{content:none}
.chart{overflow:visible}
.chart-svg{max-width:100%}
.chart-svg text,.chart-svg .val{fill:#000}
.sub,.figures dt,.note,.empty,.meta dt,h3 .count{color:#000}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

const std::string_view kReportScript = R"js(
(function () {
  'use strict';
  var collator = null;
  try { collator = new Intl.Collator('zh-CN', {numeric: true}); } catch (e) { collator = null; }
  function compareText(a, b) {
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  // A cell's sort key: class 0 a number (data-v), 1 text, 2 empty.
  function keyOf(cell) {
    if (!cell) return {c: 2, n: 0, s: ''};
    var v = cell.getAttribute('data-v');
    if (v !== null && v !== '') {
      var n = Number(v);
      if (n === n) return {c: 0, n: n, s: ''};
    }
    var s = cell.textContent;
    return s === '' ? {c: 2, n: 0, s: ''} : {c: 1, n: 0, s: s};
  }
  function compareKeys(a, b) {
    if (a.c !== b.c) return a.c - b.c;
    if (a.c === 0) return a.n < b.n ? -1 : (a.n > b.n ? 1 : 0);
    return a.c === 1 ? compareText(a.s, b.s) : 0;
  }
  function haystackOf(row) {
    var parts = [];
    for (var i = 0; i < row.cells.length; i++) {
      var cell = row.cells[i];
      parts.push(cell.textContent);
      var v = cell.getAttribute('data-v');
      if (v !== null && !cell.classList.contains('lv')) parts.push(v);
    }
    return parts.join('\u0001').toLowerCase();
  }
  function setUp(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body || head.rows.length === 0) return;
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    var keys = [], sorted = -1, descending = false, haystacks = null;
    function sortBy(col) {
      descending = col === sorted ? !descending : false;
      sorted = col;
      if (!keys[col]) keys[col] = rows.map(function (r) { return keyOf(r.cells[col]); });
      var k = keys[col], sign = descending ? -1 : 1;
      var order = rows.map(function (r, i) { return i; });
      order.sort(function (a, b) {
        var ka = k[a], kb = k[b], d;
        if (ka.c === 2 || kb.c === 2) d = ka.c === 2 ? (kb.c === 2 ? 0 : 1) : -1;
        else d = sign * compareKeys(ka, kb);
        return d !== 0 ? d : a - b;
      });
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < order.length; i++) fragment.appendChild(rows[order[i]]);
      body.appendChild(fragment);
      headers.forEach(function (th, i) {
        if (i === col) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
    }
    headers.forEach(function (th, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () { sortBy(i); });
    });
    var bar = document.createElement('div');
    bar.className = 'filter-bar';
    var box = document.createElement('input');
    box.type = 'search';
    box.className = 'filter';
    box.placeholder = 'Filter rows\u2026';
    box.setAttribute('aria-label', 'Filter the rows of this table');
    var count = document.createElement('span');
    count.className = 'filter-count';
    count.setAttribute('aria-live', 'polite');
    bar.appendChild(box);
    bar.appendChild(count);
    table.parentNode.insertBefore(bar, table);
    box.addEventListener('input', function () {
      var q = box.value.trim().toLowerCase();
      if (!haystacks) haystacks = rows.map(haystackOf);
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var hide = q !== '' && haystacks[i].indexOf(q) < 0;
        if (rows[i].hidden !== hide) rows[i].hidden = hide;
        if (!hide) shown++;
      }
      count.textContent = q === '' ? '' : shown + ' of ' + rows.length + ' rows shown';
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.leads'), setUp);
})();
)js";

}  // namespace casesift
