// `treaty verify` over a SQLite store that someone edited by hand (docs/ledger-format.md §8), and
// proof files checked without the database (§5): round trips, tampering, forks.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ledger/event_reader.h"
#include "ledger/hash.h"
#include "ledger/merkle_tree.h"
#include "ledger/proof_file.h"
#include "ledger/stored_records.h"
#include "ledger/verify.h"
#include "ledger_test_util.h"
#include "merkle_reference.h"
#include "sqlite_tamper.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::ledger::test {
namespace {

constexpr const char* kAgreement = "lv-ua-2024";

class LedgerVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("treaty-verify-" + std::to_string(getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "ledger.sqlite").string();
    auto store = store::SqliteLedgerStore::Open(path_);
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    for (int batch = 0; batch < 3; ++batch) {
      Result<AppendResult> result = store_->Append(
          AppendOf({Disbursement(10 * batch + 1), Disbursement(10 * batch + 2)}, keys_));
      ASSERT_TRUE(result.ok()) << result.error().ToString();
      heads_.push_back(*result.value().head);
    }
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  void Tamper(const std::string& sql) { treaty::test::TamperSqliteLedger(path_, sql); }

  // The value of `column` in the row of `table` that `where` selects, in hex.
  std::string HexOf(const std::string& table, const std::string& column, const std::string& where) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const std::string sql = fmt::format("SELECT hex({}) FROM {} WHERE {}", column, table, where);
    std::string hex;
    sqlite3_exec(
        db, sql.c_str(),
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) = values[0] != nullptr ? values[0] : "";
          return 0;
        },
        &hex, nullptr);
    sqlite3_close(db);
    return hex;
  }

  // `chunk`: events (and event_commitments rows) read per query; small ones take verify through
  // many chunks and pages.
  VerifyReport Verify(int64_t chunk = 10000) {
    VerifyOptions options;
    options.keys = &keys_;
    options.chunk = chunk;
    Result<VerifyReport> report = VerifyLedger(*store_, kAgreement, options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return report.ok() ? report.value() : VerifyReport{};
  }

  StoredEvent EventAt(int64_t leaf) {
    return store_->ReadEvents(kAgreement, leaf, leaf + 1).value()[0];
  }

  std::filesystem::path folder_;
  std::string path_;
  KeysFile keys_ = TestKeys();
  std::unique_ptr<store::SqliteLedgerStore> store_;
  std::vector<SignedTreeHead> heads_;
};

TEST_F(LedgerVerifyTest, AnUntouchedLedgerVerifies) {
  const VerifyReport report = Verify();
  EXPECT_TRUE(report.ok()) << report.mismatch;
  EXPECT_EQ(report.events, 6);
  EXPECT_EQ(report.heads, 3);
  EXPECT_EQ(report.Line().rfind("verify: OK lv-ua-2024: 6 events, 3 tree heads, root ", 0), 0u);
}

TEST(VerifyReportTest, OneEventAndOneHeadAreSpokenOfInTheSingular) {
  VerifyReport report;
  report.agreement = "lv-ua-2024";
  report.events = 1;
  report.heads = 1;
  EXPECT_EQ(report.Line().rfind("verify: OK lv-ua-2024: 1 event, 1 tree head, root ", 0), 0u)
      << report.Line();
}

// What an append or a proof says of rows missing from a range it reads: the first one missing,
// not the whole range asked for.
TEST(MissingRowsMessageTest, NamesTheFirstMissingRow) {
  EXPECT_EQ(MissingRowsMessage({0, 1, 2, 4, 5}, 0, 6, 0, "a"), "leaf 3 of a is missing");
  EXPECT_EQ(MissingRowsMessage({512, 513}, 512, 516, 0, "a"), "leaves 514–515 of a are missing");
  EXPECT_EQ(MissingRowsMessage({}, 7, 8, 0, "a"), "leaf 7 of a is missing");
  EXPECT_EQ(MissingRowsMessage({1}, 0, 2, 8, "a"),
            "cached node (level 8, index 0) of a is missing");
  EXPECT_EQ(MissingRowsMessage({0, 1, 2}, 0, 3, 0, "a"), "");
}

TEST_F(LedgerVerifyTest, ProgressIsReportedAfterEachChunkThenEachPageOfCommitmentRows) {
  const int64_t rows = static_cast<int64_t>(
      store_->ReadEventCommitments(kAgreement, std::nullopt, 1000).value().size());
  ASSERT_GT(rows, 4);
  VerifyOptions options;
  options.keys = &keys_;
  options.chunk = 4;
  std::vector<std::tuple<VerifyStage, int64_t, int64_t>> calls;
  options.progress = [&](VerifyStage stage, int64_t done, int64_t total) {
    calls.emplace_back(stage, done, total);
  };
  Result<VerifyReport> report = VerifyLedger(*store_, kAgreement, options);
  ASSERT_TRUE(report.ok() && report.value().ok());
  // The events after each chunk; then the rows from none to all, never going back.
  ASSERT_GE(calls.size(), 5u);  // more rows than a page: a page between none and all
  EXPECT_EQ(calls[0], std::make_tuple(VerifyStage::kEvents, int64_t{4}, int64_t{6}));
  EXPECT_EQ(calls[1], std::make_tuple(VerifyStage::kEvents, int64_t{6}, int64_t{6}));
  EXPECT_EQ(calls[2], std::make_tuple(VerifyStage::kCommitmentRows, int64_t{0}, rows));
  EXPECT_EQ(calls.back(), std::make_tuple(VerifyStage::kCommitmentRows, rows, rows));
  for (size_t i = 3; i < calls.size(); ++i) {
    EXPECT_EQ(std::get<0>(calls[i]), VerifyStage::kCommitmentRows) << i;
    EXPECT_GE(std::get<1>(calls[i]), std::get<1>(calls[i - 1])) << i;
  }
}

