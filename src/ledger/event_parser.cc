#include "ledger/event_parser.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ledger/canonical_json.h"
#include "ledger/currency.h"
#include "ledger/event_field_rules.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"
#include "text/nfc.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

// "noncharacter U+FFFE at character 5, which I-JSON excludes" for the first noncharacter of
// `text` (RFC 7493 §2.1), if any. REQUIRES: valid UTF-8.
std::optional<std::string> NoncharacterProblem(std::string_view text) {
  size_t position = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = text::DecodeAt(text, pos);
    ++position;
    if (text::IsNoncharacter(c)) {
      return fmt::format("noncharacter U+{:04X} at character {}, which I-JSON excludes",
                         static_cast<uint32_t>(c), position);
    }
  }
  return std::nullopt;
}

using json = nlohmann::json;

// How a member is given: absent (missing, or a string empty after trimming, §1.4), invalid (null:
// CheckMembers reports it and nothing more is said of the member), or present.
enum class Given { kAbsent, kInvalid, kPresent };

// The content members an object of `type` may have, in addition to the envelope.
const std::vector<std::string_view> kContentFields = {"type",           "subtype",
                                                      "participant",    "date",
                                                      "date_precision", "occurred_at",
                                                      "commitments",    "amount",
                                                      "quantity",       "unit",
                                                      "item",           "period",
                                                      "effective_date", "named_institution",
                                                      "responds_to",    "description",
                                                      "evidence"};
const std::vector<std::string_view> kEnvelopeFields = {
    "id",          "agreement", "classification", "idempotency_key", "recorded_at",
    "recorded_by", "corrects",  "action",         "replacement"};

class Validator {
 public:
  Validator(EventForm form, const ValidationContext& context) : form_(form), context_(context) {}

  Event ReadEvent(const json& object) {
    Event event;
    if (!object.is_object()) {
      Fail("", "not a JSON object");
      return event;
    }
    CheckMembers(object, "", /*envelope=*/true);
    for (const char* assigned : {"id", "recorded_at"}) {
      if (form_ == EventForm::kInput && object.contains(assigned) && !object[assigned].is_null()) {
        Fail(assigned, "assigned by the ledger");
      }
    }
    if (form_ == EventForm::kRecorded) ReadAssigned(object, event);
    ReadAgreement(object, event);
    std::string latest = LatestDate(event);
    const bool has_type = ReadContent(object, "", latest, /*in_replacement=*/false, event.content);
    ReadClassification(object, event);
    ReadRecordedBy(object, event);
    if (has_type && event.content.type == EventType::kCorrection) {
      ReadCorrection(object, latest, event);
    } else {
      for (const char* name : {"corrects", "action", "replacement"}) {
        if (Present(object, name)) {
          Fail(name, has_type ? NotAllowed(event.content.type) : "allowed for correction only");
        }
      }
    }
    ReadIdempotencyKey(object, event);
    return event;
  }

  std::vector<FieldError> TakeErrors() && {
    std::stable_sort(errors_.begin(), errors_.end(), [](const FieldError& a, const FieldError& b) {
      return PathLess(a.path, b.path);
    });
    return std::move(errors_);
  }

 private:
  void Fail(std::string path, std::string message) {
    errors_.push_back({std::move(path), std::move(message)});
  }

  static std::string Join(std::string_view prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : fmt::format("{}.{}", prefix, name);
  }

  static std::string NotAllowed(EventType type) {
    return fmt::format("not allowed for {}", EventTypeName(type));
  }

  // A member is present unless missing; null is reported by CheckMembers and then absent.
  static bool Present(const json& object, const char* name) {
    return object.contains(name) && !object[name].is_null();
  }

  static Given GivenOf(const json& object, const char* name) {
    if (!object.is_object()) return Given::kAbsent;
    const auto it = object.find(name);
    if (it == object.end()) return Given::kAbsent;
    if (it->is_null()) return Given::kInvalid;
    if (it->is_string() && TrimSpace(it->get_ref<const std::string&>()).empty())
      return Given::kAbsent;
    return Given::kPresent;
  }

  // True when `name` is present; records `message` at `path` when it is absent.
  bool Require(const json& object, const char* name, const std::string& path, std::string message) {
    const Given given = GivenOf(object, name);
    if (given == Given::kAbsent) Fail(path, std::move(message));
    return given == Given::kPresent;
  }

