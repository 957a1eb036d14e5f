// Events (docs/ledger-format.md §1, §2): the worked examples of §2.4 and §9.3 byte for byte, the
// validation errors of §1.6 with their paths, UUID v7 ids, ISO 4217 currencies and the keys file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "ledger/canonical_json.h"
#include "ledger/currency.h"
#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/hash.h"
#include "ledger/keys.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"
#include "ledger_worked_events.h"

namespace treaty::ledger {
namespace {

using test::kCommitment1;
using test::kCommitment2;
using test::kCorrectionCanonical;
using test::kDeliveryCanonical;

using json = nlohmann::json;

// The §2.4 delivery as input (§1.5): no id, no recorded_at, members in no particular order.
constexpr char kDeliveryInput[] = R"json({
  "type": "delivery",
  "agreement": "lv-ua-2024",
  "participant": "LV",
  "date": "2024-12-20",
  "commitments": ["sec_2__hcontainer_5__para_2__sent_1", "sec_2__hcontainer_1__para_3__sent_2"],
  "item": "FPV combat drone",
  "quantity": 5000,
  "unit": "drone",
  "amount": {"minor_units": 2000000000, "currency": "EUR"},
  "description": "5,000 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct signed by both sides",
  "evidence": [{"reference": "LV MoD handover act No. 12/2024-D (PDF)",
                "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}],
  "classification": "public",
  "idempotency_key": "lv-mod/handover/12-2024-D",
  "recorded_by": {"institution": "lv-mod", "user": "jānis.bērziņš"}
})json";

ValidationContext Context() {
  ValidationContext context;
  context.known_commitments = std::set<std::string>{kCommitment1, kCommitment2};
  context.latest_date = "2025-01-16";
  context.default_user = "tester";
  return context;
}

// The errors of `input` (changed from the §2.4 delivery by `edit`) as "PATH: MESSAGE" lines.
std::vector<std::string> ErrorsOf(const std::function<void(json&)>& edit,
                                  const ValidationContext& context = Context()) {
  json input = json::parse(kDeliveryInput);
  edit(input);
  std::vector<std::string> lines;
  for (const FieldError& error : ParseEvent(input, EventForm::kInput, context).errors) {
    lines.push_back(error.ToString());
  }
  return lines;
}

using Lines = std::vector<std::string>;

TEST(LedgerEventTest, WorkedDeliveryGivesTheDocumentedBytesAndHashes) {
  ParsedEvent parsed = ParseEventText(kDeliveryInput, EventForm::kInput, Context());
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
  Event event = parsed.event;
  event.id = "0194694c-5e3b-75c3-af1e-9a407b6d13c8";
  event.recorded_at = "2025-01-15T09:30:00.123456Z";
  const std::string canonical = CanonicalEvent(event).value();
  EXPECT_EQ(canonical, kDeliveryCanonical);
  EXPECT_EQ(canonical.size(), 767u);
  EXPECT_EQ(ToHex(Sha256(canonical)),
            "b031eec8545e048ac1bbddeefa4b59d00cab41ff7babaf98148d8155fc3941db");
  EXPECT_EQ(ToHex(LeafHash(canonical)),
            "19c50d3675683c85a5948702e8449086f96f23597dc22b8c21e64cd6725566ae");
  EXPECT_EQ(ToHex(ContentHash(event).value()),
            "abe764e5468d1de10b4790f5248318c74707d49edbd10e99f6a8c3ba0b6a62d1");
}

TEST(LedgerEventTest, RecordedFormsReadBackToTheSameBytes) {
  for (const char* bytes : {kDeliveryCanonical, kCorrectionCanonical}) {
    ParsedEvent parsed = ParseEventText(bytes, EventForm::kRecorded, Context());
    ASSERT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
    EXPECT_EQ(CanonicalEvent(parsed.event).value(), bytes);
  }
  EXPECT_EQ(ToHex(LeafHash(kCorrectionCanonical)),
            "487116123fd8368c3e084abfc96ee14db9bdefbc12ada7a10df4eaa981b3e83b");
}

// Noncharacters are refused on input only: an event stored before the rule still reads.
TEST(LedgerEventTest, AStoredNoncharacterStillReads) {
  std::string bytes = kDeliveryCanonical;
  bytes.replace(bytes.find("Rēzekne"), std::string("Rēzekne").size(),
                "R\xef\xbf\xbe"
                "ezekne");
  const ParsedEvent parsed = ParseEventText(bytes, EventForm::kRecorded, Context());
  EXPECT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
}

// CanonicalEvent and ContentHash write bytes straight from the fields; they must equal
// Canonicalize of the JSON form, errors included, for every field and shape.
TEST(LedgerEventTest, DirectCanonicalFormEqualsCanonicalizeOfTheJson) {
  Event full;
  full.id = "0194694c-5e3b-75c3-af1e-9a407b6d13c8";
  full.agreement = "lv-ua-2024";
  full.classification = "restricted";
  full.idempotency_key = "key \"quoted\" \\ back\tslash";
  full.recorded_at = "2025-01-15T09:30:00.123456Z";
  full.recorded_by = {"lv-mod", "jānis.bērziņš"};
  EventContent& content = full.content;
  content.type = EventType::kNotice;
  content.subtype = "termination";
  content.participant = "LV";
  content.date = "2024-12-20";
  content.date_precision = "day";
  content.occurred_at = "2024-12-20T10:00:00+02:00";
  content.commitments = {"a", "b"};
  content.amount = Money{"EUR", kMaxSafeInteger};
  content.quantity = 7;
  content.unit = "drone";
  content.item = "item \x01 control \x1f and \x7f";
  content.period = Period{"2024-01-01", "2024-12-31"};
  content.effective_date = "2025-06-20";
  content.named_institution = "Ministry 𝄞 of € Defence";
  content.responds_to = "0194694c-5e3b-75c3-af1e-9a407b6d13c9";
  content.description = "line\nline\r\f\b end";
  content.evidence = {{"ref one", ""}, {"ref two", std::string(64, 'a')}};

  Event correction = full;
  correction.content = EventContent{};
  correction.content.type = EventType::kCorrection;
  correction.content.description = "fix";
  correction.corrects = full.id;
  correction.action = "amend";
  correction.replacement = content;
  correction.replacement->evidence.clear();
  correction.replacement->commitments.clear();

  Event bare;
  bare.content.type = EventType::kMeeting;

  auto content_hash_bytes = [](const Event& event) {
    json object = EventToJson(event);
    object.erase("id");
    object.erase("recorded_at");
    object.erase("idempotency_key");
    object["recorded_by"].erase("user");
    return Sha256(Canonicalize(object).value());
  };
  for (const Event& event : {full, correction, bare}) {
    EXPECT_EQ(CanonicalEvent(event).value(), Canonicalize(EventToJson(event)).value());
    EXPECT_EQ(ContentHash(event).value(), content_hash_bytes(event));
    const CanonicalForm both = CanonicalEventAndContentHash(event).value();
    EXPECT_EQ(both.bytes, CanonicalEvent(event).value());
    EXPECT_EQ(both.content_hash, ContentHash(event).value());
  }
  Event no_institution = full;
  no_institution.recorded_by.institution.clear();
  EXPECT_EQ(CanonicalEventAndContentHash(no_institution).value().content_hash,
            content_hash_bytes(no_institution));

  Event invalid = correction;
  invalid.replacement->evidence = {{"ok", ""}, {"bad \xc3", ""}};
  const Result<std::string> direct = CanonicalEvent(invalid);
  const Result<std::string> generic = Canonicalize(EventToJson(invalid));
  ASSERT_FALSE(direct.ok());
  ASSERT_FALSE(generic.ok());
  EXPECT_EQ(direct.error().ToString(), generic.error().ToString());
  EXPECT_EQ(direct.error().where, "replacement.evidence[1].reference");

  Event too_large = full;
  too_large.content.amount->minor_units = kMaxSafeInteger + 1;
  ASSERT_FALSE(CanonicalEvent(too_large).ok());
  EXPECT_EQ(CanonicalEvent(too_large).error().ToString(),
            Canonicalize(EventToJson(too_large)).error().ToString());
}

TEST(LedgerEventTest, DerivedIdempotencyKeyIsTheContentHash) {
  json input = json::parse(kDeliveryInput);
  input.erase("idempotency_key");
  ParsedEvent parsed = ParseEvent(input, EventForm::kInput, Context());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.event.idempotency_key,
            "content:abe764e5468d1de10b4790f5248318c74707d49edbd10e99f6a8c3ba0b6a62d1");
}

// §1.1: an absent date_precision means "day"; input that says "day" is the same event, with the
// same derived key, so recording it both ways records it once. A stored "day" still reads.
TEST(LedgerEventTest, ADayPrecisionGivenOrLeftOutIsOneEvent) {
  json without = json::parse(kDeliveryInput);
  without.erase("idempotency_key");
  without.erase("date_precision");
  json with_day = without;
  with_day["date_precision"] = "day";
  const ParsedEvent left_out = ParseEvent(without, EventForm::kInput, Context());
  const ParsedEvent given = ParseEvent(with_day, EventForm::kInput, Context());
  ASSERT_TRUE(left_out.ok() && given.ok());
  EXPECT_EQ(given.event.content.date_precision, "");
  EXPECT_EQ(given.event.idempotency_key, left_out.event.idempotency_key);
  EXPECT_EQ(CanonicalEvent(given.event).value(), CanonicalEvent(left_out.event).value());

  std::string stored = kDeliveryCanonical;
  ASSERT_EQ(stored.find("date_precision"), std::string::npos);
  stored.replace(stored.find("\"description\""), 0, "\"date_precision\":\"day\",");
  const ParsedEvent read = ParseEventText(stored, EventForm::kRecorded, Context());
  ASSERT_TRUE(read.ok()) << read.errors.front().ToString();
  EXPECT_EQ(CanonicalEvent(read.event).value(), stored);
}

TEST(LedgerEventTest, InputDefaultsAndNormalisation) {
  json input = json::parse(kDeliveryInput);
  input.erase("agreement");
  input.erase("recorded_by");
  input["item"] = "  FPV combat drone\t ";
  input["description"] = "line one\r\nline two\rline three";
  ValidationContext context = Context();
  context.default_institution = "lv-mod";
  ParsedEvent parsed = ParseEvent(input, EventForm::kInput, context);
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
  EXPECT_EQ(parsed.event.agreement, "lv-ua-2024");
  EXPECT_EQ(parsed.event.recorded_by.institution, "lv-mod");
  EXPECT_EQ(parsed.event.recorded_by.user, "tester");
  EXPECT_EQ(parsed.event.content.item, "FPV combat drone");
  EXPECT_EQ(parsed.event.content.description, "line one\nline two\nline three");
  EXPECT_EQ(parsed.event.content.commitments[0], kCommitment1);
}

// Where the agreement's parties are not known (verify-proof), a participant is any party code of
// the form; where they are, one of them.
TEST(LedgerEventTest, AParticipantIsAPartyOfTheAgreementOrWhereNoneAreKnownACodeOfTheForm) {
  ValidationContext any = Context();
  any.participants.clear();
  const auto set = [](const std::string& participant) {
    return [participant](json& input) {
      input["type"] = "disbursement";
      input["participant"] = participant;
      for (const char* member : {"item", "quantity", "unit"}) input.erase(member);
      input["amount"] = {{"minor_units", 100}, {"currency", "EUR"}};
    };
  };
  EXPECT_EQ(ErrorsOf(set("LT"), any), Lines{});
  EXPECT_EQ(ErrorsOf(set("EST"), any), Lines{});
  EXPECT_EQ(ErrorsOf(set("lt"), any),
            Lines{"participant: must be a party code (2 or 3 capital letters): \"lt\""});
  EXPECT_EQ(ErrorsOf(set("LATV"), any),
            Lines{"participant: must be a party code (2 or 3 capital letters): \"LATV\""});
  EXPECT_EQ(ErrorsOf(set("LT")), Lines{"participant: must be one of LV, UA: \"LT\""});
}

// A default user (`--user`, $USER) is normalised and checked as a given one: otherwise the
// ledger would keep an event that its own verify refuses.
TEST(LedgerEventTest, TheDefaultUserIsHeldToTheRulesOfAGivenOne) {
  ValidationContext context = Context();
  context.default_institution = "lv-mod";
  const auto with_default_user = [&context](const std::string& user) {
    context.default_user = user;
    return ErrorsOf([](json& input) { input["recorded_by"].erase("user"); }, context);
  };
  EXPECT_EQ(with_default_user(std::string(101, 'u')),
            Lines{"recorded_by.user: longer than 100 characters"});
  EXPECT_EQ(with_default_user("a\tb"),
            Lines{"recorded_by.user: control character U+0009 at character 2"});
  EXPECT_EQ(with_default_user(" \t "), Lines{"recorded_by.user: required"});
  json input = json::parse(kDeliveryInput);
  input["recorded_by"].erase("user");
  context.default_user = " e\u0301 ";
  ParsedEvent parsed = ParseEvent(input, EventForm::kInput, context);
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
  EXPECT_EQ(parsed.event.recorded_by.user, "\u00e9");
}

// A recorded event's id is the version 7 UUID of its recorded_at's millisecond, and a derived key
// is the one of its content (§1.4): verify holds stored events to both.
TEST(LedgerEventTest, ARecordedEventsIdAndDerivedKeyAreOfItsOwn) {
  const auto errors_of = [](const std::string& from, const std::string& to) {
    std::string bytes = kDeliveryCanonical;
    bytes.replace(bytes.find(from), from.size(), to);
    Lines lines;
    for (const FieldError& error : ParseEventText(bytes, EventForm::kRecorded, Context()).errors) {
      lines.push_back(error.ToString());
    }
    return lines;
  };
  EXPECT_EQ(errors_of("0194694c-5e3b-75c3", "0194694c-5e3b-45c3"),
            Lines{"id: not a version 7 UUID"});
  EXPECT_EQ(errors_of("75c3-af1e", "75c3-cf1e"), Lines{"id: not a version 7 UUID"});
  EXPECT_EQ(errors_of("09:30:00.123456Z", "09:30:00.124456Z"),
            Lines{"id: its time is not the millisecond of recorded_at"});
  EXPECT_EQ(errors_of("lv-mod/handover/12-2024-D", "content:" + std::string(64, '0')),
            Lines{"idempotency_key: not the key derived from the event's content"});
}

TEST(LedgerEventTest, UnknownCommitmentId) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["commitments"][1] = "sec_9__para_9"; }),
            Lines{"commitments[1]: unknown commitment id \"sec_9__para_9\" in agreement "
                  "lv-ua-2024"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["commitments"][1] = e["commitments"][0]; }),
            Lines{"commitments[1]: duplicate commitment id "
                  "\"sec_2__hcontainer_5__para_2__sent_1\""});
  EXPECT_EQ(ErrorsOf([](json& e) { e["commitments"] = json::array(); }),
            Lines{"commitments: at least one commitment id for delivery"});
}

