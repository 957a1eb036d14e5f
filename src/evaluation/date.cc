#include "evaluation/date.h"

#include <fmt/format.h>

#include "core/calendar.h"

namespace treaty::evaluation {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of `count` digits of `text` from `begin`; REQUIRES: they are digits.
int Digits(std::string_view text, size_t begin, size_t count) {
  int value = 0;
  for (size_t i = begin; i < begin + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }

std::string Date::ToString() const {
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

std::string Date::ToBasicString() const {
  return fmt::format("{:04}{:02}{:02}", year(), month(), day());
}

namespace {

Result<Date> ParseDateOfYears(std::string_view text, std::string_view where, int last_year) {
  auto fail = [&](std::string why) {
    return Error{fmt::format("'{}' is not a date (YYYY-MM-DD): {}", text, why), std::string(where)};
  };
  if (text.size() != 10) return fail(fmt::format("{} characters, not 10", text.size()));
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash && text[i] != '-') return fail(fmt::format("character {} should be '-'", i + 1));
    if (!dash && !IsDigit(text[i])) {
      return fail(fmt::format("character {} should be a digit", i + 1));
    }
  }
  int year = Digits(text, 0, 4);
  int month = Digits(text, 5, 2);
  int day = Digits(text, 8, 2);
  if (year < kMinYear || year > last_year) {
    return fail(fmt::format("year {} is outside {}–{}", year, kMinYear, last_year));
  }
  if (month < 1 || month > 12) return fail(fmt::format("there is no month {}", month));
  const int days_in_month = DaysInMonth(year, month);
  if (day < 1 || day > days_in_month) {
    return fail(fmt::format("{} {} has {} days", kMonthNames[month - 1], year, days_in_month));
  }
  return Date(std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month),
                                          std::chrono::day(day)));
}

}  // namespace

Result<Date> ParseDate(std::string_view text, std::string_view where) {
  return ParseDateOfYears(text, where, kMaxYear);
}

Result<Date> ParseLedgerDate(std::string_view text, std::string_view where) {
  return ParseDateOfYears(text, where, kMaxLedgerYear);
}

}  // namespace treaty::evaluation
