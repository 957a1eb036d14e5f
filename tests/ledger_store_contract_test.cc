// The ledger store contract (ledger_store_contract.h): appends, idempotency, tree heads, proofs,
// concurrent writers and bad input, for every store; instantiated here for SQLite.
#include "ledger_store_contract.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/merkle_tree.h"
#include "ledger/verify.h"
#include "ledger_test_util.h"
#include "merkle_reference.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::ledger::test {
namespace {

constexpr const char* kAgreement = "lv-ua-2024";

const KeysFile& Keys() {
  static const KeysFile keys = TestKeys();
  return keys;
}

AppendRequest Request(std::vector<Event> events, const std::string& institution = "lv-mod") {
  AppendRequest request;
  request.agreement = kAgreement;
  request.submissions = std::move(events);
  request.key = TestKey(institution);
  request.keys = &Keys();
  return request;
}

// Appends `events`; fails the test (and returns an empty result) on an error.
AppendResult AppendOk(LedgerStore& store, std::vector<Event> events,
                      const std::string& institution = "lv-mod") {
  Result<AppendResult> result = store.Append(Request(std::move(events), institution));
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  return result.ok() ? result.value() : AppendResult{};
}

int64_t SizeOf(LedgerStore& store) {
  Result<std::optional<LedgerState>> state = store.State(kAgreement);
  EXPECT_TRUE(state.ok());
  return state.ok() && state.value() ? state.value()->tree_size : 0;
}

std::vector<Hash> LeafHashesOf(LedgerStore& store) {
  Result<std::vector<StoredEvent>> events = store.ReadEvents(kAgreement, 0, SizeOf(store));
  std::vector<Hash> leaves;
  if (!events.ok()) return leaves;
  for (const StoredEvent& event : events.value()) leaves.push_back(LeafHash(event.canonical));
  return leaves;
}

TEST_P(LedgerStoreContractTest, AnEmptyStoreHasNoLedger) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->ListLedgers().ok());
  EXPECT_TRUE(store->ListLedgers().value().empty());
  EXPECT_FALSE(store->State(kAgreement).value().has_value());
  EXPECT_FALSE(store->LatestTreeHead(kAgreement).value().has_value());
}

TEST_P(LedgerStoreContractTest, AnAppendNumbersTheLeavesAndSignsOneHead) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult result =
      AppendOk(*store, {Disbursement(100, "a"), Disbursement(200, "b"), Disbursement(300, "c")});
  ASSERT_EQ(result.events.size(), 3u);
  EXPECT_EQ(result.added, 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(result.events[i].leaf_index, i);
    EXPECT_FALSE(result.events[i].already_recorded);
  }
  ASSERT_TRUE(result.head.has_value());
  EXPECT_EQ(result.head->head.tree_size, 3);
  EXPECT_EQ(result.head->head.signer, "lv-mod");
  EXPECT_TRUE(VerifyTreeHead(result.head->head, result.head->signature,
                             PublicKeyFromSeed(TestKey("lv-mod").seed)));
  EXPECT_EQ(result.head->head.root_hash, MerkleTreeHash(LeafHashesOf(*store)));
  EXPECT_EQ(store->ListLedgers().value(), std::vector<std::string>{kAgreement});

  Result<std::vector<StoredEvent>> events = store->ReadEvents(kAgreement, 0, 3);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events.value().size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const StoredEvent& event = events.value()[i];
    EXPECT_EQ(event.id, result.events[i].id);
    EXPECT_EQ(event.recorded_at, result.head->head.timestamp);
    EXPECT_NE(event.canonical.find("\"id\":\"" + event.id + "\""), std::string::npos);
    ASSERT_TRUE(store->EventById(event.id).value().has_value());
    EXPECT_EQ(store->EventById(event.id).value()->leaf_index, i);
  }
  Result<std::optional<SignedTreeHead>> latest = store->LatestTreeHead(kAgreement);
  ASSERT_TRUE(latest.ok() && latest.value());
  EXPECT_EQ(latest.value()->head_bytes, result.head->head_bytes);
  EXPECT_EQ(latest.value()->signature, result.head->signature);
}

