// Comma-separated values as RFC 4180 writes them: fields quoted when they hold a comma, a quote
// or a line break, quotes doubled, rows ended by CRLF.
//
// Formula injection: a spreadsheet that opens the file runs a field starting with `=`, `+`, `-`
// or `@` (or a tab or carriage return before one) as a formula. Such a field is written with a
// leading apostrophe, which spreadsheets show as text; so is a field that already starts with an
// apostrophe, so that a program reading the file restores every field by dropping exactly one
// leading apostrophe where there is one.
#pragma once

#include <string>
#include <vector>

namespace treaty::views {

// One row, CRLF-terminated.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace treaty::views
