#include "document_layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "common/pattern_set.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

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

// The words the layout is found from. Every pattern is written so that it means the same
// to Hyperscan over bytes and to RE2 over UTF-8: multi-byte characters only as literals and
// in alternations, never in a character class.
enum PatternId : uint32_t {
  kOrigin,        // the 案件由来 sentence
  kOriginAppeal,  // 不服…判决: confirmed by AppealOriginRe, Hyperscan only finds 不服
  kMarker,        // kMarker + i: the words that open a block of kind Markers()[i]
  kDecision = kMarker + 6,
  kFee,
  kDecisionEnd,
};

constexpr const char* kOriginPattern =
    "一案|诉称|诉至本院|起诉至本院|向本院(?:提起|提出|申请)|提出诉讼请求|本院于|本院受理|"
    "立案(?:受理|执行)?后|起诉(?:,|，)?(?:要求|请求)|向本院申请(?:执行|再审)|申请强制执行|"
    "本院在执行";
constexpr const char* kDecisionPattern =
    "(?:判决|裁定|决定|调解)如下(?::|：)?|达成(?:如下|以下)(?:调解)?协议(?::|：)?|"
    "协议如下(?::|：)?|作出如下(?:判决|裁定|决定)(?::|：)?";
constexpr const char* kFeePattern = "受理费|申请费|诉讼费|保全费|公告费|鉴定费|执行费";
constexpr const char* kDecisionEndPattern =
    "如果未按|如不服本|如不服本院|本(?:判决|裁定|调解书)(?:为终审|送达后|经双方)";
#define CASESIFT_SP "(?: |\u3000)*"
constexpr const char* kSignaturePattern =
    "审" CASESIFT_SP "判" CASESIFT_SP "长|审" CASESIFT_SP "判" CASESIFT_SP
    "员|代理审判员|"
    "人民陪审员|执" CASESIFT_SP "行" CASESIFT_SP "员|书" CASESIFT_SP "记" CASESIFT_SP
    "员|"
    "法" CASESIFT_SP "官" CASESIFT_SP "助" CASESIFT_SP "理";
#undef CASESIFT_SP

const RE2& AppealOriginRe() {
  static thread_local const RE2 re("不服[^。]{2,80}?(?:判决|裁定)");
  return re;
}

struct Marker {
  BlockKind kind;
  bool counterclaim, appeal;
  const char* pattern;
};

// The words that open each block. Where two kinds match at one place, the first listed wins.
const std::vector<Marker>& Markers() {
  static const std::vector<Marker> markers = {
      {BlockKind::kClaims, true, false, "反诉请求|提起反诉|提出反诉|反诉称"},
      {BlockKind::kClaims, false, true,
       "上诉请求|提出上诉请求|上诉称|再审请求|申请再审称|提出(?:书面)?异议|异议称|异议请求|"
       "复议请求"},
      {BlockKind::kClaims, false, false,
       "提出诉讼请求|诉讼请求(?::|：)|起诉请求|诉称|申请请求|请求(?:法院|本院)?(?:依法)?"
       "(?:判令|判决)|申请称|申请事项|申请执行标的|向本院申请(?:财产|诉前)?保全|"
       "请求(?:本院|法院)(?:依法)?(?:裁定|准许|冻结|查封)|向本院申请执行"},
      {BlockKind::kDefence, false, false, "辩称|答辩称|述称|未(?:作|提交|提出)(?:答辩|陈述)"},
      {BlockKind::kFacts, false, false,
       "经审理查明|认定事实如下|本院查明|审查查明|经审理认定|本院经审查|经审查|经查(?:,|，|:|：)|"
       "确认以下(?:案件)?事实|查明以下事实|"
       "本院认定(?:如下)?(?:本案)?(?:案件)?事实(?:如下)?|"
       "(?:一审|原审)(?:法院)?(?:审理)?(?:认定|查明)(?:的)?(?:事实)?|"
       "本院(?:二审|再审)(?:期间|查明|认定)|据此(?:作出)?判决(?::|：)|"
       "(?:一审|原审)(?:法院)?(?:据此)?(?:判决|裁定)(?::|：)|执行(?:过程)?中(?:,|，)"},
      {BlockKind::kReasoning, false, false, "本院认为|(?:一审|原审|二审)法院认为"},
  };
  return markers;
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
  static thread_local const RE2 re(kDecisionPattern);
  return re;
}