// After a mismatching event the links are not all the rows there should be: no total to show.
TEST_F(LedgerVerifyTest, NoCommitmentRowsAreReportedAfterAMismatch) {
  Tamper("UPDATE events SET classification = 'restricted' WHERE leaf_index = 4");
  VerifyOptions options;
  options.keys = &keys_;
  std::vector<VerifyStage> stages;
  options.progress = [&](VerifyStage stage, int64_t, int64_t) { stages.push_back(stage); };
  Result<VerifyReport> report = VerifyLedger(*store_, kAgreement, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value().mismatch_leaf, 4);
  EXPECT_EQ(std::count(stages.begin(), stages.end(), VerifyStage::kCommitmentRows), 0);
}

TEST_F(LedgerVerifyTest, AnEditedEventIsNamed) {
  const StoredEvent third = EventAt(3);
  Tamper(
      "UPDATE events SET canonical = CAST(replace(CAST(canonical AS TEXT), 'Payment 12', "
      "'Payment 99') AS BLOB) WHERE leaf_index = 3");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, 3);
  EXPECT_EQ(report.mismatch_event_id, third.id);
  EXPECT_NE(report.Line().find("leaf 3 (event " + third.id + ")"), std::string::npos)
      << report.Line();
}

// verify and verify-proof hold an event to the same rules: a value out of its normal form (here a
// description with a leading space, still canonical JSON) is named by its path in both.
TEST_F(LedgerVerifyTest, AnEventOutOfNormalFormIsNamedByVerifyAndVerifyProofAlike) {
  StoredEvent event = EventAt(0);
  const std::string description = "\"description\":\"";
  event.canonical.replace(event.canonical.find(description), description.size(), description + " ");
  event.leaf_hash = LeafHash(event.canonical);
  TreeHead head = heads_[0].head;
  head.tree_size = 1;
  head.root_hash = event.leaf_hash;
  const ProofVerdict verdict = VerifyProofFile(
      InclusionProofFile(event, {}, MakeSignedTreeHead(head, TestKey("lv-mod").seed).value()),
      keys_, {});
  EXPECT_EQ(verdict.exit_code, 1);
  EXPECT_EQ(verdict.category, "event");
  EXPECT_EQ(verdict.message, "the event is invalid: description: not in normal form (§1.4)");

  Tamper(
      "UPDATE events SET canonical = CAST(replace(CAST(canonical AS TEXT), '\"description\":\"', "
      "'\"description\":\" ') AS BLOB) WHERE leaf_index = 0");
  const VerifyReport report = Verify();
  EXPECT_EQ(report.mismatch_leaf, 0);
  EXPECT_EQ(report.mismatch, "leaf 0 (event " + event.id +
                                 "): not a valid event: description: not in normal form (§1.4)");
}

TEST_F(LedgerVerifyTest, AnEditedColumnIsNamed) {
  Tamper("UPDATE events SET classification = 'restricted' WHERE leaf_index = 4");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, 4);
  EXPECT_NE(report.mismatch.find("classification"), std::string::npos) << report.mismatch;
}

TEST_F(LedgerVerifyTest, AHashOfTheWrongSizeIsNamedInARowReadOverAnother) {
  Tamper("UPDATE events SET leaf_hash = X'00' WHERE leaf_index = 3");
  std::vector<StoredEvent> rows = store_->ReadEvents(kAgreement, 2, 3).value();
  ASSERT_FALSE(store_->ReadEventsInto(kAgreement, 3, 4, rows).has_value());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].leaf_hash, Hash{});  // not leaf 2's hash
  for (const int64_t chunk : {1, 2, 10000}) {
    const VerifyReport report = Verify(chunk);
    ASSERT_FALSE(report.ok()) << chunk;
    EXPECT_EQ(report.mismatch_leaf, 3) << chunk;
    EXPECT_NE(report.mismatch.find("the stored leaf hash differs from its bytes"),
              std::string::npos)
        << chunk << ": " << report.mismatch;
  }
}

// A hash or signature of the wrong size is named where it is stored, as in the PostgreSQL store.
// Each is one byte too long, then restored, after which the ledger verifies again.
TEST_F(LedgerVerifyTest, AHashOrSignatureOfTheWrongSizeIsNamedWhereItIsStored) {
  // Completes the level-8 node 0.
  ASSERT_TRUE(store_->Append(AppendOf(Disbursements(106, 294), keys_)).ok());
  ASSERT_TRUE(store_->Append(AppendOf({Disbursement(400)}, keys_)).ok());
  for (const WrongSizeCase& c : kWrongSizeCases) {
    const std::string hex = HexOf(c.table, c.column, c.where);
    ASSERT_EQ(hex.size(), 2u * c.bytes) << c.table << "." << c.column;
    const std::string change =
        fmt::format("UPDATE {} SET {} = X'{{}}' WHERE {}", c.table, c.column, c.where);
    for (const std::string& wrong : {hex + "00", hex.substr(2), std::string()}) {
      Tamper(fmt::format(fmt::runtime(change), wrong));
      for (const int64_t chunk : {1, 255, 10000}) {
        const VerifyReport report = Verify(chunk);
        EXPECT_EQ(report.mismatch_leaf, c.leaf) << c.column << " " << chunk;
        EXPECT_TRUE(MismatchStartsAs(report.mismatch, c.named)) << chunk << ": " << report.mismatch;
      }
      ExpectHeadRefusedToProofs(*store_, c, wrong.size() / 2);
    }
    Tamper(fmt::format(fmt::runtime(change), hex));
    EXPECT_TRUE(Verify().ok()) << c.table << "." << c.column;
  }
  // A proof builds on the cached nodes too: leaf 299's path holds node (8, 0).
  const std::string node = HexOf("tree_nodes", "hash", "level = 8 AND node_index = 0");
  Tamper("UPDATE tree_nodes SET hash = X'" + node + "00' WHERE level = 8 AND node_index = 0");
  Result<std::vector<Hash>> through_node = store_->InclusionPath(kAgreement, 299, 301);
  ASSERT_FALSE(through_node.ok());
  EXPECT_EQ(through_node.error().message,
            "cached node (level 8, index 0) of lv-ua-2024: the stored hash is not 32 bytes");
  Tamper("UPDATE tree_nodes SET hash = X'" + node + "' WHERE level = 8 AND node_index = 0");
  // An append and a proof build on the stored leaf hashes: they refuse one of the wrong size. A
  // new store: the first keeps the blocks of hashes it has read (§6.6).
  Tamper("UPDATE events SET leaf_hash = X'" + HexOf("events", "leaf_hash", "leaf_index = 299") +
         "00' WHERE leaf_index = 299");
  store_ = store::SqliteLedgerStore::Open(path_).value();
  Result<std::vector<Hash>> path = store_->InclusionPath(kAgreement, 299, 301);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.error().message, kWrongSizeLeafRefused);
  Result<AppendResult> appended = store_->Append(AppendOf({Disbursement(401)}, keys_));
  ASSERT_FALSE(appended.ok());
  EXPECT_EQ(appended.error().message, kWrongSizeLeafRefused);
  EXPECT_EQ(store_->State(kAgreement).value()->tree_size, 301);
}

