#include "common/run_date.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>

namespace casesift {

std::optional<int64_t> IsoDateDays(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  auto num = [&](size_t at, size_t n) {
    int64_t v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int64_t y = num(0, 4), m = num(5, 2), d = num(8, 2);
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string IsoDate(int64_t days) {
  // Howard Hinnant's civil_from_days.
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

Result<int64_t> RunDate(const std::string& as_of, std::string_view option) {
  if (!as_of.empty()) {
    std::optional<int64_t> days = IsoDateDays(as_of);
    if (!days)
      return Status::Usage(fmt::format("{} {}: expected a date as YYYY-MM-DD", option, as_of));
    return *days;
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    int64_t seconds = 0;
    std::string_view text(epoch);
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || p != text.data() + text.size() || seconds < 0) {
      return Status::Usage(fmt::format("SOURCE_DATE_EPOCH={}: expected whole seconds", epoch));
    }
    return seconds / 86400;
  }
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(now).count() /
                              86400);
}

std::optional<int64_t> ParseDaySpan(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  int64_t n = 0;
  const char* end = text.data() + text.size() - 1;
  auto [p, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || p != end || n < 0 || n > 100000) return std::nullopt;
  switch (text.back()) {
    case 'd':
      return n;
    case 'w':
      return n * 7;
    case 'm':
      return n * 30;
    case 'y':
      return n * 365;
    default:
      return std::nullopt;
  }
}

}  // namespace casesift
