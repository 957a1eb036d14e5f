// The review table in an SQLite file (review_tables.h).
#include "views/http/review_tables.h"

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

class SqliteReviewTables : public ReviewTables {
 public:
  explicit SqliteReviewTables(store::DatabaseHandle db) : db_(std::move(db)) {}

  Result<int64_t> Insert(const std::string& agreement, const ReviewRow& row) override {
    Result<store::StatementHandle> insert = PrepareStatement(
        db_.get(),
        "INSERT INTO http_reviews (agreement, commitment, entry, reviewer, reviewed_at) "
        "VALUES (?, ?, ?, ?, ?)",
        kWhat);
    if (!insert.ok()) return insert.error();
    store::Binder binder(insert.value().get());
    binder.Text(agreement)
        .Text(row.commitment)
        .Text(row.entry)
        .Text(row.reviewer)
        .Text(row.reviewed_at);
    if (!binder.ok() || sqlite3_step(insert.value().get()) != SQLITE_DONE) {
      return DatabaseError(db_.get(), "add review", kWhat);
    }
    return sqlite3_last_insert_rowid(db_.get());
  }

  Result<std::vector<ReviewRow>> List(const std::string& agreement,
                                      const std::string& commitment) override {
    Result<store::StatementHandle> select = PrepareStatement(
        db_.get(),
        "SELECT number, commitment, entry, reviewer, reviewed_at FROM http_reviews "
        "WHERE agreement = ?1 AND (?2 = '' OR commitment = ?2) ORDER BY number",
        kWhat);
    if (!select.ok()) return select.error();
    sqlite3_stmt* statement = select.value().get();
    if (!store::Binder(statement).Text(agreement).Text(commitment).ok()) {
      return DatabaseError(db_.get(), "list reviews", kWhat);
    }
    std::vector<ReviewRow> rows;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      rows.push_back({sqlite3_column_int64(statement, 0), store::ColumnText(statement, 1),
                      store::ColumnText(statement, 2), store::ColumnText(statement, 3),
                      store::ColumnText(statement, 4)});
    }
    if (rc != SQLITE_DONE) return DatabaseError(db_.get(), "list reviews", kWhat);
    return rows;
  }

 private:
  store::DatabaseHandle db_;
};

}  // namespace

Result<std::unique_ptr<ReviewTables>> OpenSqliteReviewTables(const std::string& path) {
  Result<store::DatabaseHandle> db = OpenServerDatabase(path, kSchema, "review");
  if (!db.ok()) return db.error();
  return std::unique_ptr<ReviewTables>(new SqliteReviewTables(std::move(db).value()));
}

}  // namespace treaty::http
