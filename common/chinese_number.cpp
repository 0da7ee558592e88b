#include "common/chinese_number.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <utility>

#include "common/pattern_set.h"
#include "common/utf8.h"

namespace casesift {
namespace {

constexpr int64_t kNoUnit = 10000;  // "no small unit yet" in a section: above 千

// The character ending just before text[i], and *start set to its first byte; 0 at the
// start of the text.
char32_t PrevCodePoint(std::string_view text, size_t i, size_t* start = nullptr) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  size_t k = j;
  const char32_t cp = NextCodePoint(text, &k);
  if (k != i) {  // not a whole character: take the last byte alone
    if (start) *start = i - 1;
    return 0xFFFD;
  }
  if (start) *start = j;
  return cp;
}

// What one character means inside a number.
struct Numeral {
  enum Kind : uint8_t { kNone, kArabic, kDigit, kUnit } kind = kNone;
  int64_t value = 0;   // 0-9 for kArabic and kDigit; 10, 100, 1000, 10^4 or 10^8 for kUnit
  bool liang = false;  // 两 or 兩: a digit that is never written digit by digit
  bool lower = false;  // 一 to 九 or 十: the everyday forms that also occur in names
};

// The characters of each digit 0-9, the everyday form first, and of each unit.
constexpr std::u32string_view kDigitChars[] = {
    U"零〇○", U"一壹弌", U"二两兩贰貳貮弍", U"三叁參弎仨", U"四肆",
    U"五伍",  U"六陆陸", U"七柒",           U"八捌",       U"九玖"};
constexpr std::pair<std::u32string_view, int64_t> kUnitChars[] = {
    {U"十拾", 10}, {U"百佰", 100}, {U"千仟", 1000}, {U"万萬", 10000}, {U"亿億", 100000000}};

// The Chinese numerals in an open-addressed hash table, built at compile time.
struct NumeralEntry {
  char32_t cp = 0;
  Numeral numeral;
};
constexpr size_t kNumeralSlots = 128;
constexpr size_t NumeralSlot(char32_t cp) {
  return static_cast<uint32_t>(cp * 0x9E3779B1u) >> 25;  // the top 7 bits
}
constexpr std::array<NumeralEntry, kNumeralSlots> BuildNumeralTable() {
  std::array<NumeralEntry, kNumeralSlots> table{};
  auto add = [&table](char32_t c, Numeral n) {
    size_t i = NumeralSlot(c);
    while (table[i].cp != 0) i = (i + 1) % kNumeralSlots;
    table[i] = {c, n};
  };
  for (int64_t d = 0; d < 10; ++d) {
    for (size_t at = 0; at < kDigitChars[d].size(); ++at) {
      const char32_t c = kDigitChars[d][at];
      add(c, {Numeral::kDigit, d, c == U'两' || c == U'兩', d > 0 && at == 0});
    }
  }
  for (const auto& [chars, value] : kUnitChars) {
    for (size_t at = 0; at < chars.size(); ++at) {
      add(chars[at], {Numeral::kUnit, value, false, at == 0 && value == 10});
    }
  }
  return table;
}
constexpr std::array<NumeralEntry, kNumeralSlots> kNumeralTable = BuildNumeralTable();

Numeral Classify(char32_t cp) {
  if (cp >= '0' && cp <= '9') return {Numeral::kArabic, cp - '0'};
  if (cp >= 0xFF10 && cp <= 0xFF19) return {Numeral::kArabic, cp - 0xFF10};
  if (cp < 0x25CB) return {};  // below ○, the first Chinese numeral
  for (size_t i = NumeralSlot(cp); kNumeralTable[i].cp != 0; i = (i + 1) % kNumeralSlots) {
    if (kNumeralTable[i].cp == cp) return kNumeralTable[i].numeral;
  }
  return {};
}

bool IsSeparator(char32_t cp) { return cp == ',' || cp == U'，'; }
bool IsPoint(char32_t cp) { return cp == '.' || cp == U'．'; }

// A token of a number: a digit, a run of Arabic digits, or a unit.
struct Token {
  Numeral::Kind kind;
  int64_t value;
  bool liang;
  bool single;  // one digit (a Chinese digit, or an Arabic run of length 1)
};
constexpr size_t kMaxTokens = 48;
using Tokens = std::array<Token, kMaxTokens>;

// Splits `text` into tokens; false when a character is not a numeral, an Arabic run has a
// leading zero or overflows, or there are too many tokens.
bool Tokenize(std::string_view text, Tokens* tokens, size_t* count) {
  *count = 0;
  size_t i = 0;
  size_t run_digits = 0;
  while (i < text.size()) {
    const Numeral n = Classify(NextCodePoint(text, &i));
    if (n.kind == Numeral::kNone) return false;
    if (n.kind == Numeral::kArabic && run_digits > 0) {
      Token& t = (*tokens)[*count - 1];
      if (t.value == 0 || __builtin_mul_overflow(t.value, 10, &t.value) ||
          __builtin_add_overflow(t.value, n.value, &t.value)) {
        return false;
      }
      t.single = false;
      ++run_digits;
      continue;
    }
    if (*count == kMaxTokens) return false;
    (*tokens)[(*count)++] = {n.kind, n.value, n.liang, true};
    run_digits = n.kind == Numeral::kArabic ? 1 : 0;
  }
  return *count > 0;
}

// The value of a tokenised number (ParseChineseInteger's grammar).
std::optional<int64_t> Evaluate(const Tokens& t, size_t n) {
  bool has_unit = false;
  for (size_t i = 0; i < n; ++i) has_unit |= t[i].kind == Numeral::kUnit;
  if (!has_unit) {
    if (n == 1) return t[0].value;
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) {
      if (t[i].kind != Numeral::kDigit || t[i].liang || __builtin_mul_overflow(v, 10, &v) ||
          __builtin_add_overflow(v, t[i].value, &v)) {
        return std::nullopt;
      }
    }
    return v;
  }
  int64_t total = 0, wan_part = 0, section = 0, last_unit = kNoUnit, prev_unit = 0;
  int64_t pending = 0;  // a digit or Arabic run waiting for its unit, when has_pending
  bool has_pending = false, pending_arabic = false, pending_single = false, zero_gap = false;
  bool seen_wan = false, seen_yi = false;
  // The value of the group a 万 or 亿 closes: the section plus a pending digit or run; -1
  // when that is not a standard form (三千五万, 一千25万).
  auto group = [&]() -> int64_t {
    if (!has_pending) return section;
    if (pending != 0 && !zero_gap && last_unit >= 100 && last_unit != kNoUnit) return -1;
    if (pending_arabic && section > 0 && pending > 9) return -1;
    return section + pending;
  };
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = t[i];
    if (tok.kind != Numeral::kUnit) {
      if (has_pending && pending != 0) return std::nullopt;  // two digits in a row
      if (tok.kind == Numeral::kDigit && tok.value == 0) zero_gap = true;
      pending = tok.value;
      has_pending = true;
      pending_arabic = tok.kind == Numeral::kArabic;
      pending_single = tok.single;
      prev_unit = i > 0 && t[i - 1].kind == Numeral::kUnit ? t[i - 1].value : 0;
      continue;
    }
    const int64_t u = tok.value;
    if (u < kNoUnit) {
      if (!has_pending && u != 10) return std::nullopt;  // only 十 stands alone
      const int64_t coef = has_pending ? pending : 1;
      if ((pending_arabic && coef > 9) || u >= last_unit) return std::nullopt;
      section += coef * u;
      last_unit = u;
    } else {
      int64_t g = group();
      if (g < 0) return std::nullopt;
      if (u == kNoUnit) {
        if (g == 0 || seen_wan || (seen_yi && g >= kNoUnit) ||
            __builtin_mul_overflow(g, kNoUnit, &wan_part)) {
          return std::nullopt;
        }
        seen_wan = true;
      } else {
        if (seen_yi || (seen_wan && g >= kNoUnit) || __builtin_add_overflow(g, wan_part, &g) ||
            g == 0 || __builtin_mul_overflow(g, u, &total)) {
          return std::nullopt;
        }
        seen_yi = true;
        seen_wan = false;
        wan_part = 0;
      }
      section = 0;
      last_unit = kNoUnit;
    }
    has_pending = pending_arabic = zero_gap = false;
    pending = 0;
  }
  int64_t tail = 0;
  if (has_pending && pending != 0) {
    if (!zero_gap && prev_unit >= 100 && pending_single) {
      tail = pending * (prev_unit / 10);  // 一千五, 一万五, 一亿五
    } else {
      if (pending_arabic && section > 0 && pending > 9) return std::nullopt;
      if ((seen_wan && pending >= kNoUnit) || (seen_yi && pending >= 100000000)) {
        return std::nullopt;
      }
      tail = pending;
    }
  }
  int64_t v = 0;
  if (__builtin_add_overflow(total, wan_part, &v) || __builtin_add_overflow(v, section, &v) ||
      __builtin_add_overflow(v, tail, &v)) {
    return std::nullopt;
  }
  return v;
}

