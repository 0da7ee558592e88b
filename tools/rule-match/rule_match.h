// rule-match: runs rule models (RULES.md) over case records and writes leads.
#ifndef CASESIFT_TOOLS_RULE_MATCH_RULE_MATCH_H_
#define CASESIFT_TOOLS_RULE_MATCH_RULE_MATCH_H_

#include <string>
#include <vector>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

struct RuleMatchOptions {
  std::vector<std::string> rules;  // -r FILE|DIR
  std::string lists;               // --lists DIR
  std::string as_of;               // --as-of YYYY-MM-DD
  bool annotate = false;
  bool explain = false;
  std::string score;  // --score VERDICTS
  bool json = false;
  bool select = false;
  bool check = false;
  bool test = false;
  bool validate = false;  // parse every record, even one no rule could match
  unsigned jobs = 1;      // -j N: match on N threads
};

Status RunRuleMatch(const RuleMatchOptions& options, const CommonOptions& common);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_RULE_MATCH_H_
