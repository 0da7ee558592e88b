#include "common/jsonl_reader.h"

#include <catch2/catch.hpp>
#include <random>

#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

using testing::TempDir;

struct Read {
  std::vector<std::string> texts;
  std::vector<std::string> where;  // "file:line"
  Status status;
};

Read ReadAll(JsonlReader* reader) {
  Read r;
  JsonlReader::Record rec;
  while (reader->Next(&rec)) {
    r.texts.emplace_back(rec.text);
    r.where.push_back(*rec.file + ":" + std::to_string(rec.line));
    REQUIRE(rec.root.type() == simdjson::dom::element_type::OBJECT);
  }
  r.status = reader->status();
  return r;
}

Read ReadFiles(std::vector<std::string> files, BadRecords* bad = nullptr, size_t buffer = 4 << 20,
               size_t max_line = 64 << 20) {
  JsonlReader::Options options;
  options.inputs = std::move(files);
  options.buffer_size = buffer;
  options.max_line = max_line;
  JsonlReader reader(options, bad);
  return ReadAll(&reader);
}

using V = std::vector<std::string>;

TEST_CASE("records come out byte for byte with their lines", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("a.jsonl", "{\"a\":1}\n{ \"b\" : [1, 2] }\n\n   \n{\"c\":\"王\"}");
  Read r = ReadFiles({f});
  REQUIRE(r.status.ok());
  CHECK(r.texts == V{"{\"a\":1}", "{ \"b\" : [1, 2] }", "{\"c\":\"王\"}"});
  CHECK(r.where == V{f + ":1", f + ":2", f + ":5"});
}

TEST_CASE("CRLF line ends and a byte-order mark are tolerated", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("a.jsonl", "\xEF\xBB\xBF{\"a\":1}\r\n{\"b\":2}\r\n\r\n");
  Read r = ReadFiles({f});
  REQUIRE(r.status.ok());
  CHECK(r.texts == V{"{\"a\":1}", "{\"b\":2}"});
}

TEST_CASE("a record's offset is where its text starts in its input", "[jsonl_reader]") {
  TempDir dir;
  // A byte-order mark, CRLF, blank lines, no final newline; a second file starts again at 0.
  std::string a_text = "\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{ \"b\" : [1, 2] }\n{\"c\":\"\u738b\"}";
  std::string b_text = "\n{\"d\":\"" + std::string(100, 'x') + "\"}\n";
  std::string a = dir.Write("a.jsonl", a_text);
  std::string b = dir.Write("b.jsonl", b_text);
  // A small buffer too: lines are moved to its front and it grows, offsets stay right.
  for (size_t buffer : {size_t{4} << 20, size_t{16}, size_t{64}}) {
    JsonlReader::Options options;
    options.inputs = {a, b};
    options.buffer_size = buffer;
    for (bool parse : {true, false}) {
      JsonlReader reader(options, nullptr);
      reader.SetParse(parse);
      JsonlReader::Record rec;
      size_t n = 0;
      while (reader.Next(&rec)) {
        const std::string& whole = *rec.file == a ? a_text : b_text;
        INFO(buffer << " " << rec.text);
        REQUIRE(rec.offset + rec.text.size() <= whole.size());
        CHECK(whole.substr(rec.offset, rec.text.size()) == rec.text);
        ++n;
      }
      REQUIRE(reader.status().ok());
      CHECK(n == 4);
    }
  }
}

TEST_CASE("several files are one stream, lines counted per file", "[jsonl_reader]") {
  TempDir dir;
  std::string a = dir.Write("a", "{\"n\":1}\n{\"n\":2}");  // no final newline
  std::string b = dir.Write("b", "{\"n\":3}\n");
  std::string empty = dir.Write("e", "");
  Read r = ReadFiles({a, empty, b});
  REQUIRE(r.status.ok());
  CHECK(r.texts == V{"{\"n\":1}", "{\"n\":2}", "{\"n\":3}"});
  CHECK(r.where == V{a + ":1", a + ":2", b + ":1"});
}

TEST_CASE("a malformed record stops the run at its line and column", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("in.jsonl", "{\"a\":1}\n{\"a\":1 \"b\":2}\n{\"c\":3}\n");
  Read r = ReadFiles({f});
  CHECK(r.texts == V{"{\"a\":1}"});
  CHECK(r.status.IsInvalidData());
  CHECK(r.status.ToString() == f + ":2:8: expected ',' or '}' after object member\n"
                                   "    {\"a\":1 \"b\":2}\n"
                                   "           ^");
}

