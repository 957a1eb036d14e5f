// The text of `treaty commitments --diff-review`: what a review changes, which of its entries no
// longer match the texts, and which commitments no entry covers.
#pragma once

#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "commitments/review.h"

namespace treaty::views {

// `reviewed` gives each unreviewed id's class and words.
std::string ReviewReportText(const std::string& review_file,
                             const commitments::ReviewOutcome& outcome);

}  // namespace treaty::views
