#include "report_render.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_arena.h"
#include "lead_fields.h"
#include "masker.h"
#include "output_names.h"
#include "report_builder.h"
#include "text_writers.h"
#include "xlsx_writer.h"

namespace casesift {
namespace {

// What the maskers of a test did, summed.
MaskCount counted;

// Masks `text` as the value of `field`; returns the text the report shows.
std::string Masked(Masker* masker, std::string_view field, std::string_view text) {
  std::string out;
  return masker->Mask(field, text, &out, &counted) ? out : std::string(text);
}

TEST_CASE("masker: ID numbers anywhere, only where they stand alone", "[report-render]") {
  counted = MaskCount{};
  Masker m(true, {});
  CHECK(Masked(&m, "evidence.note", "身份证号990101198503121234，住") ==
        "身份证号990***********1234，住");
  CHECK(Masked(&m, "evidence.id_no", "99020219620815002X") == "990***********002X");
  CHECK(Masked(&m, "evidence.id_no", "99020219620815002x") == "990***********002x");
  CHECK(Masked(&m, "evidence.old_id", "990101850312123") == "990********2123");
  // Not an ID number: inside a credit code, after a decimal point, a month 13, too long.
  CHECK(Masked(&m, "evidence.uscc", "91990101198503121234") == "91990101198503121234");
  CHECK(Masked(&m, "evidence.x", "0.990101198503121234") == "0.990101198503121234");
  // After letters or a full stop that is no decimal point, before letters: still an ID.
  CHECK(Masked(&m, "evidence.note", "No.990101198503121234") == "No.990***********1234");
  CHECK(Masked(&m, "evidence.note", "ID990101198503121234_1") == "ID990***********1234_1");
  CHECK(Masked(&m, "evidence.note", "990101198503121234,990101198503121235") ==
        "990***********1234,990***********1235");
  CHECK(Masked(&m, "evidence.x", "990101198513121234") == "990101198513121234");
  CHECK(Masked(&m, "evidence.x", "9901011985031212345") == "9901011985031212345");
  // Already masked, as judgments publish them.
  CHECK(Masked(&m, "evidence.id_no", "310***********1234") == "310***********1234");
  CHECK(m.Summarize(counted).id_numbers == 8);
}

TEST_CASE("masker: person names in name fields; organisations and masked names kept",
          "[report-render]") {
  counted = MaskCount{};
  Masker m(true, {});
  CHECK(Masked(&m, "subject", "张建华") == "张*");
  CHECK(Masked(&m, "subject", "欧阳娜娜") == "欧*");
  CHECK(Masked(&m, "subject", "上海恒远物流有限公司") == "上海恒远物流有限公司");
  CHECK(Masked(&m, "subject", "王某") == "王某");
  CHECK(Masked(&m, "subject", "李秀英; 上海顺安出租汽车有限公司; 赵某") ==
        "李*; 上海顺安出租汽车有限公司; 赵某");
  CHECK(Masked(&m, "evidence.legal_rep", "陈志明") == "陈*");
  CHECK(Masked(&m, "evidence.debtor_name", "周文清") == "周*");
  CHECK(Masked(&m, "evidence.parties[side=defendant].name", "吴国强") == "吴*");
  // Long names are persons' too, unless they hold an organisation word.
  CHECK(Masked(&m, "subject", "阿卜杜热合曼·买买提明") == "阿*");
  CHECK(Masked(&m, "subject", "John Smith Doe") == "J*");
  // Not a name field: left as it is.
  CHECK(Masked(&m, "evidence.cause", "离婚纠纷") == "离婚纠纷");
  CHECK(Masked(&m, "title", "疑似假离婚") == "疑似假离婚");
  CHECK(m.Summarize(counted).names == 8);
  CHECK(m.Summarize(counted).name_fields ==
        std::vector<std::string>{"subject", "evidence.legal_rep", "evidence.debtor_name",
                                 "evidence.parties[side=defendant].name"});
}

TEST_CASE("masker: addresses cut to the district", "[report-render]") {
  CHECK(Masker::CutAddress("上海市浦东新区张江路88弄3号") == "上海市浦东新区");
  CHECK(Masker::CutAddress("上海市闵行区莘庄镇莘建路100弄") == "上海市闵行区");
  CHECK(Masker::CutAddress("江苏省昆山市玉山镇人民路1号") == "江苏省昆山市");
  CHECK(Masker::CutAddress("安徽省宿松县孚玉镇") == "安徽省宿松县");
  CHECK(Masker::CutAddress("内蒙古自治区鄂托克前旗某镇") == "内蒙古自治区");
  CHECK(Masker::CutAddress("安徽省") == "安徽省");
  CHECK(Masker::CutAddress("浙江省义乌市稠城街道市场路5号") == "浙江省义乌市");
  CHECK(Masker::CutAddress("上海市某小区3号") == "上海市");
  CHECK(Masker::CutAddress("张江路88弄3号501室") == "***");  // no administrative word
  counted = MaskCount{};
  Masker m(true, {});
  CHECK(Masked(&m, "evidence.respondent_address", "上海市黄浦区南京东路1号") == "上海市黄浦区");
  CHECK(Masked(&m, "evidence.address", "上海市黄浦区") == "上海市黄浦区");  // nothing to cut
  CHECK(m.Summarize(counted).addresses == 1);
}

TEST_CASE("masker: --mask replaces the default fields; --no-mask masks nothing",
          "[report-render]") {
  Masker chosen(true, {"evidence.spouse", "evidence.home_address", "evidence.debtors[*]"});
  CHECK(Masked(&chosen, "evidence.debtors", "王五") == "王*");  // brackets or not
  CHECK(Masked(&chosen, "evidence.debtors[*]", "赵六") == "赵*");
  CHECK(Masked(&chosen, "subject", "张建华") == "张建华");
  CHECK(Masked(&chosen, "evidence.spouse", "刘丽华") == "刘*");
  CHECK(Masked(&chosen, "evidence.home_address", "上海市静安区某路") == "上海市静安区");
  CHECK(Masked(&chosen, "evidence.note", "990101198503121234") == "990***********1234");
  Masker off(false, {});
  CHECK(Masked(&off, "subject", "张建华") == "张建华");
  CHECK(Masked(&off, "evidence.id_no", "990101198503121234") == "990101198503121234");
  CHECK_FALSE(off.Summarize(MaskCount{}).enabled);
  CHECK(MaskSentence(off.Summarize(MaskCount{})).starts_with("Not masked (--no-mask)"));
}

TEST_CASE("output names: no value leaves the folder", "[report-render]") {
  CHECK(SafeFileName("../x") == "_._x");
  CHECK(SafeFileName("..") == "_.");
  CHECK(SafeFileName(".hidden") == "_hidden");
  CHECK(SafeFileName("a/b\\c") == "a_b_c");
  CHECK(SafeFileName(std::string("a\nb\0c", 5)) == "a_b_c");
  CHECK(SafeFileName("x<>:\"|?*y") == "x_______y");
  CHECK(SafeFileName("") == "none");
  CHECK(SafeFileName("市场监管") == "市场监管");
  // Cut to 120 bytes on a character boundary: 40 three-byte characters, not 41.
  std::string long_name;
  for (int i = 0; i < 60; ++i) long_name += "监";
  CHECK(SafeFileName(long_name).size() == 120);
  std::vector<std::string> names =
      OutputNames("out/{recipient}.html", "recipient", {"a/b", "a_b", "公安", ""});
  REQUIRE(names.size() == 4);
  CHECK(names[0] == "out/a_b.html");  // the same safe name, told apart
  CHECK(names[1] == "out/a_b~2.html");
  CHECK(SafeFileName("-") == "_");
  CHECK(names[2] == "out/公安.html");
  CHECK(names[3] == "out/none.html");
  for (const std::string& n : names) {
    CHECK(n.find("..") == std::string::npos);
    CHECK(n.find('/', 4) == std::string::npos);
  }
}

TEST_CASE("output names: the pattern must name the field", "[report-render]") {
  CHECK(CheckOutputPattern("out/{recipient}.html", "recipient").ok());
  CHECK(CheckOutputPattern("{recipient}/{recipient}.html", "recipient").ok());
  Status none = CheckOutputPattern("out/report.html", "recipient");
  CHECK(none.IsUsage());
  CHECK(std::string(none.message()).find("{recipient}") != std::string::npos);
  Status other = CheckOutputPattern("out/{recipient}-{court}.html", "recipient");
  CHECK(std::string(other.message()) ==
        "-o 'out/{recipient}-{court}.html': unknown placeholder '{court}' (the only one is "
        "{recipient})");
}

TEST_CASE("option lists split at commas outside brackets and quotes", "[report-render]") {
  CHECK(SplitFieldList("a,b") == std::vector<std::string>{"a", "b"});
  CHECK(SplitFieldList("-level,parties[kind=org,side=defendant].name") ==
        std::vector<std::string>{"-level", "parties[kind=org,side=defendant].name"});
  CHECK(SplitFieldList(R"(extra."a,b",c)") == std::vector<std::string>{R"(extra."a,b")", "c"});
  CHECK(SplitFieldList(",,") == std::vector<std::string>{});
}

TEST_CASE("the command line in the provenance is quoted for a shell", "[report-render]") {
  const char* args[] = {"report-render", "-o", "out/{recipient}.html", "it's", "a b", ""};
  std::string line = ShellQuote(6, const_cast<char**>(args));
  CHECK(line == R"(report-render -o 'out/{recipient}.html' 'it'\''s' 'a b' '')");
  const char* installed[] = {"/usr/local/bin/report-render", "x.jsonl"};
  CHECK(ShellQuote(2, const_cast<char**>(installed)) == "report-render x.jsonl");
}

TEST_CASE("xlsx sheet names: Excel's rules", "[report-render]") {
  std::vector<std::string> names =
      SheetNames({"a[b]:c", "history", "Summary", std::string(40, 'x'), std::string(40, 'x'),
                  "'quoted", "ends'", std::string(30, 'y') + "'z"});
  REQUIRE(names.size() == 8);
  CHECK(names[0] == "a_b__c");
  CHECK(names[1] == "history_");
  CHECK(names[2] == "Summary~2");  // the summary sheet has the name
  CHECK(names[3] == std::string(31, 'x'));
  CHECK(names[4] == std::string(29, 'x') + "~2");
  CHECK(names[5] == "_'quoted");
  CHECK(names[6] == "ends_");
  CHECK(names[7] == std::string(30, 'y') + "_");  // cut to 31, no apostrophe at the end
}

// Reads `lines` as leads through the reader the tool uses.
struct Leads {
  TextArena arena;
  std::vector<LoadedLead> leads;
  std::vector<const LoadedLead*> pointers;
  simdjson::dom::parser parser;

