// Users through the API: an admin changes another user's role, which their token carries from its
// next request, and locks a user out; every refused change names its member and changes nothing.
#include <string>

#include "http_test_support.h"

namespace treaty::test {
namespace {

class HttpUsersTest : public HttpTest {
 protected:
  // A user of the suite's store made for one test, so that its changes reach no other test; their
  // API token is in tokens_ under `name`.
  static void AddReader(const std::string& name) {
    Result<http::User> user =
        app_->site().accounts().AddUser(name, name + "-password", http::Role::kReader, "");
    ASSERT_TRUE(user.ok()) << user.error().ToString();
    Result<http::NewToken> token = app_->site().accounts().CreateToken(name, "test", std::nullopt);
    ASSERT_TRUE(token.ok());
    (*tokens_)[name] = token.value().token;
  }

  // The user as GET /api/v1/users lists them.
  static nlohmann::json Listed(const std::string& name) {
    const nlohmann::json list = nlohmann::json::parse(Send("GET", "/api/v1/users", "ada").body);
    for (const nlohmann::json& user : list["users"]) {
      if (user["name"] == name) return user;
    }
    return nullptr;
  }
};

TEST_F(HttpUsersTest, ARoleChangedByAnAdminHoldsForTheUsersTokenAtOnce) {
  AddReader("marta");
  const int64_t size = TreeSize();
  EXPECT_EQ(Send("POST", "/api/v1/events", "marta", Disbursement("By marta")).status, 403);

  const http::HttpResponse changed =
      Send("PATCH", "/api/v1/users/marta", "ada", R"({"role":"recorder","institution":"lv-mod"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const nlohmann::json user = nlohmann::json::parse(changed.body);
  EXPECT_EQ(user["role"], "recorder");
  EXPECT_EQ(user["institution"], "lv-mod");
  EXPECT_EQ(user["locked"], false);
  EXPECT_EQ(Listed("marta"), user);

  EXPECT_EQ(Send("POST", "/api/v1/events", "marta", Disbursement("By marta")).status, 201);
  EXPECT_EQ(TreeSize(), size + 1);

  ASSERT_EQ(Send("PATCH", "/api/v1/users/marta", "ada", R"({"role":"reader"})").status, 200);
  EXPECT_FALSE(Listed("marta").contains("institution"));
  EXPECT_EQ(Send("POST", "/api/v1/events", "marta", Disbursement("By marta")).status, 403);
  EXPECT_EQ(TreeSize(), size + 1);
}

TEST_F(HttpUsersTest, ALockedUsersTokenIsRefusedAtOnce) {
  AddReader("janis");
  EXPECT_EQ(Send("GET", "/api/v1/me", "janis").status, 200);
  const http::HttpResponse locked =
      Send("PATCH", "/api/v1/users/janis", "ada", R"({"locked":true})");
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_EQ(nlohmann::json::parse(locked.body)["locked"], true);
  EXPECT_EQ(Send("GET", "/api/v1/me", "janis").status, 401);
  EXPECT_EQ(Listed("janis")["locked"], true);
}

TEST_F(HttpUsersTest, ARefusedChangeNamesItsMemberAndChangesNothing) {
  AddReader("petro");
  const nlohmann::json before = Listed("petro");
  ASSERT_EQ(before["role"], "reader");
  for (const auto& [body, member] : std::vector<std::pair<std::string, std::string>>{
           {R"({})", "role"},
           {R"({"colour":"red"})", "colour"},
           {R"({"role":"boss"})", "role"},
           {R"({"role":7})", "role"},
           {R"({"role":"recorder"})", "institution"},
           {R"({"role":"recorder","institution":"xx-mod"})", "institution"},
           {R"({"role":"reader","institution":"lv-mod"})", "institution"},
           {R"({"institution":"lv-mod"})", "role"},
           {R"({"locked":false})", "locked"},
           {R"({"locked":"yes"})", "locked"},
           {R"({"role":"admin","locked":true})", "locked"}}) {
    const http::HttpResponse refused = Send("PATCH", "/api/v1/users/petro", "ada", body);
    EXPECT_EQ(refused.status, 422) << body;
    const nlohmann::json error = nlohmann::json::parse(refused.body)["error"];
    ASSERT_TRUE(error.contains("fields")) << refused.body;
    EXPECT_EQ(error["fields"][0]["path"], member) << refused.body;
  }
  EXPECT_EQ(Listed("petro"), before);
  EXPECT_EQ(Send("GET", "/api/v1/me", "petro").status, 200);
}

TEST_F(HttpUsersTest, OnlyAnAdminChangesUsersAndNeverTheirOwnAccount) {
  AddReader("ilze");
  for (const char* user : {"rita", "lauris", "vera", "ilze"}) {
    EXPECT_EQ(Send("PATCH", "/api/v1/users/ilze", user, R"({"role":"admin"})").status, 403) << user;
  }
  EXPECT_EQ(Send("PATCH", "/api/v1/users/ilze", "", R"({"role":"admin"})").status, 401);
  const http::HttpResponse own = Send("PATCH", "/api/v1/users/ada", "ada", R"({"role":"reader"})");
  EXPECT_EQ(own.status, 403);
  EXPECT_NE(own.body.find("another admin"), std::string::npos) << own.body;
  EXPECT_EQ(Listed("ada")["role"], "admin");
  EXPECT_EQ(Listed("ilze")["role"], "reader");
  const http::HttpResponse unknown =
      Send("PATCH", "/api/v1/users/nobody", "ada", R"({"role":"reader"})");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(nlohmann::json::parse(unknown.body)["error"]["message"], "no user \"nobody\"");
}

}  // namespace
}  // namespace treaty::test
