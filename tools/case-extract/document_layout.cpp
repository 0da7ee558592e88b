#include "document_layout.h"

#include <re2/re2.h>

#include <algorithm>

#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

// The first match of `re` in text[from, to), or kNone; *end gets the match's end.
size_t Find(const RE2& re, std::string_view text, size_t from, size_t to = kNone,
            size_t* end = nullptr) {
  if (to == kNone || to > text.size()) to = text.size();
  if (from >= to) return kNone;
  re2::StringPiece m;
  if (!re.Match(text, from, to, RE2::UNANCHORED, &m, 1)) return kNone;
  size_t pos = static_cast<size_t>(m.data() - text.data());
  if (end) *end = pos + m.size();
  return pos;
}

// Start of the sentence holding byte `pos`: just after the previous '。', '\n' or '；'
// at or after `floor`.
size_t SentenceStart(std::string_view text, size_t pos, size_t floor) {
  size_t best = floor;
  for (std::string_view stop : {"。", "\n", "；"}) {
    size_t p = text.rfind(stop, pos == 0 ? 0 : pos - 1);
    if (p != kNone && p + stop.size() > best && p + stop.size() <= pos) best = p + stop.size();
  }
  while (best < pos && (text[best] == ' ' || text[best] == '\r' || text[best] == '\t')) ++best;
  return best;
}

// End of the sentence holding byte `pos`: just after the next '。' or at the next '\n'.
size_t SentenceEnd(std::string_view text, size_t pos) {
  size_t period = text.find("。", pos);
  size_t newline = text.find('\n', pos);
  size_t end = text.size();
  if (period != kNone) end = period + std::string_view("。").size();
  if (newline != kNone && newline < end) end = newline;
  return end;
}

const RE2& OriginRe() {
  static const RE2 re(
      "一案|诉称|诉至本院|起诉至本院|向本院(?:提起|提出|申请)|提出诉讼请求|本院于|本院受理|"
      "立案(?:受理|执行)?后|申请执行|申请再审|不服.{0,80}?(?:判决|裁定)");
  return re;
}
const RE2& ClaimsRe() {
  static const RE2 re(
      "提出诉讼请求|诉讼请求[:：]|诉称|上诉请求[:：]|提出上诉请求|上诉称|申请请求[:：]|"
      "请求(?:法院|本院)?(?:依法)?(?:判令|判决|裁定)|申请称|申请事项[:：]|请求[:：]");
  return re;
}
const RE2& DefenceRe() {
  static const RE2 re("辩称|答辩称|述称|未(?:作|提交|提出)答辩");
  return re;
}
const RE2& FactsRe() {
  static const RE2 re(
      "经审理查明|认定事实如下|本院查明|经审查查明|经审理认定|本院经审查|经审查|经查[,，:：]");
  return re;
}
const RE2& CounterclaimRe() {
  static const RE2 re("反诉请求|提起反诉|提出反诉|反诉称");
  return re;
}
const RE2& ReasoningRe() {
  static const RE2 re("本院认为");
  return re;
}
const RE2& DecisionRe() {
  static const RE2 re(
      "(?:判决|裁定|决定|调解)如下[:：]?|达成(?:如下|以下)(?:调解)?协议[:：]?|协议如下[:：]?|"
      "作出如下(?:判决|裁定|决定)[:：]?|(?:判决|裁定)[:：]");
  return re;
}
const RE2& FeeRe() {
  static const RE2 re("受理费|申请费|诉讼费|保全费|公告费|鉴定费|执行费");
  return re;
}
const RE2& DecisionEndRe() {
  static const RE2 re(
      "如果未按|如不服本|如不服本院|本(?:判决|裁定|调解书)(?:为终审|送达后|经双方)");
  return re;
}
const RE2& SignatureRe() {
  static const RE2 re(
      "(?:审[ \\x{3000}]*判[ \\x{3000}]*长|审[ \\x{3000}]*判[ \\x{3000}]*员|代理审判员|"
      "人民陪审员|执[ \\x{3000}]*行[ \\x{3000}]*员|书[ \\x{3000}]*记[ \\x{3000}]*员|"
      "法[ \\x{3000}]*官[ \\x{3000}]*助[ \\x{3000}]*理)");
  return re;
}

}  // namespace

