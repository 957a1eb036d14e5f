// Where a value is in a JSON file: the line an error about it names.
#include <gtest/gtest.h>

#include "text/json_place.h"

namespace treaty::text {
namespace {

constexpr std::string_view kPackage = R"({
  "id": "lv-ua-2024",
  "signed": {
    "place": "Vilnius"
  },
  "texts": [
    {"language": "lv", "file": "lv.txt"},
    {
      "language": "en",
      "layout": "weird"
    }
  ],
  "term": 10,
  "grid": [[1
            , 2],
           [3]],
  "term": 11
})";

TEST(JsonPlace, NamesTheLineOfAMemberAnItemAndANumber) {
  EXPECT_EQ(LineOfJsonPath(kPackage, "id"), 2);
  EXPECT_EQ(LineOfJsonPath(kPackage, "signed.place"), 4);
  EXPECT_EQ(LineOfJsonPath(kPackage, "texts[0].file"), 7);
  EXPECT_EQ(LineOfJsonPath(kPackage, "texts[1]"), 8);
  EXPECT_EQ(LineOfJsonPath(kPackage, "texts[1].layout"), 10);
  // A number at a line's end is read one byte past: still its line.
  EXPECT_EQ(LineOfJsonPath(kPackage, "grid[0][0]"), 14);
  EXPECT_EQ(LineOfJsonPath(kPackage, "grid[0][1]"), 15);
  EXPECT_EQ(LineOfJsonPath(kPackage, "grid[1]"), 16);
  // A member named twice is placed where it is named again.
  EXPECT_EQ(LineOfJsonPath(kPackage, "term"), 17);
  EXPECT_EQ(LineOfJsonPath(kPackage, ""), 1);
  EXPECT_EQ(LineOfJsonPath(kPackage, "texts[2]"), std::nullopt);
  EXPECT_EQ(LineOfJsonPath("{\"id\": ", "id"), std::nullopt);
}

TEST(JsonPlace, PlacesAMissingMemberAtWhatWouldHoldIt) {
  EXPECT_EQ(PlaceInJsonFile("agreement.json", kPackage, "texts[1].layout"), "agreement.json:10");
  EXPECT_EQ(PlaceInJsonFile("agreement.json", kPackage, "signed.date"), "agreement.json:3");
  // Not at the whole document, and not for what is no path.
  EXPECT_EQ(PlaceInJsonFile("agreement.json", kPackage, "title"), "agreement.json");
  EXPECT_EQ(PlaceInJsonFile("agreement.json", kPackage, "line 2, column 3"), "agreement.json");
  EXPECT_EQ(PlaceInJsonFile("agreement.json", kPackage, ""), "agreement.json");
  EXPECT_EQ(WhereInJsonFile("keys.json", kPackage, ""), "keys.json");
  EXPECT_EQ(PlaceInJsonFile("agreement.json", "{\"id\": ]", "id"), "agreement.json");
  EXPECT_EQ(WhereInJsonFile("agreement.json", kPackage, "field signed.place"),
            "agreement.json:4: field signed.place");
}

TEST(JsonPlace, TellsARepeatedMemberName) {
  JsonPathTracker tracker;
  std::vector<std::string> repeated;
  const auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    tracker.Follow(event, parsed);
    if (event == nlohmann::json::parse_event_t::key && tracker.RepeatsAMemberName()) {
      repeated.push_back(tracker.Path());
    }
    return true;
  };
  const nlohmann::json parsed =
      nlohmann::json::parse(R"({"a": [{"b": 1, "c": 2}, {"b": 1, "b": 2}], "a": 3})", callback);
  EXPECT_EQ(parsed["a"], 3);
  EXPECT_EQ(repeated, (std::vector<std::string>{"a[1].b", "a"}));
}

}  // namespace
}  // namespace treaty::text
