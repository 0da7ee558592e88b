#include "common/csv_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "common/json_builder.h"
#include "common/utf8.h"

namespace casesift {
namespace {

constexpr std::string_view kStdinName = "<stdin>";
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr size_t kNone = std::string_view::npos;
const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

constexpr std::string_view kQuoteInUnquoted =
    "a quote inside an unquoted field: quote the whole field and double the quote (\"\")";
constexpr std::string_view kTextAfterQuote =
    "text after a closing quote: a quote inside a quoted field is doubled (\"\"), and the "
    "field ends at its closing quote";
constexpr std::string_view kUnterminated =
    "a quoted field is still open at the end of the file: close it with a quote (\"), and "
    "double each quote inside it";

// The offset of the first byte of `s` that does not begin a valid UTF-8 character, or kNone.
size_t FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = ValidUtf8Length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return kNone;
}

}  // namespace

Result<CsvEncoding> ParseCsvEncoding(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "utf-8" || lower == "utf8") return CsvEncoding::kUtf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return CsvEncoding::kGb18030;
  return Status::Usage(fmt::format("unknown encoding '{}' (use utf-8 or gb18030)", text));
}

CsvReader::CsvReader(const Options& options) : options_(options) {
  options_.chunk_size = std::max<size_t>(options_.chunk_size, 1);
  options_.max_row = std::max<size_t>(options_.max_row, 1);
  capacity_ = 2 * options_.chunk_size + 16;
  buffer_.reset(new char[capacity_]);
  if (options_.encoding == CsvEncoding::kGb18030) raw_.reset(new char[options_.chunk_size + 8]);
}