TEST(LedgerEventTest, AmountMustBeAnIntegerNumberOfMinorUnits) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["minor_units"] = "abc"; }),
            Lines{"amount.minor_units: not an integer: \"abc\""});
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["minor_units"] = 12.5; }),
            Lines{"amount.minor_units: not an integer: 12.5"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["minor_units"] = 0; }),
            Lines{"amount.minor_units: must be at least 1"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["minor_units"] = 9007199254740992; }),
            Lines{"amount.minor_units: larger than 9007199254740991"});
  // A fraction or exponent in the text is refused even when its value is whole, and the error
  // says which whole number to write.
  std::string text = kDeliveryInput;
  text.replace(text.find("2000000000"), 10, "2e9");
  ParsedEvent parsed = ParseEventText(text, EventForm::kInput, Context());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].ToString(),
            "amount.minor_units: written with a fraction or an exponent: write the whole number "
            "2000000000");
  // An integer too large for 64 bits is read as a double: its size is named, not its form.
  text = kDeliveryInput;
  text.replace(text.find("2000000000"), 10, "99999999999999999999999");
  parsed = ParseEventText(text, EventForm::kInput, Context());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].ToString(), "amount.minor_units: larger than 9007199254740991");
  text = kDeliveryInput;
  text.replace(text.find("5000"), 4, "-99999999999999999999");
  parsed = ParseEventText(text, EventForm::kInput, Context());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].ToString(), "quantity: must not be negative: -1e+20");
}

