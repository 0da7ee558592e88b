#include "common/csv_reader.h"

#include <fcntl.h>
#include <iconv.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>

#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

using testing::TempDir;
using V = std::vector<std::string>;

// What a reader handed out, row by row: "L<line>: f1|f2|..." for a row, "L<line>: error
// <message>" for a row error, and the stopping error last, if any.
struct Read {
  V header;
  V rows;
  V texts;  // each row's raw text
  Status open_status;
  Status stop;
};

CsvReader::Options Opts(CsvEncoding encoding = CsvEncoding::kUtf8, size_t chunk = 1 << 20) {
  CsvReader::Options options;
  options.encoding = encoding;
  options.chunk_size = chunk;
  return options;
}

std::string Join(const std::vector<std::string_view>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += '|';
    out += fields[i];
  }
  return out;
}

Read ReadFile(const std::string& path, const CsvReader::Options& options) {
  Read r;
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, options);
  if (!reader.ok()) {
    r.open_status = reader.status();
    return r;
  }
  r.header = (*reader)->header();
  CsvRow row;
  for (;;) {
    Result<bool> more = (*reader)->Next(&row);
    if (!more.ok() && (*reader)->stopped()) {
      r.stop = more.status();
      break;
    }
    if (more.ok() && !*more) break;
    std::string what = more.ok() ? Join(row.fields) : "error " + more.status().ToString();
    r.rows.push_back("L" + std::to_string(row.line) + ": " + what);
    r.texts.emplace_back(row.text);
  }
  return r;
}

Read ReadText(std::string_view text, const CsvReader::Options& options = Opts()) {
  TempDir dir;
  return ReadFile(dir.Write("in.csv", text), options);
}

// The whole-text error of a file that does not open, with its name cut to "in.csv".
std::string OpenError(std::string_view text, const CsvReader::Options& options = Opts()) {
  TempDir dir;
  std::string path = dir.Write("in.csv", text);
  Read r = ReadFile(path, options);
  std::string s = r.open_status.ToString();
  if (s.compare(0, path.size(), path) == 0) s = "in.csv" + s.substr(path.size());
  return s;
}

// Row errors and stop errors with the file's path cut to "in.csv".
V Cut(V rows, const std::string& prefix) {
  for (std::string& row : rows) {
    size_t at = row.find(prefix);
    if (at != std::string::npos) row.replace(at, prefix.size(), "in.csv");
  }
  return rows;
}

V RowsOf(std::string_view text, const CsvReader::Options& options = Opts()) {
  TempDir dir;
  std::string path = dir.Write("in.csv", text);
  Read r = ReadFile(path, options);
  REQUIRE(r.open_status.ok());
  return Cut(r.rows, path);
}

std::string ToGb18030(std::string_view utf8) {
  iconv_t cd = ::iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t out_left = out.size();
  size_t rc = ::iconv(cd, &in, &in_left, &o, &out_left);
  ::iconv_close(cd);
  REQUIRE(rc != static_cast<size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

TEST_CASE("csv: quoted fields, doubled quotes, commas and line ends inside", "[csv_reader]") {
  Read r = ReadText(
      "name,note\n"
      "\"上海某某商贸有限公司\",\"a \"\"quoted\"\" word\"\n"
      "\"x, y\",\"two\nlines\"\n"
      "plain,\"\"\n"
      "\"\"\"\",end\n");
  REQUIRE(r.open_status.ok());
  CHECK(r.header == V{"name", "note"});
  CHECK(r.rows == V{"L2: 上海某某商贸有限公司|a \"quoted\" word", "L3: x, y|two\nlines",
                    "L5: plain|", "L6: \"|end"});
  CHECK(r.texts[1] == "\"x, y\",\"two\nlines\"");
}

TEST_CASE("csv: CRLF, a byte-order mark, blank lines, a last line without a line end",
          "[csv_reader]") {
  Read r = ReadText(
      "\xEF\xBB\xBF"
      "a,b\r\n1,2\r\n\r\n\n3,\"4\r\n5\"\r\n6,7");
  REQUIRE(r.open_status.ok());
  CHECK(r.header == V{"a", "b"});
  CHECK(r.rows == V{"L2: 1|2", "L5: 3|4\r\n5", "L7: 6|7"});
  CHECK(r.texts == V{"1,2", "3,\"4\r\n5\"", "6,7"});
}

TEST_CASE("csv: whitespace around fields is kept; a lone CR is data", "[csv_reader]") {
  CHECK(RowsOf("a,b\n x , y \n1\r2,3\n") == V{"L2:  x | y ", "L3: 1\r2|3"});
  CHECK(RowsOf("a\n\"x\"\n") == V{"L2: x"});
  CHECK(RowsOf("a,b\n,\n") == V{"L2: |"});
}

TEST_CASE("csv: a row as a JSON object of strings in header order", "[csv_reader]") {
  TempDir dir;
  std::string path =
      dir.Write("in.csv", "名称,code,note\n上海某某商贸有限公司,007,\"say \"\"hi\"\"\"\n");
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, Opts());
  REQUIRE(reader.ok());
  CsvRow row;
  Result<bool> more = (*reader)->Next(&row);
  REQUIRE((more.ok() && *more));
  std::string json;
  AppendCsvRowJson((*reader)->header(), row, &json);
  CHECK(json == R"({"名称":"上海某某商贸有限公司","code":"007","note":"say \"hi\""})");
  more = (*reader)->Next(&row);
  CHECK((more.ok() && !*more));
}

