// The rows of a reference file, JSON Lines or CSV, one at a time.
#include "common/csv_reader.h"
#include "common/jsonl_reader.h"
#include "reference.h"

namespace casesift {

Status ForEachReferenceRow(const std::string& file, const Reference::Options& options,
                           BadRecords* bad, const ReferenceRowFn& row) {
  if (!IsCsvFile(file)) {
    JsonlReader::Options ro;
    ro.inputs = {file};
    ro.max_line = options.max_line;
    JsonlReader reader(ro, bad);
    CASESIFT_RETURN_IF_ERROR(reader.CheckInputs());
    JsonlReader::Record rec;
    while (reader.Next(&rec)) {
      Status st = row(rec.root, rec.text, rec.offset);
      if (st.IsInvalidData()) {
        CASESIFT_RETURN_IF_ERROR(bad->Reject(reader.ErrorAt(rec, 0, st.message()), rec.text));
      } else {
        CASESIFT_RETURN_IF_ERROR(st);
      }
    }
    return reader.status();
  }
  // A CSV row becomes an object of its columns, values as strings, and goes on as a JSON
  // Lines row would.
  Result<CsvEncoding> encoding = ParseCsvEncoding(options.encoding);
  if (!encoding.ok()) return encoding.status();
  CsvReader::Options co;
  co.encoding = *encoding;
  co.max_row = options.max_line;
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::Open(file, co);
  if (!opened.ok()) return opened.status();
  CsvReader& reader = **opened;
  CsvRow csv;
  std::string json;
  simdjson::dom::parser parser;
  while (true) {
    Result<bool> more = reader.Next(&csv);
    if (!more.ok()) {
      if (reader.stopped()) return more.status();
      CASESIFT_RETURN_IF_ERROR(bad->Reject(more.status(), csv.text));
      continue;
    }
    if (!*more) break;
    json.clear();
    AppendCsvRowJson(reader.header(), csv, &json);
    simdjson::dom::element root;
    if (parser.parse(json).get(root) != simdjson::SUCCESS) {
      return Status::InvalidData("a CSV row did not make a JSON object");  // cannot happen
    }
    Status st = row(root, json, kNoOffset);
    if (st.IsInvalidData()) {
      CASESIFT_RETURN_IF_ERROR(bad->Reject(reader.ErrorAt(csv, 0, st.message()), csv.text));
    } else {
      CASESIFT_RETURN_IF_ERROR(st);
    }
  }
  return Status::OK();
}

}  // namespace casesift
