// Exact decimal numbers for the expression stage: "3,3" miljoni is 33 × 10^5, never a float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace treaty::grammar {

// value = mantissa × 10^exponent, kept normalised (the mantissa has no trailing zeros unless it
// is 0). The mantissa stays below 10^15, so every value is exact in a double as well.
class Decimal {
 public:
  Decimal() = default;
  static Decimal Integer(int64_t value);

  // Parses ASCII digits before and after the decimal separator ("3", "3"), ("0", "25"). Nullopt
  // when a part holds a non-digit or the number needs more than 15 significant digits.
  static std::optional<Decimal> Parse(std::string_view integer_digits,
                                      std::string_view fraction_digits);

  // Nullopt when the product does not fit.
  std::optional<Decimal> Times(Decimal other) const;
  std::optional<Decimal> Plus(Decimal other) const;

  // The integer value, when the number is one and fits in int64.
  std::optional<int64_t> ToInteger() const;
  double ToDouble() const;
  // Shortest exact decimal notation: "3300000", "0.25", "2.5".
  std::string ToString() const;

  bool operator==(const Decimal& other) const = default;

 private:
  Decimal(int64_t mantissa, int exponent);
  int64_t mantissa_ = 0;
  int exponent_ = 0;
};

}  // namespace treaty::grammar
