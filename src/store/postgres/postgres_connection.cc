#include "store/postgres/postgres_connection.h"

#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "text/percent_decoding.h"

namespace treaty::store {

std::string RedactPostgresUrl(std::string_view url) {
  std::string redacted(url);
  const size_t scheme = redacted.find("://");
  if (scheme == std::string::npos) return redacted;
  const size_t authority = scheme + 3;
  // libpq reads the user info up to an '@' met before any '/', so a password may hold a '?'.
  const size_t at_or_slash = redacted.find_first_of("@/", authority);
  if (at_or_slash != std::string::npos && redacted[at_or_slash] == '@') {
    if (const size_t colon = redacted.find(':', authority); colon < at_or_slash) {
      redacted.replace(colon + 1, at_or_slash - colon - 1, "***");
    }
  }
  // The parameters follow the host; the user info, redacted or none, ends at its '@'.
  const size_t at = redacted.find_first_of("@/", authority);
  const size_t host = at != std::string::npos && redacted[at] == '@' ? at + 1 : authority;
  // libpq also takes passwords as parameters: "password=…" and "sslpassword=…".
  const size_t query = redacted.find('?', host);
  for (size_t from = query; from != std::string::npos; from = redacted.find('&', from + 1)) {
    const size_t equals = redacted.find('=', from + 1);
    const size_t next = redacted.find('&', from + 1);
    if (equals == std::string::npos || (next != std::string::npos && equals > next)) continue;
    // libpq decodes a parameter's name; one that does not decode is compared as written.
    const std::string_view written = std::string_view(redacted).substr(from + 1, equals - from - 1);
    std::string name;
    if (text::DecodePercents(written, false, name) != text::PercentDecoding::kDecodes) {
      name = std::string(written);
    }
    if (name != "password" && name != "sslpassword") continue;
    redacted.replace(equals + 1, (next == std::string::npos ? redacted.size() : next) - equals - 1,
                     "***");
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
  // A connection lost in use: libpqxx's words ("Could not obtain client encoding: not
  // connected.") say nothing of what happened. One that could not be made says why already.
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr &&
      !message.starts_with("connection to server") && !message.starts_with("could not")) {
    message =
        "the connection to the server was lost (it stopped or restarted; run the command "
        "again): " +
        message;
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