TEST_CASE("values that are not objects are malformed records", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("in.jsonl", "  [1,2]\n");
  Read r = ReadFiles({f});
  CHECK(r.status.ToString() == f + ":1:3: expected a JSON object, found an array\n"
                                   "      [1,2]\n"
                                   "      ^");
  f = dir.Write("s.jsonl", "\"text\"\n");
  CHECK(ReadFiles({f}).status.message() == "expected a JSON object, found a string");
  f = dir.Write("n.jsonl", "null\n");
  CHECK(ReadFiles({f}).status.message() == "expected a JSON object, found null");
}

TEST_CASE("invalid UTF-8 and numbers that do not fit are malformed", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("u.jsonl", "{\"name\":\"\xE7\x8E\x8B\xFF\"}\n");
  Read r = ReadFiles({f});
  CHECK(r.status.IsInvalidData());
  REQUIRE(r.status.location() != nullptr);
  CHECK(r.status.location()->column == 13);
  f = dir.Write("n.jsonl", "{\"n\":18446744073709551616}\n");
  r = ReadFiles({f});
  CHECK(r.status.IsInvalidData());
  REQUIRE(r.status.location() != nullptr);
  CHECK(r.status.location()->column == 6);
}

TEST_CASE("skip mode writes the bad lines, unchanged, to the rejects", "[jsonl_reader]") {
  TempDir dir;
  std::string f =
      dir.Write("in.jsonl", "{\"a\":1}\nnot json\n{\"b\":2}\n[3]\r\n{\"c\":\n{\"d\":4}");
  auto rejects = Output::Open(dir.File("bad.jsonl"));
  REQUIRE(rejects.ok());
  BadRecords bad(OnError::kSkip, rejects->get());
  Read r = ReadFiles({f}, &bad);
  REQUIRE(r.status.ok());
  CHECK(r.texts == V{"{\"a\":1}", "{\"b\":2}", "{\"d\":4}"});
  CHECK(bad.count() == 3);
  REQUIRE((*rejects)->Commit().ok());
  CHECK(TempDir::Read(dir.File("bad.jsonl")) == "not json\n[3]\n{\"c\":\n");
}

TEST_CASE("a line over --max-line is rejected without holding it", "[jsonl_reader]") {
  TempDir dir;
  std::string long_line = "{\"x\":\"" + std::string(5000, 'y') + "\"}";
  std::string f = dir.Write("in.jsonl", "{\"a\":1}\n" + long_line + "\n{\"b\":2}\n" + long_line);
  SECTION("fail mode names the limit") {
    Read r = ReadFiles({f}, nullptr, 256, 1000);
    CHECK(r.texts == V{"{\"a\":1}"});
    CHECK(r.status.ToString() == f + ":2:1001: line is longer than --max-line (1000 bytes)");
  }
  SECTION("skip mode streams it to the rejects") {
    auto rejects = Output::Open(dir.File("bad"));
    REQUIRE(rejects.ok());
    BadRecords bad(OnError::kSkip, rejects->get());
    Read r = ReadFiles({f}, &bad, 256, 1000);
    REQUIRE(r.status.ok());
    CHECK(r.texts == V{"{\"a\":1}", "{\"b\":2}"});
    CHECK(r.where == V{f + ":1", f + ":3"});
    CHECK(bad.count() == 2);
    REQUIRE((*rejects)->Commit().ok());
    CHECK(TempDir::Read(dir.File("bad")) == long_line + "\n" + long_line + "\n");
  }
  SECTION("a line that fits in the buffer but not the limit is rejected too") {
    Read r = ReadFiles({f}, nullptr, 1 << 20, 100);
    CHECK(r.status.ToString().rfind(f + ":2:101: line is longer than --max-line (100 bytes)", 0) ==
          0);
  }
}

TEST_CASE("missing and unreadable inputs are system errors", "[jsonl_reader]") {
  TempDir dir;
  JsonlReader::Options options;
  options.inputs = {dir.File("nope.jsonl")};
  JsonlReader reader(options, nullptr);
  CHECK(reader.CheckInputs().ToString() ==
        "cannot open '" + dir.File("nope.jsonl") + "': No such file or directory");
  Read r = ReadAll(&reader);
  CHECK(r.status.IsIoError());
  CHECK(r.status.ToString() ==
        "cannot open '" + dir.File("nope.jsonl") + "': No such file or directory");

  options.inputs = {dir.path()};
  JsonlReader dir_reader(options, nullptr);
  CHECK(dir_reader.CheckInputs().ToString() == "cannot read '" + dir.path() + "': Is a directory");
}