  // Unknown members and nulls of `object`; the envelope's members when `envelope`.
  void CheckMembers(const json& object, const std::string& prefix, bool envelope) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string path = Join(prefix, it.key());
      const bool content =
          std::find(kContentFields.begin(), kContentFields.end(), it.key()) != kContentFields.end();
      const bool envelope_field = std::find(kEnvelopeFields.begin(), kEnvelopeFields.end(),
                                            it.key()) != kEnvelopeFields.end();
      if (!content && !(envelope && envelope_field)) {
        Fail(path, "unknown field");
      } else if (it.value().is_null()) {
        Fail(path, "null is not allowed; leave the field out");
      }
    }
  }

  // Checks only the listed members (`names`) of a nested object such as amount or period.
  bool CheckNested(const json& value, const std::string& path,
                   std::initializer_list<std::string_view> names) {
    if (!value.is_object()) {
      Fail(path, "not a JSON object");
      return false;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (std::find(names.begin(), names.end(), it.key()) == names.end()) {
        Fail(Join(path, it.key()), "unknown field");
      } else if (it.value().is_null()) {
        Fail(Join(path, it.key()), "null is not allowed; leave the field out");
      }
    }
    return true;
  }

  // The string of §1.4 after normalisation (NormalEventString); nullopt when absent, empty after
  // trimming, or wrong (the error is recorded).
  std::optional<std::string> String(const json& value, const std::string& path, StringRule rule) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) {
      Fail(path, fmt::format("not a string: {}", value.dump()));
      return std::nullopt;
    }
    Result<std::string> text = NormalEventString(value.get<std::string>(), rule);
    if (!text.ok()) {
      Fail(path, text.error().message);
      return std::nullopt;
    }
    if (text.value().empty()) return std::nullopt;
    // Input only: events stored before the rule still read (docs/ledger-format.md §1.4).
    if (form_ == EventForm::kInput) {
      if (std::optional<std::string> problem = NoncharacterProblem(text.value())) {
        Fail(path, *problem);
        return std::nullopt;
      }
    }
    return std::move(text).value();
  }

  // A JSON integer in 1 … kMaxSafeInteger; `negative_message` reports negatives (quantity).
  std::optional<int64_t> PositiveInteger(const json& value, const std::string& path,
                                         bool name_negative) {
    if (value.is_number_unsigned()) {
      if (value.get<uint64_t>() > static_cast<uint64_t>(kMaxSafeInteger)) {
        Fail(path, fmt::format("larger than {}", kMaxSafeInteger));
        return std::nullopt;
      }
    } else if (const double whole = value.is_number_float() ? value.get<double>() : 0.0;
               std::isfinite(whole) && whole == std::floor(whole) &&
               std::abs(whole) > static_cast<double>(kMaxSafeInteger)) {
      // An integer beyond 64 bits is read as a double: its size or sign is the problem to name.
      if (whole > 0) {
        Fail(path, fmt::format("larger than {}", kMaxSafeInteger));
      } else {
        Fail(path, name_negative ? fmt::format("must not be negative: {}", value.dump())
                                 : "must be at least 1");
      }
      return std::nullopt;
    } else if (value.is_number_float() && std::isfinite(whole) && whole == std::floor(whole)) {
      // JSON reads 1e3 and 1000.0 as the reals they are: the whole number is what to write.
      Fail(path,
           fmt::format("written with a fraction or an exponent: write the whole number {:.0f}",
                       whole));
      return std::nullopt;
    } else if (!value.is_number_integer()) {
      Fail(path, value.is_string() ? fmt::format("not an integer: \"{}\"", value.get<std::string>())
                                   : fmt::format("not an integer: {}", value.dump()));
      return std::nullopt;
    }
    const int64_t number = value.get<int64_t>();
    if (number > kMaxSafeInteger) {
      Fail(path, fmt::format("larger than {}", kMaxSafeInteger));
      return std::nullopt;
    }
    if (number < 0 && name_negative) {
      Fail(path, fmt::format("must not be negative: {}", number));
      return std::nullopt;
    }
    if (number < 1) {
      Fail(path, "must be at least 1");
      return std::nullopt;
    }
    return number;
  }

  std::optional<std::string> Date(const json& value, const std::string& path) {
    std::optional<std::string> text = String(value, path, {10, false});
    if (!text) return std::nullopt;
    if (std::string problem = DateProblem(*text); !problem.empty()) {
      Fail(path, problem);
      return std::nullopt;
    }
    return text;
  }

  // A date that may lie ahead (effective_date, period.from and .to): on input no later than
  // kLastInputYear.
  std::optional<std::string> AheadDate(const json& value, const std::string& path) {
    std::optional<std::string> text = Date(value, path);
    if (text && form_ == EventForm::kInput && std::stoi(text->substr(0, 4)) > kLastInputYear) {
      Fail(path, fmt::format("year {} is after {}, the last year an event may look ahead to",
                             text->substr(0, 4), kLastInputYear));
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::string> Uuid(const json& value, const std::string& path) {
    std::optional<std::string> text = String(value, path, {36, false});
    if (!text) return std::nullopt;
    if (!IsUuid(*text)) {
      Fail(path, fmt::format("not a UUID: \"{}\"", *text));
      return std::nullopt;
    }
    return ToLowerAscii(*text);
  }

  void ReadAssigned(const json& object, Event& event) {
    if (Require(object, "id", "id", "required")) {
      if (std::optional<std::string> id = String(object["id"], "id", {36, false})) {
        if (!LowercaseUuidBytes(*id)) {
          Fail("id", fmt::format("not a lowercase UUID: \"{}\"", *id));
        }
        event.id = *id;
      }
    }
    if (Require(object, "recorded_at", "recorded_at", "required")) {
      if (std::optional<std::string> at =
              String(object["recorded_at"], "recorded_at", {27, false})) {
        if (!ParseTimestamp(*at)) {
          Fail("recorded_at",
               fmt::format("not a timestamp (YYYY-MM-DDTHH:MM:SS.ffffffZ): \"{}\"", *at));
        }
        event.recorded_at = *at;
      }
    }
    const std::optional<UuidBytes> id = LowercaseUuidBytes(event.id);
    const std::optional<int64_t> recorded = ParseTimestamp(event.recorded_at);
    if (id && recorded) {
      if (std::string problem = UuidV7Problem(*id, *recorded / 1000); !problem.empty()) {
        Fail("id", problem);
      }
    }
  }

  // The last date a fact may have: the recording date (recorded_at, else today UTC) plus one day.
  std::string LatestDate(const Event& event) const {
    if (form_ == EventForm::kRecorded) {
      const std::optional<int64_t> micros = ParseTimestamp(event.recorded_at);
      if (!micros) return {};
      return LatestFactDate(*micros);
    }
    if (!context_.latest_date.empty()) return context_.latest_date;
    return LatestFactDate(NowMicros());
  }

  void ReadAgreement(const json& object, Event& event) {
    std::optional<std::string> agreement;
    const Given given = GivenOf(object, "agreement");
    if (given == Given::kInvalid) return;
    if (given == Given::kPresent) {
      agreement = String(object["agreement"], "agreement", {});
      if (!agreement) return;
    } else if (form_ == EventForm::kRecorded || context_.default_agreement.empty()) {
      Fail("agreement", "required");
      return;
    } else {
      agreement = context_.default_agreement;
    }
    if (!IsAgreementId(*agreement)) {
      Fail("agreement", fmt::format("not an agreement id: \"{}\"", *agreement));
    } else if (context_.known_agreements && !context_.known_agreements->contains(*agreement)) {
      Fail("agreement", fmt::format("no agreement \"{}\" here: events are recorded for {}",
                                    *agreement, fmt::join(*context_.known_agreements, ", ")));
    }
    event.agreement = *agreement;
    agreement_ = *agreement;
  }

  void ReadClassification(const json& object, Event& event) {
    if (!Require(object, "classification", "classification", "required")) return;
    std::optional<std::string> value = String(object["classification"], "classification", {});
    if (!value) return;
    if (*value != "public" && *value != "restricted") {
      Fail("classification", fmt::format("must be \"public\" or \"restricted\": \"{}\"", *value));
    }
    event.classification = *value;
  }

  void ReadRecordedBy(const json& object, Event& event) {
    RecordedBy& by = event.recorded_by;
    // A member that is null or malformed has its own error and is not also "required".
    bool institution_invalid = false;
    bool user_invalid = false;
    const Given given = GivenOf(object, "recorded_by");
    if (given == Given::kInvalid) {
      institution_invalid = user_invalid = true;
    } else if (given == Given::kPresent) {
      const json& value = object["recorded_by"];
      if (!CheckNested(value, "recorded_by", {"institution", "user"})) {
        institution_invalid = user_invalid = true;
      } else {
        auto read = [&](const char* name, const std::string& path, StringRule rule,
                        std::string& out) {
          const Given member = GivenOf(value, name);
          if (member == Given::kPresent) out = String(value[name], path, rule).value_or("");
          return member == Given::kInvalid || (member == Given::kPresent && out.empty());
        };
        institution_invalid = read("institution", "recorded_by.institution", {}, by.institution);
        user_invalid = read("user", "recorded_by.user", kRecordedByUserRule, by.user);
      }
    }
    if (form_ == EventForm::kInput) {
      if (by.institution.empty()) by.institution = context_.default_institution;
      if (by.user.empty() && !user_invalid) {
        // The default (`--user`, $USER) is held to the rules of a given user.
        const size_t errors_before = errors_.size();
        by.user = String(json(context_.default_user), "recorded_by.user", kRecordedByUserRule)
                      .value_or("");
        user_invalid = errors_.size() > errors_before;
      }
    }
    if (by.institution.empty()) {
      if (!institution_invalid) Fail("recorded_by.institution", "required");
    } else if (!IsInstitutionId(by.institution)) {
      Fail("recorded_by.institution", fmt::format("not an institution id: \"{}\"", by.institution));
    } else if (context_.keys != nullptr && !context_.keys->FindInstitution(by.institution)) {
      Fail("recorded_by.institution",
           fmt::format("no institution \"{}\" in the keys file", by.institution));
    }
    if (by.user.empty() && !user_invalid) Fail("recorded_by.user", "required");
  }

  void ReadIdempotencyKey(const json& object, Event& event) {
    const Given given = GivenOf(object, "idempotency_key");
    if (given == Given::kInvalid) return;
    if (given == Given::kPresent) {
      std::optional<std::string> key =
          String(object["idempotency_key"], "idempotency_key", {200, false});
      if (!key) return;
      const bool printable = std::all_of(key->begin(), key->end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7e;
      });
      if (!printable) {
        Fail("idempotency_key", "must be printable ASCII without spaces (U+0021–U+007E)");
      } else if (form_ == EventForm::kInput && key->starts_with(kDerivedKeyPrefix)) {
        Fail("idempotency_key", "keys beginning \"content:\" are derived, not given");
      } else if (key->starts_with(kDerivedKeyPrefix) && errors_.empty()) {
        if (Result<Hash> hash = ContentHash(event);
            hash.ok() && !DerivedKeyHolds(*key, hash.value())) {
          Fail("idempotency_key", "not the key derived from the event's content");
        }
      }
      event.idempotency_key = *key;
      return;
    }
    if (form_ == EventForm::kRecorded) {
      Fail("idempotency_key", "required");
      return;
    }
    if (errors_.empty()) {
      Result<std::string> derived = DerivedIdempotencyKey(event);
      if (derived.ok()) event.idempotency_key = derived.value();
    }
  }

  void ReadCorrection(const json& object, const std::string& latest, Event& event) {
    if (Require(object, "corrects", "corrects", "required for correction")) {
      if (std::optional<std::string> id = Uuid(object["corrects"], "corrects"))
        event.corrects = *id;
    }
    if (Require(object, "action", "action", "required for correction")) {
      if (std::optional<std::string> action = String(object["action"], "action", {})) {
        if (*action != "amend" && *action != "retract") {
          Fail("action", fmt::format("must be \"amend\" or \"retract\": \"{}\"", *action));
        }
        event.action = *action;
      }
    }
    const Given replacement_given = GivenOf(object, "replacement");
    if (replacement_given == Given::kInvalid) return;
    const bool has_replacement = replacement_given == Given::kPresent;
    if (event.action == "amend" && !has_replacement) {
      Fail("replacement", "required for correction with action amend");
    } else if (event.action == "retract" && has_replacement) {
      Fail("replacement", "not allowed for correction with action retract");
    } else if (has_replacement) {
      const json& replacement = object["replacement"];
      if (!replacement.is_object()) {
        Fail("replacement", "not a JSON object");
        return;
      }
      CheckMembers(replacement, "replacement", /*envelope=*/false);
      EventContent content;
      if (ReadContent(replacement, "replacement", latest, /*in_replacement=*/true, content)) {
        event.replacement = std::move(content);
      }
    }
  }

  // The content fields of `object` (the event, or a correction's replacement at `prefix`).
  // Returns false when the type is missing or unknown.
  bool ReadContent(const json& object, const std::string& prefix, const std::string& latest,
                   bool in_replacement, EventContent& content) {
    const std::string type_path = Join(prefix, "type");
    if (!Require(object, "type", type_path, "required")) return false;
    const std::optional<std::string> type_name = String(object["type"], type_path, {});
    if (!type_name) return false;
    const std::optional<EventType> type = EventTypeFromName(*type_name);
    if (!type) {
      std::vector<std::string_view> types;
      for (size_t i = 0; i < kEventTypeCount; ++i) {
        types.push_back(EventTypeName(static_cast<EventType>(i)));
      }
      Fail(type_path, fmt::format("unknown event type \"{}\" (one of {})", *type_name,
                                  fmt::join(types, ", ")));
      return false;
    }
    if (in_replacement && *type == EventType::kCorrection) {
      Fail(type_path, "a replacement may not be a correction");
      return false;
    }
    content.type = *type;
    const std::string type_text(EventTypeName(*type));

    // subtype first: the rules of other fields depend on it.
    std::string subtype;
    Given subtype_given = GivenOf(object, "subtype");
    if (subtype_given == Given::kPresent) {
      std::optional<std::string> text = String(object["subtype"], Join(prefix, "subtype"), {});
      if (text) {
        subtype = *text;
      } else {
        subtype_given = Given::kInvalid;
      }
    }
    const bool has_quantity = GivenOf(object, "quantity") != Given::kAbsent;

    // Whether the field is read: present and allowed. An absent required field and a present
    // forbidden one are errors; an invalid one already has its error.
    auto need = [&](std::string_view field, Given given) -> bool {
      if (given == Given::kInvalid) return false;
      const Rule rule = RuleFor(*type, subtype, field, has_quantity);
      const std::string path = Join(prefix, field);
      const std::string scope = rule.scope.empty() ? "for " + type_text : rule.scope;
      if (given == Given::kAbsent) {
        if (rule.need == Need::kRequired) Fail(path, "required " + scope);
        return false;
      }
      if (rule.need == Need::kForbidden) {
        Fail(path, "not allowed " + scope);
        return false;
      }
      return true;
    };
    auto path = [&](std::string_view field) { return Join(prefix, field); };

    const auto& subtypes = SubtypesOf(*type);
    if (subtype_given == Given::kAbsent && !subtypes.empty()) {
      Fail(path("subtype"),
           fmt::format("required for {} (one of {})", type_text, fmt::join(subtypes, ", ")));
    } else if (need("subtype", subtype_given)) {
      if (std::find(subtypes.begin(), subtypes.end(), subtype) == subtypes.end()) {
        Fail(path("subtype"), fmt::format("unknown subtype for {}: \"{}\" (one of {})", type_text,
                                          subtype, fmt::join(subtypes, ", ")));
      }
      content.subtype = subtype;
    }
    ReadParticipant(object, path("participant"), *type, need, content);
    ReadDates(object, prefix, latest, need, content);
    ReadCommitments(object, path("commitments"), *type, need, content);
    ReadQuantities(object, prefix, *type, need, content);
    ReadNoticeFields(object, prefix, need, content);

    if (Require(object, "description", path("description"), "required for " + type_text)) {
      content.description =
          String(object["description"], path("description"), {4000, true}).value_or("");
    }
    ReadEvidence(object, path("evidence"), *type, content);
    return true;
  }

  template <typename Need>
  void ReadParticipant(const json& object, const std::string& path, EventType type,
                       const Need& need, EventContent& content) {
    if (!need("participant", GivenOf(object, "participant"))) return;
    const std::optional<std::string> value = String(object["participant"], path, {});
    if (!value) return;
    if (IsJointEventType(type)) {
      if (*value != "both") {
        Fail(path, fmt::format("must be \"both\" for {}: \"{}\"", EventTypeName(type), *value));
      }
    } else if (*value == "both") {
      std::vector<std::string_view> joint;
      for (EventType joint_type : kJointEventTypes) joint.push_back(EventTypeName(joint_type));
      Fail(path, fmt::format("type {} is one Participant's act: give one party code, not \"both\" "
                             "(which only {} take)",
                             EventTypeName(type), fmt::join(joint, ", ")));
    } else if (!IsParticipant(context_, *value)) {
      Fail(path, context_.participants.empty()
                     ? fmt::format("must be a party code (2 or 3 capital letters): \"{}\"", *value)
                     : fmt::format("must be one of {}: \"{}\"",
                                   fmt::join(context_.participants, ", "), *value));
    }
    content.participant = *value;
  }

  template <typename Need>
  void ReadDates(const json& object, const std::string& prefix, const std::string& latest,
                 const Need& need, EventContent& content) {
    const std::string date_path = Join(prefix, "date");
    if (need("date", GivenOf(object, "date"))) {
      if (std::optional<std::string> date = Date(object["date"], date_path)) {
        content.date = *date;
        if (!latest.empty() && *date > latest) {
          Fail(date_path, LaterThanRecordingProblem(latest));
        }
      }
    }
    const std::string precision_path = Join(prefix, "date_precision");
    if (need("date_precision", GivenOf(object, "date_precision"))) {
      std::optional<std::string> precision = String(object["date_precision"], precision_path, {});
      if (precision && *precision != "day" && *precision != "month" && *precision != "year") {
        Fail(precision_path,
             fmt::format("must be \"day\", \"month\" or \"year\": \"{}\"", *precision));
      } else if (precision) {
        // "day" is what absent means: input spells it once, by leaving it out, so that both
        // spellings give one event and one derived key. Stored events that hold it still read.
        content.date_precision =
            form_ == EventForm::kInput && *precision == "day" ? "" : *precision;
        if (*precision == "month" && content.date.size() == 10 && !content.date.ends_with("-01")) {
          Fail(date_path, "a date of month precision must be the first of the month");
        }
        if (*precision == "year" && content.date.size() == 10 &&
            !content.date.ends_with("-01-01")) {
          Fail(date_path, "a date of year precision must be the first of January");
        }
      }
    }
    const std::string occurred_path = Join(prefix, "occurred_at");
    if (need("occurred_at", GivenOf(object, "occurred_at"))) {
      if (std::optional<std::string> at = String(object["occurred_at"], occurred_path, {})) {
        std::string local_date;
        if (std::string problem = OccurredAtProblem(*at, &local_date); !problem.empty()) {
          Fail(occurred_path, problem);
        } else if (!content.date.empty() && local_date != content.date) {
          Fail(occurred_path,
               fmt::format("its date ({}) differs from date ({})", local_date, content.date));
        }
        content.occurred_at = *at;
      }
    }
    const std::string period_path = Join(prefix, "period");
    if (need("period", GivenOf(object, "period")) &&
        CheckNested(object["period"], period_path, {"from", "to"})) {
      const json& period = object["period"];
      Period value;
      for (const char* name : {"from", "to"}) {
        const std::string member = Join(period_path, name);
        if (!Require(period, name, member, "required")) continue;
        if (std::optional<std::string> date = AheadDate(period[name], member)) {
          (std::string_view(name) == "from" ? value.from : value.to) = *date;
        }
      }
      if (!value.from.empty() && !value.to.empty() && value.to < value.from) {
        Fail(Join(period_path, "to"), fmt::format("earlier than period.from ({})", value.from));
      }
      content.period = value;
    }
    const std::string effective_path = Join(prefix, "effective_date");
    if (need("effective_date", GivenOf(object, "effective_date"))) {
      content.effective_date = AheadDate(object["effective_date"], effective_path).value_or("");
    }
  }

  template <typename Need>
  void ReadCommitments(const json& object, const std::string& path, EventType type,
                       const Need& need, EventContent& content) {
    if (!need("commitments", GivenOf(object, "commitments"))) return;
    const json& value = object["commitments"];
    if (!value.is_array()) {
      Fail(path, "not a JSON array");
      return;
    }
    if (value.empty() && IsMoneyType(type)) {
      Fail(path, fmt::format("at least one commitment id for {}", EventTypeName(type)));
    }
    if (value.size() > kMaxCommitments) {
      Fail(path, fmt::format("at most {} commitment ids", kMaxCommitments));
    }
    std::vector<std::string> ids;
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string item_path = fmt::format("{}[{}]", path, i);
      std::optional<std::string> id = String(value[i], item_path, {200, false});
      if (!id) {
        if (value[i].is_string()) Fail(item_path, "empty commitment id");
        continue;
      }
      if (!IsCommitmentId(*id)) {
        Fail(item_path, fmt::format("not a commitment id: \"{}\"", *id));
      } else if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
        Fail(item_path, fmt::format("duplicate commitment id \"{}\"", *id));
        continue;
      } else if (context_.known_commitments && !context_.known_commitments->contains(*id)) {
        Fail(item_path,
             fmt::format("unknown commitment id \"{}\" in agreement {}", *id, agreement_));
      }
      ids.push_back(*id);
    }
    std::sort(ids.begin(), ids.end());
    content.commitments = std::move(ids);
  }

  template <typename Need>
  void ReadQuantities(const json& object, const std::string& prefix, EventType type,
                      const Need& need, EventContent& content) {
    const std::string amount_path = Join(prefix, "amount");
    const Given amount_given = GivenOf(object, "amount");
    const bool has_amount = amount_given != Given::kAbsent;
    if (need("amount", amount_given) &&
        CheckNested(object["amount"], amount_path, {"currency", "minor_units"})) {
      const json& amount = object["amount"];
      Money money;
      const std::string currency_path = Join(amount_path, "currency");
      if (Require(amount, "currency", currency_path, "required")) {
        if (std::optional<std::string> code = String(amount["currency"], currency_path, {})) {
          if (std::string problem = CurrencyProblem(*code); !problem.empty()) {
            Fail(currency_path, problem);
          }
          money.currency = *code;
        }
      }
      const std::string units_path = Join(amount_path, "minor_units");
      if (Require(amount, "minor_units", units_path, "required")) {
        if (std::optional<int64_t> units =
                PositiveInteger(amount["minor_units"], units_path, false)) {
          money.minor_units = *units;
        }
      }
      content.amount = money;
    }
    const Given quantity_given = GivenOf(object, "quantity");
    const bool has_quantity = quantity_given != Given::kAbsent;
    if (need("quantity", quantity_given)) {
      content.quantity = PositiveInteger(object["quantity"], Join(prefix, "quantity"), true);
    }
    if (type == EventType::kPledge && !has_amount && !has_quantity) {
      Fail(amount_path, "a pledge needs an amount, a quantity, or both");
    }
    const std::string unit_path = Join(prefix, "unit");
    if (need("unit", GivenOf(object, "unit"))) {
      if (std::optional<std::string> unit = String(object["unit"], unit_path, {32, false})) {
        if (!IsUnit(*unit)) {
          Fail(unit_path, fmt::format("not a unit ([a-z][a-z0-9_-]*): \"{}\"", *unit));
        }
        content.unit = *unit;
      }
    }
    if (need("item", GivenOf(object, "item"))) {
      content.item = String(object["item"], Join(prefix, "item"), {200, false}).value_or("");
    }
  }

  template <typename Need>
  void ReadNoticeFields(const json& object, const std::string& prefix, const Need& need,
                        EventContent& content) {
    if (need("named_institution", GivenOf(object, "named_institution"))) {
      content.named_institution =
          String(object["named_institution"], Join(prefix, "named_institution"), {300, false})
              .value_or("");
    }
    if (need("responds_to", GivenOf(object, "responds_to"))) {
      content.responds_to = Uuid(object["responds_to"], Join(prefix, "responds_to")).value_or("");
    }
  }

  void ReadEvidence(const json& object, const std::string& path, EventType type,
                    EventContent& content) {
    if (!Require(object, "evidence", path, fmt::format("required for {}", EventTypeName(type)))) {
      return;
    }
    const json& value = object["evidence"];
    if (!value.is_array()) {
      Fail(path, "not a JSON array");
      return;
    }
    if (value.size() > kMaxEvidenceItems)
      Fail(path, fmt::format("at most {} items", kMaxEvidenceItems));
    const bool needs_one = type == EventType::kNotice || type == EventType::kTechnicalAgreement;
    if (value.empty() && needs_one) {
      Fail(path,
           fmt::format("at least one item for {}: it is a written document", EventTypeName(type)));
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string item_path = fmt::format("{}[{}]", path, i);
      if (!CheckNested(value[i], item_path, {"reference", "sha256"})) continue;
      Evidence item;
      const std::string reference_path = item_path + ".reference";
      if (Require(value[i], "reference", reference_path, "required")) {
        item.reference = String(value[i]["reference"], reference_path, {1000, false}).value_or("");
      }
      const std::string hash_path = item_path + ".sha256";
      const Given hash_given = GivenOf(value[i], "sha256");
      if (hash_given == Given::kPresent) {
        const json& hash = value[i]["sha256"];
        // Input is trimmed as every string is (§1.4); a stored hash must be in normal form.
        const std::string text = !hash.is_string()            ? std::string()
                                 : form_ == EventForm::kInput ? TrimSpace(hash.get<std::string>())
                                                              : hash.get<std::string>();
        if (text.size() != 64 || !IsLowerHex(text)) {
          Fail(hash_path, "not 64 lowercase hex digits");
        } else {
          item.sha256 = text;
        }
      } else if (hash_given == Given::kAbsent && !item.reference.empty() &&
                 !IsHttpUrl(item.reference)) {
        Fail(hash_path, "required: the reference is not an http(s) URL");
      }
      const bool repeated =
          std::any_of(content.evidence.begin(), content.evidence.end(), [&](const Evidence& other) {
            return other.reference == item.reference && other.sha256 == item.sha256;
          });
      if (repeated) Fail(item_path, "duplicate evidence item");
      content.evidence.push_back(std::move(item));
    }
  }

 private:
  EventForm form_;
  const ValidationContext& context_;
  std::vector<FieldError> errors_;
  std::string agreement_;  // for "unknown commitment id" messages
};

