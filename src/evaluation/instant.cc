#include "evaluation/instant.h"

#include <cstdlib>

#include <fmt/format.h>

namespace treaty::evaluation {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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
  auto fail = [&](std::string why) {
    return Error{
        fmt::format("'{}' is not a moment (YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM): {}", text, why),
        std::string(where)};
  };
  if (text.size() < 19) return fail(fmt::format("{} characters, too short", text.size()));
  Result<Date> date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return fail(date.error().message);
  if (text[10] != 'T') return fail("character 11 should be 'T'");
  // "HH:MM:SS" at 11..18, then the offset at 19.
  for (size_t i = 11; i < 19; ++i) {
    bool colon = i == 13 || i == 16;
    if (colon && text[i] != ':') return fail(fmt::format("character {} should be ':'", i + 1));
    if (!colon && !IsDigit(text[i])) {
      return fail(fmt::format("character {} should be a digit", i + 1));
    }
  }
  auto two = [&](size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); };
  int hour = two(11), minute = two(14), second = two(17);
  if (hour > 23) return fail(fmt::format("there is no hour {}", hour));
  if (minute > 59) return fail(fmt::format("there is no minute {}", minute));
  if (second > 59) return fail(fmt::format("second {} (leap seconds are not accepted)", second));
  std::string_view offset = text.substr(19);
  bool numeric_offset = offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') &&
                        IsDigit(offset[1]) && IsDigit(offset[2]) && offset[3] == ':' &&
                        IsDigit(offset[4]) && IsDigit(offset[5]);
  if (offset.empty()) return fail("no offset: add Z or one such as +02:00");
  if (offset[0] == '.') return fail("fractional seconds are not accepted");
  if (offset != "Z" && !numeric_offset) {
    return fail(fmt::format("'{}' should be 'Z' or an offset such as +02:00", offset));
  }
  int offset_minutes = 0;  // "Z"
  if (numeric_offset) {
    int hours = two(20), minutes = two(23);
    if (hours > 23 || minutes > 59) return fail(fmt::format("there is no offset {}", offset));
    offset_minutes = (offset[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  std::chrono::sys_seconds local = date.value().days() + std::chrono::hours(hour) +
                                   std::chrono::minutes(minute) + std::chrono::seconds(second);
  return Instant(local - std::chrono::minutes(offset_minutes), offset_minutes);
}

Instant CurrentInstant() {
  return Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), 0);
}

}  // namespace treaty::evaluation
