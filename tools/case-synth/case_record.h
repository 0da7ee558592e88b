// CaseRecord: the ground truth of one synthetic document, in the shape of the case record
// that case-extract writes (RECORDS.md). The document writers fill it as they write the
// text, so each value is exactly what the text states; a field the text does not state
// stays unset and is left out of the JSON.
//
// Where RECORDS.md leaves a choice, the project's annotation guide decides
// (tests/data/case-extract/README.md, also summarised in man/case-synth.1):
// - `claim_yuan` is the money the first-instance plaintiff asks to be paid (restated in a
//   second instance; the 执行标的 of an enforcement ruling), without interest, penalties
//   (违约金, 滞纳金) and costs (律师费, 合理开支, fees); `award_yuan` the money, by the same
//   rules, that the final disposition orders paid to the plaintiff side (the upheld award
//   restated in a 维持原判 judgment). Periodic payments (每月…) are never summed. Each
//   amount says which of the two it counts towards (Tally).
// - `fee_yuan` is the 案件受理费 charged for this instance (after any halving).
// - amounts[].section: claims (the 诉讼请求 or 诉称 paragraph with its 事实和理由, restated
//   first-instance claims, the 执行标的), facts (the facts found, and quoted earlier
//   decisions), decision (the items of this document's decision), fee (the cost clause).
//
// Thread safety: a value type; one per worker thread.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_CASE_RECORD_H_
#define CASESIFT_TOOLS_CASE_SYNTH_CASE_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chinese_writer.h"

namespace casesift::synth {

enum class Section : uint8_t { kClaims, kFacts, kDecision, kFee };

// Which total an amount counts towards: claim_yuan, award_yuan, or neither.
enum class Tally : uint8_t { kNone, kClaim, kAward };

struct Amount {
  int64_t fen = 0;
  std::string text;  // exactly as it appears in the document
  Section section = Section::kFacts;
  Tally tally = Tally::kNone;
};

struct Rep {
  std::string role;  // 委托诉讼代理人, 委托代理人, 法定代理人
  std::string name;
  std::string org;  // law firm or legal service office; empty when none is named
};

struct Party {
  std::string role;  // as written: 原告, 上诉人（原审被告）, 被执行人…
  const char* side = "";
  std::string name;
  bool is_org = false;
  // persons
  const char* gender = nullptr;  // "male", "female", or unset
  std::string birth;             // ISO, possibly YYYY-MM
  std::string ethnicity;
  std::string address;
  std::string id_no;
  bool id_valid = false;
  // organisations
  std::string uscc;
  bool uscc_valid = false;
  std::string legal_rep;
  std::vector<Rep> reps;
};

struct Allocation {
  const char* to = "";  // a side
  std::string item;     // 房屋, 车辆…
  int64_t fen = -1;     // -1: no value stated
};

struct CaseNoParts {
  int year = 0;
  std::string court_code;
  std::string special;  // 知, or empty
  std::string type_code;
  int64_t seq = 0;
  std::string suffix;  // 之一, or empty
  bool legacy = false;
};

struct CaseRecord {
  std::string id;
  std::string case_no;  // half-width brackets
  CaseNoParts case_no_parts;
  std::string court;
  std::string doc_type;
  const char* category = nullptr;
  const char* procedure = nullptr;
  const char* trial_procedure = nullptr;  // ordinary, simple, or unset
  std::string cause;
  bool cause_listed = false;
  std::vector<Party> parties;
  int64_t fee_fen = -1;
  int64_t medical_fen = -1;  // 医疗费 the court's reasoning determines (itemised losses)
  std::vector<Amount> amounts;
  Date filed_date;
  Date decided_date;
  bool decided_date_null = false;  // the signature date is a ××日 placeholder
  const char* outcome = nullptr;
  std::vector<Allocation> allocations;
  // src
  std::string src_file;
  uint64_t src_line = 0;  // 0: not a JSON Lines document
  uint64_t text_hash = 0;

  void Clear() { *this = CaseRecord(); }
  // Sum of the amounts that count towards `tally`; -1 when there are none.
  int64_t SumOf(Tally tally) const;
};

// Appends the record as one line of JSON (no newline) in RECORDS.md field order.
void AppendCaseRecordJson(const CaseRecord& record, std::string* out);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_CASE_RECORD_H_
