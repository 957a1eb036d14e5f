// Section 6 of lv-ua-2024, the life cycle: the cases of tests/data/evaluation/lifecycle_cases.jsonl
// run against the parameters in lifecycle_parameters.json, which quote the English text.
//
// A case: {"case": name (the provision first), "at": date, "parameters": {member: {overrides}}?,
// "facts": {...}?, "expect": {members of the lifecycle JSON}?, "absent": [members]?,
// "reasons": [eIds that must be among the reasons]?, "findings": [{"event", "says"}: a reason
// citing the event whose finding has those words]?, "expect_error": {"where", "message"}?}.
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "evaluation/lifecycle.h"
#include "evaluation/lifecycle_json.h"
#include "lifecycle_parameters_json.h"

namespace treaty::evaluation {
namespace {

using nlohmann::json;

const std::string kData = std::string(TREATY_SOURCE_DIR) + "/tests/data/evaluation/";
const std::string kEnglishText =
    std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024/en.txt";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

json BaseParameters() { return json::parse(ReadFile(kData + "lifecycle_parameters.json")); }

// Evaluates one case; the error, if any, as it would be reported.
Result<json> RunCase(const json& test_case) {
  json parameters_json = BaseParameters();
  if (test_case.contains("parameters")) {
    for (const auto& [member, overrides] : test_case["parameters"].items()) {
      parameters_json[member].update(overrides);
    }
  }
  Result<LifecycleParameters> parameters = LifecycleParametersFromJson(parameters_json);
  if (!parameters.ok()) return parameters.error();
  Result<LifecycleFacts> facts =
      LifecycleFactsFromJson(test_case.value("facts", json::object({{"notices", json::array()}})));
  if (!facts.ok()) return facts.error();
  Result<Date> at = ParseDate(test_case.at("at").get<std::string>(), "field at");
  if (!at.ok()) return at.error();
  Result<Lifecycle> lifecycle = EvaluateLifecycle(parameters.value(), facts.value(), at.value());
  if (!lifecycle.ok()) return lifecycle.error();
  return LifecycleJson(lifecycle.value());
}

TEST(Sec6LifeCycle, CasesHold) {
  std::ifstream in(kData + "lifecycle_cases.jsonl");
  ASSERT_TRUE(in);
  std::string english = ReadFile(kEnglishText);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    json test_case = json::parse(line);
    SCOPED_TRACE("lifecycle_cases.jsonl:" + std::to_string(number) + ": " +
                 test_case.at("case").get<std::string>());
    Result<json> result = RunCase(test_case);
    if (test_case.contains("expect_error")) {
      ASSERT_FALSE(result.ok()) << result.value().dump(2);
      EXPECT_EQ(result.error().where, test_case["expect_error"]["where"]);
      std::string words = test_case["expect_error"]["message"];
      EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
      continue;
    }
    ASSERT_TRUE(result.ok()) << result.error().ToString();
    const json& out = result.value();
    json expect = test_case.value("expect", json::object());
    for (const auto& [member, expected] : expect.items()) {
      ASSERT_TRUE(out.contains(member)) << member;
      EXPECT_EQ(out[member], expected) << member << " in " << out.dump(2);
    }
    for (const json& member : test_case.value("absent", json::array())) {
      EXPECT_FALSE(out.contains(member.get<std::string>())) << member << " in " << out.dump(2);
    }
    for (const json& finding : test_case.value("findings", json::array())) {
      bool found = false;
      for (const json& reason : out["reasons"]) {
        const std::string text = reason["finding"];
        const json& events = reason["events"];
        found =
            found || (std::find(events.begin(), events.end(), finding["event"]) != events.end() &&
                      text.find(finding["says"].get<std::string>()) != std::string::npos);
      }
      EXPECT_TRUE(found) << finding << " is not among the reasons of " << out.dump(2);
    }
    for (const json& provision : test_case.value("reasons", json::array())) {
      bool cited = false;
      for (const json& reason : out["reasons"]) cited = cited || reason["provision"] == provision;
      EXPECT_TRUE(cited) << provision << " is not among the reasons of " << out.dump(2);
    }
    // Every reason quotes words that are in the text and says what follows from them.
    for (const json& reason : out["reasons"]) {
      EXPECT_NE(english.find(reason["quote"].get<std::string>()), std::string::npos) << reason;
      EXPECT_FALSE(reason["finding"].get<std::string>().empty()) << reason;
    }
  }
  EXPECT_GE(number, 40);
}

TEST(Sec6LifeCycle, ParametersQuoteTheTextAndCiteTheirProvision) {
  json parameters = BaseParameters();
  std::string english = ReadFile(kEnglishText);
  for (const auto& [member, value] : parameters.items()) {
    if (!value.is_object()) continue;
    SCOPED_TRACE(member);
    EXPECT_NE(english.find(value["quote"].get<std::string>()), std::string::npos);
    std::string eid = value["eId"];
    EXPECT_EQ(value["commitment"].get<std::string>().rfind(eid + "__sent_", 0), 0u);
  }
}

TEST(Sec6LifeCycle, StatusJsonHasTheMembersTheStatusCommandPromises) {
  Result<json> result = RunCase({{"at", "2030-01-01"}});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  for (const char* member :
       {"state", "in_force_from", "last_day_in_force", "extension_deadline", "reasons"}) {
    EXPECT_TRUE(result.value().contains(member)) << member;
  }
  EXPECT_EQ(result.value()["reasons"][0]["provision"], "sec_6__para_1");
  EXPECT_EQ(result.value()["reasons"][0]["commitment"], "sec_6__para_1__sent_1");
  EXPECT_EQ(result.value()["reasons"][0]["finding"],
            "signed on 2024-04-11, so in force from that day");
}

TEST(Sec6LifeCycle, FindingsNameTheNoticeAndItsDates) {
  Result<json> result = RunCase(json::parse(R"({"at": "2025-06-01", "facts": {"notices": [
      {"event": "t1", "kind": "termination", "from": "UA", "to": "LV", "date": "2025-03-31",
       "effective_date": "2025-05-01"}]}})"));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  bool found = false;
  for (const json& reason : result.value()["reasons"]) {
    if (reason["provision"] != "sec_6__para_7") continue;
    found = true;
    EXPECT_EQ(reason["finding"],
              "UA gave LV written notice of termination on 2025-03-31; it asked for 2025-05-01, "
              "earlier than the text allows: the termination takes effect on 2025-09-30, the last "
              "day in force");
    EXPECT_EQ(reason["events"], json::array({"t1"}));
  }
  EXPECT_TRUE(found);
}

