// The server's own tables (accounts, reviews) on PostgreSQL: one connection, made again after it
// was lost, and the tables' creation. The SQLite counterpart is server_database.h.
#pragma once

#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "core/result.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::http {

class ServerPostgresDatabase {
 public:
  // Connects to `url` and, unless the table `probe_table` exists in the first schema of its
  // search_path, runs `schema` (idempotent DDL) in one transaction under an advisory lock, so
  // that processes starting at once create the tables once. With `create_missing` false a missing
  // `probe_table` is the error `missing_message` instead, and nothing is changed. Errors name
  // the URL without its password.
  static Result<std::unique_ptr<ServerPostgresDatabase>> Open(const std::string& url,
                                                              const char* schema,
                                                              const char* probe_table,
                                                              bool create_missing,
                                                              const std::string& missing_message);

  // Runs `body(pqxx::connection&)`, which returns a Result<T>, connecting again first if an
  // earlier call lost the connection; an exception becomes an Error whose where is `what`. Not
  // repeated: a change whose connection broke may have been committed. Not thread-safe.
  template <typename Body>
  auto Write(const std::string& what, Body&& body)
      -> decltype(body(std::declval<pqxx::connection&>())) {
    if (!connection_ || !connection_->is_open()) {
      Result<std::unique_ptr<pqxx::connection>> connected = store::ConnectPostgres(url_);
      if (!connected.ok()) return connected.error();
      connection_ = std::move(connected).value();
    }
    return store::Guarded(what, [&] { return body(*connection_); });
  }

  // Write for a body that only reads, run once more on a new connection when the connection was
  // lost (the server restarted, or ended the session) while it ran.
  template <typename Body>
  auto Read(const std::string& what, Body&& body)
      -> decltype(body(std::declval<pqxx::connection&>())) {
    auto result = Write(what, body);
    if (result.ok() || (connection_ && connection_->is_open())) return result;
    return Write(what, body);
  }

 private:
  ServerPostgresDatabase(std::string url, std::unique_ptr<pqxx::connection> connection)
      : url_(std::move(url)), connection_(std::move(connection)) {}

  std::string url_;
  std::unique_ptr<pqxx::connection> connection_;
};

}  // namespace treaty::http
