// Recording an event for a signed-in recorder, shared by the API and the record form: the event
// is validated as `treaty record` validates its stdin (docs/ledger-format.md §1.5), recorded by
// the recorder's institution in the recorder's name, and signed with that institution's key.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ledger/event_parser.h"
#include "views/http/account_store.h"
#include "views/http/site.h"

namespace treaty::http {

struct RecordOutcome {
  // 201 recorded, 200 already recorded (same idempotency key, same content), 403 another
  // institution's name, 422 invalid (errors), 409 refused by the ledger (a reused key, a bad
  // reference or correction), 503 no signing key or the ledger busy, 500 store failure.
  int status = 500;
  std::vector<ledger::FieldError> errors;
  std::string id;
  int64_t leaf_index = -1;
  int64_t tree_size = 0;
  // Why a 500 or 503 failed, for the server's log (HttpResponse::log_detail).
  std::string log_detail;
};

// Records `event` (a JSON object of the §1.5 input form) for `user`, a recorder. The agreement
// and recorded_by default to the site's agreement and the user; a recorded_by given is checked as
// the event format says (422) and another institution or user in it is refused (403). Nothing is
// written unless the outcome is 201.
RecordOutcome RecordEvent(Site& site, const User& user, nlohmann::json event);

// {"status": …, "errors": [{"path", "message"}]} or {"id", "leaf_index", "tree_size"}.
nlohmann::json RecordOutcomeJson(const RecordOutcome& outcome);

}  // namespace treaty::http
