// RFC 8785 canonical form of ledger events: docs/ledger-format.md §2.2 and the §2.4 example.
#include <gtest/gtest.h>

#include <string>

#include "ledger/canonical_json.h"
#include "ledger/hash.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;

std::string CanonicalOf(std::string_view text) {
  Result<std::string> canonical = CanonicalizeText(text);
  EXPECT_TRUE(canonical.ok()) << canonical.error().ToString();
  return canonical.ok() ? canonical.value() : "";
}

Error ErrorOf(const Result<std::string>& result) {
  EXPECT_FALSE(result.ok()) << "unexpectedly canonical: " << result.value();
  return result.ok() ? Error{} : result.error();
}

TEST(CanonicalJson, SortsMembersByUtf16CodeUnitsNotByUtf8Bytes) {
  // U+1F600 is the surrogate pair D83D DE00 in UTF-16, so it sorts before U+E000, although its
  // UTF-8 (F0 …) sorts after U+E000's (EE …).
  EXPECT_EQ(CanonicalOf(R"({"\uE000":1,"\uD83D\uDE00":2})"),
            "{\"\xF0\x9F\x98\x80\":2,\"\xEE\x80\x80\":1}");
  // The sorting example of RFC 8785 §3.2.3.
  EXPECT_EQ(CanonicalOf(R"({"\u20ac":"Euro Sign","\r":"Carriage Return",)"
                        R"("\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One",)"
                        R"("\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control",)"
                        R"("\u00f6":"Latin Small Letter O With Diaeresis"})"),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
  // ASCII names: byte order, a name before its extensions, "_" after upper case.
  EXPECT_EQ(CanonicalOf(R"({"date_precision":1,"date":2,"b":3,"_":4,"Z":5})"),
            R"({"Z":5,"_":4,"b":3,"date":2,"date_precision":1})");
}

TEST(CanonicalJson, RefusesNestingDeeperThanItsLimitAndSaysWhere) {
  const std::string deepest = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(CanonicalizeText(deepest).ok());
  const std::string deeper = "{\"a\": \"[[{\", \"b\": " + std::string(kMaxJsonDepth, '[') +
                             std::string(kMaxJsonDepth, ']') + "}";
  Result<std::string> refused = CanonicalizeText(deeper);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(),
            "column 82: malformed JSON: arrays and objects nested more than 64 deep");
  EXPECT_EQ(TooDeepAt(deeper), 81u);  // the 64th bracket inside the object
  // Brackets inside strings, escaped quotes included, are not nesting.
  EXPECT_FALSE(TooDeepAt("[\"\\\"" + std::string(100, '[') + "\"]").has_value());
  EXPECT_FALSE(CanonicalizeText(std::string(200000, '[') + std::string(200000, ']')).ok());
}

TEST(CanonicalJson, SortsNestedObjectsAndKeepsArrayOrderWithoutWhitespace) {
  EXPECT_EQ(CanonicalOf(" {\n \"b\" : [ 3, {\"z\": 1, \"a\": [true, false, null]} ],\n"
                        "  \"a\": {\"d\": {}, \"c\": []} } \n"),
            R"({"a":{"c":[],"d":{}},"b":[3,{"a":[true,false,null],"z":1}]})");
  EXPECT_EQ(CanonicalOf("[ ]"), "[]");
  EXPECT_EQ(CanonicalOf(" -0 "), "0");
}

TEST(CanonicalJson, EscapesOnlyWhatRfc8785Requires) {
  const std::string controls("\x00\x01\x08\x09\x0A\x0B\x0C\x0D\x1B\x1F", 10);
  EXPECT_EQ(Canonicalize(json(controls)).value(), R"("\u0000\u0001\b\t\n\u000b\f\r\u001b\u001f")");
  EXPECT_EQ(Canonicalize(json("say \"hi\" \\ now")).value(), R"("say \"hi\" \\ now")");
  // "/", U+007F, non-ASCII letters, U+2028 and a character beyond U+FFFF stay literal UTF-8.
  const std::string literal = "/\x7F R\xC4\x93zekne \xE2\x80\xA8 \xF0\x9F\x98\x80";
  EXPECT_EQ(Canonicalize(json(literal)).value(), "\"" + literal + "\"");
  EXPECT_EQ(CanonicalOf(R"("\/\u00e9\u2028\u001F\u0041")"), "\"/\xC3\xA9\xE2\x80\xA8\\u001fA\"");
  // Member names are escaped like any other string.
  EXPECT_EQ(CanonicalOf(R"({"a\nb":"\"\\"})"), R"({"a\nb":"\"\\"})");
}

