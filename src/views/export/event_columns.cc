#include "views/export/event_columns.h"

#include <fmt/format.h>

#include "views/export/major_units.h"

namespace treaty::views {
namespace {

// An amending correction's replacement content as one line of JSON (§9.1, keys sorted), so that
// the raw view shows what the correction says; empty for other events and for a retraction.
std::string ReplacementText(const ledger::Event& event) {
  return event.replacement ? ledger::ContentToJson(*event.replacement).dump() : "";
}

}  // namespace

const std::vector<EventColumn>& EventColumns() {
  static const std::vector<EventColumn> columns = {
      {"leaf_index", CellKind::kInteger},
      {"id", CellKind::kText},
      {"recorded_at", CellKind::kTimestamp},
      {"institution", CellKind::kText},
      {"user", CellKind::kText},
      {"type", CellKind::kText},
      {"subtype", CellKind::kText},
      {"participant", CellKind::kText},
      {"date", CellKind::kDate},
      {"date_precision", CellKind::kText},
      {"occurred_at", CellKind::kText},
      {"commitments", CellKind::kText},
      {"amount", CellKind::kAmount},
      {"currency", CellKind::kText},
      {"quantity", CellKind::kInteger},
      {"unit", CellKind::kText},
      {"item", CellKind::kText},
      {"period_from", CellKind::kDate},
      {"period_to", CellKind::kDate},
      {"effective_date", CellKind::kDate},
      {"named_institution", CellKind::kText},
      {"responds_to", CellKind::kText},
      {"description", CellKind::kText},
      {"evidence_reference", CellKind::kText},
      {"evidence_sha256", CellKind::kText},
      {"classification", CellKind::kText},
      {"idempotency_key", CellKind::kText},
      {"corrects", CellKind::kText},
      {"action", CellKind::kText},
      {"replacement", CellKind::kText},
      {"corrected_by", CellKind::kText},
  };
  return columns;
}

std::vector<std::string> EventCells(const LedgerEntry& entry) {
  const ledger::Event& event = entry.event;
  const ledger::EventContent& content = event.content;
  std::vector<std::string> references, hashes;
  for (const ledger::Evidence& evidence : content.evidence) {
    references.push_back(evidence.reference);
    hashes.push_back(evidence.sha256);
  }
  return {std::to_string(entry.leaf_index),
          event.id,
          event.recorded_at,
          event.recorded_by.institution,
          event.recorded_by.user,
          std::string(ledger::EventTypeName(content.type)),
          content.subtype,
          content.participant,
          content.date,
          content.date_precision,
          content.occurred_at,
          fmt::format("{}", fmt::join(content.commitments, ";")),
          content.amount ? MajorUnits(content.amount->minor_units, content.amount->currency) : "",
          content.amount ? content.amount->currency : "",
          content.quantity ? std::to_string(*content.quantity) : "",
          content.unit,
          content.item,
          content.period ? content.period->from : "",
          content.period ? content.period->to : "",
          content.effective_date,
          content.named_institution,
          content.responds_to,
          content.description,
          fmt::format("{}", fmt::join(references, "\n")),
          fmt::format("{}", fmt::join(hashes, "\n")),
          event.classification,
          event.idempotency_key,
          event.corrects,
          event.action,
          ReplacementText(event),
          fmt::format("{}", fmt::join(entry.corrected_by, ";"))};
}

}  // namespace treaty::views
