// Fuzz target: any bytes as a field path; when it parses, evaluate it over a fixed case
// record. Parsing must never crash, and errors must be located within the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/field_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static simdjson::dom::parser parser;
  static simdjson::padded_string doc(std::string_view(
      R"({"case_no":"(2016)沪0115民初80205号","parties":[{"side":"plaintiff","name":"王某",)"
      R"("reps":[{"name":"周某"}]},{"side":"defendant","kind":"org","n":2016,"b":true}],)"
      R"("extra":{"a.b":1,"x":[1,[2,[3]]]}})"));
  static simdjson::dom::element root = parser.parse(doc).value();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  casesift::Result<casesift::FieldPath> path = casesift::FieldPath::Parse(text);
  if (!path.ok()) {
    const casesift::Location* loc = path.status().location();
    if (loc != nullptr && loc->column > text.size() + 1) abort();
    return 0;
  }
  size_t n = 0;
  path->ForEach(root, [&](simdjson::dom::element) { ++n; });
  if (n != path->All(root).size()) abort();
  return 0;
}
