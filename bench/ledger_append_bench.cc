// Append throughput of the ledger (docs/ledger-format.md §6.2) on SQLite and PostgreSQL, in
// batches of 1,000 and 10,000 events (one append transaction and one signed head per batch), and
// a baseline in the same run: the same events inserted as plain rows of the same columns, keys
// and durability, without idempotency lookups, hashing, the node cache or signatures. Prints, per
// store and batch size, the median events/s of several runs (each on a fresh store), the ratio
// ledger / baseline, and the bytes per event on disk of both.
//
// It also prints what bounds any SQLite ledger of one row per event and per commitment on this
// machine: the same events as the fewest such rows and indexes, nothing computed, with and
// without fsync (SqliteLeanRowsRun).
//
// Usage: ledger_append_bench [EVENTS_PER_RUN [RUNS]]   (default 100000 events, 3 runs)
// PostgreSQL figures need TREATY_BENCH_POSTGRES_URL (or TREATY_TEST_POSTGRES_URL), e.g.
//   eval "$(scripts/start-postgres.sh)"; ./build/ledger_append_bench;
//   scripts/stop-postgres.sh "$TREATY_POSTGRES_DIR"
#include <sqlite3.h>

#include <cstdio>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "ledger/event.h"
#include "ledger/hash.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"
#include "ledger_bench_support.h"
#include "store/postgres/ledger_store_postgres.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::bench {
namespace {

// A baseline row: the event's columns and canonical bytes, as the ledger would store them.
struct PlainRow {
  int64_t leaf_index;
  std::string id;
  ledger::UuidBytes id_bytes;  // the id's 16 bytes, parsed before any timing
  std::string recorded_at;
  std::string idempotency_key;
  std::string canonical;
};

std::vector<PlainRow> PlainRows(const std::vector<ledger::Event>& events) {
  std::vector<PlainRow> rows;
  rows.reserve(events.size());
  const int64_t now = ledger::NowMicros();
  // In ascending order, as the ledger assigns the ids of one transaction.
  const std::vector<std::string> ids = ledger::NewUuidsV7(now / 1000, events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    ledger::Event event = events[i];
    event.id = ids[i];
    event.recorded_at = ledger::FormatTimestamp(now);
    rows.push_back({static_cast<int64_t>(i), event.id, *ledger::LowercaseUuidBytes(event.id),
                    event.recorded_at, event.idempotency_key,
                    ledger::CanonicalEvent(event).value()});
  }
  return rows;
}

struct Figures {
  double events_per_second = 0;
  double bytes_per_event = 0;
  double events_per_cpu_second = 0;  // this process only (not the PostgreSQL server)
};

// Figures of `count` events timed by `watch`.
Figures Rates(size_t count, const Stopwatch& watch) {
  const double cpu = watch.CpuSeconds();
  return {count / watch.WallSeconds(), 0, cpu > 0 ? count / cpu : 0};
}

// Runs `run` `runs` times: the medians of the rates, the bytes/event of the last run.
Figures MedianOf(int runs, const std::function<Figures()>& run) {
  std::vector<double> rates;
  std::vector<double> cpu_rates;
  Figures last;
  for (int r = 0; r < runs; ++r) {
    last = run();
    if (last.events_per_second <= 0) return {};
    rates.push_back(last.events_per_second);
    cpu_rates.push_back(last.events_per_cpu_second);
  }
  return {Median(rates), last.bytes_per_event, Median(cpu_rates)};
}

// Appends `events` in batches of `batch` through `store`; events/s, or 0 after printing an error.
// The requests are built before the clock starts.
Figures AppendAll(ledger::LedgerStore& store, const std::vector<ledger::Event>& events,
                  size_t batch) {
  std::vector<ledger::AppendRequest> requests;
  for (size_t begin = 0; begin < events.size(); begin += batch) {
    const size_t end = std::min(events.size(), begin + batch);
    requests.push_back(
        AppendRequestOf(std::vector<ledger::Event>(events.begin() + begin, events.begin() + end)));
  }
  const Stopwatch watch;
  for (const ledger::AppendRequest& request : requests) {
    Result<ledger::AppendResult> result = store.Append(request);
    if (!result.ok()) {
      std::fprintf(stderr, "append failed: %s\n", result.error().ToString().c_str());
      return {};
    }
  }
  return Rates(events.size(), watch);
}

Figures SqliteLedgerRun(const std::vector<ledger::Event>& events, size_t batch) {
  TempFolder folder("treaty-append-bench");
  const std::string path = (folder.path() / "ledger.sqlite").string();
  Figures figures;
  {
    Result<std::unique_ptr<store::SqliteLedgerStore>> store = store::SqliteLedgerStore::Open(path);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
      return {};
    }
    figures = AppendAll(*store.value(), events, batch);
  }
  // Closing the last connection checkpoints the WAL into the file and removes it.
  figures.bytes_per_event = static_cast<double>(std::filesystem::file_size(path)) / events.size();
  return figures;
}

