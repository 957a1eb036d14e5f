// Shared helpers of the ledger tests: a keys file with three institutions, their private keys,
// and valid events to append.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/tree_head.h"

namespace treaty::ledger::test {

// lv-mod signs with the demo key of §4.4; lv-mfa and ua-mod with keys derived from their names.
inline PrivateKey TestKey(const std::string& institution) {
  const Seed seed = institution == "lv-mod" ? DemoSeed("treaty demo key lv-mod")
                                            : DemoSeed("test key " + institution);
  return PrivateKey{institution, KeyId(PublicKeyFromSeed(seed)), seed};
}

inline KeysFile TestKeys() {
  KeysFile keys;
  keys.agreement = "lv-ua-2024";
  keys.institutions = {{"lv-mod", "LV", "Ministry of Defence of Latvia"},
                       {"lv-mfa", "LV", "Ministry of Foreign Affairs of Latvia"},
                       {"ua-mod", "UA", "Ministry of Defence of Ukraine"}};
  for (const Institution& institution : keys.institutions) {
    const PrivateKey key = TestKey(institution.id);
    KeyEntry entry;
    entry.key_id = key.key_id;
    entry.institution = institution.id;
    entry.public_key = PublicKeyFromSeed(key.seed);
    entry.valid_from = "2024-04-11T00:00:00.000000Z";
    entry.demo = institution.id == "lv-mod";
    keys.keys.push_back(entry);
  }
  return keys;
}

// A valid disbursement of `minor_units` EUR cents by `institution`, with `key` as its idempotency
// key (derived when empty).
inline Event Disbursement(int64_t minor_units, const std::string& key = "",
                          const std::string& institution = "lv-mod",
                          const std::string& classification = "public") {
  nlohmann::json input = {
      {"type", "disbursement"},
      {"participant", institution.starts_with("ua") ? "UA" : "LV"},
      {"date", "2024-06-01"},
      {"commitments", {"sec_2__hcontainer_1__para_2__sent_2"}},
      {"amount", {{"currency", "EUR"}, {"minor_units", minor_units}}},
      {"description", "Payment " + std::to_string(minor_units)},
      {"evidence", nlohmann::json::array()},
      {"classification", classification},
      {"recorded_by", {{"institution", institution}, {"user", "tester"}}},
  };
  if (!key.empty()) input["idempotency_key"] = key;
  ValidationContext context;
  ParsedEvent parsed = ParseEvent(input, EventForm::kInput, context);
  return parsed.event;
}

// A correction of `original_id` that amends the amount to `minor_units`.
inline Event AmountCorrection(const std::string& original_id, int64_t minor_units,
                              const std::string& institution = "lv-mod",
                              const std::string& classification = "public") {
  nlohmann::json replacement = ContentToJson(Disbursement(minor_units).content);
  nlohmann::json input = {
      {"type", "correction"},
      {"corrects", original_id},
      {"action", "amend"},
      {"replacement", replacement},
      {"description", "The amount was wrong"},
      {"evidence", nlohmann::json::array()},
      {"classification", classification},
      {"recorded_by", {{"institution", institution}, {"user", "tester"}}},
  };
  ValidationContext context;
  return ParseEvent(input, EventForm::kInput, context).event;
}

}  // namespace treaty::ledger::test