CsvReader::~CsvReader() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
  if (iconv_ != kNoIconv) ::iconv_close(iconv_);
}

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path,
                                                   const Options& options) {
  std::unique_ptr<CsvReader> reader(new CsvReader(options));
  if (path == "-") {
    reader->file_ = std::string(kStdinName);
    reader->fd_ = STDIN_FILENO;
  } else {
    reader->file_ = path;
    reader->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (reader->fd_ < 0) return Status::FromErrno(fmt::format("cannot open '{}'", path), errno);
    ::posix_fadvise(reader->fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  if (options.encoding == CsvEncoding::kGb18030) {
    reader->iconv_ = ::iconv_open("UTF-8", "GB18030");
    if (reader->iconv_ == kNoIconv) return Status::IoError("iconv cannot convert from GB18030");
  }
  CASESIFT_RETURN_IF_ERROR(reader->ReadHeader());
  return reader;
}

Status CsvReader::ReadHeader() {
  while (end_ < kBom.size() && !eof_) {
    if (Status s = Fill(); !s.ok()) return stop_ = s;
  }
  if (std::string_view(buffer_.get(), end_).substr(0, kBom.size()) == kBom) begin_ = kBom.size();

  CsvRow row;
  Result<bool> more = Next(&row);
  if (!more.ok()) return more.status();
  if (!*more) {
    return Status::InvalidData(
               "the file is empty: a CSV register starts with a header row naming its columns")
        .At(Location{file_, 1, 0});
  }
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    std::string_view name = row.fields[i];
    if (name.empty()) {
      return LocatedError(
          row, row.starts[i],
          fmt::format("column {} of the header has no name: give every column a name", i + 1));
    }
    auto [it, fresh] = seen.emplace(name, i);
    if (!fresh) {
      return LocatedError(row, row.starts[i],
                          fmt::format("column '{}' appears twice in the header (columns {} and "
                                      "{}): give each column its own name",
                                      name, it->second + 1, i + 1));
    }
  }
  header_.assign(row.fields.begin(), row.fields.end());
  return Status::OK();
}

Result<bool> CsvReader::Next(CsvRow* row) {
  if (!stop_.ok()) return stop_;
  for (;;) {
    const char* p = buffer_.get() + begin_;
    const size_t left = end_ - begin_;
    bool need_more = left == 0;
    if (left > 0 && *p == '\n') {  // a blank line
      ++begin_;
      ++line_;
      continue;
    }
    if (left > 0 && *p == '\r') {
      if (left > 1 && p[1] == '\n') {
        begin_ += 2;
        ++line_;
        continue;
      }
      need_more = left == 1 && !eof_;
    }
    if (!need_more) {
      if (ScanRow(row) == Scan::kRow) break;
      if (left >= options_.max_row) {
        CsvRow partial;
        partial.text = std::string_view(p, left);
        partial.line = line_;
        stop_ = open_quote_ != kNone
                    ? LocatedError(partial, open_quote_ - begin_,
                                   fmt::format("a quoted field runs on for more than {} bytes: "
                                               "is its closing quote missing?",
                                               options_.max_row))
                    : LocatedError(partial, 0,
                                   fmt::format("row is longer than {} bytes", options_.max_row));
        return stop_;
      }
    }
    if (left == 0 && eof_) return false;
    if (Status s = Fill(); !s.ok()) return stop_ = s;
  }

  row->line = line_;
  line_ += row_lines_;
  begin_ = row_end_;
  Status error;
  if (!error_.empty()) {
    error = LocatedError(*row, error_offset_, error_);
  } else {
    error = CheckText(*row);
  }
  if (error.ok() && !header_.empty() && row->fields.size() != header_.size()) {
    const size_t n = row->fields.size();
    const bool more = n > header_.size();
    const std::string message = fmt::format(
        "row has {} field{}; the header has {} ({})", n, n == 1 ? "" : "s", header_.size(),
        more ? "quote a field that holds a comma"
             : "each row has a value for every column, empty or not");
    error = LocatedError(*row, more ? row->starts[header_.size()] : 0, message);
  }
  if (!error.ok()) return error;
  return true;
}

CsvReader::Scan CsvReader::ScanRow(CsvRow* row) {
  const char* const p = buffer_.get() + begin_;
  const char* const end = buffer_.get() + end_;
  row->fields.clear();
  row->starts.clear();
  scratch_.clear();
  error_.clear();
  open_quote_ = kNone;
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  if (nl == nullptr && !eof_) return Scan::kNeedMore;
  const char* const line_end = nl != nullptr ? nl : end;
  if (std::memchr(p, '"', static_cast<size_t>(line_end - p)) != nullptr) {
    return ScanQuotedRow(row, nl);
  }
  // No quote up to the line end: the row is this line, split at each comma.
  const char* text_end = line_end;
  if (nl != nullptr && text_end > p && text_end[-1] == '\r') --text_end;
  for (const char* f = p;;) {
    const char* comma =
        static_cast<const char*>(std::memchr(f, ',', static_cast<size_t>(text_end - f)));
    const char* field_end = comma != nullptr ? comma : text_end;
    row->fields.emplace_back(f, static_cast<size_t>(field_end - f));
    row->starts.push_back(static_cast<size_t>(f - p));
    if (comma == nullptr) break;
    f = comma + 1;
  }
  row->text = std::string_view(p, static_cast<size_t>(text_end - p));
  row_end_ = static_cast<size_t>(line_end - buffer_.get()) + (nl != nullptr ? 1 : 0);
  row_lines_ = nl != nullptr ? 1 : 0;
  return Scan::kRow;
}

// `nl`: the first '\n' at or after the row's start, or null when there is none before the
// end of the input.
CsvReader::Scan CsvReader::ScanQuotedRow(CsvRow* row, const char* nl) {
  char* const base = buffer_.get();
  const char* const p = base + begin_;
  const char* const end = base + end_;
  const char* const first_nl = nl;
  auto finish = [&](const char* text_end, const char* row_end) {
    row->text = std::string_view(p, static_cast<size_t>(text_end - p));
    row_end_ = static_cast<size_t>(row_end - base);
    row_lines_ = row_end > text_end ? 1 : 0;  // ended by a line end
    if (first_nl != nullptr && first_nl < text_end) {
      row_lines_ += static_cast<uint64_t>(std::count(first_nl, text_end, '\n'));
    }
    return Scan::kRow;
  };
  const char* pos = p;
  for (;;) {  // one field a turn, from `pos`
    const char* const f = pos;
    row->starts.push_back(static_cast<size_t>(f - p));
    const bool quoted = pos < end && *pos == '"';
    if (quoted) {
      const char* seg = pos + 1;  // unread part of the value
      const char* q = seg;
      size_t from = kNone;  // where the value starts in scratch_, once a "" is met
      for (;;) {
        q = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end - q)));
        if (q != nullptr && q + 1 < end && q[1] == '"') {  // a doubled quote
          if (from == kNone) {
            // The row's values are never longer than the buffered text, so scratch_ does
            // not move while views into it are held.
            if (scratch_.empty()) scratch_.reserve(end_ - begin_);
            from = scratch_.size();
          }
          scratch_.append(seg, static_cast<size_t>(q + 1 - seg));
          seg = q = q + 2;
          continue;
        }
        if (q == nullptr || (q + 1 == end && !eof_)) {
          if (!eof_) {
            open_quote_ = static_cast<size_t>(f - base);
            return Scan::kNeedMore;
          }
        }
        break;
      }
      if (q == nullptr) {  // the end of the file inside the quotes
        Flag(static_cast<size_t>(f - p), kUnterminated);
        row->fields.emplace_back(f, static_cast<size_t>(end - f));
        return finish(end, end);
      }
      std::string_view value(seg, static_cast<size_t>(q - seg));
      if (from != kNone) {
        scratch_.append(value);
        value = std::string_view(scratch_.data() + from, scratch_.size() - from);
      }
      pos = q + 1;
      if (pos == end) {
        row->fields.push_back(value);
        return finish(end, end);
      }
      if (*pos == ',') {
        row->fields.push_back(value);
        ++pos;
        continue;
      }
      if (*pos == '\n') {
        row->fields.push_back(value);
        return finish(pos, pos + 1);
      }
      if (*pos == '\r') {
        if (pos + 1 == end && !eof_) return Scan::kNeedMore;
        if (pos + 1 < end && pos[1] == '\n') {
          row->fields.push_back(value);
          return finish(pos, pos + 2);
        }
      }
      Flag(static_cast<size_t>(q - p), kTextAfterQuote);
      // The field then runs on to the comma or line end, as if unquoted.
    }
    if (nl != nullptr && nl < pos) {
      nl = static_cast<const char*>(std::memchr(pos, '\n', static_cast<size_t>(end - pos)));
    }
    const char* line_end = nl != nullptr ? nl : end;
    const char* stop =
        static_cast<const char*>(std::memchr(pos, ',', static_cast<size_t>(line_end - pos)));
    if (stop == nullptr) stop = nl;
    if (stop == nullptr) {
      if (!eof_) return Scan::kNeedMore;
      stop = end;
    }
    const char* field_end = stop;
    if (stop != end && *stop == '\n' && field_end > pos && field_end[-1] == '\r') --field_end;
    if (!quoted) {
      const void* quote = std::memchr(pos, '"', static_cast<size_t>(field_end - pos));
      if (quote != nullptr) {
        Flag(static_cast<size_t>(static_cast<const char*>(quote) - p), kQuoteInUnquoted);
      }
    }
    row->fields.emplace_back(f, static_cast<size_t>(field_end - f));
    if (stop == end) return finish(end, end);
    if (*stop == ',') {
      pos = stop + 1;
      continue;
    }
    return finish(field_end, stop + 1);
  }
}