bool SqliteExec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  std::fprintf(stderr, "sqlite: %s\n", message != nullptr ? message : "error");
  sqlite3_free(message);
  return false;
}

// The rates of inserting `rows` rows through `insert_row(i)` into `db` in transactions of
// `batch`, each committed with the database's own durability.
Figures TimedSqliteBatches(sqlite3* db, size_t rows, size_t batch,
                           const std::function<void(size_t)>& insert_row) {
  const Stopwatch watch;
  for (size_t begin = 0; begin < rows; begin += batch) {
    SqliteExec(db, "BEGIN IMMEDIATE");
    for (size_t i = begin; i < std::min(rows, begin + batch); ++i) insert_row(i);
    SqliteExec(db, "COMMIT");
  }
  return Rates(rows, watch);
}

Figures SqliteBaselineRun(const std::vector<PlainRow>& rows, size_t batch) {
  TempFolder folder("treaty-append-bench-plain");
  const std::string path = (folder.path() / "plain.sqlite").string();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const bool ready =
      SqliteExec(db,
                 "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; "
                 "PRAGMA synchronous = FULL;") &&
      SqliteExec(db,
                 "CREATE TABLE events (agreement TEXT NOT NULL, leaf_index INTEGER NOT NULL, "
                 "id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, fact_date TEXT, "
                 "recorded_at TEXT NOT NULL, institution TEXT NOT NULL, "
                 "classification TEXT NOT NULL, idempotency_key TEXT NOT NULL, "
                 "canonical BLOB NOT NULL, PRIMARY KEY (agreement, leaf_index), "
                 "UNIQUE (agreement, institution, idempotency_key))");
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO events VALUES (?1, ?2, ?3, 'disbursement', '2024-06-01', ?4, "
                     "'lv-mod', 'public', ?5, ?6)",
                     -1, &insert, nullptr);
  Figures figures;
  if (ready && insert != nullptr) {
    figures = TimedSqliteBatches(db, rows.size(), batch, [&](size_t i) {
      const PlainRow& row = rows[i];
      sqlite3_bind_text(insert, 1, kAgreement, -1, SQLITE_STATIC);
      sqlite3_bind_int64(insert, 2, row.leaf_index);
      sqlite3_bind_text(insert, 3, row.id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 4, row.recorded_at.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 5, row.idempotency_key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_blob(insert, 6, row.canonical.data(), row.canonical.size(), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) std::fprintf(stderr, "sqlite insert failed\n");
      sqlite3_reset(insert);
    });
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  figures.bytes_per_event = static_cast<double>(std::filesystem::file_size(path)) / rows.size();
  return figures;
}

// What bounds any SQLite ledger of these events with one row per event and per commitment on this
// machine: the fewest rows and indexes such a ledger needs (its rowid the leaf index, its 16-byte
// id and its key unique, the canonical bytes, one commitment row per commitment for the filters),
// nothing computed, inserted as plain rows. `durable`: synchronous = FULL, as the ledger commits;
// else OFF, no fsync at all.
Figures SqliteLeanRowsRun(const std::vector<PlainRow>& rows,
                          const std::vector<std::string>& commitments, size_t batch, bool durable) {
  TempFolder folder("treaty-append-bench-lean");
  const std::string path = (folder.path() / "lean.sqlite").string();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const bool ready =
      SqliteExec(db, (std::string("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA "
                                  "synchronous = ") +
                      (durable ? "FULL;" : "OFF;"))
                         .c_str()) &&
      SqliteExec(db,
                 "CREATE TABLE events (leaf_index INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, "
                 "idempotency_key TEXT NOT NULL UNIQUE, canonical BLOB NOT NULL); "
                 "CREATE TABLE event_commitments (commitment_id TEXT NOT NULL, leaf_index "
                 "INTEGER NOT NULL, PRIMARY KEY (commitment_id, leaf_index)) WITHOUT ROWID");
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* link = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4)", -1, &insert, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO event_commitments VALUES (?1, ?2)", -1, &link, nullptr);
  Figures figures;
  if (ready && insert != nullptr && link != nullptr) {
    figures = TimedSqliteBatches(db, rows.size(), batch, [&](size_t i) {
      const PlainRow& row = rows[i];
      sqlite3_bind_int64(insert, 1, row.leaf_index);
      sqlite3_bind_blob(insert, 2, row.id_bytes.data(), row.id_bytes.size(), SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, row.idempotency_key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_blob(insert, 4, row.canonical.data(), row.canonical.size(), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) std::fprintf(stderr, "sqlite insert failed\n");
      sqlite3_reset(insert);
      for (const std::string& commitment : commitments) {
        sqlite3_bind_text(link, 1, commitment.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(link, 2, row.leaf_index);
        if (sqlite3_step(link) != SQLITE_DONE) std::fprintf(stderr, "sqlite insert failed\n");
        sqlite3_reset(link);
      }
    });
  }
  sqlite3_finalize(insert);
  sqlite3_finalize(link);
  sqlite3_close(db);
  figures.bytes_per_event = static_cast<double>(std::filesystem::file_size(path)) / rows.size();
  return figures;
}

Figures PostgresLedgerRun(const std::string& server, const std::vector<ledger::Event>& events,
                          size_t batch) {
  PostgresBenchSchema schema(server, "bench_append");
  Result<std::unique_ptr<store::PostgresLedgerStore>> store =
      store::PostgresLedgerStore::Open(schema.url());
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
    return {};
  }
  Figures figures = AppendAll(*store.value(), events, batch);
  figures.bytes_per_event = static_cast<double>(schema.DiskBytes()) / events.size();
  return figures;
}

Figures PostgresBaselineRun(const std::string& server, const std::vector<PlainRow>& rows,
                            size_t batch) {
  PostgresBenchSchema schema(server, "bench_plain");
  pqxx::connection connection(schema.url());
  {
    pqxx::work setup(connection);
    setup.exec0(
        "CREATE TABLE events (agreement text NOT NULL, leaf_index bigint NOT NULL, "
        "id uuid NOT NULL UNIQUE, type text NOT NULL, fact_date date, "
        "recorded_at timestamptz NOT NULL, institution text NOT NULL, "
        "classification text NOT NULL, idempotency_key text NOT NULL, canonical bytea NOT NULL, "
        "PRIMARY KEY (agreement, leaf_index), UNIQUE (agreement, institution, idempotency_key))");
    setup.commit();
  }
  pqxx::nontransaction(connection).exec0("SET synchronous_commit = on");
  std::vector<std::string> canonical_hex;
  canonical_hex.reserve(rows.size());
  for (const PlainRow& row : rows) {
    canonical_hex.push_back(
        "\\x" + ledger::BytesToHex(reinterpret_cast<const uint8_t*>(row.canonical.data()),
                                   row.canonical.size()));
  }
  const Stopwatch watch;
  for (size_t begin = 0; begin < rows.size(); begin += batch) {
    pqxx::work work(connection);
    pqxx::stream_to copy(work, "events",
                         std::vector<std::string>{
                             "agreement", "leaf_index", "id", "type", "fact_date", "recorded_at",
                             "institution", "classification", "idempotency_key", "canonical"});
    for (size_t i = begin; i < std::min(rows.size(), begin + batch); ++i) {
      const PlainRow& row = rows[i];
      copy << std::make_tuple(std::string(kAgreement), row.leaf_index, row.id,
                              std::string("disbursement"), std::string("2024-06-01"),
                              row.recorded_at, std::string("lv-mod"), std::string("public"),
                              row.idempotency_key, canonical_hex[i]);
    }
    copy.complete();
    work.commit();
  }
  Figures figures = Rates(rows.size(), watch);
  figures.bytes_per_event = static_cast<double>(schema.DiskBytes()) / rows.size();
  return figures;
}

void PrintLine(const char* store, size_t batch, const Figures& ledger, const Figures& plain) {
  std::printf(
      "%-10s batch %6zu  ledger %9.0f events/s  plain rows %9.0f rows/s  ratio %.2f  "
      "bytes/event ledger %.0f, plain %.0f  per CPU-second of this process: ledger %.0f, "
      "plain %.0f\n",
      store, batch, ledger.events_per_second, plain.events_per_second,
      plain.events_per_second > 0 ? ledger.events_per_second / plain.events_per_second : 0,
      ledger.bytes_per_event, plain.bytes_per_event, ledger.events_per_cpu_second,
      plain.events_per_cpu_second);
  std::fflush(stdout);
}

}  // namespace
}  // namespace treaty::bench

