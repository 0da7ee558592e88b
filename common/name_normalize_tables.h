// The word tables of the name normaliser (name_normalize.h): legal forms, place names and
// industry words, and the affix matcher that finds the longest of them at either end of a name.
//
// The words themselves are data, listed in name_normalize_tables.cpp as they are written after
// `name`-level normalisation (simplified, no spaces, no punctuation, no brackets). Internal to
// the normaliser; its tests read the tables through this header.
//
// Lifetime and threads: the tables are built once, on first use (thread-safe static
// initialisation), live for the process and are immutable.
#ifndef CASESIFT_COMMON_NAME_NORMALIZE_TABLES_H_
#define CASESIFT_COMMON_NAME_NORMALIZE_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casesift::name_tables {

// What a legal-form suffix says about the name before it.
enum class SuffixKind : uint8_t {
  kCompany,  // 有限公司, 股份有限公司, 经营部, 工作室, 律师事务所 ...: the whole entity
  kWrapper,  // 有限合伙, 普通合伙, 个体工商户: may follow another form (事务所（特殊普通合伙）)
  kBranch,  // 分公司, 分店, 营业部, 办事处 ...: a unit of the entity whose name precedes it
};

struct LegalForm {
  std::string_view canonical;  // what the `name` level writes: 有限公司 for 有限责任公司
  SuffixKind kind = SuffixKind::kCompany;
};

// A set of words, each with a value, and the longest one at the start or at the end of a text.
// Matching is on bytes; since every word is whole UTF-8, a match starts and ends on character
// boundaries of well-formed text.
template <typename V>
class AffixTable {
 public:
  // REQUIRES: `word` outlives the table (the tables hold string literals) and is not empty.
  // A word added twice keeps its first value.
  void Add(std::string_view word, V value);

  // The byte length of the longest word that `text` starts (ends) with, 0 when none; *value is
  // set to its value when one is found.
  size_t LongestPrefix(std::string_view text, V* value) const;
  size_t LongestSuffix(std::string_view text, V* value) const;

  size_t size() const { return size_; }

 private:
  struct Entry {
    std::string_view word;
    V value;
  };
  // The words by the bytes of their first (last) character, longest first in each bucket.
  std::unordered_map<uint32_t, std::vector<Entry>> by_first_;
  std::unordered_map<uint32_t, std::vector<Entry>> by_last_;
  size_t size_ = 0;
};

// Legal and business forms at the end of a name: every written variant (有限责任公司,
// 合伙企业有限合伙 ...) and every canonical form (mapped to itself).
const AffixTable<LegalForm>& LegalForms();

// Where a place name may be stripped (see name_normalize.h).
enum class PlaceUse : uint8_t {
  kQualifierOnly,  // only inside a bracketed region qualifier: the bare 朝阳 of 朝阳区
  kAnywhere,       // also leading (and after a branch) at the `core` level
};

// Provinces, the prefecture-level divisions, the districts and counties of the four
// municipalities, each with its suffix (上海市, 浦东新区, 延边朝鲜族自治州) and in its short form
// (上海, 浦东, 延边); and 中国.
const AffixTable<PlaceUse>& Places();

// Industry and business-scope words (科技, 商贸, 文化传播 ...) and organisation words (集团, 控股,
// 中心) that the `core` level strips from the end of a name.
const AffixTable<bool>& IndustryWords();

}  // namespace casesift::name_tables

#endif  // CASESIFT_COMMON_NAME_NORMALIZE_TABLES_H_