TEST(LedgerEventTest, QuantityMustBePositive) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["quantity"] = -5; }),
            Lines{"quantity: must not be negative: -5"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["quantity"] = 0; }), Lines{"quantity: must be at least 1"});
}

TEST(LedgerEventTest, CurrencyMustBeActiveIso4217WithAMinorUnit) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["currency"] = "EUX"; }),
            Lines{"amount.currency: unknown currency \"EUX\" (not an active ISO 4217 code)"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["currency"] = "LVL"; }),
            Lines{"amount.currency: unknown currency \"LVL\" (not an active ISO 4217 code)"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["amount"]["currency"] = "XAU"; }),
            Lines{"amount.currency: XAU has no minor unit"});
  EXPECT_EQ(CurrencyMinorUnit("EUR"), 2);
  EXPECT_EQ(CurrencyMinorUnit("JPY"), 0);
  EXPECT_EQ(CurrencyMinorUnit("KWD"), 3);
  EXPECT_EQ(CurrencyMinorUnit("CLF"), 4);
  EXPECT_EQ(CurrencyMinorUnit("UAH"), 2);
  EXPECT_EQ(CurrencyMinorUnit("eur"), std::nullopt);
}

TEST(LedgerEventTest, Dates) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["date"] = "2024-02-30"; }),
            Lines{"date: impossible date: 2024-02-30"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["date"] = "2023-02-29"; }),
            Lines{"date: impossible date: 2023-02-29"});
  EXPECT_TRUE(ErrorsOf([](json& e) { e["date"] = "2024-02-29"; }).empty());
  EXPECT_EQ(ErrorsOf([](json& e) { e["date"] = "20.12.2024"; }),
            Lines{"date: not a date (YYYY-MM-DD): \"20.12.2024\""});
  EXPECT_EQ(ErrorsOf([](json& e) { e["date"] = "1899-12-31"; }),
            Lines{"date: year 1899 is before 1900: 1899-12-31"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["date"] = "2025-01-17"; }),
            Lines{"date: later than the recording date (2025-01-15)"});
  EXPECT_TRUE(ErrorsOf([](json& e) { e["date"] = "2025-01-16"; }).empty());
  EXPECT_EQ(ErrorsOf([](json& e) { e["date_precision"] = "month"; }),
            Lines{"date: a date of month precision must be the first of the month"});
  EXPECT_EQ(ErrorsOf([](json& e) {
              e["period"] = {{"from", "2024-12-31"}, {"to", "2024-01-01"}};
            }),
            Lines{"period.to: earlier than period.from (2024-12-31)"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["occurred_at"] = "2024-12-21T01:00:00+02:00"; }),
            Lines{"occurred_at: its date (2024-12-21) differs from date (2024-12-20)"});
  EXPECT_TRUE(ErrorsOf([](json& e) { e["occurred_at"] = "2024-12-20T23:30:00-05:00"; }).empty());
  EXPECT_EQ(ErrorsOf([](json& e) { e["occurred_at"] = "2024-12-20T10:00Z"; }).size(), 1u);
}

