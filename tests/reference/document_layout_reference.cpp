// The naive twin of FindLayout (tools/case-extract/document_layout.cpp): the same layout
// rules, written as the obvious sequence of RE2 searches, one per kind of word, each
// restarted after every hit. FindLayout finds all the words in one Hyperscan pass and
// must give exactly the same layout; document_layout_agreement_test.cpp compares them.
#include "tests/reference/document_layout_reference.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "text_util.h"

namespace casesift::reference {
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
// at or after `floor`. Scans back byte by byte, so its cost is the sentence's length.
size_t SentenceStart(std::string_view text, size_t pos, size_t floor) {
  size_t i = pos;
  while (i > floor) {
    char c = text[i - 1];
    if (c == '\n') break;
    // 。 is E3 80 82 and ； is EF BC 9B: look at a final byte, then confirm.
    if (i - floor >= 3 && (c == '\x82' || c == '\x9B')) {
      std::string_view last = text.substr(i - 3, 3);
      if (last == "。" || last == "；") break;
    }
    --i;
  }
  while (i < pos && (text[i] == ' ' || text[i] == '\r' || text[i] == '\t')) ++i;
  return i;
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
  static thread_local const RE2 re(
      "一案|诉称|诉至本院|起诉至本院|向本院(?:提起|提出|申请)|提出诉讼请求|本院于|本院受理|"
      "立案(?:受理|执行)?后|起诉[,，]?(?:要求|请求)|向本院申请(?:执行|再审)|申请强制执行|"
      "本院在执行|"
      "不服[^。]{2,80}?(?:判决|裁定)");
  return re;
}
struct Marker {
  BlockKind kind;
  bool counterclaim, appeal;
  const char* pattern;
};

// The words that open each block. Order matters only for equal positions.
const std::vector<Marker>& Markers() {
  static const std::vector<Marker> markers = {
      {BlockKind::kClaims, true, false, "反诉请求|提起反诉|提出反诉|反诉称"},
      {BlockKind::kClaims, false, true,
       "上诉请求|提出上诉请求|上诉称|再审请求|申请再审称|提出(?:书面)?异议|异议称|异议请求|"
       "复议请求"},
      {BlockKind::kClaims, false, false,
       "提出诉讼请求|诉讼请求[:：]|起诉请求|诉称|申请请求|请求(?:法院|本院)?(?:依法)?"
       "(?:判令|判决)|申请称|申请事项|申请执行标的|向本院申请(?:财产|诉前)?保全|"
       "请求(?:本院|法院)(?:依法)?(?:裁定|准许|冻结|查封)|向本院申请执行"},
      {BlockKind::kDefence, false, false, "辩称|答辩称|述称|未(?:作|提交|提出)(?:答辩|陈述)"},
      {BlockKind::kFacts, false, false,
       "经审理查明|认定事实如下|本院查明|审查查明|经审理认定|本院经审查|经审查|经查[,，:：]|"
       "确认以下(?:案件)?事实|查明以下事实|本院认定(?:如下)?(?:本案)?(?:案件)?事实(?:如下)?|"
       "(?:一审|原审)(?:法院)?(?:审理)?(?:认定|查明)(?:的)?(?:事实)?|"
       "本院(?:二审|再审)(?:期间|查明|认定)|据此(?:作出)?判决[:：]|"
       "(?:一审|原审)(?:法院)?(?:据此)?(?:判决|裁定)[:：]|执行(?:过程)?中[,，]"},
      {BlockKind::kReasoning, false, false, "本院认为|(?:一审|原审|二审)法院认为"},
  };
  return markers;
}

// All markers in one pattern: one pass over the body finds every block start; which
// marker it was is then told by matching the short hit against each.
const RE2& AnyMarkerRe() {
  static thread_local const RE2 re = [] {
    std::string all;
    for (const Marker& m : Markers()) {
      all += (all.empty() ? "(?:" : "|(?:") + std::string(m.pattern) + ")";
    }
    return all;
  }();
  return re;
}

const RE2& MarkerRe(size_t i) {
  static thread_local const std::vector<std::unique_ptr<RE2>> res = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const Marker& m : Markers()) v.push_back(std::make_unique<RE2>(m.pattern));
    return v;
  }();
  return *res[i];
}