TEST_CASE("csv: --encoding names", "[csv_reader]") {
  CHECK(*ParseCsvEncoding("UTF-8") == CsvEncoding::kUtf8);
  CHECK(*ParseCsvEncoding("utf8") == CsvEncoding::kUtf8);
  CHECK(*ParseCsvEncoding("GB18030") == CsvEncoding::kGb18030);
  CHECK(*ParseCsvEncoding("gbk") == CsvEncoding::kGb18030);
  Result<CsvEncoding> bad = ParseCsvEncoding("latin1");
  REQUIRE(!bad.ok());
  CHECK(bad.status().IsUsage());
  CHECK(bad.status().ToString() == "unknown encoding 'latin1' (use utf-8 or gb18030)");
}

TEST_CASE("csv: a ragged row is an error located at its start or its extra field", "[csv_reader]") {
  CHECK(RowsOf("a,b,c\n1,2\n1,2,3,4\n5,6,7\n") ==
        V{"L2: error in.csv:2:1: row has 2 fields; the header has 3 (each row has a value for "
          "every column, empty or not)\n"
          "    1,2\n"
          "    ^",
          "L3: error in.csv:3:7: row has 4 fields; the header has 3 (quote a field that holds a "
          "comma)\n"
          "    1,2,3,4\n"
          "          ^",
          "L4: 5|6|7"});
}

TEST_CASE("csv: quotes in the wrong place are errors, and reading goes on", "[csv_reader]") {
  TempDir dir;
  std::string path = dir.Write("in.csv", "a,b\nab\"c,d\n\"x\"y,z\n\"q\"\rr,1\nok,\"fine\"\n");
  Read r = ReadFile(path, Opts());
  REQUIRE(r.open_status.ok());
  CHECK(Cut(r.rows, path) ==
        V{"L2: error in.csv:2:3: a quote inside an unquoted field: quote the whole field and "
          "double the quote (\"\")\n"
          "    ab\"c,d\n"
          "      ^",
          "L3: error in.csv:3:3: text after a closing quote: a quote inside a quoted field is "
          "doubled (\"\"), and the field ends at its closing quote\n"
          "    \"x\"y,z\n"
          "      ^",
          "L4: error in.csv:4:3: text after a closing quote: a quote inside a quoted field is "
          "doubled (\"\"), and the field ends at its closing quote\n"
          "    \"q\" r,1\n"  // the CR shown as a space
          "      ^",
          "L5: ok|fine"});
  // The raw rows, for a rejects file.
  CHECK(r.texts == V{"ab\"c,d", "\"x\"y,z", "\"q\"\rr,1", "ok,\"fine\""});
}

TEST_CASE("csv: a quoted field open at the end of the file is located at its quote",
          "[csv_reader]") {
  TempDir dir;
  std::string path = dir.Write("in.csv", "a,b\n1,2\n3,\"four\nfive\n6,7\n");
  Read r = ReadFile(path, Opts());
  REQUIRE(r.open_status.ok());
  CHECK(Cut(r.rows, path) ==
        V{"L2: 1|2",
          "L3: error in.csv:3:3: a quoted field is still open at the end of the file: close it "
          "with a quote (\"), and double each quote inside it\n"
          "    3,\"four\n"
          "      ^"});
  CHECK(r.texts[1] == "3,\"four\nfive\n6,7\n");
  CHECK(r.stop.ok());
}

