// IATI 2.03 activity XML of the bundled agreement's financial commitments
// (views/export/iati_writer.h), validated against the schema in tests/data/schemas/iati-2.03/.
#include "views/export/iati_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "evaluation/status.h"
#include "export_test_events.h"
#include "views/export/ledger_entries.h"
#include "xml_schema.h"

namespace treaty::views {
namespace {

constexpr char kIatiSchema[] =
    TREATY_SOURCE_DIR "/tests/data/schemas/iati-2.03/iati-activities-schema.xsd";
constexpr char kPackage[] = TREATY_SOURCE_DIR "/data/agreements/lv-ua-2024";
constexpr char kMilitary2024[] = "sec_2__hcontainer_1__para_2__sent_2";     // EUR 112 M in 2024
constexpr char kNatoCap[] = "sec_2__hcontainer_1__para_5__sent_2__part_2";  // EUR 2 M a year
constexpr char kGdpShare[] = "sec_2__hcontainer_1__para_2__sent_1";         // 0.25 % of GDP
constexpr char kChernihiv[] = "sec_3__hcontainer_16__para_2__sent_2";       // EUR 15 M

// A life cycle without a termination notice: the plans are the text's.
const evaluation::Lifecycle kNoTermination;

std::map<std::string, pugi::xml_node> ActivitiesById(const pugi::xml_document& xml) {
  std::map<std::string, pugi::xml_node> activities;
  for (pugi::xml_node activity : xml.child("iati-activities").children("iati-activity")) {
    activities[activity.child("other-identifier").attribute("ref").value()] = activity;
  }
  return activities;
}

class ExportIati : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<commitments::AgreementCommitments> agreement =
        commitments::ExtractAgreementCommitments(kPackage);
    ASSERT_TRUE(agreement.ok()) << agreement.error().ToString();
    agreement_ = new commitments::AgreementCommitments(std::move(agreement).value());
    std::ifstream file(std::string(kPackage) + "/ledger/keys.json");
    std::stringstream text;
    text << file.rdbuf();
    Result<ledger::KeysFile> keys = ledger::ParseKeysFile(text.str());
    ASSERT_TRUE(keys.ok()) << keys.error().ToString();
    keys_ = new ledger::KeysFile(keys.value());
  }
  static void TearDownTestSuite() {
    delete agreement_;
    delete keys_;
  }

  static evaluation::Instant At(const std::string& moment) {
    return evaluation::ParseStatusMoment(moment, "at").value();
  }

  // A status at `moment` with `lifecycle` and no commitment measured: no budgets.
  static evaluation::AgreementStatus StatusAt(const evaluation::Lifecycle& lifecycle,
                                              const std::string& moment) {
    evaluation::AgreementStatus status;
    status.lifecycle = lifecycle;
    status.at = At(moment);
    return status;
  }

  // Every event type, with and without amounts, serving the financial commitments and others.
  static std::vector<LedgerEntry> Entries() {
    nlohmann::json shared = test::Money("disbursement", kMilitary2024, 50000000, "Shared payment");
    shared["commitments"] = {kMilitary2024, kNatoCap};
    nlohmann::json delivery = test::Money("delivery", kMilitary2024, 2000000000, "Drones");
    delivery.update({{"quantity", 5000}, {"unit", "drone"}, {"item", "FPV combat drone"}});
    nlohmann::json goods_pledge = test::Money("pledge", kMilitary2024, 0, "Drones pledged");
    goods_pledge.update({{"quantity", 100}, {"unit", "drone"}, {"item", "FPV combat drone"}});
    nlohmann::json by_ukraine = test::Money("disbursement", kMilitary2024, 700, "Paid by Ukraine");
    by_ukraine["participant"] = "UA";
    const nlohmann::json meeting = {{"type", "meeting"},
                                    {"subtype", "strategic_dialogue"},
                                    {"participant", "both"},
                                    {"date", "2024-09-01"},
                                    {"commitments", nlohmann::json::array()},
                                    {"description", "Annual dialogue"}};
    const std::vector<ledger::StoredEvent> events = {
        test::Stored(test::Money("pledge", kMilitary2024, 11200000000, "Pledge"), 0),
        test::Stored(test::Money("allocation", kMilitary2024, 11200000000, "Decision"), 1),
        test::Stored(shared, 2),
        test::Stored(delivery, 3),
        test::Stored(goods_pledge, 4),
        test::Stored(meeting, 5),
        test::Stored(test::Money("training", kChernihiv, 300000, "Course <&> costs"), 6),
        test::Stored(test::Money("disbursement", kChernihiv, 100, "Withdrawn"), 7),
        test::Stored(test::Correction(7), 8),
        test::Stored(by_ukraine, 9),
    };
    Result<std::vector<LedgerEntry>> entries = FoldedEntries(events);
    EXPECT_TRUE(entries.ok()) << entries.error().ToString();
    return entries.value();
  }

