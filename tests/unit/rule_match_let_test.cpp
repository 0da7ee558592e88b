// Unit tests of rule-match's `let` expressions (let_expr.h; RULES.md, "Computed values" and
// "Semantics, precisely"): every operator and function, precedence, the nothing rules,
// located parse errors, and random input that must never crash the parser.
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "let_expr.h"

namespace casesift {
namespace {

constexpr std::string_view kCase = R"({
 "case_no":"(2023)沪0115民初1号",
 "cause":"离婚纠纷","court":"Shanghai PUDONG Court","outcome":"mediated",
 "filed_date":"2023-01-09","decided_date":"2024-03-13","month_only":"2023-05","year_only":"2023",
 "claim_yuan":"120000","award_yuan":150000,"zero":0,"empty_str":"","nothing":null,
 "flag":true,"off":false,
 "allocations":[{"to":"plaintiff","yuan":900000},{"to":"defendant","yuan":100000}],
 "parties":[
  {"side":"plaintiff","name":"王建国","kind":"person"},
  {"side":"defendant","name":"上海某某教育科技有限公司","kind":"org"},
  {"side":"defendant","name":"李新华","kind":"person","share":0.5}],
 "tags":["a","B",null,3],
 "empty":[],
 "mixed":["x","12",7,true,null],
 "extra":{"a.b":4}
})";

// Parses and evaluates `expr` on `json` with the given let values and run date.
class Evaluator {
 public:
  explicit Evaluator(std::string_view json = kCase) : doc_(json) {
    ctx_.record = parser_.parse(doc_).value();
    ctx_.lookup = [this](std::string_view name) -> const Values* {
      auto it = lets_.find(std::string(name));
      return it == lets_.end() ? nullptr : &it->second;
    };
    ctx_.today_days = *LetExpr::IsoDateDays("2024-06-30");
  }
  void Let(const std::string& name, Values v) { lets_[name] = std::move(v); }
  void Today(std::string_view date) { ctx_.today_days = *LetExpr::IsoDateDays(date); }

  // The values as JSON text, e.g. [1,"x"], or "error: ..." when the expression does not parse.
  std::string operator()(std::string_view expr) const {
    Result<LetExpr> e = LetExpr::Parse(expr);
    if (!e.ok()) return "error: " + std::string(e.status().message());
    std::string out = "[";
    for (const Value& v : e->Eval(ctx_)) {
      if (out.size() > 1) out += ',';
      out += ValueJson(v);
    }
    return out + "]";
  }

 private:
  simdjson::padded_string doc_;
  simdjson::dom::parser parser_;
  LetContext ctx_;
  std::map<std::string, Values> lets_;
};

// The parse error of `expr` as "column: message".
std::string ErrorOf(std::string_view expr) {
  Result<LetExpr> e = LetExpr::Parse(expr);
  if (e.ok()) return "parsed";
  CHECK(e.status().IsUsage());
  const Location* loc = e.status().location();
  REQUIRE(loc != nullptr);
  CHECK(loc->line == 1);
  CHECK(loc->file.empty());
  return std::to_string(loc->column) + ": " + std::string(e.status().message());
}

TEST_CASE("let: literals", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("500000") == "[500000]");
  CHECK(eval("0.7") == "[0.7]");
  CHECK(eval("-3") == "[-3]");
  CHECK(eval("'text'") == R"(["text"])");
  CHECK(eval("\"text\"") == R"(["text"])");
  CHECK(eval("'离婚纠纷'") == R"(["离婚纠纷"])");
  CHECK(eval(R"('it\'s \\ \n')") == R"(["it's \\ \\n"])");
  CHECK(eval(R"("say \"hi\"")") == R"(["say \"hi\""])");
  CHECK(eval("''") == R"([""])");
  CHECK(eval("true") == "[true]");
  CHECK(eval("false") == "[false]");
  CHECK(eval("  ( 42 )  ") == "[42]");
  CHECK(eval("\t1\n+\r2") == "[3]");
}

TEST_CASE("let: paths", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("cause") == R"(["离婚纠纷"])");
  CHECK(eval("allocations[*].yuan") == "[900000,100000]");
  CHECK(eval("parties[side=defendant].name") == R"(["上海某某教育科技有限公司","李新华"])");
  CHECK(eval("parties[kind=org,side=defendant].name") == R"(["上海某某教育科技有限公司"])");
  CHECK(eval("parties[-1].share") == "[0.5]");
  CHECK(eval("extra.\"a.b\"") == "[4]");
  CHECK(eval("parties[name=\"李新华\"].share") == "[0.5]");
  // Missing, null, objects: nothing. An array stands for its scalar elements.
  CHECK(eval("missing") == "[]");
  CHECK(eval("nothing") == "[]");
  CHECK(eval("extra") == "[]");
  CHECK(eval("tags") == R"(["a","B",3])");
  CHECK(eval("empty") == "[]");
  CHECK(eval("flag") == "[true]");
  // Keyword-like and function-like names that are not keywords or calls are paths.
  CHECK(eval("days") == "[]");
  CHECK(eval("android") == "[]");
}

