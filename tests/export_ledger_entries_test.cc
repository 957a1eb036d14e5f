// The folded view the exports show (views/export/ledger_entries.h, ledger-format §9.2).
#include "views/export/ledger_entries.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <string>
#include <vector>

#include "export_test_events.h"
#include "ledger_test_util.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::views {
namespace {

constexpr char kCommitment[] = "sec_2__hcontainer_1__para_2__sent_2";

nlohmann::json Payment(int64_t minor_units) {
  return test::Money("disbursement", kCommitment, minor_units, "Payment");
}

TEST(ExportLedgerEntries, RetractedEntriesAreLeftOutAndTheLastCorrectionWins) {
  const std::vector<ledger::StoredEvent> events = {
      test::Stored(Payment(100), 0),
      test::Stored(Payment(200), 1),
      test::Stored(test::Correction(0), 2),
      test::Stored(test::Correction(1, Payment(250)), 3),
      test::Stored(test::Correction(1, Payment(300)), 4),
  };
  Result<std::vector<LedgerEntry>> folded = FoldedEntries(events);
  ASSERT_TRUE(folded.ok()) << folded.error().ToString();
  ASSERT_EQ(folded.value().size(), 1u);
  const LedgerEntry& entry = folded.value()[0];
  EXPECT_EQ(entry.event.id, test::EventId(1));
  EXPECT_EQ(entry.leaf_index, 1);
  EXPECT_EQ(entry.event.content.amount->minor_units, 300);
  EXPECT_EQ(entry.corrected_by, (std::vector<std::string>{test::EventId(3), test::EventId(4)}));

  Result<std::vector<LedgerEntry>> raw = RawEntries(events);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw.value().size(), events.size());
}

TEST(ExportLedgerEntries, AnAmendAfterARetractionRestoresTheEntry) {
  const std::vector<ledger::StoredEvent> events = {
      test::Stored(Payment(100), 0),
      test::Stored(test::Correction(0), 1),
      test::Stored(test::Correction(0, Payment(150)), 2),
  };
  Result<std::vector<LedgerEntry>> folded = FoldedEntries(events);
  ASSERT_TRUE(folded.ok()) << folded.error().ToString();
  ASSERT_EQ(folded.value().size(), 1u);
  EXPECT_EQ(folded.value()[0].event.content.amount->minor_units, 150);
}

TEST(ExportLedgerEntries, ACorrectionOfAnEventNotReadIsAnErrorNamingIt) {
  Result<std::vector<LedgerEntry>> folded = FoldedEntries({test::Stored(test::Correction(7), 8)});
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().where, "event " + test::EventId(8) + " (leaf 8)");
  EXPECT_NE(folded.error().message.find(test::EventId(7)), std::string::npos);
}

TEST(ExportLedgerEntries, StoredBytesThatDoNotReadAreAnErrorNamingTheEvent) {
  ledger::StoredEvent broken = test::Stored(Payment(100), 3);
  broken.canonical = "{\"type\":";
  Result<std::vector<LedgerEntry>> raw = RawEntries({broken});
  ASSERT_FALSE(raw.ok());
  EXPECT_EQ(raw.error().where, "event " + test::EventId(3) + " (leaf 3)");
}

// The workbook and the IATI file show the events of the leaves their status is of, however much
// the ledger grew after the status was evaluated.
TEST(ExportLedgerEntries, EntriesStopBeforeTheLeafTheyAreGivenToEndAt) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("treaty-entries-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  {
    auto store = store::SqliteLedgerStore::Open((folder / "ledger.sqlite").string());
    ASSERT_TRUE(store.ok()) << store.error().ToString();
    const ledger::KeysFile keys = ledger::test::TestKeys();
    ASSERT_TRUE(store.value()
                    ->Append(ledger::test::AppendOf(ledger::test::Disbursements(1, 3), keys))
                    .ok());
    const auto read = [&](std::optional<int64_t> end) {
      const std::vector<LedgerEntry> entries =
          ReadVisibleEntries(*store.value(), "lv-ua-2024", evaluation::Audience::kAll, end).value();
      std::vector<int64_t> leaves;
      for (const LedgerEntry& entry : entries) leaves.push_back(entry.leaf_index);
      return leaves;
    };
    EXPECT_EQ(read(std::nullopt), (std::vector<int64_t>{0, 1, 2}));
    EXPECT_EQ(read(2), (std::vector<int64_t>{0, 1}));
    EXPECT_EQ(read(0), (std::vector<int64_t>{}));
  }
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace treaty::views
