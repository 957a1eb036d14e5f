// The verify badge of the ledger page: ledger::VerifyLedger over the whole ledger, run again only
// when the signed tree head has moved or kMaxAge has passed since the last run, so a page view
// costs a lookup rather than a recomputation of every hash and signature. A tampered database
// that keeps its head is caught by the next run, within kMaxAge.
//
// Thread-safe: one verification at a time; requests meanwhile wait for its result.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/keys.h"
#include "ledger/ledger_store.h"

namespace treaty::http {

struct VerifiedLedger {
  int64_t head_size = 0;  // the size of the signed tree head the run started from
  bool ok = false;
  std::string mismatch;  // VerifyReport::mismatch when not ok
  std::chrono::system_clock::time_point at;
};

class LedgerVerification {
 public:
  static constexpr std::chrono::seconds kMaxAge{60};

  // The verification of `agreement` in `store` for the head of size `head_size`. Errors: the
  // store's, when the ledger cannot be read at all.
  Result<VerifiedLedger> For(ledger::LedgerStore& store, const std::string& agreement,
                             const ledger::KeysFile& keys, int64_t head_size);

 private:
  std::mutex mutex_;
  std::optional<VerifiedLedger> last_;
};

}  // namespace treaty::http
