// API tokens: they are made by a person signed in with a session (never by another token), they
// expire, they can be revoked at once, each user sees and revokes only their own (an admin
// everyone's), and account files made before tokens had these columns keep working.
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
  // A session of `user`, signed in through the API.
  struct Session {
    std::string cookie;
    std::string csrf;
  };
  static Session SignIn(const std::string& user) {
    http::HttpRequest request;
    request.method = "POST";
    request.target = "/api/v1/session";
    request.remote = "127.0.0.4";
    request.headers["content-type"] = "application/json";
    request.body = nlohmann::json{{"name", user}, {"password", user + "-password"}}.dump();
    const http::HttpResponse response = app_->Handle(request);
    EXPECT_EQ(response.status, 201) << response.body;
    const std::string cookie = Header(response, "Set-Cookie");
    return {cookie.substr(0, cookie.find(';')),
            nlohmann::json::parse(response.body)["csrf"].get<std::string>()};
  }

  // A request in `session`, with its CSRF token.
  static http::HttpResponse InSession(const Session& session, const std::string& method,
                                      const std::string& target, const std::string& body = "") {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.remote = "127.0.0.4";
    request.headers["cookie"] = session.cookie;
    request.headers["x-csrf-token"] = session.csrf;
    if (!body.empty()) request.headers["content-type"] = "application/json";
    request.body = body;
    return app_->Handle(request);
  }

  // A request authenticated by `token` itself rather than by a user's fixture token.
  static http::HttpResponse WithToken(const std::string& method, const std::string& target,
                                      const std::string& token) {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.remote = "127.0.0.4";
    request.headers["authorization"] = "Bearer " + token;
    return app_->Handle(request);
  }

  // A token `user` makes in a session of their own; its JSON.
  static nlohmann::json MakeToken(const std::string& user, const std::string& body = "{}") {
    const http::HttpResponse made = InSession(SignIn(user), "POST", "/api/v1/tokens", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return made.status == 201 ? nlohmann::json::parse(made.body) : nlohmann::json::object();
  }
};

TEST_F(HttpTokensTest, ARevokedTokenIsRefusedAtOnce) {
  const nlohmann::json token = MakeToken("rita", R"({"label": "laptop"})");
  EXPECT_EQ(token["label"], "laptop");
  EXPECT_EQ(token["state"], "valid");
  EXPECT_EQ(token["token"].get<std::string>().rfind("trt_", 0), 0u);
  // 90 days by default.
  const int64_t created = ledger::ParseTimestamp(token["created_at"].get<std::string>()).value();
  const int64_t expires = ledger::ParseTimestamp(token["expires_at"].get<std::string>()).value();
  EXPECT_EQ(expires - created, 90 * 86400 * 1000000LL);
  const std::string secret = token["token"];
  const std::string id = token["id"];
  EXPECT_EQ(WithToken("GET", "/api/v1/me", secret).status, 200);

  // Another user can neither revoke it nor see it.
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/" + id, "vera").status, 404);
  const nlohmann::json others = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "vera").body);
  for (const nlohmann::json& listed : others["tokens"]) EXPECT_NE(listed["id"], id);
  EXPECT_EQ(WithToken("GET", "/api/v1/me", secret).status, 200);

  const http::HttpResponse revoked = Send("DELETE", "/api/v1/tokens/" + id, "rita");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(nlohmann::json::parse(revoked.body)["state"], "revoked");
  const http::HttpResponse refused = WithToken("GET", "/api/v1/me", secret);
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.body.find("unknown, expired or revoked API token"), std::string::npos);

  const nlohmann::json own = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "rita").body);
  bool listed_revoked = false;
  for (const nlohmann::json& listed : own["tokens"]) {
    EXPECT_FALSE(listed.contains("token"));
    if (listed["id"] == id) listed_revoked = listed["state"] == "revoked";
  }
  EXPECT_TRUE(listed_revoked) << own.dump();
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/not-an-id", "rita").status, 400);
}

