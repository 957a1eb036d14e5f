// Shared helpers of the ledger tests: a keys file with three institutions, their private keys,
// valid events to append, and stored values of the wrong size with what `treaty verify` says.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/ledger_store.h"
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

// An append of `submissions` to the lv-ua-2024 ledger, signed with `institution`'s test key.
// REQUIRES: `keys` outlives the request.
inline AppendRequest AppendOf(std::vector<Event> submissions, const KeysFile& keys,
                              const std::string& institution = "lv-mod") {
  AppendRequest request;
  request.agreement = "lv-ua-2024";
  request.key = TestKey(institution);
  request.keys = &keys;
  request.submissions = std::move(submissions);
  return request;
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

// Disbursements of first, first + 1, … first + count − 1 EUR cents, keys derived.
inline std::vector<Event> Disbursements(int64_t first, int64_t count) {
  std::vector<Event> events;
  for (int64_t i = 0; i < count; ++i) events.push_back(Disbursement(first + i));
  return events;
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

// A hash or signature stored one byte too long in a ledger of 301 events (whose last two heads
// are at 300 and 301, with the level-8 node 0 cached), the leaf verify names (-1: none) and the
// start of its mismatch, where "%" stands for the event id.
struct WrongSizeCase {
  const char* table;
  const char* column;
  int bytes;          // the right size
  const char* where;  // the row, as SQL
  int64_t head;       // the tree size of the head the row is, or 0
  int64_t leaf;
  const char* named;
};

inline constexpr WrongSizeCase kWrongSizeCases[] = {
    {"events", "leaf_hash", 32, "leaf_index = 3", 0, 3,
     "leaf 3 (event %): the stored leaf hash differs from its bytes"},
    {"events", "content_hash", 32, "leaf_index = 299", 0, 299,
     "leaf 299 (event %): the stored content hash differs"},
    {"tree_nodes", "hash", 32, "level = 8 AND node_index = 0", 0, 255,
     "leaf 255 (event %): cached node (level 8, index 0) differs"},
    {"tree_heads", "root_hash", 32, "tree_size = 300", 300, -1,
     "tree head 300: column root_hash holds "},
    {"tree_heads", "signature", 64, "tree_size = 301", 301, -1,
     "tree head 301: the signature of the head of size 301 does not verify with key"},
    {"ledgers", "root_hash", 32, "true", 0, -1,
     "ledgers row: root_hash differs from the recomputed root"},
};

// While the row of case `c` is a head stored with `bytes` bytes in c.column, the head reads that
// hand it on as signed (proofs) refuse it; the latest head is 301.
inline void ExpectHeadRefusedToProofs(LedgerStore& store, const WrongSizeCase& c, size_t bytes) {
  if (c.head == 0) return;
  Result<std::optional<SignedTreeHead>> head = store.TreeHeadAt("lv-ua-2024", c.head);
  ASSERT_FALSE(head.ok()) << c.column;
  EXPECT_EQ(head.error().message,
            fmt::format("tree head of size {} of lv-ua-2024: the stored {} is {} bytes, not {}",
                        c.head, c.column, bytes, c.bytes));
  EXPECT_EQ(store.LatestTreeHead("lv-ua-2024").ok(), c.head != 301) << c.column;
}

// What an append and a proof say of leaf 299's hash stored one byte too long: they build on it.
inline constexpr const char* kWrongSizeLeafRefused =
    "leaf 299 of lv-ua-2024: the stored leaf_hash is not 32 bytes";

// Whether `mismatch` starts as `named` says, the event id standing for its "%".
inline bool MismatchStartsAs(std::string_view mismatch, std::string_view named) {
  const size_t id = named.find('%');
  if (id == std::string_view::npos) return mismatch.substr(0, named.size()) == named;
  const size_t after = mismatch.find(')', id);
  const std::string_view rest = named.substr(id + 1);
  return mismatch.substr(0, id) == named.substr(0, id) && after != std::string_view::npos &&
         mismatch.substr(after, rest.size()) == rest;
}

}  // namespace treaty::ledger::test
