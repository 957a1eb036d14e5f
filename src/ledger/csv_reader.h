// RFC 4180 CSV as `treaty import` reads it (docs/ledger-format.md §7.1): UTF-8 with a leading
// byte-order mark skipped, `,` between fields, fields quoted with `"` (`""` for a quote, line
// breaks allowed inside), CRLF or LF line ends. Every field keeps where it starts, so that a
// message can name FILE:LINE:COL. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace treaty::ledger {

struct CsvField {
  std::string value;
  int line = 0;    // physical line, 1-based
  int column = 0;  // 1-based character (Unicode scalar value) position where the field starts
};

struct CsvRecord {
  int line = 0;  // the line the record starts on
  std::vector<CsvField> fields;
};

struct CsvSyntaxError {
  int line = 0;
  int column = 0;
  std::string message;  // "unterminated quoted field", "'\"' inside an unquoted field", …
};

struct CsvTable {
  std::vector<CsvRecord> records;       // the header first; empty lines are skipped
  std::optional<CsvSyntaxError> error;  // the first syntax error; records before it are kept
};

// Splits `text` into records. Errors: invalid UTF-8, an unterminated quoted field, a quote inside
// an unquoted field, text after a closing quote.
CsvTable ReadCsv(std::string_view text);

}  // namespace treaty::ledger