  // The activities written for Entries() in mid-2025, by commitment id, parsed into `doc`.
  static std::map<std::string, pugi::xml_node> WrittenActivities(pugi::xml_document& doc) {
    Result<IatiFile> xml = WriteIatiActivities(*agreement_, *keys_, Entries(),
                                               StatusAt(kNoTermination, "2025-06-01T12:00:00Z"));
    if (!xml.ok()) {
      ADD_FAILURE() << xml.error().ToString();
      return {};
    }
    EXPECT_TRUE(doc.load_string(xml.value().xml.c_str()));
    return ActivitiesById(doc);
  }

  static inline commitments::AgreementCommitments* agreement_ = nullptr;
  static inline ledger::KeysFile* keys_ = nullptr;
};

std::vector<std::string> TransactionTypes(pugi::xml_node activity) {
  std::vector<std::string> types;
  for (pugi::xml_node transaction : activity.children("transaction")) {
    types.push_back(transaction.child("transaction-type").attribute("code").value());
  }
  return types;
}

TEST_F(ExportIati, IsValidAgainstTheIati203Schema) {
  Result<IatiFile> xml = WriteIatiActivities(*agreement_, *keys_, Entries(),
                                             StatusAt(kNoTermination, "2025-06-01T12:00:00Z"));
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  EXPECT_EQ(test::SchemaErrors(xml.value().xml, kIatiSchema), "");
}

// Each year's target the status measures is that year's indicative budget; a target over
// several years is none, since an IATI budget covers a year at most.
TEST_F(ExportIati, EachYearsTargetIsAnIndicativeBudget) {
  evaluation::AgreementStatus status = StatusAt(kNoTermination, "2025-06-01T12:00:00Z");
  evaluation::CommitmentStatus military;
  military.id = kMilitary2024;
  military.progress = {
      {"currency", "EUR"},
      {"periods", {{{"years", {2024, 2024}}, {"target_minor_units", 11200000000}}}}};
  evaluation::CommitmentStatus chernihiv;
  chernihiv.id = kChernihiv;
  chernihiv.progress = {
      {"currency", "EUR"},
      {"periods", {{{"years", {2024, 2026}}, {"target_minor_units", 1500000000}}}}};
  evaluation::CommitmentStatus gdp_share;
  gdp_share.id = kGdpShare;
  gdp_share.progress = {{"currency", "EUR"},
                        {"periods",
                         {{{"years", {2024, 2024}}, {"target_minor_units", 10050000000}},
                          {{"years", {2026, 2026}}, {"target_minor_units", nullptr}}}}};
  status.commitments = {military, chernihiv, gdp_share};
  Result<IatiFile> xml = WriteIatiActivities(*agreement_, *keys_, Entries(), status);
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  EXPECT_EQ(test::SchemaErrors(xml.value().xml, kIatiSchema), "");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.value().xml.c_str()));
  const std::map<std::string, pugi::xml_node> activities = ActivitiesById(doc);
  const pugi::xml_node budget = activities.at(kMilitary2024).child("budget");
  EXPECT_STREQ(budget.attribute("type").value(), "1");
  EXPECT_STREQ(budget.attribute("status").value(), "1");
  EXPECT_STREQ(budget.child("period-start").attribute("iso-date").value(), "2024-01-01");
  EXPECT_STREQ(budget.child("period-end").attribute("iso-date").value(), "2024-12-31");
  EXPECT_STREQ(budget.child("value").attribute("currency").value(), "EUR");
  EXPECT_STREQ(budget.child("value").text().get(), "112000000.00");
  EXPECT_TRUE(activities.at(kChernihiv).child("budget").empty());
  // A year whose target is not yet known (its GDP unpublished) has no budget.
  EXPECT_EQ(std::distance(activities.at(kGdpShare).children("budget").begin(),
                          activities.at(kGdpShare).children("budget").end()),
            1);
}