const PatternSet& LayoutPatterns() {
  static const PatternSet* const set = [] {
    std::vector<PatternSet::Pattern> patterns = {{kOriginPattern, kOrigin},
                                                 {"不服", kOriginAppeal},
                                                 {kDecisionPattern, kDecision},
                                                 {kFeePattern, kFee},
                                                 {kDecisionEndPattern, kDecisionEnd}};
    for (size_t i = 0; i < Markers().size(); ++i) {
      patterns.push_back({Markers()[i].pattern, static_cast<uint32_t>(kMarker + i)});
    }
    Result<PatternSet> compiled = PatternSet::Compile(patterns);
    if (!compiled.ok()) {
      std::fprintf(stderr, "case-extract: %s\n", std::string(compiled.status().message()).c_str());
      std::abort();
    }
    return new PatternSet(std::move(*compiled));
  }();
  return *set;
}

bool IsMarker(uint32_t id) { return id >= kMarker && id < kMarker + Markers().size(); }

// The hits of one scan, in order of their starts.
class Hits {
 public:
  explicit Hits(std::string_view text) : text_(text) {
    thread_local std::vector<PatternHit> buffer;
    buffer.clear();
    LayoutPatterns().Scan(text, &buffer);
    hits_ = &buffer;
  }
  const std::vector<PatternHit>& all() const { return *hits_; }

  // The start of the first match of `id` inside text[from, to), or kNone.
  size_t First(uint32_t id, size_t from, size_t to = kNone) const {
    if (to > text_.size()) to = text_.size();
    for (const PatternHit& h : *hits_) {
      if (h.id == id && h.begin >= from && h.end <= to) return h.begin;
    }
    return kNone;
  }

 private:
  std::string_view text_;
  const std::vector<PatternHit>* hits_;
};

// The end of `re`'s leftmost-first match starting at `begin` within text[begin, to), or
// kNone: the extent RE2 would give the match that Hyperscan found the start of.
size_t MatchEnd(const RE2& re, std::string_view text, size_t begin, size_t to) {
  re2::StringPiece m;
  if (begin > to || !re.Match(text, begin, to, RE2::ANCHOR_START, &m, 1)) return kNone;
  return begin + m.size();
}

const RE2& SignatureRe() {
  static thread_local const RE2 re(kSignaturePattern);
  return re;
}

// The first judge's title at or after `from` that opens a line (after blanks: spaces, tabs
// and CRs, then ideographic spaces), or kNone. The titles are letter-spaced at will
// (审　判　长), which would make them costly in the one-pass scan: the few lines after the
// decision are tried one by one instead.
size_t LineStartTitle(std::string_view text, size_t from) {
  size_t n = text.size();
  size_t line = from == 0 ? 0 : text.rfind('\n', from - 1);
  line = line == kNone || from == 0 ? 0 : line + 1;
  while (line < n) {
    size_t p = line;
    while (p < n && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r')) ++p;
    while (text.substr(p, 3) == "\xE3\x80\x80") p += 3;
    if (p >= from && MatchEnd(SignatureRe(), text, p, n) != kNone) return p;
    size_t newline = text.find('\n', line);
    if (newline == kNone) break;
    line = newline + 1;
  }
  return kNone;
}

// Marker words that are part of other words: 述称 in 陈述称 (a statement made at the
// hearing, inside the facts), 提出书面异议 in 未提出书面异议 (a contract's clause).
bool IsFalseMarker(std::string_view text, size_t begin, size_t end) {
  std::string_view word = text.substr(begin, end - begin);
  std::string_view before = text.substr(begin >= 3 ? begin - 3 : 0, begin >= 3 ? 3 : 0);
  return (word == "述称" && before == "陈") || (StartsWith(word, "提出") && before == "未");
}

}  // namespace

