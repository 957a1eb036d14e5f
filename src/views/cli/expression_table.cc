#include "views/cli/expression_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "evaluation/period.h"
#include "text/utf8.h"

namespace treaty::views {

namespace {

// "112000000" → "112,000,000"; fractions keep their digits.
std::string GroupThousands(const std::string& number) {
  if (number.starts_with('-')) return "-" + GroupThousands(number.substr(1));
  size_t point = std::min(number.find('.'), number.size());
  std::string integer = number.substr(0, point);
  std::string grouped;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ',';
    grouped += integer[i];
  }
  return grouped + number.substr(point);
}

// The cell, then spaces to `width` code points, and always at least two.
std::string Padded(const std::string& cell, size_t width) {
  size_t length = text::CountCodePoints(cell);
  return cell + std::string(length + 2 >= width ? 2 : width - length, ' ');
}

// "at least ", "no later than ", "within " before an amount, share or duration with that bound.
std::string BoundWords(std::string bound) {
  if (bound.empty()) return "";
  std::replace(bound.begin(), bound.end(), '_', ' ');
  return bound + " ";
}

// An ISO 8601 duration in words ("P2W" → "2 weeks"); `every` leaves out a count of one ("year"
// for P1Y, so that "every year" reads).
std::string DurationWords(const std::string& code, bool every) {
  const std::string words = evaluation::PeriodInWords(code);
  const bool one_unit = words.starts_with("1 ") && words.find(' ', 2) == std::string::npos;
  return every && one_unit ? words.substr(2) : words;
}

}  // namespace

std::string ValueText(const grammar::Value& value) {
  using grammar::Kind;
  switch (value.kind) {
    case Kind::kMoney:
      return fmt::format("{}{} {}{}", BoundWords(value.bound), value.code,
                         GroupThousands(value.number.ToString()), value.approx ? " (approx.)" : "");
    case Kind::kPercent:
      return BoundWords(value.bound) + value.number.ToString() + "%" +
             (value.of.empty() ? "" : " of " + value.of);
    case Kind::kDate:
    case Kind::kYear:
      return value.date.ToString();
    case Kind::kYears: {
      std::string years;
      for (int year : value.years) years += (years.empty() ? "" : ", ") + std::to_string(year);
      return years;
    }
    case Kind::kPeriod:
    case Kind::kPeriodWithoutYear:
      return value.from.ToString() + " – " + value.to.ToString();
    case Kind::kDuration:
      return BoundWords(value.bound) + DurationWords(value.code, false);
    case Kind::kRecurrence:
      return "every " + DurationWords(value.code, true);
    case Kind::kCount:
      return BoundWords(value.bound) + GroupThousands(value.number.ToString()) + " × " + value.code;
    case Kind::kReference:
      return value.target + " " + value.reference_number +
             (value.of.empty() ? "" : " of " + value.of);
    case Kind::kNumeral:
      return value.number.ToString();
    case Kind::kBadDate:
      return value.problem;
  }
  return "";
}

std::string ExpressionTable(const std::vector<grammar::Expression>& expressions) {
  std::string table = fmt::format("{:>5}  {}{}{}{}\n", "line", Padded("kind", 12),
                                  Padded("value", 30), Padded("text", 40), "eId");
  for (const grammar::Expression& expression : expressions) {
    table += fmt::format("{:>5}  {}{}{}{}\n", expression.line,
                         Padded(std::string(grammar::KindName(expression.value.kind)), 12),
                         Padded(ValueText(expression.value), 30), Padded(expression.text, 40),
                         expression.eid);
  }
  table += fmt::format("{} expressions\n", expressions.size());
  return table;
}

}  // namespace treaty::views