TEST_F(ExportIati, HasOneActivityPerFinancialCommitment) {
  pugi::xml_document doc;
  const std::map<std::string, pugi::xml_node> activities = WrittenActivities(doc);
  ASSERT_FALSE(activities.empty());
  size_t financial = 0;
  for (const commitments::Commitment& commitment : agreement_->reviewed) {
    if (IsFinancialCommitment(commitment)) {
      ++financial;
      EXPECT_TRUE(activities.contains(commitment.id)) << commitment.id;
    }
  }
  EXPECT_EQ(activities.size(), financial);
  for (const char* id : {kMilitary2024, kNatoCap, kGdpShare, kChernihiv}) {
    EXPECT_TRUE(activities.contains(id)) << id;
  }
  const pugi::xml_node military = activities.at(kMilitary2024);
  EXPECT_EQ(std::string(military.child_value("iati-identifier")),
            std::string("lv-mod-lv-ua-2024-") + kMilitary2024);
  EXPECT_STREQ(military.child("reporting-org").attribute("ref").value(), "lv-mod");
  EXPECT_STREQ(military.child("reporting-org").child_value("narrative"),
               "Ministry of Defence of the Republic of Latvia");
  EXPECT_STREQ(military.child("recipient-country").attribute("code").value(), "UA");
  EXPECT_STREQ(military.attribute("default-currency").value(), "EUR");
  // A share of GDP names no currency, and here no transaction of it tells one (tests/cli/export.sh
  // has one whose transactions do).
  EXPECT_TRUE(activities.at(kGdpShare).attribute("default-currency").empty());
}

TEST_F(ExportIati, HasOneTransactionPerLinkedEventWithAnAmount) {
  pugi::xml_document doc;
  const std::map<std::string, pugi::xml_node> activities = WrittenActivities(doc);
  ASSERT_FALSE(activities.empty());
  // pledge → 12, allocation → 2, disbursement → 3, delivery with a value → 4; the pledge of goods
  // without an amount, the meeting and Ukraine's own payment to Latvia's commitment are not.
  EXPECT_EQ(TransactionTypes(activities.at(kMilitary2024)),
            (std::vector<std::string>{"12", "2", "3", "4"}));
  // The payment that serves two commitments is in both; the retracted one is in neither.
  EXPECT_EQ(TransactionTypes(activities.at(kNatoCap)), (std::vector<std::string>{"3"}));
  EXPECT_EQ(TransactionTypes(activities.at(kChernihiv)), (std::vector<std::string>{"4"}));
  EXPECT_TRUE(TransactionTypes(activities.at(kGdpShare)).empty());

  const pugi::xml_node pledge = activities.at(kMilitary2024).child("transaction");
  EXPECT_EQ(std::string(pledge.attribute("ref").value()), test::EventId(0));
  EXPECT_STREQ(pledge.child("transaction-date").attribute("iso-date").value(), "2024-06-01");
  EXPECT_STREQ(pledge.child_value("value"), "112000000.00");
  EXPECT_STREQ(pledge.child("value").attribute("currency").value(), "EUR");
  EXPECT_STREQ(pledge.child("provider-org").attribute("ref").value(), "lv-mod");
  EXPECT_STREQ(pledge.child("receiver-org").child_value("narrative"), "Ukraine");
  EXPECT_STREQ(
      activities.at(kChernihiv).child("transaction").child("description").child_value("narrative"),
      "Course <&> costs");
}

