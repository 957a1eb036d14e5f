// The server's accounts and reviews on each database they can be kept in: an SQLite file and
// PostgreSQL (skipped without TREATY_TEST_POSTGRES_URL). Users, passwords, tokens that expire and
// are revoked at once for every store on the database, sessions, reviews, and opening that makes
// nothing where the token commands find no accounts.
#include <gtest/gtest.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ledger_postgres_test_server.h"
#include "views/http/account_store.h"
#include "views/http/review_store.h"

namespace treaty::test {
namespace {

class ServerAccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      schema_ = std::make_unique<PostgresTestSchema>();
      if (!schema_->ok()) return;
      db_ = schema_->url();
      return;
    }
    folder_ = std::filesystem::temp_directory_path() /
              ("treaty-accounts-" + std::to_string(::getpid()) + "-" +
               std::to_string(std::hash<std::string>()(
                   ::testing::UnitTest::GetInstance()->current_test_info()->name())));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    db_ = (folder_ / "server.sqlite").string();
  }
  void TearDown() override {
    std::error_code ec;
    if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
  }

  // A store on the test's database; nullptr (and a failure) when it cannot be opened.
  std::unique_ptr<http::AccountStore> Accounts() {
    Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(db_);
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
  std::unique_ptr<http::ReviewStore> Reviews(const std::string& agreement) {
    Result<std::unique_ptr<http::ReviewStore>> store = http::ReviewStore::Open(db_, agreement);
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::string db_;
  std::unique_ptr<PostgresTestSchema> schema_;
  std::filesystem::path folder_;
};

TEST_P(ServerAccountsTest, UsersAreAddedOnceAndSignInWithTheirPasswordOnly) {
  std::unique_ptr<http::AccountStore> store = Accounts();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  Result<http::User> recorder =
      store->AddUser("lv.mod-1", "recorder-password", http::Role::kRecorder, "lv-mod");
  ASSERT_TRUE(recorder.ok()) << recorder.error().ToString();
  Result<http::User> again = store->AddUser("rita", "other-password", http::Role::kAdmin, "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().ToString(), "name: the user \"rita\" exists already");
  EXPECT_EQ(store->AddUser("Rita", "rita-password", http::Role::kReader, "").error().where, "name");
  EXPECT_EQ(store->AddUser("sara", "short", http::Role::kReader, "").error().where, "password");
  EXPECT_EQ(store->AddUser("rob", "rob-password", http::Role::kRecorder, "").error().where,
            "institution");

  const std::vector<http::ListedUser> users = store->Users().value();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].user.name, "lv.mod-1");
  EXPECT_EQ(users[0].user.role, http::Role::kRecorder);
  EXPECT_EQ(users[0].user.institution, "lv-mod");
  EXPECT_EQ(users[1].user.name, "rita");
  EXPECT_EQ(users[1].user.role, http::Role::kReader);
  EXPECT_EQ(users[1].user.institution, "");
  EXPECT_FALSE(users[0].locked || users[1].locked);

  std::optional<http::User> signed_in = store->CheckPassword("rita", "rita-password").value();
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_EQ(signed_in->name, "rita");
  EXPECT_FALSE(store->CheckPassword("rita", "other-password").value().has_value());
  EXPECT_FALSE(store->CheckPassword("nobody", "rita-password").value().has_value());
  EXPECT_FALSE(store->FindUser("nobody").value().has_value());
}

