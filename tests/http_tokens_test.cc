// API tokens: they expire, they can be revoked at once, each user sees and revokes only their own
// (an admin everyone's), and account files made before tokens had these columns keep working.
#include <sqlite3.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "http_test_support.h"
#include "ledger/timestamp.h"
#include "views/http/account_store.h"

namespace treaty::test {
namespace {

class HttpTokensTest : public HttpTest {
 protected:
  // A request authenticated by `token` itself rather than by a user's fixture token.
  static http::HttpResponse SendWithToken(const std::string& method, const std::string& target,
                                          const std::string& token) {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.remote = "127.0.0.1";
    request.headers["authorization"] = "Bearer " + token;
    return app_->Handle(request);
  }
};

TEST_F(HttpTokensTest, ARevokedTokenIsRefusedAtOnce) {
  const http::HttpResponse created =
      Send("POST", "/api/v1/tokens", "rita", R"({"label": "laptop"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json token = nlohmann::json::parse(created.body);
  EXPECT_EQ(token["label"], "laptop");
  EXPECT_EQ(token["state"], "valid");
  EXPECT_EQ(token["token"].get<std::string>().rfind("trt_", 0), 0u);
  // 90 days by default.
  EXPECT_EQ(token["expires_at"].get<std::string>().substr(0, 10),
            ledger::FormatTimestamp((std::time(nullptr) + 90 * 86400) * 1000000LL).substr(0, 10));
  const std::string secret = token["token"];
  const std::string id = token["id"];
  EXPECT_EQ(SendWithToken("GET", "/api/v1/me", secret).status, 200);

  // Another reader cannot revoke it, nor see it.
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/" + id, "vera").status, 404);
  const nlohmann::json others = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "vera").body);
  for (const nlohmann::json& listed : others["tokens"]) EXPECT_NE(listed["id"], id);
  EXPECT_EQ(SendWithToken("GET", "/api/v1/me", secret).status, 200);

  const http::HttpResponse revoked = Send("DELETE", "/api/v1/tokens/" + id, "rita");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(nlohmann::json::parse(revoked.body)["state"], "revoked");
  EXPECT_EQ(SendWithToken("GET", "/api/v1/me", secret).status, 401);

  const nlohmann::json own = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "rita").body);
  bool listed_revoked = false;
  for (const nlohmann::json& listed : own["tokens"]) {
    EXPECT_FALSE(listed.contains("token"));
    if (listed["id"] == id) listed_revoked = listed["state"] == "revoked";
  }
  EXPECT_TRUE(listed_revoked) << own.dump();
}

TEST_F(HttpTokensTest, AnAdminSeesAndRevokesAnyonesTokens) {
  const nlohmann::json token =
      nlohmann::json::parse(Send("POST", "/api/v1/tokens", "lauris", "{}").body);
  const std::string id = token["id"];
  const nlohmann::json all = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "ada").body);
  bool seen = false;
  for (const nlohmann::json& listed : all["tokens"]) seen = seen || listed["id"] == id;
  EXPECT_TRUE(seen);
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/" + id, "ada").status, 200);
  EXPECT_EQ(SendWithToken("GET", "/api/v1/me", token["token"]).status, 401);
}

TEST_F(HttpTokensTest, ALifetimeOutOfRangeIsRefusedAndNoneIsKept) {
  for (const char* body : {R"({"expires_in_days": 0})", R"({"expires_in_days": 3651})",
                           R"({"expires_in_days": "30"})", R"({"expires_in_days": 1.5})"}) {
    const http::HttpResponse response = Send("POST", "/api/v1/tokens", "rita", body);
    EXPECT_EQ(response.status, 422) << body;
    EXPECT_NE(response.body.find("expires_in_days"), std::string::npos) << response.body;
  }
  const nlohmann::json never = nlohmann::json::parse(
      Send("POST", "/api/v1/tokens", "rita", R"({"expires_in_days": null})").body);
  EXPECT_TRUE(never["expires_at"].is_null());
  EXPECT_EQ(never["state"], "valid");
}

TEST(AccountStoreTokens, AnExpiredTokenIsRefusedAndListedAsExpired) {
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  Result<http::NewToken> expired = store.value()->CreateToken("rita", "old", 0);
  ASSERT_TRUE(expired.ok());
  EXPECT_FALSE(store.value()->UserByToken(expired.value().token).value().has_value());
  Result<http::NewToken> valid = store.value()->CreateToken("rita", "new", 3600);
  ASSERT_TRUE(valid.ok());
  EXPECT_TRUE(store.value()->UserByToken(valid.value().token).value().has_value());
  const std::vector<http::TokenInfo> tokens = store.value()->Tokens("rita").value();
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(http::TokenState(tokens[0], std::time(nullptr)), "expired");
  EXPECT_EQ(http::TokenState(tokens[1], std::time(nullptr)), "valid");
  EXPECT_FALSE(store.value()->CreateToken("rita", "bad", -1).ok());
  EXPECT_FALSE(store.value()->CreateToken("nobody", "x", std::nullopt).ok());
}

TEST(AccountStoreTokens, RevokingNamesTheTokenOnceAndRefusesOtherIds) {
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
  const http::NewToken token = store.value()->CreateToken("rita", "x", std::nullopt).value();
  Result<http::TokenInfo> first = store.value()->RevokeToken(token.info.id);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  ASSERT_TRUE(first.value().revoked_at.has_value());
  // Revoking again keeps the first time.
  EXPECT_EQ(store.value()->RevokeToken(token.info.id).value().revoked_at, first.value().revoked_at);
  EXPECT_FALSE(store.value()->UserByToken(token.token).value().has_value());
  EXPECT_EQ(store.value()->RevokeToken("000000000000").error().message,
            "no token has the id 000000000000");
  for (const std::string& bad :
       std::vector<std::string>{"", "abc", token.info.id.substr(0, 11), token.info.id + "0",
                                "ABCDEF012345", "'; DROP TABLE"}) {
    Result<http::TokenInfo> refused = store.value()->RevokeToken(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().where, "id") << bad;
  }
}

// A file whose token table predates expiry and revocation: its tokens keep working and can be
// revoked.
TEST(AccountStoreTokens, TokensOfAnOlderFileKeepWorking) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("treaty-old-accounts-" + std::to_string(::getpid()) + ".sqlite"))
                               .string();
  std::filesystem::remove(path);
  std::string token;
  {
    Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->AddUser("rita", "rita-password", http::Role::kReader, "").ok());
    token = store.value()->CreateToken("rita", "x", std::nullopt).value().token;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "ALTER TABLE http_tokens DROP COLUMN expires_at; "
                         "ALTER TABLE http_tokens DROP COLUMN revoked_at;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  EXPECT_TRUE(store.value()->UserByToken(token).value().has_value());
  const std::vector<http::TokenInfo> tokens = store.value()->Tokens("").value();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_FALSE(tokens[0].expires_at.has_value());
  ASSERT_TRUE(store.value()->RevokeToken(tokens[0].id).ok());
  EXPECT_FALSE(store.value()->UserByToken(token).value().has_value());
  store.value().reset();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace treaty::test
