// What `treaty status` and `treaty calendar` share: the agreement's status at the moment the
// options name, evaluated from its package and the ledger in the store.
#pragma once

#include "commitments/agreement_commitments.h"
#include "core/result.h"
#include "evaluation/status.h"
#include "views/cli/commands.h"

namespace treaty::views {

// Errors: a malformed --at or facts file, the package's (text, review, rules, reference series),
// the store's, and the life cycle's; each names its file or field.
Result<evaluation::AgreementStatus> EvaluateStatusFor(const StatusOptions& options);

// As above, for a caller that has extracted the package's commitments already (`agreement`, of
// the package the options name), which are then not extracted again.
Result<evaluation::AgreementStatus> EvaluateStatusFor(
    const StatusOptions& options, const commitments::AgreementCommitments& agreement);

}  // namespace treaty::views
