// JsonlReader: the JSON Lines input of every casesift tool.
//
// Reads files in the order given, or standard input ("-" or no file at all), as one
// stream of records. The reader splits lines itself (memchr over a reused buffer, 4 MiB by
// default, grown only for longer lines) and parses each line with one reused simdjson DOM
// parser, which validates all of it: structure, UTF-8, numbers. So every record it hands
// out is a whole, valid JSON object, located to its file and line, and its bytes are the
// line exactly as it was written (without '\n' and a trailing '\r').
//
// Skipped quietly: blank lines (only spaces, tabs, '\r') and a UTF-8 byte-order mark at
// the start of a file. Malformed (CLI.md): a line that is not valid JSON, invalid UTF-8,
// a value that is not an object, a number simdjson cannot hold, a line longer than
// max_line bytes. Each becomes an InvalidData status located FILE:LINE:COLUMN (column: the
// 1-based byte in the line where the line stops being valid JSON) with the line as
// context, handed to BadRecords: under --on-error=fail the reader stops with that status;
// otherwise the line goes to the rejects file unchanged and reading goes on.
//
// Usage:
//   JsonlReader reader(options, &bad_records);
//   JsonlReader::Record rec;
//   while (reader.Next(&rec)) { ... rec.text, rec.root ... }
//   if (!reader.status().ok()) return reader.status();
//
// Lifetime: a Record's text and root stay valid until the next call to Next().
// Not thread-safe.
#ifndef CASESIFT_COMMON_JSONL_READER_H_
#define CASESIFT_COMMON_JSONL_READER_H_

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/bad_records.h"
#include "common/status.h"

namespace casesift {

class Progress;

class JsonlReader {
 public:
  struct Options {
    std::vector<std::string> inputs;  // empty: standard input; "-" is standard input too
    size_t max_line = size_t{64} << 20;
    size_t buffer_size = size_t{4} << 20;
  };

  struct Record {
    std::string_view text;              // the record's bytes
    simdjson::dom::element root;        // its parsed value, always an object
    const std::string* file = nullptr;  // the input's name as given; "<stdin>"
    uint64_t line = 0;                  // 1-based line number within that input
    size_t column_base = 0;             // bytes cut from the line's front (a byte-order mark)
    uint64_t offset = 0;                // where the text starts in its input, in bytes
  };

  // `bad` decides what happens to malformed lines; null means --on-error=fail.
  // `bad` and `progress` (optional) must outlive the reader.
  JsonlReader(Options options, BadRecords* bad, Progress* progress = nullptr);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Checks that every input exists and is readable, and sums the sizes of those that
  // are regular files. Optional: Next() opens inputs lazily and reports the same errors.
  Status CheckInputs();

  // Lines for which `keep(context, line)` returns false are passed over unparsed: neither
  // handed out nor validated (a malformed one among them is not reported). For a tool
  // that can tell from a line's bytes alone that it has nothing to do with the record;
  // counted in skipped(). Null: every line is parsed (the default).
  using LineFilter = bool (*)(const void* context, std::string_view line);
  void SetLineFilter(LineFilter keep, const void* context) {
    filter_ = keep;
    filter_context_ = context;
  }
  uint64_t skipped() const { return skipped_; }

  // With false, Next hands out lines unparsed (Record::root is null; malformed lines among
  // them not yet found), for a caller that parses them on other threads: with ParseRecord,
  // handing each failure to BadRecords itself, in input order. Blank lines and the line
  // filter work as always. A line longer than --max-line stops Next (it returns false
  // with status() OK and holding() true) so that the caller can first write what came
  // before; RejectHeld() then rejects it, as Next would have, and Next goes on after it.
  // Default: true.
  void SetParse(bool parse) { parse_ = parse; }
  bool holding() const { return held_ != Held::kNone; }
  // Rejects the held line (BadRecords, or the run's error under --on-error=fail); returns
  // status().
  Status RejectHeld();

  // Parses record->text (a line as Next handed it out) with `parser` and sets
  // record->root; or returns the located InvalidData error Next would have reported for
  // the line. `padded`: the text is followed by simdjson::SIMDJSON_PADDING readable bytes,
  // so the parser need not copy it. Thread-safe for distinct parsers.
  static Status ParseRecord(simdjson::dom::parser* parser, Record* record, bool padded);

  // Advances to the next record. Returns false at the end of all input or on an error
  // that stops the run; status() then tells which (OK at the end).
  bool Next(Record* record);
  const Status& status() const { return status_; }

  // The location of byte `offset` of the current record's text, as an error a tool can
  // hand to BadRecords::Reject for a record that parsed but is unusable.
  // Thread-safe: it reads only `record`.
  static Status ErrorAt(const Record& record, size_t offset, std::string_view message);

  uint64_t records() const { return records_; }
  uint64_t bytes_read() const { return bytes_read_; }
  // Sum of the sizes of the inputs that are regular files, after CheckInputs(); 0 when
  // unknown (a pipe among them).
  uint64_t total_bytes() const { return total_bytes_; }

 private:
  bool OpenNext();
  bool Fill();  // reads more input into the buffer; false at end of file or error
  bool HandleLine(std::string_view line, Record* record);
  bool SkipOverlongLine();
  Status OverlongError(std::string_view line, size_t col_base) const;
  bool Fail(Status s);

  Options options_;
  BadRecords* bad_;
  Progress* progress_;
  simdjson::dom::parser parser_;

  std::unique_ptr<char[]> buffer_;  // capacity_ bytes + simdjson padding
  size_t capacity_ = 0;
  size_t begin_ = 0, end_ = 0;  // unread bytes are buffer_[begin_, end_)

  size_t input_index_ = 0;  // next input to open
  int fd_ = -1;
  bool eof_ = true;    // current input exhausted (or none open)
  std::string file_;   // current input's display name
  uint64_t line_ = 0;  // lines read from the current input
  // Bytes read from the current input: buffer_[0, end_) holds its bytes
  // [input_bytes_ - end_, input_bytes_).
  uint64_t input_bytes_ = 0;

  uint64_t records_ = 0;
  uint64_t skipped_ = 0;
  LineFilter filter_ = nullptr;
  bool parse_ = true;
  // A line over --max-line that Next stopped at (SetParse(false)): still in the buffer, or
  // running past it (to be streamed to the rejects).
  enum class Held { kNone, kInBuffer, kStreamed };
  Held held_ = Held::kNone;
  std::string_view held_line_;
  size_t held_column_base_ = 0;
  const void* filter_context_ = nullptr;
  uint64_t bytes_read_ = 0;
  uint64_t total_bytes_ = 0;
  Status status_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_JSONL_READER_H_
