#include "grammar/core/value.h"

#include <fmt/format.h>

namespace treaty::grammar {

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kMoney:
      return "money";
    case Kind::kPercent:
      return "percent";
    case Kind::kDate:
      return "date";
    case Kind::kYear:
      return "year";
    case Kind::kYears:
      return "years";
    case Kind::kPeriod:
      return "period";
    case Kind::kDuration:
      return "duration";
    case Kind::kRecurrence:
      return "recurrence";
    case Kind::kCount:
      return "count";
    case Kind::kReference:
      return "reference";
    case Kind::kNumeral:
      return "numeral";
    case Kind::kBadDate:
      return "bad-date";
    case Kind::kPeriodWithoutYear:
      return "period-without-year";
  }
  return "";
}

bool IsReported(Kind kind) {
  return kind != Kind::kNumeral && kind != Kind::kBadDate && kind != Kind::kPeriodWithoutYear;
}

std::string CalendarDate::ToString() const {
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

namespace {

// A JSON number with the decimal's exact digits ("0.25", not 0.2500000001).
nlohmann::json NumberJson(const Decimal& number) {
  if (std::optional<int64_t> integer = number.ToInteger()) return *integer;
  return nlohmann::json::parse(number.ToString());
}

}  // namespace

nlohmann::json Value::ToJson() const {
  switch (kind) {
    case Kind::kMoney: {
      nlohmann::json value = {{"amount", NumberJson(number)}, {"currency", code}};
      if (approx) value["approx"] = true;
      if (!bound.empty()) value["bound"] = bound;
      return value;
    }
    case Kind::kPercent: {
      nlohmann::json value = {{"value", NumberJson(number)}};
      if (!of.empty()) value["of"] = of;
      if (!bound.empty()) value["bound"] = bound;
      return value;
    }
    case Kind::kDate:
      return date.ToString();
    case Kind::kYear:
      return date.year;
    case Kind::kYears:
      return years;
    case Kind::kPeriod:
    case Kind::kPeriodWithoutYear:
      return {{"from", from.ToString()}, {"to", to.ToString()}};
    case Kind::kDuration: {
      nlohmann::json value = {{"value", code}};
      if (!bound.empty()) value["bound"] = bound;
      return value;
    }
    case Kind::kRecurrence:
      return code;
    case Kind::kCount: {
      nlohmann::json value = {{"value", NumberJson(number)}, {"unit", code}};
      if (!bound.empty()) value["bound"] = bound;
      return value;
    }
    case Kind::kReference: {
      nlohmann::json value = {{"to", target}, {"number", reference_number}};
      if (!of.empty()) value["of"] = of;
      return value;
    }
    case Kind::kNumeral:
      return NumberJson(number);
    case Kind::kBadDate:
      return problem;
  }
  return nullptr;
}

}  // namespace treaty::grammar