// Latvian and Ukrainian staff sign in under their own names, in whatever normalisation form
// their keyboard sends: "jānis.bērziņš" typed as NFD is the same user.
TEST_P(ServerAccountsTest, UserNamesOfAnyAlphabetAreOneUserInEveryNormalisationForm) {
  std::unique_ptr<http::AccountStore> store = Accounts();
  ASSERT_NE(store, nullptr);
  const std::string nfc = "j\u0101nis.b\u0113rzi\u0146\u0161";
  const std::string nfd = "ja\u0304nis.be\u0304rzin\u0327s\u030c";
  Result<http::User> janis = store->AddUser(nfd, "janis-password", http::Role::kRecorder, "lv-mod");
  ASSERT_TRUE(janis.ok()) << janis.error().ToString();
  EXPECT_EQ(janis.value().name, nfc);
  ASSERT_TRUE(
      store->AddUser("\u043e\u043b\u0435\u043d\u0430", "olena-password", http::Role::kReader, "")
          .ok());
  EXPECT_EQ(store->AddUser(nfc, "other-password", http::Role::kReader, "").error().ToString(),
            "name: the user \"" + nfc + "\" exists already");
  for (const std::string& wrong :
       {std::string("J\u0101nis"), std::string("j\u0101nis b\u0113rzi\u0146\u0161"),
        std::string(".janis"), std::string("janis\u00b7x"), std::string(65, 'a'), std::string(),
        std::string("jan\xffis")}) {
    Result<http::User> refused = store->AddUser(wrong, "long-password", http::Role::kReader, "");
    ASSERT_FALSE(refused.ok()) << wrong;
    EXPECT_EQ(refused.error().where, "name") << wrong;
    EXPECT_NE(refused.error().message.find("lowercase letters of any alphabet"), std::string::npos);
  }
  EXPECT_TRUE(store->AddUser(std::string(64, 'a'), "long-password", http::Role::kReader, "").ok());

  for (const std::string& typed : {nfc, nfd}) {
    std::optional<http::User> signed_in = store->CheckPassword(typed, "janis-password").value();
    ASSERT_TRUE(signed_in.has_value());
    EXPECT_EQ(signed_in->name, nfc);
    Result<http::NewToken> token = store->CreateToken(typed, "laptop", std::nullopt);
    ASSERT_TRUE(token.ok()) << token.error().ToString();
    EXPECT_EQ(token.value().info.user, nfc);
    EXPECT_EQ(store->UserByToken(token.value().token).value()->name, nfc);
    EXPECT_EQ(store->Tokens(typed).value().size(), typed == nfc ? 1u : 2u);
  }
}

TEST_P(ServerAccountsTest, AnExpiredTokenIsRefusedAndListedAsExpired) {
  std::unique_ptr<http::AccountStore> store = Accounts();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  Result<http::NewToken> expired = store->CreateToken("rita", "old", 0);
  ASSERT_TRUE(expired.ok());
  EXPECT_FALSE(store->UserByToken(expired.value().token).value().has_value());
  Result<http::NewToken> valid = store->CreateToken("rita", "new", 3600);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(store->UserByToken(valid.value().token).value()->name, "rita");
  Result<http::NewToken> lasting = store->CreateToken("rita", "lasting", std::nullopt);
  ASSERT_TRUE(lasting.ok());
  EXPECT_TRUE(store->UserByToken(lasting.value().token).value().has_value());
  // In the order they were made, though made in the same second.
  const std::vector<http::TokenInfo> tokens = store->Tokens("rita").value();
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].label, "old");
  EXPECT_EQ(http::TokenState(tokens[0], std::time(nullptr)), "expired");
  EXPECT_EQ(tokens[1].label, "new");
  EXPECT_EQ(tokens[1].expires_at, tokens[1].created_at + 3600);
  EXPECT_EQ(tokens[2].id, lasting.value().info.id);
  EXPECT_FALSE(tokens[2].expires_at.has_value());
  EXPECT_FALSE(store->UserByToken("trt_" + std::string(64, '0')).value().has_value());
  EXPECT_FALSE(store->CreateToken("rita", "bad", -1).ok());
  EXPECT_FALSE(store->CreateToken("rita", "bad", http::kMaxTokenSeconds + 1).ok());
  EXPECT_FALSE(store->CreateToken("nobody", "x", std::nullopt).ok());
  EXPECT_EQ(store->Tokens("nobody").error().message, "no user \"nobody\"");
  EXPECT_EQ(store->Tokens("").value().size(), 3u);
}

TEST_P(ServerAccountsTest, RevokingNamesTheTokenOnceAndRefusesOtherIds) {
  std::unique_ptr<http::AccountStore> store = Accounts();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  ASSERT_TRUE(store->AddUser("vera", "vera-password", http::Role::kReviewer, "").ok());
  const http::NewToken token = store->CreateToken("rita", "x", std::nullopt).value();
  // Not vera's to revoke.
  EXPECT_EQ(store->RevokeToken(token.info.id, "vera").error().where, "id");
  EXPECT_TRUE(store->UserByToken(token.token).value().has_value());
  Result<http::TokenInfo> first = store->RevokeToken(token.info.id, "rita");
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  ASSERT_TRUE(first.value().revoked_at.has_value());
  // Revoking again keeps the first time.
  EXPECT_EQ(store->RevokeToken(token.info.id, "").value().revoked_at, first.value().revoked_at);
  EXPECT_FALSE(store->UserByToken(token.token).value().has_value());
  EXPECT_EQ(store->RevokeToken("000000000000", "").error().message,
            "no token has the id 000000000000");
  for (const std::string& bad :
       std::vector<std::string>{"", "abc", token.info.id.substr(0, 11), token.info.id + "0",
                                "ABCDEF012345", "'; DROP TABLE"}) {
    Result<http::TokenInfo> refused = store->RevokeToken(bad, "");
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().where, "id") << bad;
  }
}

