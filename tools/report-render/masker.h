// Masker: personal data out of agency-facing reports (issue: report-render, point 5).
//
// Three kinds, each counted for the report's summary:
//   - ID numbers (18-digit resident ID numbers with a plausible birth date, and 15-digit
//     ones), wherever they appear in a text: 310115198001011234 -> 310***********1234;
//   - person names, in the name fields: 张三 -> 张*; an organisation's name (公司, 银行 …,
//     see common/org_name.h) and a name already masked (张某) are left as they are;
//   - addresses, in the address fields: cut after the district (区, 县, 旗), else after the
//     city: 上海市浦东新区张江路1号 -> 上海市浦东新区.
// A field is named by its path in the lead ("subject", "evidence.debtor_name",
// "evidence.parties[side=respondent].address"). By default the name fields are those whose
// last member is subject, name, legal_rep or ends in _name, and the address fields those
// whose last member contains "address"; --mask replaces that with a list of its own.
//
// Not thread-safe (it counts); one per report run.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_MASKER_H_
#define CASESIFT_TOOLS_REPORT_RENDER_MASKER_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report.h"

namespace casesift {

// What masking did to some values (one lead's, one report's): counts, and the fields by
// their number in the Masker that did it (bit i: Masker::field(i); the first 64 fields).
struct MaskCount {
  uint64_t ids = 0, names = 0, addresses = 0;
  uint64_t name_fields = 0, address_fields = 0;
  void Add(const MaskCount& o) {
    ids += o.ids;
    names += o.names;
    addresses += o.addresses;
    name_fields |= o.name_fields;
    address_fields |= o.address_fields;
  }
};

class Masker {
 public:
  // `enabled` false: Mask() changes nothing (--no-mask). `fields` non-empty replaces the
  // default name and address fields: each is a field path, an address field when its last
  // member contains "address", a name field otherwise.
  Masker(bool enabled, std::vector<std::string> fields);
  ~Masker();

  // Masks `text`, the value of `field`: returns whether it changes, and then sets *masked
  // to the masked text and adds what it did to *count (when not null). Cheap when nothing
  // is to be masked (no copy is made).
  bool Mask(std::string_view field, std::string_view text, std::string* masked,
            MaskCount* count = nullptr);

  // The summary a report shows for `count`: whether masking is on, the counts, the fields
  // in the order they were first masked.
  MaskSummary Summarize(const MaskCount& count) const;

  // The masked forms, exposed for tests.
  static std::string MaskName(std::string_view name);
  static std::string CutAddress(std::string_view address);

 private:
  enum class Kind { kNone, kName, kAddress };
  Kind KindOf(std::string_view field) const;
  uint64_t FieldBit(std::string_view field);  // the bit of `field` in MaskCount's sets

  bool enabled_;
  std::vector<std::string> fields_;         // --mask, without brackets
  std::vector<std::string> masked_fields_;  // fields masked so far, by their number
  std::unique_ptr<RE2> id18_, id15_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_MASKER_H_