TEST(LedgerEventTest, FieldsPerType) {
  EXPECT_EQ(ErrorsOf([](json& e) { e.erase("unit"); }), Lines{"unit: required for delivery"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["subtype"] = "other"; }),
            Lines{"subtype: not allowed for delivery"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["colour"] = "red"; }), Lines{"colour: unknown field"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["item"] = nullptr; }),
            Lines{"item: null is not allowed; leave the field out"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["id"] = "0194694c-5e3b-75c3-af1e-9a407b6d13c8"; }),
            Lines{"id: assigned by the ledger"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["type"] = "gift"; }),
            Lines{"type: unknown event type \"gift\" (one of pledge, allocation, disbursement, "
                  "delivery, training, meeting, notice, consultation_request, consultation_held, "
                  "technical_agreement, correction)"});
  EXPECT_EQ(ErrorsOf([](json& e) {
              e["type"] = "notice";
              e["subtype"] = "farewell";
              e["participant"] = "LV";
              for (const char* name : {"amount", "quantity", "unit", "item"}) e.erase(name);
            }),
            Lines{"subtype: unknown subtype for notice: \"farewell\" (one of extension, "
                  "termination, amendment_proposal, amendment_acceptance, "
                  "authorised_institution)"});
  EXPECT_EQ(ErrorsOf([](json& e) {
              e["type"] = "notice";
              e["subtype"] = "termination";
              e["named_institution"] = "Ministry";
              for (const char* name : {"amount", "quantity", "unit", "item"}) e.erase(name);
            }),
            Lines{"named_institution: not allowed for notice subtype termination"});
  EXPECT_EQ(ErrorsOf([](json& e) {
              e["type"] = "pledge";
              for (const char* name : {"amount", "quantity", "unit", "item"}) e.erase(name);
            }),
            Lines{"amount: a pledge needs an amount, a quantity, or both"});
  EXPECT_EQ(ErrorsOf([](json& e) {
              e["type"] = "pledge";
              e.erase("quantity");
            }),
            (Lines{"item: not allowed without quantity", "unit: not allowed without quantity"}));
}

