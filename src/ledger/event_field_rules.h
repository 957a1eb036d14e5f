// The rules of the §1.3 table and the forms of ids and codes (docs/ledger-format.md §1), shared
// by the event parser (event_parser.cc) and the check of an event already in its normal form
// (normal_recorded_event.cc), so that both apply the same ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/agreement_id.h"
#include "ledger/event.h"
#include "ledger/event_parser.h"

namespace treaty::ledger {

inline constexpr size_t kMaxCommitments = 50;  // §1.1: an event's commitments

// §1.4: the last date a fact may have, the UTC date of `recorded_micros` (recorded_at, or now on
// input) plus one day, so that a fact of today anywhere on Earth is accepted.
std::string LatestFactDate(int64_t recorded_micros);

// The problem of a date after `latest` (LatestFactDate): "later than the recording date (D)".
std::string LaterThanRecordingProblem(const std::string& latest);

// Whether the §1.3 table requires a field, allows it or forbids it.
enum class Need { kRequired, kOptional, kForbidden };

// A rule for one field: whether it is needed and, when the rule comes from a subtype or from
// `quantity`, the words after "required " / "not allowed " ("for notice subtype termination").
struct Rule {
  Need need = Need::kForbidden;
  std::string scope;
};

// `code` may name the Participant who acted: one of the agreement's party codes, or, where they
// are not known, any code of their form.
bool IsParticipant(const ValidationContext& context, std::string_view code);

// The types that may carry an amount and a period.
bool IsMoneyType(EventType type);

// The acts of the Participants together, whose `participant` is "both"; every other type is one
// Participant's act.
inline constexpr EventType kJointEventTypes[] = {EventType::kMeeting, EventType::kConsultationHeld,
                                                 EventType::kTechnicalAgreement};
bool IsJointEventType(EventType type);

// Only the digits 0-9 and a-f.
bool IsLowerHex(std::string_view text);

// ^[a-z][a-z0-9_-]{0,31}$
bool IsUnit(std::string_view unit);

// ^[A-Za-z][A-Za-z0-9_-]{0,199}$
bool IsCommitmentId(std::string_view id);

// White space of §1.4, line breaks included (text::IsSpace leaves them out): what trimming removes.
bool IsTrimmedSpace(char32_t c);

// The rules of the §1.3 table for `field` of an event of `type` and `subtype`.
Rule RuleFor(EventType type, std::string_view subtype, std::string_view field, bool has_quantity);

}  // namespace treaty::ledger
