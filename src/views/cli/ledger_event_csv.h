// `treaty events --format csv`: one row per recorded event, in the column names of the import CSV
// (docs/ledger-format.md §7.1) after the ledger's own columns; amounts in major units.
#pragma once

#include <string>

#include "ledger/stored_records.h"

namespace treaty::views {

// The header row, CRLF-terminated.
std::string LedgerEventCsvHeader();
// The row of `event`; an event whose stored bytes are not JSON gives its id and leaf only.
std::string LedgerEventCsvRow(const ledger::StoredEvent& event);

}  // namespace treaty::views
