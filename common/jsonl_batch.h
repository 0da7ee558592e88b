// JsonlBatch: a run of input lines taken from a JsonlReader that does not parse them
// (SetParse(false)), for a tool that parses and works on them on other threads
// (ordered_batches.h) and writes its results in input order.
//
//   reader.SetParse(false);
//   steps.read = [&](Batch* b) { return b->lines.Fill(&reader, 256, 1 << 20); };
//   steps.work = [&](Batch* b, unsigned t) {
//     for (size_t i = 0; i < b->lines.size(); ++i) {
//       JsonlReader::Record rec = b->lines.Record(i);
//       Status st = JsonlReader::ParseRecord(&parsers[t], &rec, /*padded=*/true);
//       ...  // a malformed line: hand st and rec.text to BadRecords when writing, in order
//     }
//   };
//
// Lines over --max-line are held by the reader: after OrderedBatches::Run, a caller
// rejects them in place with JsonlReader::RejectHeld() and runs again (rule-match.cpp).
// Not thread-safe: a batch is filled by one thread, then read by one at a time.
#ifndef CASESIFT_COMMON_JSONL_BATCH_H_
#define CASESIFT_COMMON_JSONL_BATCH_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/jsonl_reader.h"

namespace casesift {

class JsonlBatch {
 public:
  // Takes lines from `reader` until the batch holds `max_lines` of them or `max_bytes`
  // bytes, and pads the text for simdjson. Returns false at the end of the input (or when
  // the reader stopped: its status() says which, or that it holds a line).
  bool Fill(JsonlReader* reader, size_t max_lines, size_t max_bytes) {
    JsonlReader::Record rec;
    bool more = true;
    while (lines_.size() < max_lines && texts_.size() < max_bytes) {
      if (!reader->Next(&rec)) {
        more = false;
        break;
      }
      if (files_.empty() || files_.back() != *rec.file) files_.push_back(*rec.file);
      size_t begin = texts_.size();
      texts_.append(rec.text);
      lines_.push_back(
          {begin, texts_.size(), files_.size() - 1, rec.line, rec.column_base, rec.offset});
    }
    texts_.append(simdjson::SIMDJSON_PADDING, ' ');
    return more;
  }

  // Empties the batch for another Fill; its buffers keep their memory.
  void Clear() {
    texts_.clear();
    files_.clear();
    lines_.clear();
  }

  size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }

  // Line i as a Record to parse (root not set). Valid while the batch lives.
  JsonlReader::Record Record(size_t i) const {
    const Line& l = lines_[i];
    JsonlReader::Record rec;
    rec.text = Text(i);
    rec.file = &files_[l.file];
    rec.line = l.line;
    rec.column_base = l.column_base;
    rec.offset = l.offset;
    return rec;
  }
  std::string_view Text(size_t i) const {
    return std::string_view(texts_).substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

 private:
  struct Line {
    size_t begin, end;  // in texts_
    size_t file;        // in files_
    uint64_t line;
    size_t column_base;
    uint64_t offset;  // in its input
  };
  std::string texts_;  // the lines, then simdjson's padding
  std::vector<std::string> files_;
  std::vector<Line> lines_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_JSONL_BATCH_H_
