// The fast path of `treaty verify` (docs/ledger-format.md §8): ReadEventOnFastPath must accept
// exactly the stored bytes that the general path accepts (CanonicalizeText, ParseEventText in the
// recorded form, re-serialisation to the same bytes), over the worked events of §2.4 and §9.3
// changed in many ways.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ledger/canonical_json.h"
#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/event_reader.h"
#include "ledger_worked_events.h"

namespace treaty::ledger {
namespace {

using test::kCommitment1;
using test::kCommitment2;
using test::kCorrectionCanonical;
using test::kDeliveryCanonical;

using json = nlohmann::json;

ValidationContext Context() {
  ValidationContext context;
  context.default_agreement.clear();
  context.known_commitments = std::set<std::string>{kCommitment1, kCommitment2};
  return context;
}

// The general path: the bytes are canonical, a valid recorded event, and in normal form.
bool GeneralPathAccepts(const std::string& bytes, const ValidationContext& context) {
  Result<std::string> canonical = CanonicalizeText(bytes);
  if (!canonical.ok() || canonical.value() != bytes) return false;
  ParsedEvent parsed = ParseEventText(bytes, EventForm::kRecorded, context);
  if (!parsed.ok()) return false;
  Result<std::string> again = CanonicalEvent(parsed.event);
  return again.ok() && again.value() == bytes;
}

bool FastPathAccepts(const std::string& bytes, const ValidationContext& context) {
  Event event;
  return ReadEventOnFastPath(bytes, context, event).has_value();
}

void ExpectSameVerdict(const std::string& bytes, const ValidationContext& context = Context()) {
  EXPECT_EQ(FastPathAccepts(bytes, context), GeneralPathAccepts(bytes, context)) << bytes;
}

// A value of each kind that some rule rejects or that normalisation would change, and some that
// are fine.
std::vector<json> Values() {
  std::vector<json> values = {
      "",
      " ",
      "x",
      " leading",
      "trailing ",
      "two\nlines",
      "carriage\rreturn",
      "tab\tinside",
      "bell\x07",
      "next line \xc2\x85 control",
      "e\xcc\x81 decomposed",
      "\xc3\xa9 composed",
      "no-break\xc2\xa0space",
      "\xc2\xa0leading no-break space",
      "bad \xc3",
      std::string(37, 'a'),
      std::string(201, 'a'),
      std::string(4001, 'a'),
      "0194694C-5E3B-75C3-AF1E-9A407B6D13C8",
      "0194694c-5e3b-75c3-af1e-9a407b6d13c9",
      "2024-12-20",
      "2024-12-01",
      "2024-01-01",
      "2024-02-30",
      "2030-01-01",
      "2024-12-20T10:00:00Z",
      "2024-12-20T23:30:00-02:00",
      "2025-01-15T09:30:00.123456Z",
      "LV",
      "UA",
      "both",
      "EUR",
      "XAU",
      "drone",
      "Drone",
      "public",
      "restricted",
      "day",
      "month",
      "year",
      "amend",
      "retract",
      "termination",
      "extension",
      "authorised_institution",
      "strategic_dialogue",
      "armed_attack",
      "lv-mod",
      "lv-mfa",
      "content:abc",
      "https://example.org/page",
      std::string(64, 'a'),
      std::string(64, 'A'),
      0,
      1,
      -5,
      9007199254740991LL,
      9007199254740992LL,
      json::array(),
      json::array({"sec_2__hcontainer_5__para_2__sent_1", "sec_2__hcontainer_1__para_3__sent_2"}),
      json::array({"sec_2__hcontainer_1__para_3__sent_2", "sec_2__hcontainer_1__para_3__sent_2"}),
      json::array({"unknown_commitment"}),
      json::array({json::object({{"reference", "https://example.org"}})}),
      json::array({json::object({{"reference", "file.pdf"}})}),
      json::array({json::object({{"reference", "a"}, {"sha256", std::string(64, 'b')}}),
                   json::object({{"reference", "a"}, {"sha256", std::string(64, 'b')}})}),
      json::object({{"from", "2024-01-01"}, {"to", "2024-12-31"}}),
      json::object({{"from", "2024-12-31"}, {"to", "2024-01-01"}}),
      json::object({{"currency", "EUR"}, {"minor_units", 1}}),
      json::object({{"currency", "EUR"}}),
      json::object({{"institution", "lv-mod"}, {"user", "x"}}),
      json::object({{"institution", "lv-mod"}}),
  };
  return values;
}

const char* const kFields[] = {
    "action",      "agreement",   "amount",          "classification", "commitments",
    "corrects",    "date",        "date_precision",  "description",    "effective_date",
    "evidence",    "id",          "idempotency_key", "item",           "named_institution",
    "occurred_at", "participant", "period",          "quantity",       "recorded_at",
    "recorded_by", "replacement", "responds_to",     "subtype",        "type",
    "unit",        "unknown"};

const char* const kTypes[] = {
    "pledge",    "allocation", "disbursement",         "delivery",          "training",
    "meeting",   "notice",     "consultation_request", "consultation_held", "technical_agreement",
    "correction"};

// Every field of `base` (and of its replacement) removed, and set to every value.
void ExpectSameVerdictForEdits(const json& base) {
  ExpectSameVerdict(Canonicalize(base).value());
  for (const std::string prefix : {"", "replacement"}) {
    if (!prefix.empty() && !base.contains(prefix)) continue;
    for (const char* field : kFields) {
      json edited = base;
      json& object = prefix.empty() ? edited : edited[prefix];
      object.erase(field);
      ExpectSameVerdict(Canonicalize(edited).value());
      for (const json& value : Values()) {
        json changed = base;
        (prefix.empty() ? changed : changed[prefix])[field] = value;
        if (Result<std::string> bytes = Canonicalize(changed); bytes.ok()) {
          ExpectSameVerdict(bytes.value());
        }
      }
    }
  }
}

TEST(LedgerEventReaderTest, TheWorkedEventsTakeTheFastPath) {
  for (const char* bytes : {kDeliveryCanonical, kCorrectionCanonical}) {
    EXPECT_TRUE(FastPathAccepts(bytes, Context()));
    Event event;
    ASSERT_TRUE(ReadEventBytes(bytes, event));
    ParsedEvent parsed = ParseEventText(bytes, EventForm::kRecorded, Context());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(EventToJson(event), EventToJson(parsed.event));
  }
}

TEST(LedgerEventReaderTest, AnEventReadOverAnotherKeepsNothingOfIt) {
  // verify reads each chunk's events over the previous chunk's: a correction over a delivery and
  // back, and a delivery with fewer commitments and no evidence over one with more.
  json fewer = json::parse(kDeliveryCanonical);
  fewer["commitments"] = json::array({fewer["commitments"][0]});
  fewer["evidence"] = json::array();
  Result<std::string> fewer_bytes = Canonicalize(fewer);
  ASSERT_TRUE(fewer_bytes.ok());
  Event event;
  for (const std::string& bytes :
       std::vector<std::string>{kDeliveryCanonical, kCorrectionCanonical, kDeliveryCanonical,
                                fewer_bytes.value(), kCorrectionCanonical}) {
    ASSERT_TRUE(ReadEventBytes(bytes, event));
    ParsedEvent parsed = ParseEventText(bytes, EventForm::kRecorded, Context());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(EventToJson(event), EventToJson(parsed.event)) << bytes;
    // Not serialised for a correction, so not compared above; verify takes an event's links
    // from them.
    EXPECT_EQ(event.content.commitments, parsed.event.content.commitments) << bytes;
    EXPECT_EQ(event.content.evidence.size(), parsed.event.content.evidence.size()) << bytes;
  }
}

TEST(LedgerEventReaderTest, EveryEditGetsTheGeneralPathsVerdict) {
  ExpectSameVerdictForEdits(json::parse(kDeliveryCanonical));
  ExpectSameVerdictForEdits(json::parse(kCorrectionCanonical));
  json retract = json::parse(kCorrectionCanonical);
  retract["action"] = "retract";
  retract.erase("replacement");
  ExpectSameVerdictForEdits(retract);
  // Other types, from the delivery with its type changed, then edited.
  for (const char* type : kTypes) {
    json event = json::parse(kDeliveryCanonical);
    event["type"] = type;
    ExpectSameVerdictForEdits(event);
  }
  json notice = json::parse(kDeliveryCanonical);
  for (const char* field : {"amount", "quantity", "unit", "item"}) notice.erase(field);
  notice["type"] = "notice";
  notice["subtype"] = "authorised_institution";
  notice["named_institution"] = "Ministry of Defence";
  ExpectSameVerdictForEdits(notice);
  json held = notice;
  held.erase("named_institution");
  held.erase("subtype");
  held["type"] = "consultation_held";
  held["participant"] = "both";
  held["occurred_at"] = "2024-12-20T10:00:00Z";
  held["responds_to"] = "0194694c-5e3b-75c3-af1e-9a407b6d13c9";
  ExpectSameVerdictForEdits(held);
}

TEST(LedgerEventReaderTest, BytesThatAreNotCanonicalTakeTheGeneralPath) {
  const std::string delivery = kDeliveryCanonical;
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string bytes = delivery;
    bytes.replace(bytes.find(from), from.size(), to);
    return bytes;
  };
  for (const std::string& bytes : {
           replaced("{\"agreement\"", "{ \"agreement\""),
           replaced("\"public\"", "\"publ\\u0069c\""),
           replaced("\"public\"", "\"publ\\/ic\""),
           replaced("5000", "5000.0"),
           replaced("5000", "05000"),
           replaced("5000", "5e3"),
           replaced("\"unit\":\"drone\"", "\"unit\":\"drone\",\"unit\":\"drone\""),
           replaced("\"agreement\":\"lv-ua-2024\",\"amount\"", "\"amount\""),
           delivery + " ",
           delivery + "x",
           delivery.substr(0, delivery.size() - 1),
           std::string("[") + delivery + "]",
       }) {
    ExpectSameVerdict(bytes);
    EXPECT_FALSE(FastPathAccepts(bytes, Context())) << bytes;
  }
}

}  // namespace
}  // namespace treaty::ledger
