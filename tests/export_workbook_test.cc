// The XLSX workbook (views/export/workbook.h), unzipped and read as its sheets' XML.
#include "views/export/workbook.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "export_test_events.h"
#include "views/export/ledger_entries.h"
#include "views/export/xml_text.h"
#include "zip_entries.h"

namespace treaty::views {
namespace {

constexpr char kCommitment[] = "sec_2__hcontainer_1__para_2__sent_2";

std::vector<LedgerEntry> Entries() {
  const std::vector<ledger::StoredEvent> events = {
      test::Stored(test::Money("disbursement", kCommitment, 150000050, "=1+1, \"quoted\""), 0),
      test::Stored(test::Money("allocation", kCommitment, 11200000000, "Decision"), 1)};
  return FoldedEntries(events).value();
}

std::vector<commitments::Commitment> Commitments() {
  commitments::Commitment firm;
  firm.id = kCommitment;
  firm.sentence_class = commitments::SentenceClass::kCommitment;
  firm.strength = commitments::Strength::kWill;
  firm.obligors = {"LV"};
  firm.beneficiary = "UA";
  firm.area.section = "sec_2";
  firm.area.headings = {"Military support", "The framework"};
  firm.area.category = commitments::Category::kMilitary;
  firm.source.eid = "sec_2__hcontainer_1__para_2";
  firm.source.quotes = {{"en", kCommitment, "Latvia will provide EUR 112 million.", 0, 0, 1}};
  commitments::Commitment statement = firm;
  statement.id = "preamble__para_1__sent_1";
  statement.sentence_class = commitments::SentenceClass::kStatement;
  return {firm, statement};
}

TEST(ExportWorkbook, IsAZipOfAnEventsAndACommitmentsSheet) {
  Result<std::string> workbook = WriteWorkbook(Entries(), Commitments(), {});
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  ASSERT_TRUE(workbook.value().starts_with("PK\x03\x04"));
  const std::map<std::string, std::string> files = test::ZipEntries(workbook.value());
  ASSERT_TRUE(files.contains("xl/workbook.xml"));
  EXPECT_NE(files.at("xl/workbook.xml").find("<sheet name=\"Events\""), std::string::npos);
  EXPECT_NE(files.at("xl/workbook.xml").find("<sheet name=\"Commitments\""), std::string::npos);
  ASSERT_TRUE(files.contains("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(files.contains("xl/worksheets/sheet2.xml"));
  ASSERT_TRUE(files.contains("xl/sharedStrings.xml"));
}

TEST(ExportWorkbook, EventsHaveTypedCellsAFrozenHeaderAndAnAutofilter) {
  Result<std::string> workbook = WriteWorkbook(Entries(), Commitments(), {});
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  const std::map<std::string, std::string> files = test::ZipEntries(workbook.value());
  const std::string& events = files.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(events.find("state=\"frozen\""), std::string::npos);
  // 31 columns (A to AE), the header and two events.
  EXPECT_NE(events.find("<autoFilter ref=\"A1:AE3\"/>"), std::string::npos);
  // leaf_index and amount are numbers; the date is the Excel serial of 2024-06-01, recorded_at
  // that of 2025-01-15 09:30:00.123456.
  EXPECT_NE(events.find("<c r=\"A3\"><v>1</v></c>"), std::string::npos) << events;
  EXPECT_NE(events.find("<c r=\"C2\" s=\"2\"><v>45672.3958347"), std::string::npos);
  EXPECT_NE(events.find("><v>1500000.5</v></c>"), std::string::npos);
  EXPECT_NE(events.find("><v>112000000</v></c>"), std::string::npos);
  EXPECT_NE(events.find("><v>45444</v></c>"), std::string::npos);
  // Text is a shared string, never a formula.
  EXPECT_EQ(events.find("<f>"), std::string::npos);
  const std::string& strings = files.at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>=1+1, \"quoted\"</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("disbursement"), std::string::npos);
  EXPECT_NE(files.at("xl/styles.xml").find("formatCode=\"#,##0.00 &quot;EUR&quot;\""),
            std::string::npos);
}

// A spreadsheet's number keeps 15 significant digits: a larger amount stays a number, for sums,
// and carries its exact decimal in a comment; trailing zeros are not digits it loses.
TEST(ExportWorkbook, AnAmountANumberCannotHoldCarriesItsExactDecimal) {
  const std::vector<ledger::StoredEvent> events = {
      test::Stored(test::Money("disbursement", kCommitment, 9007199254740991, "Huge"), 0),
      test::Stored(test::Money("disbursement", kCommitment, 1000000000000000, "Round"), 1)};
  Result<std::string> workbook = WriteWorkbook(FoldedEntries(events).value(), Commitments(), {});
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  const std::map<std::string, std::string> files = test::ZipEntries(workbook.value());
  const std::string& sheet = files.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("><v>90071992547409.91</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("><v>10000000000000</v></c>"), std::string::npos) << sheet;
  ASSERT_TRUE(files.contains("xl/comments1.xml"));
  const std::string& comments = files.at("xl/comments1.xml");
  EXPECT_NE(comments.find("exact: 90071992547409.91"), std::string::npos) << comments;
  EXPECT_EQ(comments.find("exact: 10000000000000"), std::string::npos) << comments;
}

// "_x0041_" in a cell would be read back as "A".
TEST(ExportWorkbook, TextIsReadBackAsWritten) {
  const std::vector<ledger::StoredEvent> events = {test::Stored(
      test::Money("disbursement", kCommitment, 100, "ref_x0041_B and _x000D_ end"), 0)};
  Result<std::string> workbook = WriteWorkbook(FoldedEntries(events).value(), Commitments(), {});
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  const std::string& strings = test::ZipEntries(workbook.value()).at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>ref_x005F_x0041_B and _x005F_x000D_ end</t>"), std::string::npos)
      << strings;
}

// Ledgers recorded before noncharacters were refused may hold U+FFFE or U+FFFF, which XML cannot
// carry: the exports leave them out.
TEST(ExportWorkbook, CharactersXmlCannotCarryAreLeftOut) {
  EXPECT_EQ(SpreadsheetText("a\xef\xbf\xbe b\xef\xbf\xbf c\x01"), "a b c");
  EXPECT_EQ(XmlSafe("Rēzekne \xef\xbf\xbd\tok\n"), "Rēzekne \xef\xbf\xbd\tok\n");
}

TEST(ExportWorkbook, CommitmentsListCommitmentsAndProceduresWithTheirStatus) {
  evaluation::AgreementStatus status;
  status.at = evaluation::ParseStatusMoment("2025-06-01T23:59:59Z", "at").value();
  evaluation::CommitmentStatus firm;
  firm.id = kCommitment;
  firm.status = "partly_met";
  firm.summary = "EUR 1.5 million of about EUR 112 million";
  status.commitments.push_back(firm);
  WorkbookOptions options;
  options.title = "Latvia–Ukraine Security Agreement";
  options.status = &status;
  Result<std::string> workbook = WriteWorkbook(Entries(), Commitments(), options);
  ASSERT_TRUE(workbook.ok()) << workbook.error().ToString();
  const std::map<std::string, std::string> files = test::ZipEntries(workbook.value());
  const std::string& strings = files.at("xl/sharedStrings.xml");
  for (const char* text :
       {"status at 2025-06-01T23:59:59Z", "partly_met", "EUR 1.5 million of about EUR 112 million",
        "Military support / The framework", "sec_2__hcontainer_1__para_2",
        "Latvia will provide EUR 112 million."}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(strings.find("preamble__para_1__sent_1"), std::string::npos);
  // The header and the one commitment, 12 columns (A to L).
  EXPECT_NE(files.at("xl/worksheets/sheet2.xml").find("<autoFilter ref=\"A1:L2\"/>"),
            std::string::npos);
  EXPECT_NE(files.at("docProps/core.xml").find("Latvia–Ukraine Security Agreement"),
            std::string::npos);
}

}  // namespace
}  // namespace treaty::views
