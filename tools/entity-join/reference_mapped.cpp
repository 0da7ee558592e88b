// Reference::LoadMapped: a JSON Lines reference read straight from its file's mapping, in
// chunks worked on by every thread (lines split, parsed and prepared), committed in order.
#include <fmt/format.h>

#include <cstring>

#include "common/jsonl_reader.h"
#include "common/ordered_batches.h"
#include "reference.h"

namespace casesift {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A run of whole lines of the mapping, [begin, end), and what its lines give.
struct MappedBatch {
  size_t begin = 0, end = 0;
  struct Line {
    uint64_t offset = 0;  // of the text in the file
    uint32_t size = 0;    // of the text ('\r' and a byte-order mark cut)
    uint32_t line = 0;    // 1-based, within the batch
    uint32_t column_base = 0;
    bool failed = false;  // does not parse, or PrepareRow rejects it: redone in order
  };
  std::vector<Line> lines;  // the lines that are not blank
  std::vector<PreparedRow> rows;
  uint64_t line_count = 0;  // every line, blank ones too
  bool overlong = false;    // lines[size - 1] is longer than --max-line: nothing after it
  bool empty() const { return begin == end; }
};

}  // namespace

Status Reference::LoadMapped(const std::string& file, const Options& options, const JoinSpec& spec,
                             const NameNormalizer& norm, BadRecords* bad) {
  const std::string_view map = map_;
  struct Scratch {
    simdjson::dom::parser parser;
    RowScratch row;
  };
  std::vector<Scratch> scratch(options.jobs);
  constexpr size_t kChunk = size_t{1} << 15;  // about 140 rows of 230 bytes
  size_t next = 0;
  OrderedBatches<MappedBatch>::Steps steps;
  steps.read = [&](MappedBatch* batch) {
    batch->begin = next;
    size_t end = next + kChunk;
    if (end >= map.size()) {
      end = map.size();
    } else if (const void* nl = std::memchr(map.data() + end, '\n', map.size() - end)) {
      end = static_cast<size_t>(static_cast<const char*>(nl) - map.data()) + 1;
    } else {
      end = map.size();
    }
    batch->end = next = end;
    return next < map.size();
  };
  steps.clear = [](MappedBatch* batch) { batch->begin = batch->end = 0; };
  // As JsonlReader::Next and HandleLine split and cut lines.
  steps.work = [&](MappedBatch* batch, unsigned t) {
    batch->lines.clear();
    batch->line_count = 0;
    batch->overlong = false;
    size_t kept = 0;
    for (size_t at = batch->begin; at < batch->end;) {
      const void* nl = std::memchr(map.data() + at, '\n', batch->end - at);
      size_t stop =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - map.data()) : batch->end;
      std::string_view line = map.substr(at, stop - at);
      at = stop + 1;
      ++batch->line_count;
      size_t col_base = 0;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.data() == map.data() && line.substr(0, kBom.size()) == kBom) {
        line.remove_prefix(kBom.size());
        col_base = kBom.size();
      }
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      MappedBatch::Line l;
      l.offset = static_cast<uint64_t>(line.data() - map.data());
      l.size = static_cast<uint32_t>(line.size());
      l.line = static_cast<uint32_t>(batch->line_count);
      l.column_base = static_cast<uint32_t>(col_base);
      if (line.size() > options.max_line) {
        // JsonlReader rejects it, in one piece or streamed: LoadMapped hands the rest of
        // the file to one.
        batch->lines.push_back(l);
        batch->overlong = true;
        return;
      }
      if (batch->rows.size() <= kept) batch->rows.resize(kept + 1);
      PreparedRow& row = batch->rows[kept++];
      JsonlReader::Record rec;
      rec.text = line;
      rec.file = &file;
      rec.offset = l.offset;
      // simdjson reads up to SIMDJSON_PADDING bytes past the text: the file's next lines,
      // except at its end.
      bool padded = l.offset + line.size() + simdjson::SIMDJSON_PADDING <= map.size();
      l.failed = !JsonlReader::ParseRecord(&scratch[t].parser, &rec, padded).ok() ||
                 !PrepareRow(rec.root, spec, norm, options, &scratch[t].row, &row).ok();
      row.in_map = true;
      batch->lines.push_back(l);
    }
  };
  uint64_t lines_before = 0;  // in the batches committed
  uint64_t handed_out = 0;    // lines not blank, committed or rejected
  bool overlong = false;
  simdjson::dom::parser error_parser;
  steps.write = [&](MappedBatch* batch) {
    for (size_t i = 0; i < batch->lines.size(); ++i) {
      const MappedBatch::Line& l = batch->lines[i];
      if (batch->overlong && i + 1 == batch->lines.size()) {
        overlong = true;  // stops the run; its status is not returned
        return Status::InvalidData("a line over --max-line");
      }
      std::string_view text = map.substr(l.offset, l.size);
      ++handed_out;
      if (!l.failed) {
        CASESIFT_RETURN_IF_ERROR(CommitRow(batch->rows[i], text, l.offset, spec, options));
        continue;
      }
      // Rare: the error, located, as JsonlReader and AddRow would have made it.
      JsonlReader::Record rec;
      rec.text = text;
      rec.file = &file;
      rec.line = lines_before + l.line;
      rec.column_base = l.column_base;
      rec.offset = l.offset;
      Status st = JsonlReader::ParseRecord(&error_parser, &rec, /*padded=*/false);
      if (st.ok()) {
        st = PrepareRow(rec.root, spec, norm, options, &scratch_, &prepared_);
        if (!st.ok()) st = JsonlReader::ErrorAt(rec, 0, st.message());
      }
      CASESIFT_RETURN_IF_ERROR(bad->Reject(st, text));
    }
    lines_before += batch->line_count;
    return Status::OK();
  };
  Status st = OrderedBatches<MappedBatch>::Run(options.jobs, steps);
  if (!overlong) return st;
  // A line over --max-line: a JsonlReader of the file takes over after the lines handed
  // out so far, passed over unparsed, so that it rejects that line as it always does.
  JsonlReader::Options ro;
  ro.inputs = {file};
  ro.max_line = options.max_line;
  JsonlReader reader(ro, bad);
  CASESIFT_RETURN_IF_ERROR(reader.CheckInputs());
  struct Skip {
    uint64_t left;
  } skip{handed_out};
  reader.SetLineFilter(
      [](const void* context, std::string_view) {
        auto* s = static_cast<Skip*>(const_cast<void*>(context));
        if (s->left == 0) return true;
        --s->left;
        return false;
      },
      &skip);
  return LoadJsonlInParallel(&reader, options, spec, norm, bad);
}

}  // namespace casesift
