// The PostgreSQL ledger store (src/store/postgres, docs/ledger-format.md §6) against the server of
// TREATY_TEST_POSTGRES_URL, each test in a schema of its own: the column types of §6.1, the
// append-only triggers and REVOKEs of §6.5, the session settings of §6.4, the lock row of §6.3
// under concurrent writers, and appends, idempotency and proofs through the shared code.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/ledger_store.h"
#include "ledger/merkle_tree.h"
#include "ledger/stored_records.h"
#include "ledger/timestamp.h"
#include "ledger/tree_head.h"
#include "ledger/uuid.h"
#include "ledger/verify.h"
#include "ledger_postgres_test_server.h"
#include "ledger_store_contract.h"
#include "ledger_test_util.h"
#include "merkle_reference.h"
#include "store/postgres/append_transaction_postgres.h"
#include "store/postgres/ledger_store_postgres.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::store {
namespace {

using ledger::Hash;

constexpr const char* kAgreement = "lv-ua-2024";

class PostgresLedgerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = std::make_unique<test::PostgresTestSchema>();
    if (!schema_->configured()) GTEST_SKIP();  // the schema recorded why
    if (!schema_->ok()) GTEST_FAIL() << "no PostgreSQL server for this test";
  }

  // A store of its own connection on the test's schema; with a `client` name, one whose sessions
  // EndSessionsOf(client) ends.
  std::unique_ptr<PostgresLedgerStore> OpenStore(const std::string& client = "") {
    Result<std::unique_ptr<PostgresLedgerStore>> store =
        PostgresLedgerStore::Open(client.empty() ? schema_->url() : schema_->UrlOf(client));
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs `sql` on the test's own connection; the server's message, or "" when it succeeded.
  std::string Run(const std::string& sql) {
    try {
      pqxx::nontransaction session(schema_->admin());
      session.exec0(sql);
      return "";
    } catch (const std::exception& error) {
      return error.what();
    }
  }

  std::string Scalar(const std::string& sql) {
    pqxx::nontransaction session(schema_->admin());
    return session.exec1(sql)[0].as<std::string>();
  }

  std::unique_ptr<test::PostgresTestSchema> schema_;
};

// An `events` row for leaf `leaf_index`, as the append transaction would make it.
ledger::StoredEvent MakeRow(int64_t leaf_index, const std::string& recorded_at) {
  ledger::Event event;
  event.id = ledger::NewUuidsV7(*ledger::ParseTimestamp(recorded_at) / 1000, 1).front();
  event.agreement = kAgreement;
  event.content.type = ledger::EventType::kDisbursement;
  event.content.participant = "LV";
  event.content.date = "2024-05-01";
  event.content.commitments = {"sec_2__hcontainer_1__para_2__sent_1"};
  event.content.amount = ledger::Money{"EUR", 100 + leaf_index};
  event.content.description = "payment " + std::to_string(leaf_index);
  event.classification = "public";
  event.idempotency_key = "test/" + std::to_string(leaf_index);
  event.recorded_at = recorded_at;
  event.recorded_by = {"lv-mod", "tester"};
  Result<ledger::StoredEvent> row = ledger::MakeStoredEvent(event, leaf_index);
  EXPECT_TRUE(row.ok()) << row.error().ToString();
  return row.value();
}

TEST_F(PostgresLedgerStoreTest, CreatesTheTablesOfSection61WithPostgresTypes) {
  ASSERT_NE(OpenStore(), nullptr);
  std::set<std::string> found;
  {
    pqxx::nontransaction session(schema_->admin());
    const pqxx::result columns = session.exec_params(
        "SELECT table_name || '.' || column_name || ' ' || data_type "
        "FROM information_schema.columns WHERE table_schema = $1 "
        "ORDER BY table_name, ordinal_position",
        schema_->name());
    for (const pqxx::row& row : columns) found.insert(row[0].as<std::string>());
  }
  for (const char* expected : {"ledger_schema.version integer",
                               "ledgers.agreement text",
                               "ledgers.tree_size bigint",
                               "ledgers.root_hash bytea",
                               "ledgers.last_recorded_at text",
                               "events.leaf_index bigint",
                               "events.id uuid",
                               "events.fact_date date",
                               "events.recorded_at timestamp with time zone",
                               "events.corrects uuid",
                               "events.content_hash bytea",
                               "events.leaf_hash bytea",
                               "events.canonical bytea",
                               "event_commitments.commitment_id text",
                               "tree_heads.timestamp text",
                               "tree_heads.head bytea",
                               "tree_heads.signature bytea",
                               "tree_nodes.level integer",
                               "tree_nodes.node_index bigint",
                               "tree_nodes.hash bytea",
                               "tree_nodes.children bytea"}) {
    EXPECT_TRUE(found.count(expected)) << expected;
  }
  EXPECT_EQ(Scalar("SELECT version FROM ledger_schema"), "1");
}

