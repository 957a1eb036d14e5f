#include "ledger/timestamp.h"

#include <chrono>

#include <fmt/format.h>

#include "core/calendar.h"

namespace treaty::ledger {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The number written by the digits text[pos, pos + count); -1 if any is not a digit.
int Digits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

struct Civil {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Reads YYYY-MM-DD at the start of `text`; nullopt on a wrong form (not on an impossible day).
std::optional<Civil> ReadDateForm(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Civil civil{Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2)};
  if (civil.year < 0 || civil.month < 0 || civil.day < 0) return std::nullopt;
  return civil;
}

bool Exists(const Civil& civil) {
  return civil.month >= 1 && civil.month <= 12 && civil.day >= 1 &&
         civil.day <= DaysInMonth(civil.year, civil.month);
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  // H. Hinnant's days_from_civil.
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string DateProblem(std::string_view text) {
  const std::optional<Civil> civil = ReadDateForm(text);
  if (text.size() != 10 || !civil) return fmt::format("not a date (YYYY-MM-DD): \"{}\"", text);
  if (civil->year < 1900) return fmt::format("year {} is before 1900: {}", civil->year, text);
  if (!Exists(*civil)) return fmt::format("impossible date: {}", text);
  return {};
}

std::optional<int64_t> DateToDays(std::string_view text) {
  if (!DateProblem(text).empty()) return std::nullopt;
  const Civil civil = *ReadDateForm(text);
  return DaysFromCivil(civil.year, civil.month, civil.day);
}

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatTimestamp(int64_t micros) {
  int64_t days = micros / kMicrosPerDay;
  int64_t rest = micros % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  const int64_t seconds = rest / 1000000;
  return fmt::format("{}T{:02}:{:02}:{:02}.{:06}Z", CivilFromDays(days), seconds / 3600,
                     seconds / 60 % 60, seconds % 60, rest % 1000000);
}

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  // The one form FormatTimestamp writes: six digits of fraction, then Z.
  if (text.size() != 27 || text[19] != '.' || text[26] != 'Z') return std::nullopt;
  const Result<WrittenMoment> read = ReadMoment(text);
  if (!read.ok()) return std::nullopt;
  const WrittenMoment& moment = read.value();
  if (!Exists({moment.year, moment.month, moment.day})) return std::nullopt;
  return (DaysFromCivil(moment.year, moment.month, moment.day) * 86400 + moment.second_of_day) *
             1000000 +
         moment.micros;
}

Result<WrittenMoment> ReadMoment(std::string_view text) {
  auto fail = [](std::string why) { return Error{std::move(why), ""}; };
  if (text.size() < 19) return fail(fmt::format("{} characters, too short", text.size()));
  for (size_t i = 0; i < 19; ++i) {
    const char separator = i == 4 || i == 7 ? '-' : i == 10 ? 'T' : i == 13 || i == 16 ? ':' : 0;
    if (separator == 0 && !IsDigit(text[i])) {
      return fail(fmt::format("character {} should be a digit", i + 1));
    }
    if (separator != 0 && text[i] != separator) {
      return fail(fmt::format("character {} should be '{}'", i + 1, separator));
    }
  }
  WrittenMoment moment;
  moment.year = Digits(text, 0, 4);
  moment.month = Digits(text, 5, 2);
  moment.day = Digits(text, 8, 2);
  const int hour = Digits(text, 11, 2);
  const int minute = Digits(text, 14, 2);
  const int second = Digits(text, 17, 2);
  if (hour > 23) return fail(fmt::format("there is no hour {}", hour));
  if (minute > 59) return fail(fmt::format("there is no minute {}", minute));
  if (second > 59) return fail(fmt::format("second {} (leap seconds are not accepted)", second));
  moment.second_of_day = hour * 3600 + minute * 60 + second;
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    size_t digits = 0;
    for (++pos; pos < text.size() && IsDigit(text[pos]); ++pos) {
      if (++digits > 6) return fail("a fraction of a second of more than 6 digits");
      moment.micros = moment.micros * 10 + (text[pos] - '0');
    }
    if (digits == 0) return fail("a '.' without the digits of a fraction");
    for (; digits < 6; ++digits) moment.micros *= 10;
    moment.has_fraction = true;
  }
  const std::string_view offset = text.substr(pos);
  if (offset.empty()) return fail("no offset: add Z or one such as +02:00");
  if (offset == "Z") return moment;
  const bool numeric = offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') &&
                       offset[3] == ':' && Digits(offset, 1, 2) >= 0 && Digits(offset, 4, 2) >= 0;
  if (!numeric) return fail(fmt::format("'{}' should be 'Z' or an offset such as +02:00", offset));
  const int hours = Digits(offset, 1, 2);
  const int minutes = Digits(offset, 4, 2);
  if (hours > 23 || minutes > 59) return fail(fmt::format("there is no offset {}", offset));
  moment.offset_seconds = (offset[0] == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
  return moment;
}

std::optional<int64_t> ParseMoment(std::string_view text) {
  const Result<WrittenMoment> read = ReadMoment(text);
  if (!read.ok()) return std::nullopt;
  const WrittenMoment& moment = read.value();
  const Civil civil{moment.year, moment.month, moment.day};
  if (!Exists(civil) || civil.year < 1 || civil.year > 9998) return std::nullopt;
  const int64_t micros = (DaysFromCivil(civil.year, civil.month, civil.day) * 86400 +
                          moment.second_of_day - moment.offset_seconds) *
                             1000000 +
                         moment.micros;
  // The offset may move the moment out of the years FormatTimestamp writes.
  const int64_t first = DaysFromCivil(1, 1, 1) * kMicrosPerDay;
  const int64_t after_last = DaysFromCivil(9999, 1, 1) * kMicrosPerDay;
  if (micros < first || micros >= after_last) return std::nullopt;
  return micros;
}

std::string OccurredAtProblem(std::string_view text, std::string* local_date) {
  // Formatted only on error: verify checks the normal form of every stored event with this.
  auto form = [text](std::string_view why) {
    return fmt::format("not a time (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+HH:MM): \"{}\": {}",
                       text, why);
  };
  const Result<WrittenMoment> read = ReadMoment(text);
  if (!read.ok()) return form(read.error().message);
  const WrittenMoment& moment = read.value();
  if (moment.has_fraction) return form("fractional seconds are not accepted");
  if (moment.year < 1900) return form(fmt::format("year {} is before 1900", moment.year));
  if (!Exists({moment.year, moment.month, moment.day})) {
    return fmt::format("impossible date: {}", text.substr(0, 10));
  }
  if (local_date != nullptr) *local_date = std::string(text.substr(0, 10));
  return {};
}

}  // namespace treaty::ledger
