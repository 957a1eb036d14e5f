// The exports of the ledger over HTTP: content types, attachments, and that a reader's exports,
// in every format, hold no restricted event.
#include <map>
#include <string>

#include "http_test_support.h"
#include "zip_entries.h"

namespace treaty::test {
namespace {

class HttpExportTest : public HttpTest {
 protected:
  // The text a person can read in an export: the body, or for a workbook its shared strings.
  static std::string Readable(const std::string& target, const http::HttpResponse& response) {
    if (target.ends_with("xlsx")) {
      const std::map<std::string, std::string> files = ZipEntries(response.body);
      EXPECT_TRUE(files.contains("xl/sharedStrings.xml")) << "not a workbook";
      return files.contains("xl/sharedStrings.xml") ? files.at("xl/sharedStrings.xml") : "";
    }
    return response.body;
  }
};

TEST_F(HttpExportTest, ExportsAreAttachmentsOfTheirType) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"/api/v1/export/csv", {"text/csv; charset=utf-8; header=present", "lv-ua-2024-events.csv"}},
      {"/api/v1/export/xlsx",
       {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "lv-ua-2024-ledger.xlsx"}},
      {"/api/v1/export/iati", {"application/xml", "lv-ua-2024-iati.xml"}}};
  for (const auto& [target, type_and_file] : expected) {
    http::HttpResponse response = Send("GET", target);
    ASSERT_EQ(response.status, 200) << target << ": " << response.body;
    EXPECT_EQ(response.content_type, type_and_file.first) << target;
    EXPECT_EQ(Header(response, "Content-Disposition"),
              "attachment; filename=\"" + type_and_file.second + "\"")
        << target;
  }
  EXPECT_TRUE(Send("GET", "/api/v1/export/csv").body.starts_with("leaf_index,id,recorded_at,"));
  EXPECT_TRUE(Send("GET", "/api/v1/export/xlsx").body.starts_with("PK\x03\x04"));
  EXPECT_NE(Send("GET", "/api/v1/export/iati").body.find("<iati-activities version=\"2.03\""),
            std::string::npos);
}

TEST_F(HttpExportTest, ReadersExportsHoldNoRestrictedEvent) {
  http::HttpResponse open = Send("POST", "/api/v1/events", "lauris", Disbursement("Open tranche"));
  ASSERT_EQ(open.status, 201) << open.body;
  http::HttpResponse secret =
      Send("POST", "/api/v1/events", "lauris", Disbursement("Secret tranche QRS", "restricted"));
  ASSERT_EQ(secret.status, 201) << secret.body;
  const std::string secret_id = nlohmann::json::parse(secret.body)["id"];
  for (const std::string target :
       {"/api/v1/export/csv", "/api/v1/export/xlsx", "/api/v1/export/iati"}) {
    for (const std::string reader : {"", "rita"}) {
      http::HttpResponse response = Send("GET", target, reader);
      ASSERT_EQ(response.status, 200) << target;
      const std::string text = Readable(target, response);
      EXPECT_NE(text.find("Open tranche"), std::string::npos) << target << " as " << reader;
      EXPECT_EQ(text.find("Secret tranche QRS"), std::string::npos) << target << " as " << reader;
      EXPECT_EQ(text.find(secret_id), std::string::npos) << target << " as " << reader;
    }
    for (const std::string insider : {"lauris", "vera", "ada"}) {
      http::HttpResponse response = Send("GET", target, insider);
      ASSERT_EQ(response.status, 200) << target;
      EXPECT_NE(Readable(target, response).find("Secret tranche QRS"), std::string::npos)
          << target << " as " << insider;
    }
  }
}

}  // namespace
}  // namespace treaty::test