TEST_CASE("let: $names", "[rule_match][let]") {
  Evaluator eval;
  eval.Let("share", {Value::Number(0.9)});
  eval.Let("names", {Value::String("a"), Value::String("b")});
  CHECK(eval("$share") == "[0.9]");
  CHECK(eval("$names") == R"(["a","b"])");
  CHECK(eval("$unknown") == "[]");
  CHECK(eval("$share * 2") == "[1.8]");

  Result<LetExpr> e = LetExpr::Parse("$b + $a * $b + x.y + x.y + z[*]");
  REQUIRE(e.ok());
  CHECK(e->names_used() == std::vector<std::string>{"b", "a"});
  CHECK(e->paths_used() == std::vector<std::string>{"x.y", "z[*]"});
  CHECK(e->text() == "$b + $a * $b + x.y + x.y + z[*]");

  // Without a lookup function, names are nothing.
  LetContext ctx;
  Result<LetExpr> n = LetExpr::Parse("$x");
  REQUIRE(n.ok());
  CHECK(n->Eval(ctx).empty());
}

TEST_CASE("let: arithmetic", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("1 + 2") == "[3]");
  CHECK(eval("5 - 7") == "[-2]");
  CHECK(eval("6 * 7") == "[42]");
  CHECK(eval("7 / 2") == "[3.5]");
  CHECK(eval("-(2 + 3)") == "[-5]");
  CHECK(eval("- -4") == "[4]");
  CHECK(eval("2 * -3") == "[-6]");
  CHECK(eval("2--3") == "[5]");
  // Decimal strings are numbers; other strings and booleans are not.
  CHECK(eval("claim_yuan + 1") == "[120001]");
  CHECK(eval("'2.5' * 2") == "[5]");
  CHECK(eval("cause + 1") == "[]");
  CHECK(eval("true + 1") == "[]");
  CHECK(eval("-cause") == "[]");
  // Several values: the first.
  CHECK(eval("allocations[*].yuan + 1") == "[900001]");
  CHECK(eval("1 - allocations[*].yuan") == "[-899999]");
  // Overflow is nothing, not infinity.
  std::string big(300, '9');
  CHECK(eval(big + " * " + big) == "[]");
}

TEST_CASE("let: arithmetic on nothing and division by zero give nothing", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("missing + 1") == "[]");
  CHECK(eval("1 - missing") == "[]");
  CHECK(eval("missing * 2") == "[]");
  CHECK(eval("2 / missing") == "[]");
  CHECK(eval("-missing") == "[]");
  CHECK(eval("$nope + 1") == "[]");
  CHECK(eval("1 / 0") == "[]");
  CHECK(eval("1 / zero") == "[]");
  CHECK(eval("0 / 0") == "[]");
  CHECK(eval("1 / (2 - 2)") == "[]");
  CHECK(eval("(1 / 0) + 5") == "[]");
  CHECK(eval("0 / 5") == "[0]");
}