TEST_P(LedgerStoreContractTest, ARepeatedAppendAddsNothingAndReportsTheFirstEvents) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult first = AppendOk(*store, {Disbursement(100, "a"), Disbursement(200)});
  const AppendResult again = AppendOk(*store, {Disbursement(100, "a"), Disbursement(200)});
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.already_recorded, 2);
  EXPECT_FALSE(again.head.has_value());
  ASSERT_EQ(again.events.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_TRUE(again.events[i].already_recorded);
    EXPECT_EQ(again.events[i].id, first.events[i].id);
  }
  EXPECT_EQ(SizeOf(*store), 2);
  EXPECT_EQ(store->TreeHeads(kAgreement).value().size(), 1u);
}

TEST_P(LedgerStoreContractTest, AKeyRepeatedWithinOneAppendIsAddedOnce) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult result =
      AppendOk(*store, {Disbursement(100, "twice"), Disbursement(200), Disbursement(100, "twice")});
  EXPECT_EQ(result.added, 2);
  EXPECT_EQ(result.already_recorded, 1);
  ASSERT_EQ(result.events.size(), 3u);
  EXPECT_TRUE(result.events[2].already_recorded);
  EXPECT_EQ(result.events[2].id, result.events[0].id);
  EXPECT_EQ(SizeOf(*store), 2);
}

TEST_P(LedgerStoreContractTest, AKeyReusedWithOtherContentWritesNothing) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  AppendOk(*store, {Disbursement(100, "payment-1")});
  Result<AppendResult> reused =
      store->Append(Request({Disbursement(300, "fresh"), Disbursement(999, "payment-1")}));
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().where, "submissions[1].idempotency_key");
  EXPECT_NE(reused.error().message.find("reused with different content"), std::string::npos);
  EXPECT_EQ(SizeOf(*store), 1);
  EXPECT_EQ(store->TreeHeads(kAgreement).value().size(), 1u);
  Result<AppendResult> within =
      store->Append(Request({Disbursement(1, "twice"), Disbursement(2, "twice")}));
  ASSERT_FALSE(within.ok());
  EXPECT_EQ(SizeOf(*store), 1);
}

TEST_P(LedgerStoreContractTest, AnEventSignedWithTheWrongKeyWritesNothing) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  Result<AppendResult> result =
      store->Append(Request({Disbursement(100, "a", "lv-mod")}, "ua-mod"));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("event signed with the wrong key"), std::string::npos);
  EXPECT_FALSE(store->State(kAgreement).value().has_value());
  EXPECT_FALSE(store->LatestTreeHead(kAgreement).value().has_value());
}

TEST_P(LedgerStoreContractTest, AKeyWhoseSeedDoesNotMatchWritesNothing) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  AppendRequest request = Request({Disbursement(100, "a")});
  request.key.seed = DemoSeed("somebody else");
  Result<AppendResult> result = store->Append(request);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("does not match"), std::string::npos);
  EXPECT_EQ(SizeOf(*store), 0);
}

TEST_P(LedgerStoreContractTest, ACorrectionOfAnUnknownEventWritesNothing) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  AppendOk(*store, {Disbursement(100, "a")});
  Result<AppendResult> result = store->Append(
      Request({Disbursement(5, "b"), AmountCorrection("01946949-5e3b-75c3-af1e-9a407b6d13c8", 7)}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, "submissions[1].corrects");
  EXPECT_EQ(SizeOf(*store), 1);
}

TEST_P(LedgerStoreContractTest, ACorrectionPointsAtTheEventItCorrects) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult first = AppendOk(*store, {Disbursement(100, "a")});
  const AppendResult corrected = AppendOk(*store, {AmountCorrection(first.events[0].id, 90)});
  EXPECT_EQ(corrected.added, 1);
  Result<std::optional<StoredEvent>> row = store->EventById(corrected.events[0].id);
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(row.value()->corrects, first.events[0].id);
  EXPECT_EQ(row.value()->type, "correction");
}

// Every column of a stored event, for comparing rows read in different ways.
std::string ColumnsOf(const StoredEvent& row) {
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", row.agreement, row.leaf_index,
                     row.id, row.type, row.fact_date, row.recorded_at, row.institution,
                     row.classification, row.corrects, row.idempotency_key, ToHex(row.content_hash),
                     ToHex(row.leaf_hash), row.canonical);
}

