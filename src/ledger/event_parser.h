// Validation of events (docs/ledger-format.md §1): the input object of §1.5 (`treaty record`,
// `treaty import`) and the stored form (canonical bytes read back by `treaty verify` and
// `treaty verify-proof`). Every error of an event is reported, each with its JSON path (§1.6).
// Checks that need the ledger itself (idempotency keys, `corrects` and `responds_to` naming
// earlier events, the correction rules of §9) belong to the append transaction
// (LedgerStore::Append) and to verify.h. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/event.h"
#include "ledger/keys.h"

namespace treaty::ledger {

// One validation error: PATH and MESSAGE of §1.6 ("amount.minor_units", "must be at least 1").
// An empty path is the event as a whole (not a JSON object, malformed JSON).
struct FieldError {
  std::string path;
  std::string message;
  std::string ToString() const { return path.empty() ? message : path + ": " + message; }
};

// Which form is read.
enum class EventForm {
  // §1.5: no `id` or `recorded_at` ("assigned by the ledger"); `agreement`, `idempotency_key` and
  // `recorded_by` (or either member) may be left out and are filled from the context (the key
  // derived from the content, §1.4); strings are normalised (NFC, trimmed, line ends to LF).
  kInput,
  // The recorded event: every assigned field present; `date` is checked against `recorded_at`.
  kRecorded,
};

// How a string field is checked after normalisation.
struct StringRule {
  size_t max_length = 0;   // in Unicode scalar values; 0: no limit
  bool multiline = false;  // LF and TAB allowed (description)
};

// §1.1: recorded_by.user.
inline constexpr StringRule kRecordedByUserRule{100, false};

// §1.1: the most items `evidence` may hold.
inline constexpr size_t kMaxEvidenceItems = 20;

// Whether an evidence reference is an http:// or https:// URL, which alone may go without a hash
// (§1.4).
bool IsHttpUrl(std::string_view reference);

// `text` trimmed at both ends of the white space §1.4 trims (line breaks included).
std::string TrimSpace(std::string_view text);

// `text` normalised as every string of an event is (§1.4: NFC, CR LF and CR to LF, trimmed) and
// checked against `rule`; the problem ("longer than 100 characters") otherwise. Empty after
// trimming is not an error here: the caller knows whether the field is required.
Result<std::string> NormalEventString(std::string text, StringRule rule);

// What the validator knows beyond the event; every check whose data is absent is skipped.
struct ValidationContext {
  std::string default_agreement = "lv-ua-2024";
  std::string default_institution;  // the signing key's institution
  std::string default_user;
  // Agreements the store holds ("no agreement "X" in the store").
  std::optional<std::set<std::string>> known_agreements;
  // Commitment ids of the event's agreement ("unknown commitment id").
  std::optional<std::set<std::string>> known_commitments;
  // Party codes of the agreement (agreement.json), for `participant`; empty: any code of the form
  // (core/party_code.h), where the agreement's parties are not known.
  std::vector<std::string> participants = {"LV", "UA"};
  // Institutions for `recorded_by.institution`; not owned, may be null.
  const KeysFile* keys = nullptr;
  // kInput: the last allowed `date` (YYYY-MM-DD); empty means the UTC date of now plus one day.
  std::string latest_date;
};

struct ParsedEvent {
  Event event;                     // meaningful only when ok()
  std::vector<FieldError> errors;  // by path in canonical key order, array items by index
  bool ok() const { return errors.empty(); }
};

// Validates the JSON value `object` as an event of `form`.
ParsedEvent ParseEvent(const nlohmann::json& object, EventForm form,
                       const ValidationContext& context);

// Parses `text` as strict I-JSON (UTF-8, no duplicate names; numbers with a fraction or an
// exponent are "not an integer") and validates it as ParseEvent does. A syntax error or a
// duplicate name is the only error reported: `where` "byte N" or the duplicate's path.
ParsedEvent ParseEventText(std::string_view text, EventForm form, const ValidationContext& context);

// True when `event` is a valid recorded event whose fields are already in normal form: exactly when
// ParseEvent(EventToJson(event), kRecorded, context) reports no error and returns `event` itself,
// but for a derived idempotency key, which the caller holds to the content hash it computes
// (DerivedKeyHolds).
// Takes no JSON value and builds no error; `treaty verify` uses it for events read back from their
// canonical bytes.
bool IsNormalRecordedEvent(const Event& event, const ValidationContext& context);

// Why `bytes` are not RFC 8785 canonical (§2.2): "not RFC 8785 canonical (first difference at
// byte N)", or its syntax error; nullopt when they are.
std::optional<std::string> NonCanonicalProblem(std::string_view bytes);

// `bytes`, already canonical, read as a recorded event by every rule of §1 that needs no store:
// its first field error, or else the first field whose value is not in its normal form (§1.4:
// NFC, trimmed, sets sorted without repeats), "PATH: not in normal form (§1.4)"; nullopt when
// none, with the event in `event`. `treaty verify` and `treaty verify-proof` hold events to it.
std::optional<FieldError> RecordedEventProblem(std::string_view bytes,
                                               const ValidationContext& context, Event& event);

// True when `a` sorts before `b` in the order of §1.6: members by name (byte order), items of one
// array by index.
bool PathLess(std::string_view a, std::string_view b);

}  // namespace treaty::ledger
