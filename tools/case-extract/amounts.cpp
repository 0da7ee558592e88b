#include "amounts.h"

#include <re2/re2.h>

#include "common/chinese_number.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

// Words after which an amount is not principal: interest, penalties, costs.
constexpr std::string_view kAncillary[] = {
    "利息",     "违约金", "滞纳金", "罚息",   "复利", "律师费", "诉讼费",       "保全费",
    "公告费",   "鉴定费", "评估费", "差旅费", "暂计", "暂算",   "逾期付款损失", "受理费",
    "合理开支", "每月",   "每年",   "按月",   "按年", "每日",   "每天"};

const RE2& ItemRe() {
  // An item marker at the start of the text or after a line end or a separator:
  // 1. 2、 （1） 一、
  static thread_local const RE2 re(
      "(?:^|[\\n；;。：:])[\\s\\x{3000}]*(?:[0-9]{1,2}[\\.、．]|[（(][0-9]{1,2}[)）]|"
      "[一二三四五六七八九十]{1,3}、)");
  return re;
}

const RE2& TotalRe() {
  static thread_local const RE2 re("(?:合计|共计|总计|累计|以上共计|以上合计)");
  return re;
}

std::vector<Span> Items(std::string_view s) {
  std::vector<size_t> starts;
  re2::StringPiece m;
  size_t from = 0;
  while (from < s.size() && ItemRe().Match(s, from, s.size(), RE2::UNANCHORED, &m, 1)) {
    size_t pos = static_cast<size_t>(m.data() - s.data());
    starts.push_back(pos);
    from = pos + std::max<size_t>(m.size(), 1);
  }
  std::vector<Span> items;
  if (starts.empty() || starts[0] > 0) items.push_back({0, starts.empty() ? s.size() : starts[0]});
  for (size_t i = 0; i < starts.size(); ++i) {
    items.push_back({starts[i], i + 1 < starts.size() ? starts[i + 1] : s.size()});
  }
  return items;
}

// Whether the amount at [begin, end) of `item` is principal: not a base, not an estimate,
// not after an ancillary word since the item's start or the previous amount.
bool IsPrincipal(std::string_view item, size_t context_start, const MoneySpan& m) {
  std::string_view after = item.substr(m.end, 12);
  if (StartsWith(after, "为基数") || StartsWith(after, "为本金") || StartsWith(after, "的基数") ||
      StartsWith(after, "为计算基数")) {
    return false;
  }
  std::string_view before = item.substr(context_start, m.begin - context_start);
  for (std::string_view w : kAncillary) {
    if (before.find(w) != kNone) return false;
  }
  return true;
}

// Sum of the principal amounts in `part`, or the stated total.
std::optional<int64_t> PrincipalSum(std::string_view part,
                                    bool (*keep_item)(std::string_view, const CaseRecord&),
                                    const CaseRecord& r) {
  std::optional<int64_t> sum;
  for (const Span& span : Items(part)) {
    std::string_view item = span.In(part);
    if (keep_item != nullptr && !keep_item(item, r)) continue;
    std::vector<MoneySpan> money = FindMoney(item);
    size_t context = 0;
    for (const MoneySpan& m : money) {
      if (IsPrincipal(item, context, m)) sum = sum.value_or(0) + m.fen;
      context = m.end;
    }
  }
  return sum;
}

// The request part of the claims: up to 事实和理由.
// The request part of the claims: from the last request opener (诉讼请求：, 请求判令,
// 要求判令, …; an old-style 诉称 tells its story first) up to 事实和理由.
std::string_view RequestPart(std::string_view claims) {
  size_t end = claims.size();
  for (std::string_view w : {"事实和理由", "事实与理由", "事实及理由", "理由如下", "主要理由"}) {
    size_t pos = claims.find(w);
    if (pos != kNone && pos < end) end = pos;
  }
  std::string_view request = claims.substr(0, end);
  static thread_local const RE2 opener(
      "诉讼请求[:：]|(?:请求|要求)(?:法院|本院)?(?:依法)?(?:判令|判决|责令)|诉请[:：]|"
      "请求(?:法院|本院)[:：]?");
  size_t start = 0;
  re2::StringPiece m;
  for (size_t from = 0; from < request.size() &&
                        opener.Match(request, from, request.size(), RE2::UNANCHORED, &m, 1);) {
    start = static_cast<size_t>(m.data() - request.data());
    from = start + m.size();
  }
  return request.substr(start);
}

std::optional<int64_t> ClaimTotal(std::string_view request, const CaseRecord& r) {
  // A stated total wins: the last amount right after 合计/共计.
  std::optional<int64_t> total;
  re2::StringPiece m;
  for (size_t from = 0; TotalRe().Match(request, from, request.size(), RE2::UNANCHORED, &m, 1);) {
    size_t end = static_cast<size_t>(m.data() - request.data()) + m.size();
    std::vector<MoneySpan> money = FindMoney(request.substr(end, 60));
    if (!money.empty() && money[0].begin <= 6) total = money[0].fen;
    from = end;
  }
  if (total) return total;
  return PrincipalSum(request, nullptr, r);
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (StartsWith(s, w)) return true;
  }
  return false;
}

