#include "evaluation/instant.h"

#include <cstdlib>

#include <fmt/format.h>

#include "ledger/timestamp.h"

namespace treaty::evaluation {

namespace {

std::string FormatClock(std::chrono::sys_seconds moment) {
  auto day = std::chrono::floor<std::chrono::days>(moment);
  std::chrono::hh_mm_ss clock(moment - day);
  return fmt::format("{}T{:02}:{:02}:{:02}", Date(day).ToString(), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

}  // namespace

Date Instant::LocalDate() const {
  return Date(std::chrono::floor<std::chrono::days>(utc_ + std::chrono::minutes(offset_minutes_)));
}

Date Instant::UtcDate() const { return Date(std::chrono::floor<std::chrono::days>(utc_)); }

std::string Instant::ToString() const {
  std::string local = FormatClock(utc_ + std::chrono::minutes(offset_minutes_));
  if (offset_minutes_ == 0) return local + "Z";
  int minutes = std::abs(offset_minutes_);
  return fmt::format("{}{}{:02}:{:02}", local, offset_minutes_ < 0 ? '-' : '+', minutes / 60,
                     minutes % 60);
}

std::string Instant::ToUtcString() const { return FormatClock(utc_) + "Z"; }

std::string Instant::ToBasicUtcString() const {
  std::string text = ToUtcString();  // YYYY-MM-DDTHH:MM:SSZ
  std::string basic;
  for (char c : text) {
    if (c != '-' && c != ':') basic += c;
  }
  return basic;
}

Result<Instant> ParseInstant(std::string_view text, std::string_view where) {
  auto fail = [&](std::string_view why) {
    return Error{
        fmt::format("'{}' is not a moment (YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM): {}", text, why),
        std::string(where)};
  };
  // The ledger's reader takes the normal form alone: upper-case T and Z.
  std::string moment(text);
  if (moment.size() > 10 && moment[10] == 't') moment[10] = 'T';
  if (!moment.empty() && moment.back() == 'z') moment.back() = 'Z';
  const Result<ledger::WrittenMoment> written = ledger::ReadMoment(moment);
  if (!written.ok()) return fail(written.error().message);
  if (written.value().has_fraction) return fail("fractional seconds are not accepted");
  Result<Date> date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return fail(date.error().message);
  const int offset_minutes = static_cast<int>(written.value().offset_seconds / 60);
  const std::chrono::sys_seconds local =
      date.value().days() + std::chrono::seconds(written.value().second_of_day);
  return Instant(local - std::chrono::minutes(offset_minutes), offset_minutes);
}

Instant CurrentInstant() {
  return Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), 0);
}

}  // namespace treaty::evaluation