TEST_CASE("csv: an error on a later line of a row is located on that line", "[csv_reader]") {
  CHECK(RowsOf("a,b\n\"1\n2\",x\"y\nz,w\n") ==
        V{"L2: error in.csv:3:5: a quote inside an unquoted field: quote the whole field and "
          "double the quote (\"\")\n"
          "    2\",x\"y\n"
          "        ^",
          "L4: z|w"});
}

TEST_CASE("csv: invalid UTF-8 names the byte and suggests GB18030", "[csv_reader]") {
  // 上海 in GB18030.
  CHECK(RowsOf("name,n\nab\xC9\xCF\xBA\xA3,1\nok,2\n") ==
        V{"L2: error in.csv:2:3: invalid UTF-8 (byte 0xC9); if this file is GB18030 (GBK), "
          "read it with --encoding gb18030\n"
          "    ab\\xc9Ϻ\\xa3,1\n"  // CF BA happens to be UTF-8
          "      ^",
          "L3: ok|2"});
  CHECK(OpenError("\xC3\x28,b\n") ==
        "in.csv:1:1: invalid UTF-8 (byte 0xC3); if this file is GB18030 (GBK), read it with "
        "--encoding gb18030\n"
        "    \\xc3(,b\n"
        "    ^");
}

TEST_CASE("csv: the header must be there, its names present and distinct", "[csv_reader]") {
  CHECK(OpenError("") ==
        "in.csv:1: the file is empty: a CSV register starts with a header row naming its "
        "columns");
  CHECK(OpenError("\n\r\n") ==
        "in.csv:1: the file is empty: a CSV register starts with a header row naming its "
        "columns");
  CHECK(OpenError("a,,b\n") ==
        "in.csv:1:3: column 2 of the header has no name: give every column a name\n"
        "    a,,b\n"
        "      ^");
  CHECK(OpenError("名称,code,名称\n") ==
        "in.csv:1:13: column '名称' appears twice in the header (columns 1 and 3): give each "
        "column its own name\n"
        "    名称,code,名称\n"
        "              ^");
  CHECK(OpenError("a,\"b\"c\n") ==
        "in.csv:1:5: text after a closing quote: a quote inside a quoted field is doubled "
        "(\"\"), and the field ends at its closing quote\n"
        "    a,\"b\"c\n"
        "        ^");
  Read r = ReadText("only\n");
  REQUIRE(r.open_status.ok());
  CHECK(r.header == V{"only"});
  CHECK(r.rows.empty());
}

TEST_CASE("csv: a file that cannot be opened is an I/O error", "[csv_reader]") {
  TempDir dir;
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(dir.File("missing.csv"), Opts());
  REQUIRE(!reader.ok());
  CHECK(reader.status().IsIoError());
  CHECK(reader.status().ToString() ==
        "cannot open '" + dir.File("missing.csv") + "': No such file or directory");
  Result<std::unique_ptr<CsvReader>> folder = CsvReader::Open(dir.path(), Opts());
  REQUIRE(!folder.ok());
  CHECK(folder.status().IsIoError());
  CHECK(folder.status().ToString() == "cannot read '" + dir.path() + "': Is a directory");
}

TEST_CASE("csv: standard input is '-', named <stdin>", "[csv_reader]") {
  TempDir dir;
  std::string path = dir.Write("in.csv", "a,b\n1\n");
  int saved = ::dup(STDIN_FILENO);
  int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(::dup2(fd, STDIN_FILENO) == STDIN_FILENO);
  ::close(fd);
  Read r = ReadFile("-", Opts());
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  CHECK(r.rows == V{"L2: error <stdin>:2:1: row has 1 field; the header has 2 (each row has a "
                    "value for every column, empty or not)\n"
                    "    1\n"
                    "    ^"});
}

