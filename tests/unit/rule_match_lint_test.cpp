// Unit tests of rule-match's field lint (lint.h): near misses of case-record fields are
// warned about where they are written; user columns and known fields are not.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "lint.h"
#include "rules.h"
#include "tests/support/temp_dir.h"

namespace casesift {
namespace {

// The warnings for a rule file, each rendered as --check prints it.
std::vector<std::string> Warnings(const std::string& yaml) {
  testing::TempDir dir;
  std::string path = dir.Write("r.yaml", yaml);
  RuleSet set;
  Status st = LoadRules({path}, "", &set);
  REQUIRE(st.ok());
  std::vector<Status> warnings;
  LintFields(set, &warnings);
  std::vector<std::string> out;
  for (const Status& w : warnings) {
    std::string s = w.ToString();
    out.push_back(s.substr(s.find(':') + 1));  // without the temporary folder
  }
  return out;
}

constexpr const char* kHead = "id: r\ntitle: t\nversion: 1\nstatus: experimental\nlevel: info\n";

TEST_CASE("field lint warns about near misses of case-record fields", "[rule_match][lint]") {
  std::vector<std::string> got = Warnings(std::string(kHead) + R"(let:
  gain: coalesce(awrd_yuan, 0) - claim_yuan
detection:
  big:
    claim_yaun|gt: 100000
    cause: 民间借贷纠纷
  person:
    parties[any]:
      sdie: defendant
      reps[*].nmae|exists: true
  over:
    award_yuan|fieldref|gt: claim_yuna
  filtered:
    'parties[sied=defendant].name': 王某
  condition: big and person and over and filtered
lead:
  subject: parties[*].nmae
  evidence: [cuase, debt_cases]
)");
  std::vector<std::string> want = {
      "7:18: warning: unknown field 'awrd_yuan' (did you mean 'award_yuan'?): records from "
      "case-extract have no such field\n"
      "      gain: coalesce(awrd_yuan, 0) - claim_yuan\n"
      "                     ^",
      "10:5: warning: unknown field 'claim_yaun' (did you mean 'claim_yuan'?): records from "
      "case-extract have no such field\n"
      "        claim_yaun|gt: 100000\n"
      "        ^",
      "14:7: warning: unknown field 'sdie' (did you mean 'side'?): records from "
      "case-extract have no such field\n"
      "          sdie: defendant\n"
      "          ^",
      "15:15: warning: unknown field 'nmae' (did you mean 'name'?): records from "
      "case-extract have no such field\n"
      "          reps[*].nmae|exists: true\n"
      "                  ^",
      "17:29: warning: unknown field 'claim_yuna' (did you mean 'claim_yuan'?): records from "
      "case-extract have no such field\n"
      "        award_yuan|fieldref|gt: claim_yuna\n"
      "                                ^",
      "19:14: warning: unknown field 'sied' (did you mean 'side'?): records from "
      "case-extract have no such field\n"
      "        'parties[sied=defendant].name': 王某\n"
      "                 ^",
      "22:23: warning: unknown field 'nmae' (did you mean 'name'?): records from "
      "case-extract have no such field\n"
      "      subject: parties[*].nmae\n"
      "                          ^",
      "23:14: warning: unknown field 'cuase' (did you mean 'cause'?): records from "
      "case-extract have no such field\n"
      "      evidence: [cuase, debt_cases]\n"
      "                 ^",
  };
  CHECK(got == want);
}

TEST_CASE("field lint leaves known fields and user columns alone", "[rule_match][lint]") {
  CHECK(Warnings(std::string(kHead) + R"(detection:
  sel:
    cause: 民间借贷纠纷
    debt_cases|gte: 2
    case_no_parts.yaer: 2016
    src.fiel: x
    other_cases[any]:
      cause: 离婚纠纷
      side: defendant
      registered_capital|gt: 1
    parties[count>=2]:
      side: defendant
      to: x
  condition: sel
lead:
  key: [case_no, 'parties[side=defendant].id_no']
  evidence: ['other_cases[*].case_no', $age]
let:
  age: days(parties[0].birth, decided_date)
)")
            .empty());
}

TEST_CASE("field lint reads correlations of case records only", "[rule_match][lint]") {
  std::vector<std::string> got = Warnings(std::string(kHead) + R"(correlation:
  type: sum
  rules: [input]
  group-by:
    - 'parties[side=defendant,kind=org].nme|norm'
  field: claim_yaun
  time-field: filed_dat
  timespan: 365d
  condition: {gte: 3}
  also: {max: fee_yaun, gte: 1}
---
id: input
title: t
version: 1
status: experimental
level: info
emit: false
detection:
  s:
    cause: 服务合同纠纷
  condition: s
---
id: outer
title: t
version: 1
status: experimental
level: info
correlation:
  type: value_count
  rules: [r]
  group-by: [count]
  field: court
  condition: {gte: 2}
)");
  REQUIRE(got.size() == 4);
  CHECK(got[0].rfind("10:41: warning: unknown field 'nme' (did you mean 'name'?)", 0) == 0);
  CHECK(got[1].rfind("11:10: warning: unknown field 'claim_yaun'", 0) == 0);
  CHECK(got[2].rfind("12:15: warning: unknown field 'filed_dat' (did you mean 'filed_date'?)", 0) ==
        0);
  CHECK(got[3].rfind("15:15: warning: unknown field 'fee_yaun' (did you mean 'fee_yuan'?)", 0) ==
        0);
}

}  // namespace
}  // namespace casesift