TEST_F(PostgresLedgerStoreTest, OpeningAgainKeepsTheSchemaAndRejectsAnotherVersion) {
  ASSERT_NE(OpenStore(), nullptr);
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(Scalar("SELECT count(*) FROM ledger_schema"), "1");
  ASSERT_EQ(Run("UPDATE ledger_schema SET version = 2"), "");
  Result<std::unique_ptr<PostgresLedgerStore>> store = PostgresLedgerStore::Open(schema_->url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message, "the ledger schema has version 2; this program reads version 1");
}

TEST_F(PostgresLedgerStoreTest, ConcurrentOpensCreateTheSchemaOnce) {
  std::vector<std::thread> threads;
  std::vector<std::string> errors(4);
  for (size_t i = 0; i < errors.size(); ++i) {
    threads.emplace_back([&, i] {
      Result<std::unique_ptr<PostgresLedgerStore>> store =
          PostgresLedgerStore::Open(schema_->url());
      if (!store.ok()) errors[i] = store.error().ToString();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  EXPECT_EQ(Scalar("SELECT count(*) FROM ledger_schema"), "1");
}

TEST_F(PostgresLedgerStoreTest, SessionsRunWithSynchronousCommitOnWhateverTheUrlSays) {
  Result<std::unique_ptr<pqxx::connection>> connection =
      ConnectPostgres(schema_->url() + "%20-csynchronous_commit%3Doff");
  ASSERT_TRUE(connection.ok()) << connection.error().ToString();
  pqxx::nontransaction session(*connection.value());
  EXPECT_EQ(session.exec1("SHOW synchronous_commit")[0].as<std::string>(), "on");
  EXPECT_EQ(session.exec1("SHOW fsync")[0].as<std::string>(), "on");
  EXPECT_EQ(session.exec1("SHOW lock_timeout")[0].as<std::string>(), "1min");
}

// Connections are made with connect_timeout=10 (a server that does not answer fails a connection
// after 10 s, not after the operating system's minutes) unless the URL says otherwise.
TEST_F(PostgresLedgerStoreTest, UrlsGetATenSecondConnectTimeoutUnlessTheyGiveOne) {
  unsetenv("PGCONNECT_TIMEOUT");
  EXPECT_EQ(WithConnectTimeout("postgresql://u@h:1/d"), "postgresql://u@h:1/d?connect_timeout=10");
  EXPECT_EQ(WithConnectTimeout("postgresql://h/d?options=-cx%3Dy"),
            "postgresql://h/d?options=-cx%3Dy&connect_timeout=10");
  EXPECT_EQ(WithConnectTimeout("postgresql://h/d?connect_timeout=3"),
            "postgresql://h/d?connect_timeout=3");
  EXPECT_EQ(WithConnectTimeout("host=h dbname=d"), "host=h dbname=d connect_timeout=10");
  EXPECT_EQ(WithConnectTimeout("postgresql://h/d?"), "postgresql://h/d?connect_timeout=10");
  EXPECT_EQ(WithConnectTimeout("postgresql://h/d?sslmode=disable&"),
            "postgresql://h/d?sslmode=disable&connect_timeout=10");
  Result<std::unique_ptr<pqxx::connection>> connection = ConnectPostgres(schema_->url());
  ASSERT_TRUE(connection.ok()) << connection.error().ToString();
  EXPECT_NE(connection.value()->options().find("connect_timeout=10"), std::string::npos);
}

// No server is needed: these run wherever the tests run.
TEST(PostgresUrlTest, ErrorsNameTheServerWithoutThePassword) {
  EXPECT_EQ(RedactPostgresUrl("postgresql://u:secret@h:1/d"), "postgresql://u:***@h:1/d");
  EXPECT_EQ(RedactPostgresUrl("postgresql://u@h:1/d"), "postgresql://u@h:1/d");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h:1/d?x=a@b"), "postgresql://h:1/d?x=a@b");
  EXPECT_EQ(RedactPostgresUrl("postgresql://u@h:1/d?password=se%21cret&sslmode=disable"),
            "postgresql://u@h:1/d?password=***&sslmode=disable");
  EXPECT_EQ(RedactPostgresUrl("postgresql://u:a@h:1/d?options=-cx&password=b"),
            "postgresql://u:***@h:1/d?options=-cx&password=***");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/d?passwordless=1"),
            "postgresql://h/d?passwordless=1");
  // libpq reads a user info with '?' in it, and parameter names with escapes.
  EXPECT_EQ(RedactPostgresUrl("postgresql://u:pa?ss@h/d"), "postgresql://u:***@h/d");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/d?sslpassword=k&pass%77ord=p"),
            "postgresql://h/d?sslpassword=***&pass%77ord=***");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/d?passw%6Frd=p"), "postgresql://h/d?passw%6Frd=***");
  // A name that does not decode is compared as written: not a password.
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/d?pass%zzord=p"), "postgresql://h/d?pass%zzord=p");
  Result<std::unique_ptr<PostgresLedgerStore>> store =
      PostgresLedgerStore::Open("postgresql://treaty:secret@127.0.0.1:1/none");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().where, "postgresql://treaty:***@127.0.0.1:1/none");
}

