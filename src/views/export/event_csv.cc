#include "views/export/event_csv.h"

#include "views/export/csv.h"
#include "views/export/event_columns.h"

namespace treaty::views {

std::string EventCsvHeader() {
  std::vector<std::string> names;
  for (const EventColumn& column : EventColumns()) names.emplace_back(column.name);
  return CsvRow(names);
}

std::string EventCsvRow(const LedgerEntry& entry) { return CsvRow(EventCells(entry)); }

std::string EventsCsv(const std::vector<LedgerEntry>& entries) {
  std::string csv = EventCsvHeader();
  for (const LedgerEntry& entry : entries) csv += EventCsvRow(entry);
  return csv;
}

}  // namespace treaty::views