void CsvReader::Flag(size_t offset, std::string_view message) {
  if (!error_.empty()) return;
  error_offset_ = offset;
  error_ = message;
}

Status CsvReader::CheckText(const CsvRow& row) {
  const char* const base = buffer_.get();
  const size_t from = static_cast<size_t>(row.text.data() - base);
  const size_t to = from + row.text.size();
  if (to <= valid_until_) return Status::OK();
  // Validate from this row to the last line end in the buffer at once: one call for many
  // rows. Both ends are next to ASCII, so on character boundaries.
  size_t region_end = end_;
  if (!eof_) {
    const void* last = ::memrchr(base + to, '\n', end_ - to);
    region_end = last != nullptr ? static_cast<size_t>(static_cast<const char*>(last) - base) : to;
  }
  if (simdjson::validate_utf8(base + from, region_end - from)) {
    valid_until_ = region_end;
    return Status::OK();
  }
  const size_t bad = FirstInvalidUtf8(std::string_view(base + from, region_end - from));
  valid_until_ = bad == kNone ? region_end : from + bad;
  if (bad == kNone || from + bad >= to) return Status::OK();
  const auto byte = static_cast<unsigned char>(base[from + bad]);
  if (options_.encoding == CsvEncoding::kGb18030) {
    return LocatedError(row, bad,
                        fmt::format("byte 0x{:02X} is not GB18030 text; if this file is UTF-8, "
                                    "read it with --encoding utf-8",
                                    byte));
  }
  return LocatedError(row, bad,
                      fmt::format("invalid UTF-8 (byte 0x{:02X}); if this file is GB18030 (GBK), "
                                  "read it with --encoding gb18030",
                                  byte));
}

