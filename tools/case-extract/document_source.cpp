#include "document_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "common/diagnostics.h"
#include "docx_text.h"

namespace casesift {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDocumentName(std::string_view name, bool jsonl) {
  if (jsonl) return EndsWith(name, ".jsonl") || EndsWith(name, ".json");
  return EndsWith(name, ".txt") || EndsWith(name, ".text") || EndsWith(name, ".docx") ||
         EndsWith(name, ".TXT") || EndsWith(name, ".DOCX");
}

// Appends the documents below `dir`, sorted by path.
Status WalkFolder(const std::string& dir, bool jsonl, std::vector<std::string>* out) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && IsDocumentName(name, jsonl)) {
      found.push_back(it->path().string());
    }
  }
  if (ec) return Status::IoError(fmt::format("cannot read folder '{}': {}", dir, ec.message()));
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
  return Status::OK();
}

Result<std::string> ReadWhole(const std::string& path) {
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(fmt::format("cannot open '{}'", path), errno);
  std::string data;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      if (fd != STDIN_FILENO) ::close(fd);
      return Status::FromErrno(fmt::format("cannot read '{}'", path), err);
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return data;
}

}  // namespace

DocumentSource::DocumentSource(Options options, BadRecords* bad)
    : options_(std::move(options)), bad_(bad) {
  if (options_.inputs.empty()) options_.inputs.push_back("-");
}

DocumentSource::~DocumentSource() = default;

Status DocumentSource::Init() {
  bool jsonl = !options_.text_field.empty();
  for (const std::string& in : options_.inputs) {
    if (in == "-") {
      files_.push_back(in);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      return Status::IoError(fmt::format("cannot open '{}': No such file or directory", in));
    }
    if (fs::is_directory(st)) {
      CASESIFT_RETURN_IF_ERROR(WalkFolder(in, jsonl, &files_));
    } else {
      files_.push_back(in);
    }
  }
  if (jsonl) {
    JsonlReader::Options ropts;
    ropts.inputs = files_;
    ropts.max_line = options_.max_line;
    reader_ = std::make_unique<JsonlReader>(std::move(ropts), bad_);
    CASESIFT_RETURN_IF_ERROR(reader_->CheckInputs());
  }
  return Status::OK();
}

bool DocumentSource::Next(Document* doc) {
  if (!status_.ok()) return false;
  return reader_ ? NextRecord(doc) : NextFile(doc);
}

bool DocumentSource::NextFile(Document* doc) {
  while (next_file_ < files_.size()) {
    const std::string& path = files_[next_file_++];
    std::string name = path == "-" ? "<stdin>" : path;
    Result<std::string> bytes = ReadWhole(path);
    if (!bytes.ok()) {
      status_ = bytes.status();
      return false;
    }
    Status problem;
    std::string text;
    if (LooksLikeZip(*bytes) || EndsWith(path, ".docx") || EndsWith(path, ".DOCX")) {
      Result<std::string> docx = DocxText(*bytes);
      if (docx.ok()) {
        text = std::move(*docx);
      } else {
        problem = docx.status();
      }
    } else {
      Result<DecodedText> decoded = DecodeText(*bytes, options_.encoding);
      if (decoded.ok()) {
        text = std::move(decoded->text);
      } else {
        problem = decoded.status();
      }
    }
    if (!problem.ok()) {
      // A whole document cannot go to a rejects file of lines: it is named on standard
      // error even under --on-error=skip, so that nothing is lost silently, and counted.
      Status located = problem.At(Location{name, 0, 0});
      Status s = bad_ ? bad_->BeginReject(located) : located;
      if (s.ok() && bad_->mode() == OnError::kSkip) PrintError(located);
      if (!s.ok()) {
        status_ = s;
        return false;
      }
      continue;
    }
    doc->file = std::move(name);
    doc->line = 0;
    doc->text = std::move(text);
    doc->record.clear();
    return true;
  }
  return false;
}

bool DocumentSource::NextRecord(Document* doc) {
  JsonlReader::Record rec;
  while (reader_->Next(&rec)) {
    simdjson::dom::element field;
    std::string_view text;
    if (rec.root[options_.text_field].get(field) != simdjson::SUCCESS ||
        field.get_string().get(text) != simdjson::SUCCESS) {
      Status err = reader_->ErrorAt(
          rec, 0,
          fmt::format("record has no string field '{}' (see --text-field)", options_.text_field));
      Status s = bad_ ? bad_->Reject(err, rec.text) : err;
      if (!s.ok()) {
        status_ = s;
        return false;
      }
      continue;
    }
    doc->file = *rec.file;
    doc->line = rec.line;
    doc->text.assign(text);
    doc->record.assign(rec.text);
    return true;
  }
  status_ = reader_->status();
  return false;
}

}  // namespace casesift
