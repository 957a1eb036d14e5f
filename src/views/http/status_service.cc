#include "views/http/status_service.h"

#include <chrono>

#include "views/http/content_coding.h"
#include "views/http/entity_tag.h"

namespace treaty::http {
namespace {

constexpr size_t kMaxCached = 256;

}  // namespace

Result<evaluation::Instant> RequestedMoment(const std::string& at) {
  // Now, to the minute: a deadline later today is not missed yet, and one evaluation serves the
  // requests of a minute.
  if (at.empty()) {
    return evaluation::Instant(
        std::chrono::floor<std::chrono::minutes>(evaluation::CurrentInstant().utc()), 0);
  }
  Result<evaluation::Instant> moment = evaluation::ParseStatusMoment(at, "at");
  // A query reads '+' as a space: "…T00:00:00+03:00" typed into an address arrives so.
  if (!moment.ok() && at.find(' ') != std::string::npos) {
    return Error{moment.error().message + " (in a URL, write the offset's '+' as %2B)",
                 moment.error().where};
  }
  return moment;
}

StatusService::StatusService(evaluation::AgreementRules rules)
    : rules_(std::move(rules)),
      public_facts_(rules_.agreement, evaluation::Audience::kPublic, rules_.categories),
      all_facts_(rules_.agreement, evaluation::Audience::kAll, rules_.categories) {}

Result<std::unique_ptr<StatusService>> StatusService::Load(const std::string& folder) {
  Result<evaluation::AgreementRules> rules = evaluation::LoadAgreementRules(folder);
  if (!rules.ok()) return rules.error();
  return std::unique_ptr<StatusService>(new StatusService(std::move(rules).value()));
}

Result<bool> StatusService::CatchUpLocked(Pool<ledger::LedgerStore>& ledgers,
                                          evaluation::LedgerFacts& facts) {
  Checked& checked = &facts == &public_facts_ ? public_checked_ : all_checked_;
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  const auto now = std::chrono::steady_clock::now();
  if (checked.ever && checked.generation == generation && now - checked.at < kRecheckInterval) {
    return true;
  }
  Result<Pool<ledger::LedgerStore>::Lease> store = ledgers.Acquire();
  if (!store.ok()) return store.error();
  Result<bool> folded = facts.CatchUp(*store.value());
  if (!folded.ok()) return folded.error();
  checked = Checked{generation, now, true};
  return true;
}

Result<std::shared_ptr<const EvaluatedStatus>> StatusService::StatusAt(
    Pool<ledger::LedgerStore>& ledgers, evaluation::Audience audience, evaluation::Instant at) {
  std::lock_guard lock(mutex_);
  evaluation::LedgerFacts& facts =
      audience == evaluation::Audience::kPublic ? public_facts_ : all_facts_;
  Result<bool> folded = CatchUpLocked(ledgers, facts);
  if (!folded.ok()) return folded.error();
  // The offset too: it gives the day evaluated and the `at` the answer echoes.
  const std::tuple<int, int64_t, int> key{static_cast<int>(audience),
                                          at.utc().time_since_epoch().count(), at.offset_minutes()};
  if (const auto found = cache_.find(key);
      found != cache_.end() && found->second.tree_size == facts.tree_size()) {
    return found->second.status;
  }
  Result<evaluation::AgreementStatus> status = evaluation::EvaluateStatus(rules_, facts, at);
  if (!status.ok()) return status.error();
  auto evaluated = std::make_shared<EvaluatedStatus>();
  evaluated->json = evaluation::StatusJson(status.value()).dump() + "\n";
  evaluated->json_gzip = Gzip(evaluated->json);
  evaluated->etag = EntityTagOf(evaluated->json);
  evaluated->etag_gzip = evaluated->etag.substr(0, evaluated->etag.size() - 1) + "-gzip\"";
  evaluated->status = std::move(status).value();
  evaluated->status_by_id = evaluation::StatusById(evaluated->status.commitments);
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_[key] = Cached{facts.tree_size(), evaluated};
  return std::shared_ptr<const EvaluatedStatus>(evaluated);
}

}  // namespace treaty::http
