#include "common/money_candidates.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/numeral_chars.h"

namespace casesift::money {
namespace {

using numeral::Classify;
using numeral::IsPoint;
using numeral::IsSeparator;
using numeral::Numeral;
using numeral::StartsWith;

// The candidates FindMoney checks are the leftmost-longest matches of
//   (?:大约|约)?(?:P)?R(?:[余多][十拾百佰千仟万萬亿億]*)?[ 　]?[元圆]  |  (?:大约|约)?P R
// where P = (?:人民币|RMB|[￥¥]){1,2}[：:]?[ 　]? and R is a run: a numeral (a character
// Classify knows), then numerals and separators [,，.．]. They are found by hand, matching
// exact UTF-8 bytes as a regular expression would. Every candidate holds an anchor: its 元 or
// 圆, or a currency sign of P. So the first anchor at or after the scan position is either in
// the leftmost candidate (as the candidate's first anchor) or before it, and only the few
// places around anchors are read.
constexpr size_t kNone = std::string_view::npos;
constexpr std::string_view kAbout[] = {"大约", "约"};  // longer first: leftmost wins
constexpr std::string_view kCurrencies[] = {"人民币", "RMB", "￥", "¥"};
constexpr std::string_view kColons[] = {"：", ":"};
constexpr std::string_view kSpaces[] = {" ", "\u3000"};
constexpr std::string_view kMore[] = {"余", "多"};
constexpr std::string_view kUnitWords[] = {"十", "拾", "百", "佰", "千",
                                           "仟", "万", "萬", "亿", "億"};
constexpr std::string_view kYuan[] = {"元", "圆"};

// The length of the first of `words` at text[pos], 0 when none is there.
template <size_t N>
size_t WordAt(std::string_view text, size_t pos, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (StartsWith(text, pos, w)) return w.size();
  }
  return 0;
}

// The length of the first of `words` ending at text[pos] and starting at or after `lo`.
template <size_t N>
size_t WordBefore(std::string_view text, size_t lo, size_t pos,
                  const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (pos - lo >= w.size() && StartsWith(text, pos - w.size(), w)) return w.size();
  }
  return 0;
}

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The run character (numeral or separator) whose shortest UTF-8 form is text[begin, end),
// with *numeral telling which; false when those bytes are not one.
bool IsRunChar(std::string_view text, size_t begin, size_t end, bool* numeral) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[begin + k]); };
  char32_t cp = 0;
  switch (end - begin) {
    case 1:
      if (b(0) >= 0x80) return false;
      cp = b(0);
      break;
    case 2:
      if (b(0) < 0xC2 || b(0) >= 0xE0 || !IsContinuation(b(1))) return false;
      cp = (char32_t{b(0)} & 0x1F) << 6 | (b(1) & 0x3F);
      break;
    case 3:
      if ((b(0) & 0xF0) != 0xE0 || !IsContinuation(b(1)) || !IsContinuation(b(2))) return false;
      cp = (char32_t{b(0)} & 0x0F) << 12 | (char32_t{b(1)} & 0x3F) << 6 | (b(2) & 0x3F);
      if (cp < 0x800) return false;
      break;
    default:
      return false;
  }
  *numeral = Classify(cp).kind != Numeral::kNone;
  return *numeral || IsSeparator(cp) || IsPoint(cp);
}

