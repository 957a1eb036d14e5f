// IATI 2.03 activity XML (https://iatistandard.org/en/iati-standard/203/) of an agreement's
// financial commitments and the ledger events that serve them; valid against the IATI 2.03
// schema shipped in tests/data/schemas/iati-2.03/. The mapping, and why, is in README.md.
#pragma once

#include <string>
#include <vector>

#include "commitments/agreement_commitments.h"
#include "commitments/commitment.h"
#include "core/result.h"
#include "evaluation/status.h"
#include "ledger/keys.h"
#include "views/export/ledger_entries.h"

namespace treaty::views {

// A commitment (not a procedure or statement) with a money target or a share of GDP as a target.
bool IsFinancialCommitment(const commitments::Commitment& commitment);

// One <iati-activity> per financial commitment among `agreement.reviewed`, in the order of the
// text, with one <transaction> per entry that serves it and has an amount (several if an entry
// serves several financial commitments). The reporting organisation is the first institution of
// `keys` of the commitment's (first) obligor. The status's moment stamps the file and decides
// each activity's status against its planned period, which a termination in its life cycle ends
// early or cancels unless an activity decided before it continues; each year's target of the
// commitment's status is an indicative budget of that year (a target over several years is none:
// an IATI budget covers a year at most).
// REQUIRES: `entries` is the folded view (FoldedEntries) for the audience the file is for.
// Errors: no financial commitment (`where` "iati": the schema requires at least one activity),
// an obligor with no institution in `keys` (`where` "keys file").
struct IatiFile {
  std::string xml;
  size_t activities = 0;
  size_t transactions = 0;

  // What the file holds, for a person: "4 activities, 6 transactions".
  std::string Contents() const;
};
Result<IatiFile> WriteIatiActivities(const commitments::AgreementCommitments& agreement,
                                     const ledger::KeysFile& keys,
                                     const std::vector<LedgerEntry>& entries,
                                     const evaluation::AgreementStatus& status);

}  // namespace treaty::views
