// The PostgreSQL server of the tests: scripts/start-postgres.sh starts a throwaway one and
// scripts/test.sh passes its URL in TREATY_TEST_POSTGRES_URL. Each test gets a fresh schema of its
// own (PostgresTestSchema), so tests never see each other's rows. Without the variable (the tests
// run by hand) every PostgreSQL test is skipped with a message saying how to start a server; with
// it set, a server that cannot be reached is a failure.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <pqxx/pqxx>
#include <string>

namespace treaty::test {

inline constexpr const char* kPostgresUrlVariable = "TREATY_TEST_POSTGRES_URL";

// The server's URL; empty when the variable is unset or empty.
inline std::string TestPostgresUrl() {
  const char* url = std::getenv(kPostgresUrlVariable);
  return url == nullptr ? std::string() : std::string(url);
}

// Why PostgreSQL tests are skipped without the variable.
inline constexpr const char* kNoPostgresMessage =
    "TREATY_TEST_POSTGRES_URL is not set, so the PostgreSQL tests are skipped: start a server "
    "with\n"
    "  eval \"$(scripts/start-postgres.sh)\"\n"
    "then run the tests, and stop it with scripts/stop-postgres.sh \"$TREATY_POSTGRES_DIR\" "
    "(scripts/test.sh does all of this)";

// A schema created for one test and dropped with everything in it at destruction. url() selects it
// through the connection's search_path, so a store opened on url() puts its tables there. Made in
// a test's SetUp without a server URL, it marks the test skipped and is neither ok() nor
// configured(); with a URL it cannot use, it records a failure and is not ok().
class PostgresTestSchema {
 public:
  PostgresTestSchema() {
    const std::string base = TestPostgresUrl();
    if (base.empty()) {
      SkipWithoutServer();
      return;
    }
    static std::atomic<int> counter{0};
    name_ = "test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           name_;
    try {
      admin_ = std::make_unique<pqxx::connection>(base);
      pqxx::nontransaction session(*admin_);
      session.exec0("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
      session.exec0("CREATE SCHEMA " + name_);
      session.exec0("SET search_path = " + name_);
    } catch (const std::exception& error) {
      ADD_FAILURE() << "cannot create a schema on " << base << ": " << error.what();
      admin_.reset();
    }
  }
  ~PostgresTestSchema() {
    if (!admin_) return;
    try {
      pqxx::nontransaction session(*admin_);
      session.exec0("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception& error) {
      ADD_FAILURE() << "cannot drop schema " << name_ << ": " << error.what();
    }
  }
  PostgresTestSchema(const PostgresTestSchema&) = delete;
  PostgresTestSchema& operator=(const PostgresTestSchema&) = delete;

  // False when there is no server (a failure is already recorded).
  bool ok() const { return admin_ != nullptr; }
  // False when TREATY_TEST_POSTGRES_URL is unset: the caller skips.
  bool configured() const { return !url_.empty(); }
  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }
  // A connection of the test's own, with the schema as its search_path. REQUIRES: ok().
  pqxx::connection& admin() { return *admin_; }

  // url() with an application name of this test's own, which EndSessionsOf finds.
  std::string UrlOf(const std::string& client) const {
    return url_ + "&application_name=" + name_ + "_" + client;
  }
  // Ends, as a restart of the server would, every session opened with UrlOf(client); how many.
  // REQUIRES: ok().
  int EndSessionsOf(const std::string& client) {
    pqxx::nontransaction session(*admin_);
    return session
        .exec_params1(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
            "application_name = $1",
            name_ + "_" + client)[0]
        .as<int>();
  }

 private:
  // Marks the running test skipped: its body does not run once SetUp returns.
  static void SkipWithoutServer() { GTEST_SKIP() << kNoPostgresMessage; }

  std::string name_;
  std::string url_;
  std::unique_ptr<pqxx::connection> admin_;
};

}  // namespace treaty::test
