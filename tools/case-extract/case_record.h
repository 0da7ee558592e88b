// CaseRecord: what case-extract knows about one document, and its JSON Lines form.
//
// The fields and their meaning are RECORDS.md's "Case record"; money is held as integer
// fen (1/100 yuan) and printed in yuan with at most two decimals. An empty string or an
// empty optional means "not stated in the document": the field is left out of the JSON,
// except `decided_date`, which is written as null when the signature block has only a
// placeholder date (二〇一六年十二月××日).
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_CASE_RECORD_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_CASE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/record_splice.h"

namespace casesift {

struct Rep {
  std::string role;  // 委托诉讼代理人, 法定代理人, ...
  std::string name;
  std::string org;  // law firm or employer, when stated
};

struct Party {
  std::string role;  // as written: 上诉人（原审被告）
  std::string
      side;  // plaintiff, defendant, third_party, applicant, respondent, appellant, appellee
  std::string name;
  std::string kind;  // person or org
  std::string gender, birth, ethnicity, address;
  std::string id_no;
  std::optional<bool> id_valid;
  std::string uscc;
  std::optional<bool> uscc_valid;
  std::string legal_rep;
  std::vector<Rep> reps;
};

struct Amount {
  int64_t fen = 0;
  std::string text;     // as written
  std::string section;  // claims, facts, decision, fee
};

struct Allocation {
  std::string to;  // a side: plaintiff, defendant, ...
  std::string item;
  std::optional<int64_t> fen;
};

struct CaseNumberParts {
  std::optional<int> year;
  std::string court_code, special, type_code, suffix;
  std::optional<int64_t> seq;
  bool legacy = false;
};

struct CaseRecord {
  std::string case_no;
  std::optional<CaseNumberParts> case_no_parts;
  std::string court, doc_type, category, procedure, trial_procedure;
  std::string cause;
  std::optional<bool> cause_listed;
  std::vector<Party> parties;
  std::optional<int64_t> claim_fen, award_fen, fee_fen;
  std::optional<int64_t> medical_fen;  // 医疗费 determined in the reasoning (amounts.h)
  std::vector<Amount> amounts;
  std::string filed_date;
  bool decided_date_stated = false;  // a signature date was found (possibly a placeholder)
  std::string decided_date;          // empty with decided_date_stated: placeholder → null
  std::string outcome;
  std::vector<Allocation> allocations;
  std::vector<std::string> warnings;  // what the parser could not make sense of

  // src
  std::string src_file;
  uint64_t src_line = 0;  // JSON Lines input only
  uint64_t src_hash = 0;  // XXH3-64 of the document text

  // On request (--keep-text, --sections).
  std::string text;
  std::vector<std::pair<std::string, std::string>> sections;  // name, text
};

// The record's members in RECORDS.md order, each as a name and a JSON value text, ready to
// be written as an object or spliced into a JSON Lines input record (record_splice.h). The
// values share one buffer: keep one CaseFields for many records and it stops allocating.
class CaseFields {
 public:
  // Writes the members of `record`, replacing those of the last call; the views stay
  // valid until the next call.
  const std::vector<SplicedField>& Write(const CaseRecord& record);

 private:
  struct Field {
    const char* name;
    size_t begin, end;  // of the value in json_
  };
  void Add(const char* name, size_t begin);
  void AddString(const char* name, std::string_view value);

  std::string json_;
  std::vector<Field> fields_;
  std::vector<SplicedField> views_;
};

// The record as one JSON object.
std::string CaseRecordJson(const CaseRecord& record);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_CASE_RECORD_H_
