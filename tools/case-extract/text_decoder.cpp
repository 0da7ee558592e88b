#include "text_decoder.h"

#include <fmt/format.h>
#include <iconv.h>
#include <simdjson.h>

#include <cerrno>

namespace casesift {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Converts with iconv from `from` to UTF-8. `bytes` excludes any byte-order mark.
Result<DecodedText> Convert(std::string_view bytes, const char* from) {
  iconv_t cd = ::iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::IoError(fmt::format("iconv cannot convert from {}", from));
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t done = 0;
  Status status;
  while (in_left > 0) {
    char* out_ptr = out.data() + done;
    size_t out_left = out.size() - done;
    size_t rc = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    done = static_cast<size_t>(out_ptr - out.data());
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    size_t offset = bytes.size() - in_left;
    std::string_view hint = std::string_view(from) == "UTF-8" ? "try --encoding gb18030, or auto"
                                                              : "try another --encoding";
    status = Status::InvalidData(fmt::format(
        "cannot decode as {} at byte {} (invalid or incomplete sequence; {})", from, offset, hint));
    break;
  }
  ::iconv_close(cd);
  if (!status.ok()) return status;
  out.resize(done);
  return DecodedText{std::move(out), from};
}

}  // namespace

Result<Encoding> ParseEncoding(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "auto") return Encoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return Encoding::kGb18030;
  if (lower == "utf-16" || lower == "utf16") return Encoding::kUtf16;
  return Status::Usage(
      fmt::format("unknown encoding '{}' (use auto, utf-8, gb18030 or utf-16)", name));
}

Result<DecodedText> DecodeText(std::string_view bytes, Encoding encoding) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom && encoding != Encoding::kGb18030 &&
      encoding != Encoding::kUtf16) {
    bytes.remove_prefix(kUtf8Bom.size());
    encoding = Encoding::kUtf8;
  }
  if (encoding == Encoding::kAuto || encoding == Encoding::kUtf16) {
    if (bytes.substr(0, 2) == kUtf16LeBom) return Convert(bytes.substr(2), "UTF-16LE");
    if (bytes.substr(0, 2) == kUtf16BeBom) return Convert(bytes.substr(2), "UTF-16BE");
    if (encoding == Encoding::kUtf16) return Convert(bytes, "UTF-16LE");
  }
  if (encoding == Encoding::kAuto || encoding == Encoding::kUtf8) {
    if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
      return DecodedText{std::string(bytes), "UTF-8"};
    }
    if (encoding == Encoding::kUtf8) return Convert(bytes, "UTF-8");  // locates the bad byte
  }
  return Convert(bytes, "GB18030");
}

}  // namespace casesift