TEST_F(PostgresLedgerStoreTest, LedgerTablesAreAppendOnly) {
  ASSERT_NE(OpenStore(), nullptr);
  const std::string recorded_at = "2025-01-15T09:30:00.123456Z";
  const ledger::StoredEvent row = MakeRow(0, recorded_at);
  {
    Result<std::unique_ptr<ledger::AppendTransaction>> append =
        PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
    ASSERT_TRUE(append.ok()) << append.error().ToString();
    ASSERT_TRUE(append.value()->InsertEvent(row, {"sec_2__hcontainer_1__para_2__sent_1"}).ok());
    ASSERT_TRUE(append.value()->InsertNode(kAgreement, {8, 0, row.leaf_hash, "children"}).ok());
    ledger::SignedTreeHead head;
    head.head = {kAgreement, 1, row.leaf_hash, recorded_at, "lv-mod", "00"};
    head.head_bytes = "{}";
    ASSERT_TRUE(append.value()->InsertHead(head).ok());
    ASSERT_TRUE(append.value()->Commit().ok());
  }
  for (const char* table : {"events", "event_commitments", "tree_heads", "tree_nodes"}) {
    SCOPED_TRACE(table);
    for (const std::string& statement :
         {std::string("UPDATE ") + table + " SET agreement = 'x'",
          std::string("DELETE FROM ") + table, std::string("TRUNCATE ") + table}) {
      EXPECT_NE(Run(statement).find("the ledger is append-only"), std::string::npos) << statement;
    }
    EXPECT_EQ(Scalar(std::string("SELECT count(*) FROM ") + table), "1");
    for (const char* privilege : {"UPDATE", "DELETE", "TRUNCATE"}) {
      EXPECT_EQ(Scalar(std::string("SELECT has_table_privilege('public', '") + table + "', '" +
                       privilege + "')::text"),
                "false")
          << privilege;
    }
  }
}

TEST_F(PostgresLedgerStoreTest, StoresRowsVerbatimAndReadsThemBack) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const std::string recorded_at = "2025-01-15T09:30:00.000001Z";
  ledger::StoredEvent row = MakeRow(0, recorded_at);
  row.canonical += std::string("\0\xff", 2);  // bytea keeps any byte, never re-encoded
  {
    Result<std::unique_ptr<ledger::AppendTransaction>> append =
        PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
    ASSERT_TRUE(append.ok()) << append.error().ToString();
    EXPECT_EQ(append.value()->state().tree_size, 0);
    EXPECT_EQ(append.value()->state().root_hash, ledger::Sha256(""));
    ASSERT_TRUE(append.value()->InsertEvent(row, {"b", "a"}).ok());
    Result<bool> again = append.value()->InsertEvent(row, {});
    ASSERT_TRUE(again.ok()) << again.error().ToString();
    EXPECT_FALSE(again.value()) << "a used id is reported, not an error";
    Result<std::map<std::string, ledger::StoredEvent>> by_key =
        append.value()->FindByIdempotencyKeys("lv-mod", {row.idempotency_key, "absent"});
    ASSERT_TRUE(by_key.ok()) << by_key.error().ToString();
    ASSERT_EQ(by_key.value().size(), 1u);
    EXPECT_EQ(by_key.value().at(row.idempotency_key).canonical, row.canonical);
    ASSERT_TRUE(append.value()->UpdateState({kAgreement, 1, row.leaf_hash, recorded_at}).ok());
    ASSERT_TRUE(append.value()->Commit().ok());
  }
  Result<std::optional<ledger::StoredEvent>> read = store->EventById(ledger::ToLowerAscii(row.id));
  ASSERT_TRUE(read.ok() && read.value()) << (read.ok() ? "missing" : read.error().ToString());
  const ledger::StoredEvent& back = *read.value();
  EXPECT_EQ(back.canonical, row.canonical);
  EXPECT_EQ(back.recorded_at, recorded_at);
  EXPECT_EQ(back.fact_date, "2024-05-01");
  EXPECT_EQ(back.corrects, "");
  EXPECT_EQ(back.leaf_hash, row.leaf_hash);
  EXPECT_EQ(back.content_hash, row.content_hash);
  Result<std::vector<ledger::EventCommitment>> commitments =
      store->ReadEventCommitments(kAgreement, std::nullopt, 10);
  ASSERT_TRUE(commitments.ok());
  ASSERT_EQ(commitments.value().size(), 2u);
  EXPECT_EQ(commitments.value()[0].commitment_id, "a");
  Result<std::optional<ledger::LedgerState>> state = store->State(kAgreement);
  ASSERT_TRUE(state.ok() && state.value());
  EXPECT_EQ(state.value()->tree_size, 1);
  EXPECT_EQ(state.value()->last_recorded_at, recorded_at);
  Result<std::vector<std::string>> ledgers = store->ListLedgers();
  ASSERT_TRUE(ledgers.ok());
  EXPECT_EQ(ledgers.value(), std::vector<std::string>{kAgreement});
  Result<std::optional<ledger::StoredEvent>> none = store->EventById("not-a-uuid");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value());
}

