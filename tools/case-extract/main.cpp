// case-extract: judgment documents to case records (JSON Lines). See man/case-extract.1.
#include <CLI/CLI.hpp>
#include <thread>

#include "case_extract.h"
#include "common/cli.h"
#include "precompiled_databases.h"

int main(int argc, char** argv) {
  casesift::UsePrecompiledDatabases();
  CLI::App app{"Extract case records (JSON Lines) from court judgment documents."};
  app.footer(
      "Examples:\n"
      "  case-extract docs/ > cases.jsonl\n"
      "  case-extract -j 2 --encoding gb18030 old/*.txt -o cases.jsonl\n"
      "  case-extract --text-field text --on-error=skip --rejects bad.jsonl crawl.jsonl");
  casesift::CommonOptions common;
  casesift::CaseExtractOptions options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("--encoding", options.encoding,
                 "Encoding of text files: auto (default), utf-8, gb18030 or utf-16")
      ->type_name("NAME");
  app.add_option("--text-field", options.text_field,
                 "Read JSON Lines records whose field NAME holds the text; other fields pass "
                 "through")
      ->type_name("NAME");
  app.add_flag("--keep-text", options.keep_text, "Add the whole document text as `text`");
  app.add_flag("--sections", options.sections,
               "Add `sections`: the text of each part (header, parties, claims, ...)");
  app.add_option("-j,--jobs", options.jobs, "Extract on N threads (output order is kept)")
      ->type_name("N");
  return casesift::RunTool(argc, argv, &app, {"case-extract", {{"RE2", "2022-12-01"}}},
                           [&] { return casesift::RunCaseExtract(options, common); });
}
