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

namespace treaty::ledger {

// The event whose members `bytes` hold, or nullopt when the bytes are not a JSON object of event
// members in the form above (the caller then takes the general path: parse, canonicalise,
// validate). A repeated member keeps its last value; member order is not checked.
std::optional<Event> ReadEventBytes(std::string_view bytes);

}  // namespace treaty::ledger
