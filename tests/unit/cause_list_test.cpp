#include "common/cause_list.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {
namespace {

// "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 103 借款合同纠纷 > (3) 民间借贷纠纷".
std::string ChainText(std::string_view name) {
  const Cause* cause = FindCause(name);
  if (cause == nullptr) return "not listed";
  std::string out;
  for (const Cause* c : CauseChain(*cause)) {
    if (!out.empty()) out += " > ";
    out += std::string(c->number) + " " + std::string(c->name);
  }
  return out;
}

TEST_CASE("the 2020 list has all four levels", "[cause_list]") {
  const CauseList& list = CauseList::Civil2020();
  CHECK(list.version() == "2020");
  CHECK(list.CountAtLevel(1) == 11);
  CHECK(list.CountAtLevel(2) == 54);
  CHECK(list.CountAtLevel(3) == 473);
  CHECK(list.CountAtLevel(4) == 389);
  CHECK(list.CountAtLevel(0) == 0);
  CHECK(list.CountAtLevel(5) == 0);
  CHECK(list.causes().size() == 927);
  for (const Cause& c : list.causes()) CHECK(c.version == "2020");
  // Third-level causes are numbered 1..473 in order; fourth-level ones restart at (1).
  int third = 0;
  int fourth = 0;
  for (const Cause& c : list.causes()) {
    if (c.level == 3) {
      CHECK(c.number == std::to_string(++third));
      fourth = 0;
    } else if (c.level == 4) {
      CHECK(c.number == "(" + std::to_string(++fourth) + ")");
    }
  }
  CHECK(list.causes().front().number == "第一部分");
  CHECK(list.causes().back().name == "执行分配方案异议之诉");
  CHECK(list.causes().back().number == "473");
}

TEST_CASE("FindCause gives the cause and its chain", "[cause_list]") {
  CHECK(ChainText("民间借贷纠纷") ==
        "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 103 借款合同纠纷 > (3) 民间借贷纠纷");
  CHECK(ChainText("金融借款合同纠纷") ==
        "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 103 借款合同纠纷 > (1) 金融借款合同纠纷");
  CHECK(ChainText("离婚纠纷") == "第二部分 婚姻家庭、继承纠纷 > 二 婚姻家庭纠纷 > 14 离婚纠纷");
  CHECK(ChainText("婚内夫妻财产分割纠纷") ==
        "第二部分 婚姻家庭、继承纠纷 > 二 婚姻家庭纠纷 > 13 婚内夫妻财产分割纠纷");
  CHECK(ChainText("追偿权纠纷") == "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 143 追偿权纠纷");
  CHECK(ChainText("信用卡纠纷") ==
        "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 110 银行卡纠纷 > (2) 信用卡纠纷");
  CHECK(ChainText("教育培训合同纠纷") ==
        "第四部分 合同、准合同纠纷 > 十 合同纠纷 > 137 服务合同纠纷 > (15) 教育培训合同纠纷");
  CHECK(ChainText("机动车交通事故责任纠纷") ==
        "第九部分 侵权责任纠纷 > 三十一 侵权责任纠纷 > 374 机动车交通事故责任纠纷");
  CHECK(ChainText("申请人身安全保护令") ==
        "第十部分 非讼程序案件案由 > 四十六 申请人身安全保护令案件 > 442 申请人身安全保护令");
  CHECK(ChainText("案外人执行异议之诉") ==
        "第十一部分 特殊诉讼程序案件案由 > 五十四 执行程序中的异议之诉 > 471 执行异议之诉 > "
        "(1) 案外人执行异议之诉");
  CHECK(ChainText("人格权纠纷") == "第一部分 人格权纠纷 > 一 人格权纠纷");
  CHECK(ChainText("合同、准合同纠纷") == "第四部分 合同、准合同纠纷");
}

TEST_CASE("a name at two levels finds the deeper cause", "[cause_list]") {
  CHECK(ChainText("不当得利纠纷") ==
        "第四部分 合同、准合同纠纷 > 十一 不当得利纠纷 > 144 不当得利纠纷");
  CHECK(ChainText("第三人撤销之诉") ==
        "第十一部分 特殊诉讼程序案件案由 > 五十三 第三人撤销之诉 > 470 第三人撤销之诉");
  CHECK(ChainText("海事海商纠纷") == "第七部分 海事海商纠纷 > 十九 海事海商纠纷");
}

TEST_CASE("IsListedCause is exact after trimming", "[cause_list]") {
  CHECK(IsListedCause("民间借贷纠纷"));
  CHECK(IsListedCause("  民间借贷纠纷\t"));
  CHECK(IsListedCause("\u3000离婚纠纷\u3000"));
  CHECK(IsListedCause("企业名称（商号）合同纠纷"));
  CHECK_FALSE(IsListedCause("民间借贷"));
  CHECK_FALSE(IsListedCause("民间借贷纠纷一案"));
  CHECK_FALSE(IsListedCause(""));
  // 2011 names that the 2020 revision replaced.
  CHECK_FALSE(IsListedCause("网络购物合同纠纷"));
  CHECK_FALSE(IsListedCause("居间合同纠纷"));
  CHECK_FALSE(IsListedCause("合伙协议纠纷"));
  CHECK_FALSE(IsListedCause("生命权、健康权、身体权纠纷"));
  CHECK(FindCause("无此案由") == nullptr);
}

std::string Found(std::string_view text) {
  std::optional<CauseMatch> m = FindCauseIn(text);
  if (!m) return "none";
  REQUIRE(m->cause != nullptr);
  CHECK(text.substr(m->offset, m->length) == m->cause->name);
  return std::string(m->cause->name) + "@" + std::to_string(m->offset);
}

TEST_CASE("FindCauseIn picks the longest cause named in a sentence", "[cause_list]") {
  CHECK(Found("原告王某与被告李某民间借贷纠纷一案") == "民间借贷纠纷@27");
  CHECK(Found("原告某银行与被告张某金融借款合同纠纷一案") == "金融借款合同纠纷@30");
  CHECK(Found("借款合同纠纷") == "借款合同纠纷@0");
  CHECK(Found("离婚后财产纠纷，并非离婚纠纷") == "离婚后财产纠纷@0");
  CHECK(Found("原告诉被告离婚纠纷一案，被告另案提起民间借贷纠纷") == "民间借贷纠纷@54");
  CHECK(Found("本案系服务合同纠纷") == "服务合同纠纷@9");
  CHECK(Found("案由：合同纠纷") == "合同纠纷@9");
  CHECK(Found("申请人张某申请人身安全保护令一案") == "申请人身安全保护令@15");
  CHECK(Found("原告与被告借款纠纷一案") == "none");
  CHECK(Found("") == "none");
}

// The naive reference: every name, every occurrence, the longest (then the earliest) wins.
std::optional<CauseMatch> NaiveFindIn(const CauseList& list, std::string_view text) {
  std::optional<CauseMatch> best;
  for (const Cause& c : list.causes()) {
    for (size_t at = text.find(c.name); at != std::string_view::npos;
         at = text.find(c.name, at + 1)) {
      if (!best || c.name.size() > best->length ||
          (c.name.size() == best->length && at < best->offset)) {
        best = CauseMatch{at, c.name.size(), list.Find(c.name)};
      }
    }
  }
  return best;
}

TEST_CASE("FindIn agrees with the naive reference on generated sentences", "[cause_list]") {
  const CauseList& list = CauseList::Civil2020();
  std::mt19937 rng(20201214);
  const std::vector<std::string_view> filler = {"原告", "与被告", "一案", "纠纷", "合同", "借款",
                                                "，",   "的",     "本院", "申请", "责任", "a"};
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    size_t parts = 1 + pick(6);
    for (size_t p = 0; p < parts; ++p) {
      if (pick(3) == 0) {
        std::string_view name = list.causes()[pick(list.causes().size())].name;
        // A whole name, or a cut of one (whole characters only).
        size_t chars = name.size() / 3;
        size_t from = pick(3) == 0 ? pick(chars) * 3 : 0;
        text += name.substr(from);
      } else {
        text += filler[pick(filler.size())];
      }
    }
    std::optional<CauseMatch> fast = list.FindIn(text);
    std::optional<CauseMatch> naive = NaiveFindIn(list, text);
    INFO(text);
    REQUIRE(fast.has_value() == naive.has_value());
    if (fast) {
      CHECK(fast->offset == naive->offset);
      CHECK(fast->length == naive->length);
      CHECK(fast->cause == naive->cause);
    }
  }
}

