#include "amounts.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/chinese_number.h"
#include "money_items.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

// Words after which an amount is not principal: interest, penalties, costs, estimates, and
// sums per unit or period (每月, 每盒).
const WordSet& AncillaryWords() {
  static const WordSet words = {"利息",   "违约金",       "滞纳金",  "罚息",   "复利",   "律师费",
                                "代理费", "诉讼费",       "保全费",  "公告费", "鉴定费", "评估费",
                                "差旅费", "暂计",         "暂算",    "受理费", "按月",   "按年",
                                "每",     "逾期付款损失", "合理开支"};
  return words;
}

// Words that state a total of the amounts before them.
const WordSet& TotalWords() {
  static const WordSet words = {"合计", "共计", "总计", "累计"};
  return words;
}

// Verbs that order a payment.
const WordSet& PayVerbs() {
  static const WordSet words = {"支付", "赔偿", "给付", "偿还", "归还", "返还",
                                "退还", "赔付", "清偿", "补偿", "退赔", "偿付"};
  return words;
}

// Words that deduct a sum already paid (合计X元，扣除已垫付Y元，要求赔偿Z元).
constexpr std::string_view kDeductWords[] = {"扣除", "扣减", "减去", "抵扣", "扣去"};

// Whether `m` is principal: not the base of a calculation, and no ancillary word between
// `context` (the item's start or the previous amount's end) and it.
bool IsPrincipal(std::string_view text, size_t context, size_t item_end, const MoneyAt& m) {
  std::string_view after = text.substr(m.end, std::min<size_t>(12, item_end - m.end));
  if (StartsWith(after, "为基数") || StartsWith(after, "为本金") || StartsWith(after, "的基数") ||
      StartsWith(after, "为计算基数")) {
    return false;
  }
  return !AncillaryWords().In(text.substr(context, m.begin - context));
}

// How each amount of a list stands in a claim or decision.
struct Reading {
  bool principal = false;
  bool total = false;  // right after 合计/共计: the sum of the amounts before it
};

// Decides whether the amount at [at, end) of a decision item is paid to the plaintiff side.
using PaidTest = bool (*)(std::string_view item, size_t at, size_t end, const CaseRecord& r);

// Reads the amounts of `list` that lie in `part`, item by item. With `paid`, an amount it
// refuses is not principal.
std::vector<Reading> ReadItems(std::string_view text, Span part, const MoneyList& list,
                               PaidTest paid, const CaseRecord& r) {
  std::vector<Reading> readings(list.size());
  std::string_view s = part.In(text);
  size_t k = 0;
  while (k < list.size() && list[k].begin < part.begin) ++k;
  for (const Span& item : ItemsOf(s)) {
    size_t begin = part.begin + item.begin, end = part.begin + item.end;
    std::string_view item_text = text.substr(begin, end - begin);
    size_t context = begin;
    for (; k < list.size() && list[k].begin < end; ++k) {
      const MoneyAt& m = list[k];
      // 合计 (and at most 6 bytes: 为, ：, 人民币 …) right before the amount.
      size_t near = std::max(context, m.begin >= 12 ? m.begin - 12 : 0);
      std::string_view before = text.substr(near, m.begin - near);
      size_t length = 0;
      size_t at = TotalWords().FindLast(before, &length);
      readings[k].total = at != kNone && before.size() - (at + length) <= 6;
      readings[k].principal =
          IsPrincipal(text, context, end, m) &&
          (paid == nullptr || paid(item_text, m.begin - begin, m.end - begin, r));
      context = m.end;
    }
  }
  return readings;
}

// Sum of the principal amounts of `part` (totals left out), or nothing.
std::optional<int64_t> PrincipalSum(std::string_view text, Span part, const MoneyList& list,
                                    PaidTest paid, const CaseRecord& r) {
  std::vector<Reading> readings = ReadItems(text, part, list, paid, r);
  std::optional<int64_t> sum;
  for (size_t k = 0; k < list.size(); ++k) {
    if (readings[k].principal && !readings[k].total) sum = sum.value_or(0) + list[k].fen;
  }
  return sum;
}

