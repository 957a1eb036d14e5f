#include "ledger/event.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

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

// Writes an event's RFC 8785 bytes straight from its fields, in the member order Canonicalize
// gives EventToJson (every name is ASCII, so UTF-16 order is byte order): the same bytes and the
// same errors, without building a JSON value.
class EventWriter {
 public:
  explicit EventWriter(bool for_content_hash) : for_content_hash_(for_content_hash) {
    out_.reserve(1024);
  }

  // The members of `event`, or of a replacement's `content` when `event` is null; `object_path`
  // names the object in errors ("" or "replacement").
  void WriteObject(const EventContent& content, bool with_commitments, const Event* event,
                   std::string_view object_path) {
    const auto path = [object_path] { return std::string(object_path); };
    auto member = [&](std::string_view name) {
      return [&path, name] { return Join(path(), name); };
    };
    bool first = true;
    out_ += '{';
    if (event != nullptr) {
      String(first, "action", event->action, path);
      String(first, "agreement", event->agreement, path);
    }
    if (content.amount) {
      Name(first, "amount");
      const auto amount_path = member("amount");
      bool inner = true;
      out_ += '{';
      String(inner, "currency", content.amount->currency, amount_path, /*always=*/true);
      Integer(inner, "minor_units", content.amount->minor_units, amount_path);
      out_ += '}';
    }
    if (event != nullptr) String(first, "classification", event->classification, path);
    if (with_commitments) {
      Name(first, "commitments");
      out_ += '[';
      for (size_t i = 0; i < content.commitments.size(); ++i) {
        if (i > 0) out_ += ',';
        Text(content.commitments[i], [&] { return Index(Join(path(), "commitments"), i); });
      }
      out_ += ']';
    }
    if (event != nullptr) String(first, "corrects", event->corrects, path);
    String(first, "date", content.date, path);
    String(first, "date_precision", content.date_precision, path);
    String(first, "description", content.description, path);
    String(first, "effective_date", content.effective_date, path);
    Name(first, "evidence");
    out_ += '[';
    for (size_t i = 0; i < content.evidence.size(); ++i) {
      if (i > 0) out_ += ',';
      const auto item_path = [&] { return Index(Join(path(), "evidence"), i); };
      bool inner = true;
      out_ += '{';
      String(inner, "reference", content.evidence[i].reference, item_path, /*always=*/true);
      String(inner, "sha256", content.evidence[i].sha256, item_path);
      out_ += '}';
    }
    out_ += ']';
    if (event != nullptr && !for_content_hash_) {
      const size_t start = out_.size();
      String(first, "id", event->id, path);
      String(first, "idempotency_key", event->idempotency_key, path);
      Cut(start);
    }
    String(first, "item", content.item, path);
    String(first, "named_institution", content.named_institution, path);
    String(first, "occurred_at", content.occurred_at, path);
    String(first, "participant", content.participant, path);
    if (content.period) {
      Name(first, "period");
      const auto period_path = member("period");
      bool inner = true;
      out_ += '{';
      String(inner, "from", content.period->from, period_path, /*always=*/true);
      String(inner, "to", content.period->to, period_path, /*always=*/true);
      out_ += '}';
    }
    if (content.quantity) Integer(first, "quantity", *content.quantity, path);
    if (event != nullptr) {
      if (!for_content_hash_) {
        const size_t start = out_.size();
        String(first, "recorded_at", event->recorded_at, path);
        Cut(start);
      }
      Name(first, "recorded_by");
      const auto by_path = member("recorded_by");
      bool inner = true;
      out_ += '{';
      String(inner, "institution", event->recorded_by.institution, by_path);
      if (!for_content_hash_) {
        const size_t start = out_.size();
        String(inner, "user", event->recorded_by.user, by_path);
        Cut(start);
      }
      out_ += '}';
      if (event->replacement) {
        Name(first, "replacement");
        WriteObject(*event->replacement, /*with_commitments=*/true, nullptr, "replacement");
      }
    }
    String(first, "responds_to", content.responds_to, path);
    String(first, "subtype", content.subtype, path);
    String(first, "type", EventTypeName(content.type), path, /*always=*/true);
    String(first, "unit", content.unit, path);
    out_ += '}';
  }

  Result<std::string> Take() && {
    if (error_) return *std::move(error_);
    return std::move(out_);
  }

