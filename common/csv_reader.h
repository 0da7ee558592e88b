// CsvReader: reference data (agency registers) given as CSV (RECORDS.md, "Reference data").
//
// A CSV file is a header row naming the columns, then one row per record. Fields follow
// RFC 4180: separated by commas; a field that holds a comma, a quote or a line end is
// quoted, with each quote inside doubled ("a ""b"", c"). Rows end with CR LF or LF, the
// last one may have no line end at all, and a lone CR is data. Whitespace around fields is
// kept. Blank lines (nothing but a line end) between rows are skipped, and so is a UTF-8
// byte-order mark at the start.
//
// The bytes are UTF-8, or GB18030 (and so GBK and GB2312), which is converted to UTF-8 with
// iconv as it is read. Everything the reader hands out is UTF-8.
//
// The input is read in chunks into one reused buffer (memchr finds the line ends, commas
// and quotes), so memory stays at about a chunk plus the longest row, whatever the size of
// the file; a row longer than Options::max_row stops the reader.
//
// Usage:
//   Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, {.encoding = enc});
//   if (!reader.ok()) return reader.status();
//   CsvRow row;
//   for (;;) {
//     Result<bool> more = (*reader)->Next(&row);
//     if (!more.ok()) {
//       if ((*reader)->stopped()) return more.status();
//       CASESIFT_RETURN_IF_ERROR(bad->Reject(more.status(), row.text));  // and go on
//       continue;
//     }
//     if (!*more) break;
//     ... row.fields[i] is the value of column header()[i] ...
//   }
//
// Errors are Status values located FILE:LINE:COLUMN, with the line as context. Lines are
// physical lines of the file, 1-based (the header is on line 1 when nothing precedes it);
// columns are 1-based bytes of the line as UTF-8 (for GB18030 input: after conversion; on
// the first line: after a byte-order mark). The file is named as given, standard input
// ("-") as "<stdin>".
//
// Lifetime: a CsvRow's views stay valid until the next call to Next(); header() as long as
// the reader. Not thread-safe: one reader per thread.
#ifndef CASESIFT_COMMON_CSV_READER_H_
#define CASESIFT_COMMON_CSV_READER_H_

#include <iconv.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

enum class CsvEncoding { kUtf8, kGb18030 };

// Parses an --encoding value: "utf-8" or "utf8"; "gb18030", "gbk" or "gb2312". Any case.
// Errors: Usage, "unknown encoding 'latin1' (use utf-8 or gb18030)".
Result<CsvEncoding> ParseCsvEncoding(std::string_view text);

// One row as Next() hands it out.
struct CsvRow {
  // The values, unquoted, in column order; as many as the header has columns unless Next()
  // returned a row error. Each views the reader's buffers: valid until the next Next().
  std::vector<std::string_view> fields;
  // starts[i]: the offset in `text` where field i begins (its opening quote, if quoted).
  std::vector<size_t> starts;
  // The row's bytes as they stand in the (UTF-8) input, without its final line end; line
  // ends inside quoted fields are kept. What a rejects file gets. Valid until Next().
  std::string_view text;
  // The 1-based line on which the row begins.
  uint64_t line = 0;
};

class CsvReader {
 public:
  struct Options {
    CsvEncoding encoding = CsvEncoding::kUtf8;
    // Bytes read from the file at a time. Tests set it small to cut rows and characters.
    size_t chunk_size = size_t{1} << 20;
    // A row (as UTF-8) longer than this stops the reader: it is most likely a quoted
    // field whose closing quote is missing.
    size_t max_row = size_t{64} << 20;
  };

  // Opens `path` ("-": standard input) and reads its header row.
  // Errors: IoError when the file cannot be opened or read (or iconv is missing
  // GB18030); InvalidData, located, when the file is empty (nothing but blank lines), when
  // the header row is malformed (as Next() describes), or when a column name is empty or
  // appears twice.
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path, const Options& options);

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The column names, in file order: distinct and not empty.
  const std::vector<std::string>& header() const { return header_; }
  // The input's name as messages give it: the path as given, or "<stdin>".
  const std::string& file() const { return file_; }

  // Reads the next row into *row. Returns true for a row, false at the end of the input.
  // A row error (InvalidData) comes with the bad row in *row, its fields as best read, so
  // that the caller can reject row->text; the next call goes on with the row after it:
  //   - the row has more or fewer fields than the header has columns;
  //   - a quote inside an unquoted field, or text between a closing quote and the comma;
  //   - a quoted field still open at the end of the file (located at its opening quote;
  //     the row then runs to the end of the file);
  //   - bytes that are not UTF-8 (UTF-8 mode) or not GB18030 (GB18030 mode). In GB18030
  //     mode row->text carries each such byte unconverted.
  // A stopping error (IoError when the input cannot be read; InvalidData for a row longer
  // than Options::max_row) sets stopped(), and every later call returns it again.
  Result<bool> Next(CsvRow* row);

  // True after a stopping error: the caller must give up on this input.
  bool stopped() const { return !stop_.ok(); }

  // An InvalidData error located at byte `offset` of row.text, e.g. at row.starts[i] for a
  // value that a tool cannot use. REQUIRES: `row` is the row Next() last filled.
  Status ErrorAt(const CsvRow& row, size_t offset, std::string_view message) const;

 private:
  explicit CsvReader(const Options& options);

  enum class Scan { kRow, kNeedMore };
  // Splits the row at buffer_[begin_, end_) into *row, or asks for more input.
  Scan ScanRow(CsvRow* row);
  Scan ScanQuotedRow(CsvRow* row, const char* nl);
  Status Fill();  // reads (and converts) one more chunk to the buffer; sets eof_
  Status ReadChunk(char* dest, size_t* got);
  void Reserve(size_t bytes);           // room for `bytes` more bytes after end_
  Status Convert();                     // iconv raw_ into the buffer, keeping a cut character
  Status CheckText(const CsvRow& row);  // UTF-8 validity of row.text
  Status ReadHeader();
  void Flag(size_t offset, std::string_view message);  // the row's first error
  Status LocatedError(const CsvRow& row, size_t offset, std::string_view message) const;

  Options options_;
  std::string file_;
  int fd_ = -1;
  iconv_t iconv_ = reinterpret_cast<iconv_t>(-1);
  std::vector<std::string> header_;

  std::unique_ptr<char[]> buffer_;  // UTF-8 text; unread bytes are [begin_, end_)
  size_t capacity_ = 0;
  size_t begin_ = 0, end_ = 0;
  size_t valid_until_ = 0;  // buffer_[begin_, valid_until_) is known to be valid UTF-8
  bool eof_ = false;
  std::unique_ptr<char[]> raw_;  // GB18030 bytes not yet converted
  size_t raw_size_ = 0;

  uint64_t line_ = 1;       // the line at begin_
  std::string scratch_;     // values of quoted fields that held doubled quotes
  size_t row_end_ = 0;      // past the scanned row's line end
  uint64_t row_lines_ = 0;  // line ends in the scanned row, its own included
  size_t error_offset_ = 0;
  std::string error_;      // the scanned row's first error; empty when none
  size_t open_quote_ = 0;  // with kNeedMore: the open quoted field's quote, or npos
  Status stop_;
};

// Appends `row` to *out as one JSON object: a string member per column, in header order,
// e.g. {"name":"上海某某商贸有限公司","code":"9131..."}.
// REQUIRES: row.fields.size() == header.size() (Next() returned true).
void AppendCsvRowJson(const std::vector<std::string>& header, const CsvRow& row, std::string* out);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CSV_READER_H_