// A cached node's children (§6.6): verify compares them with the hashes below the node, a proof
// refuses them at the wrong size, and without them a proof reads the level below the node.
TEST_F(LedgerVerifyTest, ACachedNodesChildrenAreCheckedAndMayBeAbsent) {
  // Completes the level-8 node 0.
  ASSERT_TRUE(store_->Append(AppendOf(Disbursements(106, 294), keys_)).ok());
  const std::vector<Hash> path = store_->InclusionPath(kAgreement, 10, 300).value();
  const std::string children =
      HexOf("tree_node_children", "children", "level = 8 AND node_index = 0");
  ASSERT_EQ(children.size(), 2u * 8192);
  const std::string set =
      "UPDATE tree_node_children SET children = {} WHERE level = 8 AND node_index = 0";
  const char* named =
      "leaf 255 (event %): cached node (level 8, index 0): its stored children differ";
  const std::string changed = (children[40] == 'A' ? "B" : "A");
  for (const std::string& wrong : {children.substr(0, 40) + changed + children.substr(41),
                                   children + "00", children.substr(2)}) {
    Tamper(fmt::format(fmt::runtime(set), "X'" + wrong + "'"));
    for (const int64_t chunk : {1, 255, 10000}) {
      const VerifyReport report = Verify(chunk);
      EXPECT_EQ(report.mismatch_leaf, 255) << chunk;
      EXPECT_TRUE(MismatchStartsAs(report.mismatch, named)) << chunk << ": " << report.mismatch;
    }
  }
  store_ = store::SqliteLedgerStore::Open(path_).value();  // without the blocks read before
  Result<std::vector<Hash>> refused = store_->InclusionPath(kAgreement, 10, 300);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "cached node (level 8, index 0) of lv-ua-2024: the stored children are 8191 bytes, not "
            "8192");
  // Children that are empty, or none, are read from the level below, for proofs and verify alike.
  Tamper(fmt::format(fmt::runtime(set), "X''"));
  store_ = store::SqliteLedgerStore::Open(path_).value();
  EXPECT_EQ(store_->InclusionPath(kAgreement, 10, 300).value(), path);
  EXPECT_TRUE(Verify().ok());
  Tamper("DELETE FROM tree_node_children");
  store_ = store::SqliteLedgerStore::Open(path_).value();
  EXPECT_EQ(store_->InclusionPath(kAgreement, 10, 300).value(), path);
  EXPECT_TRUE(Verify().ok());
  // Children of a node the ledger does not have are named, as such a node would be.
  Tamper("INSERT INTO tree_node_children VALUES ('lv-ua-2024', 8, 5, X'" + children + "')");
  const VerifyReport stray = Verify();
  EXPECT_EQ(stray.mismatch,
            "cached node (level 8, index 5) differs: it covers leaves the ledger does not have");
}

// The children of a level-16 node are the level-8 nodes under it: verify names them changed when
// the node completes, at its last leaf.
TEST_F(LedgerVerifyTest, TheChildrenOfALevel16NodeAreChecked) {
  for (int64_t first = 6; first < 65536; first += 10000) {
    const int64_t count = std::min<int64_t>(10000, 65536 - first);
    ASSERT_TRUE(store_->Append(AppendOf(Disbursements(100 + first, count), keys_)).ok());
  }
  ASSERT_TRUE(Verify().ok());
  const std::string children = HexOf("tree_node_children", "children", "level = 16");
  ASSERT_EQ(children.size(), 2u * 8192);
  const std::string changed = children.substr(0, 2 * 8191) +
                              (children[2 * 8191] == 'A' ? "B" : "A") +
                              children.substr(2 * 8191 + 1);
  Tamper("UPDATE tree_node_children SET children = X'" + changed + "' WHERE level = 16");
  const VerifyReport report = Verify();
  EXPECT_EQ(report.mismatch_leaf, 65535);
  EXPECT_TRUE(MismatchStartsAs(report.mismatch,
                               "leaf 65535 (event %): cached node (level 16, index 0): its stored "
                               "children differ"))
      << report.mismatch;
}

// A file made before nodes had children gains their table when opened; its nodes keep none, and
// those cached afterwards have theirs.
TEST_F(LedgerVerifyTest, AFileWithoutChildrenGainsTheirTableAndKeepsItsNodes) {
  ASSERT_TRUE(store_->Append(AppendOf(Disbursements(106, 294), keys_)).ok());
  store_.reset();
  Tamper("DROP TABLE tree_node_children");
  store_ = store::SqliteLedgerStore::Open(path_).value();
  EXPECT_EQ(HexOf("tree_node_children", "count(*)", "true"), "30");  // "0"
  // Its two append-only triggers (§6.5).
  EXPECT_EQ(
      HexOf("sqlite_master", "count(*)", "type = 'trigger' AND tbl_name = 'tree_node_children'"),
      "32");  // "2"
  EXPECT_TRUE(Verify().ok());
  // Completes node 1.
  ASSERT_TRUE(store_->Append(AppendOf(Disbursements(400, 300), keys_)).ok());
  EXPECT_EQ(HexOf("tree_node_children", "children", "node_index = 1").size(), 2u * 8192);
  EXPECT_TRUE(Verify().ok());
  const std::vector<Hash> leaves = store_->LeafHashes(kAgreement, 0, 600).value();
  for (const int64_t leaf : {10, 300, 599}) {
    EXPECT_EQ(store_->InclusionPath(kAgreement, leaf, 600).value(),
              InclusionProof(leaves, leaf, 600))
        << leaf;
  }
}