// The claim of a request: a stated total that covers only principal amounts (the net ask
// when an advance is deducted from it), else the sum of the principal amounts.
std::optional<int64_t> ClaimOf(std::string_view text, Span request, const MoneyList& list,
                               const CaseRecord& r) {
  std::vector<Reading> readings = ReadItems(text, request, list, nullptr, r);
  std::optional<int64_t> claim;
  bool all_principal = true;  // since the request's start or the last total
  for (size_t k = 0; k < list.size(); ++k) {
    const MoneyAt& m = list[k];
    if (m.begin < request.begin || m.begin >= request.end) continue;
    if (!readings[k].total) {
      all_principal = all_principal && readings[k].principal;
      continue;
    }
    if (all_principal && readings[k].principal) {
      claim = m.fen;
      // 扣除…Y元，…Z元 in the same sentence: Z is what is asked.
      std::string_view rest =
          text.substr(m.end, std::min(SentenceEnd(text, m.end), request.end) - m.end);
      size_t deduct = kNone;
      for (std::string_view w : kDeductWords) deduct = std::min(deduct, Find(rest, w));
      if (deduct != kNone) {
        size_t after = 0;
        for (size_t j = k + 1; j < list.size() && list[j].begin < m.end + rest.size(); ++j) {
          if (list[j].begin < m.end + deduct) continue;
          if (++after == 2) claim = list[j].fen;
        }
      }
    }
    all_principal = true;
  }
  if (claim) return claim;
  for (size_t k = 0; k < list.size(); ++k) {
    if (readings[k].principal && !readings[k].total) claim = claim.value_or(0) + list[k].fen;
  }
  return claim;
}

// The request part of the claims: from the last request opener (诉讼请求：, 请求判令,
// 变更诉讼请求为…; an old-style 诉称 tells its story first) up to 事实和理由.
Span RequestPart(std::string_view text, Span claims) {
  std::string_view s = claims.In(text);
  size_t end = FindFirst(s, {"事实和理由", "事实与理由", "事实及理由", "理由如下", "主要理由"});
  if (end == kNone) end = s.size();
  std::string_view request = s.substr(0, end);
  // An opener that is an item of a list already opened (诉讼请求：1．请求判令…；2．请求判令…)
  // does not start a new request.
  static thread_local const RE2 opener(
      "诉讼请求[:：]|(?:请求|要求)(?:法院|本院)?(?:依法)?(?:判令|判决|责令)|诉请[:：]|"
      "(?:请求|要求)(?:法院|本院)?[:：]|请求(?:法院|本院)|变更(?:第.项)?(?:诉讼请求|诉请)为|"
      "诉讼请求变更为");
  size_t start = 0;
  re2::StringPiece m;
  for (size_t from = 0; from < request.size() &&
                        opener.Match(request, from, request.size(), RE2::UNANCHORED, &m, 1);) {
    size_t at = static_cast<size_t>(m.data() - request.data());
    if (!ItemMarkerEndsAt(request, at) || StartsWith(View(m), "变更")) start = at;
    from = at + m.size();
  }
  return {claims.begin + start, claims.begin + end};
}

// Whether a party claims in the first instance: 原告 and 申请人, and in a second instance
// whoever was 原审原告 / 一审原告 (an appellant may be either).
bool OnPlaintiffSide(const Party& p) {
  if (p.role.find("原审原告") != kNone || p.role.find("一审原告") != kNone) return true;
  if (p.role.find("原审被告") != kNone || p.role.find("一审被告") != kNone) return false;
  return p.side == "plaintiff" || p.side == "applicant";
}

// The first party (by name) or role word in `s`: 1 on the plaintiff side, 0 on the other,
// -1 when none is named.
int FirstNamedSide(std::string_view s, const CaseRecord& r) {
  size_t best = kNone, best_length = 0;
  int side = -1;
  for (const Party& p : r.parties) {
    if (p.name.empty()) continue;
    // The whole name: 赵某 is not named in 赵某某.
    size_t pos = Find(s, p.name);
    while (pos != kNone && s.substr(pos + p.name.size(), 3) == "某") {
      pos = Find(s, p.name, pos + 1);
    }
    // Where two names start at one place, the longer is named: 范春福, not 范春.
    if (pos < best || (pos == best && pos != kNone && p.name.size() > best_length)) {
      best = pos;
      best_length = p.name.size();
      side = OnPlaintiffSide(p) ? 1 : 0;
    }
  }
  constexpr std::pair<std::string_view, int> kRoles[] = {
      {"被申请人", 0}, {"被执行人", 0}, {"申请执行人", 1}, {"申请人", 1}, {"原告", 1}, {"被告", 0}};
  for (auto [word, role_side] : kRoles) {
    size_t pos = Find(s, word);
    if (pos < best) {
      best = pos;
      side = role_side;
    }
  }
  return side;
}