// The length of the run character at text[pos]; 0 when there is none.
size_t RunCharAt(std::string_view text, size_t pos, bool* numeral) {
  if (pos >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[pos]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3;
  return len <= text.size() - pos && IsRunChar(text, pos, pos + len, numeral) ? len : 0;
}

// The length of the run character ending at text[pos] and starting at or after `lo`.
size_t RunCharBefore(std::string_view text, size_t lo, size_t pos, bool* numeral) {
  for (size_t len = 1; len <= 3 && len <= pos - lo; ++len) {
    if (len == 3 || !IsContinuation(static_cast<unsigned char>(text[pos - len]))) {
      return IsRunChar(text, pos - len, pos, numeral) ? len : 0;
    }
  }
  return 0;
}

// The end of the longest candidate starting at text[s]; kNone when none starts there.
size_t CandidateEnd(std::string_view text, size_t s) {
  size_t p = s + WordAt(text, s, kAbout);
  int currencies = 0;
  for (size_t n; currencies < 2 && (n = WordAt(text, p, kCurrencies)) > 0; ++currencies) p += n;
  if (currencies > 0) {
    p += WordAt(text, p, kColons);
    p += WordAt(text, p, kSpaces);
  }
  bool numeral = false;
  size_t n = RunCharAt(text, p, &numeral);
  if (n == 0 || !numeral) return kNone;
  for (p += n; (n = RunCharAt(text, p, &numeral)) > 0;) p += n;
  const size_t run_end = p;
  if (const size_t more = WordAt(text, p, kMore)) {
    for (p += more; (n = WordAt(text, p, kUnitWords)) > 0;) p += n;
  }
  p += WordAt(text, p, kSpaces);
  if (const size_t yuan = WordAt(text, p, kYuan)) return p + yuan;
  return currencies > 0 ? run_end : kNone;
}

// The leftmost start at or after `lo` of a run ending at text[r] (its first numeral), with
// 约 or 大约 before it when nothing precedes that numeral in the run; kNone when none.
size_t RunStart(std::string_view text, size_t lo, size_t r) {
  bool numeral = false;
  size_t l = r, s = kNone;
  for (size_t n; (n = RunCharBefore(text, lo, l, &numeral)) > 0;) {
    l -= n;
    if (numeral) s = l;
  }
  return s == l ? s - WordBefore(text, lo, s, kAbout) : s;
}

// The leftmost start at or after `lo` of a candidate without a currency sign that ends with
// the 元 or 圆 at text[yuan]; kNone when there is none.
size_t YuanCandidateStart(std::string_view text, size_t lo, size_t yuan) {
  const size_t q = yuan - WordBefore(text, lo, yuan, kSpaces);
  size_t u = q;
  for (size_t n; (n = WordBefore(text, lo, u, kUnitWords)) > 0;) u -= n;
  if (const size_t more = WordBefore(text, lo, u, kMore)) {
    const size_t s = RunStart(text, lo, u - more);  // 2万余元, 十余万元
    if (s != kNone) return s;
  }
  return RunStart(text, lo, q);
}

bool IsYuanAnchor(const PatternHit& anchor) { return anchor.id == 0; }
size_t AnchorBegin(const PatternHit& anchor) {
  return anchor.end - (IsYuanAnchor(anchor) ? 3 : anchor.id);
}

}  // namespace

// The anchors of `text` in order, as hits whose id is the anchor's length, 0 for 元 and 圆.
// The vector is the calling thread's, reused by its next call.
const std::vector<PatternHit>& FindAnchors(std::string_view text) {
  static const PatternSet* const kSet = [] {
    std::vector<PatternSet::Pattern> patterns;
    for (std::string_view w : kYuan) patterns.push_back({std::string(w), 0, false});
    for (std::string_view w : kCurrencies) {
      patterns.push_back({std::string(w), static_cast<uint32_t>(w.size()), false});
    }
    Result<PatternSet> compiled = PatternSet::Compile(patterns);
    if (!compiled.ok()) {
      std::fprintf(stderr, "money anchors: %s\n", std::string(compiled.status().message()).c_str());
      std::abort();
    }
    return new PatternSet(std::move(*compiled));
  }();
  thread_local std::vector<PatternHit> hits;
  hits.clear();
  kSet->Scan(text, &hits);
  return hits;
}

// The leftmost-longest candidate starting at or after `pos`, as [*begin, *end); false when
// there is none. `anchors` are those of `text`; *first is the first that may still be in a
// candidate, and only moves forward.
bool NextCandidate(std::string_view text, size_t pos, const std::vector<PatternHit>& anchors,
                   size_t* first, size_t* begin, size_t* end) {
  while (*first < anchors.size() && AnchorBegin(anchors[*first]) < pos) ++*first;
  size_t lo = pos;
  for (size_t k = *first; k < anchors.size(); ++k) {
    const size_t a = AnchorBegin(anchors[k]);
    const size_t s = IsYuanAnchor(anchors[k]) ? YuanCandidateStart(text, lo, a)
                                              : a - WordBefore(text, lo, a, kAbout);
    const size_t e = s == kNone ? kNone : CandidateEnd(text, s);
    if (e != kNone) {
      *first = k;
      *begin = s;
      *end = e;
      return true;
    }
    lo = anchors[k].end;  // a candidate after this anchor starts after it
  }
  *first = anchors.size();
  return false;
}

}  // namespace casesift::money
