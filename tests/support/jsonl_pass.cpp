// jsonl-pass: the test program of the shared stream layer. It passes JSON Lines through
// the common reader and writer with the options every tool has, so the golden cases and
// the pass-through benchmark exercise exactly what the tools are built on.
//
//   jsonl-pass [OPTIONS] [FILE...]          validate and copy records, byte for byte
//   jsonl-pass --set 'seen=true' ...        splice fields into each record
//   jsonl-pass --get 'parties[*].name' ...  print the values a field path yields
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "common/cli.h"
#include "common/field_path.h"
#include "common/json_error_locator.h"
#include "common/record_splice.h"

namespace {

struct Options {
  std::vector<std::string> sets;  // NAME=JSON
  std::string get;                // a field path
};

casesift::Status Run(const Options& options, const casesift::CommonOptions& common) {
  using casesift::Status;
  std::vector<casesift::SplicedField> fields;
  for (const std::string& set : options.sets) {
    size_t eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::Usage("--set takes NAME=JSON, e.g. --set 'seen=true'");
    }
    std::string_view json = std::string_view(set).substr(eq + 1);
    if (auto err = casesift::LocateJsonError(json)) {
      return Status::Usage(fmt::format("--set {}: {}", set.substr(0, eq), err->message));
    }
    fields.push_back({std::string_view(set).substr(0, eq), json});
  }
  std::optional<casesift::FieldPath> path;
  if (!options.get.empty()) {
    casesift::Result<casesift::FieldPath> parsed = casesift::FieldPath::Parse(options.get);
    if (!parsed.ok()) return parsed.status().Prefixed("--get: invalid field path");
    path = std::move(*parsed);
  }

  casesift::Result<std::unique_ptr<casesift::Stream>> opened = casesift::Stream::Open(common);
  if (!opened.ok()) return opened.status();
  casesift::Stream& stream = **opened;
  casesift::JsonlReader::Record rec;
  std::string line;
  while (stream.reader().Next(&rec)) {
    if (path) {
      Status s;
      path->ForEach(rec.root, [&](simdjson::dom::element v) {
        if (s.ok()) s = stream.out().WriteRecord(simdjson::to_string(v));
      });
      CASESIFT_RETURN_IF_ERROR(s);
    } else if (!fields.empty()) {
      line.clear();
      casesift::SpliceFields(rec.text, fields, &line);
      CASESIFT_RETURN_IF_ERROR(stream.out().WriteRecord(line));
    } else {
      CASESIFT_RETURN_IF_ERROR(stream.out().WriteRecord(rec.text));
    }
  }
  CASESIFT_RETURN_IF_ERROR(stream.reader().status());
  return stream.Finish();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Pass JSON Lines through the casesift stream layer (a test program)."};
  app.footer(
      "Examples:\n"
      "  jsonl-pass cases.jsonl > checked.jsonl\n"
      "  jsonl-pass --on-error=skip --rejects bad.jsonl -o good.jsonl cases.jsonl\n"
      "  jsonl-pass --get 'parties[side=defendant].name' cases.jsonl");
  casesift::CommonOptions common;
  Options options;
  casesift::AddCommonOptions(&app, &common);
  app.add_option("--set", options.sets, "Splice NAME=JSON into every record (repeatable)")
      ->type_name("NAME=JSON")
      ->allow_extra_args(false);
  app.add_option("--get", options.get, "Print each value the field PATH yields, one per line")
      ->type_name("PATH");
  return casesift::RunTool(argc, argv, &app, {"jsonl-pass", {}},
                           [&] { return Run(options, common); });
}
