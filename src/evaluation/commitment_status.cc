#include "evaluation/commitment_status.h"

#include <algorithm>
#include <array>

namespace treaty::evaluation {
namespace {

constexpr std::array<std::string_view, 14> kStatusNames = {"upcoming",
                                                           "in_progress",
                                                           "not_yet_measurable",
                                                           "met",
                                                           "missed",
                                                           "coalition_goal",
                                                           "activity_recorded",
                                                           "no_activity_recorded",
                                                           "no_request",
                                                           "open",
                                                           "due",
                                                           "notified",
                                                           "partly_notified",
                                                           "none_notified"};

constexpr std::array<std::string_view, 4> kDeadlineStateNames = {"upcoming", "met", "missed",
                                                                 "passed"};

}  // namespace

std::span<const std::string_view> CommitmentStatusNames() { return kStatusNames; }

std::span<const std::string_view> DeadlineStateNames() { return kDeadlineStateNames; }

std::map<std::string, std::string> StatusById(const std::vector<CommitmentStatus>& statuses) {
  std::map<std::string, std::string> by_id;
  for (const CommitmentStatus& entry : statuses) by_id[entry.id] = entry.status;
  return by_id;
}

const CommitmentStatus* FindCommitmentStatus(const std::vector<CommitmentStatus>& statuses,
                                             std::string_view id) {
  const auto found = std::find_if(statuses.begin(), statuses.end(),
                                  [&](const CommitmentStatus& entry) { return entry.id == id; });
  return found == statuses.end() ? nullptr : &*found;
}

}  // namespace treaty::evaluation
