// Comma-separated values as RFC 4180 writes them: fields quoted when they hold a comma, a quote
// or a line break, quotes doubled, rows ended by CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace treaty::views {

std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace treaty::views
