// An agreement package read through every stage up to this one: its texts, their expressions,
// the commitments extraction proposes and, when the package has a review file, the commitments
// as reviewed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "commitments/review.h"
#include "core/result.h"
#include "document/agreement_package.h"
#include "grammar/expressions.h"

namespace treaty::commitments {

struct AgreementCommitments {
  document::AgreementPackage package;
  std::vector<grammar::ExtractedText> versions;  // the prevailing text first, then package order
  std::vector<Commitment> proposed;              // what extraction gives, one per sentence
  // `proposed` with the review applied; `proposed` itself when there is no review file.
  std::vector<Commitment> reviewed;
  std::string review_file;                  // the file read, or empty
  std::vector<ReviewEntry> review_entries;  // its entries, in file order
  std::optional<ReviewOutcome> review;      // present when a review file was read
};

// Whether review entries that no longer match the texts are an error (kStrict) or reported in
// `review->unmatched` (kReport, for a person repairing the review); kSkip reads no review.
enum class ReviewMode { kStrict, kReport, kSkip };

// The review file of a package folder: FOLDER/commitments.review.jsonl.
std::string DefaultReviewFile(const std::string& folder);

// The language codes of `agreement`'s texts ("en", "lv"), the prevailing text's first.
std::vector<std::string> LanguageCodes(const AgreementCommitments& agreement);

// Reads the package in `folder` (document::LoadAgreementPackage), extracts its commitments and
// applies the review in `review_file` (default: DefaultReviewFile(folder), used when it exists).
// The prevailing language's text comes first; without one, English, else the first text.
// Errors: those of the package and of the text stage, each naming its file, and those of the
// review (ReadReviewFile, ApplyReview), each naming its file and line, and, in kStrict mode,
// every entry that no longer matches ("FILE:LINE: ID: reason").
Result<AgreementCommitments> ExtractAgreementCommitments(const std::string& folder,
                                                         const std::string& review_file = "",
                                                         ReviewMode mode = ReviewMode::kStrict);

}  // namespace treaty::commitments
