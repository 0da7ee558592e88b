// Synthetic identity numbers with valid check characters (DOMAIN.md §4), computed with
// common/id_number.h.
//
// No generated number can belong to a real person or organisation: the address code is
// a real province and city (so numbers look local) followed by a county code 90-99,
// which no county uses.
//
// Thread safety: pure functions of the Rng they are given.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_ID_CODES_H_
#define CASESIFT_TOOLS_CASE_SYNTH_ID_CODES_H_

#include <string>
#include <string_view>

#include "chinese_writer.h"
#include "rng.h"

namespace casesift::synth {

// An 18-character 居民身份证号码 for a person born on `birth` with the given gender in the
// city whose four-digit code is `city4` (e.g. "3101"); its check character is valid.
void AppendIdNumber(Rng& rng, std::string_view city4, const Date& birth, bool female,
                    std::string* out);

// `id` with its middle hidden by '*', as published documents show it:
// 3101**********123X or 310190********1234.
void AppendMaskedIdNumber(Rng& rng, std::string_view id, std::string* out);

// A 统一社会信用代码 registered in `city4` by 工商 (9), of category `category` ('1' company,
// '2' individual business), with a valid 组织机构代码 inside and a valid check character.
void AppendUscc(Rng& rng, std::string_view city4, char category, std::string* out);

// `uscc` with its last characters hidden: 91310190MA1H7*****.
void AppendMaskedUscc(Rng& rng, std::string_view uscc, std::string* out);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_ID_CODES_H_
