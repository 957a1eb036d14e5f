// Civil dates of the proleptic Gregorian calendar, without a time zone, as the agreement and the
// ledger write them (YYYY-MM-DD). Arithmetic with periods lives in period.h.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/timestamp.h"

namespace treaty::evaluation {

// The years a date read from input may have: wide enough for any agreement of this kind, its
// extensions and its history, narrow enough to catch a typed "1024" or "3024". The last is the
// ledger's for input events, so that what is recorded can be evaluated.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = ledger::kLastInputYear;
// The last year of a date in a stored event (docs/ledger-format.md §1.5), which the evaluation
// reads whatever it is: one event must not stop every status.
inline constexpr int kMaxLedgerYear = 9999;

class Date {
 public:
  Date() = default;  // 1970-01-01: only a placeholder to assign over
  // REQUIRES: `ymd.ok()`.
  explicit Date(std::chrono::year_month_day ymd) : days_(ymd) {}
  explicit Date(std::chrono::sys_days days) : days_(days) {}
  static Date FirstOfYear(int year) {
    return Date(std::chrono::year_month_day(std::chrono::year(year), std::chrono::January,
                                            std::chrono::day(1)));
  }
  static Date LastOfYear(int year) {
    return Date(std::chrono::year_month_day(std::chrono::year(year), std::chrono::December,
                                            std::chrono::day(31)));
  }

  std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  int year() const;
  unsigned month() const;
  unsigned day() const;

  std::string ToString() const;       // "2034-04-11"
  std::string ToBasicString() const;  // "20340411", ISO 8601 basic form (iCalendar DATE)

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

// Reads exactly "YYYY-MM-DD": four-digit year in [kMinYear, kMaxYear], two-digit month and day,
// a day that exists in that month. The error says what is wrong; its `where` is `where`.
Result<Date> ParseDate(std::string_view text, std::string_view where = {});

// ParseDate for a date of a stored event: its year may be up to kMaxLedgerYear.
Result<Date> ParseLedgerDate(std::string_view text, std::string_view where = {});

}  // namespace treaty::evaluation
