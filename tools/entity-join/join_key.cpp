#include "join_key.h"

#include "common/id_number.h"

namespace casesift {

std::string_view TierName(JoinTier tier) {
  switch (tier) {
    case JoinTier::kId:
      return "id";
    case JoinTier::kExact:
      return "exact";
    case JoinTier::kName:
      return "name";
    case JoinTier::kFuzzy:
      return "fuzzy";
  }
  return "?";
}

void JoinKeyOf(std::string_view text, const NameNormalizer& norm, std::string* key) {
  key->clear();
  // An identifier has 9 (an organisation code) to 18 characters, each at most 3 bytes
  // (full-width digits), with surrounding spaces: longer text is not read as one.
  if (text.size() >= 9 && text.size() <= 64) {
    key->push_back('i');
    if (AppendIdentifierKey(text, key)) return;
    key->clear();
  }
  if (IsMaskedText(text)) return;
  norm.Normalize(text, NameLevel::kName, key);
  if (!key->empty()) key->insert(key->begin(), 'n');
}

bool ReadJoinValue(simdjson::dom::element value, const NameNormalizer& norm, JoinValue* out) {
  out->key.clear();
  std::string_view text;
  switch (value.type()) {
    case simdjson::dom::element_type::STRING:
      text = value.get_string().value_unsafe();
      out->raw.assign(text);
      JoinKeyOf(text, norm, &out->key);
      return true;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
      // An integer meets the same digits written as a string (CSV registers give strings).
      out->raw = simdjson::minify(value);
      JoinKeyOf(out->raw, norm, &out->key);
      return true;
    case simdjson::dom::element_type::DOUBLE:
      // Not through the name normaliser: 1.5 must not meet 15.
      out->raw = simdjson::minify(value);
      out->key = "x" + out->raw;
      return true;
    default:
      out->raw.clear();
      return false;
  }
}

void CollectKeyParts(simdjson::dom::element root, const JoinSpec& spec, bool left,
                     const NameNormalizer& norm, KeyParts* parts, JoinValue* scratch) {
  parts->resize(spec.on.size());
  for (size_t p = 0; p < spec.on.size(); ++p) {
    (*parts)[p].clear();
    (left ? spec.on[p].left : spec.on[p].right).ForEach(root, [&](simdjson::dom::element e) {
      if (ReadJoinValue(e, norm, scratch) && !scratch->key.empty()) {
        AddKeyValue(&(*parts)[p], scratch->key, scratch->raw);
      }
    });
  }
}

JoinTier TierOf(std::string_view key, std::string_view left_raw, std::string_view right_raw) {
  if (!key.empty() && key[0] == 'i') return JoinTier::kId;
  return left_raw == right_raw ? JoinTier::kExact : JoinTier::kName;
}

}  // namespace casesift
