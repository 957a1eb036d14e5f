#include "views/http/review_store.h"

#include "evaluation/instant.h"
#include "views/http/ledger_database.h"
#include "views/http/review_tables.h"

namespace treaty::http {

Result<std::unique_ptr<ReviewStore>> ReviewStore::Open(const std::string& db,
                                                       const std::string& agreement) {
  Result<std::unique_ptr<ReviewTables>> tables =
      IsPostgresUrl(db) ? OpenPostgresReviewTables(db) : OpenSqliteReviewTables(db);
  if (!tables.ok()) return tables.error();
  return std::unique_ptr<ReviewStore>(new ReviewStore(std::move(tables).value(), agreement));
}

ReviewStore::ReviewStore(std::unique_ptr<ReviewTables> tables, std::string agreement)
    : tables_(std::move(tables)), agreement_(std::move(agreement)) {}

ReviewStore::~ReviewStore() = default;

Result<StoredReview> ReviewStore::Add(const std::string& commitment, const nlohmann::json& entry,
                                      const std::string& reviewer) {
  StoredReview review{0, commitment, entry, reviewer, evaluation::CurrentInstant().ToUtcString()};
  const ReviewRow row{0, commitment, entry.dump(), reviewer, review.reviewed_at};
  std::lock_guard lock(mutex_);
  Result<int64_t> number = tables_->Insert(agreement_, row);
  if (!number.ok()) return number.error();
  review.number = number.value();
  return review;
}

Result<std::vector<StoredReview>> ReviewStore::List(const std::string& commitment) {
  Result<std::vector<ReviewRow>> rows = [&] {
    std::lock_guard lock(mutex_);
    return tables_->List(agreement_, commitment);
  }();
  if (!rows.ok()) return rows.error();
  std::vector<StoredReview> reviews;
  for (ReviewRow& row : rows.value()) {
    nlohmann::json entry = nlohmann::json::parse(row.entry, nullptr, false);
    if (entry.is_discarded()) {
      return Error{
          "review " + std::to_string(row.number) + " is stored as something other than JSON",
          "reviews"};
    }
    reviews.push_back({row.number, std::move(row.commitment), std::move(entry),
                       std::move(row.reviewer), std::move(row.reviewed_at)});
  }
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
