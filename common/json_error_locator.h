// Finds where a JSON text goes wrong, and says why.
//
// The JSON Lines reader validates each line with one simdjson DOM parse, which says only *that*
// a line is malformed. On that rare path the reader calls LocateJsonError for the byte offset of
// the first error and a message, and prints `tool: file:LINE:COL: message`.
//
// LocateJsonError is also the naive reference twin of simdjson's validator: a deliberately
// plain scanner that reads the text once, left to right, with an explicit stack of open
// containers (no recursion: a line may nest a million deep). It takes linear time and allocates
// nothing but that stack (a byte per open container, and never more than max_depth are open)
// and the message. It keeps no state between calls and is safe to call from any number of threads.
// tests/reference/json_validator_agreement_test.cpp checks, on generated and mutated documents,
// that it accepts exactly the texts simdjson 3.0.1's DOM parser accepts.
//
// What is valid: exactly one JSON value (RFC 8259), optionally surrounded by JSON whitespace
// (space, tab, LF and CR only; not form feed, vertical tab, NBSP or a byte order mark), within
// the limits of simdjson 3.0.1's DOM parser. These limits are simdjson's, matched on purpose:
//  - Integers (no fraction, no exponent) must lie in [-2^63, 2^64-1]: simdjson stores them as
//    int64 or uint64 and has no big-integer fallback. So 18446744073709551616 is rejected but
//    18446744073709551616.0 and 1.8446744073709551616e19 are accepted (as doubles); -0 is an
//    integer and is fine.
//  - A number with a fraction or an exponent must round (to nearest, ties to even) to a finite
//    double. Everything from 2^1024 - 2^970 (1.797693134862315807937...e308, the point halfway
//    between the largest double and 2^1024) upward in magnitude is rejected, that value
//    included; 1.7976931348623158e308 is accepted. Underflow is not an error: 1e-400 is 0.
//    Exponents may have any number of digits (1e0000000000000000000001 is 10).
//  - Depth: every value counts one level, the top-level value being level 1, and a value deeper
//    than max_depth is rejected. This is how simdjson counts: it raises its depth only on
//    entering a non-empty array or object, and fails when the depth reaches max_depth. So with
//    1024 a line may hold 1024 nested arrays when the innermost is empty ([[...[]...]]), but
//    only 1023 around a scalar or a member. Object keys are not values and do not count.
//  - Unicode: the whole text must be valid UTF-8 (no overlong forms, no encoded surrogates such
//    as ED A0 80, nothing above U+10FFFF). In strings, a \u escape of a high surrogate
//    (\uD800-\uDBFF) must be followed at once by a \u escape of a low one (\uDC00-\uDFFF), and a
//    low surrogate on its own is rejected; \u0000 is accepted.
//  - Strings: bytes below 0x20 (NUL included) must be escaped; DEL (0x7F) need not be.
//  - A text longer than 4294967295 bytes (simdjson's SIMDJSON_MAXSIZE_BYTES) is rejected.
//
// Where the offset points: at the first byte at which the text stops being the beginning of
// some valid document, and at text.size() when the text just ends too soon (an unterminated
// string, an unclosed '{' or '[', "[1.", "tru"). Three errors spoil a whole token rather than
// one byte, and point at the token's first byte instead:
//  - an invalid UTF-8 sequence: its first byte (a sequence cut short by the end of the text
//    inside a string is an unterminated string instead);
//  - a well-formed number that does not fit: its '-' or first digit;
//  - an unpaired surrogate: the backslash of its \u escape.
// In every case text.substr(0, offset) is the beginning of some valid document.
//
// Messages begin in lower case, have no final period, name the problem and, where it is clear,
// the fix, and do not repeat the offset. For example:
//   [1,2,]              5: expected a value after ',' (trailing commas are not allowed)
//   {"a":1 "b":2}       7: expected ',' or '}' after object member
//   {"n":007}           6: invalid number (leading zeros are not allowed)
//   {"s":"a<LF>b"}      7: control character U+000A in a string must be escaped as \n
//   {"name":张三}        8: unexpected character U+5F20 (strings need double quotes)
//   {"a":1，"b":2}       6: unexpected character U+FF0C (use the ASCII ',' instead)
//   {"a":[1,2}          9: mismatched '}' closing '['
//   {"a":1             6: unexpected end of line (unclosed '{')
#ifndef CASESIFT_COMMON_JSON_ERROR_LOCATOR_H_
#define CASESIFT_COMMON_JSON_ERROR_LOCATOR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casesift {

// The first error in a JSON text.
struct JsonError {
  size_t offset;        // byte offset in the text of the first offending byte (0-based);
                        // text.size() when the text ends too soon
  std::string message;  // lower-case, names the problem and, where possible, the fix
};

// simdjson's DEFAULT_MAX_DEPTH, the depth the JSON Lines reader's parser uses.
inline constexpr size_t kDefaultJsonMaxDepth = 1024;

// Validates that `text` is exactly one JSON value (RFC 8259), optionally surrounded by JSON
// whitespace, under the same limits as simdjson 3.0.1's DOM parser with this max_depth (see
// above). Returns std::nullopt when valid, else the first error. `text` need not be padded or
// NUL-terminated and may contain NUL bytes.
// REQUIRES: max_depth >= 1, and equal to the max_depth() of the parser it stands in for.
[[nodiscard]] std::optional<JsonError> LocateJsonError(std::string_view text,
                                                       size_t max_depth = kDefaultJsonMaxDepth);

}  // namespace casesift

#endif  // CASESIFT_COMMON_JSON_ERROR_LOCATOR_H_
