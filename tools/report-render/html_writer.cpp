#include "html_writer.h"

#include <string_view>
#include <vector>

#include "common/rule_level.h"
#include "html_assets.h"
#include "html_text.h"
#include "svg_chart.h"

namespace casesift {
namespace {

// Forbids every fetch: the page may only use its own inline style and script.
constexpr std::string_view kContentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'";

std::string_view TitleOf(const Report& report) {
  return report.title.empty() ? std::string_view("Leads report") : report.title;
}

void AppendCount(uint64_t n, std::string_view one, std::string_view many, HtmlText* html) {
  html->GroupedUint(n).Raw(' ').Raw(n == 1 ? one : many);
}

// Lists `fields` as " (a, b)", or nothing when there are none.
void AppendFieldList(const std::vector<std::string>& fields, HtmlText* html) {
  if (fields.empty()) return;
  html->Raw(" (");
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) html->Raw(", ");
    html->Raw("<code>").Escaped(fields[i]).Raw("</code>");
  }
  html->Raw(')');
}

void AppendHead(const Report& report, HtmlText* html) {
  html->Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
  html->Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  html->Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Raw(kContentPolicy);
  html->Raw("\">\n<title>").Escaped(TitleOf(report));
  html->Raw("</title>\n<style>").Raw(kReportStyle);
  // Number columns align right, headings included.
  for (size_t c = 0; c < report.columns.size(); ++c) {
    if (!report.columns[c].numeric) continue;
    html->Raw(".leads th:nth-child(").Uint(c + 1).Raw("),.leads td:nth-child(").Uint(c + 1);
    html->Raw("){text-align:right}\n");
  }
  html->Raw("</style>\n</head>\n");
}

const Tally* FindTally(const Report& report, std::string_view key) {
  for (const Tally& tally : report.tallies) {
    if (tally.key == key) return &tally;
  }
  return nullptr;
}

void AppendFigure(std::string_view term, HtmlText* html) {
  html->Raw("<div><dt>").Raw(term).Raw("</dt><dd>");
}

void AppendFigures(const Report& report, HtmlText* html) {
  html->Raw("<dl class=\"figures\">\n");
  AppendFigure("Leads", html);
  html->GroupedUint(report.leads).Raw("</dd></div>\n");
  static constexpr std::pair<std::string_view, std::string_view> kDistinct[] = {
      {"rule", "Rules"}, {"recipient", "Recipients"}, {"court", "Courts"}};
  for (const auto& [key, term] : kDistinct) {
    const Tally* tally = FindTally(report, key);
    if (tally == nullptr || tally->counts.empty()) continue;
    AppendFigure(term, html);
    html->GroupedUint(tally->counts.size()).Raw("</dd></div>\n");
  }
  // The period: the first and the last month with leads ("(no date)" is no month).
  const Tally* months = FindTally(report, "month");
  std::string_view first, last;
  for (size_t i = 0; months != nullptr && i < months->counts.size(); ++i) {
    const std::string& label = months->counts[i].first;
    if (MonthIndex(label) < 0) continue;
    if (first.empty()) first = label;
    last = label;
  }
  if (!first.empty()) {
    AppendFigure("Period", html);
    html->Escaped(first);
    if (last != first) html->Raw(" \xE2\x80\x93 ").Escaped(last);
    html->Raw("</dd></div>\n");
  }
  if (!report.group_field.empty()) {
    AppendFigure("Groups", html);
    html->GroupedUint(report.groups.size()).Raw("</dd></div>\n");
  }
  html->Raw("</dl>\n");
}

void AppendMaskLine(const MaskSummary& mask, HtmlText* html) {
  html->Raw("<p class=\"mask\">");
  if (!mask.enabled) {
    html->Raw("Not masked (<code>--no-mask</code>).</p>\n");
    return;
  }
  html->Raw("Masked: ");
  AppendCount(mask.id_numbers, "ID number", "ID numbers", html);
  html->Raw(", ");
  AppendCount(mask.names, "person name", "person names", html);
  AppendFieldList(mask.name_fields, html);
  html->Raw(", ");
  AppendCount(mask.addresses, "address", "addresses", html);
  html->Raw(" cut to the district");
  AppendFieldList(mask.address_fields, html);
  html->Raw(".</p>\n");
}