// Else a leaked token could make one that outlives its expiry and its revocation.
TEST_F(HttpTokensTest, ATokenCannotMakeAnotherToken) {
  const std::string secret = MakeToken("rita")["token"];
  http::HttpRequest request;
  request.method = "POST";
  request.target = "/api/v1/tokens";
  request.remote = "127.0.0.4";
  request.headers["authorization"] = "Bearer " + secret;
  request.headers["content-type"] = "application/json";
  request.body = R"({"expires_in_days": null})";
  const http::HttpResponse refused = app_->Handle(request);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("not with a token"), std::string::npos) << refused.body;
}

TEST_F(HttpTokensTest, AnExpiredTokenIsRefused) {
  Result<http::NewToken> expired = app_->site().accounts().CreateToken("rita", "old", 0);
  ASSERT_TRUE(expired.ok());
  EXPECT_EQ(WithToken("GET", "/api/v1/me", expired.value().token).status, 401);
  const nlohmann::json own = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "rita").body);
  bool listed_expired = false;
  for (const nlohmann::json& listed : own["tokens"]) {
    if (listed["id"] == expired.value().info.id) listed_expired = listed["state"] == "expired";
  }
  EXPECT_TRUE(listed_expired) << own.dump();
}

TEST_F(HttpTokensTest, AnAdminSeesAndRevokesAnyonesTokens) {
  const nlohmann::json token = MakeToken("lauris");
  const std::string id = token["id"];
  const nlohmann::json all = nlohmann::json::parse(Send("GET", "/api/v1/tokens", "ada").body);
  bool seen = false;
  for (const nlohmann::json& listed : all["tokens"]) seen = seen || listed["id"] == id;
  EXPECT_TRUE(seen);
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/" + id, "ada").status, 200);
  EXPECT_EQ(WithToken("GET", "/api/v1/me", token["token"]).status, 401);
}

TEST_F(HttpTokensTest, ALifetimeOutOfRangeIsRefusedAndNoneIsKept) {
  const Session session = SignIn("rita");
  for (const char* body : {R"({"expires_in_days": 0})", R"({"expires_in_days": 3651})",
                           R"({"expires_in_days": "30"})", R"({"expires_in_days": 1.5})"}) {
    const http::HttpResponse response = InSession(session, "POST", "/api/v1/tokens", body);
    EXPECT_EQ(response.status, 422) << body;
    EXPECT_NE(response.body.find("expires_in_days"), std::string::npos) << response.body;
  }
  const nlohmann::json never = MakeToken("rita", R"({"expires_in_days": null})");
  EXPECT_TRUE(never["expires_at"].is_null());
  EXPECT_EQ(never["state"], "valid");
}

TEST_F(HttpTokensTest, ATokenOfABadLabelOrUnknownMemberIsRefusedNamingIt) {
  const Session session = SignIn("rita");
  const std::pair<std::string, std::string> refused[] = {
      {R"({"label": 5})", "label"},
      {R"({"label": ""})", "label"},
      {R"({"label": "a\u0000b"})", "label"},
      {nlohmann::json{{"label", std::string(101, 'x')}}.dump(), "label"},
      {R"({"label": "laptop", "zz": 1})", "zz"},
      {R"({"expires_in_days": 0})", "expires_in_days"},
  };
  for (const auto& [body, path] : refused) {
    const http::HttpResponse response = InSession(session, "POST", "/api/v1/tokens", body);
    EXPECT_EQ(response.status, 422) << body;
    const nlohmann::json fields = nlohmann::json::parse(response.body)["error"]["fields"];
    ASSERT_EQ(fields.size(), 1u) << response.body;
    EXPECT_EQ(fields[0]["path"], path) << body;
  }
  const http::HttpResponse made =
      InSession(session, "POST", "/api/v1/tokens", R"({"label": "Jānis's laptop"})");
  EXPECT_EQ(made.status, 201) << made.body;
  // Shown once: no cache may keep it.
  EXPECT_EQ(Header(made, "Cache-Control"), "private, no-store");
  EXPECT_EQ(nlohmann::json::parse(made.body)["label"], "Jānis's laptop");
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
                         "DROP INDEX http_tokens_by_id; "
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
  ASSERT_TRUE(store.value()->RevokeToken(tokens[0].id, "").ok());
  EXPECT_FALSE(store.value()->UserByToken(token).value().has_value());
  store.value().reset();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace treaty::test
