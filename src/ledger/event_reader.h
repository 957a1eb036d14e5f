// A fast reader of events from their stored bytes, for `treaty verify` (docs/ledger-format.md §8).
// It reads the JSON that CanonicalEvent writes (no white space, integers without sign or
// fraction, only the escapes RFC 8785 uses) into an Event without building a JSON value and
// without validating anything: whether the bytes are canonical and the event valid is decided by
// the caller, by comparing CanonicalEvent(result) with the bytes and by IsNormalRecordedEvent
// (event_parser.h). Thread-safe.
#pragma once

#include <string_view>

#include "ledger/event.h"

namespace treaty::ledger {

// Reads the event whose members `bytes` hold into `event`, replacing all it held; its strings keep
// their buffers, so that reading many events into one allocates little. False when the bytes are
// not a JSON object of event members in the form above (`event` is then unspecified; the caller
// takes the general path: parse, canonicalise, validate). A repeated member keeps its last value;
// member order is not checked.
bool ReadEventBytes(std::string_view bytes, Event& event);

}  // namespace treaty::ledger
