// Reviewing a commitment as a signed-in reviewer, shared by the API and the review form: the
// decision is checked exactly as a line of the review file (commitments::CheckReviewEntry), with
// the commitment's id from the path and, for a correction, "from" taken from the commitment as
// the server now reads it. Thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "commitments/commitment.h"
#include "views/http/account_store.h"
#include "views/http/review_store.h"
#include "views/http/site.h"

namespace treaty::http {

struct ReviewOutcome {
  // 201 stored; 422 not a valid decision (`field` and `message` say what); 409 a correction whose
  // "from" is not the field's current value; 500 the store failed.
  int status = 500;
  std::string field;  // the body's key that is wrong, or empty
  std::string message;
  StoredReview review;
  std::string log_detail;  // why a 500 failed (HttpResponse::log_detail)
};

// Checks and stores `body` ({"decision", "note", and the decision's keys: "field", "to" and
// optionally "from" for "correct", "into" for "merge", "parts" for "split"}). Every decision but
// "accept" needs a note saying why.
ReviewOutcome SubmitReview(Site& site, const User& reviewer,
                           const commitments::Commitment& commitment, nlohmann::json body);

// {"review": …} for 201, {"error": {"status", "message", "fields"}} otherwise, "fields" (as for an
// invalid event: [{"path", "message"}]) when the body's key that is wrong is known.
nlohmann::json ReviewOutcomeJson(const ReviewOutcome& outcome);

}  // namespace treaty::http
