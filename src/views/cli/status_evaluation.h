// What `treaty status` and `treaty calendar` share: the agreement's status at the moment the
// options name, evaluated from its package and the ledger in the store.
#pragma once

#include "core/result.h"
#include "evaluation/status.h"
#include "views/cli/commands.h"

namespace treaty::views {

// Errors: a malformed --at or facts file, the package's (text, review, rules, reference series),
// the store's, and the life cycle's; each names its file or field.
Result<evaluation::AgreementStatus> EvaluateStatusFor(const StatusOptions& options);

}  // namespace treaty::views