// Several servers (and the token commands) on one database: what one does, the others see at
// their next request.
TEST_P(ServerAccountsTest, ARevocationReachesEveryStoreOnTheDatabaseAtOnce) {
  std::unique_ptr<http::AccountStore> first = Accounts();
  std::unique_ptr<http::AccountStore> second = Accounts();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(first->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  EXPECT_TRUE(second->CheckPassword("rita", "rita-password").value().has_value());
  const http::NewToken token = second->CreateToken("rita", "x", std::nullopt).value();
  EXPECT_TRUE(first->UserByToken(token.token).value().has_value());
  ASSERT_TRUE(second->RevokeToken(token.info.id, "").ok());
  EXPECT_FALSE(first->UserByToken(token.token).value().has_value());
  const http::NewSession session = first->CreateSession("rita", 3600).value();
  EXPECT_TRUE(second->FindSession(session.id).value().has_value());
  EXPECT_TRUE(second->DeleteSession(session.id).value());
  EXPECT_FALSE(first->FindSession(session.id).value().has_value());
}

// Someone who left is locked out at once, by every store on the database; a new password lets
// them in again, without the tokens the lock revoked.
TEST_P(ServerAccountsTest, ALockedUserSignsInNoMoreAndANewPasswordLetsThemIn) {
  std::unique_ptr<http::AccountStore> first = Accounts();
  std::unique_ptr<http::AccountStore> second = Accounts();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(first->AddUser("leaver", "leaver-password", http::Role::kReader, "").ok());
  ASSERT_TRUE(first->AddUser("stayer", "stayer-password", http::Role::kReader, "").ok());
  const http::NewToken token = first->CreateToken("leaver", "laptop", std::nullopt).value();
  const http::NewToken kept = first->CreateToken("stayer", "laptop", std::nullopt).value();
  const http::NewSession session = first->CreateSession("leaver", 3600).value();
  const http::NewSession other = first->CreateSession("stayer", 3600).value();

  ASSERT_TRUE(second->Lock("leaver").ok());
  const auto locked = [&first](const char* name) {
    const std::vector<http::ListedUser> users = first->Users().value();
    for (const http::ListedUser& listed : users) {
      if (listed.user.name == name) return listed.locked;
    }
    ADD_FAILURE() << "no user " << name;
    return false;
  };
  EXPECT_TRUE(locked("leaver"));
  EXPECT_FALSE(locked("stayer"));
  EXPECT_FALSE(first->CheckPassword("leaver", "leaver-password").value().has_value());
  EXPECT_FALSE(first->UserByToken(token.token).value().has_value());
  EXPECT_FALSE(first->FindSession(session.id).value().has_value());
  EXPECT_TRUE(first->UserByToken(kept.token).value().has_value());
  EXPECT_TRUE(first->FindSession(other.id).value().has_value());

  ASSERT_TRUE(second->SetPassword("leaver", "a-new-password").ok());
  EXPECT_FALSE(locked("leaver"));
  EXPECT_TRUE(first->CheckPassword("leaver", "a-new-password").value().has_value());
  EXPECT_FALSE(first->UserByToken(token.token).value().has_value());

  EXPECT_EQ(first->Lock("nobody").error().ToString(), "name: no user \"nobody\"");
  EXPECT_EQ(first->SetPassword("leaver", "short").error().where, "password");
  EXPECT_TRUE(first->CheckPassword("leaver", "a-new-password").value().has_value());
}

// A new role holds from the user's next request: their session and token read it, on every
// store of the database.
TEST_P(ServerAccountsTest, ARoleChangeHoldsForTheUsersSessionsAndTokens) {
  std::unique_ptr<http::AccountStore> first = Accounts();
  std::unique_ptr<http::AccountStore> second = Accounts();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(first->AddUser("mover", "mover-password", http::Role::kReader, "").ok());
  const http::NewSession session = first->CreateSession("mover", 3600).value();
  const http::NewToken token = first->CreateToken("mover", "laptop", std::nullopt).value();

  Result<http::User> changed = second->SetRole("mover", http::Role::kRecorder, "lv-mod");
  ASSERT_TRUE(changed.ok()) << changed.error().ToString();
  EXPECT_EQ(changed.value().institution, "lv-mod");
  const std::optional<http::SessionUser> by_session = first->FindSession(session.id).value();
  ASSERT_TRUE(by_session.has_value());
  EXPECT_EQ(by_session->user.role, http::Role::kRecorder);
  EXPECT_EQ(by_session->user.institution, "lv-mod");
  const std::optional<http::User> by_token = first->UserByToken(token.token).value();
  ASSERT_TRUE(by_token.has_value());
  EXPECT_EQ(by_token->role, http::Role::kRecorder);

  ASSERT_TRUE(first->SetRole("mover", http::Role::kReviewer, "").ok());
  EXPECT_EQ(first->UserByToken(token.token).value()->institution, "");
  EXPECT_EQ(first->SetRole("nobody", http::Role::kReader, "").error().ToString(),
            "name: no user \"nobody\"");
  EXPECT_EQ(first->SetRole("mover", http::Role::kRecorder, "").error().where, "institution");
  EXPECT_EQ(first->SetRole("mover", http::Role::kAdmin, "lv-mod").error().where, "institution");
  EXPECT_EQ(first->UserByToken(token.token).value()->role, http::Role::kReviewer);
}

TEST_P(ServerAccountsTest, SessionsLastTheirLifetimeAndEndWhenDeleted) {
  std::unique_ptr<http::AccountStore> store = Accounts();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUser("vera", "vera-password", http::Role::kReviewer, "").ok());
  const http::NewSession session = store->CreateSession("vera", 3600).value();
  EXPECT_EQ(session.id.size(), 64u);
  std::optional<http::SessionUser> found = store->FindSession(session.id).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user.name, "vera");
  EXPECT_EQ(found->user.role, http::Role::kReviewer);
  EXPECT_EQ(found->csrf, session.csrf);
  const http::NewSession ended = store->CreateSession("vera", -60).value();
  EXPECT_FALSE(store->FindSession(ended.id).value().has_value());
  EXPECT_FALSE(store->FindSession(std::string(64, 'a')).value().has_value());
  EXPECT_TRUE(store->DeleteSession(session.id).value());
  EXPECT_FALSE(store->FindSession(session.id).value().has_value());
  EXPECT_FALSE(store->DeleteSession(session.id).value());
}

