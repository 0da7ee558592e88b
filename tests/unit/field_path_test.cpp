#include "common/field_path.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace casesift {
namespace {

constexpr std::string_view kCase = R"({
 "case_no":"(2016)沪0115民初80205号",
 "case_no_parts":{"year":2016,"court_code":"沪0115","special":null,"seq":80205,"legacy":false},
 "parties":[
  {"role":"原告","side":"plaintiff","name":"王建国","kind":"person",
   "reps":[{"role":"委托诉讼代理人","name":"周文清"}]},
  {"role":"被告","side":"defendant","name":"上海某某教育科技有限公司","kind":"org",
   "uscc":"91310115MA1H7XXXXX"},
  {"role":"被告","side":"defendant","name":"李新华","kind":"person","share":0.5}],
 "extra":{"a.b":1,"x y":[10,20]},
 "empty":[]})";

// The values `path` yields in kCase, each as compact JSON.
std::vector<std::string> Values(std::string_view path_text) {
  static simdjson::dom::parser parser;
  static simdjson::padded_string doc(kCase);
  simdjson::dom::element root = parser.parse(doc).value();
  Result<FieldPath> path = FieldPath::Parse(path_text);
  REQUIRE(path.ok());
  std::vector<std::string> out;
  path->ForEach(root, [&](simdjson::dom::element v) { out.push_back(simdjson::minify(v)); });
  return out;
}

std::string ParseError(std::string_view path_text) {
  Result<FieldPath> path = FieldPath::Parse(path_text);
  REQUIRE(!path.ok());
  CHECK(path.status().IsUsage());
  return path.status().ToString();
}

using V = std::vector<std::string>;

TEST_CASE("members and nested members", "[field_path]") {
  CHECK(Values("case_no") == V{"\"(2016)沪0115民初80205号\""});
  CHECK(Values("case_no_parts.year") == V{"2016"});
  CHECK(Values("case_no_parts.special") == V{"null"});
  CHECK(Values("missing").empty());
  CHECK(Values("case_no_parts.missing.deeper").empty());
}

TEST_CASE("indexes, including from the end", "[field_path]") {
  CHECK(Values("parties[0].name") == V{"\"王建国\""});
  CHECK(Values("parties[-1].name") == V{"\"李新华\""});
  CHECK(Values("parties[3].name").empty());
  CHECK(Values("parties[-4]").empty());
  CHECK(Values("parties[0].reps[0].name") == V{"\"周文清\""});
}

TEST_CASE("[*] yields every element, in order", "[field_path]") {
  CHECK(Values("parties[*].name") == V{"\"王建国\"", "\"上海某某教育科技有限公司\"", "\"李新华\""});
  CHECK(Values("parties[*].uscc") == V{"\"91310115MA1H7XXXXX\""});
  CHECK(Values("parties[*].reps[*].role") == V{"\"委托诉讼代理人\""});
  CHECK(Values("empty[*]").empty());
  CHECK(Values("extra[*]") == V{"1", "[10,20]"});  // an object's member values
}

TEST_CASE("filters keep the elements whose members equal the values", "[field_path]") {
  CHECK(Values("parties[side=defendant].name") == V{"\"上海某某教育科技有限公司\"", "\"李新华\""});
  CHECK(Values("parties[kind=org,side=defendant].uscc") == V{"\"91310115MA1H7XXXXX\""});
  CHECK(Values("parties[kind=person, side=defendant].name") == V{"\"李新华\""});
  CHECK(Values("parties[side=appellant]").empty());
  CHECK(Values("parties[nosuch=x]").empty());
  CHECK(Values("parties[share=0.5].name") == V{"\"李新华\""});
  CHECK(Values("parties[share=0.50].name") == V{"\"李新华\""});
  CHECK(Values("parties[name=\"王建国\"].role") == V{"\"原告\""});
}

