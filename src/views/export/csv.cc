#include "views/export/csv.h"

#include <string_view>

namespace treaty::views {
namespace {

bool NeedsApostrophe(const std::string& field) {
  return !field.empty() && std::string_view("=+-@\t\r'").find(field.front()) != std::string::npos;
}

}  // namespace

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    const std::string field = NeedsApostrophe(fields[i]) ? "'" + fields[i] : fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      row += field;
      continue;
    }
    row += '"';
    for (char c : field) {
      if (c == '"') row += '"';
      row += c;
    }
    row += '"';
  }
  row += "\r\n";
  return row;
}

}  // namespace treaty::views