TEST_F(PostgresLedgerStoreTest, AnUncommittedTransactionLeavesNothing) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  {
    Result<std::unique_ptr<ledger::AppendTransaction>> append =
        PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
    ASSERT_TRUE(append.ok());
    ASSERT_TRUE(append.value()->InsertEvent(MakeRow(0, "2025-01-15T09:30:00.000000Z"), {}).ok());
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM events"), "0");
}

TEST_F(PostgresLedgerStoreTest, AWriterWaitingPastTheLockTimeoutIsTold) {
  ASSERT_NE(OpenStore(), nullptr);
  Result<std::unique_ptr<ledger::AppendTransaction>> holder =
      PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
  ASSERT_TRUE(holder.ok());
  pqxx::connection waiter(schema_->url() + "%20-clock_timeout%3D100ms");
  Result<std::unique_ptr<ledger::AppendTransaction>> blocked =
      PostgresAppendTransaction::Begin(waiter, kAgreement, "waiter");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().ToString(), "waiter: the ledger is busy");
}

// Six writers of twenty appends each, on connections of their own to `url`, each append at the
// size they read under the lock row: the tree never forks (leaf indexes 0 … N−1, each once) and
// no write is lost.
void ExpectWritersSerialise(const std::string& url,
                            const std::function<std::string(const std::string&)>& scalar) {
  constexpr int kWriters = 6;
  constexpr int kEach = 20;
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      pqxx::connection connection(url);
      for (int i = 0; i < kEach; ++i) {
        Result<std::unique_ptr<ledger::AppendTransaction>> append =
            PostgresAppendTransaction::Begin(connection, kAgreement, "writer");
        if (!append.ok()) {
          errors[w] = append.error().ToString();
          return;
        }
        const ledger::LedgerState state = append.value()->state();
        const std::string now = ledger::FormatTimestamp(ledger::NowMicros());
        ledger::StoredEvent row = MakeRow(state.tree_size, now);
        row.idempotency_key = "writer-" + std::to_string(w) + "/" + std::to_string(i);
        Result<bool> inserted = append.value()->InsertEvent(row, {});
        Result<bool> updated =
            append.value()->UpdateState({kAgreement, state.tree_size + 1, row.leaf_hash, now});
        Result<bool> committed = append.value()->Commit();
        if (!inserted.ok() || !updated.ok() || !committed.ok()) {
          errors[w] = "write failed at size " + std::to_string(state.tree_size);
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  const int total = kWriters * kEach;
  EXPECT_EQ(scalar("SELECT count(*) FROM events"), std::to_string(total));
  EXPECT_EQ(scalar("SELECT count(DISTINCT leaf_index) FROM events"), std::to_string(total));
  EXPECT_EQ(scalar("SELECT max(leaf_index) FROM events"), std::to_string(total - 1));
  EXPECT_EQ(scalar("SELECT tree_size FROM ledgers"), std::to_string(total));
}

TEST_F(PostgresLedgerStoreTest, TheLockRowSerialisesConcurrentTransactions) {
  ASSERT_NE(OpenStore(), nullptr);
  ExpectWritersSerialise(schema_->url(), [this](const std::string& sql) { return Scalar(sql); });
}

// §6.3: appends run at READ COMMITTED whatever the server's default; under REPEATABLE READ a writer
// that waited for the lock row would fail to serialize instead.
TEST_F(PostgresLedgerStoreTest, WritersSerialiseWhereTheDefaultIsRepeatableRead) {
  ASSERT_NE(OpenStore(), nullptr);
  const std::string repeatable =
      schema_->url() + "%20-cdefault_transaction_isolation%3Drepeatable%5C%20read";
  pqxx::connection probe(repeatable);
  ASSERT_EQ(
      pqxx::nontransaction(probe).exec1("SHOW default_transaction_isolation")[0].as<std::string>(),
      "repeatable read");
  ExpectWritersSerialise(repeatable, [this](const std::string& sql) { return Scalar(sql); });
}

// A committed id that a later transaction buffers again is caught by the unique index when the
// buffer is written (the COPY has no ON CONFLICT): the commit fails and nothing is written.
TEST_F(PostgresLedgerStoreTest, AnIdAlreadyCommittedFailsTheCommitAndWritesNothing) {
  ASSERT_NE(OpenStore(), nullptr);
  const ledger::StoredEvent first = MakeRow(0, "2025-01-15T09:30:00.000000Z");
  {
    Result<std::unique_ptr<ledger::AppendTransaction>> append =
        PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
    ASSERT_TRUE(append.ok());
    ASSERT_TRUE(append.value()->InsertEvent(first, {}).ok());
    ASSERT_TRUE(append.value()->Commit().ok());
  }
  ledger::StoredEvent again = MakeRow(1, "2025-01-15T09:30:00.000001Z");
  again.id = first.id;
  Result<std::unique_ptr<ledger::AppendTransaction>> append =
      PostgresAppendTransaction::Begin(schema_->admin(), kAgreement, "test");
  ASSERT_TRUE(append.ok());
  Result<bool> buffered = append.value()->InsertEvent(again, {"a"});
  ASSERT_TRUE(buffered.ok() && buffered.value());
  Result<bool> committed = append.value()->Commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_NE(committed.error().message.find("events_id_key"), std::string::npos)
      << committed.error().ToString();
  EXPECT_EQ(committed.error().where, "test");
  append.value().reset();
  EXPECT_EQ(Scalar("SELECT count(*) FROM events"), "1");
  EXPECT_EQ(Scalar("SELECT count(*) FROM event_commitments"), "0");
}

ledger::AppendRequest Request(std::vector<ledger::Event> events,
                              const std::string& institution = "lv-mod") {
  static const ledger::KeysFile keys = ledger::test::TestKeys();
  return ledger::test::AppendOf(std::move(events), keys, institution);
}

// A pooled store of the server outlives a restart of PostgreSQL: a read, a snapshot or an append
// that finds its connection lost runs again on a new one.
TEST_F(PostgresLedgerStoreTest, AStoreWhoseConnectionWasLostConnectsAgain) {
  std::unique_ptr<PostgresLedgerStore> opened = OpenStore("pooled");
  ASSERT_NE(opened, nullptr);
  PostgresLedgerStore& store = *opened;
  ASSERT_TRUE(store.Append(Request({ledger::test::Disbursement(1)})).ok());

  ASSERT_EQ(schema_->EndSessionsOf("pooled"), 1);
  Result<std::optional<ledger::LedgerState>> state = store.State(kAgreement);
  ASSERT_TRUE(state.ok()) << state.error().ToString();
  EXPECT_EQ(state.value()->tree_size, 1);

  ASSERT_EQ(schema_->EndSessionsOf("pooled"), 1);
  ASSERT_FALSE(store.BeginReadSnapshot().has_value());
  EXPECT_TRUE(store.ListLedgers().ok());
  store.EndReadSnapshot();

  ASSERT_EQ(schema_->EndSessionsOf("pooled"), 1);
  Result<ledger::AppendResult> appended = store.Append(Request({ledger::test::Disbursement(2)}));
  ASSERT_TRUE(appended.ok()) << appended.error().ToString();
  EXPECT_EQ(appended.value().state.tree_size, 2);
  EXPECT_EQ(Scalar("SELECT count(*) FROM events"), "2");
}

// A read inside a snapshot cannot be repeated on another connection: it fails, saying the
// connection was lost rather than in libpqxx's words.
TEST_F(PostgresLedgerStoreTest, AConnectionLostInsideASnapshotIsSaidSo) {
  std::unique_ptr<PostgresLedgerStore> opened = OpenStore("snapshot");
  ASSERT_NE(opened, nullptr);
  PostgresLedgerStore& store = *opened;
  ASSERT_TRUE(store.Append(Request({ledger::test::Disbursement(1)})).ok());
  ASSERT_FALSE(store.BeginReadSnapshot().has_value());
  ASSERT_EQ(schema_->EndSessionsOf("snapshot"), 1);
  Result<std::vector<std::string>> listed = store.ListLedgers();
  store.EndReadSnapshot();
  ASSERT_FALSE(listed.ok());
  EXPECT_NE(listed.error().message.find("the connection to the server was lost"), std::string::npos)
      << listed.error().ToString();
}

// Every column written by COPY reads back as the event says, NULLs included (a correction has no
// fact_date, other events no `corrects`), over one batch that completes a level-8 cache node:
// `treaty verify` checks each derived column against the canonical bytes.
TEST_F(PostgresLedgerStoreTest, ABatchWrittenByCopyVerifiesColumnByColumn) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<ledger::Event> events;
  for (int i = 0; i < 300; ++i) {
    events.push_back(ledger::test::Disbursement(i + 1, "batch/" + std::to_string(i), "lv-mod",
                                                i % 3 == 0 ? "restricted" : "public"));
  }
  Result<ledger::AppendResult> first = store->Append(Request(events));
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(first.value().added, 300);
  Result<ledger::AppendResult> correction =
      store->Append(Request({ledger::test::AmountCorrection(first.value().events[1].id, 9)}));
  ASSERT_TRUE(correction.ok()) << correction.error().ToString();
  EXPECT_EQ(Scalar("SELECT count(*) FROM tree_nodes WHERE level = 8"), "1");
  EXPECT_EQ(Scalar("SELECT count(*) FROM event_commitments"), "300");
  EXPECT_EQ(Scalar("SELECT count(*) FROM events WHERE fact_date IS NULL"), "1");
  EXPECT_EQ(Scalar("SELECT count(*) FROM events WHERE corrects IS NOT NULL"), "1");

  ledger::VerifyOptions options;
  const ledger::KeysFile keys = ledger::test::TestKeys();
  options.keys = &keys;
  Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
  EXPECT_EQ(report.value().events, 301);

  ledger::EventFilter filter;
  filter.agreement = kAgreement;
  filter.classification = "restricted";
  Result<std::vector<ledger::StoredEvent>> restricted = store->FindEvents(filter);
  ASSERT_TRUE(restricted.ok()) << restricted.error().ToString();
  EXPECT_EQ(restricted.value().size(), 100u);
}

// A hash or signature of the wrong size, stored by someone who lifted the append-only triggers,
// is named by `treaty verify` (as in SQLite), not reported as a failure to read the store. Each is
// one byte too long, then cut back, after which the ledger verifies again.
TEST_F(PostgresLedgerStoreTest, AHashOrSignatureOfTheWrongSizeIsNamedWhereItIsStored) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  // Completes the level-8 node 0.
  ASSERT_TRUE(store->Append(Request(ledger::test::Disbursements(1, 300))).ok());
  ASSERT_TRUE(store->Append(Request({ledger::test::Disbursement(301)})).ok());
  ledger::VerifyOptions options;
  const ledger::KeysFile keys = ledger::test::TestKeys();
  options.keys = &keys;
  for (const ledger::test::WrongSizeCase& c : ledger::test::kWrongSizeCases) {
    auto change = [&](const std::string& value) {
      return Run(
          fmt::format("ALTER TABLE {0} DISABLE TRIGGER USER; UPDATE {0} SET {1} = {2} WHERE {3}; "
                      "ALTER TABLE {0} ENABLE TRIGGER USER",
                      c.table, c.column, value, c.where));
    };
    ASSERT_EQ(change(fmt::format("{} || '\\x00'::bytea", c.column)), "") << c.column;
    for (const int64_t chunk : {1, 255, 10000}) {
      options.chunk = chunk;
      Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
      ASSERT_TRUE(report.ok()) << c.table << "." << c.column << ": " << report.error().ToString();
      EXPECT_EQ(report.value().mismatch_leaf, c.leaf) << c.column << " " << chunk;
      EXPECT_TRUE(ledger::test::MismatchStartsAs(report.value().mismatch, c.named))
          << chunk << ": " << report.value().mismatch;
    }
    ledger::test::ExpectHeadRefusedToProofs(*store, c, c.bytes + 1);
    ASSERT_EQ(change(fmt::format("substring({} from 1 for {})", c.column, c.bytes)), "");
    Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
    ASSERT_TRUE(report.ok()) << report.error().ToString();
    EXPECT_TRUE(report.value().ok())
        << c.table << "." << c.column << ": " << report.value().mismatch;
  }
  // An append and a proof build on the stored leaf hashes: they refuse one of the wrong size.
  ASSERT_EQ(Run("ALTER TABLE events DISABLE TRIGGER USER; UPDATE events SET leaf_hash = "
                "leaf_hash || '\\x00'::bytea WHERE leaf_index = 299; "
                "ALTER TABLE events ENABLE TRIGGER USER"),
            "");
  Result<std::vector<Hash>> path = store->InclusionPath(kAgreement, 299, 301);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.error().message, ledger::test::kWrongSizeLeafRefused);
  Result<ledger::AppendResult> appended = store->Append(Request({ledger::test::Disbursement(302)}));
  ASSERT_FALSE(appended.ok());
  EXPECT_EQ(appended.error().message, ledger::test::kWrongSizeLeafRefused);
  EXPECT_EQ(Scalar("SELECT tree_size FROM ledgers"), "301");
}