DocumentLayout FindLayout(std::string_view text, size_t header_end) {
  DocumentLayout l;
  size_t n = text.size();
  if (header_end > n) header_end = n;
  l.header = {0, header_end};
  Hits hits(text);

  size_t origin = kNone;
  for (const PatternHit& h : hits.all()) {
    if (h.begin < header_end) continue;
    if (h.id == kOrigin ||
        (h.id == kOriginAppeal && MatchEnd(AppealOriginRe(), text, h.begin, n) != kNone)) {
      origin = h.begin;
      break;
    }
  }
  if (origin == kNone) {
    l.parties = {header_end, n};
    return l;
  }
  origin = SentenceStart(text, origin, header_end);
  l.parties = {header_end, origin};

  // The signature block: the judges' titles after the decision, at the start of a line;
  // in a text run together on one line, the first title after its last full stop.
  size_t decision_pos = hits.First(kDecision, origin);
  size_t sig_from = decision_pos == kNone ? kNone : MatchEnd(DecisionRe(), text, decision_pos, n);
  if (sig_from == kNone) sig_from = origin;
  size_t signature = LineStartTitle(text, sig_from);
  if (signature == kNone) {
    size_t last_stop = text.rfind("。");
    re2::StringPiece m;
    if (last_stop != kNone && last_stop >= sig_from &&
        SignatureRe().Match(text, last_stop, n, RE2::UNANCHORED, &m, 1)) {
      signature = static_cast<size_t>(m.data() - text.data());
    }
  }
  size_t body_end = signature == kNone ? n : signature;
  if (signature != kNone) l.signature = {signature, n};

  // The decision: the items after the last 判决如下 (a second instance restates the first).
  size_t decision_end_marker = kNone;
  decision_pos = kNone;
  size_t from = origin;
  for (const PatternHit& h : hits.all()) {
    if (h.id != kDecision || h.begin < from) continue;
    size_t end = MatchEnd(DecisionRe(), text, h.begin, body_end);
    if (end == kNone) continue;
    decision_pos = h.begin;
    decision_end_marker = end;
    from = end;
  }
  size_t blocks_end = decision_pos == kNone ? body_end : decision_pos;

  // Blocks: every marker between the origin and the decision opens one at its sentence.
  // Where markers of several kinds start at one place, the first kind listed wins and its
  // match decides where the search goes on.
  struct Start {
    size_t pos;
    size_t marker;
  };
  std::vector<Start> starts;
  const std::vector<PatternHit>& all = hits.all();
  from = origin;
  for (size_t i = 0; i < all.size(); ++i) {
    const PatternHit& h = all[i];
    if (!IsMarker(h.id) || h.begin < from || h.begin >= blocks_end || h.end > blocks_end) continue;
    size_t marker = h.id - kMarker;
    for (size_t j = i + 1; j < all.size() && all[j].begin == h.begin; ++j) {
      if (IsMarker(all[j].id) && all[j].end <= blocks_end) {
        marker = std::min<size_t>(marker, all[j].id - kMarker);
      }
    }
    size_t end = MatchEnd(MarkerRe(marker), text, h.begin, blocks_end);
    if (end == kNone) continue;
    from = end == h.begin ? end + 1 : end;
    if (!IsFalseMarker(text, h.begin, end)) {
      starts.push_back({SentenceStart(text, h.begin, origin), marker});
    }
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
    size_t end = hits.First(kDecisionEnd, start, body_end);
    l.decision = {start, end == kNone ? body_end : end};
    size_t fee = hits.First(kFee, start, body_end);
    if (fee != kNone) {
      // The fee clause, and the fee sentences right after it (本诉…；反诉…。鉴定费…).
      size_t fee_end = SentenceEnd(text, fee);
      for (size_t next; fee_end < body_end; fee_end = SentenceEnd(text, next)) {
        next = hits.First(kFee, fee_end, body_end);
        if (next == kNone) break;
        std::string_view gap = text.substr(fee_end, SentenceStart(text, next, fee_end) - fee_end);
        if (!Trim(gap).empty()) break;
      }
      l.fee = {SentenceStart(text, fee, start), fee_end};
    }
  }
  return l;
}

const char* BlockName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kClaims:
      return "claims";
    case BlockKind::kDefence:
      return "defence";
    case BlockKind::kFacts:
      return "facts";
    case BlockKind::kReasoning:
      return "reasoning";
  }
  return "other";
}

std::vector<std::pair<const char*, Span>> NamedSections(const DocumentLayout& l) {
  std::vector<std::pair<const char*, Span>> out = {
      {"header", l.header}, {"parties", l.parties}, {"origin", l.origin}};
  for (const Block& b : l.blocks) out.push_back({BlockName(b.kind), b.span});
  out.push_back({"decision", l.decision});
  out.push_back({"fee", l.fee});
  out.push_back({"signature", l.signature});
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& p) { return p.second.empty(); }),
            out.end());
  return out;
}

}  // namespace casesift
