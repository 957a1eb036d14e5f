// Money as the exports write it: a decimal of major units, exactly, from the integer of minor
// units the ledger keeps (docs/ledger-format.md §1.4).
#pragma once

#include <cstdint>
#include <string>

namespace treaty::views {

// "112000000.00" for 11200000000 minor units of EUR; the number of decimals is the currency's
// ISO 4217 minor unit (none for a code ISO 4217 does not list).
std::string MajorUnits(int64_t minor_units, const std::string& currency);

}  // namespace treaty::views