TEST_P(LedgerStoreContractTest, RowsReadOverOthersHoldOnlyTheirOwnEvents) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult first = AppendOk(*store, {Disbursement(100, "a"), Disbursement(200, "b")});
  AppendOk(*store, {AmountCorrection(first.events[0].id, 90)});
  const std::vector<StoredEvent> fresh = store->ReadEvents(kAgreement, 0, 3).value();
  ASSERT_EQ(fresh.size(), 3u);
  ASSERT_FALSE(fresh[2].corrects.empty());

  // The correction over a disbursement and back, then fewer rows than the vector holds.
  std::vector<StoredEvent> rows = fresh;
  std::swap(rows[0], rows[2]);
  ASSERT_FALSE(store->ReadEventsInto(kAgreement, 0, 3, rows).has_value());
  ASSERT_EQ(rows.size(), 3u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(ColumnsOf(rows[i]), ColumnsOf(fresh[i])) << i;
  ASSERT_FALSE(store->ReadEventsInto(kAgreement, 2, 10, rows).has_value());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(ColumnsOf(rows[0]), ColumnsOf(fresh[2]));
  ASSERT_FALSE(store->ReadEventsInto(kAgreement, 1, 2, rows).has_value());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(ColumnsOf(rows[0]), ColumnsOf(fresh[1]));
  ASSERT_FALSE(store->ReadEventsInto(kAgreement, 3, 10, rows).has_value());
  EXPECT_TRUE(rows.empty());
}

TEST_P(LedgerStoreContractTest, EveryProofOfEveryHeadVerifies) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  int n = 0;
  for (int batch : {1, 2, 5, 12}) {
    std::vector<Event> events;
    for (int i = 0; i < batch; ++i) events.push_back(Disbursement(++n));
    AppendOk(*store, events);
  }
  Result<std::vector<SignedTreeHead>> heads = store->TreeHeads(kAgreement);
  ASSERT_TRUE(heads.ok());
  ASSERT_EQ(heads.value().size(), 4u);
  const std::vector<int64_t> sizes = {1, 3, 8, 20};
  const std::vector<Hash> leaves = LeafHashesOf(*store);
  for (size_t h = 0; h < heads.value().size(); ++h) {
    const TreeHead& head = heads.value()[h].head;
    EXPECT_EQ(head.tree_size, sizes[h]);
    EXPECT_EQ(store->Root(kAgreement, head.tree_size).value(), head.root_hash);
    for (int64_t leaf = 0; leaf < head.tree_size; ++leaf) {
      Result<std::vector<Hash>> path = store->InclusionPath(kAgreement, leaf, head.tree_size);
      ASSERT_TRUE(path.ok()) << path.error().ToString();
      EXPECT_TRUE(VerifyInclusion(leaf, head.tree_size, leaves[leaf], path.value(), head.root_hash))
          << "leaf " << leaf << " in " << head.tree_size;
    }
    for (size_t o = 0; o <= h; ++o) {
      const TreeHead& old_head = heads.value()[o].head;
      Result<std::vector<Hash>> path =
          store->ConsistencyPath(kAgreement, old_head.tree_size, head.tree_size);
      ASSERT_TRUE(path.ok()) << path.error().ToString();
      EXPECT_TRUE(VerifyConsistency(old_head.tree_size, head.tree_size, old_head.root_hash,
                                    head.root_hash, path.value()));
    }
  }
  EXPECT_FALSE(store->InclusionPath(kAgreement, 20, 20).ok());
  EXPECT_FALSE(store->InclusionPath(kAgreement, 0, 21).ok());
  EXPECT_FALSE(store->ConsistencyPath(kAgreement, 0, 3).ok());
  EXPECT_FALSE(store->ConsistencyPath(kAgreement, 5, 3).ok());
}

TEST_P(LedgerStoreContractTest, TheNodeCacheServesRootsPastItsFirstNode) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  AppendOk(*store, Disbursements(1, 200));
  AppendOk(*store, Disbursements(201, 100));
  Result<std::vector<CachedNodeRow>> nodes = store->CachedNodeRows(kAgreement);
  ASSERT_TRUE(nodes.ok());
  ASSERT_EQ(nodes.value().size(), 1u);
  EXPECT_EQ(nodes.value()[0].level, 8);
  const std::vector<Hash> leaves = LeafHashesOf(*store);
  EXPECT_EQ(nodes.value()[0].hash, MerkleTreeHash(std::span(leaves).first(256)));
  // Its children are the 256 leaf hashes, in order (§6.6).
  const std::string children(reinterpret_cast<const char*>(leaves.data()), 256 * sizeof(Hash));
  EXPECT_EQ(nodes.value()[0].children_sha256, Sha256(children));
  EXPECT_EQ(store->NodeChildren(kAgreement, 8, 0).value(), children);
  for (int64_t size : {255, 256, 257, 300}) {
    EXPECT_EQ(store->Root(kAgreement, size).value(), MerkleTreeHash(std::span(leaves).first(size)));
  }
}

