#include "views/http/recording.h"

#include <tuple>

namespace treaty::http {

RecordOutcome RecordEvent(Site& site, const User& user, nlohmann::json event) {
  RecordOutcome outcome;
  if (!event.is_object()) {
    outcome.status = 422;
    outcome.errors.push_back({"", "the event must be a JSON object"});
    return outcome;
  }
  // A recorded_by of the body is read as the event format says (§1.1; normalised, an object of
  // institution and user only) and must then name the caller; left out, or either member left
  // out, it is the caller's.
  const ledger::ValidationContext context = site.EventContext(user);
  ledger::ParsedEvent parsed = ledger::ParseEvent(event, ledger::EventForm::kInput, context);
  if (!parsed.ok()) {
    outcome.status = 422;
    outcome.errors = std::move(parsed.errors);
    return outcome;
  }
  for (const auto& [member, given, own] :
       {std::tuple{"institution", parsed.event.recorded_by.institution, user.institution},
        std::tuple{"user", parsed.event.recorded_by.user, user.name}}) {
    if (given != own) {
      outcome.status = 403;
      outcome.errors.push_back(
          {std::string("recorded_by.") + member,
           "you record as " + user.name + " of " + user.institution + " only"});
      return outcome;
    }
  }
  if (parsed.event.agreement != site.agreement_id()) {
    outcome.status = 422;
    outcome.errors.push_back({"agreement", "this server records events of " + site.agreement_id()});
    return outcome;
  }
  const ledger::PrivateKey* key = site.SigningKey(user.institution);
  if (key == nullptr) {
    outcome.status = 503;
    outcome.errors.push_back(
        {"", "this server holds no signing key for institution " + user.institution});
    return outcome;
  }
  Result<Pool<ledger::LedgerStore>::Lease> store = site.ledgers().Acquire();
  if (!store.ok()) {
    outcome.errors.push_back({"", "the ledger cannot be opened"});
    outcome.log_detail = store.error().ToString();
    return outcome;
  }
  ledger::AppendRequest request;
  request.agreement = site.agreement_id();
  request.key = *key;
  request.keys = &site.keys();
  request.submissions.push_back(std::move(parsed.event));
  Result<ledger::AppendResult> appended = store.value()->Append(request);
  if (!appended.ok()) {
    const Error& error = appended.error();
    std::string where = error.where;
    if (where.starts_with("submissions[0]")) {
      where = where.size() > 15 ? where.substr(15) : "";
      outcome.status = 409;
    } else {
      outcome.status = error.message.find("busy") != std::string::npos ? 503 : 500;
      where.clear();
      outcome.log_detail = error.ToString();
    }
    outcome.errors.push_back({where, outcome.status == 500 ? "the ledger failed" : error.message});
    return outcome;
  }
  site.status().LedgerChanged();
  const ledger::AppendedEvent& recorded = appended.value().events.front();
  outcome.status = recorded.already_recorded ? 200 : 201;
  outcome.id = recorded.id;
  outcome.leaf_index = recorded.leaf_index;
  outcome.tree_size = appended.value().state.tree_size;
  return outcome;
}

nlohmann::json RecordOutcomeJson(const RecordOutcome& outcome) {
  if (outcome.status == 200 || outcome.status == 201) {
    return {{"id", outcome.id},
            {"leaf_index", outcome.leaf_index},
            {"tree_size", outcome.tree_size},
            {"already_recorded", outcome.status == 200}};
  }
  nlohmann::json errors = nlohmann::json::array();
  for (const ledger::FieldError& error : outcome.errors) {
    errors.push_back({{"path", error.path}, {"message", error.message}});
  }
  std::string message = outcome.errors.empty() ? "not recorded" : outcome.errors.front().ToString();
  return {{"error", {{"status", outcome.status}, {"message", message}, {"fields", errors}}}};
}

}  // namespace treaty::http
