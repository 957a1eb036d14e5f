// The columns of an events export, shared by the CSV and the XLSX writers so that both list the
// same fields under the same names: the ledger's own columns, then the fields of the event in the
// column names of the import CSV (docs/ledger-format.md §7.1), then a correction's fields (an
// amendment's replacement as one line of JSON) and the folded view's corrections. Amounts are in
// major units (major_units.h); lists are joined by ";", except the evidence: its references and
// hashes are one item per line (a reference is one line and may hold
// ";"), the hash on the same line of its cell as the reference of its cell, or an empty line.
#pragma once

#include <string>
#include <vector>

#include "views/export/ledger_entries.h"

namespace treaty::views {

// How a spreadsheet should read a column's text.
enum class CellKind {
  kText,
  kInteger,    // a whole number (leaf index, quantity)
  kDate,       // YYYY-MM-DD
  kTimestamp,  // YYYY-MM-DDTHH:MM:SS.ffffffZ
  kAmount,     // a decimal of major units in the currency of the next column
};

struct EventColumn {
  const char* name;
  CellKind kind;
};

const std::vector<EventColumn>& EventColumns();

// The cells of `entry`, one per column of EventColumns(); empty for an absent field. A
// correction (raw view) fills the envelope, its description and evidence, `corrects` and
// `action`; the content it replaces is in the row of the original in the folded view.
std::vector<std::string> EventCells(const LedgerEntry& entry);

}  // namespace treaty::views