TEST_CASE("CheckInputs sums the sizes of regular files", "[jsonl_reader]") {
  TempDir dir;
  JsonlReader::Options options;
  options.inputs = {dir.Write("a", "{}\n"), dir.Write("b", "{\"x\":1}\n")};
  JsonlReader reader(options, nullptr);
  REQUIRE(reader.CheckInputs().ok());
  CHECK(reader.total_bytes() == 11);
  ReadAll(&reader);
  CHECK(reader.records() == 2);
  CHECK(reader.bytes_read() == 11);
}

TEST_CASE("ErrorAt locates a tool's own complaint about a record", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write("in", "{\"a\":1}\n{\"year\":\"x\"}\n");
  JsonlReader::Options options;
  options.inputs = {f};
  JsonlReader reader(options, nullptr);
  JsonlReader::Record rec;
  REQUIRE(reader.Next(&rec));
  REQUIRE(reader.Next(&rec));
  CHECK(reader.ErrorAt(rec, 8, "year must be a number").ToString() ==
        f + ":2:9: year must be a number\n    {\"year\":\"x\"}\n            ^");
}

// Reference twin: splitting by hand with std::string::find, line by line, must give the
// same records and line numbers as the buffered reader with any buffer size.
TEST_CASE("the buffered reader agrees with a naive line splitter", "[jsonl_reader][reference]") {
  TempDir dir;
  std::mt19937_64 rng(42);
  std::string content;
  V expected_texts, expected_where;
  std::string f = dir.File("gen.jsonl");
  uint64_t line = 0;
  for (int i = 0; i < 400; ++i) {
    ++line;
    switch (rng() % 6) {
      case 0:
        content += "\n";  // blank
        continue;
      case 1:
        content += "  \r\n";
        continue;
      default: {
        std::string rec = "{\"i\":" + std::to_string(i) + ",\"pad\":\"" +
                          std::string(rng() % 700, static_cast<char>('a' + rng() % 26)) + "\"}";
        content += rec + (rng() % 4 == 0 ? "\r\n" : "\n");
        expected_texts.push_back(rec);
        expected_where.push_back(f + ":" + std::to_string(line));
      }
    }
  }
  dir.Write("gen.jsonl", content);
  for (size_t buffer : {64, 100, 777, 4096, 1 << 20}) {
    Read r = ReadFiles({f}, nullptr, buffer);
    REQUIRE(r.status.ok());
    CHECK(r.texts == expected_texts);
    CHECK(r.where == expected_where);
  }
}

}  // namespace
const std::string kKeep = "keep";

TEST_CASE("a line filter passes lines over unparsed, malformed or not", "[jsonl_reader]") {
  TempDir dir;
  std::string f = dir.Write(
      "a.jsonl", "{\"k\":\"keep\"}\n{\"k\":\"drop\"}\n{broken, drop}\n{\"k\":\"keep 2\"}\n");
  JsonlReader::Options options;
  options.inputs = {f};
  JsonlReader reader(options, nullptr);
  reader.SetLineFilter(
      [](const void* word, std::string_view line) {
        return line.find(*static_cast<const std::string*>(word)) != std::string_view::npos;
      },
      &kKeep);
  Read r = ReadAll(&reader);
  CHECK(r.status.ok());  // the malformed line 3 was never parsed
  CHECK(r.texts == V{"{\"k\":\"keep\"}", "{\"k\":\"keep 2\"}"});
  CHECK(r.where == V{f + ":1", f + ":4"});
  CHECK(reader.skipped() == 2);
  CHECK(reader.records() == 2);
}