// Whether `prefix` is at text[pos]. REQUIRES: pos <= text.size(). A byte loop: the
// prefixes are a few bytes, and most comparisons fail at the first.
bool StartsWith(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (text[pos + k] != prefix[k]) return false;
  }
  return true;
}

// Consumes one of `options` at *pos; true when one was there.
bool Consume(std::string_view text, size_t* pos, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (StartsWith(text, *pos, o)) {
      *pos += o.size();
      return true;
    }
  }
  return false;
}

// Units written after a decimal or after 余 (1.5万, 十余万): [十|百|千] [万] [亿], as a power
// of ten; 0 when there are none.
int ConsumeMultiplier(std::string_view text, size_t* pos) {
  int exp = 0;
  if (Consume(text, pos, {"十", "拾"})) {
    exp = 1;
  } else if (Consume(text, pos, {"百", "佰"})) {
    exp = 2;
  } else if (Consume(text, pos, {"千", "仟"})) {
    exp = 3;
  }
  if (Consume(text, pos, {"万", "萬"})) exp += 4;
  if (Consume(text, pos, {"亿", "億"})) exp += 8;
  return exp;
}

// An exact amount: mantissa * 10^exp yuan.
struct Amount {
  int64_t mantissa = 0;
  int exp = 0;
};

// `amount` in fen when that is a whole int64 number.
std::optional<int64_t> ToFen(Amount a) {
  int64_t v = a.mantissa;
  for (int e = a.exp + 2; e > 0; --e) {
    if (__builtin_mul_overflow(v, 10, &v)) return std::nullopt;
  }
  for (int e = a.exp + 2; e < 0; ++e) {
    if (v % 10 != 0) return std::nullopt;
    v /= 10;
  }
  return v;
}

