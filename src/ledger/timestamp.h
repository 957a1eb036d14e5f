// Calendar dates and the ledger's time stamps (docs/ledger-format.md §1.4): proleptic Gregorian
// dates `YYYY-MM-DD`, `recorded_at` timestamps `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, microseconds)
// and `occurred_at` instants with seconds and an offset. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treaty::ledger {

// Days since 1970-01-01 of a civil date (any valid y/m/d).
int64_t DaysFromCivil(int year, int month, int day);

inline constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

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

// An RFC 3339 moment (§5.6) as written: `YYYY-MM-DDTHH:MM:SS`, a fraction of 1–6 digits or none,
// then `Z` or `±HH:MM`, with upper-case T and Z.
struct WrittenMoment {
  int year = 0;  // the date in the moment's own offset, not yet known to exist
  int month = 0;
  int day = 0;
  int64_t second_of_day = 0;   // 0–86399: no leap second
  int64_t micros = 0;          // the fraction, in microseconds
  bool has_fraction = false;   // written with one, even ".0"
  int64_t offset_seconds = 0;  // east of UTC
};

// Reads `text` as a WrittenMoment: the one reader of RFC 3339 moments, under ParseTimestamp,
// ParseMoment, OccurredAtProblem and the evaluation's ParseInstant. The error says what is wrong
// and where: "character 11 should be 'T'", "there is no hour 25", "second 60 (leap seconds are not
// accepted)", "no offset: add Z or one such as +02:00". Whether the day exists, and which years and
// fractions are taken, are the callers' rules.
Result<WrittenMoment> ReadMoment(std::string_view text);

// Parses an RFC 3339 moment with seconds: `YYYY-MM-DDTHH:MM:SS`, a fraction of 1–6 digits or
// none, then `Z` or `±HH:MM`, of an existing date and time, in UTC within the years 0001–9998;
// the microseconds since 1970-01-01T00:00:00Z, for FormatTimestamp. nullopt otherwise.
std::optional<int64_t> ParseMoment(std::string_view text);

// Why `text` is not an `occurred_at` (`YYYY-MM-DDTHH:MM:SSZ` or `…±HH:MM`, seconds required, no
// fraction, no leap second); empty when valid. On success `local_date` (if not null) receives the
// date in its own offset.
std::string OccurredAtProblem(std::string_view text, std::string* local_date);

}  // namespace treaty::ledger
