// Periods ("10 (ten) years", "6 (six) months", "24 hours") and the project's one convention for
// counting them on dates, Regulation (EEC, Euratom) No 1182/71 (see README.md, "Dates"):
//
// - Art. 3(1): a period counted from an event does not include the day of the event.
// - Art. 3(2)(c): a period of months or years ends with the last day of its last month or year
//   that has the same date as the day of the event; when that date does not exist in the last
//   month, the period ends with that month's last day.
//
// So a ten-year term from a signature on 2024-04-11 has 2034-04-11 as its last day, and six months
// before that day is 2033-10-11. Periods of hours are counted in exact UTC seconds (instant.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "evaluation/date.h"

namespace treaty::evaluation {

// A length of time as the expression stage writes it, ISO 8601: P10Y, P6M, P3W, P30D, PT24H,
// P1Y2M10DT2H30M. Weeks are kept as weeks, so that a period reads as the text says it ("2
// weeks"); on dates a week is 7 days. All parts are non-negative.
struct Period {
  int years = 0;
  int months = 0;
  int weeks = 0;
  int days = 0;
  std::chrono::seconds time{0};  // the part after "T"

  bool HasCalendarPart() const { return years != 0 || months != 0 || weeks != 0 || days != 0; }
  bool IsZero() const { return !HasCalendarPart() && time.count() == 0; }
  // Exact length for instants: days count as 24 hours (UTC has no daylight saving); none when
  // the period has years or months, whose length depends on where it starts.
  std::optional<std::chrono::seconds> ExactLength() const;
  std::string ToString() const;  // ISO 8601, "P10Y", "P2W", "PT24H"; "PT0S" for zero
  // In words for people: "10 years", "6 months", "2 weeks", "24 hours", "1 year 2 months 3 days",
  // "1 hour 30 minutes"; "no time" for zero.
  std::string InWords() const;
  bool operator==(const Period&) const = default;
};

// Reads an ISO 8601 duration of the form P[nY][nM][nW][nD][T[nH][nM][nS]], at least one part,
// each n at most 6 digits. The error says which character is wrong; its `where` is `where`.
Result<Period> ParsePeriod(std::string_view text, std::string_view where = {});

// The InWords of an ISO 8601 period as written in a package ("P10Y" → "10 years"), or the text
// itself when it is not one.
std::string PeriodInWords(std::string_view iso_text);

// The last day of `period` counted from an event on `event_day` (Art. 3(1) and 3(2)(c)).
// REQUIRES: `period.time` is zero.
Date LastDayOfPeriod(Date event_day, const Period& period);

// The day `period` before `day`, counted back by the same rule: "no later than 6 (six) months
// prior to" 2034-04-11 is 2033-10-11; six months before 2034-08-31 is 2034-02-28.
// REQUIRES: `period.time` is zero.
Date DayPeriodBefore(Date day, const Period& period);

}  // namespace treaty::evaluation
