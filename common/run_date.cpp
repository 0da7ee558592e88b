#include "common/run_date.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>

namespace casesift {

std::optional<int64_t> IsoDateDays(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t at, size_t n) -> std::optional<unsigned> {
    unsigned v = 0;
    const char* end = text.data() + at + n;
    auto [p, ec] = std::from_chars(text.data() + at, end, v);
    if (ec != std::errc() || p != end) return std::nullopt;
    return v;
  };
  std::optional<unsigned> y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d || *y == 0) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(*y)), std::chrono::month(*m),
                                  std::chrono::day(*d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string IsoDate(int64_t days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
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