TEST(LedgerEventTest, EvidenceAndStrings) {
  EXPECT_EQ(ErrorsOf([](json& e) { e["evidence"][0]["sha256"] = "BA78"; }),
            Lines{"evidence[0].sha256: not 64 lowercase hex digits"});
  EXPECT_TRUE(ErrorsOf([](json& e) {
                e["evidence"][0]["sha256"] =
                    " " + e["evidence"][0]["sha256"].get<std::string>() + "\n";
              }).empty());
  EXPECT_EQ(ErrorsOf([](json& e) { e["evidence"][0].erase("sha256"); }),
            Lines{"evidence[0].sha256: required: the reference is not an http(s) URL"});
  EXPECT_TRUE(ErrorsOf([](json& e) {
                e["evidence"][0] = {{"reference", "https://www.mod.gov.lv/en/news"}};
              }).empty());
  EXPECT_EQ(ErrorsOf([](json& e) { e["evidence"].push_back(e["evidence"][0]); }),
            Lines{"evidence[1]: duplicate evidence item"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["item"] = "FPV\ndrone"; }), Lines{"item: must be one line"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["item"] = "FPV\adrone"; }),
            Lines{"item: control character U+0007 at character 4"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["description"] = "bad \xef\xbf\xbe end"; }),
            Lines{"description: noncharacter U+FFFE at character 5, which I-JSON excludes"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["item"] = "drone \xf4\x8f\xbf\xbf"; }),
            Lines{"item: noncharacter U+10FFFF at character 7, which I-JSON excludes"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["description"] = std::string(4001, 'x'); }),
            Lines{"description: longer than 4000 characters"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["description"] = " \n "; }),
            Lines{"description: required for delivery"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["idempotency_key"] = "content:abc"; }),
            Lines{"idempotency_key: keys beginning \"content:\" are derived, not given"});
  EXPECT_EQ(ErrorsOf([](json& e) { e["idempotency_key"] = "two words"; }),
            Lines{"idempotency_key: must be printable ASCII without spaces (U+0021–U+007E)"});
}

