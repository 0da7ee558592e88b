// Text decoding: the bytes of a judgment file to UTF-8 text.
//
// Court documents arrive as UTF-8 (with or without a byte-order mark), as GB18030/GBK
// (older systems and Windows exports), or as UTF-16 with a byte-order mark (Word's "Unicode
// text"). Detection, in order: a UTF-8, UTF-16LE or UTF-16BE byte-order mark; then valid
// UTF-8; then GB18030 (a superset of GBK and GB2312). A forced encoding skips detection.
// Conversion goes through iconv; line ends are left as they are.
//
// Thread-safe: each call uses its own iconv descriptor.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_TEXT_DECODER_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_TEXT_DECODER_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

enum class Encoding { kAuto, kUtf8, kGb18030, kUtf16 };

// Parses an --encoding value: auto, utf-8 (utf8), gb18030 (gbk, gb2312), utf-16 (utf16).
Result<Encoding> ParseEncoding(std::string_view name);

// The decoded text and the encoding it was found in ("UTF-8", "GB18030", "UTF-16LE",
// "UTF-16BE").
struct DecodedText {
  std::string text;
  const char* encoding;
};

// Decodes `bytes`. Errors: InvalidData naming the byte offset where decoding failed, e.g.
// "cannot decode as GB18030 at byte 1234 (try --encoding)".
Result<DecodedText> DecodeText(std::string_view bytes, Encoding encoding);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_TEXT_DECODER_H_
