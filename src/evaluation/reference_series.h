// Yearly public figures the targets are measured against (data/reference/*.csv, described in
// data/reference/README.md), each row with its source and vintage.
//
// A series file is RFC 4180 CSV with a header naming five columns in any order: `year`, one value
// column `<measure>_<unit>` (`gdp_eur`: GDP in whole euros), `status` (how far the figure has got:
// "first estimate", "revised", ...), `published` (YYYY-MM-DD) and `source`. One row per year.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "evaluation/date.h"

namespace treaty::evaluation {

struct ReferenceRow {
  int year = 0;
  int64_t value = 0;   // whole units of the series' unit
  std::string status;  // "first estimate", "secondary estimate", "revised", "planned"
  Date published;      // when the figure of this status was published
  std::string source;  // who published it and where, as the file says
  int line = 0;        // 1-based line in the file, to cite the row

  // The vintage a reader needs beside the figure: "first estimate, published 2024-02-29".
  std::string Vintage() const;
};

struct ReferenceSeries {
  std::string file;     // as given to the loader; once the rules are built, BundledName of it
  std::string measure;  // "gdp"
  std::string unit;     // "EUR"
  std::vector<ReferenceRow> rows;  // in file order, one per year

  // The row for `year` known on `as_of` (published on or before it). nullptr: the figure is not
  // yet published at that date, which is never the same as zero.
  const ReferenceRow* Find(int year, Date as_of) const;
  // The row for `year` whatever its publication date; nullptr when the file has none.
  const ReferenceRow* Find(int year) const;
};

// Reads a series (CSV as `treaty import` reads it: empty lines skipped). Errors have `where`
// "FILE:LINE" and a message naming the column: a missing or unknown column, a duplicate year, a
// value that is not a whole number, a bad date, an empty status or source, a row with the wrong
// number of fields; a CSV syntax error (an unterminated quote, invalid UTF-8) is "FILE:LINE:COL".
Result<ReferenceSeries> ParseReferenceSeries(std::string_view contents, const std::string& file);
Result<ReferenceSeries> LoadReferenceSeries(const std::string& path);

}  // namespace treaty::evaluation
