#include "ledger/submission_checks.h"

#include <nlohmann/json.hpp>
#include <utility>

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

std::string ParticipantOf(const KeysFile& keys, const std::string& institution) {
  const Institution* found = keys.FindInstitution(institution);
  return found != nullptr ? found->participant : "";
}

// `responds_to` of `content` (at `prefix`) names an event of the expected type (§1.3).
Result<std::optional<Error>> RespondsToProblem(const std::string& prefix,
                                               const EventContent& content,
                                               const std::string& agreement,
                                               const ReferenceLookup& lookup) {
  if (content.responds_to.empty()) return std::optional<Error>();
  const std::string path = prefix + "responds_to";
  Result<std::optional<Referenced>> found = lookup(content.responds_to);
  if (!found.ok()) return found.error();
  if (!found.value()) {
    return std::optional<Error>(
        Error{fmt::format("no event {} in {}", content.responds_to, agreement), path});
  }
  std::string expected_type = "notice";
  std::string expected_subtype;
  if (content.type == EventType::kConsultationHeld) {
    expected_type = "consultation_request";
  } else if (content.subtype == "amendment_acceptance") {
    expected_subtype = "amendment_proposal";
  } else if (content.subtype == "extension") {
    expected_subtype = "extension";
  }
  const Referenced& ref = *found.value();
  if (ref.type != expected_type) {
    return std::optional<Error>(
        Error{fmt::format("names a {}; expected {}", ref.type, expected_type), path});
  }
  if (!expected_subtype.empty() && ref.subtype != expected_subtype) {
    return std::optional<Error>(Error{
        fmt::format("names a notice of subtype {}; expected {}", ref.subtype, expected_subtype),
        path});
  }
  // §1.3 note 4: an extension agrees to the other Participant's extension notice. (Each
  // Participant accepts an amendment, its proposer too, so an acceptance may name its own.)
  // `verify` gives no participant: ledgers recorded before the rule still verify.
  if (content.subtype == "extension" && !ref.participant.empty() &&
      ref.participant == content.participant) {
    return std::optional<Error>(
        Error{fmt::format("names {}'s own extension notice; an extension agrees to the other "
                          "Participant's",
                          content.participant),
              path});
  }
  return std::optional<Error>();
}

// NoticeSenderProblem for `content`, the event's own or its replacement's (`prefix`).
std::optional<Error> ContentSenderProblem(const std::string& prefix, const EventContent& content,
                                          const Event& event, const KeysFile& keys) {
  if (content.type != EventType::kNotice) return std::nullopt;
  const std::string own = ParticipantOf(keys, event.recorded_by.institution);
  if (content.participant == own) return std::nullopt;
  return Error{fmt::format("a notice is given by the Participant of the institution that records "
                           "it: {} records notices of {}, not of {}",
                           event.recorded_by.institution, own.empty() ? "no Participant" : own,
                           content.participant),
               prefix + "participant"};
}

}  // namespace

Referenced ReferencedFromRow(const StoredEvent& row) {
  Referenced ref{row.type, "", row.classification, row.institution, row.corrects, ""};
  const nlohmann::json event = nlohmann::json::parse(row.canonical, nullptr, false);
  if (event.is_object() && event.contains("subtype") && event["subtype"].is_string()) {
    ref.subtype = event["subtype"].get<std::string>();
  }
  if (event.is_object() && event.contains("participant") && event["participant"].is_string()) {
    ref.participant = event["participant"].get<std::string>();
  }
  return ref;
}

Referenced ReferencedFromEvent(const Event& event) {
  return Referenced{std::string(EventTypeName(event.content.type)),
                    event.content.subtype,
                    event.classification,
                    event.recorded_by.institution,
                    event.corrects,
                    event.content.participant};
}

std::optional<Error> SubmissionProblem(const Event& event, const std::string& agreement,
                                       const PrivateKey& key) {
  if (event.agreement != agreement) {
    return Error{fmt::format("the event is of {}, the append is to {}", event.agreement, agreement),
                 "agreement"};
  }
  if (event.recorded_by.institution != key.institution) {
    return Error{fmt::format("event signed with the wrong key: key {} belongs to {}, the event is "
                             "recorded by {}",
                             key.key_id, key.institution, event.recorded_by.institution),
                 "recorded_by.institution"};
  }
  if (!event.id.empty() || !event.recorded_at.empty()) {
    return Error{"assigned by the ledger", event.id.empty() ? "recorded_at" : "id"};
  }
  if (event.idempotency_key.empty()) return Error{"required", "idempotency_key"};
  return std::nullopt;
}

std::optional<Error> NoticeSenderProblem(const Event& event, const KeysFile& keys) {
  if (std::optional<Error> problem = ContentSenderProblem("", event.content, event, keys)) {
    return problem;
  }
  if (!event.replacement) return std::nullopt;
  return ContentSenderProblem("replacement.", *event.replacement, event, keys);
}

Result<std::optional<Error>> ReferenceProblem(const Event& event, const std::string& agreement,
                                              const KeysFile& keys, const ReferenceLookup& lookup) {
  Result<std::optional<Error>> responds = RespondsToProblem("", event.content, agreement, lookup);
  if (!responds.ok() || responds.value()) return responds;
  if (event.replacement) {
    responds = RespondsToProblem("replacement.", *event.replacement, agreement, lookup);
    if (!responds.ok() || responds.value()) return responds;
  }
  if (event.corrects.empty()) return std::optional<Error>();
  Result<std::optional<Referenced>> found = lookup(event.corrects);
  if (!found.ok()) return found.error();
  if (!found.value()) {
    return std::optional<Error>(
        Error{fmt::format("no event {} in {}", event.corrects, agreement), "corrects"});
  }
  const Referenced& original = *found.value();
  if (original.type == "correction") {
    return std::optional<Error>(
        Error{fmt::format("names a correction; name the original event {}", original.corrects),
              "corrects"});
  }
  if (original.classification != event.classification) {
    return std::optional<Error>(
        Error{fmt::format("must equal the corrected event's ({})", original.classification),
              "classification"});
  }
  const std::string participant = ParticipantOf(keys, original.institution);
  if (participant.empty() || participant != ParticipantOf(keys, event.recorded_by.institution)) {
    return std::optional<Error>(Error{
        fmt::format("a correction is recorded by the Participant that recorded the event ({})",
                    participant.empty() ? original.institution : participant),
        "recorded_by.institution"});
  }
  return std::optional<Error>();
}

}  // namespace treaty::ledger
