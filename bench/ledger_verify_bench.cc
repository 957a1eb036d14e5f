// `treaty verify` (docs/ledger-format.md §8) and inclusion proofs (§3.2, §6.6) over large
// ledgers, in SQLite and in PostgreSQL. Per store, one ledger grows through each size in turn
// (default 1,000,000 and then 10,000,000 events), appended in batches of 10,000 through the store;
// at each size the bench prints the median verify throughput (events/s) of its runs, the median
// time of an inclusion proof of a random leaf in the tree of that size (1,000 proofs, each from a
// fresh query of the store), the bytes per event on disk and the process's peak memory so far.
//
// Usage: ledger_verify_bench [SIZE[,SIZE…] [VERIFY_RUNS [STORE[,STORE]]]]
//   (default 1000000,10000000, 3 and sqlite,postgresql)
// The SQLite database lives in a temporary folder (10M events take ~14 GB) removed at the end;
// PostgreSQL figures need TREATY_BENCH_POSTGRES_URL (or TREATY_TEST_POSTGRES_URL) and use a
// schema of their own, dropped at the end.
#include <sys/resource.h>

#include <cstdio>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/hash.h"
#include "ledger/verify.h"
#include "ledger_bench_support.h"
#include "store/postgres/ledger_store_postgres.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::bench {
namespace {

constexpr int64_t kBatch = 10000;
constexpr int kProofs = 1000;

// Appends events until the ledger holds `size`; false after printing an error.
bool GrowTo(ledger::LedgerStore& store, int64_t from, int64_t size) {
  const auto start = std::chrono::steady_clock::now();
  for (int64_t begin = from; begin < size; begin += kBatch) {
    Result<ledger::AppendResult> result =
        store.Append(AppendRequestOf(MakeEvents(begin, std::min(kBatch, size - begin))));
    if (!result.ok()) {
      std::fprintf(stderr, "append failed: %s\n", result.error().ToString().c_str());
      return false;
    }
  }
  std::printf("  appended %lld events in %.1f s (with event generation)\n",
              static_cast<long long>(size - from), SecondsSince(start));
  return true;
}

// The largest resident memory of this process so far (appending included), in MiB.
double PeakResidentMebibytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

// Prints the figures of one store at `size` events; `disk_bytes` gives its bytes on disk.
void Measure(ledger::LedgerStore& store, const char* store_name,
             const std::function<double()>& disk_bytes, int64_t size, int runs) {
  ledger::VerifyOptions options;
  options.keys = &BenchKeys();
  std::vector<double> rates;
  std::vector<double> cpu_rates;
  for (int r = 0; r < runs; ++r) {
    const Stopwatch watch;
    Result<ledger::VerifyReport> report = ledger::VerifyLedger(store, kAgreement, options);
    const double seconds = watch.WallSeconds();
    cpu_rates.push_back(size / watch.CpuSeconds());
    if (!report.ok() || !report.value().ok()) {
      std::fprintf(
          stderr, "verify failed: %s\n",
          report.ok() ? report.value().mismatch.c_str() : report.error().ToString().c_str());
      return;
    }
    rates.push_back(size / seconds);
  }
  std::mt19937_64 random(size);
  std::vector<double> proof_micros;
  for (int p = 0; p < kProofs; ++p) {
    const int64_t leaf = static_cast<int64_t>(random() % size);
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<ledger::Hash>> path = store.InclusionPath(kAgreement, leaf, size);
    proof_micros.push_back(SecondsSince(start) * 1e6);
    if (!path.ok()) {
      std::fprintf(stderr, "proof failed: %s\n", path.error().ToString().c_str());
      return;
    }
  }
  std::printf(
      "%-10s %9lld events  verify %9.0f events/s (median of %d; %.0f per CPU-second of this "
      "process)  inclusion proof median %.0f us, max %.0f us  %.0f bytes/event  peak memory "
      "%.0f MiB\n",
      store_name, static_cast<long long>(size), Median(rates), runs, Median(cpu_rates),
      Median(proof_micros), *std::max_element(proof_micros.begin(), proof_micros.end()),
      disk_bytes() / size, PeakResidentMebibytes());
  std::fflush(stdout);
}

// Grows `store` through `sizes`, measuring at each; false after printing an error.
bool GrowAndMeasure(ledger::LedgerStore& store, const char* store_name,
                    const std::function<double()>& disk_bytes, const std::vector<int64_t>& sizes,
                    int runs) {
  int64_t size = 0;
  for (const int64_t target : sizes) {
    if (!GrowTo(store, size, target)) return false;
    size = target;
    Measure(store, store_name, disk_bytes, size, runs);
  }
  return true;
}

bool RunSqlite(const std::vector<int64_t>& sizes, int runs) {
  TempFolder folder("treaty-verify-bench");
  const std::string path = (folder.path() / "ledger.sqlite").string();
  Result<std::unique_ptr<store::SqliteLedgerStore>> store = store::SqliteLedgerStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
    return false;
  }
  auto disk_bytes = [&path] {
    const std::string wal = path + "-wal";
    return static_cast<double>(std::filesystem::file_size(path)) +
           (std::filesystem::exists(wal) ? static_cast<double>(std::filesystem::file_size(wal))
                                         : 0.0);
  };
  return GrowAndMeasure(*store.value(), "SQLite", disk_bytes, sizes, runs);
}

bool RunPostgres(const std::vector<int64_t>& sizes, int runs) {
  const std::string server = BenchPostgresUrl();
  if (server.empty()) {
    std::printf(
        "PostgreSQL: skipped (set TREATY_BENCH_POSTGRES_URL, e.g. to the URL printed by "
        "scripts/start-postgres.sh)\n");
    return true;
  }
  PostgresBenchSchema schema(server, "bench_verify");
  Result<std::unique_ptr<store::PostgresLedgerStore>> store =
      store::PostgresLedgerStore::Open(schema.url());
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
    return false;
  }
  auto disk_bytes = [&schema] { return static_cast<double>(schema.DiskBytes()); };
  return GrowAndMeasure(*store.value(), "PostgreSQL", disk_bytes, sizes, runs);
}

}  // namespace
}  // namespace treaty::bench

int main(int argc, char** argv) {
  using namespace treaty::bench;
  std::vector<int64_t> sizes = {1000000, 10000000};
  if (argc > 1) {
    sizes.clear();
    std::stringstream list(argv[1]);
    for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoll(item));
  }
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  std::vector<std::string> stores = {"sqlite", "postgresql"};
  if (argc > 3) {
    stores.clear();
    std::stringstream list(argv[3]);
    for (std::string item; std::getline(list, item, ',');) stores.push_back(item);
  }
  for (const std::string& store : stores) {
    if (store != "sqlite" && store != "postgresql") {
      std::fprintf(stderr, "unknown store %s: expected sqlite or postgresql\n", store.c_str());
      return 2;
    }
  }
  treaty::ledger::InitSodium();
  try {
    for (const std::string& store : stores) {
      if (!(store == "sqlite" ? RunSqlite(sizes, runs) : RunPostgres(sizes, runs))) return 1;
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
