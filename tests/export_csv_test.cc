// The CSV writer (views/export/csv.h) and the events CSV (event_csv.h), read back with the
// ledger's CSV reader.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "export_test_events.h"
#include "ledger/csv_reader.h"
#include "views/export/csv.h"
#include "views/export/event_columns.h"
#include "views/export/event_csv.h"
#include "views/export/ledger_entries.h"

namespace treaty::views {
namespace {

TEST(ExportCsv, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvRow({"plain", "a,b", "say \"yes\"", "two\nlines"}),
            "plain,\"a,b\",\"say \"\"yes\"\"\",\"two\nlines\"\r\n");
}

TEST(ExportCsv, GuardsFieldsASpreadsheetWouldRunAsFormulas) {
  EXPECT_EQ(CsvRow({"=1+1", "+31", "-2", "@SUM(A1)", "\tx", "'quoted", "a=b"}),
            "'=1+1,'+31,'-2,'@SUM(A1),'\tx,''quoted,a=b\r\n");
  EXPECT_EQ(CsvRow({"=HYPERLINK(\"x\",\"y\")"}), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
}

// The cell of the column `name` among `cells` (EventCells).
std::string Cell(const std::vector<std::string>& cells, const std::string& name) {
  const std::vector<EventColumn>& columns = EventColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return cells.at(i);
  }
  ADD_FAILURE() << "no column " << name;
  return "";
}

// The field as written, with the one leading apostrophe of the formula guard dropped.
std::string Unguarded(const std::string& field) {
  return field.starts_with("'") ? field.substr(1) : field;
}

// A reference may hold ";": each item is a line of its cell, its hash on the same line of the next.
TEST(ExportCsv, EvidenceItemsAreOneLineEachAndHashesStayBesideTheirReferences) {
  nlohmann::json input =
      test::Money("disbursement", "sec_2__hcontainer_1__para_2__sent_2", 100, "Paid");
  const std::string hash(64, 'a');
  input["evidence"] = {{{"reference", "https://example.org/x;y"}},
                       {{"reference", "decision;annex.pdf"}, {"sha256", hash}}};
  Result<std::vector<LedgerEntry>> entries = FoldedEntries({test::Stored(input, 0)});
  ASSERT_TRUE(entries.ok()) << entries.error().ToString();
  const std::vector<std::string> cells = EventCells(entries.value()[0]);
  EXPECT_EQ(Cell(cells, "evidence_reference"), "https://example.org/x;y\ndecision;annex.pdf");
  EXPECT_EQ(Cell(cells, "evidence_sha256"), "\n" + hash);
}

TEST(ExportCsv, EventsRoundTripThroughTheLedgerCsvReader) {
  const std::string commitment = "sec_2__hcontainer_1__para_2__sent_2";
  const std::vector<std::string> descriptions = {
      "Paid, in two parts", "The \"first\" tranche", "Line one\nLine two", "=cmd|' /C calc'!A0",
      "@SUM(1+1)",          "-10 on account",        "'already quoted"};
  std::vector<ledger::StoredEvent> events;
  for (size_t i = 0; i < descriptions.size(); ++i) {
    events.push_back(test::Stored(test::Money("disbursement", commitment,
                                              150000050 + static_cast<int64_t>(i), descriptions[i]),
                                  static_cast<int64_t>(i)));
  }
  Result<std::vector<LedgerEntry>> entries = FoldedEntries(events);
  ASSERT_TRUE(entries.ok()) << entries.error().ToString();

  const ledger::CsvTable table = ledger::ReadCsv(EventsCsv(entries.value()));
  ASSERT_FALSE(table.error) << table.error->message;
  ASSERT_EQ(table.records.size(), descriptions.size() + 1);
  const std::vector<EventColumn>& columns = EventColumns();
  ASSERT_EQ(table.records[0].fields.size(), columns.size());
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(table.records[0].fields[i].value, columns[i].name);
    column[columns[i].name] = i;
  }
  for (size_t i = 0; i < descriptions.size(); ++i) {
    const std::vector<ledger::CsvField>& row = table.records[i + 1].fields;
    ASSERT_EQ(row.size(), columns.size());
    EXPECT_EQ(Unguarded(row[column["description"]].value), descriptions[i]);
    EXPECT_EQ(row[column["id"]].value, test::EventId(static_cast<int64_t>(i)));
    EXPECT_EQ(row[column["type"]].value, "disbursement");
    EXPECT_EQ(row[column["date"]].value, "2024-06-01");
    EXPECT_EQ(row[column["commitments"]].value, commitment);
    EXPECT_EQ(row[column["amount"]].value, fmt::format("1500000.{}", 50 + i));
    EXPECT_EQ(row[column["currency"]].value, "EUR");
    EXPECT_EQ(row[column["classification"]].value, "public");
    EXPECT_EQ(row[column["recorded_at"]].value, "2025-01-15T09:30:00.123456Z");
    EXPECT_EQ(row[column["institution"]].value, "lv-mod");
  }
  // The formula cells are written as text, never as formulas.
  EXPECT_EQ(table.records[4].fields[column["description"]].value, "'=cmd|' /C calc'!A0");
  EXPECT_EQ(table.records[5].fields[column["description"]].value, "'@SUM(1+1)");
  EXPECT_EQ(table.records[7].fields[column["description"]].value, "''already quoted");
}

TEST(ExportCsv, RowsOfTheRawViewShowCorrectionsAndTheFoldedViewTheirResult) {
  const std::string commitment = "sec_2__hcontainer_1__para_2__sent_2";
  const nlohmann::json corrected = test::Money("disbursement", commitment, 200000000, "Corrected");
  const std::vector<ledger::StoredEvent> events = {
      test::Stored(test::Money("disbursement", commitment, 100000000, "First"), 0),
      test::Stored(test::Correction(0, corrected), 1)};
  Result<std::vector<LedgerEntry>> raw = RawEntries(events);
  ASSERT_TRUE(raw.ok()) << raw.error().ToString();
  ASSERT_EQ(raw.value().size(), 2u);
  const std::vector<std::string> correction = EventCells(raw.value()[1]);
  EXPECT_EQ(Cell(correction, "type"), "correction");
  EXPECT_EQ(Cell(correction, "corrects"), test::EventId(0));
  EXPECT_EQ(Cell(correction, "action"), "amend");
  EXPECT_EQ(Cell(correction, "amount"), "");
  // What the amendment says is in its row: the replacement content, as JSON.
  const nlohmann::json replacement = nlohmann::json::parse(Cell(correction, "replacement"));
  EXPECT_EQ(replacement["amount"]["minor_units"], 200000000);
  EXPECT_EQ(replacement["description"], "Corrected");
  EXPECT_EQ(Cell(EventCells(raw.value()[0]), "replacement"), "");

  Result<std::vector<LedgerEntry>> folded = FoldedEntries(events);
  ASSERT_TRUE(folded.ok()) << folded.error().ToString();
  ASSERT_EQ(folded.value().size(), 1u);
  const std::vector<std::string> cells = EventCells(folded.value()[0]);
  EXPECT_EQ(Cell(cells, "id"), test::EventId(0));
  EXPECT_EQ(Cell(cells, "leaf_index"), "0");
  EXPECT_EQ(Cell(cells, "amount"), "2000000.00");
  EXPECT_EQ(Cell(cells, "description"), "Corrected");
  EXPECT_EQ(Cell(cells, "corrected_by"), test::EventId(1));
}

}  // namespace
}  // namespace treaty::views
