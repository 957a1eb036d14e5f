// `treaty verify` (docs/ledger-format.md §8) and inclusion proofs (§3.2, §6.6) over large
// ledgers in SQLite. One ledger grows through each size in turn (default 1,000,000 and then
// 10,000,000 events), appended in batches of 10,000 through the store; at each size the bench
// prints the median verify throughput (events/s) of its runs, the median time of an inclusion
// proof of a random leaf in the tree of that size (1,000 proofs, each from a fresh query of the
// store), and the file's bytes per event.
//
// Usage: ledger_verify_bench [SIZE[,SIZE…] [VERIFY_RUNS]]   (default 1000000,10000000 and 3)
// The database lives in a temporary folder (10M events take ~14 GB) removed at the end.
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/hash.h"
#include "ledger/verify.h"
#include "ledger_bench_support.h"
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

void Measure(ledger::LedgerStore& store, const std::string& path, int64_t size, int runs) {
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
  const double bytes = std::filesystem::file_size(path) +
                       (std::filesystem::exists(path + "-wal")
                            ? static_cast<double>(std::filesystem::file_size(path + "-wal"))
                            : 0.0);
  std::printf(
      "SQLite %9lld events  verify %9.0f events/s (median of %d; %.0f per CPU-second)  "
      "inclusion proof median %.0f us, max %.0f us  %.0f bytes/event\n",
      static_cast<long long>(size), Median(rates), runs, Median(cpu_rates), Median(proof_micros),
      *std::max_element(proof_micros.begin(), proof_micros.end()), bytes / size);
  std::fflush(stdout);
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
  treaty::ledger::InitSodium();
  TempFolder folder("treaty-verify-bench");
  const std::string path = (folder.path() / "ledger.sqlite").string();
  treaty::Result<std::unique_ptr<treaty::store::SqliteLedgerStore>> store =
      treaty::store::SqliteLedgerStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
    return 1;
  }
  int64_t size = 0;
  for (const int64_t target : sizes) {
    if (!GrowTo(*store.value(), size, target)) return 1;
    size = target;
    Measure(*store.value(), path, size, runs);
  }
  return 0;
}