TEST_CASE("let: equality", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("1 == 1") == "[true]");
  CHECK(eval("1 == 2") == "[false]");
  CHECK(eval("1 != 2") == "[true]");
  CHECK(eval("1 != 1") == "[false]");
  // Numbers compare numerically, also as decimal strings, within CompareNumbers' tolerance.
  CHECK(eval("claim_yuan == 120000") == "[true]");
  CHECK(eval("'500000' == 500000.0") == "[true]");
  CHECK(eval("'500000.0' == '500000'") == "[true]");
  CHECK(eval("0.1 + 0.2 == 0.3") == "[true]");
  // Strings exactly: no case folding, no trimming.
  CHECK(eval("cause == '离婚纠纷'") == "[true]");
  CHECK(eval("outcome == 'Mediated'") == "[false]");
  CHECK(eval("outcome != 'Mediated'") == "[true]");
  CHECK(eval("'a ' == 'a'") == "[false]");
  // Booleans with booleans; mixed kinds are unequal.
  CHECK(eval("flag == true") == "[true]");
  CHECK(eval("off == false") == "[true]");
  CHECK(eval("flag == 1") == "[false]");
  CHECK(eval("flag != 1") == "[true]");
  CHECK(eval("'true' == true") == "[false]");
  CHECK(eval("cause == 1") == "[false]");
  CHECK(eval("cause != 1") == "[true]");
  // Several values: the first.
  CHECK(eval("allocations[*].yuan == 900000") == "[true]");
  CHECK(eval("allocations[*].yuan == 100000") == "[false]");
  // Results are booleans that compare with booleans.
  CHECK(eval("(1 < 2) == true") == "[true]");
}

TEST_CASE("let: ordering", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("1 < 2") == "[true]");
  CHECK(eval("2 < 2") == "[false]");
  CHECK(eval("2 <= 2") == "[true]");
  CHECK(eval("3 <= 2") == "[false]");
  CHECK(eval("3 > 2") == "[true]");
  CHECK(eval("2 > 2") == "[false]");
  CHECK(eval("2 >= 2") == "[true]");
  CHECK(eval("1 >= 2") == "[false]");
  // Decimal strings numerically ("10" > "9"), other strings byte-wise.
  CHECK(eval("'10' > '9'") == "[true]");
  CHECK(eval("'10' > 9") == "[true]");
  CHECK(eval("'b' > 'a'") == "[true]");
  CHECK(eval("'B' > 'a'") == "[false]");
  CHECK(eval("filed_date < decided_date") == "[true]");
  CHECK(eval("filed_date >= '2023-01-09'") == "[true]");
  // A string and a number, or booleans: never ordered.
  CHECK(eval("cause > 1") == "[false]");
  CHECK(eval("cause < 1") == "[false]");
  CHECK(eval("true > false") == "[false]");
  CHECK(eval("true >= true") == "[false]");
}

TEST_CASE("let: a comparison with nothing is false", "[rule_match][let]") {
  Evaluator eval;
  for (std::string op : {"==", "!=", "<", "<=", ">", ">="}) {
    INFO(op);
    CHECK(eval("missing " + op + " 1") == "[false]");
    CHECK(eval("1 " + op + " missing") == "[false]");
    CHECK(eval("missing " + op + " missing") == "[false]");
    CHECK(eval("(1 / 0) " + op + " 0") == "[false]");
    CHECK(eval("$nope " + op + " 'x'") == "[false]");
  }
}

TEST_CASE("let: and, or, not", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("true and true") == "[true]");
  CHECK(eval("true and false") == "[false]");
  CHECK(eval("false or true") == "[true]");
  CHECK(eval("false or false") == "[false]");
  CHECK(eval("not true") == "[false]");
  CHECK(eval("not false") == "[true]");
  CHECK(eval("not not true") == "[true]");
  // Nothing is false.
  CHECK(eval("missing and true") == "[false]");
  CHECK(eval("missing or true") == "[true]");
  CHECK(eval("missing or missing") == "[false]");
  CHECK(eval("not missing") == "[true]");
  CHECK(eval("not (1 / 0)") == "[true]");
  // Other values: a non-zero number or a non-empty string is true.
  CHECK(eval("1 and 'x'") == "[true]");
  CHECK(eval("zero or empty_str") == "[false]");
  CHECK(eval("not zero") == "[true]");
  CHECK(eval("not cause") == "[false]");
  CHECK(eval("flag and not off") == "[true]");
  // Several values: the first.
  CHECK(eval("not mixed") == "[false]");
}