DocumentLayout FindLayout(std::string_view text, size_t header_end) {
  DocumentLayout l;
  size_t n = text.size();
  if (header_end > n) header_end = n;
  l.header = {0, header_end};

  size_t origin = Find(OriginRe(), text, header_end);
  if (origin == kNone) {
    l.parties = {header_end, n};
    return l;
  }
  origin = SentenceStart(text, origin, header_end);
  l.parties = {header_end, origin};

  // The signature block: the judges' titles after the decision, at the start of a line;
  // in a text run together on one line, the first title after its last full stop.
  size_t decision_end_marker = kNone;
  size_t decision_pos = Find(DecisionRe(), text, origin, kNone, &decision_end_marker);
  size_t sig_from = decision_pos == kNone ? origin : decision_end_marker;
  size_t signature = kNone;
  for (size_t from = sig_from; (from = Find(SignatureRe(), text, from)) != kNone; ++from) {
    size_t line_start = text.rfind('\n', from);
    line_start = line_start == kNone ? 0 : line_start + 1;
    std::string_view before = text.substr(line_start, from - line_start);
    while (!before.empty() && (before[0] == ' ' || before[0] == '\t' || before[0] == '\r')) {
      before.remove_prefix(1);
    }
    while (before.substr(0, 3) == "\xE3\x80\x80") before.remove_prefix(3);
    if (before.empty()) {
      signature = from;
      break;
    }
  }
  if (signature == kNone) {
    size_t last_stop = text.rfind("。");
    if (last_stop != kNone && last_stop >= sig_from) {
      signature = Find(SignatureRe(), text, last_stop);
    }
  }
  size_t body_end = signature == kNone ? n : signature;
  if (signature != kNone) l.signature = {signature, n};

  // Claims, defence, facts, reasoning: each from the start of the sentence that opens it.
  size_t claims = Find(ClaimsRe(), text, origin, body_end);
  if (claims != kNone) claims = SentenceStart(text, claims, origin);
  size_t after_claims = claims == kNone ? origin : claims;
  size_t defence = Find(DefenceRe(), text, after_claims, body_end);
  if (defence != kNone) defence = SentenceStart(text, defence, after_claims);
  size_t facts = Find(FactsRe(), text, after_claims, body_end);
  if (facts != kNone) facts = SentenceStart(text, facts, after_claims);
  size_t counterclaim = Find(CounterclaimRe(), text, after_claims, body_end);
  if (counterclaim != kNone) counterclaim = SentenceStart(text, counterclaim, after_claims);
  size_t reasoning = Find(ReasoningRe(), text, after_claims, body_end);
  if (reasoning != kNone) reasoning = SentenceStart(text, reasoning, after_claims);
  if (decision_pos != kNone && decision_pos >= body_end) decision_pos = kNone;

  // Each part ends where the next one found begins.
  // The defence of a counterclaim (针对反诉辩称) comes after it.
  size_t counter_defence =
      counterclaim == kNone ? kNone : Find(DefenceRe(), text, counterclaim, body_end);
  if (counter_defence != kNone)
    counter_defence = SentenceStart(text, counter_defence, counterclaim);
  size_t starts[] = {
      origin,          claims, defence,   counterclaim,
      counter_defence, facts,  reasoning, decision_pos == kNone ? kNone : decision_end_marker,
      body_end};
  auto next_after = [&](size_t pos) {
    size_t best = body_end;
    for (size_t s : starts) {
      if (s != kNone && s > pos && s < best) best = s;
    }
    return best;
  };
  l.origin = {origin, next_after(origin)};
  if (claims != kNone && claims > origin) l.claims = {claims, next_after(claims)};
  if (defence != kNone && defence > after_claims) l.defence = {defence, next_after(defence)};
  if (counterclaim != kNone) l.counterclaim = {counterclaim, next_after(counterclaim)};
  if (facts != kNone) l.facts = {facts, next_after(facts)};
  if (reasoning != kNone) l.reasoning = {reasoning, next_after(reasoning)};
  if (decision_pos != kNone) {
    size_t start = decision_end_marker;
    size_t end = Find(DecisionEndRe(), text, start, body_end);
    l.decision = {start, end == kNone ? body_end : end};
    size_t fee = Find(FeeRe(), text, start, body_end);
    if (fee != kNone) {
      // The fee clause, and the fee sentences right after it (本诉…；反诉…。鉴定费…).
      size_t fee_end = SentenceEnd(text, fee);
      for (size_t next; fee_end < body_end; fee_end = SentenceEnd(text, next)) {
        next = Find(FeeRe(), text, fee_end, body_end);
        if (next == kNone) break;
        std::string_view gap = text.substr(fee_end, SentenceStart(text, next, fee_end) - fee_end);
        if (!Trim(gap).empty()) break;
      }
      l.fee = {SentenceStart(text, fee, start), fee_end};
    }
  }
  return l;
}

std::vector<std::pair<const char*, Span>> NamedSections(const DocumentLayout& l) {
  std::vector<std::pair<const char*, Span>> out = {
      {"header", l.header}, {"parties", l.parties},     {"origin", l.origin},
      {"claims", l.claims}, {"defence", l.defence},     {"counterclaim", l.counterclaim},
      {"facts", l.facts},   {"reasoning", l.reasoning}, {"decision", l.decision},
      {"fee", l.fee},       {"signature", l.signature}};
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& p) { return p.second.empty(); }),
            out.end());
  return out;
}

}  // namespace casesift