TEST_P(LedgerStoreContractTest, FiltersSelectEventsInLeafOrder) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  AppendOk(*store, {Disbursement(1, "a"), Disbursement(2, "b", "lv-mod", "restricted")});
  AppendOk(*store, {Disbursement(3, "c", "ua-mod")}, "ua-mod");
  EventFilter filter;
  filter.agreement = kAgreement;
  EXPECT_EQ(store->FindEvents(filter).value().size(), 3u);
  filter.institution = "ua-mod";
  ASSERT_EQ(store->FindEvents(filter).value().size(), 1u);
  EXPECT_EQ(store->FindEvents(filter).value()[0].leaf_index, 2);
  filter = EventFilter{};
  filter.agreement = kAgreement;
  filter.classification = "restricted";
  ASSERT_EQ(store->FindEvents(filter).value().size(), 1u);
  EXPECT_EQ(store->FindEvents(filter).value()[0].leaf_index, 1);
  filter = EventFilter{};
  filter.agreement = kAgreement;
  filter.commitment = "sec_2__hcontainer_1__para_2__sent_2";
  filter.date_from = "2024-06-01";
  filter.date_to = "2024-06-01";
  filter.type = "disbursement";
  EXPECT_EQ(store->FindEvents(filter).value().size(), 3u);
  filter.commitment = "sec_9";
  EXPECT_TRUE(store->FindEvents(filter).value().empty());
  // A commitment's events page by leaf with the other filters, as the API's next_begin pages.
  filter.commitment = "sec_2__hcontainer_1__para_2__sent_2";
  filter.begin = 1;
  filter.limit = 1;
  ASSERT_EQ(store->FindEvents(filter).value().size(), 1u);
  EXPECT_EQ(store->FindEvents(filter).value()[0].leaf_index, 1);
  filter.institution = "ua-mod";
  ASSERT_EQ(store->FindEvents(filter).value().size(), 1u);
  EXPECT_EQ(store->FindEvents(filter).value()[0].leaf_index, 2);
  filter.begin = 3;
  EXPECT_TRUE(store->FindEvents(filter).value().empty());
  filter = EventFilter{};
  filter.agreement = kAgreement;
  filter.begin = 1;
  filter.limit = 1;
  ASSERT_EQ(store->FindEvents(filter).value().size(), 1u);
  EXPECT_EQ(store->FindEvents(filter).value()[0].leaf_index, 1);
}

// A correction has no date or commitments of its own: the date and commitment filters take those
// of the event it corrects, and the type filter its type besides the correction's own, so that a
// listing shows the corrections of what it lists.
TEST_P(LedgerStoreContractTest, ACorrectionIsFilteredByTheEventItCorrects) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  Event other = Disbursement(2, "other");
  other.content.type = EventType::kPledge;
  other.content.date = "2025-03-01";
  other.content.commitments = {"sec_1"};
  const AppendResult originals = AppendOk(*store, {Disbursement(1, "first"), other});
  AppendOk(*store, {AmountCorrection(originals.events[0].id, 90),
                    AmountCorrection(originals.events[1].id, 80)});
  EventFilter filter;
  filter.agreement = kAgreement;
  auto leaves = [&store, &filter] {
    Result<std::vector<StoredEvent>> events = store->FindEvents(filter);
    std::vector<int64_t> found;
    if (!events.ok()) {
      ADD_FAILURE() << events.error().ToString();
      return found;
    }
    for (const StoredEvent& event : events.value()) found.push_back(event.leaf_index);
    return found;
  };
  filter.date_from = "2024-06-01";
  filter.date_to = "2024-06-01";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{0, 2}));
  filter.type = "correction";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{2}));
  filter = EventFilter{};
  filter.agreement = kAgreement;
  filter.type = "pledge";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{1, 3}));
  filter.type = "disbursement";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{0, 2}));
  filter.type = "correction";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{2, 3}));
  filter = EventFilter{};
  filter.agreement = kAgreement;
  filter.commitment = "sec_1";
  EXPECT_EQ(leaves(), (std::vector<int64_t>{1, 3}));
  filter.begin = 2;
  EXPECT_EQ(leaves(), (std::vector<int64_t>{3}));
}

