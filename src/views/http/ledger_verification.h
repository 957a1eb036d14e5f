// The verify badge of the ledger page: ledger::VerifyLedger over the whole ledger, run on a
// thread of its own when the signed tree head has moved or kMaxAge has passed since the last
// run, so a page view never costs more than kMaxWait however large the ledger: a page shows the
// latest finished run, with the tree size it covered. A tampered database that keeps its head is
// caught by the next run, within kMaxAge.
//
// Thread-safe: at most one run at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ledger/keys.h"
#include "ledger/ledger_store.h"
#include "views/http/pool.h"

namespace treaty::http {

struct VerifiedLedger {
  int64_t head_size = 0;  // the size of the signed tree head the run was asked to cover
  bool ran = false;       // false: the ledger could not be read (`problem` says why)
  bool ok = false;        // every event, hash and signature matched
  std::string problem;    // the first mismatch, or why the run could not be made
  // What verify warns of though everything matched: a head signed with a demo key, whose
  // signature proves nothing, a revoked key, a head dated ahead (ledger::VerifyReport::warnings).
  // Heads and keys only, which every reader may see: the run names no commitments it knows, so it
  // warns of no event.
  std::vector<std::string> warnings;
};

class LedgerVerification {
 public:
  static constexpr std::chrono::seconds kMaxAge{60};
  static constexpr std::chrono::seconds kMaxWait{2};

  // `ledgers` and `keys` must outlive this object; `participants` are the agreement's party codes.
  LedgerVerification(Pool<ledger::LedgerStore>& ledgers, std::string agreement,
                     const ledger::KeysFile& keys, std::vector<std::string> participants);
  // Waits for a running verification.
  ~LedgerVerification();

  // The latest finished verification, after starting one when none covers a head of `head_size`
  // that is younger than kMaxAge and waiting up to kMaxWait for it; nullopt when none has finished.
  std::optional<VerifiedLedger> Latest(int64_t head_size);

 private:
  void Run(int64_t head_size);

  Pool<ledger::LedgerStore>& ledgers_;
  const std::string agreement_;
  const ledger::KeysFile& keys_;
  const std::vector<std::string> participants_;
  std::mutex mutex_;
  std::condition_variable finished_;
  bool running_ = false;
  std::chrono::steady_clock::time_point last_started_;
  std::optional<VerifiedLedger> last_;
  std::thread worker_;
};

}  // namespace treaty::http
