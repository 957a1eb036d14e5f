#include "evaluation/reference_series.h"

#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "ledger/csv_reader.h"

namespace treaty::evaluation {

namespace {

struct CsvLine {
  std::vector<std::string> fields;
  int line = 0;  // where the record starts
};

// The records of `text` as `treaty import` reads a CSV file (ledger/csv_reader.h: RFC 4180, a
// byte-order mark skipped, empty lines skipped); a syntax error is placed FILE:LINE:COL.
Result<std::vector<CsvLine>> SplitCsv(std::string_view text, const std::string& file) {
  const ledger::CsvTable table = ledger::ReadCsv(text);
  if (table.error) {
    return Error{table.error->message,
                 fmt::format("{}:{}:{}", file, table.error->line, table.error->column)};
  }
  std::vector<CsvLine> records;
  for (const ledger::CsvRecord& record : table.records) {
    CsvLine line{{}, record.line};
    for (const ledger::CsvField& field : record.fields) line.fields.push_back(field.value);
    records.push_back(std::move(line));
  }
  return records;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr std::array<std::string_view, 4> kFixedColumns = {"year", "status", "published", "source"};

}  // namespace

std::string ReferenceRow::Vintage() const {
  return fmt::format("{}, published {}", status, published.ToString());
}

const ReferenceRow* ReferenceSeries::Find(int year, Date as_of) const {
  const ReferenceRow* row = Find(year);
  return row != nullptr && row->published <= as_of ? row : nullptr;
}

const ReferenceRow* ReferenceSeries::Find(int year) const {
  for (const ReferenceRow& row : rows) {
    if (row.year == year) return &row;
  }
  return nullptr;
}

Result<ReferenceSeries> ParseReferenceSeries(std::string_view contents, const std::string& file) {
  Result<std::vector<CsvLine>> split = SplitCsv(contents, file);
  if (!split.ok()) return split.error();
  const std::vector<CsvLine>& records = split.value();
  if (records.empty()) return Error{"empty file: a header line is needed", file + ":1"};
  const std::string header_where = fmt::format("{}:{}", file, records[0].line);

  // Column positions by name, and the one value column.
  const std::vector<std::string>& header = records[0].fields;
  std::map<std::string, size_t> position;
  std::optional<size_t> value_column;
  std::string header_words = fmt::format("{}", fmt::join(header, ", "));
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (!position.emplace(name, i).second) {
      return Error{fmt::format("column '{}' appears twice", name), header_where};
    }
    bool fixed = false;
    for (std::string_view column : kFixedColumns) fixed = fixed || name == column;
    if (fixed) continue;
    size_t underscore = name.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == name.size()) {
      return Error{fmt::format("unknown column '{}': a series has year, <measure>_<unit> "
                               "(such as gdp_eur), status, published and source",
                               name),
                   header_where};
    }
    if (value_column) {
      return Error{fmt::format("two value columns, '{}' and '{}': a series has one",
                               header[*value_column], name),
                   header_where};
    }
    value_column = i;
  }
  for (std::string_view column : kFixedColumns) {
    if (!position.contains(std::string(column))) {
      return Error{fmt::format("missing column '{}' (the header has {})", column, header_words),
                   header_where};
    }
  }
  if (!value_column) {
    return Error{
        fmt::format("missing a value column such as gdp_eur (the header has {})", header_words),
        header_where};
  }

  ReferenceSeries series;
  series.file = file;
  const std::string& value_name = header[*value_column];
  series.measure = value_name.substr(0, value_name.rfind('_'));
  for (char c : value_name.substr(value_name.rfind('_') + 1)) {
    series.unit += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  std::map<int, int> line_of_year;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvLine& record = records[r];
    std::string where = fmt::format("{}:{}", file, record.line);
    if (record.fields.size() != header.size()) {
      return Error{
          fmt::format("{} fields, but the header has {}", record.fields.size(), header.size()),
          where};
    }
    auto field = [&](std::string_view name) -> const std::string& {
      return record.fields[position.at(std::string(name))];
    };
    ReferenceRow row;
    row.line = record.line;
    const std::string& year = field("year");
    if (!AllDigits(year) || year.size() != 4) {
      return Error{fmt::format("column year: '{}' is not a four-digit year", year), where};
    }
    row.year = std::stoi(year);
    if (row.year < kMinYear || row.year > kMaxYear) {
      return Error{fmt::format("column year: {} is outside {}–{}", row.year, kMinYear, kMaxYear),
                   where};
    }
    if (auto [it, added] = line_of_year.emplace(row.year, record.line); !added) {
      return Error{fmt::format("column year: {} is already on line {}; a series has one row per "
                               "year (replace the row to revise a figure)",
                               row.year, it->second),
                   where};
    }
    const std::string& value = record.fields[*value_column];
    if (!AllDigits(value) || value.size() > 18) {
      return Error{fmt::format("column {}: '{}' is not a whole number of {} (digits only, no "
                               "sign, separators, decimals or exponent)",
                               value_name, value, series.unit),
                   where};
    }
    row.value = std::stoll(value);
    row.status = field("status");
    if (row.status.empty()) {
      return Error{
          "column status: empty; say how far the figure has got (first estimate, "
          "revised, ...)",
          where};
    }
    Result<Date> published = ParseDate(field("published"));
    if (!published.ok()) {
      return Error{"column published: " + published.error().message, where};
    }
    row.published = published.value();
    row.source = field("source");
    if (row.source.empty()) {
      return Error{"column source: empty; every figure says where it came from", where};
    }
    series.rows.push_back(std::move(row));
  }
  return series;
}

Result<ReferenceSeries> LoadReferenceSeries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open the file", path};
  std::ostringstream contents;
  contents << in.rdbuf();
  return ParseReferenceSeries(contents.str(), path);
}

}  // namespace treaty::evaluation
