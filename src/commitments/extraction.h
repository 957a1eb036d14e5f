// Entry point of the commitments stage: every sentence of an agreement's prevailing text as a
// classified record, with the corresponding sentences of the other language versions quoted and
// compared.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "grammar/expressions.h"

namespace treaty::commitments {

// `versions` are the agreement's texts read through the expression stage, the prevailing one
// first. `parties` are the agreement's party codes in package order ("LV", "UA").
// One record per sentence of versions[0], in document order. A version whose language has no
// cue table is quoted and its targets compared, but its wording is not analysed.
std::vector<Commitment> ExtractCommitments(std::span<const grammar::ExtractedText> versions,
                                           const std::vector<std::string>& parties);

}  // namespace treaty::commitments