// Splits a path into member names and array indexes.
std::vector<std::pair<std::string_view, int64_t>> PathParts(std::string_view path) {
  std::vector<std::pair<std::string_view, int64_t>> parts;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '.') {
      ++pos;
    } else if (path[pos] == '[') {
      int64_t index = 0;
      for (++pos; pos < path.size() && path[pos] != ']'; ++pos)
        index = index * 10 + (path[pos] - '0');
      ++pos;
      parts.emplace_back(std::string_view(), index);
    } else {
      const size_t end = path.find_first_of(".[", pos);
      const size_t stop = end == std::string_view::npos ? path.size() : end;
      parts.emplace_back(path.substr(pos, stop - pos), -1);
      pos = stop;
    }
  }
  return parts;
}

// The path (§1.6) of the first value, in canonical order, where `a` and `b` differ; "" when the
// roots themselves differ in kind.
std::string FirstDifferentPath(const json& a, const json& b, const std::string& path = "") {
  if (a.is_object() && b.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      const std::string member = path.empty() ? it.key() : path + "." + it.key();
      if (!b.contains(it.key())) return member;
      if (it.value() != b[it.key()]) return FirstDifferentPath(it.value(), b[it.key()], member);
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (!a.contains(it.key())) return path.empty() ? it.key() : path + "." + it.key();
    }
  } else if (a.is_array() && b.is_array()) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (a[i] != b[i]) return FirstDifferentPath(a[i], b[i], fmt::format("{}[{}]", path, i));
    }
  }
  return path;
}

}  // namespace