const RE2& DecisionRe() {
  static thread_local const RE2 re(
      "(?:判决|裁定|决定|调解)如下[:：]?|达成(?:如下|以下)(?:调解)?协议[:：]?|协议如下[:：]?|"
      "作出如下(?:判决|裁定|决定)[:：]?");
  return re;
}
const RE2& FeeRe() {
  static thread_local const RE2 re("受理费|申请费|诉讼费|保全费|公告费|鉴定费|执行费");
  return re;
}
const RE2& DecisionEndRe() {
  static thread_local const RE2 re(
      "如果未按|如不服本|如不服本院|本(?:判决|裁定|调解书)(?:为终审|送达后|经双方)");
  return re;
}
const RE2& SignatureRe() {
  static thread_local const RE2 re(
      "(?:审[ \\x{3000}]*判[ \\x{3000}]*长|审[ \\x{3000}]*判[ \\x{3000}]*员|代理审判员|"
      "人民陪审员|执[ \\x{3000}]*行[ \\x{3000}]*员|书[ \\x{3000}]*记[ \\x{3000}]*员|"
      "法[ \\x{3000}]*官[ \\x{3000}]*助[ \\x{3000}]*理)");
  return re;
}

}  // namespace

DocumentLayout FindLayoutReference(std::string_view text, size_t header_end) {
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

  // The decision: the items after the last 判决如下 (a second instance restates the first).
  size_t last_decision = kNone, last_decision_end = kNone;
  for (size_t from = origin, end; (from = Find(DecisionRe(), text, from, body_end, &end)) != kNone;
       from = end) {
    last_decision = from;
    last_decision_end = end;
  }
  decision_pos = last_decision;
  decision_end_marker = last_decision_end;
  size_t blocks_end = decision_pos == kNone ? body_end : decision_pos;

  // Blocks: every marker between the origin and the decision opens one at its sentence.
  struct Start {
    size_t pos;
    size_t marker;
  };
  std::vector<Start> starts;
  for (size_t from = origin, end;
       (from = Find(AnyMarkerRe(), text, from, blocks_end, &end)) != kNone; from = end) {
    re2::StringPiece hit(text.data() + from, end - from);
    // Not a marker: 陈述称, 未提出书面异议.
    std::string_view before = from >= 3 ? text.substr(from - 3, 3) : std::string_view();
    bool part_of_other_word =
        (hit == "述称" && before == "陈") || (hit.starts_with("提出") && before == "未");
    for (size_t i = 0; i < Markers().size() && !part_of_other_word; ++i) {
      if (RE2::FullMatch(hit, MarkerRe(i))) {
        starts.push_back({SentenceStart(text, from, origin), i});
        break;
      }
    }
    if (end == from) ++end;
  }
  // One block per sentence: the first marker in it decides its kind (第三人述称，…请求法院依法判决
  // is a statement, not a claim). The starts come in the order of the markers' places.
  std::vector<Start> unique;
  for (const Start& st : starts) {
    if (unique.empty() || unique.back().pos != st.pos) unique.push_back(st);
  }
  // The origin ends where the first block starts (the origin itself may hold a marker word
  // such as 诉至本院 only when no block sentence follows).
  size_t origin_end = unique.empty() ? blocks_end : unique.front().pos;
  if (origin_end < origin) origin_end = origin;
  l.origin = {origin, origin_end};
  for (size_t i = 0; i < unique.size(); ++i) {
    size_t begin = unique[i].pos;
    if (begin < origin_end) continue;
    size_t end = i + 1 < unique.size() ? unique[i + 1].pos : blocks_end;
    const Marker& m = Markers()[unique[i].marker];
    l.blocks.push_back(Block{m.kind, {begin, end}, m.counterclaim, m.appeal});
  }

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

}  // namespace casesift::reference
