// Entry point of the commitments stage: every sentence of an agreement's prevailing text as a
// classified record, with the corresponding sentences of the other language versions quoted and
// compared.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "commitments/commitment.h"
#include "document/agreement_package.h"
#include "grammar/expressions.h"

namespace treaty::commitments {

// `versions` are the agreement's texts read through the expression stage, the prevailing one
// first. `parties` are the agreement's parties in package order: who promises is read from their
// names in each language (party_names.h). One record per sentence of versions[0], in document
// order. A version whose language has no cue table is quoted and its targets compared, but its
// wording is not analysed.
std::vector<Commitment> ExtractCommitments(std::span<const grammar::ExtractedText> versions,
                                           const std::vector<document::Party>& parties);

// The same for parties known by their codes alone ("LV", "UA"): named by the forms each
// language's table knows for the codes, and by the codes.
std::vector<Commitment> ExtractCommitments(std::span<const grammar::ExtractedText> versions,
                                           const std::vector<std::string>& party_codes);

}  // namespace treaty::commitments
