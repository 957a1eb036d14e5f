// The filters of the commitments table and /api/v1/commitments, with the meaning `treaty
// commitments` gives them: area (section number, eId prefix or words of a heading), obligor (LV,
// UA, both), strength and category; and status, the word evaluation gives the commitment at the
// date asked (evaluation::CommitmentStatus). Only commitments and procedures are listed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commitments/commitment.h"
#include "core/result.h"

namespace treaty::http {

struct CommitmentFilter {
  std::string area;
  std::string obligor;
  std::string strength;
  std::string category;
  std::string status;

  // Every filter but status.
  bool Matches(const commitments::Commitment& commitment) const;
  // The status filter, given the commitment's status word (empty when evaluation has none).
  bool MatchesStatus(const std::string& commitment_status) const {
    return status.empty() || status == commitment_status;
  }
};

// The filters as the query sends them, unchecked: what a form shows again beside its error.
CommitmentFilter CommitmentFilterAsSent(const std::map<std::string, std::string>& query);

// Reads the filters from query parameters. Errors, each listing what may be given: an area that
// names none of `commitments` (of `agreement`, the id the error names), an obligor neither one of
// `parties` nor "both", an unknown strength, category or status.
Result<CommitmentFilter> ParseCommitmentFilter(
    const std::map<std::string, std::string>& query, const std::vector<std::string>& parties,
    const std::vector<commitments::Commitment>& commitments, std::string_view agreement);

}  // namespace treaty::http