void AppendSummary(const Report& report, HtmlText* html) {
  html->Raw("<section id=\"summary\">\n<h2>Summary</h2>\n");
  AppendFigures(report, html);
  AppendMaskLine(report.mask, html);
  if (!report.tallies.empty()) {
    html->Raw("<div class=\"charts\">\n");
    for (const Tally& tally : report.tallies) AppendTallyChart(tally, html);
    html->Raw("</div>\n");
  }
  html->Raw("</section>\n");
}

void AppendCell(const Cell& cell, HtmlText* html) {
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      html->Raw("<td></td>");
      return;
    case Cell::Kind::kText:
      html->Raw("<td>").Escaped(cell.text).Raw("</td>");
      return;
    case Cell::Kind::kNumber:
      html->Raw("<td data-v=\"").Escaped(cell.text).Raw("\">");
      AppendDisplayNumber(cell.text, html);
      html->Raw("</td>");
      return;
    case Cell::Kind::kDate:
      html->Raw("<td class=\"d\">").Escaped(cell.text).Raw("</td>");
      return;
    case Cell::Kind::kLevel: {
      const int rank = LevelRank(cell.text);
      if (rank < 0) {
        html->Raw("<td class=\"lv\"><span class=\"badge lvx\">");
      } else {
        const char digit = static_cast<char>('0' + rank);
        html->Raw("<td class=\"lv\" data-v=\"").Raw(digit).Raw("\"><span class=\"badge lv");
        html->Raw(digit).Raw("\">");
      }
      html->Escaped(cell.text).Raw("</span></td>");
      return;
    }
  }
}

void AppendTable(const Report& report, const Group& group, HtmlText* html) {
  if (group.begin == group.end) {
    html->Raw("<p class=\"empty\">No leads.</p>\n");
    return;
  }
  const size_t columns = report.columns.size();
  html->Raw("<table class=\"leads\">\n<thead><tr>");
  for (const Column& column : report.columns) {
    html->Raw("<th scope=\"col\">").Escaped(column.label).Raw("</th>");
  }
  html->Raw("</tr></thead>\n<tbody>\n");
  for (size_t r = group.begin; r < group.end; ++r) {
    const std::vector<Cell>& cells = report.rows[r].cells;
    html->Raw("<tr>");
    const size_t shown = cells.size() < columns ? cells.size() : columns;
    for (size_t c = 0; c < shown; ++c) AppendCell(cells[c], html);
    for (size_t c = shown; c < columns; ++c) html->Raw("<td></td>");
    html->Raw("</tr>\n");
  }
  html->Raw("</tbody>\n</table>\n");
}

void AppendLeads(const Report& report, const std::vector<Group>& groups, HtmlText* html) {
  html->Raw("<section id=\"leads\">\n<h2>Leads");
  const bool grouped = !report.group_field.empty();
  if (grouped) html->Raw(" by <code>").Escaped(report.group_field).Raw("</code>");
  html->Raw("</h2>\n");
  for (const Group& group : groups) {
    if (!grouped) {
      AppendTable(report, group, html);
      continue;
    }
    html->Raw("<section class=\"group\">\n<h3>");
    html->Escaped(group.value.empty() ? std::string_view("(none)") : group.value);
    html->Raw(" <span class=\"count\">\xC2\xB7 ");
    AppendCount(group.end - group.begin, "lead", "leads", html);
    html->Raw("</span></h3>\n");
    AppendTable(report, group, html);
    html->Raw("</section>\n");
  }
  html->Raw("</section>\n");
}