// `treaty token list|create|revoke` open with kRefuse: a database without accounts is named, and
// left without account tables.
TEST_P(ServerAccountsTest, TheTokenCommandsMakeNoAccountsWhereThereAreNone) {
  Result<std::unique_ptr<http::AccountStore>> refused =
      http::AccountStore::Open(db_, http::AccountTablesMissing::kRefuse);
  ASSERT_FALSE(refused.ok());
  if (GetParam() == "postgresql") {
    EXPECT_NE(refused.error().message.find("holds no accounts"), std::string::npos)
        << refused.error().ToString();
    pqxx::nontransaction session(schema_->admin());
    EXPECT_TRUE(session.exec1("SELECT to_regclass('http_users') IS NULL")[0].as<bool>());
  } else {
    EXPECT_EQ(refused.error().ToString(),
              db_ + ": no such accounts file (treaty user add makes it with its first user)");
    EXPECT_FALSE(std::filesystem::exists(db_));
  }
  ASSERT_TRUE(Reviews("lv-ua-2024") != nullptr);
  refused = http::AccountStore::Open(db_, http::AccountTablesMissing::kRefuse);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("holds no accounts"), std::string::npos)
      << refused.error().ToString();
  ASSERT_TRUE(Accounts()->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  refused = http::AccountStore::Open(db_, http::AccountTablesMissing::kRefuse);
  ASSERT_TRUE(refused.ok()) << refused.error().ToString();
  EXPECT_EQ(refused.value()->Users().value().size(), 1u);
}