TEST(LedgerEventTest, EveryErrorIsReportedInPathOrder) {
  EXPECT_EQ(
      ErrorsOf([](json& e) {
        e["quantity"] = -1;
        e["amount"]["currency"] = "EUX";
        e["date"] = "2024-13-01";
        e["evidence"][0]["sha256"] = "x";
        e["commitments"][0] = "nope";
      }),
      (Lines{"amount.currency: unknown currency \"EUX\" (not an active ISO 4217 code)",
             "commitments[0]: unknown commitment id \"nope\" in agreement lv-ua-2024",
             "date: impossible date: 2024-13-01", "evidence[0].sha256: not 64 lowercase hex digits",
             "quantity: must not be negative: -1"}));
  EXPECT_TRUE(PathLess("evidence[2].sha256", "evidence[10]"));
  EXPECT_TRUE(PathLess("date", "date_precision"));
}

TEST(LedgerEventTest, StrictJsonText) {
  ParsedEvent duplicate =
      ParseEventText(R"({"type":"pledge","type":"delivery"})", EventForm::kInput, Context());
  ASSERT_EQ(duplicate.errors.size(), 1u);
  EXPECT_EQ(duplicate.errors[0].path, "type");
  ParsedEvent broken = ParseEventText(R"({"type":)", EventForm::kInput, Context());
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].path, "");
}

TEST(LedgerEventTest, CorrectionRules) {
  json correction = json::parse(kCorrectionCanonical);
  for (const char* name : {"id", "recorded_at"}) correction.erase(name);
  ValidationContext context = Context();
  context.latest_date = "2025-02-04";
  EXPECT_TRUE(ParseEvent(correction, EventForm::kInput, context).ok());
  correction["action"] = "retract";
  std::vector<FieldError> errors = ParseEvent(correction, EventForm::kInput, context).errors;
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].ToString(), "replacement: not allowed for correction with action retract");
  correction["action"] = "amend";
  correction["replacement"]["type"] = "correction";
  errors = ParseEvent(correction, EventForm::kInput, context).errors;
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].ToString(), "replacement.type: a replacement may not be a correction");
  correction["replacement"]["type"] = "delivery";
  correction["replacement"]["quantity"] = 0;
  correction["participant"] = "LV";
  errors = ParseEvent(correction, EventForm::kInput, context).errors;
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].ToString(), "participant: not allowed for correction");
  EXPECT_EQ(errors[1].ToString(), "replacement.quantity: must be at least 1");
}

TEST(LedgerEventTest, UuidV7) {
  const int64_t ms = 1736933400123;
  const std::string id = NewUuidsV7(ms, 1).front();
  ASSERT_TRUE(IsUuid(id));
  EXPECT_EQ(id.substr(0, 13), "0194694c-5e3b");
  EXPECT_EQ(id[14], '7');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
  EXPECT_NE(NewUuidsV7(ms, 1).front(), id);
  EXPECT_EQ(ToLowerAscii("0194694C-5E3B"), "0194694c-5e3b");
  EXPECT_FALSE(IsUuid("0194694c5e3b75c3af1e9a407b6d13c8"));
}