// The overview's sentence follows the state: before entry into force, in force (in the first
// term and after an extension), after expiry.
TEST(Sec6LifeCycle, TheSummarySaysWhereTheAgreementStands) {
  struct Case {
    const char* facts;
    const char* at;
    const char* says;
  };
  for (const Case& c : {
           Case{"{}", "2024-04-10",
                "Comes into force on 2024-04-11; term 1 would end on 2034-04-11, and an "
                "extension could be agreed in writing by 2033-10-11."},
           Case{"{}", "2025-01-01",
                "In force from 2024-04-11; term 1 ends on 2034-04-11; an extension can be "
                "agreed in writing by 2033-10-11."},
           Case{R"({"notices": [
                  {"event": "a", "kind": "extension", "from": "LV", "to": "UA", "date": "2030-01-01"},
                  {"event": "b", "kind": "extension", "from": "UA", "to": "LV", "date": "2030-02-01"}]})",
                "2030-03-01",
                "In force from 2024-04-11; extended in writing, term 2 ends on 2044-04-11; a "
                "further extension can be agreed in writing by 2043-10-11."},
           Case{"{}", "2034-04-12",
                "Was in force from 2024-04-11 to 2034-04-11, when term 1 ended."},
       }) {
    Result<LifecycleParameters> parameters = LifecycleParametersFromJson(BaseParameters());
    ASSERT_TRUE(parameters.ok()) << parameters.error().ToString();
    Result<LifecycleFacts> facts = LifecycleFactsFromJson(json::parse(c.facts));
    ASSERT_TRUE(facts.ok()) << facts.error().ToString();
    Result<Lifecycle> lifecycle =
        EvaluateLifecycle(parameters.value(), facts.value(), ParseDate(c.at).value());
    ASSERT_TRUE(lifecycle.ok()) << lifecycle.error().ToString();
    EXPECT_EQ(LifecycleSummary(lifecycle.value()), c.says) << c.at;
  }
}

}  // namespace
}  // namespace treaty::evaluation
