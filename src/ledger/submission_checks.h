// The checks of one submission that an append makes before it writes (docs/ledger-format.md
// §6.2 steps 1 and 3, §9.1), shared by LedgerStore::Append and by `treaty import`, which makes them
// for the whole file before it writes anything (§7.2). Thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event.h"
#include "ledger/keys.h"
#include "ledger/stored_records.h"

namespace treaty::ledger {

// What the reference checks need to know of an event named by `corrects` or `responds_to`.
struct Referenced {
  std::string type;
  std::string subtype;
  std::string classification;
  std::string institution;
  std::string corrects;
  // The event's `participant`; empty where it is not looked at (verify, which keeps the rules
  // added since ledgers were first recorded to append and import).
  std::string participant;
};

// The committed event of `row`.
Referenced ReferencedFromRow(const StoredEvent& row);
// A submission of the same append.
Referenced ReferencedFromEvent(const Event& event);

// The event of `agreement` that has `id`, or nullopt; an error only when it cannot be read.
using ReferenceLookup = std::function<Result<std::optional<Referenced>>(const std::string& id)>;

// Why `event` cannot be appended to `agreement` with `key` (step 1): another agreement, a
// recording institution that is not the key's ("event signed with the wrong key"), an id or
// recorded_at already assigned, no idempotency key. Error::where is the event's field.
std::optional<Error> SubmissionProblem(const Event& event, const std::string& agreement,
                                       const PrivateKey& key);

// Why `event`, a notice or a correction amending into one, cannot be recorded by its institution:
// a written notice (sec_6__para_2, sec_6__para_5, sec_6__para_7: "by … written notice to the other
// Participant") is given by one Participant, and only an institution of that Participant records
// it, so that one Participant's records can never stand for the other's notice, such as its part
// of a joint extension. Checked when an event is appended or imported; `treaty verify` does not
// hold ledgers recorded before the rule to it.
std::optional<Error> NoticeSenderProblem(const Event& event, const KeysFile& keys);

// Why the references of `event` fail (step 3 and §9.1): `responds_to` must name an event of the
// expected type and subtype (§1.3), `corrects` an event that is not a correction, of the same
// classification, recorded by the same Participant. The outer error is one of `lookup`; the inner
// one names the event's field in Error::where.
Result<std::optional<Error>> ReferenceProblem(const Event& event, const std::string& agreement,
                                              const KeysFile& keys, const ReferenceLookup& lookup);

}  // namespace treaty::ledger