TEST(LedgerEventTest, ALowercaseUuidReadsToItsBytesAndBack) {
  const std::string id = "0194694c-5e3b-75c3-af1e-9a407b6d13c8";
  const std::optional<UuidBytes> bytes = LowercaseUuidBytes(id);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ((*bytes)[0], 0x01);
  EXPECT_EQ((*bytes)[15], 0xc8);
  EXPECT_EQ(UuidText(*bytes), id);
  EXPECT_FALSE(LowercaseUuidBytes("0194694C-5E3B-75C3-AF1E-9A407B6D13C8"));
  EXPECT_FALSE(LowercaseUuidBytes("0194694c5e3b-75c3-af1e-9a407b6d13c8-"));
  EXPECT_FALSE(LowercaseUuidBytes("0194694c-5e3b-75c3-af1e-9a407b6d13c"));
}

TEST(LedgerEventTest, UuidsV7OfOneAppendAscendWithoutRepeats) {
  const int64_t ms = 1736933400123;
  const std::vector<std::string> ids = NewUuidsV7(ms, 5000);
  ASSERT_EQ(ids.size(), 5000u);
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_TRUE(IsUuid(ids[i])) << ids[i];
    EXPECT_EQ(ToLowerAscii(ids[i]), ids[i]);
    EXPECT_EQ(ids[i].substr(0, 13), "0194694c-5e3b");
    EXPECT_EQ(ids[i][14], '7');
    EXPECT_NE(std::string("89ab").find(ids[i][19]), std::string::npos) << ids[i];
    if (i > 0) {
      EXPECT_LT(ids[i - 1], ids[i]);
    }
  }
}