void AppendProvenance(const Provenance& p, HtmlText* html) {
  html->Raw("<section id=\"provenance\">\n<h2>Provenance</h2>\n<h3>Inputs</h3>\n");
  if (p.inputs.empty()) {
    html->Raw("<p class=\"empty\">None recorded.</p>\n");
  } else {
    html->Raw("<table class=\"prov\">\n<thead><tr><th scope=\"col\">File</th>");
    html->Raw("<th scope=\"col\">Bytes</th><th scope=\"col\">Hash</th></tr></thead>\n<tbody>\n");
    for (const Provenance::Input& input : p.inputs) {
      html->Raw("<tr><td>").Escaped(input.name).Raw("</td><td class=\"num\">").Uint(input.bytes);
      html->Raw("</td><td class=\"mono\">").Escaped(input.hash).Raw("</td></tr>\n");
    }
    html->Raw("</tbody>\n</table>\n");
  }
  html->Raw("<h3>Rules</h3>\n");
  if (p.rules.empty()) {
    html->Raw("<p class=\"empty\">None recorded.</p>\n");
  } else {
    html->Raw("<table class=\"prov\">\n<thead><tr><th scope=\"col\">Rule</th>");
    html->Raw("<th scope=\"col\">Version</th><th scope=\"col\">Hash</th>");
    html->Raw("<th scope=\"col\">Title</th><th scope=\"col\">Leads</th></tr></thead>\n<tbody>\n");
    for (const Provenance::Rule& rule : p.rules) {
      html->Raw("<tr><td class=\"mono\">").Escaped(rule.id).Raw("</td><td>").Escaped(rule.version);
      html->Raw("</td><td class=\"mono\">").Escaped(rule.hash).Raw("</td><td>").Escaped(rule.title);
      html->Raw("</td><td class=\"num\">").GroupedUint(rule.leads).Raw("</td></tr>\n");
    }
    html->Raw("</tbody>\n</table>\n");
  }
  html->Raw("<dl class=\"meta\">\n<dt>Program</dt><dd>").Escaped(p.program).Raw("</dd>\n");
  html->Raw("<dt>Libraries</dt><dd>");
  for (size_t i = 0; i < p.libraries.size(); ++i) {
    html->Raw(i == 0 ? "" : ", ").Escaped(p.libraries[i]);
  }
  html->Raw("</dd>\n<dt>Command line</dt><dd><code class=\"mono cmd\">").Escaped(p.command_line);
  html->Raw("</code></dd>\n<dt>Generated at</dt><dd><time>").Escaped(p.generated_at);
  html->Raw("</time>");
  if (p.time_from_source_date_epoch) html->Raw(" (from <code>SOURCE_DATE_EPOCH</code>)");
  html->Raw("</dd>\n</dl>\n</section>\n");
}

// A size to reserve for the page: a little more than it will take.
size_t EstimateSize(const Report& report) {
  size_t size = 32 * 1024 + kReportStyle.size() + kReportScript.size();
  for (const Tally& tally : report.tallies) {
    for (const auto& [label, count] : tally.counts) size += 3 * label.size() + 320;
  }
  for (const LeadRow& row : report.rows) {
    size += 12 + 16 * report.columns.size();
    for (const Cell& cell : row.cells) size += cell.text.size() + cell.text.size() / 8 + 24;
  }
  return size;
}

}  // namespace

Status WriteHtml(const Report& report, std::string* out) {
  std::vector<Group> whole;
  const std::vector<Group>* groups = &report.groups;
  if (groups->empty()) {
    whole.push_back(Group{"", 0, report.rows.size()});
    groups = &whole;
  }
  size_t next = 0;
  for (size_t g = 0; g < groups->size(); ++g) {
    const Group& group = (*groups)[g];
    if (group.begin != next || group.end < group.begin || group.end > report.rows.size()) {
      return Status::InvalidData("report group " + std::to_string(g + 1) + " covers rows [" +
                                 std::to_string(group.begin) + ", " + std::to_string(group.end) +
                                 "), expected rows from " + std::to_string(next) + " of " +
                                 std::to_string(report.rows.size()));
    }
    next = group.end;
  }
  if (next != report.rows.size()) {
    return Status::InvalidData("report groups cover " + std::to_string(next) + " of " +
                               std::to_string(report.rows.size()) + " rows");
  }
  out->reserve(out->size() + EstimateSize(report));
  HtmlText html(out);
  AppendHead(report, &html);
  html.Raw("<body>\n<header>\n<h1>").Escaped(TitleOf(report)).Raw("</h1>\n");
  if (!report.split_value.empty()) {
    html.Raw("<p class=\"sub\">");
    if (!report.split_field.empty()) html.Escaped(report.split_field).Raw(": ");
    html.Escaped(report.split_value).Raw("</p>\n");
  }
  html.Raw("</header>\n<main>\n");
  AppendSummary(report, &html);
  AppendLeads(report, *groups, &html);
  AppendProvenance(report.provenance, &html);
  html.Raw("</main>\n<script>").Raw(kReportScript).Raw("</script>\n</body>\n</html>\n");
  return Status::OK();
}

}  // namespace casesift
