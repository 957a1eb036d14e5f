// The ledger as an XLSX workbook (libxlsxwriter) for analysts:
// - "Events": the columns of event_columns.h with typed cells (dates and timestamps as Excel
//   dates, amounts as numbers formatted with their currency, leaf indexes and quantities as
//   numbers), the header row frozen and an autofilter over the table;
// - "Commitments": the agreement's commitments and procedures (id, provision, class, obligors,
//   beneficiary, category, section, area, strength, the prevailing text's words), with each
//   one's status when a status is given.
// Text is always written as a string cell, never as a formula. Amounts are exact in the text of
// the CSV export; a spreadsheet number is the nearest binary fraction, which shows the same
// decimal for any amount the ledger can hold below 2^53 minor units.
#pragma once

#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "core/result.h"
#include "evaluation/status.h"
#include "views/export/ledger_entries.h"

namespace treaty::views {

struct WorkbookOptions {
  std::string title;  // the workbook's title property, e.g. the agreement's short title
  // The agreement's status for the same audience as the entries; nullptr: no status columns.
  const evaluation::AgreementStatus* status = nullptr;
};

// The XLSX bytes. libxlsxwriter 1.1.4 writes only to files: the workbook goes to a temporary
// file in the system's temporary folder, which is read back and removed. Errors: more entries
// than a sheet has rows, a cell libxlsxwriter refuses, the temporary file not written or read
// (naming it).
Result<std::string> WriteWorkbook(const std::vector<LedgerEntry>& entries,
                                  const std::vector<commitments::Commitment>& commitments,
                                  const WorkbookOptions& options);

}  // namespace treaty::views
