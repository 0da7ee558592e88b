#include "common/record_splice.h"

#include <catch2/catch.hpp>
#include <vector>

namespace casesift {
namespace {

std::string Splice(std::string_view rec, std::vector<SplicedField> fields) {
  std::string out;
  SpliceFields(rec, fields, &out);
  return out;
}

TEST_CASE("new fields go before the closing brace, the rest is untouched", "[splice]") {
  CHECK(Splice(R"({"case_no":"(2016)沪0115民初80205号", "x" : 1 })", {{"n", "2"}}) ==
        R"({"case_no":"(2016)沪0115民初80205号", "x" : 1 ,"n":2})");
  CHECK(Splice(R"({"a":1})", {{"b", "[1,2]"}, {"c", "{\"d\":null}"}}) ==
        R"({"a":1,"b":[1,2],"c":{"d":null}})");
}

TEST_CASE("an empty object gets no leading comma", "[splice]") {
  CHECK(Splice("{}", {{"a", "1"}}) == R"({"a":1})");
  CHECK(Splice("{ \t }", {{"a", "1"}, {"b", "2"}}) == "{ \t \"a\":1,\"b\":2}");
}

TEST_CASE("trailing whitespace after the object is kept", "[splice]") {
  CHECK(Splice("{\"a\":1}  ", {{"b", "2"}}) == "{\"a\":1,\"b\":2}  ");
}

TEST_CASE("an existing field is replaced in place", "[splice]") {
  CHECK(Splice(R"({"a":1,"b":{"x":[1,{"y":"}"}]},"c":3})", {{"b", "true"}}) ==
        R"({"a":1,"b":true,"c":3})");
  CHECK(Splice(R"({"a" : "old" , "c":3})", {{"a", "\"new\""}, {"z", "0"}}) ==
        R"({"a" : "new" , "c":3,"z":0})");
  CHECK(Splice(R"({"a":-1.5e3})", {{"a", "0"}}) == R"({"a":0})");
}

TEST_CASE("only top-level members are replaced", "[splice]") {
  CHECK(Splice(R"({"x":{"a":1},"s":"\"a\":"})", {{"a", "2"}}) ==
        R"({"x":{"a":1},"s":"\"a\":","a":2})");
}

TEST_CASE("names are escaped when written", "[splice]") {
  CHECK(Splice(R"({"a":1})", {{"匹配\"结果", "1"}}) == R"({"a":1,"匹配\"结果":1})");
}

TEST_CASE("a repeated key is replaced everywhere", "[splice]") {
  CHECK(Splice(R"({"a":1,"a":2})", {{"a", "3"}}) == R"({"a":3,"a":3})");
}

}  // namespace
}  // namespace casesift

namespace casesift {
namespace {

TEST_CASE("a field with an empty value is removed with its comma", "[splice]") {
  CHECK(Splice(R"({"text":"长文","id":7})", {{"text", ""}}) == R"({"id":7})");
  CHECK(Splice(R"({"id":7, "text":"长文"})", {{"text", ""}}) == R"({"id":7})");
  CHECK(Splice(R"({"a":1,"text":"x","b":2})", {{"text", ""}, {"c", "3"}}) ==
        R"({"a":1,"b":2,"c":3})");
  CHECK(Splice(R"({"text":"x"})", {{"text", ""}, {"c", "3"}}) == R"({"c":3})");
  CHECK(Splice(R"({"text":"x"})", {{"text", ""}}) == R"({})");
  CHECK(Splice(R"({"a":1})", {{"text", ""}}) == R"({"a":1})");
}

}  // namespace
}  // namespace casesift

namespace casesift {
namespace {

TEST_CASE("a new member written in place is what SpliceFields adds", "[splice]") {
  // Records with members or none, whitespace inside and after, a nested object last, and
  // names that need escaping; each appended after text already in the output.
  for (std::string_view rec : {R"({"a":1})", "{}", "{ \t }", "{\"a\":1}  ", "{\"a\":{\"b\":{}} }",
                               R"({"case_no":"(2016)沪0115民初80205号", "x" : 1 })"}) {
    for (std::string_view name : {"matches", "m\"q", "新"}) {
      INFO(rec << " " << name);
      REQUIRE_FALSE(MayHaveMember(rec, name));
      std::string direct = "before\n";
      BeginNewMember(rec, name, &direct);
      direct += "[1,2]";
      EndNewMember(rec, &direct);
      std::string spliced = "before\n";
      SpliceFields(rec, std::vector<SplicedField>{{name, "[1,2]"}}, &spliced);
      CHECK(direct == spliced);
    }
  }
  // And the text itself, not only agreement with SpliceFields (which shares their helpers).
  std::string out;
  BeginNewMember("{ \t }  ", "matches", &out);
  out += "[]";
  EndNewMember("{ \t }  ", &out);
  CHECK(out == "{ \t \"matches\":[]}  ");
  out.clear();
  BeginNewMember(R"({"a":1 })", "m\"q", &out);
  out += "2";
  EndNewMember(R"({"a":1 })", &out);
  CHECK(out == R"({"a":1 ,"m\"q":2})");
  CHECK(MayHaveMember(R"({"matches":[]})", "matches"));
  CHECK(MayHaveMember(R"({"a":{"matches":1}})", "matches"));  // nested: only "may"
  CHECK_FALSE(MayHaveMember(R"({"a":"matches"})", "match"));
}

}  // namespace
}  // namespace casesift
