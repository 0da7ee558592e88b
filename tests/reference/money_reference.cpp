// FindMoneyReference: the FindMoney of commit 5fb5e35, verbatim (one leftmost-longest RE2
// search per candidate, each candidate parsed by MatchMoney, the restart rules after a
// candidate that is not money), kept as the naive twin of FindMoney's hand-written candidate
// scanner for tests/reference/money_agreement_test.cpp. Never for production.
#include "tests/reference/money_reference.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "common/utf8.h"

namespace casesift::reference {
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

Numeral Classify(char32_t cp) {
  if (cp >= '0' && cp <= '9') return {Numeral::kArabic, cp - '0'};
  if (cp >= 0xFF10 && cp <= 0xFF19) return {Numeral::kArabic, cp - 0xFF10};
  // The Chinese numerals, sorted by code point for a binary search.
  using Entry = std::pair<char32_t, Numeral>;
  static const std::vector<Entry>* const kTable = [] {
    auto* table = new std::vector<Entry>;
    for (int64_t d = 0; d < 10; ++d) {
      for (size_t at = 0; at < kDigitChars[d].size(); ++at) {
        const char32_t c = kDigitChars[d][at];
        table->push_back({c, {Numeral::kDigit, d, c == U'两' || c == U'兩', d > 0 && at == 0}});
      }
    }
    for (const auto& [chars, value] : kUnitChars) {
      for (size_t at = 0; at < chars.size(); ++at) {
        table->push_back({chars[at], {Numeral::kUnit, value, false, at == 0 && value == 10}});
      }
    }
    std::sort(table->begin(), table->end(),
              [](const Entry& x, const Entry& y) { return x.first < y.first; });
    return table;
  }();
  const auto it = std::lower_bound(kTable->begin(), kTable->end(), cp,
                                   [](const Entry& e, char32_t c) { return e.first < c; });
  return it != kTable->end() && it->first == cp ? it->second : Numeral{};
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

bool StartsWith(std::string_view text, size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
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

// The candidates FindMoney checks: a number run, possibly with 约 and a currency prefix,
// ending in 元 or 圆, or after a prefix alone. Leftmost-longest.
const RE2& CandidatePattern() {
  static const RE2* const kPattern = [] {
    const std::string start =
        "[0-9０-"
        "９〇○零一二两兩三四五六七八九十百千万亿壹贰貳貮弍叁參弎仨肆伍陆陸柒捌玖拾佰仟萬億弌]";
    const std::string run = start + "(?:" + start + "|[,，.．])*";
    const std::string prefix = "(?:人民币|RMB|[￥¥]){1,2}[：:]?[ \u3000]?";
    RE2::Options options;
    options.set_longest_match(true);
    return new RE2("(?:大约|约)?(?:" + prefix + ")?" + run +
                       "(?:[余多][十拾百佰千仟万萬亿億]*)?[ \u3000]?[元圆]|(?:大约|约)?" + prefix +
                       run,
                   options);
  }();
  return *kPattern;
}

}  // namespace

std::vector<MoneySpan> FindMoneyReference(std::string_view text, const MoneyScanOptions& options) {
  std::vector<MoneySpan> spans;
  const RE2& pattern = CandidatePattern();
  size_t pos = 0;
  re2::StringPiece found;
  while (pos < text.size() && pattern.Match(re2::StringPiece(text.data(), text.size()), pos,
                                            text.size(), RE2::UNANCHORED, &found, 1)) {
    const size_t b = static_cast<size_t>(found.data() - text.data());
    const size_t e = b + found.size();
    size_t begin = b, after_first = b;
    const Numeral first = Classify(NextCodePoint(text, &after_first));
    size_t before_start = 0;
    const char32_t before = PrevCodePoint(text, b, &before_start);
    const char32_t before2 = PrevCodePoint(text, before_start);
    if (options.pseudonym_digits && before == U'某' && before2 != U'某' &&
        first.kind == Numeral::kArabic && first.value != 0) {
      begin = after_first;  // 张某1 + 42000元
    }
    // A name that runs into the candidate: of the occurrences that start at or before it
    // and end inside it, the latest end, then the earliest start. Taken when the rest reads
    // as money, and, for a name that starts the candidate, the whole does not.
    size_t name_end = 0, name_start = 0;
    for (const std::string& name : options.names) {
      if (name.empty() || first.kind == Numeral::kArabic) continue;
      for (size_t at = text.find(name); at != std::string_view::npos;
           at = text.find(name, at + 1)) {
        const size_t end = at + name.size();
        if (at > b || end <= b || end >= e) continue;
        if (end > name_end || (end == name_end && at < name_start)) {
          name_end = end;
          name_start = at;
        }
      }
    }
    if (name_end != 0 && MatchMoney(text, name_end) && (name_start < b || !MatchMoney(text, b))) {
      begin = name_end;
    }
    if (first.lower && begin == b) {
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
    if (!m && first.lower && begin == b) {
      // A name's last numeral before an amount in Chinese numerals (姜悦一 + 一百九十九万八千
      // 元): the candidate does not read as one number, but without that numeral it does.
      // Not when the two numerals are an estimate (二三千元, 一两万元): consecutive digits.
      size_t after_second = after_first;
      const Numeral second =
          after_first < e ? Classify(NextCodePoint(text, &after_second)) : Numeral{};
      const bool estimate = first.kind == Numeral::kDigit && second.kind == Numeral::kDigit &&
                            (second.value == first.value + 1 || (first.value == 1 && second.liang));
      std::optional<MoneyMatch> rest = estimate ? std::nullopt : MatchMoney(text, after_first);
      if (rest && rest->end == e) {
        begin = after_first;
        m = rest;
      }
    }
    if (!m && begin == b && (first.kind == Numeral::kDigit || first.kind == Numeral::kUnit)) {
      // Chinese numerals right before Arabic digits end a name (万一 + 8,514.99元) when the
      // whole does not read as one number.
      size_t next = after_first;
      while (next < e) {
        size_t after = next;
        const Numeral n = Classify(NextCodePoint(text, &after));
        if (n.kind == Numeral::kArabic) {
          std::optional<MoneyMatch> rest = MatchMoney(text, next);
          if (rest && rest->end == e) {
            begin = next;
            m = rest;
          }
          break;
        }
        if (n.kind != Numeral::kDigit && n.kind != Numeral::kUnit) break;
        next = after;
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

}  // namespace casesift::reference
