#include "common/jsonl_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/json_error_locator.h"
#include "common/progress.h"

namespace casesift {
namespace {

constexpr std::string_view kStdinName = "<stdin>";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

const char* KindName(simdjson::dom::element_type type) {
  switch (type) {
    case simdjson::dom::element_type::ARRAY:
      return "an array";
    case simdjson::dom::element_type::STRING:
      return "a string";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return "a number";
    case simdjson::dom::element_type::BOOL:
      return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "an object";
  }
}

}  // namespace

JsonlReader::JsonlReader(Options options, BadRecords* bad, Progress* progress)
    : options_(std::move(options)), bad_(bad), progress_(progress) {
  if (options_.inputs.empty()) options_.inputs.push_back("-");
  if (options_.max_line == 0) options_.max_line = 1;
  capacity_ = std::max<size_t>(options_.buffer_size, 64);
  buffer_.reset(new char[capacity_ + simdjson::SIMDJSON_PADDING]);
}

JsonlReader::~JsonlReader() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
}

Status JsonlReader::CheckInputs() {
  uint64_t total = 0;
  bool known = true;
  for (const std::string& in : options_.inputs) {
    struct stat st;
    if (in == "-") {
      if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) known = false;
      if (known) total += static_cast<uint64_t>(st.st_size);
      continue;
    }
    if (::stat(in.c_str(), &st) != 0) {
      return Status::FromErrno(fmt::format("cannot open '{}'", in), errno);
    }
    if (S_ISDIR(st.st_mode)) {
      return Status::IoError(fmt::format("cannot read '{}': Is a directory", in));
    }
    if (::access(in.c_str(), R_OK) != 0) {
      return Status::FromErrno(fmt::format("cannot open '{}'", in), errno);
    }
    if (S_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_size);
    } else {
      known = false;
    }
  }
  total_bytes_ = known ? total : 0;
  if (progress_) progress_->SetTotalBytes(total_bytes_);
  return Status::OK();
}

bool JsonlReader::Fail(Status s) {
  status_ = std::move(s);
  return false;
}

