// The evaluation stage as the server asks it: the agreement's rules loaded once, the ledger folded
// once per audience and caught up with new events, and each status kept until the ledger grows,
// so repeated requests for one day cost a lookup. Views never compute a status: everything here
// comes from evaluation::EvaluateStatus.
//
// Freshness: an append through this server (LedgerChanged) is seen by the next request. Appends
// by other processes sharing the database are seen within kRecheckInterval, the longest a status
// goes without asking the ledger for its size.
//
// Thread-safe: one mutex around folding and evaluating.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>

#include "core/result.h"
#include "evaluation/status.h"
#include "ledger/ledger_store.h"
#include "views/http/pool.h"

namespace treaty::http {

struct EvaluatedStatus {
  evaluation::AgreementStatus status;
  std::map<std::string, std::string> status_by_id;  // StatusById(status.commitments)
  std::string json;       // StatusJson(status), compact, with a final newline
  std::string json_gzip;  // `json` as gzip, for clients that accept it
  // Strong entity tags: `json`'s SHA-256, quoted; the gzip coding is another representation, so
  // it has its own (RFC 9110 §8.8.3).
  std::string etag;
  std::string etag_gzip;
};

class StatusService {
 public:
  // Loads the rules of the package in `folder`. Errors: those of LoadAgreementRules.
  static Result<std::unique_ptr<StatusService>> Load(const std::string& folder);

  static constexpr std::chrono::milliseconds kRecheckInterval{250};

  // The status at `at` for `audience` over the ledger of `ledgers` (see Freshness above). Errors:
  // the store's, and those of the evaluation (a notice the life cycle cannot read).
  Result<std::shared_ptr<const EvaluatedStatus>> StatusAt(Pool<ledger::LedgerStore>& ledgers,
                                                          evaluation::Audience audience,
                                                          evaluation::Instant at);

  // Tells the service that this server appended to the ledger.
  void LedgerChanged() { generation_.fetch_add(1, std::memory_order_release); }

 private:
  explicit StatusService(evaluation::AgreementRules rules);

  struct Cached {
    int64_t tree_size = 0;
    std::shared_ptr<const EvaluatedStatus> status;
  };

  // Catches `facts` up with the ledger unless it was caught up less than kRecheckInterval ago and
  // this server has appended nothing since. REQUIRES: mutex_ held.
  Result<bool> CatchUpLocked(Pool<ledger::LedgerStore>& ledgers, evaluation::LedgerFacts& facts);

  const evaluation::AgreementRules rules_;
  std::atomic<uint64_t> generation_{0};
  std::mutex mutex_;
  struct Checked {
    uint64_t generation = 0;
    std::chrono::steady_clock::time_point at;
    bool ever = false;
  };
  Checked public_checked_;
  Checked all_checked_;
  evaluation::LedgerFacts public_facts_;
  evaluation::LedgerFacts all_facts_;
  std::map<std::tuple<int, int64_t, int>, Cached> cache_;
};

// The moment a request asks for with ?at= (a date: its end of day; or an RFC 3339 moment); now,
// to the minute, when absent.
Result<evaluation::Instant> RequestedMoment(const std::string& at);

}  // namespace treaty::http
