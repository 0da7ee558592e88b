// report-render: leads to reports people read and auditors reproduce. See man/report-render.1.
#include <xlsxwriter.h>

#include <CLI/CLI.hpp>

#include "common/cli.h"
#include "report_render.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Render leads (JSON Lines) as a report: HTML with charts, Markdown, CSV, XLSX, a JSON "
      "summary, or a Mustache template; one per recipient with --split-by."};
  app.footer(
      "Examples:\n"
      "  report-render leads.jsonl -o report.html\n"
      "  report-render --split-by recipient -o 'out/{recipient}.xlsx' leads.jsonl\n"
      "  report-render -f csv --bom --sort -count leads.jsonl -o leads.csv\n"
      "  report-render --template statement --split-by subject \\\n"
      "      -o 'letters/{subject}.html' leads.jsonl");
  casesift::CommonOptions common;
  casesift::ReportRenderOptions options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("-f,--format", options.format,
                 "html, md, csv, xlsx or json (the summary figures); default: from -o's "
                 "extension, else html")
      ->type_name("FORMAT");
  app.add_option("--title", options.title,
                 "The report's title (default \"Leads\"); with --split-by, {FIELD} in it is the "
                 "value")
      ->type_name("TEXT");
  app.add_option("--split-by", options.split_by,
                 "One report per value of FIELD, named by -o with the placeholder {FIELD}")
      ->type_name("FIELD");
  app.add_option("--group-by", options.group_by,
                 "Sections of the lead table, one per value of FIELD")
      ->type_name("FIELD");
  app.add_option("--sort", options.sort,
                 "Order the leads by FIELD (a leading - for descending; repeatable or "
                 "comma-separated; default: -level, then input order)")
      ->type_name("[-]FIELD")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-c,--column", options.columns,
                 "Show FIELD as a column headed LABEL (repeatable: replaces the default "
                 "columns)")
      ->type_name("[LABEL=]FIELD")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--template", options.template_path,
                 "Render each report through the Mustache template FILE instead of a format")
      ->type_name("FILE");
  app.add_flag("--bom", options.bom,
               "CSV: begin with a UTF-8 byte-order mark, so that Excel reads Chinese right");
  app.add_flag("--no-provenance", options.no_provenance,
               "CSV: leave out the provenance rows after the table");
  app.add_flag("--no-mask", options.no_mask,
               "Show ID numbers, person names and addresses as the leads carry them");
  app.add_option("--mask", options.mask,
                 "Mask these fields (person names; addresses when the field's name says "
                 "address) instead of the default ones; ID numbers are masked everywhere")
      ->type_name("FIELD,...")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  options.command_line = casesift::ShellQuote(argc, argv);
  return casesift::RunTool(argc, argv, &app, {"report-render", {{"libxlsxwriter", LXW_VERSION}}},
                           [&] { return casesift::RunReportRender(options, common); });
}