bool JsonlReader::OpenNext() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
  fd_ = -1;
  if (input_index_ >= options_.inputs.size()) return false;
  const std::string& in = options_.inputs[input_index_++];
  line_ = 0;
  input_bytes_ = 0;
  begin_ = end_ = 0;
  if (in == "-") {
    file_ = std::string(kStdinName);
    fd_ = STDIN_FILENO;
  } else {
    file_ = in;
    fd_ = ::open(in.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return Fail(Status::FromErrno(fmt::format("cannot open '{}'", in), errno));
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  eof_ = false;
  return true;
}

bool JsonlReader::Fill() {
  char* base = buffer_.get();
  if (begin_ > 0) {
    std::memmove(base, base + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // a line longer than the buffer: grow, up to --max-line
    size_t grown = std::min(capacity_ * 2, std::max(capacity_, options_.max_line) + 1);
    std::unique_ptr<char[]> bigger(new char[grown + simdjson::SIMDJSON_PADDING]);
    std::memcpy(bigger.get(), base, end_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
    base = buffer_.get();
  }
  for (;;) {
    ssize_t n = ::read(fd_, base + end_, capacity_ - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      bytes_read_ += static_cast<uint64_t>(n);
      input_bytes_ += static_cast<uint64_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno != EINTR) {
      return Fail(Status::FromErrno(fmt::format("cannot read '{}'", file_), errno));
    }
  }
}

bool JsonlReader::Next(Record* record) {
  while (status_.ok() && held_ == Held::kNone) {
    char* base = buffer_.get();
    const void* nl = begin_ < end_ ? std::memchr(base + begin_, '\n', end_ - begin_) : nullptr;
    if (nl != nullptr) {
      size_t pos = static_cast<size_t>(static_cast<const char*>(nl) - base);
      std::string_view line(base + begin_, pos - begin_);
      begin_ = pos + 1;
      ++line_;
      if (HandleLine(line, record)) return true;
      continue;
    }
    if (fd_ >= 0 && !eof_) {
      if (end_ - begin_ > options_.max_line) {
        if (!parse_) {  // the caller rejects it in its place (RejectHeld)
          held_ = Held::kStreamed;
          break;
        }
        SkipOverlongLine();
      } else {
        Fill();
      }
      continue;
    }
    if (begin_ < end_) {  // the last line of an input, without '\n'
      std::string_view line(base + begin_, end_ - begin_);
      begin_ = end_;
      ++line_;
      if (HandleLine(line, record)) return true;
      continue;
    }
    if (!OpenNext()) break;
  }
  if (progress_) progress_->Update(records_, bytes_read_, /*force=*/true);
  return false;
}

bool JsonlReader::HandleLine(std::string_view line, Record* record) {
  size_t col_base = 0;  // bytes cut from the front of the line, for columns
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line_ == 1 && line.substr(0, kBom.size()) == kBom) {
    line.remove_prefix(kBom.size());
    col_base = kBom.size();
  }
  size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return false;  // blank line

  auto reject = [&](const Status& err) {
    Status s = bad_ ? bad_->Reject(err, line) : err;
    if (!s.ok()) Fail(s);
    return false;
  };
  if (line.size() > options_.max_line) {
    if (!parse_) {  // the caller rejects it in its place (RejectHeld)
      held_ = Held::kInBuffer;
      held_line_ = line;
      held_column_base_ = col_base;
      return false;
    }
    return reject(OverlongError(line, col_base));
  }
  if (filter_ != nullptr && !filter_(filter_context_, line)) {
    ++skipped_;
    return false;
  }
  record->text = line;
  record->file = &file_;
  record->line = line_;
  record->column_base = col_base;
  record->offset = input_bytes_ - end_ + static_cast<uint64_t>(line.data() - buffer_.get());
  record->root = simdjson::dom::element();
  if (parse_) {
    if (Status st = ParseRecord(&parser_, record, /*padded=*/true); !st.ok()) return reject(st);
  }
  ++records_;
  if (progress_) progress_->Update(records_, bytes_read_);
  return true;
}

Status JsonlReader::ParseRecord(simdjson::dom::parser* parser, Record* record, bool padded) {
  const std::string_view line = record->text;
  auto located = [&](size_t offset, std::string_view message) {
    return Status::InvalidData(message).At(
        Location{*record->file, record->line, record->column_base + offset + 1}, line);
  };
  const size_t first = std::min(line.find_first_not_of(" \t\r"), line.size());
  simdjson::dom::element root;
  simdjson::error_code code = parser->parse(line.data(), line.size(), !padded).get(root);
  if (code != simdjson::SUCCESS) {
    std::optional<JsonError> error = LocateJsonError(line);
    if (error) return located(error->offset, error->message);
    return located(first, simdjson::error_message(code));
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return located(first, fmt::format("expected a JSON object, found {}", KindName(root.type())));
  }
  record->root = root;
  return Status::OK();
}

Status JsonlReader::OverlongError(std::string_view line, size_t col_base) const {
  return Status::InvalidData(
             fmt::format("line is longer than --max-line ({} bytes)", options_.max_line))
      .At(Location{file_, line_, col_base + options_.max_line + 1}, line);
}

Status JsonlReader::RejectHeld() {
  const Held held = held_;
  held_ = Held::kNone;
  if (held == Held::kInBuffer) {
    Status err = OverlongError(held_line_, held_column_base_);
    Status s = bad_ ? bad_->Reject(err, held_line_) : err;
    if (!s.ok()) Fail(s);
  } else if (held == Held::kStreamed) {
    SkipOverlongLine();
  }
  return status_;
}

bool JsonlReader::SkipOverlongLine() {
  ++line_;
  Status err = Status::InvalidData(
                   fmt::format("line is longer than --max-line ({} bytes)", options_.max_line))
                   .At(Location{file_, line_, options_.max_line + 1});
  Status s = bad_ ? bad_->BeginReject(err) : err;
  if (!s.ok()) return Fail(s);
  for (;;) {
    char* base = buffer_.get();
    const void* nl = std::memchr(base + begin_, '\n', end_ - begin_);
    size_t stop = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : end_;
    std::string_view piece(base + begin_, stop - begin_);
    if (nl != nullptr && !piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
    s = bad_->RejectBytes(piece);
    if (!s.ok()) return Fail(s);
    if (nl != nullptr) {
      begin_ = stop + 1;
      break;
    }
    begin_ = end_ = 0;
    if (!Fill()) {
      if (!status_.ok()) return false;
      break;  // the line ran to the end of the input
    }
  }
  s = bad_->EndReject();
  if (!s.ok()) return Fail(s);
  return true;
}

Status JsonlReader::ErrorAt(const Record& record, size_t offset, std::string_view message) {
  return Status::InvalidData(message).At(
      Location{record.file ? *record.file : std::string(kStdinName), record.line, offset + 1},
      record.text);
}

}  // namespace casesift
