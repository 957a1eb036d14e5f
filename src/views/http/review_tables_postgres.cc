// The review table on PostgreSQL (review_tables.h), beside the accounts.
#include <pqxx/pqxx>

#include "views/http/review_tables.h"
#include "views/http/server_database_postgres.h"

namespace treaty::http {
namespace {

constexpr const char* kWhat = "reviews";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS http_reviews (
  number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement text NOT NULL,
  commitment text NOT NULL,
  entry text NOT NULL,
  reviewer text NOT NULL,
  reviewed_at text NOT NULL
);
CREATE INDEX IF NOT EXISTS http_reviews_by_commitment
  ON http_reviews (agreement, commitment, number);
)sql";

class PostgresReviewTables : public ReviewTables {
 public:
  explicit PostgresReviewTables(std::unique_ptr<ServerPostgresDatabase> database)
      : database_(std::move(database)) {}

  Result<int64_t> Insert(const std::string& agreement, const ReviewRow& row) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) {
      pqxx::work work(connection);
      const pqxx::row number = work.exec_params1(
          "INSERT INTO http_reviews (agreement, commitment, entry, reviewer, reviewed_at) "
          "VALUES ($1, $2, $3, $4, $5) RETURNING number",
          agreement, row.commitment, row.entry, row.reviewer, row.reviewed_at);
      work.commit();
      return Result<int64_t>(number[0].as<int64_t>());
    });
  }

  Result<std::vector<ReviewRow>> List(const std::string& agreement,
                                      const std::string& commitment) override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      std::vector<ReviewRow> rows;
      for (const pqxx::row& row : session.exec_params(
               "SELECT number, commitment, entry, reviewer, reviewed_at FROM http_reviews "
               "WHERE agreement = $1 AND ($2 = '' OR commitment = $2) ORDER BY number",
               agreement, commitment)) {
        rows.push_back({row[0].as<int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                        row[3].as<std::string>(), row[4].as<std::string>()});
      }
      return Result<std::vector<ReviewRow>>(std::move(rows));
    });
  }

 private:
  std::unique_ptr<ServerPostgresDatabase> database_;
};

}  // namespace

Result<std::unique_ptr<ReviewTables>> OpenPostgresReviewTables(const std::string& url) {
  Result<std::unique_ptr<ServerPostgresDatabase>> database =
      ServerPostgresDatabase::Open(url, kSchema, "http_reviews", true, "");
  if (!database.ok()) return database.error();
  return std::unique_ptr<ReviewTables>(new PostgresReviewTables(std::move(database).value()));
}

}  // namespace treaty::http
