// The procedures the agreement sets for itself, evaluated at a moment against the folded ledger:
// consultations within a window after a request (sec_4__para_1), the annual meeting
// (sec_2__para_6) and the authorised institutions notified (sec_5__para_3).
#pragma once

#include "evaluation/agreement_rules.h"
#include "evaluation/commitment_status.h"
#include "evaluation/instant.h"
#include "evaluation/ledger_facts.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

// Requests and meetings count only while the agreement is in force (`lifecycle`); those outside
// it are named as not counted.
RuleOutcome EvaluateConsultations(const AgreementRules& rules, const LedgerFacts& facts,
                                  const Lifecycle& lifecycle, Instant at);
RuleOutcome EvaluateAnnualMeeting(const AgreementRules& rules, const LedgerFacts& facts,
                                  const Lifecycle& lifecycle, Date at);
RuleOutcome EvaluateAuthorisedInstitutions(const AgreementRules& rules, const LedgerFacts& facts,
                                           Date at);

}  // namespace treaty::evaluation
