#include "grammar/core/decimal.h"

#include <cmath>

namespace treaty::grammar {

namespace {

constexpr int64_t kMantissaLimit = 1'000'000'000'000'000;  // 10^15
constexpr int kExponentLimit = 18;

}  // namespace

Decimal::Decimal(int64_t mantissa, int exponent) : mantissa_(mantissa), exponent_(exponent) {
  if (mantissa_ == 0) {
    exponent_ = 0;
    return;
  }
  while (mantissa_ % 10 == 0) {
    mantissa_ /= 10;
    ++exponent_;
  }
}

Decimal Decimal::Integer(int64_t value) { return Decimal(value, 0); }

std::optional<Decimal> Decimal::Parse(std::string_view integer_digits,
                                      std::string_view fraction_digits) {
  if (integer_digits.empty()) return std::nullopt;
  int64_t mantissa = 0;
  int significant = 0;
  for (std::string_view part : {integer_digits, fraction_digits}) {
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      if (mantissa != 0 || c != '0') ++significant;
      if (significant > 15) return std::nullopt;
      mantissa = mantissa * 10 + (c - '0');
    }
  }
  return Decimal(mantissa, -static_cast<int>(fraction_digits.size()));
}

std::optional<Decimal> Decimal::Times(Decimal other) const {
  __int128 product = static_cast<__int128>(mantissa_) * other.mantissa_;
  int exponent = exponent_ + other.exponent_;
  if (product >= kMantissaLimit || product <= -kMantissaLimit) return std::nullopt;
  if (exponent > kExponentLimit || exponent < -kExponentLimit) return std::nullopt;
  return Decimal(static_cast<int64_t>(product), exponent);
}

std::optional<Decimal> Decimal::Plus(Decimal other) const {
  int exponent = std::min(exponent_, other.exponent_);
  __int128 left = mantissa_;
  __int128 right = other.mantissa_;
  for (int e = exponent_; e > exponent; --e) left *= 10;
  for (int e = other.exponent_; e > exponent; --e) right *= 10;
  __int128 sum = left + right;
  if (sum >= kMantissaLimit || sum <= -kMantissaLimit) return std::nullopt;
  return Decimal(static_cast<int64_t>(sum), exponent);
}

std::optional<int64_t> Decimal::ToInteger() const {
  if (exponent_ < 0) return std::nullopt;
  __int128 value = mantissa_;
  for (int e = 0; e < exponent_; ++e) {
    value *= 10;
    if (value > INT64_MAX) return std::nullopt;
  }
  return static_cast<int64_t>(value);
}

double Decimal::ToDouble() const {
  return static_cast<double>(mantissa_) * std::pow(10.0, exponent_);
}

std::string Decimal::ToString() const {
  std::string digits = std::to_string(mantissa_ < 0 ? -mantissa_ : mantissa_);
  std::string sign = mantissa_ < 0 ? "-" : "";
  if (exponent_ >= 0) return sign + digits + std::string(exponent_, '0');
  size_t fraction = static_cast<size_t>(-exponent_);
  if (digits.size() <= fraction) digits.insert(0, fraction - digits.size() + 1, '0');
  digits.insert(digits.size() - fraction, 1, '.');
  return sign + digits;
}

}  // namespace treaty::grammar