// As in SQLite: an events row outside the run of leaves is named, and an agreement without its
// `ledgers` row is still listed for verify.
TEST_F(PostgresLedgerStoreTest, RowsOutsideTheLedgerAreNotHiddenFromVerify) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Append(Request(ledger::test::Disbursements(1, 3))).ok());
  ledger::VerifyOptions options;
  const ledger::KeysFile keys = ledger::test::TestKeys();
  options.keys = &keys;
  const std::string forged = "01a24780-0000-7000-8000-000000000001";
  ASSERT_EQ(Run("INSERT INTO events (agreement, leaf_index, id, type, fact_date, recorded_at, "
                "institution, classification, corrects, idempotency_key, content_hash, "
                "leaf_hash, canonical) SELECT agreement, 50000, '" +
                forged +
                "', type, fact_date, recorded_at, institution, classification, corrects, "
                "'forged', content_hash, leaf_hash, canonical FROM events WHERE leaf_index = 0"),
            "");
  Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report.value().mismatch,
            "leaf 50000 (event " + forged + "): leaf indexes jump from 2 to 50000");
  ASSERT_EQ(Run("ALTER TABLE ledgers DISABLE TRIGGER USER; DELETE FROM ledgers; "
                "ALTER TABLE ledgers ENABLE TRIGGER USER"),
            "");
  EXPECT_EQ(store->ListLedgers().value(), std::vector<std::string>{kAgreement});
}

