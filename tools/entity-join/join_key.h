// Join keys: what a value is joined on, and the tier of evidence a match on it gives.
//
// Every value an --on path yields is read once into a JoinValue:
//  - an identifier (a valid 居民身份证号码, 15 digits upgraded to 18; a valid 统一社会信用代码;
//    a valid 组织机构代码) is joined on its canonical form, so `11010519491231002x` meets
//    `11010519491231002X` and the 15-digit form of the same number. Such a match is tier
//    kId;
//  - a masked value (`310***********1234`, 张某, 上海某某公司: a * ＊ × or 某 in it) has no
//    key: it matches nothing, since a hidden name or number is no evidence;
//  - any other text is joined on its name normalised at NameLevel::kName (widths,
//    traditional characters, spaces and punctuation, brackets, legal forms). A match is
//    tier kExact when the two texts are equal byte for byte, else kName.
// Numbers are joined on their JSON text (12, 1.5); true, false, null, arrays and objects
// yield no key.
//
// Thread-safe: the functions are pure (the normaliser is shared and thread-safe).
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_JOIN_KEY_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_JOIN_KEY_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "combinations.h"
#include "common/name_normalize.h"
#include "join_spec.h"

namespace casesift {

// Tiers of evidence, strongest first.
enum class JoinTier : uint8_t { kId, kExact, kName, kFuzzy };

// "id", "exact", "name", "fuzzy": the `via` of a match.
std::string_view TierName(JoinTier tier);

struct JoinValue {
  std::string raw;  // the value as text (a string unescaped, a number as written by simdjson)
  // The key: "i" + canonical identifier, or "n" + normalised name; empty when the value
  // cannot be joined on (masked, empty once normalised, not a string or number).
  std::string key;
  bool identifier() const { return !key.empty() && key[0] == 'i'; }
};

// Reads `value` (as a FieldPath yields it) into *out. Returns false when it yields no value
// at all (not a string or number); *out then has an empty key.
bool ReadJoinValue(simdjson::dom::element value, const NameNormalizer& norm, JoinValue* out);

// The key of a text value (see above); `scratch` is reused between calls.
void JoinKeyOf(std::string_view text, const NameNormalizer& norm, std::string* key);

// Sets *parts to the distinct (key, raw) pairs each --on path yields in `root`: its LEFT
// paths when `left`, else its RIGHT ones. Of values with one key, the first is kept.
void CollectKeyParts(simdjson::dom::element root, const JoinSpec& spec, bool left,
                     const NameNormalizer& norm, KeyParts* parts, JoinValue* scratch);

// The tier of a match between two values with the same key: kId for an identifier's key,
// else kExact when the texts are equal, else kName.
JoinTier TierOf(std::string_view key, std::string_view left_raw, std::string_view right_raw);
inline JoinTier TierOf(const JoinValue& left, std::string_view right_raw) {
  return TierOf(left.key, left.raw, right_raw);
}

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_JOIN_KEY_H_