int main(int argc, char** argv) {
  using namespace treaty::bench;
  const int64_t count = argc > 1 ? std::stoll(argv[1]) : 100000;
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  treaty::ledger::InitSodium();
  const std::vector<treaty::ledger::Event> events = MakeEvents(0, count);
  const std::vector<PlainRow> rows = PlainRows(events);
  std::printf("ledger append: %lld events per run, median of %d runs, each on a fresh store\n",
              static_cast<long long>(count), runs);
  const std::string server = BenchPostgresUrl();
  try {
    for (const size_t batch : {size_t{1000}, size_t{10000}}) {
      PrintLine("SQLite", batch, MedianOf(runs, [&] { return SqliteLedgerRun(events, batch); }),
                MedianOf(runs, [&] { return SqliteBaselineRun(rows, batch); }));
      const std::vector<std::string>& commitments = events.front().content.commitments;
      const Figures durable = MedianOf(
          runs, [&] { return SqliteLeanRowsRun(rows, commitments, batch, /*durable=*/true); });
      const Figures unsynced = MedianOf(
          runs, [&] { return SqliteLeanRowsRun(rows, commitments, batch, /*durable=*/false); });
      std::printf(
          "SQLite     batch %6zu  lean rows (one per event and per commitment) %9.0f rows/s "
          "durable, %9.0f with no fsync  bytes/event %.0f  per CPU-second: %.0f, %.0f\n",
          batch, durable.events_per_second, unsynced.events_per_second, durable.bytes_per_event,
          durable.events_per_cpu_second, unsynced.events_per_cpu_second);
      std::fflush(stdout);
      if (server.empty()) continue;
      PrintLine("PostgreSQL", batch,
                MedianOf(runs, [&] { return PostgresLedgerRun(server, events, batch); }),
                MedianOf(runs, [&] { return PostgresBaselineRun(server, rows, batch); }));
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  if (server.empty()) {
    std::printf(
        "PostgreSQL: skipped (set TREATY_BENCH_POSTGRES_URL, e.g. to the URL printed by "
        "scripts/start-postgres.sh)\n");
  }
  return 0;
}
