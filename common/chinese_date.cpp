#include "common/chinese_date.h"

#include <re2/re2.h>

#include <cstdio>

#include "common/chinese_number.h"
#include "common/utf8.h"

namespace casesift {
namespace {

// The character at text[i], or 0 at the end; *next is set past it.
char32_t PeekCodePoint(std::string_view text, size_t i, size_t* next) {
  *next = i;
  return i < text.size() ? NextCodePoint(text, next) : 0;
}

// The character ending just before text[i] and, in *start, its first byte; 0 at the start.
char32_t PrevCodePoint(std::string_view text, size_t i, size_t* start) {
  *start = i;
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  size_t k = j;
  const char32_t cp = NextCodePoint(text, &k);
  *start = k == i ? j : i - 1;
  return k == i ? cp : 0xFFFD;
}

int ArabicDigit(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  return -1;
}

bool IsChineseDigit(char32_t cp) {
  return std::u32string_view(U"〇○零一二三四五六七八九").find(cp) != std::u32string_view::npos;
}

bool IsPlaceholder(char32_t cp) {
  return std::u32string_view(U"×Xx＊*Ｘｘ□某").find(cp) != std::u32string_view::npos;
}

bool IsSeparator(char32_t cp) {
  return std::u32string_view(U"./-．／－").find(cp) != std::u32string_view::npos;
}

// Consumes one optional space (ASCII or U+3000).
void SkipSpace(std::string_view text, size_t* pos) {
  size_t next = 0;
  const char32_t cp = PeekCodePoint(text, *pos, &next);
  if (cp == ' ' || cp == 0x3000) *pos = next;
}

// Consumes `cp` when it is next.
bool ConsumeChar(std::string_view text, size_t* pos, char32_t cp) {
  size_t next = 0;
  if (PeekCodePoint(text, *pos, &next) != cp) return false;
  *pos = next;
  return true;
}

// A month or day as written: a value, a placeholder, or nothing readable.
struct Part {
  int value = 0;
  bool placeholder = false;
};

// Reads a month (`month`) or day and the suffix after it (月; 日 or 号); std::nullopt when
// the text there is neither a number nor a placeholder followed by the suffix.
std::optional<Part> ReadPart(std::string_view text, size_t* pos, bool month) {
  size_t p = *pos, next = 0;
  Part part;
  char32_t cp = PeekCodePoint(text, p, &next);
  if (ArabicDigit(cp) >= 0) {
    int digits = 0;
    for (; ArabicDigit(cp) >= 0 && digits < 3;
         ++digits, p = next, cp = PeekCodePoint(text, p, &next)) {
      part.value = part.value * 10 + ArabicDigit(cp);
    }
    if (digits > 2) return std::nullopt;
  } else if (month && cp == U'元') {
    part.value = 1;
    p = next;
  } else if (IsChineseDigit(cp) || cp == U'十') {
    const size_t start = p;
    for (; (IsChineseDigit(cp) || cp == U'十') && p - start < 12;
         cp = PeekCodePoint(text, p, &next)) {
      p = next;
    }
    const std::string_view run = text.substr(start, p - start);
    if (run == "〇〇" || run == "○○") {
      part.placeholder = true;
    } else {
      const std::optional<int64_t> v = ParseChineseInteger(run);
      if (!v || *v > 31) return std::nullopt;
      part.value = static_cast<int>(*v);
    }
  } else if (IsPlaceholder(cp)) {
    part.placeholder = true;
    p = next;
    if (IsPlaceholder(PeekCodePoint(text, p, &next))) p = next;
  } else {
    return std::nullopt;
  }
  if (part.value == 0 && !part.placeholder) return std::nullopt;
  SkipSpace(text, &p);
  if (!ConsumeChar(text, &p, month ? U'月' : U'日') && (month || !ConsumeChar(text, &p, U'号'))) {
    return std::nullopt;
  }
  *pos = p;
  return part;
}

bool IsRealDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

struct DateMatch {
  size_t end = 0;
  ChineseDate date;
  bool separated = false;  // 2017.1.9 rather than 2017年1月9日
};

// The date at text[pos], or std::nullopt.
std::optional<DateMatch> MatchDate(std::string_view text, size_t pos) {
  DateMatch m;
  size_t p = pos, next = 0;
  int arabic = 0, chinese = 0, year = 0;
  for (int k = 0; k < 5; ++k) {
    const char32_t cp = PeekCodePoint(text, p, &next);
    if (ArabicDigit(cp) >= 0 && chinese == 0) {
      year = year * 10 + ArabicDigit(cp);
      ++arabic;
    } else if (IsChineseDigit(cp) && arabic == 0) {
      ++chinese;
    } else {
      break;
    }
    p = next;
  }
  if (arabic != 4 && chinese != 4) return std::nullopt;
  if (chinese == 4) {
    year = static_cast<int>(ParseChineseInteger(text.substr(pos, p - pos)).value_or(0));
  }
  m.date.year = year;
  size_t q = p;
  SkipSpace(text, &q);
  if (ConsumeChar(text, &q, U'年')) {
    SkipSpace(text, &q);
    const std::optional<Part> month = ReadPart(text, &q, true);
    if (!month) return std::nullopt;
    m.date.placeholder = month->placeholder;
    m.date.month = month->value;
    size_t r = q;
    SkipSpace(text, &r);
    const std::optional<Part> day = ReadPart(text, &r, false);
    if (day) {
      q = r;
      if (!month->placeholder) {
        m.date.placeholder = day->placeholder;
        m.date.day = day->value;
      }
    }
    m.end = q;
  } else {
    const char32_t sep = PeekCodePoint(text, p, &next);
    if (arabic != 4 || !IsSeparator(sep)) return std::nullopt;
    int parts[2] = {0, 0};
    q = p;
    for (int& part : parts) {
      if (!ConsumeChar(text, &q, sep)) return std::nullopt;
      int digits = 0;
      for (char32_t cp = PeekCodePoint(text, q, &next); ArabicDigit(cp) >= 0 && digits < 3;
           cp = PeekCodePoint(text, q, &next), ++digits) {
        part = part * 10 + ArabicDigit(cp);
        q = next;
      }
      if (digits == 0 || digits > 2) return std::nullopt;
    }
    m.date.month = parts[0];
    m.date.day = parts[1];
    m.separated = true;
    if (!ConsumeChar(text, &q, U'日')) ConsumeChar(text, &q, U'号');
    m.end = q;
  }
  if (m.date.year < 1800 || m.date.year > 2100) return std::nullopt;
  if (m.date.month != 0 &&
      !IsRealDate(m.date.year, m.date.month, m.date.day != 0 ? m.date.day : 1)) {
    return std::nullopt;
  }
  return m;
}

// Candidate starts for FindDates: a year before 年 and a month, or a separated date.
// One per thread: a shared RE2 takes a lock on its DFA cache at every search.
const RE2& CandidatePattern() {
  static thread_local const RE2 kPattern([] {
    const std::string digit = "[0-9０-９]";
    const std::string cdigit = "[〇○零一二三四五六七八九]";
    const std::string month =
        "(?:" + digit + "{1,2}|[〇○零一二三四五六七八九十]{1,3}|元|[×Xx＊*Ｘｘ□某]{1,2})";
    const std::string sep = "[./\\-．／－]";
    return "(?:" + digit + "{4}|" + cdigit + "{4})[ \u3000]?年[ \u3000]?" + month +
           "[ \u3000]?月|" + digit + "{4}" + sep + digit + "{1,2}" + sep + digit;
  }());
  return kPattern;
}

}  // namespace

std::optional<std::string> ChineseDate::IsoDate() const {
  if (day == 0) return std::nullopt;
  return IsoPrefix();
}

std::string ChineseDate::IsoPrefix() const {
  char buf[16];
  if (day != 0) {
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month != 0) {
    snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<ChineseDate> ParseChineseDate(std::string_view text) {
  text = TrimSpace(text);
  for (std::string_view prefix : {"出生于", "生于"}) {
    if (text.substr(0, prefix.size()) == prefix) {
      text.remove_prefix(prefix.size());
      break;
    }
  }
  for (std::string_view suffix : {"出生", "生"}) {
    if (text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      text.remove_suffix(suffix.size());
      break;
    }
  }
  const std::optional<DateMatch> m = MatchDate(text, 0);
  if (!m || m->end != text.size()) return std::nullopt;
  return m->date;
}

std::vector<DateSpan> FindDates(std::string_view text) {
  std::vector<DateSpan> spans;
  const RE2& pattern = CandidatePattern();
  re2::StringPiece found;
  size_t pos = 0;
  while (pos < text.size() && pattern.Match(re2::StringPiece(text.data(), text.size()), pos,
                                            text.size(), RE2::UNANCHORED, &found, 1)) {
    const size_t b = static_cast<size_t>(found.data() - text.data());
    const size_t e = b + found.size();
    std::optional<DateMatch> m = MatchDate(text, b);
    if (m) {
      size_t start = 0, start2 = 0, next = 0;
      const char32_t before = PrevCodePoint(text, b, &start);
      const char32_t before2 = PrevCodePoint(text, start, &start2);
      const char32_t first = PeekCodePoint(text, b, &next);
      const char32_t after = PeekCodePoint(text, m->end, &next);
      const bool pseudonym = before2 == U'某' && ArabicDigit(before) >= 0;
      const bool month_then_digit =
          m->date.day == 0 && !m->date.placeholder &&
          (ArabicDigit(after) >= 0 || IsChineseDigit(after) || after == U'十');
      if ((ArabicDigit(first) >= 0 && ArabicDigit(before) >= 0 && !pseudonym) || month_then_digit ||
          (IsChineseDigit(first) && (IsChineseDigit(before) || before == U'十')) ||
          (m->separated &&
           (IsSeparator(before) || ArabicDigit(after) >= 0 ||
            (IsSeparator(after) && ArabicDigit(PeekCodePoint(text, next, &next)) >= 0)))) {
        m.reset();
      }
    }
    if (m) {
      spans.push_back({b, m->end, m->date});
      pos = m->end;
    } else {
      pos = e;
    }
  }
  return spans;
}

}  // namespace casesift