// Whether a party claims in the first instance: 原告 and 申请人, and in a second instance
// whoever was 原审原告 / 一审原告 (an appellant may be either).
bool OnPlaintiffSide(const Party& p) {
  if (p.role.find("原审原告") != kNone || p.role.find("一审原告") != kNone) return true;
  if (p.role.find("原审被告") != kNone || p.role.find("一审被告") != kNone) return false;
  return p.side == "plaintiff" || p.side == "applicant";
}

// A decision item that orders the defendant side to pay the plaintiff side.
bool PaysPlaintiff(std::string_view item, const CaseRecord& r) {
  // Skip the marker: "一、", "1."
  size_t i = 0;
  while (i < item.size() && (item[i] == '\n' || item[i] == ' ' || item[i] == ';')) ++i;
  std::string_view body = item.substr(i);
  size_t sep = body.find("、");
  if (sep != kNone && sep <= 9) body.remove_prefix(sep + 3);
  if (StartsWith(body, ".")) body.remove_prefix(1);
  body = Trim(body);
  if (StartsWith(body, "驳回") || StartsWith(body, "不准")) return false;
  // The payer is named first; a payer on the plaintiff side means a counterclaim won.
  for (const Party& p : r.parties) {
    if (!p.name.empty() && body.find(p.name) != kNone && body.find(p.name) < 60) {
      size_t pos = body.find(p.name);
      bool first = true;
      for (const Party& q : r.parties) {
        size_t qp = body.find(q.name);
        if (!q.name.empty() && qp != kNone && qp < pos) first = false;
      }
      if (first) {
        return !OnPlaintiffSide(p);
      }
    }
  }
  return !StartsWithAny(body, {"原告", "上诉人", "申请人", "申请执行人"});
}

}  // namespace

void ExtractAmounts(std::string_view text, const DocumentLayout& layout, CaseRecord* r) {
  struct Part {
    Span span;
    const char* section;
  };
  // The fee clause first: amounts inside it are fee amounts even within the decision.
  std::vector<Part> parts = {{layout.fee, "fee"}, {layout.decision, "decision"}};
  for (const Block& b : layout.blocks) {
    if (b.kind == BlockKind::kClaims) parts.push_back({b.span, "claims"});
    if (b.kind == BlockKind::kFacts) parts.push_back({b.span, "facts"});
  }
  std::vector<std::pair<size_t, Amount>> found;
  for (const Part& part : parts) {
    if (part.span.empty()) continue;
    std::string_view s = part.span.In(text);
    for (const MoneySpan& m : FindMoney(s)) {
      size_t at = part.span.begin + m.begin;
      if (std::string_view(part.section) != "fee" && !layout.fee.empty() &&
          at >= layout.fee.begin && at < layout.fee.end) {
        continue;
      }
      std::string_view written = s.substr(m.begin, m.end - m.begin);
      if (StartsWith(written, "约")) {  // 约 qualifies an amount; it is not part of it
        written.remove_prefix(3);
        at += 3;
      }
      found.push_back({at, Amount{m.fen, std::string(written), part.section}});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, amount] : found) r->amounts.push_back(std::move(amount));

  // The claim: the first-instance claim (restated in a second instance) before an appeal's.
  const Block* claim = nullptr;
  for (const Block& b : layout.blocks) {
    if (b.kind != BlockKind::kClaims || b.counterclaim) continue;
    if (claim == nullptr || (claim->appeal && !b.appeal)) claim = &b;
  }
  if (claim != nullptr && !claim->appeal) {
    r->claim_fen = ClaimTotal(RequestPart(claim->span.In(text)), *r);
  }
  // An award is what a judgment orders paid; rulings and mediations have none here.
  if (!layout.decision.empty() && r->doc_type.find("判决书") != kNone) {
    std::string_view decision = layout.decision.In(text);
    if (!layout.fee.empty() && layout.fee.begin > layout.decision.begin &&
        layout.fee.begin < layout.decision.end) {
      decision = text.substr(layout.decision.begin, layout.fee.begin - layout.decision.begin);
    }
    r->award_fen = PrincipalSum(decision, PaysPlaintiff, *r);
    if (decision.find("维持原判") != kNone) {
      // The upheld award is the lower court's, as the document restates it.
      static thread_local const RE2 restated("(?:一审|原审)(?:法院)?(?:据此)?判决[:：]");
      for (const Block& b : layout.blocks) {
        if (b.kind != BlockKind::kFacts) continue;
        std::string_view block = b.span.In(text);
        re2::StringPiece m;
        if (restated.Match(block, 0, block.size(), RE2::UNANCHORED, &m, 1)) {
          size_t from = static_cast<size_t>(m.data() - block.data()) + m.size();
          std::string_view items = block.substr(from);
          size_t fee = items.find("受理费");
          if (fee != kNone) items = items.substr(0, fee);
          r->award_fen = PrincipalSum(items, PaysPlaintiff, *r);
        }
      }
    }
  }
  // fee_yuan is the 案件受理费; a ruling's 申请费 or 公告费 alone is not.
  if (!layout.fee.empty() && layout.fee.In(text).find("受理费") != kNone) {
    std::string_view fee = layout.fee.In(text);
    size_t accepted = fee.find("受理费");
    // Start at the first clause that names the 受理费.
    size_t clause = fee.rfind("；", accepted);
    if (clause != kNone) fee = fee.substr(clause + 3);
    // The deciding instance's fee: 二审 over 一审, the main action's over a counterclaim's.
    size_t second = fee.find("二审案件受理费");
    if (second == kNone) second = fee.find("二审受理费");
    if (second != kNone) fee = fee.substr(second);
    size_t halved = fee.find("减半");
    std::vector<MoneySpan> money = FindMoney(fee);
    for (const MoneySpan& m : money) {
      if (halved != kNone && m.begin < halved) continue;
      r->fee_fen = m.fen;
      break;
    }
    if (!r->fee_fen && !money.empty()) r->fee_fen = money.front().fen;
  }
}