// The events table without its keys, as someone with write access could rebuild it: then an
// id or idempotency key can be stored twice, and only verify's own tables find it.
constexpr const char* kEventsWithoutKeys =
    "CREATE TABLE loose AS SELECT * FROM events; DROP TABLE events; "
    "ALTER TABLE loose RENAME TO events; ";

// SQL that makes leaf `leaf` hold `row`'s event and columns, its leaf index kept.
std::string StoreAt(int64_t leaf, const StoredEvent& row) {
  return fmt::format(
      "UPDATE events SET id = '{}', recorded_at = '{}', idempotency_key = '{}', corrects = {}, "
      "content_hash = X'{}', leaf_hash = X'{}', canonical = X'{}' WHERE leaf_index = {}",
      row.id, row.recorded_at, row.idempotency_key,
      row.corrects.empty() ? "NULL" : "'" + row.corrects + "'", ToHex(row.content_hash),
      ToHex(row.leaf_hash),
      BytesToHex(reinterpret_cast<const uint8_t*>(row.canonical.data()), row.canonical.size()),
      leaf);
}

// `event`, changed by a test, as the row an append would have made of it at `leaf`: a derived
// idempotency key is derived again from the changed content.
StoredEvent RowOfChanged(Event event, int64_t leaf) {
  if (event.idempotency_key.starts_with(kDerivedKeyPrefix)) {
    event.idempotency_key = DerivedIdempotencyKey(event).value();
  }
  return MakeStoredEvent(event, leaf).value();
}

// Chunk sizes that put two leaves in one chunk or in chunks apart, the last chunk short or not.
constexpr int64_t kChunks[] = {1, 2, 4, 10000};

TEST_F(LedgerVerifyTest, AnIdStoredTwiceIsNamedAtItsSecondLeaf) {
  Tamper(kEventsWithoutKeys + StoreAt(5, EventAt(1)));
  for (const int64_t chunk : kChunks) {
    const VerifyReport report = Verify(chunk);
    ASSERT_FALSE(report.ok()) << chunk;
    EXPECT_EQ(report.mismatch_leaf, 5) << chunk;
    EXPECT_NE(report.mismatch.find("id already used by leaf 1"), std::string::npos)
        << chunk << ": " << report.mismatch;
  }
}

TEST_F(LedgerVerifyTest, AnIdempotencyKeyStoredTwiceIsNamedAtItsSecondLeaf) {
  const StoredEvent first = EventAt(1);
  const StoredEvent fifth = EventAt(5);
  // The first event's content and derived key under the fifth's id and time.
  Event event;
  ASSERT_TRUE(ReadEventBytes(first.canonical, event));
  Event fifth_event;
  ASSERT_TRUE(ReadEventBytes(fifth.canonical, fifth_event));
  event.id = fifth_event.id;
  event.recorded_at = fifth_event.recorded_at;
  Result<StoredEvent> reused = MakeStoredEvent(event, 5);
  ASSERT_TRUE(reused.ok()) << reused.error().ToString();
  Tamper(kEventsWithoutKeys + StoreAt(5, reused.value()));
  for (const int64_t chunk : kChunks) {
    const VerifyReport report = Verify(chunk);
    ASSERT_FALSE(report.ok()) << chunk;
    EXPECT_EQ(report.mismatch_leaf, 5) << chunk;
    EXPECT_EQ(report.mismatch_event_id, fifth.id) << chunk;
    EXPECT_NE(report.mismatch.find("idempotency key already used by leaf 1"), std::string::npos)
        << chunk << ": " << report.mismatch;
  }
}

// The reference checks and correction rules of an append (§6.2 step 3, §9.1) hold in verify too.
TEST_F(LedgerVerifyTest, ACorrectionBreakingTheRulesOfAnAppendIsNamed) {
  AppendRequest request = AppendOf({AmountCorrection(EventAt(1).id, 99)}, keys_);
  ASSERT_TRUE(store_->Append(request).ok());
  request.submissions = {AmountCorrection(EventAt(2).id, 98)};
  ASSERT_TRUE(store_->Append(request).ok());
  ASSERT_TRUE(Verify().ok()) << Verify().mismatch;
  // Leaf 7, a correction of leaf 2, changed and stored with hashes that match its bytes.
  const std::string missing = "0194694c-5e3b-75c3-af1e-9a407b6d13c8";
  const std::vector<std::pair<std::function<void(Event&)>, std::string>> cases = {
      {[&](Event& e) { e.corrects = EventAt(6).id; },
       "corrects: names a correction; name the original event " + EventAt(1).id},
      {[&](Event& e) { e.corrects = missing; }, "corrects: no event " + missing + " in lv-ua-2024"},
      {[](Event& e) { e.classification = "restricted"; },
       "classification: must equal the corrected event's (public)"},
      {[](Event& e) { e.recorded_by.institution = "ua-mod"; },
       "recorded_by.institution: a correction is recorded by the Participant that recorded the "
       "event (LV)"},
  };
  const StoredEvent original = EventAt(7);
  for (const auto& [change, message] : cases) {
    Event event;
    ASSERT_TRUE(ReadEventBytes(original.canonical, event));
    change(event);
    Tamper(StoreAt(7, RowOfChanged(event, 7)));
    const VerifyReport report = Verify();
    EXPECT_EQ(report.mismatch_leaf, 7) << report.mismatch;
    EXPECT_TRUE(
        MismatchStartsAs(report.mismatch, "leaf 7 (event %): not a valid event: " + message))
        << report.mismatch;
  }
}

