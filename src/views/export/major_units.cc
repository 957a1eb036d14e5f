#include "views/export/major_units.h"

#include "ledger/currency.h"

namespace treaty::views {

std::string MajorUnits(int64_t minor_units, const std::string& currency) {
  const int decimals = ledger::CurrencyMinorUnit(currency).value_or(0);
  std::string digits = std::to_string(minor_units);
  if (decimals == 0) return digits;
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  return digits;
}

}  // namespace treaty::views
