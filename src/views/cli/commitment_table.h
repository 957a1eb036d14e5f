// The `text` and `csv` formats of `treaty commitments`.
#pragma once

#include <string>
#include <vector>

#include "commitments/commitment.h"

namespace treaty::views {

// One block per commitment: id, who promises to whom, strength, category, action, then targets,
// conditions, the quotes (only `language`'s when it is not empty) and the flags.
std::string CommitmentText(const commitments::Commitment& commitment, const std::string& language);

// The header row and one row per commitment.
std::string CommitmentCsvHeader();
std::string CommitmentCsvRow(const commitments::Commitment& commitment);

}  // namespace treaty::views
