// The first pass of `treaty import` (docs/ledger-format.md §7): a file of events, as JSON Lines or
// CSV (§7.1) or as a CSV of the `reported-support` profile (§7.4), read and validated whole into
// events ready to append, or into the list of everything wrong with it. Nothing here touches a
// store; the idempotency keys are checked against the store by ledger_import.h. Thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ledger/event.h"
#include "ledger/event_parser.h"

namespace treaty::ledger {

enum class ImportFormat { kJsonLines, kCsv, kReportedSupport };

struct ImportRow {
  int line = 0;  // the physical line the row starts on, 1-based
  Event event;   // valid input form (§1.5), idempotency key given or derived
  // CSV: where each cell of the row starts, (line, column) by header index; empty for JSON Lines.
  std::vector<std::pair<int, int>> cells;
};

// One error of an import file, with its place for ordering.
struct ImportError {
  int line = 0;
  int column = 0;    // 0 for JSON Lines
  std::string text;  // "FILE:LINE: PATH: MESSAGE" or, for CSV, "FILE:LINE:COL: COLUMN: MESSAGE"
};

struct ImportReading {
  std::string file;
  ImportFormat format = ImportFormat::kJsonLines;
  std::map<std::string, size_t> header;  // CSV: column name → index
  std::vector<ImportRow> rows;           // the rows without an error, in file order
  std::vector<ImportError> errors;       // every error of every row, in file order

  // `error` of the field at error.path of `row`, placed as the file's other errors are: by line
  // and path, or for CSV by the line, column and name of the cell that holds the field.
  ImportError ErrorOf(const ImportRow& row, const FieldError& error) const;
};

// The `area` column of the reported-support profile to commitment ids (areas.json).
using AreaMap = std::map<std::string, std::vector<std::string>>;

// Parses areas.json: an object whose members are areas, each an array of commitment id strings.
// Errors name the member.
Result<AreaMap> ParseAreaMap(std::string_view text);

// The CSV column that holds the field at JSON `path` (§7.1; of the profile's for kReportedSupport).
std::string ColumnOfPath(std::string_view path, ImportFormat format);

// One event given as the CSV columns of §7.1 (column → value; an empty value is absent), as
// `treaty record` takes it from flags: converted and validated with `context`.
struct FlatError {
  std::string column;  // the CSV column
  std::string path;    // the event's JSON path (§1.6), or the column for a conversion error
  std::string message;
};
struct FlatEvent {
  Event event;                    // meaningful only when errors is empty
  std::vector<FlatError> errors;  // by column
};
FlatEvent ParseFlatEvent(const std::map<std::string, std::string>& columns,
                         const ValidationContext& context);

// Reads and validates every row of `text` (the contents of `file`, which names it in messages)
// with `context` (commitments, institutions, defaults). `areas` is used by kReportedSupport only.
ImportReading ReadImportFile(const std::string& file, std::string_view text, ImportFormat format,
                             const ValidationContext& context, const AreaMap& areas = {});

}  // namespace treaty::ledger
