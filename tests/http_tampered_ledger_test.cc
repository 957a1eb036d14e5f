// The server over a ledger database someone edited by hand: what each caller is told, and that
// a reader learns nothing of a restricted event from it. Each test has a server and a ledger of
// its own, since each changes the database.
#include <sqlite3.h>

#include <map>
#include <string>

#include "http_test_support.h"
#include "sqlite_tamper.h"
#include "zip_entries.h"

namespace treaty::test {
namespace {

constexpr const char* kSecret = "SECRET restricted alpha";

class HttpTamperedLedgerTest : public HttpTest {
 protected:
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}

  void SetUp() override {
    HttpTest::SetUpTestSuite();
    ASSERT_FALSE(HasFatalFailure());
    open_id_ = RecordedId(Disbursement("Open tranche one"));
    secret_id_ = RecordedId(Disbursement(kSecret, "restricted"));
    RecordedId(Disbursement("Open tranche two"));
  }

  void TearDown() override { HttpTest::TearDownTestSuite(); }

  static void Tamper(const std::string& sql) {
    TamperSqliteLedger((*folder_ / "treaty.sqlite").string(), sql);
  }

  static std::string Message(const http::HttpResponse& response) {
    return nlohmann::json::parse(response.Body())["error"].value("message", "");
  }

  // What a reader could learn of the restricted event from `response`: its body, or each file of
  // it when it is a ZIP archive (a workbook).
  static void ExpectNothingOfTheSecret(const http::HttpResponse& response,
                                       const std::string& secret_id, const std::string& what) {
    const std::string body(response.Body());
    std::map<std::string, std::string> files = ZipEntries(body);
    // A workbook is read file by file: its compressed body could never show the secret.
    if (response.content_type.find("spreadsheetml") != std::string::npos) {
      ASSERT_FALSE(files.empty()) << what << ": the workbook does not read as a ZIP archive";
    }
    if (files.empty()) files[""] = body;
    for (const auto& [name, text] : files) {
      EXPECT_EQ(text.find(secret_id), std::string::npos) << what << " " << name;
      EXPECT_EQ(text.find("SECRET"), std::string::npos) << what << " " << name;
    }
  }