TEST_CASE("let: precedence", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("1 + 2 * 3") == "[7]");
  CHECK(eval("(1 + 2) * 3") == "[9]");
  CHECK(eval("10 - 4 - 3") == "[3]");  // left to right
  CHECK(eval("64 / 4 / 2") == "[8]");
  CHECK(eval("10 - 2 * 3 + 1") == "[5]");
  CHECK(eval("-2 * 3") == "[-6]");
  CHECK(eval("-2 + 3") == "[1]");
  CHECK(eval("1 + 2 > 2") == "[true]");
  CHECK(eval("2 * 3 == 6") == "[true]");
  // not binds looser than comparison: not (1 == 2).
  CHECK(eval("not 1 == 2") == "[true]");
  // and binds tighter than or.
  CHECK(eval("true or false and false") == "[true]");
  CHECK(eval("(true or false) and false") == "[false]");
  CHECK(eval("false and true or true") == "[true]");
  CHECK(eval("not false and false") == "[false]");
  CHECK(eval("not (false and false)") == "[true]");
  CHECK(eval("1 < 2 and 3 > 4 or 5 == 5") == "[true]");
  CHECK(eval("1 < 2 and not 3 > 4") == "[true]");
}

TEST_CASE("let: count", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("count(parties)") == "[3]");
  CHECK(eval("count(parties[side=defendant])") == "[2]");
  CHECK(eval("count(parties[*].name)") == "[3]");
  CHECK(eval("count(parties[*].share)") == "[1]");
  CHECK(eval("count(tags)") == "[3]");  // null elements do not count
  CHECK(eval("count(empty)") == "[0]");
  CHECK(eval("count(missing)") == "[0]");
  CHECK(eval("count(nothing)") == "[0]");
  CHECK(eval("count(extra)") == "[1]");
  CHECK(eval("count(1 / 0)") == "[0]");
  CHECK(eval("count($nope)") == "[0]");
  CHECK(eval("count(cause)") == "[1]");
  CHECK(eval("count((parties[*].name))") == "[3]");
  CHECK(eval("count(lower(tags))") == "[3]");
  eval.Let("two", {Value::Number(1), Value::Number(2)});
  CHECK(eval("count($two)") == "[2]");
}

TEST_CASE("let: sum, min, max, avg", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("sum(allocations[*].yuan)") == "[1000000]");
  CHECK(eval("min(allocations[*].yuan)") == "[100000]");
  CHECK(eval("max(allocations[*].yuan)") == "[900000]");
  CHECK(eval("avg(allocations[*].yuan)") == "[500000]");
  CHECK(eval("sum(claim_yuan)") == "[120000]");
  // Non-numbers are skipped: "x" and true are not numbers, "12" is.
  CHECK(eval("sum(mixed)") == "[19]");
  CHECK(eval("min(mixed)") == "[7]");
  CHECK(eval("max(mixed)") == "[12]");
  CHECK(eval("avg(mixed)") == "[9.5]");
  // min and max of several arguments: every value of each (a cap: min($paid, award_yuan)).
  CHECK(eval("min(claim_yuan, 5000)") == "[5000]");
  CHECK(eval("max(allocations[*].yuan, 950000)") == "[950000]");
  CHECK(eval("min(claim_yuan, nothing_here)") == "[120000]");
  // Of nothing (or nothing numeric): nothing.
  for (std::string fn : {"sum", "min", "max", "avg"}) {
    INFO(fn);
    CHECK(eval(fn + "(missing)") == "[]");
    CHECK(eval(fn + "(empty)") == "[]");
    CHECK(eval(fn + "(cause)") == "[]");
    CHECK(eval(fn + "(1 / 0)") == "[]");
    CHECK(eval(fn + "(-5)") == "[-5]");
  }
}

TEST_CASE("let: len and lower", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("len(cause)") == "[4]");  // code points, not bytes
  CHECK(eval("len('abc')") == "[3]");
  CHECK(eval("len('')") == "[0]");
  CHECK(eval("len(parties[*].name)") == "[3]");  // the first
  CHECK(eval("len(missing)") == "[]");
  CHECK(eval("len(zero)") == "[]");
  CHECK(eval("len(flag)") == "[]");
  CHECK(eval("lower(court)") == R"(["shanghai pudong court"])");
  CHECK(eval("lower('ÀB离')") == R"(["Àb离"])");  // ASCII only
  CHECK(eval("lower(tags)") == R"(["a","b",3])");
  CHECK(eval("lower(missing)") == "[]");
  CHECK(eval("lower(court) == 'shanghai pudong court'") == "[true]");
}

