// IsNormalRecordedEvent: the checks of ParseEvent on an event already in its normal form, without
// building JSON, for every event `treaty verify` reads (docs/ledger-format.md §8).
#include <algorithm>
#include <array>

#include "ledger/canonical_json.h"
#include "ledger/currency.h"
#include "ledger/event_field_rules.h"
#include "ledger/event_parser.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"
#include "text/nfc.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

// True when ParseEvent would take `text` unchanged as a string of `rule`: valid UTF-8, NFC, no CR,
// trimmed, not empty, and passing String's checks (lines, control characters, length).
bool IsNormalString(std::string_view text, StringRule rule) {
  if (text.empty()) return false;
  size_t length = 0;
  if (text::FindNonAscii(text) == text.size()) {
    for (const char c : text) {
      if (c == '\n' && !rule.multiline) return false;
      const bool allowed_control = rule.multiline && (c == '\n' || c == '\t');
      if (!allowed_control && (c < 0x20 || c == 0x7f)) return false;
    }
    length = text.size();
  } else {
    if (text::FindInvalidUtf8(text) || text::ToNfc(text)) return false;
    for (size_t pos = 0; pos < text.size(); ++length) {
      const char32_t c = text::DecodeAt(text, pos);
      if (c == '\n' && !rule.multiline) return false;
      const bool allowed_control = rule.multiline && (c == '\n' || c == '\t');
      if (!allowed_control && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) return false;
    }
  }
  if (rule.max_length > 0 && length > rule.max_length) return false;
  size_t first = 0;
  size_t last = text.size();
  return !IsTrimmedSpace(text::DecodeAt(text, first)) &&
         !IsTrimmedSpace(text::DecodeBefore(text, last));
}

bool IsNormalUuid(std::string_view text) { return LowercaseUuidBytes(text).has_value(); }

bool IsNormalDate(std::string_view text) {
  return IsNormalString(text, {10, false}) && DateProblem(text).empty();
}

bool IsPositiveSafe(int64_t value) { return value >= 1 && value <= kMaxSafeInteger; }

// The fields of the §1.3 table that IsNormalContent checks.
enum class NeedField {
  kSubtype,
  kParticipant,
  kDate,
  kDatePrecision,
  kOccurredAt,
  kPeriod,
  kEffectiveDate,
  kCommitments,
  kAmount,
  kQuantity,
  kUnit,
  kItem,
  kNamedInstitution,
  kRespondsTo,
  kCount,  // not a field: the number of them
};
// Each NeedField with its name as RuleFor takes it, in the order of the enumeration.
constexpr std::pair<NeedField, std::string_view> kNeedFieldNames[] = {
    {NeedField::kSubtype, "subtype"},
    {NeedField::kParticipant, "participant"},
    {NeedField::kDate, "date"},
    {NeedField::kDatePrecision, "date_precision"},
    {NeedField::kOccurredAt, "occurred_at"},
    {NeedField::kPeriod, "period"},
    {NeedField::kEffectiveDate, "effective_date"},
    {NeedField::kCommitments, "commitments"},
    {NeedField::kAmount, "amount"},
    {NeedField::kQuantity, "quantity"},
    {NeedField::kUnit, "unit"},
    {NeedField::kItem, "item"},
    {NeedField::kNamedInstitution, "named_institution"},
    {NeedField::kRespondsTo, "responds_to"},
};
constexpr bool NeedFieldsInOrder() {
  for (size_t i = 0; i < std::size(kNeedFieldNames); ++i) {
    if (static_cast<size_t>(kNeedFieldNames[i].first) != i) return false;
  }
  return std::size(kNeedFieldNames) == static_cast<size_t>(NeedField::kCount);
}
static_assert(NeedFieldsInOrder());

using FieldNeeds = std::array<Need, std::size(kNeedFieldNames)>;