// Whether the amount at [at, end) of a decision item is ordered paid to the plaintiff side.
// The pay verb last before it decides: the party named right after the verb receives
// (支付原告…), or the one after 向 before it (向原告支付); failing that, the party named
// in the verb's clause (or first in the item) pays. A sum with no pay verb before it is a payment
// only when the item says it is to be paid off (尚欠原告货款X元，于…前付清); values (价值X元) and
// debts borne are not.
bool PaidToPlaintiff(std::string_view item, size_t at, size_t end, const CaseRecord& r) {
  std::string_view body = item.substr(std::min(item.size(), ItemMarkerEnd(item)));
  body = body.substr(0, at - (item.size() - body.size()));
  std::string_view trimmed = Trim(body);
  if (StartsWithAny(trimmed, {"驳回", "不准"})) return false;
  size_t verb_length = 0;
  size_t verb = PayVerbs().FindLast(body, &verb_length);
  if (verb == kNone) {
    std::string_view rest = item.substr(end);
    rest = rest.substr(0, SentenceEnd(rest, 0));
    if (!ContainsAny(rest, {"付清", "还清", "支付完毕", "给付完毕"})) return false;
    return FirstNamedSide(body, r) == 0;
  }
  int payee = FirstNamedSide(body.substr(verb + verb_length), r);
  if (payee >= 0) return payee == 1;
  size_t toward = body.rfind("向", verb);
  if (toward != kNone && verb - toward <= 90) {
    int side = FirstNamedSide(body.substr(toward, verb - toward), r);
    if (side >= 0) return side == 1;
  }
  // The payer: named in the verb's clause, else earlier in the item.
  size_t comma = body.rfind("，", verb);
  size_t clause = comma == kNone ? 0 : comma + 3;
  int payer = FirstNamedSide(body.substr(clause, verb - clause), r);
  if (payer < 0) payer = FirstNamedSide(body.substr(0, verb), r);
  if (payer >= 0) return payer == 0;
  return !StartsWithAny(trimmed, {"原告", "上诉人", "申请人", "申请执行人"});
}

// The lower court's decision restated in `block` (一审法院判决：…, 原审法院认为…，判决：…):
// the offset just past its opener, or kNone.
size_t RestatedDecisionStart(std::string_view block) {
  size_t length = 0;
  size_t at = FindFirst(block, {"判决：", "判决:", "判决如下：", "判决如下:", "裁定：", "裁定:"}, 0,
                        &length);
  return at == kNone ? kNone : at + length;
}

// Whether a reasoning block is the lower court's (一审法院认为, 原审认为), restated.
bool IsLowerCourtReasoning(std::string_view block) {
  std::string_view first = block.substr(0, SentenceEnd(block, 0));
  return ContainsAny(first, {"一审法院认为", "原审法院认为", "二审法院认为", "一审认为", "原审认为",
                             "一审判决认为", "原判认为"});
}

// Whether a facts block opens with found facts (查明, 认定事实如下 …), not a mention of the
// lower court's finding inside this court's reasoning (原审法院认定其…，并无不当).
bool OpensWithFoundFacts(std::string_view block) {
  std::string_view first = block.substr(0, SentenceEnd(block, 0));
  return ContainsAny(first, {"查明", "事实如下", "认定如下", "以下事实", "案件事实", "认定事实",
                             "事实：", "判决：", "判决:"});
}

// Where the evidence part starts in a claims block: the first sentence in which a party
// submits evidence (提交…证据, 提交…证明, 提供…证据, 举证) and after which no request follows
// (…上述事实，有借条等证据予以证明。现起诉要求：… still has its request). The block's size
// when none.
size_t EvidenceStart(std::string_view claims) {
  for (size_t from = 0;;) {
    size_t length = 0;
    size_t word = FindFirst(claims, {"证据", "证明"}, from, &length);
    if (word == kNone) return claims.size();
    size_t begin = SentenceBegin(claims, word);
    std::string_view lead = claims.substr(begin, word - begin);
    bool evidence = StartsWith(claims.substr(word), "证据")
                        ? ContainsAny(lead, {"提交", "提供", "出示", "举证"})
                        : lead.find("提交") != kNone;
    if (evidence &&
        FindFirst(claims, {"请求", "要求", "诉请"}, SentenceEnd(claims, word)) == kNone) {
      return begin;
    }
    from = word + length;
  }
}

// The request in the 案件由来 when no claims block follows it: from 请求/要求 (…提出财产保全
// 申请，请求冻结…; …起诉，要求判令…) or the sum enforcement is sought for (执行标的为…) to the
// end of that sentence. Empty when there is none.
Span OriginRequest(std::string_view text, Span origin) {
  std::string_view s = origin.In(text);
  size_t at = FindFirst(s, {"请求", "要求", "执行标的"});
  if (at == kNone) return {};
  return {origin.begin + at, origin.begin + SentenceEnd(s, at)};
}

bool SpanHolds(Span s, size_t pos) { return pos >= s.begin && pos < s.end; }