TEST_CASE("let: coalesce", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("coalesce(award_yuan, 0) - coalesce(claim_yuan, 0)") == "[30000]");
  CHECK(eval("coalesce(missing, 0)") == "[0]");
  CHECK(eval("coalesce(missing, nothing, empty, allocations[*].yuan, 1)") == "[900000,100000]");
  CHECK(eval("coalesce(missing)") == "[]");
  CHECK(eval("coalesce(missing, 1 / 0)") == "[]");
  CHECK(eval("coalesce(zero, 5)") == "[0]");  // 0 is something
  CHECK(eval("coalesce(empty_str, 'x')") == R"([""])");
}

TEST_CASE("let: days and today", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("days(filed_date, decided_date)") == "[429]");
  CHECK(eval("days(decided_date, filed_date)") == "[-429]");
  CHECK(eval("days('2024-01-31', '2024-03-01')") == "[30]");  // leap February
  CHECK(eval("days('2023-01-31', '2023-03-01')") == "[29]");
  CHECK(eval("days('2023-12-31', '2024-01-01')") == "[1]");
  CHECK(eval("days('2024-01-01', '2025-01-01')") == "[366]");
  CHECK(eval("days('2100-02-28', '2100-03-01')") == "[1]");  // not a leap year
  CHECK(eval("days('2000-02-28', '2000-03-01')") == "[2]");  // a leap year
  CHECK(eval("days('1970-01-01', '1969-12-31')") == "[-1]");
  CHECK(eval("days('2020-05-05', '2020-05-05')") == "[0]");
  CHECK(eval("days(filed_date, decided_date) > 365") == "[true]");
  // Not full ISO dates: nothing.
  CHECK(eval("days(month_only, decided_date)") == "[]");
  CHECK(eval("days(filed_date, year_only)") == "[]");
  CHECK(eval("days(missing, decided_date)") == "[]");
  CHECK(eval("days('2023-02-29', '2023-03-01')") == "[]");
  CHECK(eval("days('2023-13-01', '2023-03-01')") == "[]");
  CHECK(eval("days('2023-00-10', '2023-03-01')") == "[]");
  CHECK(eval("days('2023-04-31', '2023-05-01')") == "[]");
  CHECK(eval("days('2023-1-01', '2023-05-01')") == "[]");
  CHECK(eval("days('2023-01-01T00:00', '2023-05-01')") == "[]");
  CHECK(eval("days(20230101, 20230105)") == "[]");
  CHECK(eval("days(filed_date, decided_date) + 1") == "[430]");

  CHECK(eval("today()") == R"(["2024-06-30"])");
  CHECK(eval("days(decided_date, today())") == "[109]");
  eval.Today("2000-02-29");
  CHECK(eval("today()") == R"(["2000-02-29"])");
  eval.Today("1970-01-01");
  CHECK(eval("today()") == R"(["1970-01-01"])");
  eval.Today("1969-12-31");
  CHECK(eval("today()") == R"(["1969-12-31"])");

  CHECK(LetExpr::IsoDateDays("1970-01-01") == 0);
  CHECK(LetExpr::IsoDateDays("2000-03-01") == 11017);
  CHECK(LetExpr::IsoDateDays("0000-01-01").has_value());
  CHECK(!LetExpr::IsoDateDays("2023-05").has_value());
  CHECK(!LetExpr::IsoDateDays("2023").has_value());
  // Every day of four centuries reads back.
  for (int64_t d = LetExpr::IsoDateDays("1900-01-01").value();
       d <= LetExpr::IsoDateDays("2300-12-31").value(); ++d) {
    std::string s = LetExpr::IsoDate(d);
    if (LetExpr::IsoDateDays(s) != d) FAIL(s << " " << d);
  }
}