TEST_CASE("csv: a row longer than max_row stops the reader at the open quote", "[csv_reader]") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 30; ++i) lines += "xxxxxxxx\n";
  std::string path = dir.Write("in.csv", "a,b\n1,2\n3,\"" + lines + "4,5\n");
  CsvReader::Options options = Opts(CsvEncoding::kUtf8, 16);
  options.max_row = 100;
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, options);
  REQUIRE(reader.ok());
  CsvRow row;
  Result<bool> more = (*reader)->Next(&row);
  REQUIRE((more.ok() && *more));
  more = (*reader)->Next(&row);
  REQUIRE(!more.ok());
  CHECK((*reader)->stopped());
  CHECK(more.status().IsInvalidData());
  std::string message = Cut({more.status().ToString()}, path)[0];
  CHECK(message.substr(0, message.find('\n')) ==
        "in.csv:3:3: a quoted field runs on for more than 100 bytes: is its closing quote "
        "missing?");
  Result<bool> again = (*reader)->Next(&row);
  CHECK(again.status().ToString() == more.status().ToString());

  // A long line with no quote open.
  path = dir.Write("long.csv", "a\n" + std::string(300, 'x') + "\n");
  reader = CsvReader::Open(path, options);
  REQUIRE(reader.ok());
  more = (*reader)->Next(&row);
  REQUIRE(!more.ok());
  CHECK((*reader)->stopped());
  message = Cut({more.status().ToString()}, path)[0];
  CHECK(message.substr(0, message.find('\n')) == "in.csv:2:1: row is longer than 100 bytes");
}

TEST_CASE("csv: ErrorAt locates a tool's own complaint about a value", "[csv_reader]") {
  TempDir dir;
  std::string path = dir.Write("in.csv", "name,code\n\"a\nb\",x1\n");
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, Opts());
  REQUIRE(reader.ok());
  CsvRow row;
  REQUIRE((*reader)->Next(&row).ok());
  Status s = (*reader)->ErrorAt(row, row.starts[1], "not a credit code");
  CHECK(s.IsInvalidData());
  CHECK(Cut({s.ToString()}, path) == V{"in.csv:3:4: not a credit code\n    b\",x1\n       ^"});
}

// 名称,住所 / 上海某某商贸有限公司,"𠀀 €" / 名称 again, in GB18030 bytes.
constexpr std::string_view kGbCsv =
    "\xC3\xFB\xB3\xC6,\xD7\xA1\xCB\xF9\r\n"
    "\xC9\xCF\xBA\xA3\xC4\xB3\xC4\xB3\xC9\xCC\xC3\xB3\xD3\xD0\xCF\xDE\xB9\xAB\xCB\xBE,"
    "\"\x95\x32\x82\x36 \xA2\xE3\"\r\n"
    "\xC3\xFB\xB3\xC6,x";

TEST_CASE("csv: GB18030 is converted, characters cut by any chunk boundary", "[csv_reader]") {
  for (size_t chunk : {1, 2, 3, 4, 5, 7, 64, 1 << 20}) {
    CAPTURE(chunk);
    Read r = ReadText(kGbCsv, Opts(CsvEncoding::kGb18030, chunk));
    REQUIRE(r.open_status.ok());
    CHECK(r.header == V{"名称", "住所"});
    CHECK(r.rows == V{"L2: 上海某某商贸有限公司|𠀀 €", "L3: 名称|x"});
  }
  // A GB18030 byte-order mark is skipped like a UTF-8 one.
  Read r = ReadText(std::string("\x84\x31\x95\x33") + std::string(kGbCsv),
                    Opts(CsvEncoding::kGb18030, 3));
  CHECK(r.header == V{"名称", "住所"});
}

TEST_CASE("csv: bytes that are not GB18030 are row errors", "[csv_reader]") {
  for (size_t chunk : {1, 3, 1 << 20}) {
    CAPTURE(chunk);
    CHECK(RowsOf("a,b\n1,\xC3\xFB\x80z\nok,2\n3,\xC3", Opts(CsvEncoding::kGb18030, chunk)) ==
          V{"L2: error in.csv:2:6: byte 0x80 is not GB18030 text; if this file is UTF-8, read "
            "it with --encoding utf-8\n"
            "    1,名\\x80z\n"
            "        ^",
            "L3: ok|2",
            "L4: error in.csv:4:3: byte 0xC3 is not GB18030 text; if this file is UTF-8, read "
            "it with --encoding utf-8\n"
            "    3,\\xc3\n"
            "      ^"});
  }
}

// ---- the naive reference twin ------------------------------------------------------
// A whole-text RFC 4180 reader, one byte at a time, with the same recovery after errors;
// for tests only, never for production. Its rows are printed as ReadFile prints the
// reader's, but errors only as "L<line>: error <line>:<col> <kind>".

struct RefRow {
  std::vector<std::string> fields;
  std::vector<size_t> starts;
  std::string text;
  uint64_t line = 0;
  std::string kind;  // of the first error; empty when none
  size_t error_offset = 0;
};

