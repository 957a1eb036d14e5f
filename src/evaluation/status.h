// Where the agreement and each of its commitments stand at a moment, and why: the evaluation
// stage's entry point, used by `treaty status`, `treaty calendar` and the server.
//
//   Result<AgreementRules> rules = LoadAgreementRules("data/agreements/lv-ua-2024");
//   LedgerFacts facts(rules->agreement, Audience::kPublic, rules->categories);
//   facts.CatchUp(store);                       // again later: reads only new events
//   Result<AgreementStatus> status = EvaluateStatus(*rules, facts, StatusMoment(date));
//   StatusJson(*status), StatusText(*status), StatusCalendar(*status, stamp)
//
// EvaluateStatus is a pure function of the rules, the folded ledger and the moment: facts dated
// after the moment are not yet known, corrections are applied as known now (ledger-format §9.2).
// Its cost grows with the number of distinct days, scopes and currencies in the ledger, not with
// the number of events. Thread-safe for concurrent calls on the same (unchanging) inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commitments/agreement_commitments.h"
#include "core/result.h"
#include "evaluation/agreement_rules.h"
#include "evaluation/commitment_status.h"
#include "evaluation/deadline.h"
#include "evaluation/instant.h"
#include "evaluation/ledger_facts.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

struct AgreementStatus {
  std::string agreement;
  std::string title;
  Instant at{std::chrono::sys_seconds{}, 0};
  Audience audience = Audience::kAll;
  int64_t ledger_size = 0;     // events folded for the audience (LedgerFacts::events)
  int64_t events_counted = 0;  // of them, those standing on the day (LedgerFacts::StandingThrough)
  int64_t events_dated_later = 0;  // those standing, dated after the day
  Lifecycle lifecycle;
  std::vector<DeadlineStatus> deadlines;  // by date
  std::vector<CommitmentStatus> commitments;
  std::vector<Deadline> calendar;  // every deadline and yearly duty, for iCalendar
  // After a termination notice: the deadlines and duties of the full term that the termination
  // took away; the iCalendar lists them as cancelled. Empty without one.
  std::vector<Deadline> cancelled;
  // The SEQUENCE of every VEVENT (RFC 5545 §3.8.7.4: it grows with each revision): the ledger's
  // LedgerFacts::Revision at the status's moment, plus the facts given outside it dated by then.
  int64_t calendar_sequence = 0;
  // The ledger's leaves the status is of, restricted ones included (LedgerFacts::tree_size): an
  // export that shows events beside the status shows those of leaves below it.
  int64_t tree_size = 0;
};

// Reads the package in `folder` through the commitments stage (its review applied, strictly),
// its rules.json, and the reference series it names. Errors: those of each step, each with its
// file.
Result<AgreementRules> LoadAgreementRules(const std::string& folder);
// The same for the package's commitments extracted already
// (commitments::ExtractAgreementCommitments of `folder`), which callers that need them too read
// once.
Result<AgreementRules> LoadAgreementRules(const commitments::AgreementCommitments& agreement,
                                          const std::string& folder);

// The moment a status "at DATE" is taken: the last second of that day in UTC.
Instant EndOfDay(Date date);
// Reads `--at`: a date (EndOfDay) or an RFC 3339 moment, without the spaces around it; text
// without a time ('T') is read as a date, so that its error is a date's. Errors (empty text
// among them) name `where`.
Result<Instant> ParseStatusMoment(const std::string& text, const std::string& where);

// `external`: facts the ledger does not record (Ukraine's NATO membership), and notices given in
// addition to the ledger's (lifecycle_json.h reads them). Errors: a notice of `external` that
// CheckNotice refuses (naming its event) and the life cycle's parameters. A notice of the ledger
// that CheckNotice refuses is set aside among the life cycle's reasons.
Result<AgreementStatus> EvaluateStatus(const AgreementRules& rules, const LedgerFacts& facts,
                                       Instant at, const LifecycleFacts& external = {});

// The JSON of `treaty status --format json` (README "Status"): agreement, at, audience,
// ledger_size, events_counted, lifecycle, deadlines, commitments.
nlohmann::json StatusJson(const AgreementStatus& status);
// One entry of StatusJson's `commitments`: id, title, provision, rule, status, summary, progress,
// reasons, references.
nlohmann::json CommitmentStatusJson(const CommitmentStatus& commitment);
// The report of `treaty status --format text`, for a person.
std::string StatusText(const AgreementStatus& status);
// Every deadline and yearly duty as iCalendar (RFC 5545), stamped `stamp`.
std::string StatusCalendar(const AgreementStatus& status, Instant stamp);

}  // namespace treaty::evaluation
