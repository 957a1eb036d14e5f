// The evaluation stage as the server asks it: the agreement's rules loaded once, the ledger folded
// once per audience and caught up with new events on each request, and each status kept until the
// ledger grows, so repeated requests for one day cost a lookup. Views never compute a status:
// everything here comes from evaluation::EvaluateStatus.
//
// Thread-safe: one mutex around folding and evaluating.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/result.h"
#include "evaluation/status.h"
#include "ledger/ledger_store.h"

namespace treaty::http {

struct EvaluatedStatus {
  evaluation::AgreementStatus status;
  std::string json;  // StatusJson(status), compact, with a final newline
};

class StatusService {
 public:
  // Loads the rules of the package in `folder`. Errors: those of LoadAgreementRules.
  static Result<std::unique_ptr<StatusService>> Load(const std::string& folder);

  // The status at `at` for `audience` over the ledger in `store` as it is now. Errors: the
  // store's, and those of the evaluation (a notice the life cycle cannot read).
  Result<std::shared_ptr<const EvaluatedStatus>> StatusAt(ledger::LedgerStore& store,
                                                          evaluation::Audience audience,
                                                          evaluation::Instant at);

 private:
  explicit StatusService(evaluation::AgreementRules rules);

  struct Cached {
    int64_t tree_size = 0;
    std::shared_ptr<const EvaluatedStatus> status;
  };

  const evaluation::AgreementRules rules_;
  std::mutex mutex_;
  evaluation::LedgerFacts public_facts_;
  evaluation::LedgerFacts all_facts_;
  std::map<std::pair<int, int64_t>, Cached> cache_;
};

// The moment a request asks for with ?at= (a date: its end of day; or an RFC 3339 moment); the
// end of today (UTC) when absent.
Result<evaluation::Instant> RequestedMoment(const std::string& at);

// Now, to the second, in UTC.
evaluation::Instant CurrentInstant();

}  // namespace treaty::http
