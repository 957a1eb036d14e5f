// The reviews part of a commitment's page: the reviews made so far (for signed-in users) and,
// for reviewers, the review form with its CSRF token, refilled with what was sent when a review
// was refused.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <ctemplate/template.h>

#include "commitments/commitment.h"
#include "core/result.h"
#include "views/http/router.h"
#include "views/http/site.h"

namespace treaty::http {

// The decisions the review form offers; a split or a merge is made in the review file.
inline constexpr std::string_view kFormDecisions[] = {"accept", "correct", "reject"};

// Said when the form is sent without a decision: "choose a decision: accept, correct or reject".
std::string NoDecisionMessage();

// What the review form sent, and why it was refused; empty for a fresh form.
struct ReviewFormState {
  std::map<std::string, std::string> sent;
  std::string error;
};

// Fills REVIEWS (NO_REVIEWS, REVIEW rows, REVIEW_FORM) in `body` for signed-in users. Errors: the
// review store's.
Result<bool> FillReviews(Site& site, const RequestContext& context,
                         const commitments::Commitment& commitment, const ReviewFormState& form,
                         ctemplate::TemplateDictionary& body);

// The review form's fields as the body SubmitReview takes: "to" and "from" are read as JSON when
// they parse, else as a string, so a reviewer types `will` or `["LV"]`; empty fields are left out.
nlohmann::json ReviewBodyFromForm(const std::map<std::string, std::string>& form);

}  // namespace treaty::http
