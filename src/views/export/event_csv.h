// Events as CSV (RFC 4180 with the formula guard of csv.h): a header row of the names of
// EventColumns(), then one row per entry. `treaty events --format csv` writes the raw view with
// it; `treaty export csv` and GET /api/v1/export/csv the folded view.
#pragma once

#include <string>
#include <vector>

#include "views/export/ledger_entries.h"

namespace treaty::views {

// The header row, CRLF-terminated.
std::string EventCsvHeader();
// The row of `entry`, CRLF-terminated.
std::string EventCsvRow(const LedgerEntry& entry);
// The header and a row per entry.
std::string EventsCsv(const std::vector<LedgerEntry>& entries);

}  // namespace treaty::views