// A cached node's children (§6.6), as in SQLite: verify names them changed, a proof refuses them
// at the wrong size. A schema of an earlier version, without the column, gains it when opened; its
// nodes keep none and proofs read the level below them.
TEST_F(PostgresLedgerStoreTest, ACachedNodesChildrenAreCheckedAndASchemaWithoutThemGainsThem) {
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  // Completes the level-8 node 0.
  ASSERT_TRUE(store->Append(Request(ledger::test::Disbursements(1, 300))).ok());
  const std::vector<Hash> path = store->InclusionPath(kAgreement, 10, 300).value();
  EXPECT_EQ(Scalar("SELECT attstorage FROM pg_attribute WHERE attrelid = 'tree_nodes'::regclass "
                   "AND attname = 'children'"),
            "e");  // out of line, not compressed
  ASSERT_EQ(Run("ALTER TABLE tree_nodes DISABLE TRIGGER USER; UPDATE tree_nodes SET children = "
                "children || '\\x00'::bytea; ALTER TABLE tree_nodes ENABLE TRIGGER USER"),
            "");
  store = OpenStore();  // without the blocks the first store read (§6.6)
  ASSERT_NE(store, nullptr);
  Result<std::vector<Hash>> refused = store->InclusionPath(kAgreement, 10, 300);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "cached node (level 8, index 0) of lv-ua-2024: the stored children are 8193 bytes, not "
            "8192");
  ledger::VerifyOptions options;
  const ledger::KeysFile keys = ledger::test::TestKeys();
  options.keys = &keys;
  Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report.value().mismatch_leaf, 255);
  EXPECT_TRUE(ledger::test::MismatchStartsAs(
      report.value().mismatch,
      "leaf 255 (event %): cached node (level 8, index 0): its stored children differ"))
      << report.value().mismatch;

  store.reset();
  ASSERT_EQ(Run("ALTER TABLE tree_nodes DROP COLUMN children"), "");
  store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Scalar("SELECT count(*) FROM tree_nodes WHERE children IS NULL"), "1");
  EXPECT_EQ(store->InclusionPath(kAgreement, 10, 300).value(), path);
  // Completes node 1.
  ASSERT_TRUE(store->Append(Request(ledger::test::Disbursements(301, 300))).ok());
  EXPECT_EQ(Scalar("SELECT length(children) FROM tree_nodes WHERE node_index = 1"), "8192");
  report = ledger::VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
  const std::vector<Hash> leaves = store->LeafHashes(kAgreement, 0, 600).value();
  for (const int64_t leaf : {10, 300, 599}) {
    EXPECT_EQ(store->InclusionPath(kAgreement, leaf, 600).value(),
              ledger::InclusionProof(leaves, leaf, 600))
        << leaf;
  }
}

