// Calendar dates and the ledger's time stamps (docs/ledger-format.md §1.4): proleptic Gregorian
// dates `YYYY-MM-DD`, `recorded_at` timestamps `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, microseconds)
// and `occurred_at` instants with seconds and an offset. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace treaty::ledger {

// Days since 1970-01-01 of a civil date (any valid y/m/d).
int64_t DaysFromCivil(int year, int month, int day);
// "YYYY-MM-DD" of a day number.
std::string CivilFromDays(int64_t days);

// Why `text` is not a ledger date: `not a date (YYYY-MM-DD): "X"` for a wrong form, `year 1899 is
// before 1900: X`, `impossible date: X` for a day that does not exist; empty when valid.
std::string DateProblem(std::string_view text);

// The last year an input event's effective_date and period may reach (the evaluation's last year
// too): "2300" for "2030" is refused when recorded. A stored event keeps any year DateProblem
// accepts.
inline constexpr int kLastInputYear = 2200;

// The day number of a valid date, nullopt otherwise.
std::optional<int64_t> DateToDays(std::string_view text);

// Microseconds since 1970-01-01T00:00:00Z of the UTC system clock.
int64_t NowMicros();
// "YYYY-MM-DDTHH:MM:SS.ffffffZ" (27 characters). REQUIRES: a year 0000–9999.
std::string FormatTimestamp(int64_t micros);
// Parses exactly the 27-character form with an existing date and time; nullopt otherwise.
std::optional<int64_t> ParseTimestamp(std::string_view text);

// Parses an RFC 3339 moment with seconds: `YYYY-MM-DDTHH:MM:SS`, a fraction of 1–6 digits or
// none, then `Z` or `±HH:MM`, of an existing date and time, in UTC within the years 0001–9998;
// the microseconds since 1970-01-01T00:00:00Z, for FormatTimestamp. nullopt otherwise.
std::optional<int64_t> ParseMoment(std::string_view text);

// Why `text` is not an `occurred_at` (`YYYY-MM-DDTHH:MM:SSZ` or `…±HH:MM`, seconds required, no
// fraction, no leap second); empty when valid. On success `local_date` (if not null) receives the
// date in its own offset.
std::string OccurredAtProblem(std::string_view text, std::string* local_date);

}  // namespace treaty::ledger
