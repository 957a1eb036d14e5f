// Currencies of ledger amounts (docs/ledger-format.md §1.4): the active ISO 4217 codes and their
// minor units, compiled in from iso4217_list_one.inc. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace treaty::ledger {

// The minor unit (decimals) of an active ISO 4217 code that has one: EUR 2, JPY 0, KWD 3.
// nullopt for an unknown or withdrawn code and for a code without a minor unit (XAU).
std::optional<int> CurrencyMinorUnit(std::string_view code);

// Why `code` cannot be an amount's currency: `unknown currency "EUX" (not an active ISO 4217
// code)` or `XAU has no minor unit`; empty when it can.
std::string CurrencyProblem(std::string_view code);

}  // namespace treaty::ledger
