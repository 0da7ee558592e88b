#include "common/status.h"

#include <fmt/format.h>

#include <cstring>

namespace casesift {

Status::Status(Code code, std::string_view msg)
    : rep_(std::make_shared<const Rep>(Rep{code, std::string(msg), std::nullopt, {}})) {}

Status Status::FromErrno(std::string_view what, int err) {
  return IoError(fmt::format("{}: {}", what, std::strerror(err)));
}

std::string_view Status::message() const { return rep_ ? std::string_view(rep_->message) : ""; }

const Location* Status::location() const {
  return rep_ && rep_->location ? &*rep_->location : nullptr;
}

Status Status::At(Location loc, std::string_view source_line) const {
  if (ok()) return *this;
  Status s;
  s.rep_ = std::make_shared<const Rep>(
      Rep{rep_->code, rep_->message, std::move(loc), std::string(source_line)});
  return s;
}

Status Status::Prefixed(std::string_view prefix) const {
  if (ok()) return *this;
  Status s;
  s.rep_ = std::make_shared<const Rep>(Rep{rep_->code, fmt::format("{}: {}", prefix, rep_->message),
                                           rep_->location, rep_->source_line});
  return s;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (rep_->location && !rep_->location->file.empty()) {
    const Location& loc = *rep_->location;
    out += loc.file;
    if (loc.line > 0) {
      out += fmt::format(":{}", loc.line);
      if (loc.column > 0) out += fmt::format(":{}", loc.column);
    }
    out += ": ";
  }
  out += rep_->message;
  if (rep_->location && rep_->location->column > 0 && !rep_->source_line.empty()) {
    out += '\n';
    out += RenderCaret(rep_->source_line, rep_->location->column);
  }
  return out;
}

int Status::ExitCode() const {
  switch (code()) {
    case Code::kOk:
    case Code::kBrokenPipe:
      return 0;
    case Code::kInvalidData:
      return 1;
    case Code::kUsage:
      return 2;
    case Code::kIo:
      return 3;
  }
  return 3;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when invalid.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

int CellWidth(char32_t cp) {
  bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
              (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
              (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
              (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

}  // namespace

std::string RenderCaret(std::string_view line, uint64_t column, size_t width) {
  size_t col = column == 0 ? 0 : static_cast<size_t>(column - 1);  // 0-based byte offset
  if (col > line.size()) col = line.size();
  size_t begin = 0, end = line.size();
  if (line.size() > width) {
    begin = col > width / 2 ? col - width / 2 : 0;
    end = std::min(line.size(), begin + width);
    while (begin > 0 && begin < line.size() &&
           (static_cast<unsigned char>(line[begin]) & 0xC0) == 0x80)
      ++begin;  // do not start inside a character
  }
  std::string text = begin > 0 ? "..." : "";
  size_t caret_cells = text.size();
  for (size_t i = begin; i < end;) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(line, i, &cp);
    size_t cells;
    if (len == 0) {  // show an invalid byte as \xNN
      text += fmt::format("\\x{:02x}", static_cast<unsigned char>(line[i]));
      cells = 4;
      len = 1;
    } else if (cp < 0x20 || cp == 0x7F) {
      text += ' ';
      cells = 1;
    } else {
      text.append(line.substr(i, len));
      cells = CellWidth(cp);
    }
    if (i < col) caret_cells += cells;
    i += len;
  }
  if (end < line.size()) text += "...";
  return fmt::format("    {}\n    {}^", text, std::string(caret_cells, ' '));
}

}  // namespace casesift