TEST_P(LedgerStoreContractTest, EventCommitmentRowsComeInPagesByCommitmentThenLeaf) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  std::vector<Event> events;
  for (int i = 1; i <= 5; ++i) events.push_back(Disbursement(i, "k" + std::to_string(i)));
  events[1].content.commitments = {"sec_1", "sec_2__hcontainer_1__para_2__sent_2"};
  events[3].content.commitments = {"sec_1"};
  AppendOk(*store, events);
  std::vector<EventCommitment> rows;
  std::optional<EventCommitment> after;
  for (;;) {
    Result<std::vector<EventCommitment>> page = store->ReadEventCommitments(kAgreement, after, 2);
    ASSERT_TRUE(page.ok()) << page.error().ToString();
    ASSERT_LE(page.value().size(), 2u);
    rows.insert(rows.end(), page.value().begin(), page.value().end());
    if (page.value().size() < 2) break;
    after = page.value().back();
  }
  std::map<std::string, std::vector<int64_t>> by_commitment;
  std::string previous;
  for (const EventCommitment& row : rows) {
    if (row.commitment_id != previous) {
      EXPECT_FALSE(by_commitment.contains(row.commitment_id)) << "rows of a commitment are apart";
      previous = row.commitment_id;
    }
    by_commitment[row.commitment_id].push_back(row.leaf_index);
  }
  const std::map<std::string, std::vector<int64_t>> expected = {
      {"sec_1", {1, 3}}, {"sec_2__hcontainer_1__para_2__sent_2", {0, 1, 2, 4}}};
  EXPECT_EQ(by_commitment, expected);
}

