// `treaty import` as a library on a SQLite store (docs/ledger-format.md §7): CSV and JSON Lines
// read whole with every error at its line and column, the reported-support profile, batches
// acknowledged as they commit, and re-runs that add nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ledger/csv_reader.h"
#include "ledger/import_reader.h"
#include "ledger/ledger_import.h"
#include "ledger_test_util.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::ledger::test {
namespace {

const char* const kMilitary = "sec_2__hcontainer_1__para_2__sent_2";

ValidationContext Context(const KeysFile& keys) {
  ValidationContext context;
  context.default_institution = "lv-mod";
  context.default_user = "tester";
  context.known_commitments =
      std::set<std::string>{kMilitary, "sec_2__hcontainer_1__para_3__sent_2"};
  context.keys = &keys;
  return context;
}

TEST(LedgerCsvReader, FieldsKeepTheirLineAndColumn) {
  const CsvTable table = ReadCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x,\"\"y\"\"\",ā\n\"multi\nline\",z\n");
  ASSERT_FALSE(table.error);
  ASSERT_EQ(table.records.size(), 3u);
  EXPECT_EQ(table.records[1].fields[0].value, "x,\"y\"");
  EXPECT_EQ(table.records[1].fields[1].value, "ā");
  EXPECT_EQ(table.records[1].fields[1].column, 11);
  EXPECT_EQ(table.records[2].fields[0].value, "multi\nline");
  EXPECT_EQ(table.records[2].fields[1].line, 4);
  EXPECT_EQ(table.records[2].fields[1].column, 7);
}

TEST(LedgerCsvReader, SyntaxErrorsNameTheirPlace) {
  CsvTable table = ReadCsv("a,b\n1,\"open\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->message, "unterminated quoted field");
  EXPECT_EQ(table.error->line, 2);
  EXPECT_EQ(table.error->column, 3);
  table = ReadCsv("a,b\n1,x\"y\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->column, 4);
  table = ReadCsv("a,b\n\"1\"x,2\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->message, "text after a closing quote");
  for (const char* lone : {"a,b\n\"1\"\r2,3\n", "a,b\n1\r2,3\n"}) {
    table = ReadCsv(lone);
    ASSERT_TRUE(table.error) << lone;
    EXPECT_EQ(table.error->message,
              "a carriage return not followed by a line feed outside quotes (lines end with LF or "
              "CR LF)");
    EXPECT_EQ(table.error->line, 2);
  }
  table = ReadCsv("a,b\n\"1\r2\",3\r\n");
  ASSERT_FALSE(table.error);
  EXPECT_EQ(table.records[1].fields[0].value, "1\r2");
  table = ReadCsv("a\n\xff\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->message, "invalid UTF-8");
  EXPECT_EQ(table.error->line, 2);
}

TEST(LedgerImportReader, EveryBadCellIsListedAndNoRowIsKept) {
  const KeysFile keys = TestKeys();
  const std::string csv =
      std::string("type,participant,date,commitments,amount,currency,quantity,") +
      "unit,item,description,classification\n" + "delivery,LV,2024-06-01," + kMilitary +
      ",,,-5,drone,Drone,Bad,public\n" + "allocation,LV,2024-06-01," + kMilitary +
      ",abc,EUR,,,,Bad,public\n" + "allocation,LV,2024-06-01," + kMilitary +
      ",10.5,EUR,,,,Good,public\n";
  const ImportReading reading = ReadImportFile("s.csv", csv, ImportFormat::kCsv, Context(keys));
  ASSERT_EQ(reading.errors.size(), 2u);
  EXPECT_EQ(reading.errors[0].text, "s.csv:2:62: quantity: must not be negative: -5");
  EXPECT_EQ(reading.errors[1].text, "s.csv:3:62: amount: not a number: \"abc\"");
  EXPECT_EQ(reading.rows.size(), 1u);
  EXPECT_EQ(reading.rows[0].event.content.amount->minor_units, 1050);
}

TEST(LedgerImportReader, TheReportedSupportProfileKeepsEachSource) {
  const KeysFile keys = TestKeys();
  const AreaMap areas = {{"military", {kMilitary}}};
  const std::string csv =
      "date,kind,area,amount_eur,quantity,unit,description,source\n"
      "2024-04-03,pledge,military,112000000,,,About EUR 112 million,https://example.org/a\n"
      "2024-04-03,gift,navy,1,,,Unknown,https://example.org/b\n"
      "2024-06-01,delivery,military,,500,,Drones,https://example.org/c\n";
  const ImportReading reading =
      ReadImportFile("r.csv", csv, ImportFormat::kReportedSupport, Context(keys), areas);
  ASSERT_EQ(reading.errors.size(), 3u);
  EXPECT_EQ(reading.errors[0].text.rfind("r.csv:3:12: kind: \"gift\" is not pledge", 0), 0u);
  EXPECT_EQ(reading.errors[1].text, "r.csv:3:17: area: unknown area \"navy\" (not in areas.json)");
  // The profile's `unit` column gives both `unit` and `item`: a missing one is one error.
  EXPECT_EQ(reading.errors[2].text, "r.csv:4:35: unit: required for delivery");
  ASSERT_EQ(reading.rows.size(), 1u);
  const Event& event = reading.rows[0].event;
  EXPECT_EQ(event.content.amount->minor_units, 11200000000);
  ASSERT_EQ(event.content.evidence.size(), 1u);
  EXPECT_EQ(event.content.evidence[0].reference, "https://example.org/a");
  EXPECT_EQ(event.recorded_by.institution, "lv-mod");
  EXPECT_TRUE(event.idempotency_key.starts_with("content:"));
}

class LedgerSqliteImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("treaty-import-" + std::to_string(getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    auto store = store::SqliteLedgerStore::Open((folder_ / "ledger.sqlite").string());
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  ImportReading Read(int rows, const std::string& suffix = "") {
    std::ostringstream jsonl;
    for (int i = 1; i <= rows; ++i) {
      jsonl << R"({"type":"disbursement","participant":"LV","date":"2024-06-01","commitments":[")"
            << kMilitary << R"("],"amount":{"currency":"EUR","minor_units":)" << i
            << R"(},"description":"Payment )" << i << suffix
            << R"(","evidence":[],"classification":"public","idempotency_key":"k/)" << i << "\"}\n";
    }
    return ReadImportFile("e.jsonl", jsonl.str(), ImportFormat::kJsonLines, Context(keys_));
  }

  // The texts of the errors CheckImportRows finds in `reading`.
  Result<std::vector<std::string>> Check(const ImportReading& reading) {
    const PrivateKey key = TestKey("lv-mod");
    Result<std::vector<ImportError>> errors =
        CheckImportRows(*store_, ImportCheck{"lv-ua-2024", &key, &keys_}, reading);
    if (!errors.ok()) return errors.error();
    std::vector<std::string> texts;
    for (const ImportError& error : errors.value()) texts.push_back(error.text);
    return texts;
  }

  Result<ImportSummary> Write(const ImportReading& reading, std::vector<ImportBatch>& batches) {
    ImportWrite request;
    request.agreement = "lv-ua-2024";
    request.rows = &reading.rows;
    request.key = TestKey("lv-mod");
    request.keys = &keys_;
    request.batch_size = 4;
    return WriteImport(*store_, request,
                       [&](const ImportBatch& batch) { batches.push_back(batch); });
  }

  std::filesystem::path folder_;
  KeysFile keys_ = TestKeys();
  std::unique_ptr<store::SqliteLedgerStore> store_;
};

TEST_F(LedgerSqliteImportTest, BatchesAreAcknowledgedAndAReRunAddsNothing) {
  const ImportReading reading = Read(10);
  ASSERT_TRUE(reading.errors.empty()) << reading.errors[0].text;
  std::vector<ImportBatch> batches;
  Result<ImportSummary> summary = Write(reading, batches);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[1].Line(), "batch 2: lines 5-8: 4 added, 0 already recorded; tree size 8");
  EXPECT_EQ(summary.value().state.tree_size, 10);
  EXPECT_EQ(store_->TreeHeads("lv-ua-2024").value().size(), 3u);

  batches.clear();
  summary = Write(Read(12), batches);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary.value().added, 2);
  EXPECT_EQ(summary.value().already_recorded, 10);
  EXPECT_EQ(batches[2].Line(), "batch 3: lines 9-12: 2 added, 2 already recorded; tree size 12");
}

