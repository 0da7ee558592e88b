#include "allocations.h"

#include <algorithm>

#include "common/chinese_number.h"
#include "money_items.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

struct ItemWord {
  std::string_view word, item;
};
constexpr ItemWord kItems[] = {
    {"房屋", "房屋"},   {"房产", "房屋"},   {"住房", "房屋"},     {"商品房", "房屋"},
    {"住宅", "房屋"},   {"商铺", "房屋"},   {"不动产", "房屋"},   {"车位", "车位"},
    {"车库", "车位"},   {"轿车", "车辆"},   {"汽车", "车辆"},     {"车辆", "车辆"},
    {"机动车", "车辆"}, {"摩托车", "车辆"}, {"存款", "存款"},     {"存单", "存款"},
    {"股权", "股权"},   {"股份", "股权"},   {"理财", "理财产品"}, {"公积金", "公积金"},
    {"家具", "动产"},   {"家电", "动产"},   {"电器", "动产"},     {"首饰", "动产"},
    {"金饰", "动产"},   {"债权", "其他"},   {"现金", "其他"},     {"保险", "其他"},
    {"股票", "其他"},   {"基金", "其他"}};

// The kind of property `what` names: its last property word (the head noun: 房屋内的家电
// is 动产), or "" when it names none.
std::string_view ItemIn(std::string_view what) {
  size_t best = kNone;
  std::string_view item, word;
  for (const ItemWord& w : kItems) {
    size_t pos = what.rfind(w.word);
    if (pos == kNone) continue;
    if (best == kNone || pos > best || (pos == best && w.word.size() > word.size())) {
      best = pos;
      item = w.item;
      word = w.word;
    }
  }
  return item;
}

// The side of the party named (or the role word used) first in `s`, or "".
std::string SideNamedIn(std::string_view s, const std::vector<Party>& parties) {
  size_t best = kNone;
  std::string side;
  for (const Party& p : parties) {
    size_t pos = p.name.empty() ? kNone : Find(s, p.name);
    if (pos < best) {
      best = pos;
      side = p.side;
    }
  }
  constexpr std::pair<std::string_view, std::string_view> kRoles[] = {{"被申请人", "respondent"},
                                                                      {"申请人", "applicant"},
                                                                      {"原告", "plaintiff"},
                                                                      {"被告", "defendant"}};
  for (auto [word, role_side] : kRoles) {
    size_t pos = Find(s, word);
    if (pos < best) {
      best = pos;
      side = std::string(role_side);
    }
  }
  return side;
}

// The first amount in `s`, if any.
std::optional<int64_t> FirstAmount(std::string_view s) {
  std::vector<MoneySpan> money = FindMoney(s);
  if (money.empty()) return std::nullopt;
  return money.front().fen;
}

// Pieces of `s` cut at ；。 and line ends (and ， when `commas`), with their offsets.
std::vector<std::pair<size_t, std::string_view>> Pieces(std::string_view s, bool commas) {
  std::vector<std::pair<size_t, std::string_view>> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    // ，and ； are EF BC xx, 。 is E3 80 82: look further only at those lead bytes.
    size_t len = s[i] == '\n' || s[i] == ';' ? 1 : 0;
    if (s[i] == '\xEF' || s[i] == '\xE3') {
      std::string_view rest = s.substr(i);
      if ((commas && StartsWith(rest, "，")) || StartsWith(rest, "；") || StartsWith(rest, "。")) {
        len = 3;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    if (i > start) out.push_back({start, s.substr(start, i - start)});
    start = i + len;
    i += len;
  }
  if (start < s.size()) out.push_back({start, s.substr(start)});
  return out;
}

// The payer-to-payee stretch before a sum named at `at` (支付原告林某车辆折价款): from the
// last pay verb before it, or kNone.
size_t PayVerbBefore(std::string_view sentence, size_t at) {
  size_t pay = sentence.rfind("支付", at);
  size_t give = sentence.rfind("给付", at);
  if (pay == kNone || (give != kNone && give > pay)) pay = give;
  return pay;
}

}  // namespace

std::vector<Allocation> FindAllocations(std::string_view decision,
                                        const std::vector<Party>& parties) {
  std::vector<std::pair<size_t, Allocation>> found;
  auto add = [&](size_t at, std::string side, std::string_view item, std::optional<int64_t> value) {
    if (!side.empty()) found.push_back({at, Allocation{std::move(side), std::string(item), value}});
  };
  for (auto [offset, sentence] : Pieces(decision, /*commas=*/false)) {
    // A security interest (抵押物…优先受偿, what a sale leaves over) allocates nothing.
    if (Find(sentence, "优先受偿") != kNone) continue;
    bool sale = ContainsAny(sentence, {"拍卖", "变卖", "抵押物"});
    // "X归原告所有", clause by clause.
    for (auto [clause_offset, clause] : Pieces(sentence, /*commas=*/true)) {
      size_t gui = Find(clause, "归");
      size_t owned = Find(clause, "所有");
      if (gui == kNone || owned == kNone || owned < gui) continue;
      std::string_view what = clause.substr(0, gui);
      if (sale || ContainsAny(what, {"债务", "其余", "其他财产"})) continue;
      std::string_view item = ItemIn(what);
      if (item.empty()) continue;
      add(offset + clause_offset + gui, SideNamedIn(clause.substr(gui, owned - gui), parties), item,
          FirstAmount(clause));
    }
    // A sum paid for property: 折价款 (or 补偿款) for what the payer keeps, a 分割款 for a
    // share of the named property.
    for (std::string_view word : {"折价款", "补偿款", "分割款"}) {
      for (size_t at = Find(sentence, word); at != kNone; at = Find(sentence, word, at + 1)) {
        size_t pay = PayVerbBefore(sentence, at);
        if (pay == kNone) continue;
        std::string_view item =
            word == "分割款" ? ItemIn(sentence.substr(pay, at - pay)) : "折价款";
        if (item.empty()) continue;
        add(offset + at, SideNamedIn(sentence.substr(pay, at - pay), parties), item,
            FirstAmount(sentence.substr(at)));
      }
    }
    // "债务…由被告负担".
    size_t debt = Find(sentence, "债务");
    size_t by = debt == kNone ? kNone : Find(sentence, "由", debt);
    if (by != kNone) {
      add(offset + debt, SideNamedIn(sentence.substr(by), parties), "债务",
          FirstAmount(sentence.substr(debt, by - debt)));
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Allocation> out;
  for (auto& [at, allocation] : found) out.push_back(std::move(allocation));
  return out;
}

}  // namespace casesift