std::string RefWhere(const RefRow& row, size_t offset) {
  uint64_t line = row.line;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < row.text.size(); ++i) {
    if (row.text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

std::vector<RefRow> RefParse(std::string_view s) {
  std::vector<RefRow> rows;
  size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const size_t n = s.size();
  uint64_t line = 1;
  while (i < n) {
    if (s[i] == '\n') {
      ++i, ++line;
      continue;
    }
    if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
      i += 2, ++line;
      continue;
    }
    RefRow row;
    row.line = line;
    const size_t row_start = i;
    auto flag = [&](std::string kind, size_t at) {
      if (row.kind.empty()) {
        row.kind = std::move(kind);
        row.error_offset = at - row_start;
      }
    };
    size_t text_end = 0, row_end = 0;
    // Reads an unquoted run from `from` to a comma or line end; returns whether the row
    // goes on.
    auto run = [&](size_t field_start, size_t from, bool quoted) {
      size_t m = from;
      while (m < n && s[m] != ',' && s[m] != '\n') ++m;
      size_t fe = m;
      if (m < n && s[m] == '\n' && fe > from && s[fe - 1] == '\r') --fe;
      if (!quoted) {
        for (size_t k = from; k < fe; ++k) {
          if (s[k] == '"') {
            flag("quote", k);
            break;
          }
        }
      }
      row.fields.emplace_back(s.substr(field_start, fe - field_start));
      if (m < n && s[m] == ',') {
        i = m + 1;
        return true;
      }
      text_end = fe;
      row_end = m < n ? m + 1 : n;
      return false;
    };
    for (bool more = true; more;) {
      const size_t f = i;
      row.starts.push_back(f - row_start);
      if (i < n && s[i] == '"') {
        std::string value;
        size_t j = i + 1;
        for (;;) {
          if (j == n) break;
          if (s[j] == '"') {
            if (j + 1 < n && s[j + 1] == '"') {
              value += '"';
              j += 2;
              continue;
            }
            break;
          }
          value += s[j++];
        }
        if (j == n) {
          flag("open", f);
          row.fields.emplace_back(s.substr(f));
          text_end = row_end = n;
          break;
        }
        const size_t k = j + 1;
        if (k == n || s[k] == '\n' || (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n')) {
          row.fields.push_back(value);
          text_end = k;
          row_end = k == n ? n : s[k] == '\n' ? k + 1 : k + 2;
          break;
        }
        if (s[k] == ',') {
          row.fields.push_back(value);
          i = k + 1;
          continue;
        }
        flag("after", j);
        more = run(f, k, true);
      } else {
        more = run(f, i, false);
      }
    }
    row.text = std::string(s.substr(row_start, text_end - row_start));
    for (size_t k = row_start; k < row_end; ++k) line += s[k] == '\n' ? 1 : 0;
    i = row_end;
    rows.push_back(std::move(row));
  }
  return rows;
}

// The reference's reading of a whole text: the open error, or the rows.
V RefRead(std::string_view text) {
  std::vector<RefRow> rows = RefParse(text);
  if (rows.empty()) return {"open error 1:0 empty"};
  const RefRow& head = rows[0];
  if (!head.kind.empty()) {
    return {"open error " + RefWhere(head, head.error_offset) + " " + head.kind};
  }
  for (size_t i = 0; i < head.fields.size(); ++i) {
    if (head.fields[i].empty()) return {"open error " + RefWhere(head, head.starts[i]) + " noname"};
    for (size_t k = 0; k < i; ++k) {
      if (head.fields[k] == head.fields[i]) {
        return {"open error " + RefWhere(head, head.starts[i]) + " twice"};
      }
    }
  }
  V out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const RefRow& row = rows[r];
    std::string what;
    if (!row.kind.empty()) {
      what = "error " + RefWhere(row, row.error_offset) + " " + row.kind;
    } else if (row.fields.size() != head.fields.size()) {
      bool more = row.fields.size() > head.fields.size();
      what = "error " + RefWhere(row, more ? row.starts[head.fields.size()] : 0) + " count";
    } else {
      for (size_t k = 0; k < row.fields.size(); ++k) what += (k ? "|" : "") + row.fields[k];
    }
    out.push_back("L" + std::to_string(row.line) + ": " + what + " [" + row.text + "]");
  }
  return out;
}

std::string Kind(const Status& s) {
  std::string_view m = s.message();
  if (m.starts_with("a quote inside an unquoted")) return "quote";
  if (m.starts_with("text after a closing quote")) return "after";
  if (m.starts_with("a quoted field is still open")) return "open";
  if (m.starts_with("row has ")) return "count";
  if (m.starts_with("the file is empty")) return "empty";
  if (m.find("has no name") != std::string_view::npos) return "noname";
  if (m.find("appears twice") != std::string_view::npos) return "twice";
  return std::string(m);
}

std::string Where(const Status& s) {
  const Location* loc = s.location();
  if (loc == nullptr) return "?";
  return std::to_string(loc->line) + ":" + std::to_string(loc->column);
}

// The streaming reader's reading, printed as RefRead prints.
V StreamRead(const std::string& path, const CsvReader::Options& options) {
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path, options);
  if (!reader.ok()) {
    return {"open error " + Where(reader.status()) + " " + Kind(reader.status())};
  }
  V out;
  CsvRow row;
  for (;;) {
    Result<bool> more = (*reader)->Next(&row);
    if (more.ok() && !*more) break;
    if (!more.ok() && (*reader)->stopped()) {
      out.push_back("stopped: " + more.status().ToString());
      break;
    }
    std::string what =
        more.ok() ? Join(row.fields) : "error " + Where(more.status()) + " " + Kind(more.status());
    out.push_back("L" + std::to_string(row.line) + ": " + what + " [" + std::string(row.text) +
                  "]");
  }
  return out;
}

