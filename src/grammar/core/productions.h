// Building blocks for rule productions, shared by every language: reading numbers, years and
// months out of matched parts, and making values that check themselves (a date that cannot
// exist becomes a bad-date value, never a date).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "grammar/core/rule.h"

namespace treaty::grammar {

// The number a part holds: a number token's value, a numeral's, or a number word's.
// REQUIRES: the part matched one of those.
Decimal NumberOf(const Part& part);
// The integer a part holds (a year, a day), or -1.
int IntegerOf(const Part& part);
// The part's lexicon meaning's number (a month, a number word) or code (a currency, a unit).
int64_t MeaningNumber(const Part& part);
std::string_view MeaningCode(const Part& part);
// The value of a part that matched an expression.
const Value& ValueOf(const Part& part);

Value MakeNumeral(Decimal number, bool from_words);
// A date, or a bad-date value saying why it cannot exist. day 0: the month only.
Value MakeDate(int year, int month, int day);
Value MakeYear(int year);
Value MakeYears(std::vector<int> years);
// A period between two dates or years; a bad-date value when it runs backwards.
Value MakePeriod(CalendarDate from, CalendarDate to);
// An ISO 8601 duration of `amount` units: "Y", "M", "W", "D" or "H" (PT24H). Nullopt when the
// amount is not an integer from 1 to 999.
std::optional<Value> MakeDuration(Decimal amount, std::string_view unit);
Value MakeMoney(Decimal amount, std::string_view currency);
Value MakePercent(Decimal number);
Value MakeCount(Decimal number, std::string_view unit);
Value MakeRecurrence(std::string_view period);
Value MakeReference(std::string_view target, std::string_view number, std::string_view of);

// A bad-date value when day `day` cannot fall in `month` of any year ("30. februārī"); nullopt
// otherwise, as a day and month without a year are not a date.
std::optional<Value> CheckDayOfMonth(int day, int month);

// The period between two dates; a bad date when either is one.
Value MakePeriodOfDates(const Value& from, const Value& to);
// "29-30 June 2023": the period between two days of one month.
Value MakeDayRange(int year, int month, int first_day, int last_day);
// "29-30 June,": a period whose year the end of its list gives; nullopt when a day cannot fall in
// the month.
std::optional<Value> MakePeriodWithoutYear(int month, int first_day, int last_day);
// The numeral in `numeral` times the scale word in `scale` ("3,3 miljonu"); nullopt when the
// numeral is 1000 or more (a year, not an amount) or the product does not fit.
std::optional<Value> Scaled(const Part& numeral, const Part& scale);
// A copy of the expression in `part` saying what it is of ("GDP").
Value WithOf(const Part& part, std::string_view of);

// A copy of the expression in `part` with `bound` set; nullopt when it has one already.
std::optional<Value> WithBound(const Part& part, std::string_view bound);

// Three rules, "<prefix>.money.<what>", "<prefix>.percent.<what>" and "<prefix>.count.<what>":
// `words`, then an amount, a share or a count, which takes `bound` ("at_least", "more_than",
// "up_to"): "at least EUR 977 million", "more than 1.3% of GDP", "up to 4,000 soldiers".
void AddAmountBound(std::vector<Rule>& rules, std::string_view prefix, std::string_view what,
                    std::vector<Item> words, std::string_view bound);

}  // namespace treaty::grammar