bool IsHttpUrl(std::string_view reference) {
  return reference.starts_with("http://") || reference.starts_with("https://");
}

std::string TrimSpace(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    size_t next = begin;
    if (!IsTrimmedSpace(text::DecodeAt(text, next))) break;
    begin = next;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t previous = end;
    if (!IsTrimmedSpace(text::DecodeBefore(text, previous))) break;
    end = previous;
  }
  return std::string(text.substr(begin, end - begin));
}

Result<std::string> NormalEventString(std::string text, StringRule rule) {
  if (std::optional<std::string> problem = text::InvalidUtf8Problem(text)) {
    return Error{*problem, ""};
  }
  if (std::optional<text::NfcText> nfc = text::ToNfc(text)) text = std::move(nfc->text);
  std::string unified;
  unified.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      unified += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      unified += text[i];
    }
  }
  text = TrimSpace(unified);
  if (text.empty()) return text;
  size_t position = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = text::DecodeAt(text, pos);
    ++position;
    if (c == '\n' && !rule.multiline) return Error{"must be one line", ""};
    const bool allowed_control = rule.multiline && (c == '\n' || c == '\t');
    if (!allowed_control && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
      return Error{fmt::format("control character U+{:04X} at character {}",
                               static_cast<uint32_t>(c), position),
                   ""};
    }
  }
  if (rule.max_length > 0 && position > rule.max_length) {
    return Error{fmt::format("longer than {} characters", rule.max_length), ""};
  }
  return text;
}

