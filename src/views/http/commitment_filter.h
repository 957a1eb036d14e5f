// The filters of the commitments table and /api/v1/commitments, with the meaning `treaty
// commitments` gives them: area (section number, eId prefix or words of a heading), obligor (LV,
// UA, both), strength and category. Only commitments and procedures are listed.
#pragma once

#include <map>
#include <string>

#include "commitments/commitment.h"
#include "core/result.h"

namespace treaty::http {

struct CommitmentFilter {
  std::string area;
  std::string obligor;
  std::string strength;
  std::string category;

  bool Matches(const commitments::Commitment& commitment) const;
};

// Reads the filters from query parameters. Errors: an unknown obligor, strength or category.
Result<CommitmentFilter> ParseCommitmentFilter(const std::map<std::string, std::string>& query);

}  // namespace treaty::http
