#include "views/http/review_store.h"

#include "evaluation/instant.h"
#include "store/sqlite/sqlite_statement.h"
#include "views/http/server_database.h"

namespace treaty::http {
namespace {

constexpr const char* kWhat = "reviews";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS http_reviews (
  number INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement TEXT NOT NULL,
  commitment TEXT NOT NULL,
  entry TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  reviewed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS http_reviews_by_commitment
  ON http_reviews(agreement, commitment, number);
)sql";

}  // namespace

Result<std::unique_ptr<ReviewStore>> ReviewStore::Open(const std::string& path,
                                                       const std::string& agreement) {
  Result<store::DatabaseHandle> db = OpenServerDatabase(path, kSchema, "review");
  if (!db.ok()) return db.error();
  return std::unique_ptr<ReviewStore>(new ReviewStore(std::move(db).value(), agreement));
}

Result<StoredReview> ReviewStore::Add(const std::string& commitment, const nlohmann::json& entry,
                                      const std::string& reviewer) {
  StoredReview review{0, commitment, entry, reviewer, evaluation::CurrentInstant().ToUtcString()};
  const std::string text = entry.dump();
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> insert = PrepareStatement(
      db_.get(),
      "INSERT INTO http_reviews (agreement, commitment, entry, reviewer, reviewed_at) "
      "VALUES (?, ?, ?, ?, ?)",
      kWhat);
  if (!insert.ok()) return insert.error();
  store::Binder binder(insert.value().get());
  binder.Text(agreement_).Text(commitment).Text(text).Text(reviewer).Text(review.reviewed_at);
  if (!binder.ok() || sqlite3_step(insert.value().get()) != SQLITE_DONE) {
    return DatabaseError(db_.get(), "add review", kWhat);
  }
  review.number = sqlite3_last_insert_rowid(db_.get());
  return review;
}

Result<std::vector<StoredReview>> ReviewStore::List(const std::string& commitment) {
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> select =
      PrepareStatement(db_.get(),
                       "SELECT number, commitment, entry, reviewer, reviewed_at FROM http_reviews "
                       "WHERE agreement = ?1 AND (?2 = '' OR commitment = ?2) ORDER BY number",
                       kWhat);
  if (!select.ok()) return select.error();
  sqlite3_stmt* statement = select.value().get();
  if (!store::Binder(statement).Text(agreement_).Text(commitment).ok()) {
    return DatabaseError(db_.get(), "list reviews", kWhat);
  }
  std::vector<StoredReview> reviews;
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    nlohmann::json entry = nlohmann::json::parse(ColumnText(statement, 2), nullptr, false);
    if (entry.is_discarded()) {
      return Error{"review " + std::to_string(sqlite3_column_int64(statement, 0)) +
                       " is stored as something other than JSON",
                   kWhat};
    }
    reviews.push_back({sqlite3_column_int64(statement, 0), ColumnText(statement, 1),
                       std::move(entry), ColumnText(statement, 3), ColumnText(statement, 4)});
  }
  if (rc != SQLITE_DONE) return DatabaseError(db_.get(), "list reviews", kWhat);
  return reviews;
}

nlohmann::json StoredReviewJson(const StoredReview& review) {
  return {{"number", review.number},
          {"commitment", review.commitment},
          {"reviewer", review.reviewer},
          {"reviewed_at", review.reviewed_at},
          {"entry", review.entry}};
}

}  // namespace treaty::http
