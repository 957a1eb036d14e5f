#include "ledger/event_field_rules.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/party_code.h"
#include "ledger/timestamp.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

bool IsAsciiLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string LatestFactDate(int64_t recorded_micros) {
  return CivilFromDays(recorded_micros / kMicrosPerDay + 1);
}

std::string LaterThanRecordingProblem(const std::string& latest) {
  return fmt::format("later than the recording date ({})", CivilFromDays(*DateToDays(latest) - 1));
}

bool IsParticipant(const ValidationContext& context, std::string_view code) {
  if (!context.participants.empty()) {
    return std::find(context.participants.begin(), context.participants.end(), code) !=
           context.participants.end();
  }
  return IsPartyCode(code);
}

bool IsJointEventType(EventType type) {
  return std::find(std::begin(kJointEventTypes), std::end(kJointEventTypes), type) !=
         std::end(kJointEventTypes);
}

bool IsMoneyType(EventType type) {
  return type == EventType::kPledge || type == EventType::kAllocation ||
         type == EventType::kDisbursement || type == EventType::kDelivery ||
         type == EventType::kTraining;
}

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsUnit(std::string_view unit) {
  if (unit.empty() || unit.size() > 32 || unit[0] < 'a' || unit[0] > 'z') return false;
  return std::all_of(unit.begin(), unit.end(),
                     [](char c) { return IsAsciiLowerOrDigit(c) || c == '_' || c == '-'; });
}

bool IsCommitmentId(std::string_view id) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (id.empty() || id.size() > 200 || !letter(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool IsTrimmedSpace(char32_t c) { return c == '\n' || c == '\r' || text::IsSpace(c); }

Rule RuleFor(EventType type, std::string_view subtype, std::string_view field, bool has_quantity) {
  using T = EventType;
  const bool correction = type == T::kCorrection;
  const bool consultation = type == T::kConsultationRequest || type == T::kConsultationHeld;
  const bool notice = type == T::kNotice;
  // Formatted only where a notice rule names it: this runs for every field of every event.
  const auto notice_scope = [subtype] { return fmt::format("for notice subtype {}", subtype); };
  if (field == "participant" || field == "date" || field == "commitments") {
    return {correction ? Need::kForbidden : Need::kRequired, ""};
  }
  if (field == "date_precision") {
    return {correction || consultation ? Need::kForbidden : Need::kOptional, ""};
  }
  if (field == "occurred_at") {
    if (correction) return {Need::kForbidden, ""};
    return {consultation ? Need::kRequired : Need::kOptional, ""};
  }
  if (field == "subtype") {
    const bool has = type == T::kMeeting || notice || type == T::kConsultationRequest;
    return {has ? Need::kRequired : Need::kForbidden, ""};
  }
  if (field == "amount") {
    if (type == T::kAllocation || type == T::kDisbursement) return {Need::kRequired, ""};
    const bool optional = type == T::kPledge || type == T::kDelivery || type == T::kTraining;
    return {optional ? Need::kOptional : Need::kForbidden, ""};
  }
  if (field == "quantity") {
    if (type == T::kDelivery) return {Need::kRequired, ""};
    return {type == T::kPledge || type == T::kTraining ? Need::kOptional : Need::kForbidden, ""};
  }
  if (field == "unit" || field == "item") {
    if (type == T::kDelivery) return {Need::kRequired, ""};
    if (type == T::kPledge || (type == T::kTraining && field == "unit")) {
      return has_quantity ? Rule{Need::kRequired, "with quantity"}
                          : Rule{Need::kForbidden, "without quantity"};
    }
    return {Need::kForbidden, ""};
  }
  if (field == "period") return {IsMoneyType(type) ? Need::kOptional : Need::kForbidden, ""};
  if (field == "effective_date") {
    if (type == T::kTechnicalAgreement) return {Need::kOptional, ""};
    if (!notice) return {Need::kForbidden, ""};
    const bool allowed =
        subtype == "termination" || subtype == "extension" || subtype == "amendment_acceptance";
    return {allowed ? Need::kOptional : Need::kForbidden, notice_scope()};
  }
  if (field == "named_institution") {
    if (!notice) return {Need::kForbidden, ""};
    return {subtype == "authorised_institution" ? Need::kRequired : Need::kForbidden,
            notice_scope()};
  }
  if (field == "responds_to") {
    if (type == T::kConsultationHeld) return {Need::kRequired, ""};
    if (!notice) return {Need::kForbidden, ""};
    if (subtype == "amendment_acceptance") return {Need::kRequired, notice_scope()};
    return {subtype == "extension" ? Need::kOptional : Need::kForbidden, notice_scope()};
  }
  return {Need::kForbidden, ""};
}

}  // namespace treaty::ledger