  // SHA-256 of what the content-hash writer would have written: the bytes written so far without
  // the cut members. The cut members never come first in their object (`agreement` and
  // `evidence` precede `id`, `idempotency_key` and `recorded_at`; `institution` precedes
  // `user`), or a cut one is the only member (`user` alone), so a cut takes its comma with it.
  Hash ContentHashOfWritten() const {
    std::string content;
    content.reserve(out_.size());
    size_t kept = 0;
    for (const auto& [begin, end] : cuts_) {
      content.append(out_, kept, begin - kept);
      kept = end;
    }
    content.append(out_, kept, std::string::npos);
    return Sha256(content);
  }

 private:
  // Paths as Canonicalize writes them: "evidence[1].reference".
  static std::string Join(const std::string& path, std::string_view name) {
    return path.empty() ? std::string(name) : path + "." + std::string(name);
  }
  static std::string Index(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
  }

  // Marks the bytes written since `start` as left out of the content hash.
  void Cut(size_t start) {
    if (out_.size() > start) cuts_.emplace_back(start, out_.size());
  }

  // A member name; the names are ASCII without characters to escape.
  void Name(bool& first, std::string_view name) {
    if (!first) out_ += ',';
    first = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }

  template <typename Path>
  void Text(std::string_view value, const Path& path) {
    if (std::optional<size_t> bad = AppendCanonicalString(value, out_); bad && !error_) {
      error_ =
          Error{"invalid UTF-8 at byte offset " + std::to_string(*bad) + " of the string", path()};
    }
  }

  // A string member of the object at `path`; absent when empty unless `always`.
  template <typename Path>
  void String(bool& first, std::string_view name, std::string_view value, const Path& path,
              bool always = false) {
    if (value.empty() && !always) return;
    Name(first, name);
    Text(value, [&] { return Join(path(), name); });
  }

  template <typename Path>
  void Integer(bool& first, std::string_view name, int64_t value, const Path& path) {
    Name(first, name);
    if ((value < -kMaxSafeInteger || value > kMaxSafeInteger) && !error_) {
      error_ = Error{
          "integer " + std::to_string(value) + " is beyond ±" + std::to_string(kMaxSafeInteger),
          Join(path(), name)};
    }
    out_ += std::to_string(value);
  }

  const bool for_content_hash_;
  std::string out_;
  std::vector<std::pair<size_t, size_t>> cuts_;  // [begin, end) of members ContentHash leaves out
  std::optional<Error> error_;
};

}  // namespace

const std::vector<std::string_view>& SubtypesOf(EventType type) {
  static const std::vector<std::string_view> kMeeting = {"strategic_dialogue", "other"};
  static const std::vector<std::string_view> kNotice = {
      "extension", "termination", "amendment_proposal", "amendment_acceptance",
      "authorised_institution"};
  static const std::vector<std::string_view> kConsultation = {"armed_attack", "dispute", "other"};
  static const std::vector<std::string_view> kNone;
  switch (type) {
    case EventType::kMeeting:
      return kMeeting;
    case EventType::kNotice:
      return kNotice;
    case EventType::kConsultationRequest:
      return kConsultation;
    default:
      return kNone;
  }
}

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

Result<std::string> CanonicalEvent(const Event& event) {
  EventWriter writer(/*for_content_hash=*/false);
  writer.WriteObject(event.content, event.content.type != EventType::kCorrection, &event, "");
  return std::move(writer).Take();
}

Result<CanonicalForm> CanonicalEventAndContentHash(const Event& event) {
  EventWriter writer(/*for_content_hash=*/false);
  writer.WriteObject(event.content, event.content.type != EventType::kCorrection, &event, "");
  const Hash content_hash = writer.ContentHashOfWritten();
  Result<std::string> bytes = std::move(writer).Take();
  if (!bytes.ok()) return bytes.error();
  return CanonicalForm{std::move(bytes).value(), content_hash};
}

Result<Hash> ContentHash(const Event& event) {
  EventWriter writer(/*for_content_hash=*/true);
  writer.WriteObject(event.content, event.content.type != EventType::kCorrection, &event, "");
  Result<std::string> bytes = std::move(writer).Take();
  if (!bytes.ok()) return bytes.error();
  return Sha256(bytes.value());
}

Result<std::string> DerivedIdempotencyKey(const Event& event) {
  Result<Hash> hash = ContentHash(event);
  if (!hash.ok()) return hash.error();
  return std::string(kDerivedKeyPrefix) + ToHex(hash.value());
}

bool DerivedKeyHolds(std::string_view key, const Hash& content_hash) {
  return !key.starts_with(kDerivedKeyPrefix) ||
         key.substr(kDerivedKeyPrefix.size()) == ToHex(content_hash);
}

}  // namespace treaty::ledger
