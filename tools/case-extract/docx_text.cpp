#include "docx_text.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <cstring>
#include <memory>

namespace casesift {
namespace {

constexpr uint64_t kMaxDocumentXml = uint64_t{512} << 20;  // a zip bomb stops here

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// Collects text from WordprocessingML events.
struct Collector {
  std::string text;
  int in_text = 0;     // depth inside <w:t>
  int in_deleted = 0;  // depth inside <w:delText>

  // Local name of a possibly prefixed element name ("w:t" -> "t").
  static std::string_view Local(const XML_Char* name) {
    std::string_view n(name);
    size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
  }

  static void Start(void* data, const XML_Char* name, const XML_Char**) {
    auto* c = static_cast<Collector*>(data);
    std::string_view local = Local(name);
    if (local == "t") {
      ++c->in_text;
    } else if (local == "delText") {
      ++c->in_deleted;
    } else if (local == "tab") {
      c->text += '\t';
    } else if (local == "br" || local == "cr") {
      c->text += '\n';
    }
  }

  static void End(void* data, const XML_Char* name) {
    auto* c = static_cast<Collector*>(data);
    std::string_view local = Local(name);
    if (local == "t" && c->in_text > 0) {
      --c->in_text;
    } else if (local == "delText" && c->in_deleted > 0) {
      --c->in_deleted;
    } else if (local == "p") {
      c->text += '\n';
    }
  }

  static void Chars(void* data, const XML_Char* s, int len) {
    auto* c = static_cast<Collector*>(data);
    if (c->in_text > 0 && c->in_deleted == 0) c->text.append(s, static_cast<size_t>(len));
  }
};

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == "PK\x03\x04"; }

Result<std::string> DocxText(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string msg = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidData(fmt::format("not a readable .docx file: {}", msg));
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    std::string msg = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return Status::InvalidData(fmt::format("not a readable .docx file: {}", msg));
  }
  zip_error_fini(&error);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive.get(), "word/document.xml", 0, &st) != 0) {
    return Status::InvalidData("not a .docx file: the archive has no word/document.xml");
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxDocumentXml) {
    return Status::InvalidData("word/document.xml is too large (over 512 MiB uncompressed)");
  }
  zip_file_t* file = zip_fopen(archive.get(), "word/document.xml", 0);
  if (file == nullptr) {
    return Status::InvalidData(
        fmt::format("cannot read word/document.xml: {}", zip_strerror(archive.get())));
  }
  std::string xml(st.size, '\0');
  zip_int64_t n = zip_fread(file, xml.data(), st.size);
  zip_fclose(file);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return Status::InvalidData("cannot read word/document.xml: the archive is damaged");
  }

  Collector collector;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &collector);
  XML_SetElementHandler(parser, Collector::Start, Collector::End);
  XML_SetCharacterDataHandler(parser, Collector::Chars);
  bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  Status status;
  if (!ok) {
    status = Status::InvalidData(
        fmt::format("word/document.xml does not parse at line {}, column {}: {}",
                    XML_GetCurrentLineNumber(parser), XML_GetCurrentColumnNumber(parser),
                    XML_ErrorString(XML_GetErrorCode(parser))));
  }
  XML_ParserFree(parser);
  if (!status.ok()) return status;
  return std::move(collector.text);
}

}  // namespace casesift
