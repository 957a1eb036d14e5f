// The rows of the server's reviews (review_store.h), kept in an SQLite file or in a PostgreSQL
// database (the same table in both); the entry is stored as the JSON text it was given as.
//
// Not thread-safe: ReviewStore serialises the calls.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace treaty::http {

struct ReviewRow {
  int64_t number = 0;
  std::string commitment;
  std::string entry;  // JSON text
  std::string reviewer;
  std::string reviewed_at;
};

class ReviewTables {
 public:
  virtual ~ReviewTables() = default;

  // Adds a row (its number left out) of `agreement`, durably; the number it was given.
  virtual Result<int64_t> Insert(const std::string& agreement, const ReviewRow& row) = 0;
  // The rows of `agreement` about `commitment` (about every commitment when empty), by number.
  virtual Result<std::vector<ReviewRow>> List(const std::string& agreement,
                                              const std::string& commitment) = 0;
};

// The table in the SQLite file `path` (":memory:" gives a private one), created when missing.
Result<std::unique_ptr<ReviewTables>> OpenSqliteReviewTables(const std::string& path);

// The table in the first schema of the search_path of the PostgreSQL server at `url`, created
// when missing.
Result<std::unique_ptr<ReviewTables>> OpenPostgresReviewTables(const std::string& url);

}  // namespace treaty::http
