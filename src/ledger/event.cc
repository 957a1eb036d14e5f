#include "ledger/event.h"

#include <array>
#include <utility>

#include "ledger/canonical_json.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;

constexpr std::array<std::pair<EventType, std::string_view>, 11> kTypeNames = {{
    {EventType::kPledge, "pledge"},
    {EventType::kAllocation, "allocation"},
    {EventType::kDisbursement, "disbursement"},
    {EventType::kDelivery, "delivery"},
    {EventType::kTraining, "training"},
    {EventType::kMeeting, "meeting"},
    {EventType::kNotice, "notice"},
    {EventType::kConsultationRequest, "consultation_request"},
    {EventType::kConsultationHeld, "consultation_held"},
    {EventType::kTechnicalAgreement, "technical_agreement"},
    {EventType::kCorrection, "correction"},
}};

void PutString(json& object, const char* name, const std::string& value) {
  if (!value.empty()) object[name] = value;
}

// The content fields into `object`; commitments when `with_commitments`.
void PutContent(const EventContent& content, bool with_commitments, json& object) {
  object["type"] = std::string(EventTypeName(content.type));
  PutString(object, "subtype", content.subtype);
  PutString(object, "participant", content.participant);
  PutString(object, "date", content.date);
  PutString(object, "date_precision", content.date_precision);
  PutString(object, "occurred_at", content.occurred_at);
  if (with_commitments) object["commitments"] = content.commitments;
  if (content.amount) {
    object["amount"] = {{"currency", content.amount->currency},
                        {"minor_units", content.amount->minor_units}};
  }
  if (content.quantity) object["quantity"] = *content.quantity;
  PutString(object, "unit", content.unit);
  PutString(object, "item", content.item);
  if (content.period)
    object["period"] = {{"from", content.period->from}, {"to", content.period->to}};
  PutString(object, "effective_date", content.effective_date);
  PutString(object, "named_institution", content.named_institution);
  PutString(object, "responds_to", content.responds_to);
  PutString(object, "description", content.description);
  json evidence = json::array();
  for (const Evidence& item : content.evidence) {
    json entry = {{"reference", item.reference}};
    PutString(entry, "sha256", item.sha256);
    evidence.push_back(std::move(entry));
  }
  object["evidence"] = std::move(evidence);
}

}  // namespace

std::string_view EventTypeName(EventType type) {
  for (const auto& [value, name] : kTypeNames) {
    if (value == type) return name;
  }
  return "";
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  for (const auto& [value, type_name] : kTypeNames) {
    if (type_name == name) return value;
  }
  return std::nullopt;
}

json ContentToJson(const EventContent& content) {
  json object = json::object();
  PutContent(content, /*with_commitments=*/true, object);
  return object;
}

json EventToJson(const Event& event) {
  json object = json::object();
  PutContent(event.content, event.content.type != EventType::kCorrection, object);
  PutString(object, "id", event.id);
  PutString(object, "agreement", event.agreement);
  PutString(object, "classification", event.classification);
  PutString(object, "idempotency_key", event.idempotency_key);
  PutString(object, "recorded_at", event.recorded_at);
  json recorded_by = json::object();
  PutString(recorded_by, "institution", event.recorded_by.institution);
  PutString(recorded_by, "user", event.recorded_by.user);
  object["recorded_by"] = std::move(recorded_by);
  PutString(object, "corrects", event.corrects);
  PutString(object, "action", event.action);
  if (event.replacement) object["replacement"] = ContentToJson(*event.replacement);
  return object;
}

Result<std::string> CanonicalEvent(const Event& event) { return Canonicalize(EventToJson(event)); }

Result<Hash> ContentHash(const Event& event) {
  json object = EventToJson(event);
  object.erase("id");
  object.erase("recorded_at");
  object.erase("idempotency_key");
  object["recorded_by"].erase("user");
  Result<std::string> bytes = Canonicalize(object);
  if (!bytes.ok()) return bytes.error();
  return Sha256(bytes.value());
}

Result<std::string> DerivedIdempotencyKey(const Event& event) {
  Result<Hash> hash = ContentHash(event);
  if (!hash.ok()) return hash.error();
  return std::string(kDerivedKeyPrefix) + ToHex(hash.value());
}

}  // namespace treaty::ledger