TEST_P(ServerAccountsTest, ReviewsAreNumberedInOrderAndKeptPerAgreement) {
  std::unique_ptr<http::ReviewStore> reviews = Reviews("lv-ua-2024");
  std::unique_ptr<http::ReviewStore> other = Reviews("ee-ua-2024");
  ASSERT_NE(reviews, nullptr);
  ASSERT_NE(other, nullptr);
  const nlohmann::json entry = {{"commitment", "c1"}, {"decision", "accept"}};
  Result<http::StoredReview> first = reviews->Add("c1", entry, "vera");
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  Result<http::StoredReview> second = reviews->Add("c2", {{"commitment", "c2"}}, "vera");
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second.value().number, first.value().number);
  ASSERT_TRUE(other->Add("c1", entry, "eve").ok());
  ASSERT_TRUE(reviews->Add("c1", entry, "ivo").ok());

  const std::vector<http::StoredReview> all = reviews->List("").value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].commitment, "c1");
  EXPECT_EQ(all[0].entry, entry);
  EXPECT_EQ(all[0].reviewer, "vera");
  EXPECT_EQ(all[0].reviewed_at, first.value().reviewed_at);
  EXPECT_EQ(all[1].commitment, "c2");
  EXPECT_EQ(all[2].reviewer, "ivo");
  const std::vector<http::StoredReview> of_c1 = Reviews("lv-ua-2024")->List("c1").value();
  ASSERT_EQ(of_c1.size(), 2u);
  EXPECT_EQ(of_c1[0].reviewer, "vera");
  EXPECT_EQ(of_c1[1].reviewer, "ivo");
  ASSERT_EQ(other->List("").value().size(), 1u);
  EXPECT_EQ(other->List("").value()[0].reviewer, "eve");
}

// Servers started at once on a new database make its tables once, and each opens.
TEST_P(ServerAccountsTest, ServersStartingAtOnceEachOpenTheTables) {
  constexpr int kServers = 4;
  std::vector<std::optional<Error>> errors(kServers);
  std::vector<std::thread> servers;
  for (int i = 0; i < kServers; ++i) {
    servers.emplace_back([this, i, &errors] {
      Result<std::unique_ptr<http::AccountStore>> accounts = http::AccountStore::Open(db_);
      Result<std::unique_ptr<http::ReviewStore>> reviews =
          http::ReviewStore::Open(db_, "lv-ua-2024");
      if (!accounts.ok()) errors[i] = accounts.error();
      if (!reviews.ok()) errors[i] = reviews.error();
    });
  }
  for (std::thread& server : servers) server.join();
  for (const std::optional<Error>& error : errors) {
    EXPECT_FALSE(error.has_value()) << error->ToString();
  }
}

// After a restart of PostgreSQL a server's stores connect again: a read at once, a change (which
// is not repeated, as it may have been committed) from the next call on.
TEST_P(ServerAccountsTest, StoresWhoseConnectionWasLostConnectAgain) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "PostgreSQL only";
  Result<std::unique_ptr<http::AccountStore>> opened =
      http::AccountStore::Open(schema_->UrlOf("accounts"));
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  http::AccountStore& accounts = *opened.value();
  Result<std::unique_ptr<http::ReviewStore>> reviews =
      http::ReviewStore::Open(schema_->UrlOf("reviews"), "lv-ua-2024");
  ASSERT_TRUE(reviews.ok()) << reviews.error().ToString();
  ASSERT_TRUE(accounts.AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  const http::NewToken token = accounts.CreateToken("rita", "x", std::nullopt).value();

  ASSERT_EQ(schema_->EndSessionsOf("accounts"), 1);
  Result<std::optional<http::User>> user = accounts.UserByToken(token.token);
  ASSERT_TRUE(user.ok()) << user.error().ToString();
  EXPECT_EQ(user.value()->name, "rita");

  ASSERT_EQ(schema_->EndSessionsOf("accounts"), 1);
  EXPECT_FALSE(accounts.CreateSession("rita", 3600).ok());
  Result<http::NewSession> session = accounts.CreateSession("rita", 3600);
  ASSERT_TRUE(session.ok()) << session.error().ToString();
  EXPECT_TRUE(accounts.FindSession(session.value().id).value().has_value());

  ASSERT_EQ(schema_->EndSessionsOf("reviews"), 1);
  Result<std::vector<http::StoredReview>> listed = reviews.value()->List("");
  ASSERT_TRUE(listed.ok()) << listed.error().ToString();
  EXPECT_TRUE(listed.value().empty());
}

TEST_P(ServerAccountsTest, AServerThatCannotBeReachedIsNamedWithoutItsPassword) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "PostgreSQL only";
  Result<std::unique_ptr<http::AccountStore>> store =
      http::AccountStore::Open("postgresql://treaty:s3cret@127.0.0.1:1/treaty");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().where, "postgresql://treaty:***@127.0.0.1:1/treaty");
  EXPECT_EQ(store.error().ToString().find("s3cret"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, ServerAccountsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace treaty::test
