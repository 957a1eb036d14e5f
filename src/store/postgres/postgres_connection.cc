#include "store/postgres/postgres_connection.h"

#include <cstdlib>
#include <utility>

#include <fmt/format.h>

namespace treaty::store {

std::string RedactPostgresUrl(std::string_view url) {
  std::string redacted(url);
  const size_t scheme = redacted.find("://");
  if (scheme == std::string::npos) return redacted;
  const size_t authority = scheme + 3;
  const size_t query = redacted.find('?', authority);
  const size_t at = redacted.find('@', authority);
  const size_t slash = redacted.find('/', authority);
  const size_t colon = redacted.find(':', authority);
  if (at != std::string::npos && (slash == std::string::npos || at < slash) &&
      (query == std::string::npos || at < query) && colon != std::string::npos && colon < at) {
    redacted.replace(colon + 1, at - colon - 1, "***");
  }
  // libpq also takes the password as a parameter: "?password=…" or "&password=…".
  for (size_t from = redacted.find('?', authority); from != std::string::npos;
       from = redacted.find('&', from + 1)) {
    if (redacted.compare(from + 1, 9, "password=") != 0) continue;
    const size_t value = from + 10;
    const size_t end = redacted.find('&', value);
    redacted.replace(value, (end == std::string::npos ? redacted.size() : end) - value, "***");
  }
  return redacted;
}

Error PostgresError(const std::exception& error, std::string where) {
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error);
      sql != nullptr && sql->sqlstate() == "55P03") {
    return Error{"the ledger is busy", std::move(where)};
  }
  std::string message = error.what();
  if (const size_t end = message.find('\n'); end != std::string::npos) message.resize(end);
  for (const char* level : {"ERROR:  ", "FATAL:  "}) {
    if (message.rfind(level, 0) == 0) message.erase(0, 8);
  }
  return Error{std::move(message), std::move(where)};
}

std::string WithConnectTimeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos || std::getenv("PGCONNECT_TIMEOUT")) {
    return url;
  }
  const std::string setting = fmt::format("connect_timeout={}", kPostgresConnectTimeoutSeconds);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    const char* separator = url.find('?') == std::string::npos         ? "?"
                            : url.ends_with('?') || url.ends_with('&') ? ""
                                                                       : "&";
    return url + separator + setting;
  }
  return url.empty() ? setting : url + " " + setting;
}

Result<std::unique_ptr<pqxx::connection>> ConnectPostgres(const std::string& url) {
  try {
    auto connection = std::make_unique<pqxx::connection>(WithConnectTimeout(url));
    // set_variable, not SET: libpqxx restores these when it reconnects a broken connection itself.
    connection->set_variable("synchronous_commit", "on");
    connection->set_variable("lock_timeout", "'" + std::string(kPostgresLockTimeout) + "'");
    return connection;
  } catch (const std::exception& error) {
    return PostgresError(error, RedactPostgresUrl(url));
  }
}

}  // namespace treaty::store
