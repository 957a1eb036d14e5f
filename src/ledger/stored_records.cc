#include "ledger/stored_records.h"

#include <fmt/format.h>

#include "ledger/event_parser.h"

namespace treaty::ledger {

Result<Event> ReadStoredEvent(const StoredEvent& stored) {
  ValidationContext context;
  context.default_agreement = stored.agreement;
  ParsedEvent parsed = ParseEventText(stored.canonical, EventForm::kRecorded, context);
  if (!parsed.ok()) {
    return Error{fmt::format("stored event does not read: {}", parsed.errors.front().ToString()),
                 fmt::format("event {} (leaf {})", stored.id, stored.leaf_index)};
  }
  return std::move(parsed.event);
}

std::optional<Error> WrongSizeHeadError(const SignedTreeHead& head, const std::string& where) {
  const auto wrong = [&](std::string_view column, int64_t size, size_t expected) {
    return Error{fmt::format("tree head of size {} of {}: the stored {} is {} bytes, not {}",
                             head.head.tree_size, head.head.agreement, column, size, expected),
                 where};
  };
  if (head.stored_sizes.root_hash != static_cast<int64_t>(head.head.root_hash.size())) {
    return wrong("root_hash", head.stored_sizes.root_hash, head.head.root_hash.size());
  }
  if (head.stored_sizes.signature != static_cast<int64_t>(head.signature.size())) {
    return wrong("signature", head.stored_sizes.signature, head.signature.size());
  }
  return std::nullopt;
}

Result<StoredEvent> MakeStoredEvent(const Event& event, int64_t leaf_index) {
  Result<CanonicalForm> canonical = CanonicalEventAndContentHash(event);
  if (!canonical.ok()) return canonical.error();
  StoredEvent row;
  row.agreement = event.agreement;
  row.leaf_index = leaf_index;
  row.id = event.id;
  row.type = std::string(EventTypeName(event.content.type));
  row.fact_date = event.content.date;
  row.recorded_at = event.recorded_at;
  row.institution = event.recorded_by.institution;
  row.classification = event.classification;
  row.corrects = event.corrects;
  row.idempotency_key = event.idempotency_key;
  row.content_hash = canonical.value().content_hash;
  row.leaf_hash = LeafHash(canonical.value().bytes);
  row.canonical = std::move(canonical.value().bytes);
  return row;
}

Result<SignedTreeHead> MakeSignedTreeHead(const TreeHead& head, const Seed& seed) {
  Result<std::string> bytes = CanonicalTreeHead(head);
  if (!bytes.ok()) return bytes.error();
  Result<Signature> signature = SignTreeHead(head, seed);
  if (!signature.ok()) return signature.error();
  return SignedTreeHead{head, std::move(bytes).value(), signature.value(), StoredHeadSizes{}};
}

std::string MissingRowsMessage(const std::vector<int64_t>& found, int64_t begin, int64_t end,
                               int level, const std::string& agreement) {
  int64_t next = begin;
  for (int64_t index : found) {
    if (index != next) break;
    ++next;
  }
  if (next >= end) return "";
  const bool gap = static_cast<size_t>(next - begin) < found.size();
  const int64_t last = gap ? next : end - 1;
  if (level == 0) {
    return last == next ? fmt::format("leaf {} of {} is missing", next, agreement)
                        : fmt::format("leaves {}–{} of {} are missing", next, last, agreement);
  }
  return last == next ? fmt::format("cached node (level {}, index {}) of {} is missing", level,
                                    next, agreement)
                      : fmt::format("cached nodes (level {}, indexes {}–{}) of {} are missing",
                                    level, next, last, agreement);
}

}  // namespace treaty::ledger
