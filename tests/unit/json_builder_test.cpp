#include "common/json_builder.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

namespace casesift {
namespace {

std::string Str(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST_CASE("strings are escaped per RFC 8259 and keep UTF-8", "[json_builder]") {
  CHECK(Str("plain") == "\"plain\"");
  CHECK(Str("王建国") == "\"王建国\"");
  CHECK(Str("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(Str("l1\nl2\r\t\b\f") == "\"l1\\nl2\\r\\t\\b\\f\"");
  CHECK(Str(std::string_view("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  CHECK(Str(std::string_view("a\0b", 3)) == "\"a\\u0000b\"");
  CHECK(Str("/") == "\"/\"");
  CHECK(Str("\x7f") == "\"\x7f\"");
}

// The naive twin of AppendJsonString for ASCII text (which it writes by words when nothing
// needs escaping): byte by byte, RFC 8259's escapes.
std::string NaiveAsciiJson(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned char>(ch));
          out += hex;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

TEST_CASE("ASCII strings of every length agree with the naive escaper", "[json_builder]") {
  std::mt19937 rng(20261128);
  // Mostly plain letters, so that whole words pass the quick test, with now and then one
  // byte that needs escaping somewhere in any of the words or the tail.
  const std::string specials = std::string("\"\\\n\r\t\b\f\x01\x1f\x7f ~") + std::string(1, 0);
  for (int n = 0; n < 20000; ++n) {
    size_t length = rng() % 40;
    std::string s;
    for (size_t i = 0; i < length; ++i) {
      s += rng() % 8 == 0 ? specials[rng() % specials.size()]
                          : static_cast<char>(0x20 + rng() % 0x5f);
    }
    INFO("string of " << length << " bytes");
    REQUIRE(Str(s) == NaiveAsciiJson(s));
  }
  // A UTF-8 character anywhere still takes the full path.
  CHECK(Str("abcdefgh王ijklmnop") == "\"abcdefgh王ijklmnop\"");
  CHECK(Str("abcdefghijklmno\xff") == "\"abcdefghijklmno\xEF\xBF\xBD\"");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD so the output stays valid JSON", "[json_builder]") {
  CHECK(Str("a\xff"
            "b") ==
        "\"a\xEF\xBF\xBD"
        "b\"");
  CHECK(Str("\xE7\x8E") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // truncated sequence
  CHECK(Str("\xC0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong NUL
  CHECK(Str("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(Str("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\"");                  // U+1F600 is fine
}

TEST_CASE("the builder places commas and colons", "[json_builder]") {
  std::string s;
  JsonBuilder b(&s);
  b.BeginObject()
      .Key("score")
      .Double(0.97)
      .Key("via")
      .String("id_no")
      .Key("n")
      .Int(-3)
      .Key("u")
      .Uint(18446744073709551615ULL)
      .Key("list")
      .BeginArray()
      .Int(1)
      .Bool(true)
      .Null()
      .BeginObject()
      .EndObject()
      .EndArray()
      .Key("raw")
      .Raw("{\"a\":[]}")
      .EndObject();
  CHECK(s ==
        "{\"score\":0.97,\"via\":\"id_no\",\"n\":-3,\"u\":18446744073709551615,"
        "\"list\":[1,true,null,{}],\"raw\":{\"a\":[]}}");
}

TEST_CASE("commas stay right at any depth, past the 64 levels kept in a word", "[json_builder]") {
  for (int depth : {1, 63, 64, 65, 130}) {
    std::string s;
    JsonBuilder b(&s);
    // [1,[1,[1,...[]...,2],2],2]: an element before and after each nested array.
    std::string expected;
    for (int i = 0; i < depth; ++i) {
      b.BeginArray().Int(1);
      expected += "[1,";
    }
    b.BeginArray().EndArray();
    expected += "[]";
    for (int i = 0; i < depth; ++i) {
      b.Int(2).EndArray();
      expected += ",2]";
    }
    CHECK(s == expected);
  }
}

TEST_CASE("doubles print shortest, integral ones without a fraction", "[json_builder]") {
  auto d = [](double v) {
    std::string s;
    JsonBuilder(&s).Double(v);
    return s;
  };
  CHECK(d(112000) == "112000");
  CHECK(d(2540.5) == "2540.5");
  CHECK(d(0.1) == "0.1");
  CHECK(d(-0.0) == "0");
  CHECK(d(1e20) == "1e+20");
  CHECK(d(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(d(std::numeric_limits<double>::infinity()) == "null");
}

}  // namespace
}  // namespace casesift