// RuleFor's need of every NeedField for an event of `type`, subtype (0: none; i: SubtypesOf(type)
// [i − 1]) and quantity, from a table of every combination made on the first call:
// IsNormalContent runs for every event `treaty verify` reads, and RuleFor compares names.
const FieldNeeds& NeedsOf(EventType type, size_t subtype, bool has_quantity) {
  static const size_t kStride = [] {
    size_t most = 0;
    for (size_t t = 0; t < kEventTypeCount; ++t) {
      most = std::max(most, SubtypesOf(static_cast<EventType>(t)).size());
    }
    return (most + 1) * 2;
  }();
  static const std::vector<FieldNeeds> kTable = [] {
    std::vector<FieldNeeds> table(kEventTypeCount * kStride);
    for (size_t t = 0; t < kEventTypeCount; ++t) {
      const EventType each_type = static_cast<EventType>(t);
      const auto& subtypes = SubtypesOf(each_type);
      for (size_t s = 0; s <= subtypes.size(); ++s) {
        for (const bool quantity : {false, true}) {
          FieldNeeds& needs = table[t * kStride + s * 2 + quantity];
          for (size_t f = 0; f < needs.size(); ++f) {
            needs[f] = RuleFor(each_type, s == 0 ? "" : subtypes[s - 1], kNeedFieldNames[f].second,
                               quantity)
                           .need;
          }
        }
      }
    }
    return table;
  }();
  return kTable[static_cast<size_t>(type) * kStride + subtype * 2 + has_quantity];
}