TEST_CASE("filters compare numbers, booleans and null by value", "[field_path]") {
  simdjson::dom::parser parser;
  simdjson::padded_string doc(std::string_view(
      R"({"a":[{"n":2016,"b":true,"z":null,"s":"2016"},{"n":-1,"b":false,"z":0,"s":"x"}]})"));
  simdjson::dom::element root = parser.parse(doc).value();
  auto count = [&](std::string_view p) { return FieldPath::Parse(p)->All(root).size(); };
  CHECK(count("a[n=2016]") == 1);
  CHECK(count("a[n=-1]") == 1);
  CHECK(count("a[n=2016.0]") == 1);
  CHECK(count("a[n=abc]") == 0);
  CHECK(count("a[b=true]") == 1);
  CHECK(count("a[b=false]") == 1);
  CHECK(count("a[z=null]") == 1);
  CHECK(count("a[s=2016]") == 1);
  CHECK(count("a[s=2016,n=2016]") == 1);
  CHECK(count("a[s=x,n=2016]") == 0);
}

TEST_CASE("quoted names and values", "[field_path]") {
  CHECK(Values("extra.\"a.b\"") == V{"1"});
  CHECK(Values("extra.\"x y\"[1]") == V{"20"});
  CHECK(Values("\"case_no\"") == V{"\"(2016)沪0115民初80205号\""});
}

TEST_CASE("steps that do not fit the value yield nothing", "[field_path]") {
  CHECK(Values("parties.name").empty());
  CHECK(Values("case_no[0]").empty());
  CHECK(Values("case_no_parts[0]").empty());
  CHECK(Values("case_no_parts[year=2016]").empty());
  CHECK(Values("case_no[*]").empty());
}

TEST_CASE("First, All and multi_valued", "[field_path]") {
  simdjson::dom::parser parser;
  simdjson::padded_string doc(kCase);
  simdjson::dom::element root = parser.parse(doc).value();
  FieldPath many = *FieldPath::Parse("parties[*].name");
  CHECK(many.multi_valued());
  CHECK(many.All(root).size() == 3);
  REQUIRE(many.First(root).has_value());
  CHECK(std::string(many.First(root)->get_string().value()) == "王建国");
  CHECK(!FieldPath::Parse("parties[0].name")->multi_valued());
  CHECK(FieldPath::Parse("parties[side=x]")->multi_valued());
  CHECK(!FieldPath::Parse("nope")->First(root).has_value());
  CHECK(FieldPath::Parse("a.b")->text() == "a.b");
}

TEST_CASE("malformed paths are located errors", "[field_path]") {
  CHECK(ParseError("") == "empty field path");
  CHECK(ParseError("parties[side=defendant.name") ==
        "expected ']' to close '[' at column 8\n"
        "    parties[side=defendant.name\n"
        "                               ^");
  CHECK(ParseError("a[k=v[0]]") ==
        "unexpected '[' in a filter value (quote the value: \"...\")\n"
        "    a[k=v[0]]\n"
        "         ^");
  CHECK(ParseError("parties[0") ==
        "expected ']' to close '[' at column 8\n"
        "    parties[0\n"
        "             ^");
  CHECK(ParseError("a..b") ==
        "expected a field name, found '.'\n"
        "    a..b\n"
        "      ^");
  CHECK(ParseError("a.") ==
        "expected a field name at the end\n"
        "    a.\n"
        "      ^");
  CHECK(ParseError("a[side]") ==
        "expected '=' after 'side' in a filter such as [side=value]\n"
        "    a[side]\n"
        "          ^");
  CHECK(ParseError("a[side=]") ==
        "expected a value after '='\n"
        "    a[side=]\n"
        "           ^");
  CHECK(ParseError("a[99999999999999999999]") ==
        "invalid index (expected a whole number such as 0 or -1)\n"
        "    a[99999999999999999999]\n"
        "      ^");
  CHECK(ParseError("a.\"b") ==
        "unterminated quoted name (missing closing '\"')\n"
        "    a.\"b\n"
        "      ^");
  CHECK(ParseError("a]") ==
        "unexpected ']' (expected '.' or '[')\n"
        "    a]\n"
        "     ^");
  CHECK(ParseError("a.\"\\q\"") ==
        "invalid escape in quoted name\n"
        "    a.\"\\q\"\n"
        "      ^");
}

}  // namespace
}  // namespace casesift