  std::string open_id_;    // leaf 0, public
  std::string secret_id_;  // leaf 1, restricted
};

TEST_F(HttpTamperedLedgerTest, AnUnreadableRestrictedEventIsNamedOnlyToThoseWhoMaySeeIt) {
  // Cut inside the description, so that a parser's "last read" would quote it.
  Tamper(
      "UPDATE events SET canonical = substr(canonical, 1, instr(canonical, CAST('alpha' AS BLOB))) "
      "WHERE leaf_index = 1");
  // A reader's status and exports never read the restricted event: they are served whole.
  for (const std::string reader : {"", "rita"}) {
    for (const char* target :
         {"/api/v1/status", "/api/v1/deadlines", "/api/v1/export/xlsx", "/", "/commitments"}) {
      http::HttpResponse response = Send("GET", target, reader);
      EXPECT_EQ(response.status, 200) << target << ": " << response.body.substr(0, 200);
      ExpectNothingOfTheSecret(response, secret_id_, target);
    }
  }
  http::HttpResponse insider = Send("GET", "/api/v1/status", "vera");
  EXPECT_EQ(insider.status, 503);
  EXPECT_NE(Message(insider).find("event " + secret_id_ + " (leaf 1)"), std::string::npos)
      << Message(insider);
}

TEST_F(HttpTamperedLedgerTest, TheBadgeNamesAMismatchOnlyToThoseWhoMaySeeRestrictedEvents) {
  Tamper("UPDATE events SET fact_date = '2024-06-02' WHERE leaf_index = 1");
  for (const std::string reader : {"", "rita"}) {
    http::HttpResponse page = Send("GET", "/ledger", reader);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(
        page.body.find("verification failed: the ledger does not match its signed tree heads"),
        std::string::npos)
        << page.body;
    ExpectNothingOfTheSecret(page, secret_id_, "/ledger as " + reader);
    EXPECT_EQ(page.body.find("fact_date"), std::string::npos);
  }
  http::HttpResponse insider = Send("GET", "/ledger", "lauris");
  EXPECT_NE(insider.body.find("verification failed: leaf 1 (event " + secret_id_ + ")"),
            std::string::npos)
      << insider.body;
}

TEST_F(HttpTamperedLedgerTest, AChangedClassificationColumnPublishesNothing) {
  Tamper("UPDATE events SET classification = 'public' WHERE leaf_index = 1");
  for (const std::string reader : {"", "rita"}) {
    EXPECT_EQ(Send("GET", "/api/v1/events/" + secret_id_, reader).status, 404);
    EXPECT_EQ(Send("GET", "/api/v1/events/" + secret_id_ + "/proof", reader).status, 404);
    for (const char* target :
         {"/api/v1/events", "/api/v1/events?classification=public", "/api/v1/export/csv",
          "/api/v1/export/iati", "/ledger", "/commitments/sec_2__hcontainer_1__para_2__sent_2"}) {
      http::HttpResponse response = Send("GET", target, reader);
      EXPECT_EQ(response.status, 200) << target << ": " << response.body;
      ExpectNothingOfTheSecret(response, secret_id_, target);
    }
    EXPECT_NE(Send("GET", "/api/v1/events", reader).body.find(open_id_), std::string::npos);
  }
  EXPECT_EQ(Send("GET", "/api/v1/events/" + secret_id_, "lauris").status, 200);
}

TEST_F(HttpTamperedLedgerTest, AnUnreadableEventIsAnErrorNamingItsLeafNotAnException) {
  Tamper("UPDATE events SET canonical = CAST('{not json' AS BLOB) WHERE leaf_index = 0");
  for (const std::string& path : {std::string("/api/v1/events"), "/api/v1/events/" + open_id_}) {
    http::HttpResponse reader = Send("GET", path);
    EXPECT_EQ(reader.status, 500) << path;
    EXPECT_EQ(Message(reader), "the ledger cannot be read") << path;
    // The operator learns from the request log what the reader was not told.
    EXPECT_NE(LastLogLine().value("error", "").find("event " + open_id_ + " (leaf 0)"),
              std::string::npos)
        << LastLogLine().dump();
    http::HttpResponse insider = Send("GET", path, "lauris");
    EXPECT_EQ(insider.status, 500) << path;
    EXPECT_NE(Message(insider).find("event " + open_id_ + " (leaf 0)"), std::string::npos)
        << Message(insider);
  }
  EXPECT_EQ(Send("GET", "/api/v1/events/" + open_id_ + "/proof").status, 500);
  for (const char* target : {"/api/v1/export/csv", "/api/v1/export/xlsx", "/api/v1/export/iati"}) {
    http::HttpResponse response = Send("GET", target);
    EXPECT_EQ(response.status, 503) << target;
    EXPECT_EQ(Message(response), "the ledger cannot be read") << target;
    EXPECT_NE(LastLogLine().value("error", "").find("(leaf 0)"), std::string::npos) << target;
  }
  http::HttpResponse page = Send("GET", "/ledger", "lauris");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Open tranche two"), std::string::npos);
  EXPECT_NE(page.body.find("Leaf 0 cannot be read"), std::string::npos);
  EXPECT_NE(page.body.find("verification failed"), std::string::npos);
  http::HttpResponse public_page = Send("GET", "/ledger");
  ASSERT_EQ(public_page.status, 200) << public_page.body;
  EXPECT_NE(public_page.body.find("Open tranche two"), std::string::npos);
  EXPECT_EQ(public_page.body.find("cannot be read"), std::string::npos);
}

TEST_F(HttpTamperedLedgerTest, AConsistencyProofOverMissingLeavesIsAServerError) {
  Tamper("DELETE FROM events WHERE leaf_index = 0");
  http::HttpResponse response = Send("GET", "/api/v1/consistency?from=1&to=3");
  EXPECT_EQ(response.status, 500) << response.body;
  EXPECT_EQ(Message(response), "the ledger cannot be read");
  http::HttpResponse insider = Send("GET", "/api/v1/consistency?from=1&to=3", "lauris");
  EXPECT_EQ(insider.status, 500);
  EXPECT_NE(Message(insider).find("missing"), std::string::npos) << Message(insider);
  EXPECT_EQ(Send("GET", "/api/v1/consistency?from=3&to=1").status, 400);
}

TEST_F(HttpTamperedLedgerTest, AHeadWithASignatureOfTheWrongSizeIsNotServedAsZeros) {
  Tamper("UPDATE tree_heads SET signature = signature || X'00' WHERE tree_size = 3");
  http::HttpResponse heads = Send("GET", "/api/v1/tree-heads");
  EXPECT_EQ(heads.status, 500);
  EXPECT_EQ(Message(heads),
            "the ledger cannot be read: tree head of size 3 of lv-ua-2024: the stored signature "
            "is 65 bytes, not 64");
  http::HttpResponse page = Send("GET", "/ledger");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("The latest signed tree head cannot be read: tree head of size 3"),
            std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("Open tranche two"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"badge"), std::string::npos);
}

}  // namespace
}  // namespace treaty::test