  explicit Leads(const std::vector<std::string>& lines) {
    LeadFields fields({}, std::nullopt, std::nullopt);
    leads.resize(lines.size());
    std::string file = "leads.jsonl";
    for (size_t i = 0; i < lines.size(); ++i) {
      JsonlReader::Record rec;
      rec.text = lines[i];
      rec.file = &file;
      rec.line = i + 1;
      REQUIRE(parser.parse(lines[i]).get(rec.root) == simdjson::SUCCESS);
      REQUIRE(fields.Read(rec, &arena, &leads[i]).ok());
      leads[i].order = i;
    }
    for (const LoadedLead& l : leads) pointers.push_back(&l);
  }
};

TEST_CASE("lead fields: the court and the date are worked out", "[report-render]") {
  Leads l(
      {R"({"rule":"r","case_nos":["(2023)沪0115民初1号"],"evidence":{"decided_date":"2023-05-06"}})",
       R"({"rule":"r","court":"某法院","evidence":{"court":"另一法院"},"last_date":"2024-01-02","first_date":"2023-01-01"})",
       R"({"rule":"r","case_nos":["(2023)皖0104民初1号"],"dedupe":{"status":"new","last_seen":"2026-11-27"}})"});
  auto cell = [&](size_t i, Builtin b) { return l.leads[i].builtin[size_t(b)]; };
  CHECK(cell(0, Builtin::kCourt).text == "上海市浦东新区人民法院");
  CHECK(cell(0, Builtin::kDate).text == "2023-05-06");
  CHECK(cell(0, Builtin::kDate).kind == Cell::Kind::kDate);
  CHECK(cell(1, Builtin::kCourt).text == "某法院");
  CHECK(cell(1, Builtin::kDate).text == "2024-01-02");
  CHECK(cell(2, Builtin::kCourt).text == "皖0104");  // a court this build does not know
  CHECK(cell(2, Builtin::kDate).text == "2026-11-27");
  CHECK(cell(2, Builtin::kStatus).text == "new");
  CHECK(cell(0, Builtin::kTitle).text == "r");  // no title: the rule id
}

TEST_CASE("lead fields: a record with no rule is no lead", "[report-render]") {
  TextArena arena;
  LeadFields fields({}, std::nullopt, std::nullopt);
  simdjson::dom::parser parser;
  std::string text = R"({"case_no":"(2023)沪0115民初1号"})";
  std::string file = "cases.jsonl";
  JsonlReader::Record rec;
  rec.text = text;
  rec.file = &file;
  rec.line = 7;
  REQUIRE(parser.parse(text).get(rec.root) == simdjson::SUCCESS);
  LoadedLead lead;
  Status s = fields.Read(rec, &arena, &lead);
  CHECK(s.IsInvalidData());
  CHECK(s.ToString().starts_with(
      "cases.jsonl:7:1: not a lead: it has no \"rule\" (report-render reads the leads "
      "rule-match writes)"));
}

TEST_CASE("report builder: severity first, stable; groups; tallies", "[report-render]") {
  Leads l(
      {R"({"lead_id":"a","rule":"r1","title":"甲","level":"low","recipient":"公安","evidence":{"decided_date":"2024-02-01"}})",
       R"({"lead_id":"b","rule":"r2","level":"critical","recipient":"银行"})",
       R"({"lead_id":"c","rule":"r1","title":"甲","level":"low","recipient":"公安","evidence":{"decided_date":"2024-01-09"}})",
       R"({"lead_id":"d","rule":"r3","level":"high","recipient":"公安"})"});
  ReportSpec spec;
  spec.title = "t";
  Report r = BuildReport(spec, l.pointers, MaskSummary{}, Provenance{});
  std::vector<std::string_view> order;
  for (const LeadRow& row : r.rows) order.push_back(row.lead_id);
  CHECK(order == std::vector<std::string_view>{"b", "d", "a", "c"});
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].end == 4);
  CHECK(r.tallies[0].counts[0] == std::pair<std::string, uint64_t>{"甲 (r1)", 2});
  CHECK(r.tallies[1].counts.front().first == "critical");
  CHECK(r.tallies[3].counts == std::vector<std::pair<std::string, uint64_t>>{
                                   {"2024-01", 1}, {"2024-02", 1}, {"(no date)", 2}});
  CHECK(r.provenance.rules.size() == 3);

  ReportSpec grouped = spec;
  grouped.group = FieldRef{Builtin::kRecipient, -1, "recipient"};
  grouped.sort = {{FieldRef{Builtin::kDate, -1, "date"}, false}};
  Report g = BuildReport(grouped, l.pointers, MaskSummary{}, Provenance{});
  REQUIRE(g.groups.size() == 2);
  CHECK(g.groups[0].value == "公安");
  CHECK(g.rows[0].lead_id == "c");  // dates ascending, the empty last
  CHECK(g.rows[1].lead_id == "a");
  CHECK(g.rows[2].lead_id == "d");
  CHECK(g.groups[1].value == "银行");
}

}  // namespace
}  // namespace casesift
