#include "common/json_error_locator.h"

#include <catch2/catch.hpp>
#include <limits>
#include <string>
#include <string_view>

namespace casesift {
namespace {

// The error for `text` as "offset: message", or "valid".
std::string Locate(std::string_view text, size_t max_depth = kDefaultJsonMaxDepth) {
  const auto error = LocateJsonError(text, max_depth);
  return error ? std::to_string(error->offset) + ": " + error->message : "valid";
}

std::string Repeat(std::string_view part, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += part;
  return out;
}

// 2^1024 - 2^970: where decimal numbers start to round to infinity.
constexpr std::string_view kOverflowDigits =
    "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797"
    "75872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548"
    "45817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711"
    "559699508093042880177904174497792";

TEST_CASE("valid JSON texts are accepted", "[json_error_locator]") {
  for (std::string_view text :
       {"{}",
        "[]",
        "{\"a\":1}",
        "[1,2,3]",
        "\"x\"",
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-12.5e+3",
        "1E-5",
        "0.0",
        "{\"a\":{\"b\":[true,false,null,\"\"]},\"c\":-1}",
        " \t\r\n{ \"a\" : [ 1 , 2 ] }\r\n ",
        "[[],{},[[]],{\"\":{}}]",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u4E2d \\u0000 \\ud83d\\ude00\"",
        "\"caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf \x7f\"",
        "{\"\xe5\x90\x8d\":\"\xe5\xbc\xa0\xe4\xb8\x89\"}"}) {
    INFO(text);
    CHECK(Locate(text) == "valid");
  }
}

TEST_CASE("an empty or blank line is an error at its end", "[json_error_locator]") {
  CHECK(Locate("") == "0: empty line");
  CHECK(Locate(" \t\r\n") == "4: empty line");
}

TEST_CASE("the header's examples hold", "[json_error_locator]") {
  CHECK(Locate("[1,2,]") == "5: expected a value after ',' (trailing commas are not allowed)");
  CHECK(Locate("{\"a\":1 \"b\":2}") == "7: expected ',' or '}' after object member");
  CHECK(Locate("{\"n\":007}") == "6: invalid number (leading zeros are not allowed)");
  CHECK(Locate("{\"s\":\"a\nb\"}") ==
        "7: control character U+000A in a string must be escaped as \\n");
  CHECK(Locate("{\"name\":\xe5\xbc\xa0\xe4\xb8\x89}") ==
        "8: unexpected character U+5F20 (strings need double quotes)");
  CHECK(Locate("{\"a\":1\xef\xbc\x8c\"b\":2}") ==
        "6: unexpected character U+FF0C (use the ASCII ',' instead)");
  CHECK(Locate("{\"a\":[1,2}") == "9: mismatched '}' closing '['");
  CHECK(Locate("{\"a\":1") == "6: unexpected end of line (unclosed '{')");
}

TEST_CASE("a line that ends too soon is an error at its end", "[json_error_locator]") {
  CHECK(Locate("{") == "1: unexpected end of line (unclosed '{')");
  CHECK(Locate("[1,[2]") == "6: unexpected end of line (unclosed '[')");
  CHECK(Locate("{\"a\":[1] ") == "9: unexpected end of line (unclosed '{')");
  CHECK(Locate("{\"a\"") == "4: unexpected end of line (unclosed '{')");
  CHECK(Locate("{\"a\":") == "5: unexpected end of line (unclosed '{')");
  CHECK(Locate("[1,") == "3: unexpected end of line (unclosed '[')");
  CHECK(Locate("\"abc") == "4: unterminated string (missing closing '\"')");
  CHECK(Locate("{\"a\":\"x") == "7: unterminated string (missing closing '\"')");
  CHECK(Locate("{\"a") == "3: unterminated string (missing closing '\"')");
  CHECK(Locate("\"ab\\") == "4: unterminated string (missing closing '\"')");
  CHECK(Locate("\"ab\\\"") == "5: unterminated string (missing closing '\"')");
  CHECK(Locate("\"\\u12") == "5: unterminated string (missing closing '\"')");
  CHECK(Locate("\"\\ud800") == "7: unterminated string (missing closing '\"')");
  CHECK(Locate("\"\\ud800\\udc") == "11: unterminated string (missing closing '\"')");
  CHECK(Locate("\"\xe4\xb8") == "3: unterminated string (missing closing '\"')");
  CHECK(Locate("tru") == "3: invalid literal (expected true, false or null)");
  CHECK(Locate("[-") == "2: invalid number (expected a digit after '-')");
  CHECK(Locate("[1.") == "3: invalid number (expected a digit after '.')");
  CHECK(Locate("1e-") == "3: invalid number (expected a digit in the exponent)");
}

TEST_CASE("object syntax errors", "[json_error_locator]") {
  CHECK(Locate("{a:1}") == "1: object keys must be strings in double quotes");
  CHECK(Locate("{'a':1}") == "1: object keys must be strings in double quotes");
  CHECK(Locate("{1:2}") == "1: object keys must be strings in double quotes");
  CHECK(Locate("{,}") == "1: object keys must be strings in double quotes");
  CHECK(Locate("{\"a\":1, b:2}") == "8: object keys must be strings in double quotes");
  CHECK(Locate("{\"a\" 1}") == "5: expected ':' after object key");
  CHECK(Locate("{\"a\"=1}") == "4: expected ':' after object key");
  CHECK(Locate("{\"a\"}") == "4: expected ':' after object key");
  CHECK(Locate("{\"a\":}") == "5: expected a value, found '}'");
  CHECK(Locate("{\"a\":1;\"b\":2}") == "6: expected ',' or '}' after object member");
  CHECK(Locate("{\"a\":1,}") == "7: expected a key after ',' (trailing commas are not allowed)");
  CHECK(Locate("{\"a\":1]") == "6: mismatched ']' closing '{'");
  CHECK(Locate("{]") == "1: mismatched ']' closing '{'");
}

TEST_CASE("array syntax errors", "[json_error_locator]") {
  CHECK(Locate("[1 2]") == "3: expected ',' or ']' after array element");
  CHECK(Locate("[1:2]") == "2: expected ',' or ']' after array element");
  CHECK(Locate("[1,]") == "3: expected a value after ',' (trailing commas are not allowed)");
  CHECK(Locate("[,1]") == "1: expected a value, found ','");
  CHECK(Locate("[1,,2]") == "3: expected a value, found ','");
  CHECK(Locate("[1}") == "2: mismatched '}' closing '['");
  CHECK(Locate("[}") == "1: mismatched '}' closing '['");
  CHECK(Locate("[1,}") == "3: mismatched '}' closing '['");
  CHECK(Locate("]") == "0: expected a value, found ']'");
}

TEST_CASE("content after the value is an error", "[json_error_locator]") {
  CHECK(Locate("{}x") == "2: trailing content after the JSON value");
  CHECK(Locate("1 2") == "2: trailing content after the JSON value");
  CHECK(Locate("[1]]") == "3: trailing content after the JSON value");
  CHECK(Locate("{\"a\":1}{\"b\":2}") == "7: trailing content after the JSON value");
  CHECK(Locate("\"a\"\"b\"") == "3: trailing content after the JSON value");
  CHECK(Locate("{} \f") ==
        "3: unexpected character U+000C (only space, tab, CR and LF are JSON whitespace)");
}

TEST_CASE("literals must be exactly true, false or null", "[json_error_locator]") {
  CHECK(Locate("[nul]") == "4: invalid literal (expected true, false or null)");
  CHECK(Locate("nulL") == "3: invalid literal (expected true, false or null)");
  CHECK(Locate("[truex]") == "5: invalid literal (expected true, false or null)");
  CHECK(Locate("[false1]") == "6: invalid literal (expected true, false or null)");
  CHECK(Locate("[True]") ==
        "1: unexpected character 'T' (literals are lower-case: true, false, null)");
  CHECK(Locate("None") ==
        "0: unexpected character 'N' (literals are lower-case: true, false, null)");
  CHECK(Locate("[NaN]") == "1: unexpected character 'N' (JSON has no NaN or Infinity; use null)");
  CHECK(Locate("Infinity") ==
        "0: unexpected character 'I' (JSON has no NaN or Infinity; use null)");
}

TEST_CASE("number syntax errors", "[json_error_locator]") {
  CHECK(Locate("01") == "1: invalid number (leading zeros are not allowed)");
  CHECK(Locate("[-00]") == "3: invalid number (leading zeros are not allowed)");
  CHECK(Locate(".5") == "0: invalid number (a digit must come before '.')");
  CHECK(Locate("+1") == "0: invalid number (a leading '+' is not allowed)");
  CHECK(Locate("-") == "1: invalid number (expected a digit after '-')");
  CHECK(Locate("-Infinity") == "1: invalid number (expected a digit after '-')");
  CHECK(Locate("1.") == "2: invalid number (expected a digit after '.')");
  CHECK(Locate("1.e5") == "2: invalid number (expected a digit after '.')");
  CHECK(Locate("1e") == "2: invalid number (expected a digit in the exponent)");
  CHECK(Locate("1E+") == "3: invalid number (expected a digit in the exponent)");
  CHECK(Locate("1.5.3") == "3: invalid number (unexpected '.')");
  CHECK(Locate("1e5e5") == "3: invalid number (unexpected 'e')");
  CHECK(Locate("0x1F") == "1: invalid number (unexpected 'x')");
  CHECK(Locate("[1-2]") == "2: invalid number (unexpected '-')");
  CHECK(Locate("1_000") == "1: invalid number (unexpected '_')");
}

TEST_CASE("integers must fit int64 or uint64, as in simdjson", "[json_error_locator]") {
  const std::string kTooBig = "number does not fit (integers must be between -2^63 and 2^64-1)";
  CHECK(Locate("18446744073709551615") == "valid");
  CHECK(Locate("-9223372036854775808") == "valid");
  CHECK(Locate("12345678901234567890") == "valid");
  CHECK(Locate("18446744073709551616") == "0: " + kTooBig);
  CHECK(Locate("[1, 18446744073709551616]") == "4: " + kTooBig);
  CHECK(Locate("{\"n\":-9223372036854775809}") == "5: " + kTooBig);
  CHECK(Locate("99999999999999999999") == "0: " + kTooBig);
  CHECK(Locate("123456789012345678901") == "0: " + kTooBig);
  // With a fraction or an exponent the same digits are a double, which fits.
  CHECK(Locate("18446744073709551616.0") == "valid");
  CHECK(Locate("123456789012345678901e0") == "valid");
}

TEST_CASE("other numbers must round to a finite double", "[json_error_locator]") {
  const std::string kTooBig =
      "number out of range (larger in magnitude than the largest double, about 1.8e308)";
  CHECK(Locate("1e308") == "valid");
  CHECK(Locate("1.7976931348623158e308") == "valid");
  CHECK(Locate("1e309") == "0: " + kTooBig);
  CHECK(Locate("[-1.7976931348623159e308]") == "1: " + kTooBig);
  CHECK(Locate("[1e99999999999999999999]") == "1: " + kTooBig);
  CHECK(Locate("1e-400") == "valid");
  CHECK(Locate("-0.0") == "valid");
  CHECK(Locate("0e99999999999999999999") == "valid");
  CHECK(Locate("1e0000000000000000000000308") == "valid");
  CHECK(Locate("0.001e311") == "valid");
  CHECK(Locate(Repeat("0", 1) + "." + Repeat("0", 400) + "1e708") == "valid");
  CHECK(Locate(Repeat("9", 308) + ".5") == "valid");
  CHECK(Locate(Repeat("9", 309) + ".5") == "0: " + kTooBig);
  // The halfway point between the largest double and 2^1024 rounds to even, that is to
  // infinity; a hair below it rounds down to the largest double.
  std::string halfway(kOverflowDigits);
  std::string below = halfway;
  below.back() = '1';
  CHECK(Locate(halfway + ".0") == "0: " + kTooBig);
  CHECK(Locate(halfway + ".0000000000000000000000001") == "0: " + kTooBig);
  CHECK(Locate(below + ".9999999999999999999999999") == "valid");
  CHECK(Locate("-0.000" + halfway + "e312") == "0: " + kTooBig);
  CHECK(Locate("-0.000" + below + "e312") == "valid");
}

TEST_CASE("control characters in strings must be escaped", "[json_error_locator]") {
  CHECK(Locate("\"a\nb\"") == "2: control character U+000A in a string must be escaped as \\n");
  CHECK(Locate("\"\t\"") == "1: control character U+0009 in a string must be escaped as \\t");
  CHECK(Locate("\"\r\"") == "1: control character U+000D in a string must be escaped as \\r");
  CHECK(Locate("\"\b\"") == "1: control character U+0008 in a string must be escaped as \\b");
  CHECK(Locate("\"\f\"") == "1: control character U+000C in a string must be escaped as \\f");
  CHECK(Locate(std::string_view("\"a\0\"", 4)) ==
        "2: control character U+0000 in a string must be escaped as \\u0000");
  CHECK(Locate("\"\x1f\"") == "1: control character U+001F in a string must be escaped as \\u001f");
  CHECK(Locate("\"a\\\n\"") == "3: control character U+000A in a string must be escaped as \\n");
  CHECK(Locate("\"\x7f\"") == "valid");
}

TEST_CASE("strings allow only the escapes JSON defines", "[json_error_locator]") {
  CHECK(Locate("\"\\q\"") == "2: invalid escape '\\q' in string");
  CHECK(Locate("\"ab\\'\"") == "4: invalid escape '\\'' in string");
  CHECK(Locate("\"\\x41\"") == "2: invalid escape '\\x' in string (use \\u and 4 hex digits)");
  CHECK(Locate("\"\\\xe4\xb8\xad\"") == "2: invalid escape '\\\xe4\xb8\xad' in string");
  CHECK(Locate("\"\\\xff\"") == "2: invalid escape in string ('\\' followed by byte 0xff)");
  CHECK(Locate("\"\\u12\"") == "5: invalid \\u escape (expected 4 hex digits)");
  CHECK(Locate("\"\\u00G0\"") == "5: invalid \\u escape (expected 4 hex digits)");
  CHECK(Locate("\"\\u\"") == "3: invalid \\u escape (expected 4 hex digits)");
}

TEST_CASE("UTF-16 surrogates must come in pairs, as in simdjson", "[json_error_locator]") {
  const std::string kUnpaired = "unpaired UTF-16 surrogate in \\u escape";
  CHECK(Locate("\"\\ud800\\udc00\"") == "valid");
  CHECK(Locate("\"\\uDBFF\\uDFFF\"") == "valid");
  // Reported at the backslash of the escape left unpaired.
  CHECK(Locate("\"\\ud800\"") == "1: " + kUnpaired);
  CHECK(Locate("\"ab\\ud800x\"") == "3: " + kUnpaired);
  CHECK(Locate("\"\\ud800\\u0041\"") == "1: " + kUnpaired);
  CHECK(Locate("\"\\ud800\\n\"") == "1: " + kUnpaired);
  CHECK(Locate("\"\\ud800\\ud800\\udc00\"") == "1: " + kUnpaired);
  CHECK(Locate("\"\\ud800\\udcxx\"") == "1: " + kUnpaired);
  CHECK(Locate("\"\\udc00\"") == "1: " + kUnpaired);
  CHECK(Locate("\"\\ud800\\udc00\\udc00\"") == "13: " + kUnpaired);
}

TEST_CASE("invalid UTF-8 is reported at the sequence's first byte", "[json_error_locator]") {
  CHECK(Locate("\"\xff\"") == "1: invalid UTF-8 byte 0xff");
  CHECK(Locate("\"\xf5\x80\x80\x80\"") == "1: invalid UTF-8 byte 0xf5");
  CHECK(Locate("\"a\x80\"") ==
        "2: invalid UTF-8 byte 0x80 (continuation byte without a lead byte)");
  CHECK(Locate("\"\xc0\x80\"") == "1: invalid UTF-8 byte 0xc0 (overlong encoding)");
  CHECK(Locate("\"\xe0\x80\x80\"") == "1: invalid UTF-8 sequence 0xe0 0x80 (overlong encoding)");
  CHECK(Locate("\"\xf0\x8f\xbf\xbf\"") ==
        "1: invalid UTF-8 sequence 0xf0 0x8f (overlong encoding)");
  CHECK(Locate("\"\xed\xa0\x80\"") ==
        "1: invalid UTF-8 sequence 0xed 0xa0 (encodes a UTF-16 surrogate)");
  CHECK(Locate("\"\xf4\x90\x80\x80\"") ==
        "1: invalid UTF-8 sequence 0xf4 0x90 (code point above U+10FFFF)");
  CHECK(Locate("\"\xc3(\"") ==
        "1: invalid UTF-8 sequence starting with byte 0xc3 (missing continuation byte)");
  CHECK(Locate("\"\xe4\xb8\"") ==
        "1: invalid UTF-8 sequence starting with byte 0xe4 (missing continuation byte)");
  CHECK(Locate("[1,\xe4\xb8") ==
        "3: invalid UTF-8 sequence starting with byte 0xe4 (cut short by the end of the line)");
  CHECK(Locate("[1]\xff") == "3: invalid UTF-8 byte 0xff");
  CHECK(Locate("{\xc0}") == "1: invalid UTF-8 byte 0xc0 (overlong encoding)");
}

TEST_CASE("characters no JSON text holds outside strings", "[json_error_locator]") {
  const std::string kNotWhitespace = "(only space, tab, CR and LF are JSON whitespace)";
  CHECK(Locate(std::string_view("\0", 1)) == "0: unexpected control character U+0000");
  CHECK(Locate(std::string_view("[1]\0", 4)) == "3: unexpected control character U+0000");
  CHECK(Locate("[\x01]") == "1: unexpected control character U+0001");
  CHECK(Locate("{\"a\":1\x7f}") == "6: unexpected control character U+007F");
  CHECK(Locate("\f1") == "0: unexpected character U+000C " + kNotWhitespace);
  CHECK(Locate("[1,\v2]") == "3: unexpected character U+000B " + kNotWhitespace);
  CHECK(Locate("{\"a\":\xc2\xa0"
               "1}") == "5: unexpected character U+00A0 " + kNotWhitespace);
  CHECK(Locate("[1\xe3\x80\x80]") == "2: unexpected character U+3000 " + kNotWhitespace);
  CHECK(Locate("\xef\xbb\xbf{}") == "0: unexpected byte order mark U+FEFF");
  CHECK(Locate("{\"a\"\xef\xbc\x9a"
               "1}") == "4: unexpected character U+FF1A (use the ASCII ':' instead)");
  CHECK(Locate("[\xe2\x80\x9c"
               "a\xe2\x80\x9d]") == "1: unexpected character U+201C (use the ASCII '\"' instead)");
  CHECK(Locate("{\xe5\xbc\xa0:1}") == "1: object keys must be strings in double quotes");
  CHECK(Locate("[abc]") == "1: unexpected character 'a' (strings need double quotes)");
  CHECK(Locate("['a']") == "1: single quotes are not allowed (strings need double quotes)");
  CHECK(Locate("// note") == "0: unexpected character '/' (JSON has no comments)");
  CHECK(Locate("[#]") == "1: unexpected character '#' (expected a JSON value)");
}

TEST_CASE("nesting depth is counted as simdjson counts it", "[json_error_locator]") {
  // Every value is a level; the top-level value is level 1.
  CHECK(Locate(Repeat("[", 1024) + Repeat("]", 1024)) == "valid");
  CHECK(Locate(Repeat("[", 1025) + Repeat("]", 1025)) == "1024: nesting deeper than 1024 levels");
  CHECK(Locate(Repeat("[", 1023) + "1" + Repeat("]", 1023)) == "valid");
  CHECK(Locate(Repeat("[", 1024) + "1" + Repeat("]", 1024)) ==
        "1024: nesting deeper than 1024 levels");
  CHECK(Locate(Repeat("{\"k\":", 1023) + "{}" + Repeat("}", 1023)) == "valid");
  CHECK(Locate(Repeat("{\"k\":", 1024) + "1" + Repeat("}", 1024)) ==
        "5120: nesting deeper than 1024 levels");
  CHECK(Locate("1", 1) == "valid");
  CHECK(Locate("[]", 1) == "valid");
  CHECK(Locate("{\"a\":[]}", 1) == "5: nesting deeper than 1 level");
  CHECK(Locate("[ 1]", 1) == "2: nesting deeper than 1 level");
  CHECK(Locate("[[1]]", 2) == "2: nesting deeper than 2 levels");
  CHECK(Locate("[[1]]", 3) == "valid");
}

TEST_CASE("a million levels need no recursion", "[json_error_locator]") {
  constexpr size_t kLevels = 1000000;
  constexpr size_t kUnlimited = std::numeric_limits<size_t>::max();
  const std::string open(kLevels, '[');
  CHECK(Locate(open + std::string(kLevels, ']'), kUnlimited) == "valid");
  CHECK(Locate(open, kUnlimited) == "1000000: unexpected end of line (unclosed '[')");
  CHECK(Locate(open) == "1024: nesting deeper than 1024 levels");
}

TEST_CASE("the first error in the text wins", "[json_error_locator]") {
  CHECK(Locate("[01, \xff]") == "2: invalid number (leading zeros are not allowed)");
  CHECK(Locate("{\"a\":1e999, x}") ==
        "5: number out of range (larger in magnitude than the largest double, about 1.8e308)");
  CHECK(Locate("[\"\\ud800\", \"\\q\"]") == "2: unpaired UTF-16 surrogate in \\u escape");
  CHECK(Locate("[\"a\nb\", 01]") ==
        "3: control character U+000A in a string must be escaped as \\n");
}

}  // namespace
}  // namespace casesift
