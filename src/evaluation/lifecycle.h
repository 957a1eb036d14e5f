// The life cycle of an agreement (section 6 of lv-ua-2024): where the agreement stands on a date,
// from parameters taken from its reviewed commitments and facts taken from its ledger.
//
// EvaluateLifecycle is a pure function: the same parameters, facts and date give the same result,
// and a fact dated after the date is not yet known. Dates follow the period convention of
// period.h: every "last day" is inclusive, the agreement is in force through the end of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "evaluation/citation.h"
#include "evaluation/date.h"
#include "evaluation/period.h"

namespace treaty::evaluation {

// What the text says, each value with the commitment and words it came from.
struct LifecycleParameters {
  std::vector<std::string> parties;  // the two Participants' codes, "LV", "UA"
  Cited<Date> signature;             // "Signed in duplicate in Vilnius on 11 April 2024"
  Citation entry_into_force;         // "comes into effect on the day of its signature"
  Cited<Period> term;                // "is valid for 10 (ten) years"
  Cited<Period> extension_notice;    // "no later than 6 (six) months prior to the expiry"
  Cited<Period> termination_notice;  // "at least 6 (six) months in advance"
  Citation nato_membership;          // "will decide on its future status"
  Citation amendment;                // "by mutual agreement ... made in writing"
  Citation ongoing_activities;       // "will not affect the implementation of ongoing activities"
};

enum class NoticeKind { kExtension, kTermination, kAmendmentAcceptance };
const char* NoticeKindName(NoticeKind kind);  // "extension", "termination", "amendment_acceptance"

// A written notice from one Participant to the other (a ledger `notice` event).
struct Notice {
  std::string event_id;
  NoticeKind kind = NoticeKind::kTermination;
  std::string from;  // the Participant giving notice
  std::string to;    // the Participant receiving it; a notice always has one
  Date date;         // the day it was given
  // Termination: the day asked for; amendment acceptance: the day the amendment says.
  std::optional<Date> effective_date;
  std::string amendment;                 // amendment acceptance: the amendment (its proposal's id)
  std::optional<Period> extension_term;  // extension: the new term's length, when stated
};

// An activity or project and the day it was decided (a pledge or allocation).
struct Activity {
  std::string id;  // the ledger event
  Date decided;
};

struct LifecycleFacts {
  std::vector<Notice> notices;
  std::optional<Date> ukraine_nato_membership;  // the day Ukraine became a member of NATO
  std::string ukraine_nato_membership_source;   // where that is recorded, for the reason
  std::vector<Activity> activities;
};

enum class LifecycleState {
  kNotYetInForce,       // before entry into force
  kInForce,             // in force, no termination pending
  kTerminationPending,  // in force, a termination notice will end it on `termination_effective`
  kTerminated,          // after the last day in force, ended by a termination notice
  kExpired,             // after the last day of its (possibly extended) term
};
const char* LifecycleStateName(LifecycleState state);  // "in_force", "termination_pending", ...

struct AmendmentStatus {
  std::string id;
  std::vector<std::string> accepted_by;  // party codes, in the order of their acceptances
  std::optional<Date> in_effect_from;    // once every Participant has accepted in writing
  std::vector<std::string> events;
};

// An extension of a term the Participants agreed in writing by its deadline (sec_6__para_2).
struct AgreedExtension {
  int term_number = 1;               // the term extended
  Date deadline;                     // that term's last day to agree on it
  Date agreed_on;                    // the later Participant's notice
  std::vector<std::string> notices;  // the event ids of both Participants' notices
};

struct Lifecycle {
  Date at;
  LifecycleState state = LifecycleState::kNotYetInForce;
  Date in_force_from;
  int term_number = 1;      // 1 for the first term, +1 for each extension agreed in time
  Date term_last_day;       // the last day of the current term
  Date last_day_in_force;   // `term_last_day`, or `termination_effective` when that is earlier
  Date extension_deadline;  // the last day to agree on extending the current term
  std::vector<AgreedExtension> agreed_extensions;  // of the terms before the current one
  bool extension_possible = false;  // in force, deadline not passed, no termination pending
  // When a termination notice ends the term early; none when the term ends first.
  std::optional<Date> termination_effective;
  std::string termination_notice;      // its event id
  bool future_status_pending = false;  // Ukraine joined NATO while in force: a decision is due
  std::vector<AmendmentStatus> amendments;
  std::vector<std::string> continuing_activities;  // decided before the termination's date
  std::vector<Reason> reasons;
};

// Whether `notice` can be one of the agreement's: from a Participant to the other, not before the
// signature, an acceptance naming its amendment, a term stated only by an extension notice in
// whole days, months or years. The error's `where` names its event.
Result<bool> CheckNotice(const LifecycleParameters& parameters, const Notice& notice);

// Where the agreement stands on `at`. Errors (`where` names the parameter): fewer or more than two
// parties, a term or notice period that is not a whole number of days, months or years. A notice
// with no counterparty, from or to a non-party, to its sender, or before the signature, an
// amendment acceptance naming no amendment, or an extension term on another kind of notice has
// no effect: it is named, with why, among the last reasons. Extension notices stating different
// terms extend nothing.
Result<Lifecycle> EvaluateLifecycle(const LifecycleParameters& parameters,
                                    const LifecycleFacts& facts, Date at);

// One sentence for readers: since when the Agreement is in force, until when, and whether an
// extension can still be agreed, as `lifecycle` has them ("In force from 2024-04-11; term 1 ends
// on 2034-04-11; an extension can be agreed in writing by 2033-10-11.").
std::string LifecycleSummary(const Lifecycle& lifecycle);

}  // namespace treaty::evaluation
