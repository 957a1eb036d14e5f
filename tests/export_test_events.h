// Shared by the export tests: recorded events built from their input JSON as the ledger would
// store them (validated, then given an id, recorded_at and idempotency key), without a store.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/stored_records.h"

namespace treaty::test {

// A distinct UUID v7 per leaf.
inline std::string EventId(int64_t leaf) {
  return fmt::format("0194694c-5e3b-7{:03x}-af1e-9a407b6d13c8", leaf);
}

// The stored row of the event `input` (the input form of ledger-format §1.5) at `leaf`, recorded
// by lv-mod on 15 January 2025.
inline ledger::StoredEvent Stored(nlohmann::json input, int64_t leaf) {
  if (!input.contains("recorded_by")) {
    input["recorded_by"] = {{"institution", "lv-mod"}, {"user", "analyst"}};
  }
  if (!input.contains("evidence")) input["evidence"] = nlohmann::json::array();
  if (!input.contains("classification")) input["classification"] = "public";
  ledger::ValidationContext context;
  context.latest_date = "2025-01-16";
  ledger::ParsedEvent parsed = ledger::ParseEvent(input, ledger::EventForm::kInput, context);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.errors.front().ToString());
  ledger::Event event = parsed.event;
  event.id = EventId(leaf);
  event.recorded_at = "2025-01-15T09:30:00.123456Z";
  if (event.idempotency_key.empty()) event.idempotency_key = fmt::format("test/{}", leaf);
  Result<ledger::StoredEvent> stored = ledger::MakeStoredEvent(event, leaf);
  EXPECT_TRUE(stored.ok()) << stored.error().ToString();
  return stored.value();
}

// An event of `type` serving `commitment`, with `minor_units` EUR cents when positive.
inline nlohmann::json Money(const std::string& type, const std::string& commitment,
                            int64_t minor_units, const std::string& description) {
  nlohmann::json input = {{"type", type},
                          {"participant", "LV"},
                          {"date", "2024-06-01"},
                          {"commitments", {commitment}},
                          {"description", description}};
  if (minor_units > 0) input["amount"] = {{"currency", "EUR"}, {"minor_units", minor_units}};
  return input;
}

// A correction of the event at `leaf`: `replacement` (an input object's content) or a retraction.
inline nlohmann::json Correction(int64_t leaf, const nlohmann::json& replacement = nullptr) {
  nlohmann::json input = {{"type", "correction"},
                          {"corrects", EventId(leaf)},
                          {"action", replacement.is_null() ? "retract" : "amend"},
                          {"description", "The record was wrong"}};
  if (!replacement.is_null()) {
    input["replacement"] = replacement;
    input["replacement"]["evidence"] = nlohmann::json::array();
  }
  return input;
}

}  // namespace treaty::test
