// Reference rows from CSV files (agency registers): each row becomes an object of its
// columns, values as strings, and joins as a JSON Lines row would.
#include "common/csv_reader.h"
#include "reference.h"

namespace casesift {

Status Reference::LoadCsv(const std::string& file, const Options& options, const JoinSpec& spec,
                          const NameNormalizer& norm, BadRecords* bad) {
  Result<CsvEncoding> encoding = ParseCsvEncoding(options.encoding);
  if (!encoding.ok()) return encoding.status();
  CsvReader::Options co;
  co.encoding = *encoding;
  co.max_row = options.max_line;
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::Open(file, co);
  if (!opened.ok()) return opened.status();
  CsvReader& reader = **opened;
  CsvRow row;
  std::string json;
  simdjson::dom::parser parser;
  while (true) {
    Result<bool> more = reader.Next(&row);
    if (!more.ok()) {
      if (reader.stopped()) return more.status();
      CASESIFT_RETURN_IF_ERROR(bad->Reject(more.status(), row.text));
      continue;
    }
    if (!*more) break;
    json.clear();
    AppendCsvRowJson(reader.header(), row, &json);
    simdjson::dom::element root;
    if (parser.parse(json).get(root) != simdjson::SUCCESS) {
      return Status::InvalidData("a CSV row did not make a JSON object");  // cannot happen
    }
    Status added = AddRow(root, json, spec, norm, options);
    if (!added.ok()) {
      CASESIFT_RETURN_IF_ERROR(bad->Reject(reader.ErrorAt(row, 0, added.message()), row.text));
    }
  }
  return Status::OK();
}

}  // namespace casesift
