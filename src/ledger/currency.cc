#include "ledger/currency.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

struct CurrencyRow {
  const char* code;
  int minor_unit;  // -1: "N.A."
};

// Sorted by code.
constexpr CurrencyRow kCurrencies[] = {
#include "ledger/iso4217_list_one.inc"
};

const CurrencyRow* Find(std::string_view code) {
  const auto* it = std::lower_bound(std::begin(kCurrencies), std::end(kCurrencies), code,
                                    [](const CurrencyRow& row, std::string_view key) {
                                      return std::string_view(row.code) < key;
                                    });
  if (it == std::end(kCurrencies) || std::string_view(it->code) != code) return nullptr;
  return it;
}

}  // namespace

std::optional<int> CurrencyMinorUnit(std::string_view code) {
  const CurrencyRow* row = Find(code);
  if (row == nullptr || row->minor_unit < 0) return std::nullopt;
  return row->minor_unit;
}

std::string CurrencyProblem(std::string_view code) {
  const CurrencyRow* row = Find(code);
  if (row == nullptr) {
    return fmt::format("unknown currency \"{}\" (not an active ISO 4217 code)", code);
  }
  if (row->minor_unit < 0) return fmt::format("{} has no minor unit", code);
  return {};
}

}  // namespace treaty::ledger