// Every byte value at every place of strings up to 20 bytes long (two words and a tail), after
// plain letters or after bytes that are not ASCII: the first byte to escape is found, and no other.
TEST(CanonicalJson, FindsTheFirstByteToEscapeAtEveryPlace) {
  for (const char filler : {'a', '\xc4'}) {
    for (size_t size = 0; size <= 20; ++size) {
      const std::string plain(size, filler);
      EXPECT_EQ(FindStringEscape(plain), size) << size;
      for (size_t at = 0; at < size; ++at) {
        for (int byte = 0; byte < 256; ++byte) {
          std::string text = plain;
          text[at] = static_cast<char>(byte);
          const bool escaped = byte < 0x20 || byte == '"' || byte == '\\';
          ASSERT_EQ(FindStringEscape(text), escaped ? at : size)
              << size << " " << at << " " << byte;
          ASSERT_EQ(FindStringEscape(text, at + 1), size) << size << " " << at << " " << byte;
        }
      }
    }
  }
}

TEST(CanonicalJson, AcceptsIntegersUpToTwoToTheFiftyThreeMinusOne) {
  EXPECT_EQ(Canonicalize(json(kMaxSafeInteger)).value(), "9007199254740991");
  EXPECT_EQ(Canonicalize(json(-kMaxSafeInteger)).value(), "-9007199254740991");
  EXPECT_EQ(CanonicalOf("[9007199254740991,-9007199254740991,0,-1]"),
            "[9007199254740991,-9007199254740991,0,-1]");

  Error above = ErrorOf(Canonicalize(json{{"amount", {{"minor_units", kMaxSafeInteger + 1}}}}));
  EXPECT_EQ(above.where, "amount.minor_units");
  EXPECT_EQ(above.message, "integer 9007199254740992 is beyond ±9007199254740991");
  EXPECT_EQ(ErrorOf(Canonicalize(json(-kMaxSafeInteger - 1))).message,
            "integer -9007199254740992 is beyond ±9007199254740991");
  EXPECT_EQ(ErrorOf(Canonicalize(json(uint64_t{18446744073709551615u}))).message,
            "integer 18446744073709551615 is beyond ±9007199254740991");
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"quantity":-9007199254740992})")).where, "quantity");
}

TEST(CanonicalJson, RejectsNumbersThatAreNotIntegersNamingTheirPath) {
  Error fraction = ErrorOf(CanonicalizeText(R"({"amount":{"currency":"EUR","minor_units":12.5}})"));
  EXPECT_EQ(fraction.where, "amount.minor_units");
  EXPECT_EQ(fraction.message, "not an integer: 12.5");
  // I-JSON integers are written without fraction or exponent (docs/ledger-format.md §1.5).
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"quantity":1.0})")).message, "not an integer: 1.0");
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"quantity":1e3})")).where, "quantity");
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"evidence":[{},{"n":[0,0.5]}]})")).where,
            "evidence[1].n[1]");
  EXPECT_EQ(ErrorOf(Canonicalize(json(0.5))).where, "");
}

