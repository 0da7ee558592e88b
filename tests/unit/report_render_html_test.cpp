#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "common/rule_level.h"
#include "common/text_arena.h"
#include "html_text.h"
#include "html_writer.h"
#include "svg_chart.h"

namespace casesift {
namespace {

size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

std::string Escape(std::string_view text) {
  std::string out;
  HtmlText(&out).Escaped(text);
  return out;
}

std::string Page(const Report& report) {
  std::string out;
  Status status = WriteHtml(report, &out);
  REQUIRE(status.ok());
  return out;
}

std::string Chart(const Tally& tally) {
  std::string out;
  HtmlText html(&out);
  AppendTallyChart(tally, &html);
  return out;
}

Tally Counts(std::string key, size_t values) {
  Tally tally{"Leads per " + key, key, {}};
  for (size_t i = 0; i < values; ++i) {
    tally.counts.emplace_back("法院" + std::to_string(i), 100 - i);
  }
  return tally;
}

// Cell text is views (report.h): the text the tests make lives here, for the whole run.
std::string_view Kept(const std::string& text) {
  static TextArena arena;
  return arena.Keep(text);
}

// A report of `rows` leads with a text, a number, a date and a level column.
Report SmallReport(size_t rows) {
  Report report;
  report.title = "线索 <报告>";
  report.columns = {{"Subject", "subject"},
                    {"Claim", "evidence.claim_yuan", true, false},
                    {"Date", "date", false, true},
                    {"Level", "level"}};
  static constexpr const char* kLevels[] = {"high", "info", "critical"};
  for (size_t i = 0; i < rows; ++i) {
    LeadRow row;
    row.lead_id = Kept("rule-a:" + std::to_string(i));
    row.rule = "rule-a";
    row.level = kLevels[i % 3];
    row.cells = {{Cell::Kind::kText, "张*"},
                 {Cell::Kind::kNumber, Kept(std::to_string(1311000 + i))},
                 {Cell::Kind::kDate, "2024-11-08"},
                 {Cell::Kind::kLevel, row.level}};
    report.rows.push_back(std::move(row));
  }
  report.groups.push_back({"", 0, rows});
  report.leads = rows;
  report.tallies = {Counts("rule", 2), Counts("court", 3)};
  report.provenance.generated_at = "2026-11-27T00:00:00Z";
  return report;
}

TEST_CASE("html: data is escaped in text and attributes", "[report-render][html]") {
  CHECK(Escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(Escape("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;");
  CHECK(Escape("张三\t1\n") == "张三\t1\n");
  CHECK(Escape(std::string_view("a\0b\x7f", 4)) ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD");
  CHECK(Escape("bad \xE5\xBC end") == "bad \xEF\xBF\xBD\xEF\xBF\xBD end");  // a cut character

  Report report = SmallReport(1);
  report.rows[0].cells[0].text = "<script>alert(1)</script> & \"q\" 'x'";
  report.rows[0].cells[1] = {Cell::Kind::kNumber, "1\"><b>"};
  report.tallies[0].counts[0].first = "<img src=x onerror=alert(1)>";
  const std::string page = Page(report);
  CHECK(
      page.find("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;</td>") !=
      std::string::npos);
  CHECK(page.find("<td data-v=\"1&quot;&gt;&lt;b&gt;\">1&quot;&gt;&lt;b&gt;</td>") !=
        std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("<title>线索 &lt;报告&gt;</title>") != std::string::npos);
  CHECK(Count(page, "<script>") == 1);  // the page's own, at the end
}

TEST_CASE("html: numbers keep the raw value for sorting", "[report-render][html]") {
  const std::string page = Page(SmallReport(2));
  CHECK(page.find("<td data-v=\"1311000\">1,311,000</td>") != std::string::npos);
  CHECK(page.find("<td data-v=\"1311001\">1,311,001</td>") != std::string::npos);
  CHECK(page.find(".leads th:nth-child(2),.leads td:nth-child(2){text-align:right}") !=
        std::string::npos);
  CHECK(page.find("<td class=\"d\">2024-11-08</td>") != std::string::npos);
  CHECK(page.find("<td class=\"lv\" data-v=\"3\"><span class=\"badge lv3\">high</span></td>") !=
        std::string::npos);
  CHECK(page.find("<td class=\"lv\" data-v=\"0\"><span class=\"badge lv0\">info</span></td>") !=
        std::string::npos);

  auto shown = [](std::string_view number) {
    std::string out;
    HtmlText html(&out);
    AppendDisplayNumber(number, &html);
    return out;
  };
  CHECK(shown("2024") == "2024");
  CHECK(shown("12345") == "12,345");
  CHECK(shown("-12345.5") == "-12,345.5");
  CHECK(shown("0.86") == "0.86");
  CHECK(shown("1e5") == "1e5");
  CHECK(shown("123456.") == "123456.");
  CHECK(LevelRank("critical") == 4);
  CHECK(LevelRank("high") == 3);
  CHECK(LevelRank("warn") == -1);
}

TEST_CASE("html: a level the ranks do not know sorts as text", "[report-render][html]") {
  Report report = SmallReport(1);
  report.rows[0].cells[3].text = "warn";
  const std::string page = Page(report);
  CHECK(page.find("<td class=\"lv\"><span class=\"badge lvx\">warn</span></td>") !=
        std::string::npos);
}

TEST_CASE("html: a chart has a bar per tally value, long tallies share an others bar",
          "[report-render][html]") {
  const std::string three = Chart(Counts("court", 3));
  CHECK(Count(three, "<rect class=\"bar") == 3);
  CHECK(Count(three, "<title>") == 3);
  CHECK(three.find("<title>法院0: 100 leads</title>") != std::string::npos);
  CHECK(three.find("role=\"img\" aria-label=\"Leads per court: 法院0 100, 法院1 99, 法院2 98\"") !=
        std::string::npos);
  CHECK(three.find("<figcaption>Leads per court</figcaption>") != std::string::npos);

  CHECK(Count(Chart(Counts("court", kMaxBars + 1)), "<rect class=\"bar") == kMaxBars + 1);
  const std::string many = Chart(Counts("court", 45));
  CHECK(Count(many, "<rect class=\"bar") == kMaxBars + 1);
  CHECK(Count(many, "<rect class=\"bar others\"") == 1);
  CHECK(many.find("<title>Others (15 more): 945 leads</title>") != std::string::npos);
  CHECK(many.find("<p class=\"note\">The first 30 of 45 values are drawn; the other 15 (945 "
                  "leads) share the last bar.</p>") != std::string::npos);

  Tally levels{"Leads per level", "level", {{"critical", 2}, {"low", 1}, {"odd", 1}}};
  const std::string level_chart = Chart(levels);
  CHECK(Count(level_chart, "class=\"bar lv4\"") == 1);
  CHECK(Count(level_chart, "class=\"bar lv1\"") == 1);
  CHECK(Count(level_chart, "class=\"bar lvx\"") == 1);

  CHECK(Chart(Tally{"Leads per rule", "rule", {}}).find("<p class=\"empty\">No leads.</p>") !=
        std::string::npos);
}

TEST_CASE("html: the month chart is a time axis", "[report-render][html]") {
  Tally months{"Leads per month", "month", {{"2023-11", 4}, {"2024-02", 1}, {"(no date)", 5}}};
  const std::string chart = Chart(months);
  CHECK(Count(chart, "<rect class=\"bar") == 4);  // 2023-11, the two empty months, 2024-02
  CHECK(chart.find("<title>2023-12: 0 leads</title>") != std::string::npos);
  CHECK(chart.find("<title>2024-01: 0 leads</title>") != std::string::npos);
  CHECK(chart.find("(no date)") == std::string::npos);
  CHECK(chart.find("<p class=\"note\">Not drawn: 5 leads without a date.</p>") !=
        std::string::npos);
  CHECK(MonthIndex("2024-01") == 2024 * 12);
  CHECK(MonthIndex("2024-13") == -1);
  CHECK(MonthIndex("(no date)") == -1);

  Tally undated{"Leads per month", "month", {{"(no date)", 3}}};
  CHECK(Chart(undated).find("<p class=\"empty\">No lead has a date.</p>") != std::string::npos);
}

TEST_CASE("html: the same report gives the same bytes", "[report-render][html]") {
  Report report = SmallReport(50);
  report.tallies.push_back(Tally{"Leads per month", "month", {{"2024-01", 3}, {"2024-05", 2}}});
  const std::string first = Page(report);
  CHECK(Page(report) == first);
  std::string appended = "prefix";
  REQUIRE(WriteHtml(report, &appended).ok());
  CHECK(appended == "prefix" + first);
}

TEST_CASE("html: an empty report is a page that says so", "[report-render][html]") {
  Report report;
  report.groups.push_back({"", 0, 0});
  report.tallies = {Tally{"Leads per rule", "rule", {}}, Tally{"Leads per month", "month", {}}};
  const std::string page = Page(report);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">", 0) ==
        0);
  CHECK(page.find("<table class=\"leads\">") == std::string::npos);
  CHECK(Count(page, "<p class=\"empty\">No leads.</p>") == 3);
  CHECK(page.find("<title>Leads report</title>") != std::string::npos);
  CHECK(page.find("<dt>Leads</dt><dd>0</dd>") != std::string::npos);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  CHECK(page.find("\"WenQuanYi Micro Hei\",sans-serif") != std::string::npos);
  CHECK(page.find("@media print{") != std::string::npos);

  Report no_groups;  // read as one group of every row
  CHECK(Page(no_groups).find("No leads.") != std::string::npos);
}

TEST_CASE("html: a grouped report has a table per group", "[report-render][html]") {
  Report report = SmallReport(5);
  report.group_field = "recipient";
  report.groups = {{"公安", 0, 2}, {"审判监督", 2, 5}};
  const std::string page = Page(report);
  CHECK(page.find("<h2>Leads by <code>recipient</code></h2>") != std::string::npos);
  CHECK(Count(page, "<table class=\"leads\">") == 2);
  CHECK(page.find("<h3>公安 <span class=\"count\">\xC2\xB7 2 leads</span></h3>") !=
        std::string::npos);
  CHECK(page.find("<h3>审判监督 <span class=\"count\">\xC2\xB7 3 leads</span></h3>") !=
        std::string::npos);
  CHECK(page.find("<dt>Groups</dt><dd>2</dd>") != std::string::npos);
  CHECK(page.find("公安") < page.find("审判监督"));

  report.groups = {{"公安", 0, 2}, {"审判监督", 3, 5}};
  std::string out;
  Status status = WriteHtml(report, &out);
  CHECK(status.IsInvalidData());
  CHECK(status.message() == "report group 2 covers rows [3, 5), expected rows from 2 of 5");
  CHECK(out.empty());
  report.groups = {{"公安", 0, 2}};
  CHECK(WriteHtml(report, &out).message() == "report groups cover 2 of 5 rows");
}

TEST_CASE("html: one column, and rows short of cells", "[report-render][html]") {
  Report report;
  report.columns = {{"Claim", "evidence.claim_yuan"}};
  report.rows.resize(3);
  report.rows[0].cells = {{Cell::Kind::kNumber, "12"}};
  report.rows[1].cells = {{Cell::Kind::kText, "待定"}};
  report.rows[2].cells = {};
  report.groups.push_back({"", 0, 3});
  const std::string page = Page(report);
  CHECK(page.find("<thead><tr><th scope=\"col\">Claim</th></tr></thead>") != std::string::npos);
  CHECK(
      page.find("<tr><td data-v=\"12\">12</td></tr>\n<tr><td>待定</td></tr>\n<tr><td></td></tr>") !=
      std::string::npos);
  CHECK(page.find("text-align:right}\n</style>") == std::string::npos);  // not a number column
}

TEST_CASE("html: the summary says what was masked", "[report-render][html]") {
  Report report = SmallReport(1);
  report.mask.enabled = true;
  report.mask.id_numbers = 12;
  report.mask.names = 1;
  report.mask.addresses = 4;
  report.mask.name_fields = {"subject", "evidence.name"};
  CHECK(Page(report).find(
            "<p class=\"mask\">Masked: 12 ID numbers, 1 person name (<code>subject</code>, "
            "<code>evidence.name</code>), 4 addresses cut to the district.</p>") !=
        std::string::npos);
  report.mask = MaskSummary{};
  CHECK(Page(report).find("<p class=\"mask\">Not masked (<code>--no-mask</code>).</p>") !=
        std::string::npos);
}

TEST_CASE("html: the page ends with its provenance", "[report-render][html]") {
  Report report = SmallReport(1);
  Provenance& p = report.provenance;
  p.inputs = {{"leads.jsonl", 2048, "xxh3:0c2667a8b45b6cb0"}};
  p.rules = {{"large-loan-claims", "1", "xxh3:aa015e8dfe506ac0", "大额借贷纠纷", 1234}};
  p.program = "report-render (casesift) 0.1.0";
  p.libraries = {"simdjson 3.0.1", "fmt 9.1.0"};
  p.command_line = "report-render -f html 'a b.jsonl' -o r.html";
  p.time_from_source_date_epoch = true;
  const std::string page = Page(report);
  const size_t provenance = page.find("<section id=\"provenance\">");
  REQUIRE(provenance != std::string::npos);
  CHECK(provenance > page.find("<section id=\"leads\">"));
  CHECK(page.find("<tr><td>leads.jsonl</td><td class=\"num\">2048</td><td class=\"mono\">"
                  "xxh3:0c2667a8b45b6cb0</td></tr>") != std::string::npos);
  CHECK(page.find("<td class=\"mono\">large-loan-claims</td><td>1</td><td class=\"mono\">"
                  "xxh3:aa015e8dfe506ac0</td><td>大额借贷纠纷</td><td class=\"num\">1,234</td>") !=
        std::string::npos);
  CHECK(page.find("<dd>simdjson 3.0.1, fmt 9.1.0</dd>") != std::string::npos);
  CHECK(page.find("report-render -f html &#39;a b.jsonl&#39; -o r.html") != std::string::npos);
  CHECK(page.find("<time>2026-11-27T00:00:00Z</time> (from <code>SOURCE_DATE_EPOCH</code>)") !=
        std::string::npos);
}

}  // namespace
}  // namespace casesift
