// A fast reader of events from their stored bytes, for `treaty verify` (docs/ledger-format.md §8).
// It reads the JSON that CanonicalEvent writes (no white space, integers without sign or
// fraction, only the escapes RFC 8785 uses) into an Event without building a JSON value and
// without validating anything: whether the bytes are canonical and the event valid is decided by
// the caller, by comparing CanonicalEvent(result) with the bytes and by IsNormalRecordedEvent
// (event_parser.h). Thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "ledger/event.h"
#include "ledger/event_parser.h"

namespace treaty::ledger {

// Reads the event whose members `bytes` hold into `event`, replacing all it held; its strings keep
// their buffers, so that reading many events into one allocates little. False when the bytes are
// not a JSON object of event members in the form above (`event` is then unspecified; the caller
// takes the general path: parse, canonicalise, validate). A repeated member keeps its last value;
// member order is not checked.
bool ReadEventBytes(std::string_view bytes, Event& event);

// The fast path of `treaty verify`: reads `bytes` into `event` (ReadEventBytes) and gives the
// event's content hash when the event is valid and in normal form (IsNormalRecordedEvent),
// serialises to exactly `bytes` (which are then canonical and hold this event) and has no derived
// idempotency key other than its content's (DerivedKeyHolds). nullopt otherwise: the caller then
// takes the general path, which names the first problem.
std::optional<Hash> ReadEventOnFastPath(std::string_view bytes, const ValidationContext& context,
                                        Event& event);

}  // namespace treaty::ledger