Status CsvReader::LocatedError(const CsvRow& row, size_t offset, std::string_view message) const {
  const std::string_view text = row.text;
  offset = std::min(offset, text.size());
  size_t line_start = offset == 0 ? kNone : text.rfind('\n', offset - 1);
  line_start = line_start == kNone ? 0 : line_start + 1;
  const auto lines_before = static_cast<uint64_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  size_t line_end = text.find('\n', offset);
  if (line_end == kNone) line_end = text.size();
  std::string_view source = text.substr(line_start, line_end - line_start);
  if (!source.empty() && source.back() == '\r') source.remove_suffix(1);
  return Status::InvalidData(message).At(
      Location{file_, row.line + lines_before, offset - line_start + 1}, source);
}

Status CsvReader::ErrorAt(const CsvRow& row, size_t offset, std::string_view message) const {
  return LocatedError(row, offset, message);
}

void CsvReader::Reserve(size_t bytes) {
  if (capacity_ - end_ >= bytes) return;
  const size_t grown = std::max(capacity_ * 2, end_ + bytes);
  std::unique_ptr<char[]> bigger(new char[grown]);
  std::memcpy(bigger.get(), buffer_.get(), end_);
  buffer_ = std::move(bigger);
  capacity_ = grown;
}

Status CsvReader::ReadChunk(char* dest, size_t* got) {
  for (;;) {
    const ssize_t n = ::read(fd_, dest, options_.chunk_size);
    if (n >= 0) {
      *got = static_cast<size_t>(n);
      return Status::OK();
    }
    if (errno != EINTR) return Status::FromErrno(fmt::format("cannot read '{}'", file_), errno);
  }
}

Status CsvReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    valid_until_ = valid_until_ > begin_ ? valid_until_ - begin_ : 0;
    begin_ = 0;
  }
  size_t got = 0;
  if (options_.encoding == CsvEncoding::kUtf8) {
    Reserve(options_.chunk_size);
    CASESIFT_RETURN_IF_ERROR(ReadChunk(buffer_.get() + end_, &got));
    end_ += got;
    eof_ = got == 0;
    return Status::OK();
  }
  CASESIFT_RETURN_IF_ERROR(ReadChunk(raw_.get() + raw_size_, &got));
  if (got == 0) {  // the start of a character cut by the end of the file: not GB18030
    eof_ = true;
    Reserve(raw_size_);
    std::memcpy(buffer_.get() + end_, raw_.get(), raw_size_);
    end_ += raw_size_;
    raw_size_ = 0;
    return Status::OK();
  }
  raw_size_ += got;
  return Convert();
}

Status CsvReader::Convert() {
  char* in = raw_.get();
  size_t in_left = raw_size_;
  Reserve(2 * in_left + 16);
  while (in_left > 0) {
    char* out = buffer_.get() + end_;
    size_t out_left = capacity_ - end_;
    const size_t rc = ::iconv(iconv_, &in, &in_left, &out, &out_left);
    end_ = static_cast<size_t>(out - buffer_.get());
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      Reserve(2 * in_left + 16);
    } else if (errno == EINVAL) {
      break;  // a character cut by the end of the chunk: converted with the next one
    } else if (errno == EILSEQ) {
      // Kept as it is: never valid UTF-8 before the converted text that follows, so the
      // row check finds and locates it.
      Reserve(1);
      buffer_[end_++] = *in++;
      --in_left;
    } else {
      return Status::FromErrno(fmt::format("cannot convert '{}' from GB18030", file_), errno);
    }
  }
  std::memmove(raw_.get(), in, in_left);
  raw_size_ = in_left;
  return Status::OK();
}

void AppendCsvRowJson(const std::vector<std::string>& header, const CsvRow& row, std::string* out) {
  JsonBuilder json(out);
  json.BeginObject();
  for (size_t i = 0; i < header.size() && i < row.fields.size(); ++i) {
    json.Key(header[i]).String(row.fields[i]);
  }
  json.EndObject();
}

}  // namespace casesift