// A response names an event of the type and subtype an append requires (§1.3 note 4).
TEST_F(LedgerVerifyTest, AResponseNamingANoticeOfAnotherSubtypeIsNamed) {
  auto notice = [](const std::string& subtype, const std::string& responds_to) {
    nlohmann::json input = {
        {"type", "notice"},
        {"subtype", subtype},
        {"participant", "LV"},
        {"date", "2024-06-01"},
        {"commitments", nlohmann::json::array()},
        {"description", "Notice of " + subtype},
        {"evidence", {{{"reference", "https://example.org/" + subtype}}}},
        {"classification", "public"},
        {"recorded_by", {{"institution", "lv-mod"}, {"user", "tester"}}},
    };
    if (!responds_to.empty()) input["responds_to"] = responds_to;
    ParsedEvent parsed = ParseEvent(input, EventForm::kInput, ValidationContext{});
    EXPECT_TRUE(parsed.ok()) << parsed.errors.front().ToString();
    return parsed.event;
  };
  Result<AppendResult> notices = store_->Append(
      AppendOf({notice("amendment_proposal", ""), notice("termination", "")}, keys_));
  ASSERT_TRUE(notices.ok()) << notices.error().ToString();
  Result<AppendResult> acceptance = store_->Append(
      AppendOf({notice("amendment_acceptance", notices.value().events[0].id)}, keys_));
  ASSERT_TRUE(acceptance.ok()) << acceptance.error().ToString();
  ASSERT_TRUE(Verify().ok()) << Verify().mismatch;
  Event event;
  ASSERT_TRUE(ReadEventBytes(EventAt(8).canonical, event));
  event.content.responds_to = notices.value().events[1].id;
  Tamper(StoreAt(8, RowOfChanged(event, 8)));
  EXPECT_TRUE(
      MismatchStartsAs(Verify().mismatch,
                       "leaf 8 (event %): not a valid event: responds_to: names a notice of "
                       "subtype termination; expected amendment_proposal"))
      << Verify().mismatch;
}

TEST_F(LedgerVerifyTest, OneIdempotencyKeyOfTwoInstitutionsIsNoRepeat) {
  ASSERT_TRUE(store_->Append(AppendOf({Disbursement(7, "shared/7")}, keys_)).ok());
  Result<AppendResult> result =
      store_->Append(AppendOf({Disbursement(8, "shared/7", "lv-mfa")}, keys_, "lv-mfa"));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  for (const int64_t chunk : kChunks) {
    const VerifyReport report = Verify(chunk);
    EXPECT_TRUE(report.ok()) << chunk << ": " << report.mismatch;
    EXPECT_EQ(report.events, 8) << chunk;
  }
}

TEST_F(LedgerVerifyTest, AProofAtAHeadOfAnotherSignerSaysWhoseLedgerItShows) {
  Result<AppendResult> later =
      store_->Append(AppendOf({Disbursement(8, "mfa/8", "lv-mfa")}, keys_, "lv-mfa"));
  ASSERT_TRUE(later.ok()) << later.error().ToString();
  const StoredEvent event = EventAt(2);
  const std::string file = InclusionProofFile(
      event, store_->InclusionPath(kAgreement, 2, 7).value(), *later.value().head);
  const ProofVerdict verdict = VerifyProofFile(file, keys_, {});
  EXPECT_EQ(verdict.exit_code, 0) << verdict.category << ": " << verdict.message;
  EXPECT_NE(verdict.message.find("(recorded by lv-mod)"), std::string::npos) << verdict.message;
  EXPECT_NE(verdict.message.find("head signed by lv-mfa"), std::string::npos) << verdict.message;
  EXPECT_EQ(std::count_if(verdict.warnings.begin(), verdict.warnings.end(),
                          [](const std::string& warning) {
                            return warning.find(
                                       "the head is signed by lv-mfa, not by lv-mod, "
                                       "whom the event names as its recorder") != std::string::npos;
                          }),
            1)
      << fmt::format("{}", fmt::join(verdict.warnings, "\n"));
}

// A head dated well after the verifier's clock is warned of, by verify once however many such
// heads follow, and by verify-proof; it still verifies. A head of now is not.
TEST_F(LedgerVerifyTest, AHeadDatedAheadOfTheClockIsWarnedOf) {
  constexpr char kAhead[] = "2099-01-01T00:00:00.000000Z";
  Tamper(fmt::format("UPDATE ledgers SET last_recorded_at = '{}'", kAhead));
  for (int extra = 0; extra < 2; ++extra) {
    ASSERT_TRUE(store_->Append(AppendOf({Disbursement(40 + extra)}, keys_)).ok());
  }
  const std::string warned = fmt::format(
      "the head of size 7 (signed by lv-mod) is dated {}, after this machine's clock (", kAhead);
  const auto count_warned = [&](const std::vector<std::string>& warnings) {
    return std::count_if(warnings.begin(), warnings.end(), [&](const std::string& warning) {
      return warning.starts_with(warned) &&
             warning.ends_with("): one of the two clocks is wrong, or the head was dated ahead");
    });
  };
  const VerifyReport report = Verify();
  EXPECT_TRUE(report.ok()) << report.mismatch;
  EXPECT_EQ(count_warned(report.warnings), 1)
      << fmt::format("{}", fmt::join(report.warnings, "\n"));

  const std::string file =
      InclusionProofFile(EventAt(6), store_->InclusionPath(kAgreement, 6, 7).value(),
                         store_->TreeHeadAt(kAgreement, 7).value().value());
  const ProofVerdict verdict = VerifyProofFile(file, keys_, {});
  EXPECT_EQ(verdict.exit_code, 0) << verdict.category << ": " << verdict.message;
  EXPECT_EQ(count_warned(verdict.warnings), 1)
      << fmt::format("{}", fmt::join(verdict.warnings, "\n"));
  const std::string present =
      InclusionProofFile(EventAt(2), store_->InclusionPath(kAgreement, 2, 6).value(), heads_[2]);
  for (const std::string& warning : VerifyProofFile(present, keys_, {}).warnings) {
    EXPECT_EQ(warning.find("after this machine's clock"), std::string::npos) << warning;
  }
}

TEST_F(LedgerVerifyTest, EventCommitmentRowsThatDifferNameTheirFirstLeaf) {
  const StoredEvent second = EventAt(2);
  // Leaf 4 loses its row, leaf 2 gains one: the earlier leaf is named, with both lists.
  Tamper(
      "DELETE FROM event_commitments WHERE leaf_index "
      "= 4; INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 2)");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, 2);
  EXPECT_EQ(report.mismatch_event_id, second.id);
  EXPECT_NE(report.mismatch.find("column event_commitments holds "
                                 "\"sec_1,sec_2__hcontainer_1__para_2__sent_2\", the event says "
                                 "\"sec_2__hcontainer_1__para_2__sent_2\""),
            std::string::npos)
      << report.mismatch;
}

