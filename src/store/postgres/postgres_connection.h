// Connections to the PostgreSQL server of the ledger store (docs/ledger-format.md §6.3, §6.4).
// libpqxx reports failures as exceptions; they are caught in src/store/postgres/ and leave it as
// Errors. A connection is not thread safe: one per thread.
#pragma once

#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treaty::store {

// How long a writer waits for an agreement's lock row before it gives up ("the ledger is busy"),
// the same 60 s as SQLite's busy timeout.
inline constexpr std::string_view kPostgresLockTimeout = "60s";

// How long a connection attempt waits for an unreachable server before it fails, unless the URL
// (`connect_timeout`) or the environment (`PGCONNECT_TIMEOUT`) says otherwise: libpq's own
// default is to wait for as long as the operating system does, minutes, with a store's lock held.
inline constexpr int kPostgresConnectTimeoutSeconds = 10;

// `url` with connect_timeout = kPostgresConnectTimeoutSeconds added when neither it nor
// PGCONNECT_TIMEOUT sets one; a URL ("postgresql://…") takes it as a query parameter, a
// "key=value …" string as one more pair.
std::string WithConnectTimeout(const std::string& url);

// Opens a connection to `url`, a libpq connection string ("postgresql://user@host:port/db", which
// may carry "?options=-csearch_path%3Dname" to place the tables in another schema), with
// WithConnectTimeout, and sets synchronous_commit = on (overriding the server's setting) and
// lock_timeout. Errors name the URL without its password (Error::where) and carry the server's
// message.
Result<std::unique_ptr<pqxx::connection>> ConnectPostgres(const std::string& url);

// `url` with the password of its user info and of its `password` parameter, if any, replaced by
// "***", for messages.
std::string RedactPostgresUrl(std::string_view url);

// The Error for an exception thrown by libpqxx (or by code inside a transaction): the first line of
// its message, where = `where`; a lock timeout (SQLSTATE 55P03) reads "the ledger is busy".
Error PostgresError(const std::exception& error, std::string where);

// Runs `body` (returning a Result<T>) and returns its result, an exception turned into
// PostgresError, and an error without a `where` given `where`.
template <typename Body>
auto Guarded(const std::string& where, Body&& body) -> decltype(body()) {
  try {
    auto result = body();
    if (!result.ok() && result.error().where.empty()) return Error{result.error().message, where};
    return result;
  } catch (const std::exception& error) {
    return PostgresError(error, where);
  }
}

}  // namespace treaty::store
