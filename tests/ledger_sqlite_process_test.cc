// Separate processes appending to one SQLite ledger file at once (docs/ledger-format.md §6.3):
// BEGIN IMMEDIATE serialises them, so the tree never forks and no acknowledged event is lost.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "ledger/verify.h"
#include "ledger_test_util.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::ledger::test {
namespace {

constexpr int kProcesses = 4;
constexpr int kAppends = 20;

// Appends kAppends batches of two events as writer `writer`; the exit status says how it went.
int AppendAsChild(const std::string& path, int writer, const KeysFile& keys) {
  Result<std::unique_ptr<store::SqliteLedgerStore>> store = store::SqliteLedgerStore::Open(path);
  if (!store.ok()) return 2;
  for (int i = 0; i < kAppends; ++i) {
    const std::string key = "process-" + std::to_string(writer) + "-" + std::to_string(i);
    AppendRequest request;
    request.agreement = "lv-ua-2024";
    request.key = TestKey("lv-mod");
    request.keys = &keys;
    request.submissions = {Disbursement(writer * 1000 + i + 1, key + "-a"),
                           Disbursement(5, key + "-b")};
    if (!store.value()->Append(request).ok()) return 3;
  }
  return 0;
}

// An empty folder of this process's own under the system's temporary folder, named after `name`.
std::filesystem::path FreshFolder(const std::string& name) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("treaty-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

// A writer holding the write lock delays only other appends: opening the file and reading it do
// not wait for it (before, opening took the lock too, and failed after the 60 s busy timeout).
TEST(LedgerSqliteProcesses, AFileIsOpenedAndReadWhileAWriterHoldsItsLock) {
  const std::filesystem::path folder = FreshFolder("locked");
  const std::string path = (folder / "ledger.sqlite").string();
  ASSERT_TRUE(store::SqliteLedgerStore::Open(path).ok());
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  Result<std::unique_ptr<store::SqliteLedgerStore>> reader = store::SqliteLedgerStore::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().ToString();
  EXPECT_TRUE(reader.value()->State("lv-ua-2024").ok());
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  std::filesystem::remove_all(folder);
}

TEST(LedgerSqliteProcesses, ProcessesAppendingAtOnceNeverForkOrLoseAnEvent) {
  const std::filesystem::path folder = FreshFolder("processes");
  const std::string path = (folder / "ledger.sqlite").string();
  const KeysFile keys = TestKeys();
  {
    // Create the tables first, so that the children only append.
    ASSERT_TRUE(store::SqliteLedgerStore::Open(path).ok());
  }
  std::vector<pid_t> children;
  for (int writer = 0; writer < kProcesses; ++writer) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) _exit(AppendAsChild(path, writer, keys));
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer exit " << status;
  }

  auto store = store::SqliteLedgerStore::Open(path);
  ASSERT_TRUE(store.ok());
  const int64_t expected = 2 * kProcesses * kAppends;
  ASSERT_EQ(store.value()->State("lv-ua-2024").value()->tree_size, expected);
  Result<std::vector<StoredEvent>> events = store.value()->ReadEvents("lv-ua-2024", 0, expected);
  ASSERT_TRUE(events.ok());
  std::set<std::string> event_keys;
  for (const StoredEvent& event : events.value()) event_keys.insert(event.idempotency_key);
  EXPECT_EQ(event_keys.size(), static_cast<size_t>(expected));
  for (int writer = 0; writer < kProcesses; ++writer) {
    for (int i = 0; i < kAppends; ++i) {
      const std::string key = "process-" + std::to_string(writer) + "-" + std::to_string(i);
      EXPECT_TRUE(event_keys.contains(key + "-a")) << key;
      EXPECT_TRUE(event_keys.contains(key + "-b")) << key;
    }
  }
  EXPECT_EQ(store.value()->TreeHeads("lv-ua-2024").value().size(),
            static_cast<size_t>(kProcesses * kAppends));
  VerifyOptions options;
  options.keys = &keys;
  Result<VerifyReport> report = VerifyLedger(*store.value(), "lv-ua-2024", options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_TRUE(report.value().ok()) << report.value().mismatch;
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace treaty::ledger::test