TEST(LedgerEventTest, Timestamps) {
  EXPECT_EQ(FormatTimestamp(1736933400123456), "2025-01-15T09:30:00.123456Z");
  EXPECT_EQ(ParseTimestamp("2025-01-15T09:30:00.123456Z"), 1736933400123456);
  EXPECT_EQ(ParseTimestamp("2025-01-15T09:30:00Z"), std::nullopt);
  EXPECT_EQ(CivilFromDays(DaysFromCivil(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(ParseTimestamp("2025-02-29T09:30:00.123456Z"), std::nullopt);
  EXPECT_EQ(ParseTimestamp("2025-01-15T24:30:00.123456Z"), std::nullopt);
}

// One reader of RFC 3339 moments: a fraction of 1–6 digits, an offset, and what is wrong said
// where it is; each caller keeps its own rules of years, fractions and days.
TEST(LedgerEventTest, MomentsAreReadOnceAndEachCallerKeepsItsRules) {
  const Result<WrittenMoment> moment = ReadMoment("2024-04-11T23:30:05.25-02:30");
  ASSERT_TRUE(moment.ok()) << moment.error().message;
  EXPECT_EQ(moment.value().second_of_day, 23 * 3600 + 30 * 60 + 5);
  EXPECT_EQ(moment.value().micros, 250000);
  EXPECT_TRUE(moment.value().has_fraction);
  EXPECT_EQ(moment.value().offset_seconds, -(2 * 3600 + 30 * 60));
  for (const auto& [text, why] : std::vector<std::pair<std::string, std::string>>{
           {"2024-04-11", "10 characters, too short"},
           {"2024-04-11 10:00:00Z", "character 11 should be 'T'"},
           {"2024-4-11T10:00:00Z", "character 7 should be a digit"},
           {"2024-04-11T10:61:00Z", "there is no minute 61"},
           {"2024-04-11T10:00:60Z", "second 60 (leap seconds are not accepted)"},
           {"2024-04-11T10:00:00.Z", "a '.' without the digits of a fraction"},
           {"2024-04-11T10:00:00.1234567Z", "a fraction of a second of more than 6 digits"},
           {"2024-04-11T10:00:00", "no offset: add Z or one such as +02:00"},
           {"2024-04-11T10:00:00z", "'z' should be 'Z' or an offset such as +02:00"},
           {"2024-04-11T10:00:00+02:60", "there is no offset +02:60"}}) {
    const Result<WrittenMoment> refused = ReadMoment(text);
    ASSERT_FALSE(refused.ok()) << text;
    EXPECT_EQ(refused.error().message, why) << text;
  }
  // keygen's --valid-from takes a fraction; an event's occurred_at does not, and says why.
  EXPECT_EQ(ParseMoment("2024-04-11T02:00:00.5+02:00"), 1712793600500000);
  EXPECT_EQ(ParseMoment("2024-02-30T00:00:00Z"), std::nullopt);
  std::string local_date;
  EXPECT_EQ(OccurredAtProblem("2024-12-20T23:30:00-05:00", &local_date), "");
  EXPECT_EQ(local_date, "2024-12-20");
  EXPECT_EQ(OccurredAtProblem("2024-12-20T10:00:00.5Z", nullptr),
            "not a time (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+HH:MM): "
            "\"2024-12-20T10:00:00.5Z\": fractional seconds are not accepted");
  EXPECT_EQ(OccurredAtProblem("1899-12-20T10:00:00Z", nullptr),
            "not a time (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+HH:MM): "
            "\"1899-12-20T10:00:00Z\": year 1899 is before 1900");
  EXPECT_EQ(OccurredAtProblem("2024-02-30T10:00:00Z", nullptr), "impossible date: 2024-02-30");
}

constexpr char kKeysFile[] = R"json({
  "format": "treaty-keys/1",
  "agreement": "lv-ua-2024",
  "institutions": [
    {"id": "lv-mod", "participant": "LV", "name": "Ministry of Defence of the Republic of Latvia"}
  ],
  "keys": [
    {
      "key_id": "d84f606fad994e5589797b1969213416",
      "institution": "lv-mod",
      "public_key": "52d9ad924604615b289e9a35ee4b9fe238db364472265e07a6e3a1d7af3e8a5f",
      "valid_from": "2024-04-11T00:00:00.000000Z",
      "demo": true
    }
  ]
})json";

TEST(LedgerEventTest, KeysFile) {
  Result<KeysFile> keys = ParseKeysFile(kKeysFile, {"LV", "UA"});
  ASSERT_TRUE(keys.ok()) << keys.error().ToString();
  const KeyEntry* key = keys.value().FindKey("d84f606fad994e5589797b1969213416");
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(key->demo);
  EXPECT_EQ(KeyProblemAt(*key, "2025-01-15T09:30:00.123456Z"), "");
  EXPECT_EQ(KeyProblemAt(*key, "2024-01-01T00:00:00.000000Z"),
            "key d84f606fad994e5589797b1969213416 is not valid at 2024-01-01T00:00:00.000000Z "
            "(valid from 2024-04-11T00:00:00.000000Z)");

  const PrivateKey demo{"lv-mod", "d84f606fad994e5589797b1969213416",
                        DemoSeed("treaty demo key lv-mod")};
  EXPECT_TRUE(MatchPrivateKey(demo, keys.value()).ok());
  PrivateKey wrong = demo;
  wrong.seed = DemoSeed("another seed");
  EXPECT_EQ(MatchPrivateKey(wrong, keys.value()).error().message,
            "the private key does not match key d84f606fad994e5589797b1969213416 in the keys "
            "file");
  Result<PrivateKey> parsed = ParsePrivateKeyFile(
      R"({"format": "treaty-private-key/1", "institution": "lv-mod", "key_id": "d84f606fad994e5589797b1969213416",
 "seed": "645de04e481a3fb73ffbb550cf3c4ea63af57d764704165acbaade5b3bc136bc"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().seed, demo.seed);

  std::string tampered = kKeysFile;
  tampered.replace(tampered.find("d84f"), 4, "d84e");
  EXPECT_EQ(ParseKeysFile(tampered).error().message,
            "key_id d84e606fad994e5589797b1969213416 does not match its public key");
  json overlapping = json::parse(kKeysFile);
  overlapping["keys"].push_back(overlapping["keys"][0]);
  overlapping["keys"][1]["public_key"] = ToHex(PublicKeyFromSeed(DemoSeed("second key")));
  overlapping["keys"][1]["key_id"] = KeyId(PublicKeyFromSeed(DemoSeed("second key")));
  EXPECT_EQ(ParseKeysFile(overlapping.dump()).error().message, "keys of lv-mod overlap in time");
  // A key revoked at t ends there: its successor may be valid from t (a compromised key rotated).
  json rotated = overlapping;
  rotated["keys"][0]["revoked_at"] = "2030-01-01T00:00:00.000000Z";
  rotated["keys"][1]["valid_from"] = "2030-01-01T00:00:00.000000Z";
  EXPECT_TRUE(ParseKeysFile(rotated.dump()).ok()) << ParseKeysFile(rotated.dump()).error().message;
  rotated["keys"][1]["valid_from"] = "2029-12-31T23:59:59.999999Z";
  EXPECT_EQ(ParseKeysFile(rotated.dump()).error().message, "keys of lv-mod overlap in time");
  json backwards = json::parse(kKeysFile);
  backwards["keys"][0]["valid_until"] = backwards["keys"][0]["valid_from"];
  const Result<KeysFile> never_valid = ParseKeysFile(backwards.dump());
  ASSERT_FALSE(never_valid.ok());
  EXPECT_EQ(never_valid.error().where, "keys[0].valid_until");
  EXPECT_NE(never_valid.error().message.find("is not later than valid_from"), std::string::npos);
}

}  // namespace
}  // namespace treaty::ledger
