// The rules of commitments with numbers (a share of GDP, an amount, a count) and without them
// (their linked activity), evaluated on a day against the folded ledger and the reference series.
#pragma once

#include "evaluation/agreement_rules.h"
#include "evaluation/commitment_status.h"
#include "evaluation/date.h"
#include "evaluation/ledger_facts.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

// `at`: the day of the status; events dated after it and reference rows published after it are
// not yet known. Years of a target that begin after the agreement's last day in force
// (`lifecycle`) are not owed: they are named, without a period or deadline.
RuleOutcome EvaluateTarget(const TargetRule& rule, const AgreementRules& rules,
                           const LedgerFacts& facts, const Lifecycle& lifecycle, Date at);

}  // namespace treaty::evaluation