// Reads the number run text[begin, end) as an amount; `integral` is set when it has neither
// a decimal point nor units after one.
std::optional<Amount> ReadRun(std::string_view text, size_t begin, size_t end, bool* integral) {
  const std::string_view run = text.substr(begin, end - begin);
  size_t i = 0;
  int64_t mantissa = 0;
  int frac = 0, digits = 0, group = 0;
  bool grouped = false, point = false;
  while (i < run.size()) {
    size_t next = i;
    const char32_t cp = NextCodePoint(run, &next);
    const Numeral n = Classify(cp);
    if (n.kind == Numeral::kArabic) {
      if (mantissa == 0 && digits > 0 && !point) return std::nullopt;  // leading zero
      if (__builtin_mul_overflow(mantissa, 10, &mantissa) ||
          __builtin_add_overflow(mantissa, n.value, &mantissa)) {
        return std::nullopt;
      }
      ++digits;
      ++group;
      frac += point;
    } else if (IsSeparator(cp) && !point && digits > 0 && (grouped ? group == 3 : group <= 3)) {
      grouped = true;
      group = 0;
    } else if (IsPoint(cp) && !point && digits > 0 && (!grouped || group == 3)) {
      point = true;
    } else {
      break;
    }
    i = next;
  }
  if ((grouped && !point && group != 3) || (point && frac == 0)) return std::nullopt;
  *integral = !point;
  if (digits == 0 || (!grouped && !point)) {  // Chinese, or Arabic digits with Chinese units
    Tokens tokens;
    size_t count = 0;
    if (!Tokenize(run, &tokens, &count)) return std::nullopt;
    const std::optional<int64_t> v = Evaluate(tokens, count);
    if (!v) return std::nullopt;
    return Amount{*v, 0};
  }
  for (; frac > 0 && mantissa % 10 == 0; --frac) mantissa /= 10;
  size_t pos = begin + i;
  const int exp = ConsumeMultiplier(text, &pos);
  if (pos != end) return std::nullopt;
  return Amount{mantissa, exp - frac};
}