// A role that does not own the tables cannot add the children column to a schema of an earlier
// version: it is told to let the owner open the ledger once, and the schema stays as it was.
TEST_F(PostgresLedgerStoreTest, ARoleNotOwningTheTablesIsToldToLetTheOwnerAddTheChildren) {
  ASSERT_NE(OpenStore(), nullptr);
  ASSERT_EQ(Run("ALTER TABLE tree_nodes DROP COLUMN children"), "");
  const std::string role = schema_->name() + "_writer";
  ASSERT_EQ(Run(fmt::format("CREATE ROLE {0} LOGIN; GRANT USAGE ON SCHEMA {1} TO {0}; GRANT "
                            "SELECT, INSERT ON ALL TABLES IN SCHEMA {1} TO {0}",
                            role, schema_->name())),
            "");
  std::string url = schema_->url();
  const size_t user = url.find("://") + 3;
  url.replace(user, url.find('@', user) - user, role);
  auto has_children = [&] {
    return Scalar(
        "SELECT count(*) FROM pg_attribute WHERE attrelid = 'tree_nodes'::regclass AND "
        "attname = 'children' AND NOT attisdropped");
  };
  Result<std::unique_ptr<PostgresLedgerStore>> refused = PostgresLedgerStore::Open(url);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "the ledger's tree_nodes table has no children column (docs/ledger-format.md §6.1): "
            "open it once as the owner of its tables, which adds it");
  EXPECT_EQ(has_children(), "0");
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(has_children(), "1");
  Result<std::unique_ptr<PostgresLedgerStore>> opened = PostgresLedgerStore::Open(url);
  EXPECT_TRUE(opened.ok()) << opened.error().ToString();
  opened = Error{"closed", ""};
  EXPECT_EQ(Run(fmt::format("DROP OWNED BY {0}; DROP ROLE {0}", role)), "");
}