// Whether the parties are numbered pseudonyms (张某1): then a digit after 某 is the name's.
bool HasNumberedPseudonyms(const std::vector<Party>& parties) {
  for (const Party& p : parties) {
    size_t mou = p.name.rfind("某");
    if (mou != kNone && mou + 3 < p.name.size() && p.name[mou + 3] >= '0' &&
        p.name[mou + 3] <= '9') {
      return true;
    }
  }
  return false;
}

// A stretch of the document whose amounts are listed under `section`.
struct Listed {
  Span span;
  const char* section;
  MoneyList money;
};

// Appends the listed amounts to r->amounts in text order, without a leading 约.
void EmitAmounts(std::string_view text, const std::vector<Listed>& listed, CaseRecord* r) {
  std::vector<std::pair<const MoneyAt*, const char*>> all;
  for (const Listed& l : listed) {
    for (const MoneyAt& m : l.money) all.push_back({&m, l.section});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first->begin < b.first->begin; });
  for (const auto& [m, section] : all) {
    std::string_view written = text.substr(m->begin, m->end - m->begin);
    if (StartsWith(written, "约")) written.remove_prefix(3);  // 约 qualifies, it is not part
    r->amounts.push_back(Amount{m->fen, std::string(written), section});
  }
}

// The 案件受理费 of the fee clause: that of the deciding instance (二审 over 一审), the
// figure after 减半 when it is halved, else the first. Nothing when the clause names no
// 受理费 (a ruling's 申请费 or 公告费 alone).
std::optional<int64_t> FeeOf(std::string_view text, Span fee, const MoneyList& money) {
  std::string_view s = fee.In(text);
  size_t accepted = s.find("受理费");
  if (accepted == kNone) return std::nullopt;
  // From the clause that names the 受理费.
  size_t start = s.rfind("；", accepted);
  start = start == kNone ? 0 : start + 3;
  size_t second = FindFirst(s, {"二审案件受理费", "二审受理费"}, start);
  if (second != kNone) start = second;
  // 减半收取计X元 gives the figure after it; X元（已减半收取） the figure before it.
  size_t halved = s.find("减半", start);
  std::optional<int64_t> first;
  for (const MoneyAt& m : money) {
    if (m.begin < fee.begin + start) continue;
    if (!first) first = m.fen;
    size_t at = fee.begin + halved;
    if (halved == kNone || m.begin >= at) return m.fen;
    std::string_view gap = m.end <= at ? text.substr(m.end, at - m.end) : std::string_view();
    if (gap.size() <= 6 && (StartsWith(gap, "（") || StartsWith(gap, "("))) return m.fen;
  }
  return first;
}

// The first amount of this court's reasoning labelled 医疗费 (医疗费X元, 医疗费：X元,
// 医疗费为X元, 医疗费计X元): the medical costs the court determines, or nothing.
std::optional<int64_t> MedicalCostsIn(std::string_view text, Span reasoning,
                                      const MoneyScanOptions& options) {
  std::string_view s = reasoning.In(text);
  if (Find(s, "医疗费") == kNone) return std::nullopt;
  for (const MoneyAt& m : FindMoneyIn(text, reasoning, options)) {
    std::string_view before = text.substr(reasoning.begin, m.begin - reasoning.begin);
    for (std::string_view link : {"", "：", ":", "为", "计"}) {
      if (before.size() < link.size() || before.substr(before.size() - link.size()) != link) {
        continue;
      }
      if (EndsWith(before.substr(0, before.size() - link.size()), "医疗费")) return m.fen;
    }
  }
  return std::nullopt;
}

}  // namespace