TEST_F(LedgerSqliteImportTest, AKeyReusedWithOtherContentIsFoundBeforeWriting) {
  std::vector<ImportBatch> batches;
  ASSERT_TRUE(Write(Read(3), batches).ok());
  const ImportReading changed = Read(5, " changed");
  Result<std::vector<std::string>> errors = Check(changed);
  ASSERT_TRUE(errors.ok());
  ASSERT_EQ(errors.value().size(), 3u);
  EXPECT_EQ(errors.value()[0].rfind("e.jsonl:1: idempotency_key: reused with different content: "
                                    "event ",
                                    0),
            0u);
  EXPECT_NE(errors.value()[0].find("(leaf 0) has it"), std::string::npos);
  EXPECT_TRUE(Check(Read(5)).value().empty());
}

// What the append would refuse is found for the whole file before anything is written: a row of
// another institution than the key's, and references that fail (§6.2 steps 1 and 3, §9.1).
TEST_F(LedgerSqliteImportTest, RowsTheAppendWouldRefuseAreFoundBeforeWriting) {
  Result<AppendResult> stored = store_->Append(AppendOf({Disbursement(1)}, keys_));
  ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  const std::string original = stored.value().events[0].id;
  const std::string missing = "01a24780-0000-7000-8000-000000000001";
  ImportReading reading;
  reading.file = "e.jsonl";
  reading.rows = {
      {2, Disbursement(2), {}},
      {3, Disbursement(3, "", "ua-mod"), {}},
      {4, AmountCorrection(missing, 4), {}},
      {5, AmountCorrection(original, 5, "lv-mod", "restricted"), {}},
      {6, AmountCorrection(original, 6), {}},
  };
  Result<std::vector<std::string>> errors = Check(reading);
  ASSERT_TRUE(errors.ok()) << errors.error().ToString();
  const std::vector<std::string> expected = {
      "e.jsonl:3: recorded_by.institution: event signed with the wrong key: key " +
          TestKey("lv-mod").key_id + " belongs to lv-mod, the event is recorded by ua-mod",
      "e.jsonl:4: corrects: no event " + missing + " in lv-ua-2024",
      "e.jsonl:5: classification: must equal the corrected event's (public)",
  };
  EXPECT_EQ(errors.value(), expected);
  EXPECT_EQ(store_->State("lv-ua-2024").value()->tree_size, 1);
}

}  // namespace
}  // namespace treaty::ledger::test