bool PathLess(std::string_view a, std::string_view b) { return PathParts(a) < PathParts(b); }

ParsedEvent ParseEvent(const json& object, EventForm form, const ValidationContext& context) {
  Validator validator(form, context);
  ParsedEvent parsed;
  parsed.event = validator.ReadEvent(object);
  parsed.errors = std::move(validator).TakeErrors();
  return parsed;
}

ParsedEvent ParseEventText(std::string_view text, EventForm form,
                           const ValidationContext& context) {
  // CanonicalizeText finds syntax errors and repeated names, which nlohmann::json would accept
  // silently (keeping the last); its number errors are left to the field checks.
  Result<std::string> canonical = CanonicalizeText(text);
  if (!canonical.ok()) {
    const Error& error = canonical.error();
    if (error.message.starts_with("malformed JSON")) {
      return ParsedEvent{{}, {{"", error.ToString()}}};
    }
    if (IsDuplicateMemberName(error)) {
      return ParsedEvent{{}, {{error.where, error.message}}};
    }
  }
  return ParseEvent(json::parse(text), form, context);
}

std::optional<std::string> NonCanonicalProblem(std::string_view bytes) {
  Result<std::string> canonical = CanonicalizeText(bytes);
  if (!canonical.ok()) return "not RFC 8785 canonical: " + canonical.error().ToString();
  if (canonical.value() == bytes) return std::nullopt;
  const std::string& normal = canonical.value();
  size_t differs = 0;
  while (differs < normal.size() && differs < bytes.size() && normal[differs] == bytes[differs]) {
    ++differs;
  }
  return fmt::format("not RFC 8785 canonical (first difference at byte {})", differs);
}

std::optional<FieldError> RecordedEventProblem(std::string_view bytes,
                                               const ValidationContext& context, Event& event) {
  const json given = json::parse(bytes);
  ParsedEvent parsed = ParseEvent(given, EventForm::kRecorded, context);
  if (!parsed.ok()) return parsed.errors.front();
  if (Result<std::string> normal = CanonicalEvent(parsed.event);
      !normal.ok() || normal.value() != bytes) {
    const std::string path =
        normal.ok() ? FirstDifferentPath(given, json::parse(normal.value())) : std::string();
    return FieldError{path, "not in normal form (§1.4)"};
  }
  event = std::move(parsed.event);
  return std::nullopt;
}

}  // namespace treaty::ledger