void ExtractAmounts(std::string_view text, const DocumentLayout& layout, CaseRecord* r) {
  MoneyScanOptions options;
  options.pseudonym_digits = HasNumberedPseudonyms(r->parties);
  for (const Party& p : r->parties) options.names.push_back(p.name);  // 石佳一 + 十万五千元
  std::vector<Listed> listed;
  auto add = [&](Span span, const char* section) {
    if (!span.empty()) listed.push_back({span, section, FindMoneyIn(text, span, options)});
  };

  // Blocks: claims (without the evidence part), found facts, and the lower court's decision
  // restated in its reasoning. Once this court's reasoning has begun, a facts block is only
  // a mention of a finding unless it opens with found facts.
  bool reasoning_begun = false;
  const Block* first_claims = nullptr;
  Span restated;  // the last restated lower-court decision
  bool any_claims = false;
  for (const Block& b : layout.blocks) {
    std::string_view s = b.span.In(text);
    if (b.kind == BlockKind::kClaims) {
      any_claims = true;
      add({b.span.begin, b.span.begin + EvidenceStart(s)}, "claims");
      if (first_claims == nullptr && !b.counterclaim) first_claims = &b;
    } else if (b.kind == BlockKind::kFacts) {
      if (reasoning_begun && !OpensWithFoundFacts(s)) continue;
      add(b.span, "facts");
      size_t decided = RestatedDecisionStart(s);
      if (decided != kNone) restated = {b.span.begin + decided, b.span.end};
    } else if (b.kind == BlockKind::kReasoning) {
      if (!IsLowerCourtReasoning(s)) {
        reasoning_begun = true;
        if (!r->medical_fen) r->medical_fen = MedicalCostsIn(text, b.span, options);
        continue;
      }
      size_t decided = RestatedDecisionStart(s);
      if (decided == kNone) continue;
      restated = {b.span.begin + decided, b.span.end};
      add(restated, "facts");
    }
  }
  // A ruling's application, or a request the layout left in the 案件由来.
  Span origin_request = any_claims ? Span{} : OriginRequest(text, layout.origin);
  add(origin_request, "claims");

  // The decision without the fee clause, which is listed on its own. A bound in a
  // statutory warning (处以…一千元以下罚款) is not an amount the decision orders.
  auto add_decision = [&](Span span) {
    add(span, "decision");
    if (span.empty()) return;
    MoneyList& money = listed.back().money;
    money.erase(std::remove_if(money.begin(), money.end(),
                               [&](const MoneyAt& m) {
                                 std::string_view after = text.substr(m.end, 6);
                                 return after == "以下" || after == "以上";
                               }),
                money.end());
  };
  Span decision = layout.decision;
  bool fee_inside = !layout.fee.empty() && SpanHolds(decision, layout.fee.begin);
  if (fee_inside) {
    add_decision({decision.begin, layout.fee.begin});
    add_decision({layout.fee.end, decision.end});
    decision.end = layout.fee.begin;
  } else {
    add_decision(decision);
  }
  add(layout.fee, "fee");
  EmitAmounts(text, listed, r);

  auto money_of = [&](Span span) {
    MoneyList out;
    for (const Listed& l : listed) {
      for (const MoneyAt& m : l.money) {
        if (SpanHolds(span, m.begin)) out.push_back(m);
      }
    }
    std::sort(out.begin(), out.end(),
              [](const MoneyAt& a, const MoneyAt& b) { return a.begin < b.begin; });
    return out;
  };

  // The claim: the first-instance claim (restated in a second instance) before an appeal's,
  // with the claims blocks that follow it at once (a 诉称 story, then 请求判令…).
  const Block* claim = nullptr;
  Span claim_span;
  for (size_t i = 0; i < layout.blocks.size(); ++i) {
    const Block& b = layout.blocks[i];
    if (b.kind != BlockKind::kClaims || b.counterclaim) continue;
    if (claim != nullptr && !(claim->appeal && !b.appeal)) continue;
    claim = &b;
    claim_span = b.span;
    for (size_t j = i + 1; j < layout.blocks.size(); ++j) {
      const Block& next = layout.blocks[j];
      if (next.kind != BlockKind::kClaims || next.counterclaim || next.appeal != b.appeal) break;
      claim_span.end = next.span.end;
    }
  }
  if (claim != nullptr && !claim->appeal) {
    Span request = RequestPart(text, claim_span);
    request.end = request.begin + EvidenceStart(request.In(text));
    r->claim_fen = ClaimOf(text, request, money_of(request), *r);
  } else if (claim == nullptr && !origin_request.empty() &&
             ContainsAny(origin_request.In(text), {"判令", "判决", "诉讼请求", "执行标的"})) {
    r->claim_fen = ClaimOf(text, origin_request, money_of(origin_request), *r);
  }

  // An award is what a judgment orders paid, or a mediation agreement obliges; a ruling
  // orders none.
  bool awards = r->doc_type.find("判决书") != kNone || r->doc_type.find("调解书") != kNone;
  if (!decision.empty() && awards) {
    r->award_fen = PrincipalSum(text, decision, money_of(decision), PaidToPlaintiff, *r);
    if (decision.In(text).find("维持原判") != kNone && !restated.empty()) {
      // The upheld award is the lower court's, as the document restates it.
      size_t fee = restated.In(text).find("受理费");
      if (fee != kNone) restated.end = restated.begin + fee;
      r->award_fen = PrincipalSum(text, restated, money_of(restated), PaidToPlaintiff, *r);
    }
  }
  r->fee_fen = FeeOf(text, layout.fee, money_of(layout.fee));
}

}  // namespace casesift
