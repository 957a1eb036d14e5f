#include "evaluation/period.h"

#include <cassert>

#include <fmt/format.h>

namespace treaty::evaluation {

namespace {

// `day` moved by `sign` × `period`: years and months together first, a date that does not exist
// rolled back to the end of its month, then days.
Date Shift(Date day, const Period& period, int sign) {
  assert(period.time.count() == 0);
  using namespace std::chrono;
  year_month_day ymd = day.ymd();
  year_month moved =
      year_month(ymd.year(), ymd.month()) + months(sign * (period.years * 12 + period.months));
  year_month_day shifted = moved / ymd.day();
  if (!shifted.ok()) shifted = year_month_day(moved / last);
  return Date(sys_days(shifted) + std::chrono::days(sign * (7 * period.weeks + period.days)));
}

}  // namespace

std::optional<std::chrono::seconds> Period::ExactLength() const {
  if (years != 0 || months != 0) return std::nullopt;
  return std::chrono::days(7 * weeks + days) + time;
}

std::string Period::ToString() const {
  if (IsZero()) return "PT0S";
  std::string out = "P";
  if (years) out += fmt::format("{}Y", years);
  if (months) out += fmt::format("{}M", months);
  if (weeks) out += fmt::format("{}W", weeks);
  if (days) out += fmt::format("{}D", days);
  if (time.count() != 0) {
    long long total = time.count();
    out += "T";
    if (total / 3600) out += fmt::format("{}H", total / 3600);
    if (total % 3600 / 60) out += fmt::format("{}M", total % 3600 / 60);
    if (total % 60) out += fmt::format("{}S", total % 60);
  }
  return out;
}

std::string Period::InWords() const {
  std::string out;
  const auto add = [&out](long long count, std::string_view unit) {
    if (count == 0) return;
    out += fmt::format("{}{} {}{}", out.empty() ? "" : " ", count, unit, count == 1 ? "" : "s");
  };
  add(years, "year");
  add(months, "month");
  add(weeks, "week");
  add(days, "day");
  const long long total = time.count();
  add(total / 3600, "hour");
  add(total % 3600 / 60, "minute");
  add(total % 60, "second");
  return out.empty() ? "no time" : out;
}

Result<Period> ParsePeriod(std::string_view text, std::string_view where) {
  auto fail = [&](std::string why) {
    return Error{fmt::format("'{}' is not an ISO 8601 period (P10Y, P6M, PT24H): {}", text, why),
                 std::string(where)};
  };
  if (text.empty() || text[0] != 'P') return fail("it should start with 'P'");
  // Designators in the order they may appear, before and after 'T'.
  static constexpr std::string_view kDateOrder = "YMWD";
  static constexpr std::string_view kTimeOrder = "HMS";
  Period period;
  bool in_time = false;
  bool any = false;
  size_t next_designator = 0;  // index into the current order: designators only move forward
  size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return fail(fmt::format("a second 'T' at character {}", i + 1));
      in_time = true;
      next_designator = 0;
      ++i;
      if (i == text.size()) return fail("nothing after 'T'");
      continue;
    }
    size_t begin = i;
    long long n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - begin < 6) {
      n = n * 10 + (text[i] - '0');
      ++i;
    }
    if (i == begin) return fail(fmt::format("character {} should be a digit", i + 1));
    if (i == text.size()) return fail("the last number has no designator (Y, M, W, D, H, M, S)");
    std::string_view order = in_time ? kTimeOrder : kDateOrder;
    size_t at = order.find(text[i], next_designator);
    if (at == std::string_view::npos) {
      return fail(fmt::format("'{}' at character {} is not a designator here", text[i], i + 1));
    }
    next_designator = at + 1;
    int value = static_cast<int>(n);
    if (!in_time) {
      if (text[i] == 'Y') period.years = value;
      if (text[i] == 'M') period.months = value;
      if (text[i] == 'W') period.weeks = value;
      if (text[i] == 'D') period.days = value;
    } else {
      if (text[i] == 'H') period.time += std::chrono::hours(value);
      if (text[i] == 'M') period.time += std::chrono::minutes(value);
      if (text[i] == 'S') period.time += std::chrono::seconds(value);
    }
    any = true;
    ++i;
  }
  if (!any) return fail("it has no parts");
  return period;
}

std::string PeriodInWords(std::string_view iso_text) {
  Result<Period> period = ParsePeriod(iso_text);
  return period.ok() ? period.value().InWords() : std::string(iso_text);
}

Date LastDayOfPeriod(Date event_day, const Period& period) { return Shift(event_day, period, 1); }

Date DayPeriodBefore(Date day, const Period& period) { return Shift(day, period, -1); }

}  // namespace treaty::evaluation