TEST_CASE("let: the share example of RULES.md", "[rule_match][let]") {
  simdjson::dom::parser parser;
  simdjson::padded_string json(std::string_view(
      R"({"cause":"离婚纠纷","outcome":"mediated","case_no":"(2023)沪0115民初1号",)"
      R"("allocations":[{"to":"plaintiff","yuan":900000},{"to":"defendant","yuan":100000}],)"
      R"("other_cases":[{"case_no":"(2022)沪0115民初9号","cause":"民间借贷纠纷",)"
      R"("side":"defendant"}]})"));
  simdjson::dom::element record;
  REQUIRE(parser.parse(json).get(record) == simdjson::SUCCESS);

  Result<LetExpr> share = LetExpr::Parse("max(allocations[*].yuan) / sum(allocations[*].yuan)");
  REQUIRE(share.ok());
  CHECK(share->paths_used() == std::vector<std::string>{"allocations[*].yuan"});
  LetContext ctx;
  ctx.record = record;
  Values v = share->Eval(ctx);
  REQUIRE(v.size() == 1);
  CHECK(v[0].kind == Value::Kind::kNumber);
  CHECK(v[0].number == Approx(0.9));

  // A later entry uses it by name, as the loader wires it.
  Result<LetExpr> lopsided = LetExpr::Parse("$share >= 0.7 and count(other_cases) >= 1");
  REQUIRE(lopsided.ok());
  CHECK(lopsided->names_used() == std::vector<std::string>{"share"});
  ctx.lookup = [&](std::string_view name) -> const Values* {
    return name == "share" ? &v : nullptr;
  };
  CHECK(lopsided->Eval(ctx) == Values{Value::Bool(true)});

  // No allocations: sum and max are nothing, so is the share, and the comparison is false.
  simdjson::dom::parser parser2;
  simdjson::padded_string bare(std::string_view(R"({"cause":"离婚纠纷"})"));
  REQUIRE(parser2.parse(bare).get(ctx.record) == simdjson::SUCCESS);
  v = share->Eval(ctx);
  CHECK(v.empty());
  CHECK(lopsided->Eval(ctx) == Values{Value::Bool(false)});
}

TEST_CASE("let: located parse errors", "[rule_match][let]") {
  CHECK(ErrorOf("") == "1: empty expression");
  CHECK(ErrorOf("   ") == "1: empty expression");
  CHECK(ErrorOf("(1 + 2") == "7: expected ')' to close '(' at column 1, found the end");
  CHECK(ErrorOf("2 * (1 + (2 - 3) x") == "18: expected ')' to close '(' at column 5, found 'x'");
  CHECK(ErrorOf("1 +") ==
        "4: expected a value at the end (a number, 'string', path, $name, function call or "
        "'(')");
  CHECK(ErrorOf("1 + * 2") == "5: expected a value, found '*'");
  CHECK(ErrorOf("()") == "2: expected a value, found ')'");
  CHECK(ErrorOf("1 2") ==
        "3: unexpected '2' after an expression (expected an operator or the end)");
  CHECK(ErrorOf("a b") ==
        "3: unexpected 'b' after an expression (expected an operator or the end)");
  CHECK(ErrorOf("1 + 2)") == "6: unexpected ')' (no '(' to close)");
  CHECK(ErrorOf("a = 1") == "3: unexpected '=' (use '==' to compare)");
  CHECK(ErrorOf("!a") == "1: unexpected '!' (use 'not')");
  CHECK(ErrorOf("a && b") == "3: unexpected '&' (use 'and')");
  CHECK(ErrorOf("a || b") == "3: unexpected '|' (use 'or'; modifiers belong in selections)");
  CHECK(ErrorOf("a % 2") == "3: unexpected '%'");
  CHECK(ErrorOf("a # b") == "3: unexpected '#'");
  CHECK(ErrorOf("a\x01") == "2: unexpected byte 0x01");
  CHECK(ErrorOf("$") == "1: expected a let name after '$'");
  CHECK(ErrorOf("1 + $ + 2") == "5: expected a let name after '$'");
  CHECK(ErrorOf("'abc") == "1: unterminated string (missing closing ''')");
  CHECK(ErrorOf("x == \"abc") == "6: unterminated string (missing closing '\"')");
  CHECK(ErrorOf("1.") == "2: expected a digit after '.' in a number");
  CHECK(ErrorOf("3x") ==
        "2: unexpected 'x' after a number (a path cannot start with a digit; quote it as a "
        "string if it is text)");
  CHECK(ErrorOf("1.2.3") ==
        "4: unexpected '.' after a number (a path cannot start with a digit; quote it as a "
        "string if it is text)");
  CHECK(ErrorOf("1 < 2 < 3") ==
        "7: comparisons do not chain: write 'a < b and b < c' (or parenthesise)");
  CHECK(ErrorOf("1 == not 2") == "6: 'not' needs parentheses here: write '(not ...)'");
  CHECK(ErrorOf("-not 2") == "2: 'not' needs parentheses here: write '(not ...)'");
  CHECK(ErrorOf("count（parties）") == "6: unexpected full-width '（' (use '(')");
  CHECK(ErrorOf("count(a，b)") == "8: unexpected full-width '，' (use ',')");
  // Paths: FieldPath's own messages, at the column of the expression.
  CHECK(ErrorOf("1 + a..b") == "7: expected a field name, found '.'");
  CHECK(ErrorOf("count(parties[side=defendant)") == "30: expected ']' to close '[' at column 14");
  CHECK(ErrorOf("x + parties[side]") ==
        "17: expected '=' after 'side' in a filter such as [side=value]");
  CHECK(ErrorOf("a.b(1)") ==
        "4: unexpected '(' after an expression (expected an operator or the end)");
  // Lexical errors are reported only when the parser gets there: the first error wins.
  CHECK(ErrorOf("1 + ) $") == "5: expected a value, found ')'");

  // The whole message, caret line included.
  Result<LetExpr> e = LetExpr::Parse("sum(a) + (b * 2");
  REQUIRE(!e.ok());
  CHECK(e.status().ToString() ==
        "expected ')' to close '(' at column 10, found the end\n"
        "    sum(a) + (b * 2\n"
        "                   ^");
  CHECK(e.status().ExitCode() == 2);
}