// An activity's dates by ActivityDateType code.
std::map<std::string, std::string> Dates(pugi::xml_node activity) {
  std::map<std::string, std::string> by_type;
  for (pugi::xml_node date : activity.children("activity-date")) {
    by_type[date.attribute("type").value()] = date.attribute("iso-date").value();
  }
  return by_type;
}

std::string StatusCode(pugi::xml_node activity) {
  return activity.child("activity-status").attribute("code").value();
}

TEST_F(ExportIati, ActivityStatusAndDatesFollowThePlannedPeriod) {
  pugi::xml_document doc;
  const std::map<std::string, pugi::xml_node> activities = WrittenActivities(doc);
  ASSERT_FALSE(activities.empty());
  // "in 2024": past its planned end on 1 June 2025, so finalisation.
  const pugi::xml_node military = activities.at(kMilitary2024);
  EXPECT_STREQ(military.child("activity-status").attribute("code").value(), "3");
  EXPECT_EQ(Dates(military), (std::map<std::string, std::string>{
                                 {"1", "2024-01-01"}, {"2", "2024-06-01"}, {"3", "2024-12-31"}}));
  // "in 2024, 2025 and 2026": under way.
  EXPECT_STREQ(activities.at(kGdpShare).child("activity-status").attribute("code").value(), "2");
  EXPECT_EQ(Dates(activities.at(kGdpShare)),
            (std::map<std::string, std::string>{{"1", "2024-01-01"}, {"3", "2026-12-31"}}));
  // "in 2024 and 2025", begun by the payment it shares: under way.
  EXPECT_STREQ(activities.at(kNatoCap).child("activity-status").attribute("code").value(), "2");
  EXPECT_EQ(Dates(activities.at(kNatoCap)),
            (std::map<std::string, std::string>{
                {"1", "2024-01-01"}, {"2", "2024-06-01"}, {"3", "2025-12-31"}}));
  // Before its period: pipeline.
  Result<IatiFile> early = WriteIatiActivities(*agreement_, *keys_, {},
                                               StatusAt(kNoTermination, "2023-12-31T12:00:00Z"));
  ASSERT_TRUE(early.ok());
  ASSERT_TRUE(doc.load_string(early.value().xml.c_str()));
  EXPECT_STREQ(
      ActivitiesById(doc).at(kChernihiv).child("activity-status").attribute("code").value(), "1");
  EXPECT_EQ(test::SchemaErrors(early.value().xml, kIatiSchema), "");
}

// A termination notice has made 2024-10-31 the last day in force; the EUR 112 million pledge of
// 2024-06-01 was decided before it.
evaluation::Lifecycle TerminatedOn31October2024() {
  evaluation::Lifecycle lifecycle;
  lifecycle.state = evaluation::LifecycleState::kTerminated;
  lifecycle.termination_effective = evaluation::ParseDate("2024-10-31").value();
  lifecycle.last_day_in_force = *lifecycle.termination_effective;
  lifecycle.continuing_activities = {test::EventId(0)};
  return lifecycle;
}