// Many writers append batches at once through the shared append code, some submitting the same
// idempotency keys: the tree never forks, every acknowledged event is stored at the leaf it was
// given, a key shared by two writers yields one event, and the ledger verifies.
TEST_F(PostgresLedgerStoreTest, ConcurrentAppendsOfBatchesNeverForkOrLoseAnEvent) {
  ASSERT_NE(OpenStore(), nullptr);
  constexpr int kWriters = 8;
  constexpr int kBatches = 6;
  constexpr int kBatchSize = 50;
  std::vector<std::vector<ledger::AppendedEvent>> acknowledged(kWriters);
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      Result<std::unique_ptr<PostgresLedgerStore>> store =
          PostgresLedgerStore::Open(schema_->url());
      if (!store.ok()) {
        errors[w] = store.error().ToString();
        return;
      }
      for (int b = 0; b < kBatches; ++b) {
        std::vector<ledger::Event> events;
        for (int i = 0; i < kBatchSize; ++i) {
          const std::string key = "w" + std::to_string(w) + "/" + std::to_string(b * 100 + i);
          events.push_back(ledger::test::Disbursement(1000 * w + i + 1, key));
        }
        // Writers w and w + 1 (w even) share one key per batch, with the same content.
        const std::string shared = "shared/" + std::to_string(w / 2) + "/" + std::to_string(b);
        events.push_back(ledger::test::Disbursement(7, shared));
        Result<ledger::AppendResult> result = store.value()->Append(Request(std::move(events)));
        if (!result.ok()) {
          errors[w] = result.error().ToString();
          return;
        }
        for (const ledger::AppendedEvent& event : result.value().events) {
          acknowledged[w].push_back(event);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");

  const int expected = kWriters * kBatches * kBatchSize + (kWriters / 2) * kBatches;
  EXPECT_EQ(Scalar("SELECT count(*) FROM events"), std::to_string(expected));
  EXPECT_EQ(Scalar("SELECT max(leaf_index) + 1 FROM events"), std::to_string(expected));
  EXPECT_EQ(Scalar("SELECT tree_size FROM ledgers"), std::to_string(expected));
  std::unique_ptr<PostgresLedgerStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  for (const auto& events : acknowledged) {
    for (const ledger::AppendedEvent& event : events) {
      Result<std::optional<ledger::StoredEvent>> row = store->EventById(event.id);
      ASSERT_TRUE(row.ok() && row.value()) << event.id << " was acknowledged but is missing";
      EXPECT_EQ(row.value()->leaf_index, event.leaf_index);
    }
  }
  ledger::VerifyOptions options;
  const ledger::KeysFile keys = ledger::test::TestKeys();
  options.keys = &keys;
  Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
  EXPECT_EQ(report.value().events, expected);
}

}  // namespace
}  // namespace treaty::store

namespace treaty::ledger::test {
namespace {

// A fresh schema on the test server; every connection opens the PostgreSQL store on it.
class PostgresStoreUnderTest : public StoreUnderTest {
 public:
  Result<std::unique_ptr<LedgerStore>> Connect() override {
    if (!schema_.ok()) return Error{"no PostgreSQL server", kPostgresUrlVariableName};
    return store::OpenPostgresLedgerStore(schema_.url());
  }

 private:
  static constexpr const char* kPostgresUrlVariableName = treaty::test::kPostgresUrlVariable;
  treaty::test::PostgresTestSchema schema_;
};

// The shared store contract (ledger_store_contract_test.cc) on PostgreSQL; skipped, like every
// test here, without TREATY_TEST_POSTGRES_URL.
INSTANTIATE_TEST_SUITE_P(Postgres, LedgerStoreContractTest,
                         ::testing::Values(StoreFactory{"Postgres", [] {
                                                          return std::unique_ptr<StoreUnderTest>(
                                                              new PostgresStoreUnderTest());
                                                        }}));

}  // namespace
}  // namespace treaty::ledger::test