TEST_F(LedgerVerifyTest, ChunksOfAnySizeGiveTheSameVerdicts) {
  for (const int64_t chunk : kChunks) {
    const VerifyReport report = Verify(chunk);
    EXPECT_TRUE(report.ok()) << chunk << ": " << report.mismatch;
    EXPECT_EQ(report.events, 6) << chunk;
    EXPECT_EQ(report.heads, 3) << chunk;
  }
  Tamper(
      "UPDATE events SET classification = 'restricted' WHERE leaf_index = 4; "
      "INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 5)");
  for (const int64_t chunk : kChunks) {
    const VerifyReport report = Verify(chunk);
    EXPECT_EQ(report.mismatch_leaf, 4) << chunk << ": " << report.mismatch;
    EXPECT_NE(report.mismatch.find("classification"), std::string::npos) << report.mismatch;
  }
}

TEST_F(LedgerVerifyTest, CommitmentRowsThatDifferBeforeAnEventMismatchAreNamedFirst) {
  Tamper(
      "UPDATE events SET classification = 'restricted' WHERE leaf_index = 4; "
      "INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 1)");
  for (int64_t chunk : {2, 10000}) {
    const VerifyReport report = Verify(chunk);
    EXPECT_EQ(report.mismatch_leaf, 1) << chunk << ": " << report.mismatch;
    EXPECT_NE(report.mismatch.find("column event_commitments"), std::string::npos)
        << report.mismatch;
  }
}

TEST_F(LedgerVerifyTest, CommitmentRowsThatDifferBeforeABadHeadAreNamedFirst) {
  // Head 4's signature is broken and leaf 3, below it, gains a row: the leaf comes first.
  Tamper(
      "UPDATE tree_heads SET signature = zeroblob(64) WHERE tree_size = 4; "
      "INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 3)");
  const VerifyReport report = Verify();
  EXPECT_EQ(report.mismatch_leaf, 3) << report.mismatch;
  EXPECT_NE(report.mismatch.find("column event_commitments"), std::string::npos) << report.mismatch;
}

TEST_F(LedgerVerifyTest, AnEventCommitmentRowOfNoLeafIsNamed) {
  Tamper("INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', -1)");
  const VerifyReport report = Verify();
  EXPECT_EQ(report.mismatch, "event_commitments row (sec_1, leaf -1) names no event of the ledger");
}

// A file of an earlier version, with its indexes and without the index of corrections, has this
// version's once a writer opens it.
TEST_F(LedgerVerifyTest, AFileOpenedGetsTheIndexesOfThisVersion) {
  Tamper(
      "CREATE INDEX events_by_type ON events (agreement, type, leaf_index); "
      "CREATE INDEX events_by_date ON events (agreement, fact_date); "
      "CREATE INDEX event_commitments_by_leaf ON event_commitments (agreement, leaf_index); "
      "DROP INDEX events_by_corrects");
  store_.reset();
  ASSERT_TRUE(store::SqliteLedgerStore::Open(path_).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  auto count = [db](const char* sql) {
    int found = -1;
    sqlite3_exec(
        db, sql,
        [](void* into, int, char** values, char**) {
          *static_cast<int*>(into) = std::atoi(values[0]);
          return 0;
        },
        &found, nullptr);
    return found;
  };
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                  "('events_by_type', 'events_by_date', 'event_commitments_by_leaf')"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                  "'events_by_corrects'"),
            1);
  sqlite3_close(db);
}

TEST_F(LedgerVerifyTest, AMissingEventCommitmentRowIsNamed) {
  Tamper(
      "DELETE FROM event_commitments WHERE leaf_index "
      "= 5");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, 5);
  EXPECT_NE(report.mismatch.find("holds \"\", the event says"), std::string::npos)
      << report.mismatch;
}

// A tree_nodes row that no append makes is named for what is wrong with it.
TEST_F(LedgerVerifyTest, ACachedNodeOfNoLevelOrIndexOfTheCacheIsNamed) {
  const std::map<std::string, std::string> rows = {
      {"7, 0",
       "cached node (level 7, index 0) is no node of the cache: its levels are 8, 16, … 48"},
      {"56, 0",
       "cached node (level 56, index 0) is no node of the cache: its levels are 8, 16, … 48"},
      {"8, -1", "cached node (level 8, index -1) has a negative index"},
      {"8, 0", "cached node (level 8, index 0) differs: it covers leaves the ledger does not have"},
  };
  for (const auto& [row, named] : rows) {
    Tamper(fmt::format("INSERT INTO tree_nodes VALUES ('lv-ua-2024', {}, zeroblob(32))", row));
    const VerifyReport report = Verify();
    EXPECT_EQ(report.mismatch_leaf, -1) << row;
    EXPECT_EQ(report.mismatch, named) << row;
    Tamper(fmt::format("DELETE FROM tree_nodes WHERE (level, node_index) = ({})", row));
    EXPECT_TRUE(Verify().ok()) << row;
  }
}

TEST_F(LedgerVerifyTest, AnEventCommitmentRowPastTheLedgerIsNamed) {
  Tamper("INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 6)");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, -1);
  EXPECT_EQ(report.mismatch, "event_commitments row (sec_1, leaf 6) names no event of the ledger");
}