TEST_CASE("let: norm() is the name level of the shared normaliser", "[rule_match][let]") {
  Evaluator eval;
  CHECK(eval("norm('上海華夏貿易（上海）有限責任公司')") == R"(["上海华夏贸易有限公司"])");
  CHECK(eval("norm(parties[*].name)") == R"(["王建国","上海某某教育科技有限公司","李新华"])");
  CHECK(eval("norm('ABC Co., Ltd.') == norm('abc co ltd')") == "[true]");
  CHECK(eval("norm(missing)") == "[]");
  CHECK(eval("norm(12)") == "[12]");
}

TEST_CASE("let: function errors", "[rule_match][let]") {
  CHECK(ErrorOf("cout(parties)") == "1: unknown function 'cout' (did you mean 'count'?)");
  CHECK(ErrorOf("1 + summ(x)") == "5: unknown function 'summ' (did you mean 'sum'?)");
  CHECK(ErrorOf("lowr(x)") == "1: unknown function 'lowr' (did you mean 'lower'?)");
  CHECK(ErrorOf("COUNT(x)") == "1: unknown function 'COUNT' (did you mean 'count'?)");
  CHECK(ErrorOf("colaesce(x, 1)") == "1: unknown function 'colaesce' (did you mean 'coalesce'?)");
  CHECK(ErrorOf("median(x)") ==
        "1: unknown function 'median' (functions: count, sum, min, max, avg, len, lower, "
        "coalesce, days, today)");
  CHECK(ErrorOf("norm(a, b)") == "1: norm() takes 1 argument, got 2");
  CHECK(ErrorOf("nrom(a)") == "1: unknown function 'nrom' (did you mean 'norm'?)");
  CHECK(ErrorOf("count()") == "1: count() takes 1 argument, got 0");
  CHECK(ErrorOf("1 + sum(a, b)") == "5: sum() takes 1 argument, got 2");
  CHECK(ErrorOf("days(a)") == "1: days() takes 2 arguments, got 1");
  CHECK(ErrorOf("days(a, b, c)") == "1: days() takes 2 arguments, got 3");
  CHECK(ErrorOf("today(1)") == "1: today() takes no arguments, got 1");
  CHECK(ErrorOf("coalesce()") == "1: coalesce() takes at least 1 argument, got 0");
  CHECK(ErrorOf("max(a b)") == "7: expected ',' or ')' to close 'max(' at column 4, found 'b'");
  CHECK(ErrorOf("max(a,") ==
        "7: expected a value at the end (a number, 'string', path, $name, function call or "
        "'(')");
  CHECK(ErrorOf("max(a,)") == "7: expected a value, found ')'");
  // Spaces before '(' still make a call; keywords never do.
  CHECK(ErrorOf("count (x)") == "parsed");
  CHECK(ErrorOf("not(x)") == "parsed");
}

