// Dates as days: the run's "today" and ISO dates, for tools that reason about time
// (rule-match's today(), lead-dedupe's first/last seen and repeat intervals).
//
// "Today" is, in order: an explicit --as-of YYYY-MM-DD; SOURCE_DATE_EPOCH (whole seconds,
// as reproducible builds define it), so that an auditor re-running a script gets the same
// bytes; the clock. Days count from 1970-01-01 (day 0) in the proleptic Gregorian calendar.
#ifndef CASESIFT_COMMON_RUN_DATE_H_
#define CASESIFT_COMMON_RUN_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

// The days of a YYYY-MM-DD date (a real calendar date, years 0000-9999); nullopt otherwise.
std::optional<int64_t> IsoDateDays(std::string_view text);

// YYYY-MM-DD of a day number.
std::string IsoDate(int64_t days);

// The run's date: `as_of` when not empty, else SOURCE_DATE_EPOCH, else the clock. Errors
// (usage): a malformed --as-of (named `option` in the message) or SOURCE_DATE_EPOCH.
Result<int64_t> RunDate(const std::string& as_of, std::string_view option = "--as-of");

// A span of days written as N followed by d (days), w (weeks), m (months of 30 days) or
// y (years of 365 days): "30d", "6w", "1y". nullopt when malformed or negative.
std::optional<int64_t> ParseDaySpan(std::string_view text);

}  // namespace casesift

#endif  // CASESIFT_COMMON_RUN_DATE_H_
