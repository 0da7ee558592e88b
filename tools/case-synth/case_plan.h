// CasePlan: the facts of one synthetic case, decided before any text is written: which
// kind of document, which court and cause, who the parties are, what was claimed and
// what was granted, and when. The document writers turn a plan into text, choosing the
// wording (and recording the ground truth) as they go.
//
// Thread safety: a value type; one per worker thread.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CASE_PLAN_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CASE_PLAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chinese_writer.h"
#include "courts.h"

namespace casesift::synth {

// The kinds of document --kinds selects.
enum class Kind : uint8_t {
  kJudgment,     // 一审民事判决书, ordinary or simple procedure
  kAppeal,       // 二审民事判决书: 驳回上诉，维持原判 or 改判
  kRuling,       // 一审民事裁定书: 准许撤诉 or 驳回起诉
  kMediation,    // 民事调解书
  kEnforcement,  // 执行裁定书: 执, 执恢, 执异
  kProtection,   // 人身安全保护令 (民保令)
  kCount
};

enum class Cause : uint8_t {
  kPrivateLoan,     // 民间借贷纠纷
  kFinancialLoan,   // 金融借款合同纠纷
  kCreditCard,      // 信用卡纠纷
  kSale,            // 买卖合同纠纷
  kService,         // 服务合同纠纷 (prepaid fitness and beauty cards)
  kEducation,       // 教育培训合同纠纷
  kPropertyFee,     // 物业服务合同纠纷
  kArrears,         // 欠款纠纷: not on the official list
  kTraffic,         // 机动车交通事故责任纠纷
  kLabour,          // 劳动争议
  kTrademark,       // 侵害商标权纠纷 (IP court, 知 code)
  kDivorce,         // 离婚纠纷
  kProtectionOrder  // 申请人身安全保护令
};

enum class ActorType : uint8_t { kPerson, kCompany, kBranch, kSoleTrader };

struct Agent {
  std::string name;
  std::string org;          // law firm or service office; empty for others
  std::string description;  // 律师, 实习律师, 法律工作者, 该公司员工, or a kinship
  bool legal_guardian = false;  // 法定代理人 rather than 委托诉讼代理人
  bool female = false;
  Date birth;
};

struct Actor {
  ActorType type = ActorType::kPerson;
  std::string name;
  std::string short_name;  // how the body refers to it: 鑫源公司; the name for persons
  bool female = false;
  bool masked = false;  // 张某: 婚姻家庭 cases
  Date birth;
  std::string_view ethnicity;
  std::string_view occupation;
  std::string home;     // 户籍地: a province or city
  std::string address;  // where the person lives or the organisation sits
  std::string id_no;    // full (valid) or masked; empty when not written
  bool id_valid = false;
  std::string uscc;
  bool uscc_valid = false;
  std::string legal_rep;
  std::string_view legal_rep_label;  // 法定代表人, 负责人, 经营者
  std::string_view legal_rep_title;  // 执行董事, 行长…
  std::vector<Agent> agents;
};

// One thing the plaintiff asks for. Money items have claim_fen > 0.
struct ClaimItem {
  std::string_view verb;   // 归还, 支付, 返还, 赔偿
  std::string_view label;  // 借款本金, 货款, 医疗费
  int64_t claim_fen = 0;
  int64_t award_fen = 0;  // what the decision grants; 0: nothing
  std::string tail;       // words after the amount: 及利息（以借款本金为基数…）
  bool periodic = false;  // 每月: a rate, not a sum (never summed)
  // Interest, penalties (违约金, 滞纳金) and costs (律师费, 合理开支, 鉴定费): written like
  // any item, but never counted in claim_yuan or award_yuan (the annotation guide).
  bool excluded = false;
  int64_t first_award_fen = 0;  // second instance: what the first-instance judgment granted
};

struct CasePlan {
  Kind kind = Kind::kJudgment;
  Cause cause = Cause::kPrivateLoan;
  const Court* court = nullptr;               // the first-instance court
  const AppealCourt* appeal_court = nullptr;  // the court of a second-instance document
  int year = 0;                               // the case number's year
  int64_t seq = 0;
  Date filed;  // this document's 立案 date
  Date decided;
  Date suit;               // when the first-instance suit was filed: the story happens before it
  bool simple = false;     // 简易程序
  bool converted = false;  // 简易 turned 普通
  bool legacy = false;     // pre-2016 style (…字第…号, 委托代理人, 诉称)
  bool full_width = true;  // brackets of the 案号
  bool colon = true;       // 原告：王建国 rather than 原告王建国
  std::vector<Actor> plaintiffs;
  std::vector<Actor> defendants;
  std::vector<Actor> thirds;
  bool shared_plaintiff_agents = false;  // 上列两原告共同委托诉讼代理人
  bool counterclaim = false;             // 原告（反诉被告） / 被告（反诉原告）
  std::vector<ClaimItem> items;
  bool rejected = false;  // all claims fail (一审) or the appeal fails (二审)
  // Traffic: the reasoning determines each loss with its amount (医疗费…元、…，合计…元), as
  // many judgments do; off in the usual mix (scenarios turn it on).
  bool itemised_losses = false;
  int64_t fee_base_fen = 0;  // 案件受理费 before any halving
  Date event;                // when the dispute arose (loan, contract, accident)
  uint64_t story_seed = 0;   // details the story tells alike in every voice (dates, roads)
  // Story details that must agree wherever the story is told (cause-specific meaning).
  int64_t aux_fen[3] = {};
  int aux_int[3] = {};
  std::string_view aux_word[2];
  std::string aux_name;  // a child, a trademark
  std::string aux_text;  // an address, a plate
  int guarantor = -1;    // index of a defendant who only guarantees the debt
  uint32_t absent = 0;   // bit i: defendant i did not appear (缺席)
  // How the body names each party in this document: 原告, 上诉人, 原审被告, 申请执行人…
  std::vector<std::string_view> plaintiff_word;
  std::vector<std::string_view> defendant_word;
  std::vector<std::string> judges;  // 审判长/审判员 first
  std::string clerk;
  std::string assistant;  // 法官助理; empty when not listed
  // second instance
  bool appellant_is_defendant = true;
  int first_year = 0;
  int64_t first_seq = 0;
  Date first_filed;
  Date first_decided;
  int64_t first_fee_fen = 0;
  // sub-kind choices
  int variant = 0;  // per kind: withdraw/dismiss, 执/执恢/执异, grant/reject…
  // Divorce: the decision always states the flat's value (else it does half the time), so
  // the split can be told from the document (scenario sham-divorce).
  bool state_values = false;
};

// Clears `plan` for the next case.
void ResetPlan(CasePlan* plan);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CASE_PLAN_H_
