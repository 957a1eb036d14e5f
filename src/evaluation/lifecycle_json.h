// The JSON forms of the life cycle's facts (the `--facts` file) and of its output, the
// `lifecycle` object of `treaty status --format json`.
//
// Facts: {"notices": [{"event", "kind" (extension|termination|amendment_acceptance), "from", "to",
//   "date", "effective_date"?, "amendment"?, "extension_term"?}],
//   "ukraine_nato_membership"?: {"date", "source"}, "activities": [{"id", "decided"}]};
//   every member may be left out.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

// Errors have `where` "field NAME" with the path ("field notices[2].date"); unknown members are
// errors, so a misspelt field is never silently ignored.
Result<LifecycleFacts> LifecycleFactsFromJson(const nlohmann::json& json);

// {"at", "state", "in_force_from", "term_number", "term_last_day", "last_day_in_force",
//  "extension_deadline", "extension_possible", "termination_effective" (when a notice ends the term
//  early), "future_status_pending", "amendments": [{"id", "accepted_by", "in_effect_from"?,
//  "in_effect", "events"}], "continuing_activities", "reasons": [{"provision", "commitment",
//  "quote", "finding", "events"}]}; dates as YYYY-MM-DD.
nlohmann::json LifecycleJson(const Lifecycle& lifecycle);

}  // namespace treaty::evaluation