constexpr std::string_view kSmall =
    "# a small list\n"
    "1\t第一部分\t甲纠纷\t\tx\n"
    "2\t一\t乙纠纷\t甲纠纷\tx\n"
    "3\t1\t丙纠纷\t乙纠纷\tx\n"
    "4\t(1)\t丁纠纷\t丙纠纷\tx\n"
    "3\t2\t戊\t乙纠纷\tx\n";

TEST_CASE("Parse reads a small list and its views survive a move", "[cause_list]") {
  Result<CauseList> parsed = CauseList::Parse(kSmall);
  REQUIRE(parsed.ok());
  CauseList list = std::move(parsed).value();
  CauseList moved = std::move(list);
  CHECK(moved.version() == "x");
  CHECK(moved.CountAtLevel(3) == 2);
  const Cause* c = moved.Find("丁纠纷");
  REQUIRE(c != nullptr);
  CHECK(c->parent->parent->name == "乙纠纷");
  CHECK(CauseList::Chain(*c).size() == 4);
  std::optional<CauseMatch> m = moved.FindIn("……戊丙纠纷");
  REQUIRE(m);
  CHECK(m->cause->name == "丙纠纷");
  CHECK(m->offset == 9);
  Result<CauseList> empty = CauseList::Parse("");
  REQUIRE(empty.ok());
  CHECK(empty->causes().empty());
  CHECK(empty->version() == "");
  CHECK_FALSE(empty->FindIn("丙纠纷").has_value());
}