TEST(CanonicalJson, RejectsDuplicateNamesAndMalformedInput) {
  Error duplicate = ErrorOf(CanonicalizeText(R"({"e":[{"x":1},{"y":1,"x":2,"y":3}]})"));
  EXPECT_EQ(duplicate.message, R"(duplicate member name "y")");
  EXPECT_EQ(duplicate.where, "e[1].y");
  EXPECT_EQ(CanonicalOf(R"({"x":{"x":1},"y":{"x":2}})"), R"({"x":{"x":1},"y":{"x":2}})");

  Error syntax = ErrorOf(CanonicalizeText(R"({"a":1,})"));
  EXPECT_EQ(syntax.where, "column 8");
  EXPECT_EQ(syntax.message.rfind("malformed JSON: syntax error while parsing object", 0), 0u)
      << syntax.message;
  EXPECT_EQ(ErrorOf(CanonicalizeText("")).where, "column 1");
  // A number beyond a double is an error at its place, not an exception.
  Error huge = ErrorOf(CanonicalizeText(R"({"a":[1,1e400]})"));
  EXPECT_EQ(huge.message, "malformed JSON: number too large: 1e400");
  EXPECT_EQ(huge.where, "column 9");
  // At the number itself, not at the same characters in a string before it.
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"d":"about 1e400 drones","m":1e400})")).where,
            "column 31");
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"({"a":1} x)")).where, "column 9");
  // One line with its line end, as `echo` gives it: cut short at the end of the line, not on a
  // second line.
  EXPECT_EQ(ErrorOf(CanonicalizeText("{\"a\":1\n")).where, "column 7");
  // A text of several lines names the line too; columns count characters, not bytes.
  EXPECT_EQ(ErrorOf(CanonicalizeText("{\n  \"ā\": tru\n}")).where, "line 2, column 11");
  // Lone surrogates and ill-formed UTF-8 are not Unicode strings.
  EXPECT_EQ(ErrorOf(CanonicalizeText(R"(["\ud800"])")).where.rfind("column ", 0), 0u);
  EXPECT_EQ(ErrorOf(CanonicalizeText("[\"\xED\xA0\x80\"]")).where.rfind("column ", 0), 0u);
  // Named without the bytes themselves, which a terminal would show as garbage.
  const Error latin1 = ErrorOf(CanonicalizeText("{\"a\":\"caf\xE9\"}"));
  EXPECT_EQ(latin1.message, "malformed JSON: invalid UTF-8");
  EXPECT_EQ(latin1.where, "column 10");
  EXPECT_EQ(ErrorOf(Canonicalize(json{{"a", {"ok", "\xC3\x28"}}})).where, "a[1]");
  EXPECT_EQ(ErrorOf(Canonicalize(json{{"\xC0\xAF", 1}})).message, "member name is not valid UTF-8");
}

// docs/ledger-format.md §2.4 and §10.
TEST(CanonicalJson, WorkedExampleGivesTheBytesOfTheFormatDocument) {
  const std::string event = R"json({
  "type": "delivery",
  "id": "0194694c-5e3b-75c3-af1e-9a407b6d13c8",
  "agreement": "lv-ua-2024",
  "participant": "LV",
  "date": "2024-12-20",
  "commitments": ["sec_2__hcontainer_1__para_3__sent_2", "sec_2__hcontainer_5__para_2__sent_1"],
  "item": "FPV combat drone",
  "quantity": 5000,
  "unit": "drone",
  "amount": {"minor_units": 2000000000, "currency": "EUR"},
  "description": "5,000 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct signed by both sides",
  "evidence": [{"reference": "LV MoD handover act No. 12/2024-D (PDF)",
                "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}],
  "classification": "public",
  "idempotency_key": "lv-mod/handover/12-2024-D",
  "recorded_at": "2025-01-15T09:30:00.123456Z",
  "recorded_by": {"institution": "lv-mod", "user": "jānis.bērziņš"}
})json";
  const std::string expected =
      R"json({"agreement":"lv-ua-2024","amount":{"currency":"EUR","minor_units":2000000000},)json"
      R"json("classification":"public","commitments":["sec_2__hcontainer_1__para_3__sent_2",)json"
      R"json("sec_2__hcontainer_5__para_2__sent_1"],"date":"2024-12-20","description":)json"
      R"json("5,000 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct )json"
      R"json(signed by both sides","evidence":[{"reference":)json"
      R"json("LV MoD handover act No. 12/2024-D (PDF)","sha256":)json"
      R"json("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}],)json"
      R"json("id":"0194694c-5e3b-75c3-af1e-9a407b6d13c8","idempotency_key":)json"
      R"json("lv-mod/handover/12-2024-D","item":"FPV combat drone","participant":"LV",)json"
      R"json("quantity":5000,"recorded_at":"2025-01-15T09:30:00.123456Z","recorded_by":)json"
      R"json({"institution":"lv-mod","user":"jānis.bērziņš"},"type":"delivery",)json"
      R"json("unit":"drone"})json";

  const std::string canonical = CanonicalOf(event);
  EXPECT_EQ(canonical, expected);
  EXPECT_EQ(canonical.size(), 767u);
  EXPECT_EQ(ToHex(Sha256(canonical)),
            "b031eec8545e048ac1bbddeefa4b59d00cab41ff7babaf98148d8155fc3941db");
  // Canonical bytes are a fixed point: parsing and serialising them gives them back.
  EXPECT_EQ(CanonicalOf(canonical), canonical);
}

}  // namespace
}  // namespace treaty::ledger
