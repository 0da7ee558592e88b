#include "chinese_writer.h"

#include <fmt/format.h>

#include <iterator>

namespace casesift::synth {
namespace {

constexpr const char* kLowerDigits[10] = {"零", "一", "二", "三", "四",
                                          "五", "六", "七", "八", "九"};
constexpr const char* kUpperDigits[10] = {"零", "壹", "贰", "叁", "肆",
                                          "伍", "陆", "柒", "捌", "玖"};
constexpr const char* kLowerUnits[4] = {"", "十", "百", "千"};
constexpr const char* kUpperUnits[4] = {"", "拾", "佰", "仟"};
constexpr const char* kBigUnits[4] = {"", "万", "亿", "万亿"};

struct NumeralSet {
  const char* const* digits;
  const char* const* units;
  bool short_ten;  // 十二 rather than 一十二 at the very start
  bool liang;
};

void AppendNumerals(std::string* out, uint64_t n, const NumeralSet& set) {
  if (n == 0) {
    out->append(set.digits[0]);
    return;
  }
  unsigned groups[4] = {};
  int top = 0;
  for (int i = 0; i < 4 && n > 0; ++i) {
    groups[i] = static_cast<unsigned>(n % 10000);
    n /= 10000;
    if (groups[i] != 0) top = i;
  }
  bool started = false;
  bool gap = false;
  for (int i = top; i >= 0; --i) {
    unsigned g = groups[i];
    if (g == 0) {
      gap = started;
      continue;
    }
    if (started && (gap || g < 1000)) out->append(set.digits[0]);
    gap = false;
    static constexpr unsigned kPow[4] = {1, 10, 100, 1000};
    bool written = false;
    bool zero_pending = false;
    for (int pos = 3; pos >= 0; --pos) {
      unsigned d = g / kPow[pos] % 10;
      if (d == 0) {
        if (written) zero_pending = true;
        continue;
      }
      if (zero_pending) out->append(set.digits[0]);
      zero_pending = false;
      bool first = !started && !written;
      if (first && set.short_ten && pos == 1 && d == 1) {
        // 十, 十二, 十万: no leading 一
      } else if (first && set.liang && d == 2 && (pos >= 2 || (pos == 0 && i > 0))) {
        out->append("两");
      } else {
        out->append(set.digits[d]);
      }
      out->append(set.units[pos]);
      written = true;
    }
    out->append(kBigUnits[i]);
    started = true;
  }
}

}  // namespace

int64_t DaysFromCivil(const Date& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (date.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

Date AddDays(const Date& date, int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

void AppendChineseInteger(std::string* out, uint64_t n, bool liang) {
  AppendNumerals(out, n, {kLowerDigits, kLowerUnits, true, liang});
}

void AppendUppercaseAmount(std::string* out, int64_t fen) {
  int64_t yuan = fen / 100;
  int jiao = static_cast<int>(fen / 10 % 10);
  int cents = static_cast<int>(fen % 10);
  if (yuan > 0 || (jiao == 0 && cents == 0)) {
    AppendNumerals(out, static_cast<uint64_t>(yuan), {kUpperDigits, kUpperUnits, false, false});
    out->append("元");
  }
  if (jiao == 0 && cents == 0) {
    out->append("整");
    return;
  }
  if (jiao > 0) {
    out->append(kUpperDigits[jiao]);
    out->append("角");
  } else if (yuan > 0) {
    out->append("零");
  }
  if (cents > 0) {
    out->append(kUpperDigits[cents]);
    out->append("分");
  }
}

void AppendChineseDate(std::string* out, const Date& date, std::string_view zero,
                       bool placeholder_day) {
  char digits[8];
  int len = fmt::format_to_n(digits, sizeof(digits), "{}", date.year).size;
  for (int i = 0; i < len; ++i) {
    int d = digits[i] - '0';
    if (d == 0) {
      out->append(zero);
    } else {
      out->append(kLowerDigits[d]);
    }
  }
  out->append("年");
  AppendChineseInteger(out, static_cast<uint64_t>(date.month));
  out->append("月");
  if (placeholder_day) {
    out->append("××");
  } else {
    AppendChineseInteger(out, static_cast<uint64_t>(date.day));
  }
  out->append("日");
}

void AppendArabicDate(std::string* out, const Date& date) {
  fmt::format_to(std::back_inserter(*out), "{}年{}月{}日", date.year, date.month, date.day);
}

void AppendIsoDate(std::string* out, const Date& date) {
  fmt::format_to(std::back_inserter(*out), "{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string IsoDate(const Date& date) {
  std::string s;
  AppendIsoDate(&s, date);
  return s;
}

void AppendArabicYuan(std::string* out, int64_t fen, unsigned style) {
  char buf[32];
  int64_t yuan = fen / 100;
  int frac = static_cast<int>(fen % 100);
  std::string_view digits(buf, fmt::format_to_n(buf, sizeof(buf), "{}", yuan).size);
  size_t start = out->size();
  if (style & kGrouped) {
    size_t lead = digits.size() % 3;
    if (lead == 0) lead = 3;
    out->append(digits.substr(0, lead));
    for (size_t i = lead; i < digits.size(); i += 3) {
      out->push_back(',');
      out->append(digits.substr(i, 3));
    }
  } else {
    out->append(digits);
  }
  if (style & kTwoDecimals) {
    fmt::format_to(std::back_inserter(*out), ".{:02}", frac);
  } else if (frac % 10 != 0) {
    fmt::format_to(std::back_inserter(*out), ".{:02}", frac);
  } else if (frac != 0) {
    fmt::format_to(std::back_inserter(*out), ".{}", frac / 10);
  }
  if (style & kFullWidthDigits) {
    std::string ascii = out->substr(start);
    out->resize(start);
    for (char c : ascii) {
      if (c >= '0' && c <= '9') {
        // U+FF10..U+FF19: EF BC 90..99
        out->append("\xEF\xBC");
        out->push_back(static_cast<char>(0x90 + (c - '0')));
      } else if (c == '.') {
        out->append("．");
      } else {
        out->push_back(c);
      }
    }
  }
}

}  // namespace casesift::synth