TEST_P(LedgerStoreContractTest, ConcurrentWritersNeverForkTheTreeOrLoseAnEvent) {
  constexpr int kThreads = 4;
  constexpr int kAppends = 15;
  std::vector<std::unique_ptr<LedgerStore>> connections;
  for (int t = 0; t < kThreads; ++t) {
    connections.push_back(Connect());
    ASSERT_NE(connections.back(), nullptr);
  }
  std::vector<std::vector<AppendedEvent>> acknowledged(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAppends; ++i) {
        const std::string key = "writer-" + std::to_string(t) + "-" + std::to_string(i);
        Result<AppendResult> result = connections[t]->Append(
            Request({Disbursement(1000 * t + i + 1, key + "-x"), Disbursement(7, key + "-y")}));
        if (!result.ok()) {
          failures[t] = result.error().ToString();
          return;
        }
        for (const AppendedEvent& event : result.value().events) acknowledged[t].push_back(event);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");

  auto store = Connect();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(SizeOf(*store), 2 * kThreads * kAppends);
  std::set<int64_t> leaves;
  for (const auto& events : acknowledged) {
    for (const AppendedEvent& event : events) {
      Result<std::optional<StoredEvent>> row = store->EventById(event.id);
      ASSERT_TRUE(row.ok() && row.value()) << event.id << " was acknowledged but is missing";
      EXPECT_EQ(row.value()->leaf_index, event.leaf_index);
      EXPECT_TRUE(leaves.insert(event.leaf_index).second)
          << "leaf " << event.leaf_index << " twice";
    }
  }
  Result<std::vector<SignedTreeHead>> heads = store->TreeHeads(kAgreement);
  ASSERT_TRUE(heads.ok());
  EXPECT_EQ(heads.value().size(), static_cast<size_t>(kThreads * kAppends));
  for (size_t i = 1; i < heads.value().size(); ++i) {
    EXPECT_EQ(heads.value()[i].head.tree_size, heads.value()[i - 1].head.tree_size + 2);
    EXPECT_GE(heads.value()[i].head.timestamp, heads.value()[i - 1].head.timestamp);
  }
  VerifyOptions options;
  options.keys = &Keys();
  Result<VerifyReport> report = VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
}

TEST_P(LedgerStoreContractTest, VerifyAcceptsWhatTheStoreAppended) {
  auto store = Connect();
  ASSERT_NE(store, nullptr);
  const AppendResult first = AppendOk(*store, {Disbursement(1, "a"), Disbursement(2, "b")});
  AppendOk(*store, {AmountCorrection(first.events[1].id, 3)});
  AppendOk(*store, {Disbursement(4, "d", "ua-mod")}, "ua-mod");
  VerifyOptions options;
  options.keys = &Keys();
  Result<VerifyReport> report = VerifyLedger(*store, kAgreement, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
  EXPECT_EQ(report.value().events, 4);
  EXPECT_EQ(report.value().heads, 3);
  EXPECT_EQ(report.value().root, store->State(kAgreement).value()->root_hash);
}

// A read snapshot sees what was committed when it began while another connection appends.
TEST_P(LedgerStoreContractTest, AReadSnapshotSeesOneMomentWhileAnotherConnectionAppends) {
  auto reader = Connect();
  auto writer = Connect();
  ASSERT_NE(reader, nullptr);
  ASSERT_NE(writer, nullptr);
  AppendOk(*writer, {Disbursement(1)});
  ASSERT_EQ(reader->BeginReadSnapshot(), std::nullopt);
  AppendOk(*writer, {Disbursement(2)});
  EXPECT_EQ(SizeOf(*reader), 1);
  EXPECT_EQ(reader->TreeHeads(kAgreement).value().size(), 1u);
  EXPECT_EQ(reader->ReadEvents(kAgreement, 0, 10).value().size(), 1u);
  EXPECT_NE(reader->BeginReadSnapshot(), std::nullopt);  // not nested
  EXPECT_EQ(SizeOf(*reader), 1);
  reader->EndReadSnapshot();
  EXPECT_EQ(SizeOf(*reader), 2);
  EXPECT_EQ(reader->TreeHeads(kAgreement).value().size(), 2u);
  AppendOk(*reader, {Disbursement(3)});  // the connection is free again
}

// Verify reads in one snapshot: appends committed while it runs are not half seen (a leaf
// without its head, a ledgers row ahead of the heads).
TEST_P(LedgerStoreContractTest, VerifyWhileAnotherConnectionAppendsFindsNothingWrong) {
  auto verifier = Connect();
  auto writer = Connect();
  ASSERT_NE(verifier, nullptr);
  ASSERT_NE(writer, nullptr);
  AppendOk(*writer, {Disbursement(1)});
  std::atomic<bool> done = false;
  std::thread appends([&] {
    for (int i = 2; i <= 120; ++i) AppendOk(*writer, {Disbursement(i)});
    done = true;
  });
  VerifyOptions options;
  options.keys = &Keys();
  options.chunk = 7;
  int runs = 0;
  while (!done || runs == 0) {
    Result<VerifyReport> report = VerifyLedger(*verifier, kAgreement, options);
    ++runs;
    EXPECT_TRUE(report.ok() && report.value().ok())
        << "run " << runs << ": "
        << (report.ok() ? report.value().mismatch : report.error().ToString());
    if (!report.ok() || !report.value().ok()) break;
  }
  appends.join();
}

// A fresh SQLite file in a folder of its own, removed with the object.
class SqliteStoreUnderTest : public StoreUnderTest {
 public:
  SqliteStoreUnderTest() {
    static int counter = 0;
    folder_ = std::filesystem::temp_directory_path() /
              ("treaty-contract-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  ~SqliteStoreUnderTest() override { std::filesystem::remove_all(folder_); }
  Result<std::unique_ptr<LedgerStore>> Connect() override {
    Result<std::unique_ptr<store::SqliteLedgerStore>> store =
        store::SqliteLedgerStore::Open((folder_ / "ledger.sqlite").string());
    if (!store.ok()) return store.error();
    return std::unique_ptr<LedgerStore>(std::move(store).value());
  }

 private:
  std::filesystem::path folder_;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerStoreContractTest,
                         ::testing::Values(StoreFactory{"Sqlite", [] {
                                                          return std::unique_ptr<StoreUnderTest>(
                                                              new SqliteStoreUnderTest());
                                                        }}));

}  // namespace
}  // namespace treaty::ledger::test
