// The name normaliser: company and person names reduced to a key, so that the ways
// one name is written (widths, traditional characters, spaces, brackets, 有限责任公司
// or 有限公司) compare equal. rule-match's `|norm` and `|core` modifiers use it;
// entity-join and lead-dedupe join on it.
//
//   Result<const NameNormalizer*> n = NameNormalizer::Get();
//   if (!n.ok()) return n.status();
//   const NameNormalizer& norm = **n;
//   norm.Normalize("上海華夏貿易（上海）有限責任公司", NameLevel::kName);
//       // "上海华夏贸易有限公司"
//   norm.Normalize("上海華夏貿易（上海）有限責任公司", NameLevel::kCore);
//       // "华夏"
//
// THE LEVELS (the contract; RULES.md "Normalisation" and the manual pages quote it)
//
// `name` applies, in order:
//  1. Width folding: Unicode NFKC (utf8proc). Full-width Ａ１（ become A1(, U+3000
//     a space, ㈱ (株); circled and other compatibility forms their plain form.
//  2. Traditional to simplified Chinese: OpenCC's t2s (臺灣 -> 台湾).
//  3. Lower case: Latin and every other cased script (ABC -> abc).
//  4. Bracketed region qualifiers dropped: a bracket pair of any kind and width,
//     ( ) [ ] { } 【 】 〔 〕 「 」 《 》 ..., whose content, without spaces and
//     punctuation, is one or more place names in a row, or 中国: （上海）,
//     (上海市浦东新区), 【中国】. Place names are the provinces, the
//     prefecture-level divisions, and the districts and counties of the four
//     municipalities, each with or without its suffix (省, 市, 区, 县, 自治州,
//     地区, 盟 ...). Nested brackets count as one pair. Any other bracket keeps
//     its content; the brackets themselves are punctuation.
//  5. Spaces, punctuation, symbols and control characters removed, of every
//     width and script: all but letters, digits and combining marks (Unicode
//     categories L, N, M; private-use and unassigned code points are kept too).
//     ，。、·•・-&'"() go; 〇 and 々 stay. A combining mark that a removed space
//     separated from its letter is composed with it again (NFKC).
//  6. The legal form at the end made canonical, by the longest match anchored
//     at the end:
//       有限责任公司, 有限公司 -> 有限公司
//       股份有限公司, 股份公司 -> 股份有限公司
//       合伙企业（有限合伙）, 有限合伙企业, （有限合伙） -> 有限合伙
//       likewise 普通合伙 and 特殊普通合伙
//       个体户 -> 个体工商户; 独资企业 -> 个人独资企业
//     股份有限公司 stays distinct from 有限公司: company law (公司法 art. 7) makes
//     exactly these two pairs the same form, and they are two legal forms.
//     Other forms are kept as written: 公司, 合伙企业, 经营部, 商行, 工作室,
//     门市部, 商店, 店, 便利店, 超市, 厂, 合作社, 事务所, 律师事务所 ...; so are
//     the branch forms 分公司, 分店, 分厂, 营业部, 办事处, 分部, 分行, 支行,
//     分所, 分社. In a branch's name the parent's legal form, the last one
//     before the branch form, is made canonical too:
//       某某有限责任公司上海分公司 -> 某某有限公司上海分公司
//     A branch never equals its parent. 集团有限责任公司 -> 集团有限公司.
//  A leading place name is kept: 北京华夏商贸有限公司 and 华夏商贸（北京）有限公司
//  differ at this level and meet at `core`. Person names pass unchanged (张三),
//  masked ones too (张某, 张某某); Latin names lose case and spaces (johnsmith).
//
// `core` is `name`, then reduced to the trade name (字号):
//  1. The legal form found in step 6 is removed. After 有限合伙, 普通合伙,
//     特殊普通合伙 or 个体工商户 the form before it goes too:
//       启明会计师事务所（特殊普通合伙） -> 启明
//     After a branch form, the place names that end what is left and then the
//     parent's legal form go too, so a branch has its parent's trade name.
//  2. Leading place names are removed, one after another, longest first
//     (上海市浦东新区…, 中国…): provinces, prefecture-level divisions and the
//     Shanghai districts with or without their suffix; the districts and
//     counties of Beijing, Tianjin and Chongqing only with it.
//  3. Industry and business-scope words at the end are removed, longest first,
//     again and again: 科技, 信息技术, 贸易, 商贸, 实业, 投资, 咨询, 管理, 餐饮,
//     教育, 文化传播, 健身, 美容美发, 房地产开发, 建筑工程, 物流, 服务, 集团,
//     控股, 中心 ... (the list is in name_normalize_tables.cpp).
//  Steps 2 and 3 never leave fewer than two characters (a 字号 has at least
//  two), and no step leaves nothing: when a removal would empty the name, the
//  name before it is the result (上海市有限公司 -> 上海市). So
//    上海某某教育科技有限公司 -> 某某
//    上海市浦东新区金桥健身服务有限公司 -> 金桥
//    北京华夏鼎盛商贸有限责任公司, 华夏鼎盛商贸（北京）有限公司 -> 华夏鼎盛
//  `core` is meant for organisations: a person's name is usually unchanged,
//  but a four-character one that starts with a city's name loses it.
//
// Input that is not well-formed UTF-8 (stray bytes, truncated or overlong
// sequences, surrogates) never fails: each byte that is not part of a
// well-formed character is dropped, like punctuation. Empty input, or input of
// nothing but punctuation, gives the empty string at both levels.
//
// Lifetime and threads: Get() builds the one normaliser on first call (loading
// OpenCC's t2s dictionaries, about 12 ms) and keeps it for the life of the
// process; Normalize may be called from any number of threads at once.
#ifndef CASESIFT_COMMON_NAME_NORMALIZE_H_
#define CASESIFT_COMMON_NAME_NORMALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

enum class NameLevel : uint8_t {
  kName,  // folded, simplified, lower case, no punctuation, canonical legal form
  kCore,  // the trade name: no legal form, leading places or trailing industry words
};

class NameNormalizer {
 public:
  // The process-wide normaliser, built on first call. A Usage status naming OpenCC's
  // configuration and the package to install when its data cannot be loaded (every later call
  // returns the same status). Thread-safe.
  static Result<const NameNormalizer*> Get();

  // A normaliser whose OpenCC conversion is `opencc_config` (a file name in OpenCC's data
  // directory, or a path). Get() uses "t2s.json"; tests use this to load a broken one.
  [[nodiscard]] static Result<std::unique_ptr<NameNormalizer>> Create(
      const std::string& opencc_config);

  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;
  ~NameNormalizer();

  // *out is overwritten with `name` normalised to `level` (nothing else is appended). `name`
  // may point into *out. Thread-safe.
  void Normalize(std::string_view name, NameLevel level, std::string* out) const;
  std::string Normalize(std::string_view name, NameLevel level) const;

  // The number of characters OpenCC's t2s can change; names with none of them skip OpenCC.
  size_t CountConvertibleChars() const;

 private:
  struct Impl;
  explicit NameNormalizer(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_NAME_NORMALIZE_H_