TEST_CASE("let: nesting is limited", "[rule_match][let]") {
  auto nested = [](int levels, std::string_view open, std::string_view close) {
    std::string s;
    for (int i = 0; i < levels; ++i) s += open;
    s += "1";
    for (int i = 0; i < levels; ++i) s += close;
    return s;
  };
  Evaluator eval;
  CHECK(eval(nested(LetExpr::kMaxNesting, "(", ")")) == "[1]");
  CHECK(eval(nested(LetExpr::kMaxNesting, "-", "")) == "[1]");
  CHECK(eval(nested(LetExpr::kMaxNesting, "sum(", ")")) == "[1]");
  CHECK(ErrorOf(nested(LetExpr::kMaxNesting + 1, "(", ")")) ==
        "101: expression nests too deeply (more than 100 levels)");
  CHECK(ErrorOf(nested(LetExpr::kMaxNesting + 1, "not ", "")) ==
        "401: expression nests too deeply (more than 100 levels)");
  CHECK(ErrorOf(nested(100000, "(", ")")) ==
        "101: expression nests too deeply (more than 100 levels)");
  CHECK(ErrorOf(nested(100000, "-", "")) ==
        "101: expression nests too deeply (more than 100 levels)");
  // Long flat chains are not nesting: they parse and evaluate without recursion.
  std::string chain = "1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  CHECK(eval(chain) == "[100001]");
  std::string logic = "true";
  for (int i = 0; i < 50000; ++i) logic += " and true or false";
  CHECK(eval(logic) == "[true]");
}

TEST_CASE("let: random input never crashes the parser", "[rule_match][let]") {
  // Random bytes, and random strings over the expression alphabet (far likelier to get
  // deep into the parser), must parse or fail with a located Usage error; whatever parses
  // must evaluate.
  static constexpr std::string_view kPieces[] = {"(",
                                                 ")",
                                                 ",",
                                                 "+",
                                                 "-",
                                                 "*",
                                                 "/",
                                                 "==",
                                                 "!=",
                                                 "<",
                                                 "<=",
                                                 ">",
                                                 ">=",
                                                 " and ",
                                                 " or ",
                                                 "not ",
                                                 "1",
                                                 "0",
                                                 "2.5",
                                                 "'x'",
                                                 "\"y\"",
                                                 "'",
                                                 "\"",
                                                 "$share",
                                                 "$",
                                                 "true",
                                                 "false",
                                                 "count",
                                                 "sum",
                                                 "min",
                                                 "max",
                                                 "avg",
                                                 "len",
                                                 "lower",
                                                 "norm",
                                                 "coalesce",
                                                 "days",
                                                 "today",
                                                 "cause",
                                                 "allocations[*].yuan",
                                                 "parties[side=defendant]",
                                                 "[",
                                                 "]",
                                                 "=",
                                                 ".",
                                                 "*",
                                                 " ",
                                                 "离",
                                                 "\xEF\xBC\x88",
                                                 "\\",
                                                 "filed_date",
                                                 "'2024-02-29'",
                                                 "-1",
                                                 "[0]",
                                                 "[-1]",
                                                 "\xFF",
                                                 "a.\"b"};
  Evaluator eval;
  eval.Let("share", {Value::Number(0.5), Value::String("x")});
  std::mt19937 rng(20240630);
  int parsed = 0, failed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    if (round % 2 == 0) {
      size_t n = rng() % 24;
      for (size_t i = 0; i < n; ++i) text += static_cast<char>(rng() % 256);
    } else {
      size_t n = rng() % 16;
      for (size_t i = 0; i < n; ++i) text += kPieces[rng() % std::size(kPieces)];
    }
    Result<LetExpr> e = LetExpr::Parse(text);
    if (e.ok()) {
      ++parsed;
      std::string out = eval(text);
      if (out.rfind("error", 0) == 0) FAIL(text);
    } else {
      ++failed;
      const Location* loc = e.status().location();
      bool located = e.status().IsUsage() && loc != nullptr && loc->column >= 1 &&
                     loc->column <= text.size() + 1 && !e.status().message().empty();
      if (!located) FAIL("badly located error for: " << text << "\n" << e.status().ToString());
      (void)e.status().ToString();
    }
  }
  CHECK(parsed > 1000);
  CHECK(failed > 1000);
}

}  // namespace
}  // namespace casesift
