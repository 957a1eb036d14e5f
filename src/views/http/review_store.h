// Reviews of commitments made on the server by reviewers: each one decision in the form of a line
// of the agreement's review file (commitments/review.h), with who made it and when, kept in the
// table http_reviews beside the accounts (review_tables.h: SQLite or PostgreSQL). They are
// proposals for the review file, which stays what the commitments are read with: GET
// /api/v1/reviews?format=jsonl gives lines to add to it.
//
// Thread-safe: one connection behind a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace treaty::http {

class ReviewTables;

struct StoredReview {
  int64_t number = 0;  // 1, 2, … in the order reviews were made
  std::string commitment;
  nlohmann::json entry;  // a review-file line; checked by commitments::CheckReviewEntry
  std::string reviewer;
  std::string reviewed_at;  // RFC 3339, UTC, to the second
};

class ReviewStore {
 public:
  // Opens (creating when missing) the table in `db`, an SQLite file or a `postgresql://` URL, for
  // the reviews of `agreement`'s commitments (ids repeat across agreements). Errors: the
  // database's.
  static Result<std::unique_ptr<ReviewStore>> Open(const std::string& db,
                                                   const std::string& agreement);
  ~ReviewStore();

  // Stores a checked `entry` about `commitment` by `reviewer`, durably, and returns it numbered.
  Result<StoredReview> Add(const std::string& commitment, const nlohmann::json& entry,
                           const std::string& reviewer);
  // Reviews of `commitment`, oldest first; of every commitment when `commitment` is empty.
  Result<std::vector<StoredReview>> List(const std::string& commitment);

 private:
  ReviewStore(std::unique_ptr<ReviewTables> tables, std::string agreement);

  std::mutex mutex_;
  std::unique_ptr<ReviewTables> tables_;
  const std::string agreement_;
};

// {"number", "commitment", "reviewer", "reviewed_at", "entry"}.
nlohmann::json StoredReviewJson(const StoredReview& review);

}  // namespace treaty::http
