// What evaluation says of one commitment or procedure and of one deadline (status.h assembles
// them for the whole agreement).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluation/citation.h"
#include "evaluation/deadline.h"

namespace treaty::evaluation {

// A reference row a result rests on (data/reference/*.csv).
struct ReferenceUse {
  std::string file;
  int line = 0;
  int year = 0;
  int64_t value = 0;
  std::string unit;     // "EUR"
  std::string measure;  // "gdp"
  std::string vintage;  // "secondary estimate, published 2025-03-01"
  std::string source;
};

// One commitment or procedure. `status` is one of:
// - numeric targets: "upcoming", "in_progress", "not_yet_measurable", "met", "missed",
//   "coalition_goal" (a shared goal: own deliveries are shown as a share, never met or missed);
// - without numbers: "activity_recorded", "no_activity_recorded";
// - consultations: "no_request", "open", "met", "missed";
// - the annual meeting: "upcoming", "due", "met", "missed";
// - authorised institutions: "notified" (every Participant has informed the other),
//   "partly_notified", "none_notified".
struct CommitmentStatus {
  std::string id;
  std::string title;      // commitments::Title: what the commitment promises, for a person
  std::string provision;  // eId
  std::string rule;       // "gdp_share", "money", "count", "activity", "consultations", ...
  std::string status;
  std::string summary;      // one line for a person
  nlohmann::json progress;  // the numbers (src/evaluation/README.md, "Status")
  std::vector<Reason> reasons;
  std::vector<ReferenceUse> references;
};

// Every value CommitmentStatus::status takes, in the order listed above, each once.
std::span<const std::string_view> CommitmentStatusNames();

// Each commitment's status word by commitment id.
std::map<std::string, std::string> StatusById(const std::vector<CommitmentStatus>& statuses);
// The entry of commitment `id` among `statuses`; nullptr when no rule evaluates it.
const CommitmentStatus* FindCommitmentStatus(const std::vector<CommitmentStatus>& statuses,
                                             std::string_view id);

// A deadline on the status's date: "upcoming" (on or after it), "met", "missed" or "passed" (a
// day of the life cycle that is behind).
struct DeadlineStatus {
  Deadline deadline;
  std::string commitment_id;
  std::string state;
};

// Every value DeadlineStatus::state takes, each once.
std::span<const std::string_view> DeadlineStateNames();

// What one rule gives: the commitment's status, its deadlines as they stand, and what the
// calendar lists for it.
struct RuleOutcome {
  CommitmentStatus status;
  std::vector<DeadlineStatus> deadlines;
  std::vector<Deadline> calendar;
};

}  // namespace treaty::evaluation