TEST_CASE("unparsed lines parsed apart give the records and errors of a parsing reader",
          "[jsonl_reader]") {
  // SetParse(false) then ParseRecord (rule-match -j): the same roots, and the same located
  // errors, byte-order mark and CR included, as a reader that parses.
  TempDir dir;
  std::string f =
      dir.Write("in.jsonl",
                "\xEF\xBB\xBF  {\"a\" 1}\r\n{\"b\":2}\n\n[3]\n{\"c\":\"\xE7\x8E\xFF\"}\n"
                "{\"n\":18446744073709551616}\n{\"d\":4}\r\n\"s\"");
  std::vector<std::string> parsed_texts, deferred_texts, parsed_errors, deferred_errors;
  {
    JsonlReader::Options options;
    options.inputs = {f};
    auto rejects = Output::Open(dir.File("r1.jsonl"));
    REQUIRE(rejects.ok());
    BadRecords bad(OnError::kSkip, rejects->get());
    JsonlReader reader(options, &bad);
    Read r = ReadAll(&reader);
    REQUIRE(r.status.ok());
    parsed_texts = r.texts;
    CHECK(bad.count() == 5);
  }
  {  // the first error, as a parsing reader reports it under --on-error=fail
    JsonlReader::Options options;
    options.inputs = {f};
    JsonlReader reader(options, nullptr);
    JsonlReader::Record rec;
    while (reader.Next(&rec)) {
    }
    parsed_errors.push_back(reader.status().ToString());
  }
  {
    JsonlReader::Options options;
    options.inputs = {f};
    JsonlReader reader(options, nullptr);
    reader.SetParse(false);
    JsonlReader::Record rec;
    simdjson::dom::parser parser;
    while (reader.Next(&rec)) {
      std::string copy(rec.text);  // unpadded: ParseRecord copies
      JsonlReader::Record apart = rec;
      apart.text = copy;
      Status st = JsonlReader::ParseRecord(&parser, &apart, /*padded=*/false);
      if (st.ok()) {
        REQUIRE(apart.root.type() == simdjson::dom::element_type::OBJECT);
        deferred_texts.push_back(copy);
      } else {
        deferred_errors.push_back(st.ToString());
      }
    }
    REQUIRE(reader.status().ok());
  }
  CHECK(deferred_texts == parsed_texts);
  CHECK(deferred_texts == V{"{\"b\":2}", "{\"d\":4}"});
  REQUIRE(deferred_errors.size() == 5);
  REQUIRE(parsed_errors.size() == 1);
  CHECK(deferred_errors[0] == parsed_errors[0]);  // line 1: the column counts the BOM
  CHECK(deferred_errors[0].rfind(f + ":1:11: ", 0) == 0);
  INFO(deferred_errors[2] + "\n" + deferred_errors[3]);
  CHECK(deferred_errors[2].rfind(f + ":5:", 0) == 0);
  CHECK(deferred_errors[3].rfind(f + ":6:6: ", 0) == 0);
  CHECK(deferred_errors[1].rfind(f + ":4:1: expected a JSON object, found an array", 0) == 0);
  CHECK(deferred_errors[4].rfind(f + ":8:1: expected a JSON object, found a string", 0) == 0);
}

TEST_CASE("unparsed lines: a line over --max-line is held for the caller to reject in place",
          "[jsonl_reader]") {
  TempDir dir;
  // Line 2 fits the 256-byte read buffer but not --max-line (100); line 4 runs past the
  // buffer and is streamed into the rejects.
  std::string in_buffer = "{\"a\":\"" + std::string(150, 'x') + "\"}";
  std::string streamed = "{\"b\":\"" + std::string(1000, 'y') + "\"}";
  std::string f = dir.Write(
      "in.jsonl", "{\"n\":1}\n" + in_buffer + "\n{\"n\":3}\n" + streamed + "\r\n{\"n\":5}\n");
  auto rejects = Output::Open(dir.File("bad.jsonl"));
  REQUIRE(rejects.ok());
  BadRecords bad(OnError::kSkip, rejects->get());
  JsonlReader::Options options;
  options.inputs = {f};
  options.buffer_size = 256;
  options.max_line = 100;
  JsonlReader reader(options, &bad);
  reader.SetParse(false);
  std::vector<std::string> seen;
  JsonlReader::Record rec;
  for (;;) {
    while (reader.Next(&rec))
      seen.push_back(std::to_string(rec.line) + " " + std::string(rec.text));
    REQUIRE(reader.status().ok());
    if (!reader.holding()) break;
    seen.push_back("held, rejected " + std::to_string(bad.count() + 1));
    REQUIRE(reader.RejectHeld().ok());
    CHECK(!reader.holding());
  }
  CHECK(seen ==
        V{"1 {\"n\":1}", "held, rejected 1", "3 {\"n\":3}", "held, rejected 2", "5 {\"n\":5}"});
  REQUIRE((*rejects)->Commit().ok());
  CHECK(TempDir::Read(dir.File("bad.jsonl")) == in_buffer + "\n" + streamed + "\n");

  // Under --on-error=fail the held line is the run's error, located as Next would have.
  JsonlReader failing(options, nullptr);
  failing.SetParse(false);
  REQUIRE(failing.Next(&rec));
  CHECK(!failing.Next(&rec));
  REQUIRE(failing.holding());
  Status st = failing.RejectHeld();
  CHECK(st.ToString().rfind(f + ":2:101: line is longer than --max-line (100 bytes)", 0) == 0);
  CHECK(!failing.Next(&rec));
}

}  // namespace casesift