bool IsIdeograph(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

// Where the run text[begin, end) ends if cut before its last separator or point; begin when
// it has none.
size_t CutBeforeLastSeparator(std::string_view text, size_t begin, size_t end) {
  size_t numeral_end = begin, cut = begin;
  for (size_t i = begin; i < end;) {
    const char32_t cp = NextCodePoint(text, &i);
    if (IsSeparator(cp) || IsPoint(cp)) {
      cut = numeral_end;
    } else {
      numeral_end = i;
    }
  }
  return cut;
}

// A money expression that starts at some offset of a text.
struct MoneyMatch {
  size_t end = 0;
  Money money;
  size_t yuan_end = 0;      // just past 元, 0 when there is none
  bool prefixed = false;    // had a currency prefix or 约
  bool lone_digit = false;  // the number is one lower-case digit or 十 (四元, 十元)
};

// The money expression at text[pos] (ParseMoney's grammar), or nullopt. `bare` accepts a
// number with neither prefix nor 元 (inside a repeat's brackets); `repeat` reads a repeat.
std::optional<MoneyMatch> MatchMoney(std::string_view text, size_t pos, bool bare = false,
                                     bool repeat = true) {
  MoneyMatch m;
  if (Consume(text, &pos, {"大约", "约"})) {
    m.money.approximate = true;
    m.prefixed = true;
  }
  for (int k = 0; k < 2 && Consume(text, &pos, {"人民币", "RMB", "￥", "¥"}); ++k) {
    m.prefixed = true;
  }
  if (m.prefixed) {
    Consume(text, &pos, {"：", ":"});
    Consume(text, &pos, {" ", "\u3000"});
  }
  // The run: numerals and separators, starting and ending with a numeral.
  if (pos >= text.size()) return std::nullopt;
  size_t end = pos, i = pos;
  const Numeral first = Classify(NextCodePoint(text, &i));
  if (first.kind == Numeral::kNone) return std::nullopt;
  for (end = i; i < text.size();) {
    const char32_t cp = NextCodePoint(text, &i);
    if (Classify(cp).kind != Numeral::kNone) {
      end = i;
    } else if (!IsSeparator(cp) && !IsPoint(cp)) {
      break;
    }
  }
  bool integral = false;
  std::optional<Amount> amount = ReadRun(text, pos, end, &integral);
  // Without 元 the number may end at a separator: ￥12345，678元 is ￥12345, then 678元.
  for (int cuts = 0; !amount && (m.prefixed || bare) && cuts < 3; ++cuts) {
    end = CutBeforeLastSeparator(text, pos, end);
    if (end == pos) break;
    amount = ReadRun(text, pos, end, &integral);
  }
  if (!amount) return std::nullopt;
  m.lone_digit = first.lower && end - pos == 3;
  pos = end;
  if (Consume(text, &pos, {"余", "多"})) {
    m.lone_digit = false;
    m.money.approximate = true;
    size_t after = pos;
    const int exp = ConsumeMultiplier(text, &after);
    if (exp > 0) {
      int64_t limit = 1;
      for (int e = 0; e < exp && limit <= INT64_MAX / 10; ++e) limit *= 10;
      if (!integral || amount->exp != 0 || amount->mantissa >= limit) return std::nullopt;
      amount->exp = exp;
      pos = after;
    }
  }
  std::optional<int64_t> fen = ToFen(*amount);
  if (!fen) return std::nullopt;
  size_t after_space = pos;
  Consume(text, &after_space, {" ", "\u3000"});
  if (Consume(text, &after_space, {"元", "圆"})) {
    m.yuan_end = pos = after_space;
    const bool whole_yuan = *fen % 100 == 0;  // 角 and 分 only after whole yuan
    for (const auto& [unit, scale] : {std::pair{"角", 10}, std::pair{"分", 1}}) {
      size_t p = pos;
      Consume(text, &p, {"零", "〇"});
      if (!whole_yuan || p >= text.size()) break;
      const Numeral d = Classify(NextCodePoint(text, &p));
      if (d.kind == Numeral::kUnit || d.kind == Numeral::kNone || d.value == 0 ||
          !Consume(text, &p, {unit}) || StartsWith(text, p, "之") || StartsWith(text, p, "钟")) {
        continue;
      }
      *fen += d.value * scale;
      pos = p;
    }
    if (!Consume(text, &pos, {"整"}) && StartsWith(text, pos, "正")) {
      size_t p = pos + 3;
      if (p >= text.size() || !IsIdeograph(NextCodePoint(text, &p))) pos += 3;
    }
    if (Consume(text, &pos, {"左右"})) m.money.approximate = true;
  } else if (!m.prefixed && !bare) {
    return std::nullopt;
  }
  m.money.fen = *fen;
  m.end = pos;
  if (!repeat) return m;
  // A repeat of the same amount: 柒万元整（￥70000元）, 70000元（大写：柒万元整）, 叁万元￥30000.
  size_t p = pos;
  const bool bracket = Consume(text, &p, {"（", "("});
  if (bracket) {
    Consume(text, &p, {"大写", "小写"});
    Consume(text, &p, {"：", ":"});
  } else if (!StartsWith(text, p, "￥") && !StartsWith(text, p, "¥")) {
    return m;
  }
  const std::optional<MoneyMatch> again = MatchMoney(text, p, bracket, false);
  if (!again || again->money.fen != m.money.fen) return m;
  p = again->end;
  if (bracket && !Consume(text, &p, {"）", ")"})) return m;
  m.end = p;
  m.money.approximate |= again->money.approximate;
  return m;
}

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

bool IsYuanAnchor(const PatternHit& anchor) { return anchor.id == 0; }
size_t AnchorBegin(const PatternHit& anchor) {
  return anchor.end - (IsYuanAnchor(anchor) ? 3 : anchor.id);
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

}  // namespace

std::optional<int64_t> ParseChineseInteger(std::string_view text) {
  Tokens tokens;
  size_t count = 0;
  if (!Tokenize(text, &tokens, &count)) return std::nullopt;
  return Evaluate(tokens, count);
}

std::optional<Money> ParseMoney(std::string_view text) {
  text = TrimSpace(text);
  const std::optional<MoneyMatch> m = MatchMoney(text, 0);
  if (!m || m->end != text.size()) return std::nullopt;
  return m->money;
}

std::vector<MoneySpan> FindMoney(std::string_view text, const MoneyScanOptions& options) {
  std::vector<MoneySpan> spans;
  const std::vector<PatternHit>& anchors = FindAnchors(text);
  size_t pos = 0, first_anchor = 0, b = 0, e = 0;
  while (pos < text.size() && NextCandidate(text, pos, anchors, &first_anchor, &b, &e)) {
    size_t begin = b, after_first = b;
    const Numeral first = Classify(NextCodePoint(text, &after_first));
    size_t before_start = 0;
    const char32_t before = PrevCodePoint(text, b, &before_start);
    const char32_t before2 = PrevCodePoint(text, before_start);
    if (options.pseudonym_digits && before == U'某' && before2 != U'某' &&
        first.kind == Numeral::kArabic && first.value != 0) {
      begin = after_first;  // 张某1 + 42000元
    }
    if (first.lower) {
      // Everyday numerals right before Arabic digits or an uppercase numeral end a name:
      // 宋一 + 20,678元, 陈一一 + 974000元, 卢龙一 + 捌万伍仟元, 尹亮一 + 123622.33元.
      constexpr std::u32string_view kFinancial = U"壹贰貳貮叁參肆伍陆陸柒捌玖拾佰仟";
      size_t next = after_first;
      while (next < e) {
        size_t after = next;
        const char32_t cp = NextCodePoint(text, &after);
        const Numeral n = Classify(cp);
        if (n.kind == Numeral::kArabic || kFinancial.find(cp) != std::u32string_view::npos) {
          begin = next;
          break;
        }
        if (!n.lower) break;
        next = after;
      }
    }
    std::optional<MoneyMatch> m = MatchMoney(text, begin);
    if (m && !m->prefixed && begin == b) {
      const Numeral prev2 = Classify(before2);
      if (before == U'数' || before == U'几' || before == U'第' ||
          (before == U'、' && prev2.kind == Numeral::kDigit && first.kind != Numeral::kArabic)) {
        m.reset();  // 数万元, 几十万元, 两、三万元
      } else if ((before == U'至' || before == U'到' || before == '-' || before == U'－' ||
                  before == '~' || before == U'～' || before == U'—') &&
                 (prev2.kind != Numeral::kNone || before2 == U'元')) {
        m->money.approximate = true;  // the upper end of a range
      }
    }
    if (m && m->lone_digit && m->end == m->yuan_end && m->end < text.size()) {
      size_t i = m->end;
      const char32_t next = NextCodePoint(text, &i);
      if (IsIdeograph(next) && next != U'钱' && next != U'整' && next != U'正') {
        m.reset();  // 王四元使用, 三元里
      }
    }
    if (m) {
      spans.push_back({begin, m->end, m->money.fen, m->money.approximate});
      pos = m->end;
      continue;
    }
    // Restart after the last separator inside the candidate (1000,2000元), or at a Chinese
    // digit right after Arabic ones (程某1壹拾伍万元: the 1 ends a name), else after it.
    pos = e;
    for (size_t i = b; i < e;) {
      if (IsSeparator(NextCodePoint(text, &i))) pos = i;
    }
    for (size_t i = b, digits_end = b; pos == e && i < e; digits_end = i) {
      const Numeral n = Classify(NextCodePoint(text, &i));
      if (n.kind == Numeral::kArabic) continue;
      if (n.kind == Numeral::kDigit && digits_end > b) pos = digits_end;
      break;
    }
  }
  return spans;
}

std::string FormatYuan(int64_t fen) {
  const bool negative = fen < 0;
  const uint64_t abs = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string out = negative ? "-" : "";
  out += std::to_string(abs / 100);
  const uint64_t cents = abs % 100;
  if (cents != 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

}  // namespace casesift