std::string ParseError(std::string_view tsv) {
  Result<CauseList> r = CauseList::Parse(tsv);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidData());
  return r.status().ToString();
}

TEST_CASE("Parse names the line and the problem", "[cause_list]") {
  CHECK(ParseError("1\t第一部分\t甲纠纷\tx\n") ==
        "civil_causes.tsv:1: expected 5 tab-separated fields (level, number, name, parent, "
        "version), found 4");
  CHECK(ParseError("5\t一\t甲\t\tx\n") == "civil_causes.tsv:1: level '5' is not 1, 2, 3 or 4");
  CHECK(ParseError("1\t\t甲\t\tx\n") ==
        "civil_causes.tsv:1: number, name and version must not be empty");
  CHECK(ParseError("1\t第一部分\t甲\t乙\tx\n") ==
        "civil_causes.tsv:1: level-1 cause '甲' has a parent");
  CHECK(ParseError("1\t第一部分\t甲\t\tx\n3\t1\t丙\t乙\tx\n") ==
        "civil_causes.tsv:2: level-3 cause '丙' has no enclosing level-2 cause");
  CHECK(ParseError("1\t第一部分\t甲\t\tx\n2\t一\t乙\t甲\tx\n2\t二\t丙\t甲\tx\n3\t1\t丁\t乙\tx\n") ==
        "civil_causes.tsv:4: parent '乙' of '丁' is not the enclosing level-2 cause ('丙')");
  CHECK(ParseError("1\t第一部分\t甲\t\tx\n1\t第二部分\t甲\t\tx\n") ==
        "civil_causes.tsv:2: duplicate level-1 cause '甲' (first on line 1)");
  CHECK(ParseError("1\t第一部分\t甲\t\t2020\n1\t第二部分\t乙\t\t2011\n") ==
        "civil_causes.tsv:2: version '2011' differs from '2020' of the first row");
}

}  // namespace
}  // namespace casesift
