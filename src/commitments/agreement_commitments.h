// An agreement package read through every stage up to this one: its texts, their expressions,
// the commitments extraction proposes and, when the package has a review file, the commitments
// as reviewed.
#pragma once

#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "core/result.h"
#include "document/agreement_package.h"
#include "grammar/expressions.h"

namespace treaty::commitments {

struct AgreementCommitments {
  document::AgreementPackage package;
  std::vector<grammar::ExtractedText> versions;  // the prevailing text first, then package order
  std::vector<Commitment> proposed;              // what extraction gives, one per sentence
};

// Reads the package in `folder` (document::LoadAgreementPackage) and extracts its commitments.
// The prevailing language's text comes first; without one, English, else the first text.
// Errors: those of the package and of the text stage, each naming its file.
Result<AgreementCommitments> ExtractAgreementCommitments(const std::string& folder);

}  // namespace treaty::commitments