// ReadContent's checks on content that is already normal; `latest` as ReadContent takes it.
bool IsNormalContent(const EventContent& content, std::string_view latest, bool in_replacement,
                     const ValidationContext& context) {
  const EventType type = content.type;
  if (in_replacement && type == EventType::kCorrection) return false;
  const std::string& subtype = content.subtype;
  const bool has_quantity = content.quantity.has_value();
  size_t subtype_index = 0;
  if (!subtype.empty()) {
    const auto& known = SubtypesOf(type);
    const auto at = std::find(known.begin(), known.end(), subtype);
    if (!IsNormalString(subtype, {}) || at == known.end()) return false;
    subtype_index = static_cast<size_t>(at - known.begin()) + 1;
  }
  const FieldNeeds& needs = NeedsOf(type, subtype_index, has_quantity);
  // A present field must be allowed, an absent one not required.
  auto fits = [&](NeedField field, bool present) {
    const Need need = needs[static_cast<size_t>(field)];
    return present ? need != Need::kForbidden : need != Need::kRequired;
  };
  if (!fits(NeedField::kSubtype, !subtype.empty())) return false;
  if (!fits(NeedField::kParticipant, !content.participant.empty())) return false;
  if (!content.participant.empty()) {
    if (!IsNormalString(content.participant, {})) return false;
    if (IsJointEventType(type) ? content.participant != "both"
                               : !IsParticipant(context, content.participant)) {
      return false;
    }
  }
  if (!fits(NeedField::kDate, !content.date.empty())) return false;
  if (!content.date.empty() &&
      (!IsNormalDate(content.date) || (!latest.empty() && content.date > latest))) {
    return false;
  }
  if (!fits(NeedField::kDatePrecision, !content.date_precision.empty())) return false;
  if (const std::string& precision = content.date_precision; !precision.empty()) {
    if (!IsNormalString(precision, {}) ||
        (precision != "day" && precision != "month" && precision != "year")) {
      return false;
    }
    if (content.date.size() == 10 && ((precision == "month" && !content.date.ends_with("-01")) ||
                                      (precision == "year" && !content.date.ends_with("-01-01")))) {
      return false;
    }
  }
  if (!fits(NeedField::kOccurredAt, !content.occurred_at.empty())) return false;
  if (!content.occurred_at.empty()) {
    std::string local_date;
    if (!IsNormalString(content.occurred_at, {}) ||
        !OccurredAtProblem(content.occurred_at, &local_date).empty() ||
        (!content.date.empty() && local_date != content.date)) {
      return false;
    }
  }
  if (!fits(NeedField::kPeriod, content.period.has_value())) return false;
  if (content.period && (!IsNormalDate(content.period->from) || !IsNormalDate(content.period->to) ||
                         content.period->to < content.period->from)) {
    return false;
  }
  if (!fits(NeedField::kEffectiveDate, !content.effective_date.empty())) return false;
  if (!content.effective_date.empty() && !IsNormalDate(content.effective_date)) return false;
  // The serialised event has `commitments` unless it is a correction (EventToJson).
  const bool has_commitments = type != EventType::kCorrection;
  if (!fits(NeedField::kCommitments, has_commitments)) return false;
  if (has_commitments) {
    const std::vector<std::string>& ids = content.commitments;
    if ((ids.empty() && IsMoneyType(type)) || ids.size() > kMaxCommitments) return false;
    for (size_t i = 0; i < ids.size(); ++i) {
      // Sorted without duplicates: ReadCommitments would sort them and reject repeats.
      if (!IsNormalString(ids[i], {200, false}) || !IsCommitmentId(ids[i]) ||
          (i > 0 && ids[i - 1] >= ids[i]) ||
          (context.known_commitments && !context.known_commitments->contains(ids[i]))) {
        return false;
      }
    }
  }
  if (!fits(NeedField::kAmount, content.amount.has_value())) return false;
  if (content.amount && (!IsNormalString(content.amount->currency, {}) ||
                         !CurrencyProblem(content.amount->currency).empty() ||
                         !IsPositiveSafe(content.amount->minor_units))) {
    return false;
  }
  if (!fits(NeedField::kQuantity, has_quantity)) return false;
  if (has_quantity && !IsPositiveSafe(*content.quantity)) return false;
  if (type == EventType::kPledge && !content.amount && !has_quantity) return false;
  if (!fits(NeedField::kUnit, !content.unit.empty())) return false;
  if (!content.unit.empty() &&
      (!IsNormalString(content.unit, {32, false}) || !IsUnit(content.unit))) {
    return false;
  }
  if (!fits(NeedField::kItem, !content.item.empty())) return false;
  if (!content.item.empty() && !IsNormalString(content.item, {200, false})) return false;
  if (!fits(NeedField::kNamedInstitution, !content.named_institution.empty())) return false;
  if (!content.named_institution.empty() &&
      !IsNormalString(content.named_institution, {300, false})) {
    return false;
  }
  if (!fits(NeedField::kRespondsTo, !content.responds_to.empty())) return false;
  if (!content.responds_to.empty() && !IsNormalUuid(content.responds_to)) return false;
  if (!IsNormalString(content.description, {4000, true})) return false;
  const std::vector<Evidence>& evidence = content.evidence;
  const bool needs_one = type == EventType::kNotice || type == EventType::kTechnicalAgreement;
  if (evidence.size() > kMaxEvidenceItems || (evidence.empty() && needs_one)) return false;
  for (size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& item = evidence[i];
    if (!IsNormalString(item.reference, {1000, false})) return false;
    if (item.sha256.empty() ? !IsHttpUrl(item.reference)
                            : item.sha256.size() != 64 || !IsLowerHex(item.sha256)) {
      return false;
    }
    for (size_t j = 0; j < i; ++j) {
      if (evidence[j].reference == item.reference && evidence[j].sha256 == item.sha256) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

bool IsNormalRecordedEvent(const Event& event, const ValidationContext& context) {
  const std::optional<UuidBytes> id = LowercaseUuidBytes(event.id);
  if (!id || !IsNormalString(event.recorded_at, {27, false})) return false;
  const std::optional<int64_t> recorded = ParseTimestamp(event.recorded_at);
  if (!recorded || !UuidV7Problem(*id, *recorded / 1000).empty()) return false;
  if (!IsNormalString(event.agreement, {}) || !IsAgreementId(event.agreement) ||
      (context.known_agreements && !context.known_agreements->contains(event.agreement))) {
    return false;
  }
  const std::string latest = LatestFactDate(*recorded);
  if (!IsNormalContent(event.content, latest, /*in_replacement=*/false, context)) return false;
  if (event.classification != "public" && event.classification != "restricted") return false;
  const RecordedBy& by = event.recorded_by;
  if (!IsNormalString(by.institution, {}) || !IsInstitutionId(by.institution) ||
      (context.keys != nullptr && !context.keys->FindInstitution(by.institution)) ||
      !IsNormalString(by.user, kRecordedByUserRule)) {
    return false;
  }
  if (event.content.type == EventType::kCorrection) {
    if (!IsNormalUuid(event.corrects) || (event.action != "amend" && event.action != "retract") ||
        event.replacement.has_value() != (event.action == "amend")) {
      return false;
    }
    if (event.replacement &&
        !IsNormalContent(*event.replacement, latest, /*in_replacement=*/true, context)) {
      return false;
    }
  } else if (!event.corrects.empty() || !event.action.empty() || event.replacement) {
    return false;
  }
  const std::string& key = event.idempotency_key;
  return IsNormalString(key, {200, false}) && std::all_of(key.begin(), key.end(), [](char c) {
           return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7e;
         });
}

}  // namespace treaty::ledger
