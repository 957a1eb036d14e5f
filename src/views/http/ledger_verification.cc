#include "views/http/ledger_verification.h"

#include "ledger/verify.h"

namespace treaty::http {

LedgerVerification::LedgerVerification(Pool<ledger::LedgerStore>& ledgers, std::string agreement,
                                       const ledger::KeysFile& keys,
                                       std::vector<std::string> participants)
    : ledgers_(ledgers),
      agreement_(std::move(agreement)),
      keys_(keys),
      participants_(std::move(participants)) {}

LedgerVerification::~LedgerVerification() {
  if (worker_.joinable()) worker_.join();
}

std::optional<VerifiedLedger> LedgerVerification::Latest(int64_t head_size) {
  std::unique_lock lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  const bool current = last_ && last_->head_size == head_size && now - last_started_ < kMaxAge;
  if (!current && !running_) {
    if (worker_.joinable()) worker_.join();  // finished: running_ is false
    running_ = true;
    last_started_ = now;
    worker_ = std::thread([this, head_size] { Run(head_size); });
  }
  if (running_) {
    finished_.wait_for(lock, kMaxWait, [this] { return !running_; });
  }
  return last_;
}

void LedgerVerification::Run(int64_t head_size) {
  VerifiedLedger result;
  result.head_size = head_size;
  Result<Pool<ledger::LedgerStore>::Lease> store = ledgers_.Acquire();
  if (!store.ok()) {
    result.problem = store.error().ToString();
  } else {
    ledger::VerifyOptions options;
    options.keys = &keys_;
    options.participants = participants_;
    Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store.value(), agreement_, options);
    if (!report.ok()) {
      result.problem = report.error().ToString();
    } else {
      result.ran = true;
      result.ok = report.value().ok();
      result.problem = report.value().mismatch;
      result.warnings = report.value().warnings;
    }
  }
  std::lock_guard lock(mutex_);
  last_ = std::move(result);
  running_ = false;
  finished_.notify_all();
}

}  // namespace treaty::http
