// What an expression means: its kind and its normalised value (docs/expressions.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar/core/decimal.h"

namespace treaty::grammar {

enum class Kind {
  // Reported kinds.
  kMoney,
  kPercent,
  kDate,
  kYear,
  kYears,
  kPeriod,
  kDuration,
  kRecurrence,
  kCount,
  kReference,
  // Building blocks that rules combine and that are never reported on their own.
  kNumeral,  // a number in digits or words: "3,3", "desmit", "twenty-four", "a million"
  kBadDate,  // a date that cannot exist ("31 April 2024"): reported as a warning
  // A period whose year comes later in a list: "29-30 June, 26-27 October, 14-15 December
  // 2023". Completed by the next period or date of the list, else dropped.
  kPeriodWithoutYear,
};

std::string_view KindName(Kind kind);  // "money", "percent", ..., "numeral", "bad-date"
bool IsReported(Kind kind);            // the kinds `treaty extract` prints

// A calendar date or a month of a year; day 0 means the month only ("2022-02").
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string ToString() const;  // "2024-04-11", "2022-02", "2024"
  bool operator==(const CalendarDate&) const = default;
};

struct Value {
  Kind kind = Kind::kNumeral;
  Decimal number;           // numeral, money amount, percent, count
  bool from_words = false;  // numeral: written in words ("ten"), not digits
  std::string code;         // money: ISO 4217; duration, recurrence: ISO 8601; count: unit
  bool approx = false;      // money: "approximately", "aptuveni"
  std::string of;           // percent: "GDP"; reference: the instrument
  std::string bound;        // duration: "at_least", "no_later_than" or "within"; money, percent:
                            // "at_least", "more_than" or "up_to"
  CalendarDate date;        // date; year (year only)
  CalendarDate from, to;    // period
  std::vector<int> years;   // years
  std::string target;       // reference: "article", "section", "paragraph"
  std::string reference_number;  // reference: "51"
  std::string problem;           // bad-date: why it cannot exist

  // The JSON `value` field of docs/expressions.md.
  nlohmann::json ToJson() const;
  bool operator==(const Value&) const = default;
};

}  // namespace treaty::grammar
