// LocateJsonError, the naive reference validator, against simdjson 3.0.1's DOM parser: both
// must accept exactly the same texts. Hand-picked edge cases first, then many thousands of
// generated documents and byte-level mutations of them. Every rejected text is also checked
// for the locator's offset promise: the text before the offset begins some valid document.
//
// For a longer soak, build with e.g. -DCASESIFT_AGREEMENT_DOCUMENTS=2000000
// -DCASESIFT_AGREEMENT_SEED=7.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_error_locator.h"

#ifndef CASESIFT_AGREEMENT_DOCUMENTS
#define CASESIFT_AGREEMENT_DOCUMENTS 40000
#endif
#ifndef CASESIFT_AGREEMENT_SEED
#define CASESIFT_AGREEMENT_SEED 20240611
#endif

namespace casesift {
namespace {

// C-style escaping, so a failing document prints on one readable line.
std::string Escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out + "\"";
}

class SimdjsonDom {
 public:
  explicit SimdjsonDom(size_t max_depth = simdjson::DEFAULT_MAX_DEPTH) : max_depth_(max_depth) {
    REQUIRE(parser_.allocate(1 << 16, max_depth) == simdjson::SUCCESS);
  }
  size_t max_depth() const { return max_depth_; }
  bool Accepts(std::string_view text) {
    simdjson::dom::element root;
    return parser_.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS;
  }

 private:
  simdjson::dom::parser parser_;
  size_t max_depth_;
};

// Compares the two validators on `text`. Returns whether they agree and the locator keeps its
// offset promise; on failure records a failed CHECK that shows the text. Counts the texts
// simdjson accepts in *accepted when given.
bool Agrees(SimdjsonDom& simdjson_dom, std::string_view text, size_t* accepted = nullptr) {
  const auto error = LocateJsonError(text, simdjson_dom.max_depth());
  const bool simdjson_accepts = simdjson_dom.Accepts(text);
  if (accepted) *accepted += simdjson_accepts;
  std::string problem;
  if (error.has_value() == simdjson_accepts) {
    problem = simdjson_accepts ? "simdjson accepts it, the locator does not"
                               : "simdjson rejects it, the locator accepts it";
  } else if (error && error->offset > text.size()) {
    problem = "offset past the end";
  } else if (error) {
    const auto prefix_error =
        LocateJsonError(text.substr(0, error->offset), simdjson_dom.max_depth());
    if (prefix_error && prefix_error->offset != error->offset) {
      problem = "the text before the offset is not the beginning of a valid document";
    }
  }
  if (problem.empty()) return true;
  INFO("text: " << Escaped(text));
  INFO("max_depth: " << simdjson_dom.max_depth());
  INFO("locator: " << (error ? std::to_string(error->offset) + ": " + error->message : "valid"));
  CHECK(problem == "");
  return false;
}

// 2^1024 - 2^970, the point halfway between the largest double and 2^1024.
constexpr std::string_view kOverflowDigits =
    "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797"
    "75872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548"
    "45817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711"
    "559699508093042880177904174497792";

// Pieces the generator builds strings and numbers from.
constexpr std::string_view kPlainPieces[] = {"a", "Z", "0", " ", "~", "'", "/", "\x7f"};
constexpr std::string_view kEscapePieces[] = {
    "\\\"",          "\\\\",    "\\/",     "\\b",     "\\f",     "\\n",     "\\r",
    "\\t",           "\\u00e9", "\\u0000", "\\u001F", "\\u4e2D", "\\uFFFF", "\\uD83D\\uDE00",
    "\\udbff\\udfff"};
constexpr std::string_view kUtf8Pieces[] = {"\xc3\xa9",         "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
                                            "\xf4\x8f\xbf\xbf", "\xc2\x80",     "\xdf\xbf",
                                            "\xe0\xa0\x80",     "\xef\xbf\xbf", "\xee\x80\x80",
                                            "\xed\x9f\xbf",     "\xef\xbb\xbf", "\xe2\x80\x9c"};
constexpr std::string_view kIntegerEdges[] = {"0",
                                              "-0",
                                              "9223372036854775807",
                                              "9223372036854775808",
                                              "-9223372036854775808",
                                              "-9223372036854775809",
                                              "18446744073709551615",
                                              "18446744073709551616",
                                              "99999999999999999999",
                                              "12345678901234567890",
                                              "123456789012345678901"};
constexpr std::string_view kDoubleEdges[] = {"-0.0",
                                             "1e308",
                                             "1e309",
                                             "-1e309",
                                             "1e-400",
                                             "4.9e-324",
                                             "2.4e-324",
                                             "1E+5",
                                             "1.5e00005",
                                             "1.7976931348623157e308",
                                             "1.7976931348623158e308",
                                             "1.7976931348623159e308",
                                             "1.797693134862315807937e308",
                                             "1.797693134862315807938e308",
                                             "1e0000000000000000000000308",
                                             "1e0000000000000000000000309",
                                             "0e99999999999999999999",
                                             "1e99999999999999999999",
                                             "1e-99999999999999999999"};
constexpr std::string_view kLiterals[] = {"true", "false", "null"};

// Random JSON documents: mostly valid, with numbers, strings and depths chosen to sit near
// simdjson's limits.
class DocumentGenerator {
 public:
  explicit DocumentGenerator(uint64_t seed) : rng_(seed) {}