// A head whose columns or stored bytes were changed is named with what differs, not the events it
// no longer matches.
TEST_F(LedgerVerifyTest, AHeadWithAChangedColumnIsNamedNotItsEvents) {
  const std::map<std::string, std::string> changes = {
      {"signer = 'ua-mod'", R"(column signer holds "ua-mod", the stored head bytes "lv-mod")"},
      {"timestamp = '2030-01-01T00:00:00.000000Z'",
       R"(column timestamp holds "2030-01-01T00:00:00.000000Z", the stored head bytes ")"},
      {"key_id = 'x'", R"(column key_id holds "x", the stored head bytes ")"},
      {"head = CAST('[]' AS BLOB)", "the stored head bytes are not a JSON object"},
      {"head = CAST(replace(CAST(head AS TEXT), '\"signer\"', '\"signed\"') AS BLOB)",
       "the stored head bytes lack signer"},
      {"head = CAST(replace(CAST(head AS TEXT), ',', ', ') AS BLOB)",
       "the stored head bytes are not the RFC 8785 form of its fields"},
      {"head = CAST(replace(CAST(head AS TEXT), '{', '{\"extra\":1,') AS BLOB)",
       "the stored head bytes have a member extra that heads do not have"},
  };
  for (const auto& [change, named] : changes) {
    Tamper(
        fmt::format("CREATE TABLE kept AS SELECT * FROM tree_heads WHERE tree_size = 4; "
                    "UPDATE tree_heads SET {} WHERE tree_size = 4",
                    change));
    const VerifyReport report = Verify();
    EXPECT_EQ(report.mismatch_leaf, -1) << change;
    EXPECT_TRUE(report.mismatch.starts_with("tree head 4: " + named)) << report.mismatch;
    Tamper(
        "DELETE FROM tree_heads WHERE tree_size = 4; "
        "INSERT INTO tree_heads SELECT * FROM kept; DROP TABLE kept");
    EXPECT_TRUE(Verify().ok()) << change;
  }
}

// After every leaf, §8 names a head over more leaves than the ledger has before a row of
// event_commitments that names no event.
TEST_F(LedgerVerifyTest, AHeadOverMoreLeavesIsNamedBeforeARowOfNoEvent) {
  Tamper(
      "INSERT INTO tree_heads SELECT agreement, 7, root_hash, timestamp, signer, key_id, head, "
      "signature FROM tree_heads WHERE tree_size = 6; "
      "INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 6)");
  for (const int64_t chunk : {1, 10000}) {
    const VerifyReport report = Verify(chunk);
    EXPECT_EQ(report.mismatch_leaf, -1) << chunk;
    EXPECT_EQ(report.mismatch, "tree head 7: it covers more leaves than the ledger has (6)")
        << chunk;
  }
  Tamper("DELETE FROM tree_heads WHERE tree_size = 7");
  EXPECT_EQ(Verify().mismatch,
            "event_commitments row (sec_1, leaf 6) names no event of the ledger");
}

// An `events` row below leaf 0 or past a gap at a chunk's end, which no chunk reads, is named as
// in one long chunk (§8).
TEST_F(LedgerVerifyTest, AnEventsRowOutsideTheLeavesIsNamed) {
  const std::string forged = "01a24780-0000-7000-8000-000000000001";
  const std::string copy =
      "INSERT INTO events (agreement, leaf_index, id, type, fact_date, recorded_at, institution, "
      "classification, corrects, idempotency_key, content_hash, leaf_hash, canonical) SELECT "
      "agreement, {}, '" +
      forged +
      "', type, fact_date, recorded_at, institution, classification, corrects, 'forged', "
      "content_hash, leaf_hash, canonical FROM events WHERE leaf_index = 0";
  for (const int64_t leaf : {50000, -1}) {
    Tamper(fmt::format(fmt::runtime(copy), leaf));
    for (const int64_t chunk : {2, 10000}) {
      const VerifyReport report = Verify(chunk);
      EXPECT_EQ(report.mismatch,
                leaf < 0 ? fmt::format("events row (leaf -1, event {}) lies below leaf 0", forged)
                         : fmt::format("leaf 50000 (event {}): leaf indexes jump from 5 to 50000",
                                       forged))
          << chunk;
    }
    Tamper("DELETE FROM events WHERE id = '" + forged + "'");
    EXPECT_TRUE(Verify().ok()) << leaf;
  }
}

// Without its `ledgers` row an agreement is still listed, and verify names the missing row.
TEST_F(LedgerVerifyTest, AnAgreementWithoutItsLedgersRowIsStillVerified) {
  Tamper("DELETE FROM ledgers");
  EXPECT_EQ(store_->ListLedgers().value(), std::vector<std::string>{kAgreement});
  EXPECT_EQ(Verify().mismatch, "ledgers row: missing; the events number 6");
}

TEST_F(LedgerVerifyTest, AnEarlierEventMismatchIsNamedBeforeLaterCommitmentRows) {
  Tamper(
      "UPDATE events SET classification = 'restricted' WHERE leaf_index = 1; "
      "INSERT INTO event_commitments VALUES ('lv-ua-2024', 'sec_1', 3)");
  const VerifyReport report = Verify();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.mismatch_leaf, 1);
  EXPECT_NE(report.mismatch.find("classification"), std::string::npos) << report.mismatch;
}

TEST_F(LedgerVerifyTest, AnInclusionProofVerifiesWithoutTheStore) {
  const StoredEvent event = EventAt(2);
  const std::string file =
      InclusionProofFile(event, store_->InclusionPath(kAgreement, 2, 6).value(), heads_.back());
  const ProofVerdict verdict = VerifyProofFile(file, keys_, {});
  EXPECT_EQ(verdict.exit_code, 0) << verdict.category << ": " << verdict.message;
  EXPECT_EQ(verdict.message.rfind("OK inclusion: event " + event.id +
                                      " (recorded by lv-mod) is leaf 2 of lv-ua-2024 "
                                      "at tree size 6 (head signed by lv-mod",
                                  0),
            0u)
      << verdict.message;
  ASSERT_EQ(verdict.warnings.size(), 1u);
  EXPECT_NE(verdict.warnings[0].find("is a demo key"), std::string::npos);
}