TEST_F(ExportIati, ATerminationEndsThePlansPastItsLastDayInForce) {
  Result<IatiFile> xml =
      WriteIatiActivities(*agreement_, *keys_, Entries(),
                          StatusAt(TerminatedOn31October2024(), "2025-06-01T12:00:00Z"));
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  EXPECT_EQ(test::SchemaErrors(xml.value().xml, kIatiSchema), "");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.value().xml.c_str()));
  const std::map<std::string, pugi::xml_node> activities = ActivitiesById(doc);
  // "in 2024, 2025 and 2026": ends on the last day in force, then past, as the status owes
  // nothing after it.
  EXPECT_EQ(Dates(activities.at(kGdpShare)),
            (std::map<std::string, std::string>{{"1", "2024-01-01"}, {"3", "2024-10-31"}}));
  EXPECT_EQ(StatusCode(activities.at(kGdpShare)), "3");
  EXPECT_EQ(Dates(activities.at(kNatoCap)).at("3"), "2024-10-31");
  // The pledge decided before the termination goes on (sec_6__para_8__sent_1), still reported,
  // but the plan ends all the same.
  EXPECT_EQ(Dates(activities.at(kMilitary2024)).at("3"), "2024-10-31");
  EXPECT_EQ(TransactionTypes(activities.at(kMilitary2024)),
            (std::vector<std::string>{"12", "2", "3", "4"}));
  // Under way on the last day in force, as before.
  Result<IatiFile> on_last_day =
      WriteIatiActivities(*agreement_, *keys_, Entries(),
                          StatusAt(TerminatedOn31October2024(), "2024-10-31T12:00:00Z"));
  ASSERT_TRUE(on_last_day.ok());
  ASSERT_TRUE(doc.load_string(on_last_day.value().xml.c_str()));
  EXPECT_EQ(StatusCode(ActivitiesById(doc).at(kGdpShare)), "2");
}

TEST_F(ExportIati, APlanThatStartsAfterTheLastDayInForceIsCancelled) {
  // The GDP share as if the text named 2025 and 2026 only.
  commitments::AgreementCommitments later = *agreement_;
  for (commitments::Commitment& commitment : later.reviewed) {
    if (commitment.id != kGdpShare) continue;
    for (commitments::Target& target : commitment.targets) {
      if (target.kind == "years") target.value = {2025, 2026};
    }
  }
  Result<IatiFile> xml = WriteIatiActivities(
      later, *keys_, {}, StatusAt(TerminatedOn31October2024(), "2024-09-01T12:00:00Z"));
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  EXPECT_EQ(test::SchemaErrors(xml.value().xml, kIatiSchema), "");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.value().xml.c_str()));
  const pugi::xml_node activity = ActivitiesById(doc).at(kGdpShare);
  EXPECT_EQ(StatusCode(activity), "5");
  EXPECT_EQ(Dates(activity),
            (std::map<std::string, std::string>{{"1", "2025-01-01"}, {"3", "2026-12-31"}}));
  // Unless a project for it was decided before the termination, which goes on
  // (sec_6__para_8__sent_1): then it keeps its plan.
  Result<std::vector<LedgerEntry>> pledged = FoldedEntries(
      {test::Stored(test::Money("pledge", kGdpShare, 500000000, "Pledge for 2025"), 0)});
  ASSERT_TRUE(pledged.ok());
  Result<IatiFile> kept =
      WriteIatiActivities(later, *keys_, pledged.value(),
                          StatusAt(TerminatedOn31October2024(), "2024-09-01T12:00:00Z"));
  ASSERT_TRUE(kept.ok()) << kept.error().ToString();
  ASSERT_TRUE(doc.load_string(kept.value().xml.c_str()));
  EXPECT_EQ(StatusCode(ActivitiesById(doc).at(kGdpShare)), "1");
}

TEST_F(ExportIati, AnAgreementWithoutFinancialCommitmentsIsAnError) {
  commitments::AgreementCommitments without = *agreement_;
  std::erase_if(without.reviewed, IsFinancialCommitment);
  Result<IatiFile> xml =
      WriteIatiActivities(without, *keys_, {}, StatusAt(kNoTermination, "2025-06-01T12:00:00Z"));
  ASSERT_FALSE(xml.ok());
  EXPECT_EQ(xml.error().where, "iati");
}

TEST_F(ExportIati, AnObligorWithoutAnInstitutionIsAnError) {
  ledger::KeysFile keys = *keys_;
  std::erase_if(keys.institutions, [](const ledger::Institution& institution) {
    return institution.participant == "LV";
  });
  Result<IatiFile> xml =
      WriteIatiActivities(*agreement_, keys, {}, StatusAt(kNoTermination, "2025-06-01T12:00:00Z"));
  ASSERT_FALSE(xml.ok());
  EXPECT_EQ(xml.error().where, "keys file");
}

}  // namespace
}  // namespace treaty::views
