// The ledger's events (docs/ledger-format.md §1): their types, fields and values, and their JSON
// and canonical forms (§2). An Event here is a plain value; whether it is valid is decided by
// event_parser.h (input and stored forms) and the append transaction (references, keys).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/hash.h"

namespace treaty::ledger {

// §1.2, in the order of its table. One byte: `treaty verify` keeps one per event.
enum class EventType : uint8_t {
  kPledge,
  kAllocation,
  kDisbursement,
  kDelivery,
  kTraining,
  kMeeting,
  kNotice,
  kConsultationRequest,
  kConsultationHeld,
  kTechnicalAgreement,
  kCorrection,  // the last: kEventTypeCount counts on it
};
inline constexpr size_t kEventTypeCount = static_cast<size_t>(EventType::kCorrection) + 1;

// The JSON spelling of `type` ("consultation_request").
std::string_view EventTypeName(EventType type);
// The type spelled `name`, or nullopt.
std::optional<EventType> EventTypeFromName(std::string_view name);
// The subtypes an event of `type` takes, one of which it must name (§1.3): a meeting's, a
// notice's and a consultation request's; empty for the other types.
const std::vector<std::string_view>& SubtypesOf(EventType type);

struct Money {
  std::string currency;     // active ISO 4217 code (currency.h)
  int64_t minor_units = 0;  // 1 … kMaxSafeInteger
};

struct Period {
  std::string from;  // YYYY-MM-DD
  std::string to;    // YYYY-MM-DD, not before `from`
};

struct Evidence {
  std::string reference;  // one line, 1–1000 characters
  std::string sha256;     // 64 lowercase hex digits; empty (absent) only for an http(s) URL
};

struct RecordedBy {
  std::string institution;  // institution id of the keys file
  std::string user;         // one line, 1–100 characters
};

// The fields that describe the fact, which an `amend` correction replaces as a whole (§9.1).
// An empty string or an empty optional is an absent field.
struct EventContent {
  EventType type = EventType::kPledge;
  std::string subtype;
  std::string participant;  // "LV", "UA", "both"
  std::string date;         // YYYY-MM-DD
  std::string date_precision;
  std::string occurred_at;
  std::vector<std::string> commitments;  // sorted, unique; not serialised for a correction
  std::optional<Money> amount;
  std::optional<int64_t> quantity;
  std::string unit;
  std::string item;
  std::optional<Period> period;
  std::string effective_date;
  std::string named_institution;
  std::string responds_to;  // lowercase UUID
  std::string description;
  std::vector<Evidence> evidence;  // always serialised, may be empty
};

// One event (§1.1). `id` and `recorded_at` are empty until the ledger assigns them (§6.2).
struct Event {
  std::string id;
  std::string agreement;
  EventContent content;
  std::string classification;  // "public" or "restricted"
  std::string idempotency_key;
  std::string recorded_at;
  RecordedBy recorded_by;
  std::string corrects;                     // correction only, lowercase UUID
  std::string action;                       // correction only: "amend" or "retract"
  std::optional<EventContent> replacement;  // correction with "amend" only
};

// The JSON object of `event` with exactly its present fields (§1.1, "no field is ever null").
nlohmann::json EventToJson(const Event& event);
// The JSON object of a correction's `replacement` (§9.1): the content fields, commitments and
// evidence always present.
nlohmann::json ContentToJson(const EventContent& content);

// The leaf input of §2.1: RFC 8785 bytes of EventToJson(event). Errors: those of Canonicalize
// (a string that is not UTF-8), which a validated event never has.
Result<std::string> CanonicalEvent(const Event& event);

// The content hash of §2.3: SHA-256 of the RFC 8785 bytes of the event without `id`,
// `recorded_at` and `idempotency_key`, with `recorded_by` reduced to its institution.
Result<Hash> ContentHash(const Event& event);

// An event's canonical bytes and its content hash.
struct CanonicalForm {
  std::string bytes;  // CanonicalEvent(event)
  Hash content_hash;  // ContentHash(event)
};

// CanonicalEvent and ContentHash from one serialisation. Errors: those of CanonicalEvent.
Result<CanonicalForm> CanonicalEventAndContentHash(const Event& event);

// The prefix of derived idempotency keys; input keys may not start with it (§1.4).
inline constexpr std::string_view kDerivedKeyPrefix = "content:";

// "content:" followed by the 64 hex digits of ContentHash(event).
Result<std::string> DerivedIdempotencyKey(const Event& event);

// False when `key` is a derived key ("content:…") that is not the one of `content_hash` (§1.4).
bool DerivedKeyHolds(std::string_view key, const Hash& content_hash);

}  // namespace treaty::ledger
