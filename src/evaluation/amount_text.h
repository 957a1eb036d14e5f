// Amounts, shares and times left written for a person in findings and reports.
#pragma once

#include <cstdint>
#include <string>

namespace treaty::evaluation {

// "EUR 112,000,000", "EUR 3,300,000.50": whole units grouped by thousands, the minor units only
// when there are any.
std::string MoneyText(int64_t minor_units, const std::string& currency);
// "1,000,000".
std::string CountText(int64_t count);
// "1 activity", "2 activities": CountText and the noun in the number it takes.
std::string CountOf(int64_t count, const std::string& singular, const std::string& plural);
// A time left, to the second, in the findings and on the pages: 79,201 s as "22 h 00 min 01 s".
std::string TimeLeftText(int64_t seconds);
// 2,500 parts per million as "0.25%"; trailing zeros dropped.
std::string PpmText(int64_t ppm);
// part / whole as a percentage rounded to two decimals (0 when whole is 0).
double PercentOf(int64_t part, int64_t whole);

}  // namespace treaty::evaluation