  std::string Next(int max_nesting) {
    std::string out;
    Whitespace(out);
    Value(out, max_nesting);
    Whitespace(out);
    return out;
  }

  // `levels` nested arrays or objects, the innermost empty or holding a scalar.
  // REQUIRES: levels >= 1.
  std::string Deep(size_t levels) {
    const bool objects = Chance(2);
    const bool scalar_inside = Chance(2);
    std::string out;
    for (size_t i = 1; i < levels; ++i) out += objects ? "{\"k\":" : "[";
    out += objects ? (scalar_inside ? "{\"k\":1}" : "{}") : (scalar_inside ? "[1]" : "[]");
    out.append(levels - 1, objects ? '}' : ']');
    return out;
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool Chance(size_t one_in) { return Below(one_in) == 0; }
  template <size_t N>
  std::string_view Pick(const std::string_view (&items)[N]) {
    return items[Below(N)];
  }

  void Whitespace(std::string& out) {
    while (Chance(4)) out += " \t\n\r"[Below(4)];
  }

  void Value(std::string& out, int nesting) {
    const size_t kind = nesting > 0 ? Below(10) : 3 + Below(7);
    if (kind < 2) {
      Container(out, nesting, '[', ']');
    } else if (kind < 3) {
      Container(out, nesting, '{', '}');
    } else if (kind < 6) {
      String(out);
    } else if (kind < 9) {
      Number(out);
    } else {
      out += Pick(kLiterals);
    }
  }

  void Container(std::string& out, int nesting, char open, char close) {
    out += open;
    const size_t count = Below(5);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) out += ',';
      Whitespace(out);
      if (open == '{') {
        String(out);
        Whitespace(out);
        out += ':';
        Whitespace(out);
      }
      Value(out, nesting - 1);
      Whitespace(out);
    }
    if (count == 0) Whitespace(out);
    out += close;
  }

