#include "evaluation/amount_text.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "ledger/currency.h"

namespace treaty::evaluation {

std::string CountText(int64_t count) {
  std::string digits = std::to_string(std::llabs(count));
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return count < 0 ? "-" + grouped : grouped;
}

std::string CountOf(int64_t count, const std::string& singular, const std::string& plural) {
  return CountText(count) + " " + (count == 1 ? singular : plural);
}

std::string MoneyText(int64_t minor_units, const std::string& currency) {
  const int exponent = ledger::CurrencyMinorUnit(currency).value_or(0);
  int64_t scale = 1;
  for (int i = 0; i < exponent; ++i) scale *= 10;
  const int64_t whole = minor_units / scale;
  const int64_t fraction = std::llabs(minor_units % scale);
  std::string text =
      fmt::format("{} {}", currency, minor_units < 0 && whole == 0 ? "-0" : CountText(whole));
  if (fraction != 0) text += fmt::format(".{:0{}}", fraction, exponent);
  return text;
}

std::string TimeLeftText(int64_t seconds) {
  return fmt::format("{} h {:02} min {:02} s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
}

std::string PpmText(int64_t ppm) {
  std::string text = fmt::format("{:.4f}", static_cast<double>(ppm) / 10000.0);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text + "%";
}

double PercentOf(int64_t part, int64_t whole) {
  if (whole == 0) return 0;
  return std::round(static_cast<double>(part) * 10000.0 / static_cast<double>(whole)) / 100.0;
}

}  // namespace treaty::evaluation
