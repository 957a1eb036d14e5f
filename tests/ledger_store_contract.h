// The contract every ledger store (ledger::LedgerStore) must keep, as one value-parameterised
// GoogleTest suite: appends, idempotency, tree heads, proofs, concurrent writers and bad input.
// The cases live in ledger_store_contract_test.cc; each store instantiates the suite with a
// factory that makes a fresh, empty store:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerStoreContractTest,
//                            ::testing::Values(StoreFactory{"Sqlite", MakeSqliteStore}));
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/result.h"
#include "ledger/ledger_store.h"

namespace treaty::ledger::test {

// One fresh, empty store (a database file, a schema) that lives as long as this object.
class StoreUnderTest {
 public:
  virtual ~StoreUnderTest() = default;
  // A new connection to this store. Tests open one per thread (a LedgerStore is not thread-safe).
  virtual Result<std::unique_ptr<LedgerStore>> Connect() = 0;
};

struct StoreFactory {
  std::string name;  // shown in test names and failures: "Sqlite", "Postgres"
  // Makes a fresh, empty store; nullptr when the store cannot be made (the test then fails).
  std::function<std::unique_ptr<StoreUnderTest>()> make;
};

inline void PrintTo(const StoreFactory& factory, std::ostream* out) { *out << factory.name; }

class LedgerStoreContractTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam().make();
    if (store_ == nullptr) GTEST_FAIL() << "cannot make a fresh " << GetParam().name << " store";
  }

  // A new connection to the test's store; nullptr (and a test failure) when it cannot be opened.
  std::unique_ptr<LedgerStore> Connect() {
    Result<std::unique_ptr<LedgerStore>> connection = store_->Connect();
    EXPECT_TRUE(connection.ok()) << connection.error().ToString();
    return connection.ok() ? std::move(connection).value() : nullptr;
  }

  std::unique_ptr<StoreUnderTest> store_;
};

}  // namespace treaty::ledger::test
