// Moments with the UTC offset they were written in (RFC 3339, "2027-12-31T23:30:00+02:00"), as the
// ledger records `occurred_at`. Arithmetic and comparison are on UTC seconds, so a 24-hour window
// is exactly 86,400 seconds whatever daylight saving does to local clocks.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/result.h"
#include "evaluation/date.h"

namespace treaty::evaluation {

class Instant {
 public:
  // REQUIRES: |offset_minutes| < 24 × 60.
  Instant(std::chrono::sys_seconds utc, int offset_minutes)
      : utc_(utc), offset_minutes_(offset_minutes) {}

  std::chrono::sys_seconds utc() const { return utc_; }
  int offset_minutes() const { return offset_minutes_; }  // +120 for "+02:00"

  // The same offset, `length` later.
  Instant After(std::chrono::seconds length) const {
    return Instant(utc_ + length, offset_minutes_);
  }
  Date LocalDate() const;  // the date on the clock of its offset
  Date UtcDate() const;
  std::string ToString() const;          // RFC 3339 in its own offset; "Z" for offset 0
  std::string ToUtcString() const;       // "2027-12-31T21:30:00Z"
  std::string ToBasicUtcString() const;  // "20271231T213000Z", iCalendar DATE-TIME in UTC

  // The same moment is equal whatever offset it was written in.
  bool operator==(const Instant& other) const { return utc_ == other.utc_; }
  std::strong_ordering operator<=>(const Instant& other) const { return utc_ <=> other.utc_; }

 private:
  std::chrono::sys_seconds utc_;
  int offset_minutes_;
};

// Reads exactly "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM" / "-HH:MM" (RFC 3339 §5.6,
// whose T and Z "may alternatively be lower case"; no fractional or leap seconds); the date as
// ParseDate reads it. The error quotes `text` as given and says what is wrong; its `where` is
// `where`.
Result<Instant> ParseInstant(std::string_view text, std::string_view where = {});

// Now, in UTC, to the second.
Instant CurrentInstant();

}  // namespace treaty::evaluation
