# Writes OUTPUT, a C++ file that defines casesift::embedded::SYMBOL as the bytes of INPUT.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by cmake/embed.cmake; do not edit.
#include <string_view>
namespace casesift::embedded {
static const char kData[] = {${bytes} 0};
extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}(kData, ${size});
}  // namespace casesift::embedded
")