  void String(std::string& out) {
    out += '"';
    for (size_t n = Below(7); n > 0; --n) {
      const size_t kind = Below(40);
      if (kind == 0) {  // any \u escape, lone surrogates included
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(Below(0x10000)));
        out += hex;
      } else if (kind < 20) {
        out += Pick(kPlainPieces);
      } else if (kind < 30) {
        out += Pick(kEscapePieces);
      } else {
        out += Pick(kUtf8Pieces);
      }
    }
    out += '"';
  }

  std::string Digits(size_t count, bool leading_nonzero) {
    std::string digits;
    for (size_t i = 0; i < count; ++i) {
      digits += static_cast<char>('0' + (i == 0 && leading_nonzero ? 1 + Below(9) : Below(10)));
    }
    return digits;
  }

  void Number(std::string& out) {
    const size_t kind = Below(16);
    if (kind < 2) {
      out += Pick(kIntegerEdges);
    } else if (kind < 4) {
      out += Pick(kDoubleEdges);
    } else if (kind < 5) {
      out += std::string(kOverflowDigits) + (Chance(2) ? ".0" : "e0");
    } else {
      if (Chance(3)) out += '-';
      const size_t int_length = Chance(2) ? 1 : 1 + Below(25);
      out += int_length == 1 ? Digits(1, false) : Digits(int_length, true);
      if (Chance(2)) out += '.' + Digits(1 + (Chance(3) ? Below(30) : Below(3)), false);
      if (Chance(2)) {
        out += Chance(2) ? 'e' : 'E';
        if (!Chance(3)) out += Chance(2) ? '-' : '+';
        out += Chance(3) ? std::to_string(300 + Below(30)) : Digits(1 + Below(3), false);
      }
    }
  }

  std::mt19937_64 rng_;
};