namespace {

struct ItemWord {
  std::string_view word, item;
};
constexpr ItemWord kItems[] = {
    {"房屋", "房屋"}, {"房产", "房屋"}, {"住房", "房屋"},     {"商品房", "房屋"},
    {"轿车", "车辆"}, {"汽车", "车辆"}, {"车辆", "车辆"},     {"机动车", "车辆"},
    {"存款", "存款"}, {"存单", "存款"}, {"理财", "存款"},     {"公积金", "公积金"},
    {"股权", "股权"}, {"股份", "股权"}, {"家具", "家具家电"}, {"家电", "家具家电"},
    {"车位", "车位"}, {"债权", "债权"}, {"现金", "现金"},     {"保险", "保险"}};

// The side of the party named (or the role word used) in `s`, first mention wins.
std::string SideNamedIn(std::string_view s, const std::vector<Party>& parties) {
  size_t best = kNone;
  std::string side;
  for (const Party& p : parties) {
    size_t pos = p.name.empty() ? kNone : s.find(p.name);
    if (pos != kNone && pos < best) {
      best = pos;
      side = p.side;
    }
  }
  for (auto [word, role_side] : {std::pair<std::string_view, std::string_view>{"原告", "plaintiff"},
                                 {"被告", "defendant"},
                                 {"申请人", "applicant"},
                                 {"被申请人", "respondent"}}) {
    size_t pos = s.find(word);
    if (pos != kNone && pos < best) {
      best = pos;
      side = std::string(role_side);
    }
  }
  return side;
}

std::vector<std::string_view> Clauses(std::string_view s, bool commas) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    std::string_view rest = s.substr(i);
    size_t len =
        (commas && StartsWith(rest, "，")) || StartsWith(rest, "；") || StartsWith(rest, "。") ? 3
        : s[i] == '\n' || s[i] == ';'                                                          ? 1
                                                                                               : 0;
    if (len > 0) {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + len;
      i += len;
    } else {
      ++i;
    }
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

}  // namespace

std::vector<Allocation> FindAllocations(std::string_view decision,
                                        const std::vector<Party>& parties) {
  std::vector<Allocation> out;
  // Sentences (；。 and line ends), and within them clauses (，).
  for (std::string_view sentence : Clauses(decision, /*commas=*/false)) {
    size_t debt = sentence.find("债务");
    size_t price = sentence.find("折价款");
    if (price == kNone) price = sentence.find("补偿款");
    for (std::string_view clause : Clauses(sentence, /*commas=*/true)) {
      size_t gui = clause.find("归");
      size_t owned = clause.find("所有");
      if (gui == kNone || owned == kNone || owned < gui) continue;
      std::string_view what = clause.substr(0, gui);
      if (what.find("债务") != kNone || what.find("其余") != kNone) continue;
      for (const ItemWord& w : kItems) {
        if (what.find(w.word) == kNone) continue;
        std::string side = SideNamedIn(clause.substr(gui, owned - gui), parties);
        std::vector<MoneySpan> money = FindMoney(clause);
        std::optional<int64_t> value;
        if (!money.empty()) value = money.front().fen;
        if (!side.empty()) out.push_back({side, std::string(w.item), value});
        break;
      }
    }
    if (price != kNone) {
      size_t pay = sentence.rfind("支付", price);
      if (pay == kNone) pay = sentence.rfind("给付", price);
      if (pay != kNone) {
        std::string side = SideNamedIn(sentence.substr(pay, price - pay), parties);
        std::vector<MoneySpan> money = FindMoney(sentence.substr(price));
        std::optional<int64_t> value;
        if (!money.empty()) value = money.front().fen;
        std::string item(sentence.substr(price, 9));
        if (!side.empty()) out.push_back({side, item, value});
      }
    }
    size_t by = debt == kNone ? kNone : sentence.find("由", debt);
    if (debt != kNone && by != kNone) {
      std::string side = SideNamedIn(sentence.substr(by), parties);
      std::vector<MoneySpan> money = FindMoney(sentence.substr(debt, by - debt));
      std::optional<int64_t> value;
      if (!money.empty()) value = money.front().fen;
      if (!side.empty()) out.push_back({side, "债务", value});
    }
  }
  return out;
}

}  // namespace casesift
