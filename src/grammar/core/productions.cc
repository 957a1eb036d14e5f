#include "grammar/core/productions.h"

#include <fmt/format.h>

#include "core/calendar.h"

namespace treaty::grammar {

Decimal NumberOf(const Part& part) {
  if (part.node) return part.node->value.number;
  if (part.meaning) return Decimal::Integer(part.meaning->number);
  return part.token->number;
}

int IntegerOf(const Part& part) {
  std::optional<int64_t> value = NumberOf(part).ToInteger();
  return value && *value >= 0 && *value <= 1'000'000 ? static_cast<int>(*value) : -1;
}

int64_t MeaningNumber(const Part& part) { return part.meaning->number; }

std::string_view MeaningCode(const Part& part) { return part.meaning->code; }

const Value& ValueOf(const Part& part) { return part.node->value; }

Value MakeNumeral(Decimal number, bool from_words) {
  Value value;
  value.kind = Kind::kNumeral;
  value.number = number;
  value.from_words = from_words;
  return value;
}

Value MakeDate(int year, int month, int day) {
  Value value;
  value.date = {year, month, day};
  int days = DaysInMonth(year, month);
  if (days == 0 || day < 0) {
    value.kind = Kind::kBadDate;
    value.problem = "no such month";
  } else if (day > days) {
    value.kind = Kind::kBadDate;
    value.problem = fmt::format("{} {} has {} days", kMonthNames[month - 1], year, days);
  } else {
    value.kind = Kind::kDate;
  }
  return value;
}

Value MakeYear(int year) {
  Value value;
  value.kind = Kind::kYear;
  value.date = {year, 0, 0};
  return value;
}

Value MakeYears(std::vector<int> years) {
  Value value;
  value.kind = Kind::kYears;
  value.years = std::move(years);
  return value;
}

Value MakePeriod(CalendarDate from, CalendarDate to) {
  Value value;
  value.kind = Kind::kPeriod;
  value.from = from;
  value.to = to;
  auto key = [](const CalendarDate& d) { return d.year * 10000 + d.month * 100 + d.day; };
  if (key(to) < key(from)) {
    value.kind = Kind::kBadDate;
    value.problem = "the period ends before it starts";
  }
  return value;
}

std::optional<Value> MakeDuration(Decimal amount, std::string_view unit) {
  std::optional<int64_t> count = amount.ToInteger();
  // A four-digit "amount" is a year ("2024 року"), not a length of time.
  if (!count || *count <= 0 || *count >= 1000) return std::nullopt;
  Value value;
  value.kind = Kind::kDuration;
  value.code = unit == "H" ? fmt::format("PT{}H", *count) : fmt::format("P{}{}", *count, unit);
  return value;
}

Value MakeMoney(Decimal amount, std::string_view currency) {
  Value value;
  value.kind = Kind::kMoney;
  value.number = amount;
  value.code = std::string(currency);
  return value;
}

Value MakePercent(Decimal number) {
  Value value;
  value.kind = Kind::kPercent;
  value.number = number;
  return value;
}

Value MakeCount(Decimal number, std::string_view unit) {
  Value value;
  value.kind = Kind::kCount;
  value.number = number;
  value.code = std::string(unit);
  return value;
}

Value MakeRecurrence(std::string_view period) {
  Value value;
  value.kind = Kind::kRecurrence;
  value.code = std::string(period);
  return value;
}

Value MakeReference(std::string_view target, std::string_view number, std::string_view of) {
  Value value;
  value.kind = Kind::kReference;
  value.target = std::string(target);
  value.reference_number = std::string(number);
  value.of = std::string(of);
  return value;
}

std::optional<Value> CheckDayOfMonth(int day, int month) {
  constexpr int kLeapYear = 2024;
  Value value = MakeDate(kLeapYear, month, day);
  if (value.kind != Kind::kBadDate) return std::nullopt;
  value.date.year = 0;
  value.problem =
      fmt::format("{} has at most {} days", kMonthNames[month - 1], DaysInMonth(kLeapYear, month));
  return value;
}

Value MakePeriodOfDates(const Value& from, const Value& to) {
  if (from.kind == Kind::kBadDate) return from;
  if (to.kind == Kind::kBadDate) return to;
  return MakePeriod(from.date, to.date);
}

Value MakeDayRange(int year, int month, int first_day, int last_day) {
  return MakePeriodOfDates(MakeDate(year, month, first_day), MakeDate(year, month, last_day));
}

std::optional<Value> MakePeriodWithoutYear(int month, int first_day, int last_day) {
  if (CheckDayOfMonth(first_day, month) || CheckDayOfMonth(last_day, month)) return std::nullopt;
  Value value;
  value.kind = Kind::kPeriodWithoutYear;
  value.from = {0, month, first_day};
  value.to = {0, month, last_day};
  return value;
}

std::optional<Value> Scaled(const Part& numeral, const Part& scale) {
  const Value& value = ValueOf(numeral);
  if (value.number.ToDouble() >= 1000) return std::nullopt;
  std::optional<Decimal> product = value.number.Times(Decimal::Integer(MeaningNumber(scale)));
  if (!product) return std::nullopt;
  return MakeNumeral(*product, value.from_words);
}

Value WithOf(const Part& part, std::string_view of) {
  Value value = ValueOf(part);
  value.of = std::string(of);
  return value;
}

std::optional<Value> WithBound(const Part& part, std::string_view bound) {
  Value value = ValueOf(part);
  if (!value.bound.empty()) return std::nullopt;
  value.bound = std::string(bound);
  return value;
}

void AddAmountBound(std::vector<Rule>& rules, std::string_view prefix, std::string_view what,
                    std::vector<Item> words, std::string_view bound) {
  const size_t amount = words.size();
  for (Kind kind : {Kind::kMoney, Kind::kPercent, Kind::kCount}) {
    std::vector<Item> pattern = words;
    pattern.push_back(Expr(kind));
    rules.push_back(
        {std::string(prefix) + "." + std::string(KindName(kind)) + "." + std::string(what),
         std::move(pattern),
         [amount, bound](const Parts& p) { return WithBound(p[amount], bound); }});
  }
}

}  // namespace treaty::grammar
