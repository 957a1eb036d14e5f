#include "views/http/ledger_verification.h"

#include "ledger/verify.h"

namespace treaty::http {

Result<VerifiedLedger> LedgerVerification::For(ledger::LedgerStore& store,
                                               const std::string& agreement,
                                               const ledger::KeysFile& keys, int64_t head_size) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::system_clock::now();
  if (last_ && last_->head_size == head_size && now - last_->at < kMaxAge) return *last_;
  ledger::VerifyOptions options;
  options.keys = &keys;
  Result<ledger::VerifyReport> report = ledger::VerifyLedger(store, agreement, options);
  if (!report.ok()) return report.error();
  last_ = VerifiedLedger{head_size, report.value().ok(), report.value().mismatch, now};
  return *last_;
}

}  // namespace treaty::http