// One to three random edits: delete, insert or replace a byte, or cut the text short.
std::string Mutate(std::string text, std::mt19937_64& rng) {
  static constexpr char kByteList[] = "\"{}[],:\\0123456789e-Eu.tn+ad\x00\x80\xc0\xed\xf4\xff \n";
  static constexpr std::string_view kBytes(kByteList, sizeof kByteList - 1);
  auto below = [&rng](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (size_t edits = 1 + below(3); edits > 0; --edits) {
    const size_t pos = below(text.size() + 1);
    const char byte = kBytes[below(kBytes.size())];
    const size_t kind = below(7);
    if (kind < 2) {
      if (pos < text.size()) text.erase(pos, 1);
    } else if (kind < 4) {
      text.insert(pos, 1, byte);
    } else if (kind < 6) {
      if (pos < text.size()) text[pos] = byte;
    } else {
      text.resize(pos);
    }
  }
  return text;
}

TEST_CASE("the locator and simdjson agree on hand-picked edge cases", "[reference]") {
  const std::vector<std::string_view> cases = {
      // numbers
      "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
      "-9223372036854775808", "-9223372036854775809", "99999999999999999999",
      "-99999999999999999999", "12345678901234567890", "123456789012345678901",
      "18446744073709551616.0", "1.8446744073709551616e19", "1e308", "1.7976931348623158e308",
      "1.7976931348623159e308", "1e309", "-1e309", "1e-400", "1e-324", "-0", "-0.0", "1.", ".5",
      "01", "-01", "00", "-", "1e", "1E+5", "1e+", "1.e5", "+1", "0x10", "1.5e00005",
      "1e0000000000000000000000000000001", "0e999999999999999999999", "1e999999999999999999999",
      "1e-999999999999999999999", "-", "--1", "1-", "1.5.5", "1e5e5", "[1,-]", "[01]", "[1.]",
      "[-0]", "[1e]", "{\"a\":1.}", "1_000", "NaN", "Infinity", "-Infinity",
      // strings, escapes, surrogates
      "\"\\ud800\"", "\"\\ud800\\udc00\"", "\"\\udc00\"", "\"\\ud800x\"", "\"\\ud800\\u0041\"",
      "\"\\ud800\\ud800\\udc00\"", "\"\\uDBFF\\uDFFF\"", "\"\\u12\"", "\"\\u00G0\"", "\"\\u0000\"",
      "\"\\q\"", "\"\\/\"", "\"\\'\"", "\"\\x41\"", "\"\\U0041\"", "\"abc", "\"abc\\", "\"abc\\\"",
      "\"a\x7f\"",
      // control characters and NUL
      std::string_view("\"a\0b\"", 5), "\"a\x01\"", "\"a\x1f\"", "\"\t\"", "\"\n\"",
      std::string_view("1\0", 2), std::string_view("\0 1", 3), std::string_view("[1,\0]", 5),
      std::string_view("[1]\0", 4), std::string_view("\0", 1),
      // UTF-8
      "\"\xed\xa0\x80\"", "\"\xed\x9f\xbf\"", "\"\xc0\x80\"", "\"\xc1\xbf\"", "\"\xe0\x80\x80\"",
      "\"\xe0\xa0\x80\"", "\"\xf0\x80\x80\x80\"", "\"\xf0\x90\x80\x80\"", "\"\xf4\x8f\xbf\xbf\"",
      "\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\xff\"", "\"\x80\"", "\"\xc2\"",
      "\"\xc2\xa0\"", "\"\xe4\xb8\"", "\"\xe4\xb8", "[\xe4\xb8\xad]", "\xef\xbb\xbf{}",
      // whitespace and top-level scalars
      "\"x\"", "null", "true", "false", "1", "  1  ", "\f1", "1\f", "\v1",
      "\xc2\xa0"
      "1",
      "1\xc2\xa0", "\r\n1\r\n", "", " ", "\t\n\r ",
      // structure
      "[1,]", "{\"a\":1,}", "[,1]", "{,}", "{\"a\"}", "{\"a\":}", "{1:2}", "{'a':1}", "['a']",
      "[1 2]", "[truex]", "[true\"a\"]", "[nul]", "tru", "[True]", "{", "[", "[[[]]", "{\"a\":[}",
      "[1]x", "[1]]", "{}}", "{\"a\":1}{\"b\":2}", "1 2", "\"a\"\"b\"", "[1}", "{]", "[]", "{}",
      "[[],{}]", "{\"\":{\"\":[]}}", "{\"a\":1 /*x*/}"};
  SimdjsonDom simdjson_dom;
  for (std::string_view text : cases) CHECK(Agrees(simdjson_dom, text));
  // Around 2^1024 - 2^970, where decimals start rounding to infinity (ties go to even).
  const std::string halfway(kOverflowDigits);
  std::string below = halfway;
  below.back() = '1';
  const std::string scientific = halfway.substr(0, 1) + "." + halfway.substr(1) + "e308";
  for (const std::string& text :
       {halfway + ".0", below + ".0", below + ".99999999999999999999", halfway + "0e-1",
        halfway + "00000000000000000000001e-23", "0." + halfway + "e309", scientific,
        "-0.000" + halfway + "e312", "-0.000" + below + "e312", halfway.substr(0, 21) + "e288",
        halfway.substr(0, 20) + "e289", std::string("17976931348623158080e289")}) {
    CHECK(Agrees(simdjson_dom, text));
  }
}

TEST_CASE("the locator and simdjson count nesting depth alike", "[reference]") {
  DocumentGenerator generator(1);
  for (size_t max_depth : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{1024}}) {
    SimdjsonDom simdjson_dom(max_depth);
    for (size_t levels = max_depth > 3 ? max_depth - 3 : 1; levels <= max_depth + 2; ++levels) {
      for (int i = 0; i < 8; ++i) CHECK(Agrees(simdjson_dom, generator.Deep(levels)));
    }
    for (int i = 0; i < 300; ++i) CHECK(Agrees(simdjson_dom, generator.Next(6)));
  }
}

TEST_CASE("the locator and simdjson agree on generated and mutated documents", "[reference]") {
  DocumentGenerator generator(CASESIFT_AGREEMENT_SEED);
  SimdjsonDom simdjson_dom;
  size_t checked = 0;
  size_t accepted = 0;
  size_t failures = 0;
  for (int i = 0; i < CASESIFT_AGREEMENT_DOCUMENTS && failures < 10; ++i) {
    const std::string document =
        i % 500 == 0 ? generator.Deep(1020 + i / 500 % 8) : generator.Next(1 + i % 5);
    for (int variant = 0; variant < 5; ++variant) {
      const std::string text = variant == 0 ? document : Mutate(document, generator.rng());
      if (!Agrees(simdjson_dom, text, &accepted)) ++failures;
      ++checked;
    }
  }
  CHECK(failures == 0);
  // The generated mix must exercise both answers, or agreement would prove little.
  CHECK(accepted > checked / 4);
  CHECK(checked - accepted > checked / 3);
}

}  // namespace
}  // namespace casesift