// A proof file must name its agreement, and a consistency proof's heads must be of one agreement:
// an empty name would match none of the heads' agreements and skip that check.
TEST_F(LedgerVerifyTest, AProofFileOfNoAgreementOrOfTwoIsRefused) {
  const std::vector<Hash> path = store_->ConsistencyPath(kAgreement, 2, 6).value();
  nlohmann::json file = nlohmann::json::parse(ConsistencyProofFile(heads_[0], heads_[2], path));
  file["agreement"] = "";
  ProofVerdict verdict = VerifyProofFile(file.dump(), keys_, {});
  EXPECT_EQ(verdict.category, "format");
  EXPECT_EQ(verdict.message, "agreement: empty");

  SignedTreeHead other = heads_[2];
  other.head.agreement = "lv-ua-other";
  other = MakeSignedTreeHead(other.head, TestKey("lv-mod").seed).value();
  verdict = VerifyProofFile(ConsistencyProofFile(heads_[0], other, path), keys_, {});
  EXPECT_EQ(verdict.exit_code, 1);
  EXPECT_EQ(verdict.category, "head");
  EXPECT_EQ(verdict.message, "the heads are of different agreements: lv-ua-2024 and lv-ua-other");

  KeysFile other_keys = keys_;
  other_keys.agreement = "lv-ua-other";
  verdict = VerifyProofFile(ConsistencyProofFile(heads_[0], heads_[2], path), other_keys, {});
  EXPECT_EQ(verdict.category, "key");
  EXPECT_EQ(verdict.message,
            "the keys are of agreement lv-ua-other, the head of size 2 of lv-ua-2024");

  file = nlohmann::json::parse(
      InclusionProofFile(EventAt(2), store_->InclusionPath(kAgreement, 2, 6).value(), heads_[2]));
  file["tree_head"] = 5;
  verdict = VerifyProofFile(file.dump(), keys_, {});
  EXPECT_EQ(verdict.category, "format");
  EXPECT_EQ(verdict.message, "tree_head: not a JSON object");
}

TEST_F(LedgerVerifyTest, AChangedProofFailsWithItsCategory) {
  const StoredEvent event = EventAt(2);
  const std::string file =
      InclusionProofFile(event, store_->InclusionPath(kAgreement, 2, 6).value(), heads_.back());
  auto verdict_of = [&](const std::string& from, const std::string& to) {
    std::string changed = file;
    const size_t at = changed.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) changed.replace(at, from.size(), to);
    return VerifyProofFile(changed, keys_, {});
  };
  // The user is not in the content a derived key is of: the event stays valid, its leaf changes.
  ProofVerdict verdict = verdict_of("tester", "testers");
  EXPECT_EQ(verdict.exit_code, 1);
  EXPECT_EQ(verdict.category, "leaf");
  verdict = verdict_of("Payment 11", "Payment 19");
  EXPECT_EQ(verdict.category, "event");
  EXPECT_EQ(verdict.message,
            "the event is invalid: idempotency_key: not the key derived from the event's content");
  verdict = verdict_of("\"leaf_index\": 2", "\"leaf_index\": 3");
  EXPECT_EQ(verdict.category, "inclusion");
  verdict = verdict_of("\"tree_size\": 6", "\"tree_size\": 7");
  EXPECT_EQ(verdict.category, "signature");
  verdict = verdict_of("\"format\": \"treaty-inclusion-proof/1\"", "\"format\": \"x\"");
  EXPECT_EQ(verdict.exit_code, 2);
  EXPECT_EQ(verdict.category, "format");
  verdict = verdict_of("\"leaf_index\": 2,", "\"leaf_index\": 2");
  EXPECT_EQ(verdict.category, "syntax");
  EXPECT_NE(verdict.message.find("not JSON at line"), std::string::npos) << verdict.message;
  verdict = VerifyProofFile(file, TestKeys(), {});
  EXPECT_EQ(verdict.exit_code, 0);
  KeysFile without = keys_;
  without.keys.clear();
  verdict = VerifyProofFile(file, without, {});
  EXPECT_EQ(verdict.category, "key");
}

TEST_F(LedgerVerifyTest, AConsistencyProofConnectsTwoHeadsAndForksAreFound) {
  const std::string file =
      ConsistencyProofFile(heads_[0], heads_[2], store_->ConsistencyPath(kAgreement, 2, 6).value());
  ProofVerdict verdict = VerifyProofFile(file, keys_, {});
  EXPECT_EQ(verdict.exit_code, 0) << verdict.category << ": " << verdict.message;
  EXPECT_EQ(verdict.message.rfind("OK consistency: lv-ua-2024 at tree size 2", 0), 0u);

  // Another validly signed head of size 2 with another root: a fork.
  SignedTreeHead other = heads_[0];
  other.head.root_hash[0] ^= 1;
  other = MakeSignedTreeHead(other.head, TestKey("lv-mod").seed).value();
  const std::vector<KnownHead> known = {{"held.json", other}};
  verdict = VerifyProofFile(file, keys_, known);
  EXPECT_EQ(verdict.exit_code, 1);
  EXPECT_EQ(verdict.category, "fork");
  EXPECT_NE(verdict.message.find("in held.json (signed by lv-mod"), std::string::npos);

  // The same two heads in one file, in either order.
  for (const auto& [older, newer] : {std::pair(heads_[0], other), std::pair(other, heads_[0])}) {
    verdict = VerifyProofFile(ConsistencyProofFile(older, newer, {}), keys_, {});
    EXPECT_EQ(verdict.exit_code, 1);
    EXPECT_EQ(verdict.category, "fork") << verdict.message;
    EXPECT_NE(verdict.message.find("the old and new heads are both of size 2"), std::string::npos)
        << verdict.message;
  }

  const std::string wrong =
      ConsistencyProofFile(heads_[0], heads_[2], store_->ConsistencyPath(kAgreement, 4, 6).value());
  EXPECT_EQ(VerifyProofFile(wrong, keys_, {}).category, "consistency");
}

TEST_F(LedgerVerifyTest, KnownHeadsAreReadFromProofFiles) {
  const std::string file =
      ConsistencyProofFile(heads_[0], heads_[1], store_->ConsistencyPath(kAgreement, 2, 4).value());
  Result<std::vector<KnownHead>> heads = ReadKnownHeads("c.json", file, keys_);
  ASSERT_TRUE(heads.ok()) << heads.error().ToString();
  ASSERT_EQ(heads.value().size(), 2u);
  EXPECT_EQ(heads.value()[1].head.head.tree_size, 4);
  EXPECT_FALSE(ReadKnownHeads("x.json", "{\"head\": 1}", keys_).ok());
}

}  // namespace
}  // namespace treaty::ledger::test