std::string RandomCsv(std::mt19937* rng) {
  auto pick = [&](size_t n) { return static_cast<size_t>((*rng)() % n); };
  static const std::vector<std::string> kPieces = {"a",  "b",  " ",  ",",  "\"", "\r",
                                                   "\n", "上", "海", "某", "司", "\r\n"};
  std::string out;
  if (pick(4) == 0) {  // bytes with no structure at all
    const size_t len = pick(40);
    for (size_t i = 0; i < len; ++i) out += kPieces[pick(kPieces.size())];
    return out;
  }
  if (pick(8) == 0) out += "\xEF\xBB\xBF";
  const size_t columns = 1 + pick(4);
  for (size_t c = 0; c < columns; ++c) out += (c ? "," : "") + std::string("列") + char('a' + c);
  const size_t rows = pick(8);
  for (size_t r = 0; r < rows; ++r) {
    out += pick(2) ? "\n" : "\r\n";
    if (pick(6) == 0) out += pick(2) ? "\n" : "\r\n";  // a blank line
    const size_t fields = pick(10) == 0 ? 1 + pick(columns + 1) : columns;
    for (size_t f = 0; f < fields; ++f) {
      if (f > 0) out += ',';
      std::string value;
      const size_t len = pick(6);
      for (size_t k = 0; k < len; ++k) value += kPieces[pick(kPieces.size())];
      const bool needs = value.find_first_of(",\"\r\n") != std::string::npos;
      if (needs || pick(3) == 0) {
        std::string quoted = "\"";
        for (char ch : value) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        if (pick(30) != 0) quoted += '"';  // now and then, no closing quote
        if (pick(30) == 0) quoted += 'x';  // or text after it
        value = quoted;
      } else if (pick(30) == 0) {
        value += '"';  // a stray quote
      }
      out += value;
    }
  }
  if (pick(2) == 0) out += pick(2) ? "\n" : "\r\n";
  return out;
}

TEST_CASE("csv: the streaming reader agrees with a naive whole-text reader",
          "[csv_reader][reference]") {
  TempDir dir;
  std::mt19937 rng(20240611);
  const std::vector<size_t> chunks = {1, 2, 3, 7, 64, size_t{1} << 20};
  for (int t = 0; t < 3000; ++t) {
    const std::string text = RandomCsv(&rng);
    CAPTURE(t, text);
    const V expected = RefRead(text);
    const std::string path = dir.Write("r.csv", text);
    for (size_t chunk : chunks) {
      CAPTURE(chunk);
      REQUIRE(StreamRead(path, Opts(CsvEncoding::kUtf8, chunk)) == expected);
    }
    if (t % 4 == 0) {  // the same text as GB18030
      const std::string gb_path = dir.Write("r-gb.csv", ToGb18030(text));
      for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{1} << 20}) {
        CAPTURE(chunk);
        REQUIRE(StreamRead(gb_path, Opts(CsvEncoding::kGb18030, chunk)) == expected);
      }
    }
  }
}

}  // namespace
}  // namespace casesift
