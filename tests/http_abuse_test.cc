// Bad input and abuse: each gets its status code, nothing is written, and the application keeps
// serving.
#include <chrono>

#include "http_test_support.h"
#include "views/http/page.h"

namespace treaty::test {
namespace {

class HttpAbuseTest : public HttpTest {};

TEST_F(HttpAbuseTest, MalformedJsonIs400AndWritesNothing) {
  const int64_t size = TreeSize();
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", "{\"type\": \"disbursement\",").status, 400);
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", "[1, 2]").status, 400);
  const http::HttpResponse placed =
      Send("POST", "/api/v1/events", "lauris", "{\"type\": \"pledge\",\n \"participant\": }");
  EXPECT_EQ(placed.status, 400);
  EXPECT_TRUE(nlohmann::json::parse(placed.body)["error"]["message"].get<std::string>().starts_with(
      "body: line 2, column 17: malformed JSON: "))
      << placed.body;
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("x"), "text/plain").status, 415);
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("x"), "application/jsonx").status,
            415);
  http::HttpResponse invalid = Send("POST", "/api/v1/events", "lauris", "{\"type\": \"gift\"}");
  EXPECT_EQ(invalid.status, 422);
  EXPECT_TRUE(nlohmann::json::parse(invalid.body)["error"]["fields"].size() > 0);
  EXPECT_EQ(TreeSize(), size);
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
}

// Deep brackets would overflow the stack of the code that walks a JSON value: refused before it.
TEST_F(HttpAbuseTest, ABodyNestedTooDeepIs400AndTheServerKeepsServing) {
  const int64_t size = TreeSize();
  const std::string deep = "{\"type\": " + std::string(50000, '[') + std::string(50000, ']') + "}";
  for (const char* target : {"/api/v1/events", "/api/v1/session"}) {
    const http::HttpResponse refused = Send("POST", target, "lauris", deep);
    EXPECT_EQ(refused.status, 400) << target;
    EXPECT_NE(refused.body.find("more than 64 deep"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(TreeSize(), size);
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
}

TEST_F(HttpAbuseTest, AParameterGivenTwiceOrAnEmptySegmentIs400) {
  for (const char* target :
       {"/api/v1/events?classification=restricted&classification=zz",
        "/api/v1/events?limit=5&limit=abc", "/api/v1/status?at=2025-01-01&at="}) {
    const http::HttpResponse refused = Send("GET", target, "ada");
    EXPECT_EQ(refused.status, 400) << target;
    EXPECT_NE(refused.body.find("given more than once"), std::string::npos) << refused.body;
  }
  for (const char* target : {"/ledger//", "/api/v1/events/", "/healthz/", "/commitments//x"}) {
    EXPECT_EQ(Send("GET", target).status, 400) << target;
  }
  // A page's bad path is answered as a page, in the site's layout with its navigation.
  EXPECT_TRUE(Send("GET", "/ledger//").content_type.starts_with("text/html"));
  const http::HttpResponse missing = Send("GET", "/no/such/page");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("<a href=\"/search\">Search</a>"), std::string::npos) << missing.body;
  EXPECT_NE(missing.body.find("<h1>404 Not Found</h1>"), std::string::npos);
  EXPECT_EQ(Send("GET", "/").status, 200);
}

TEST_F(HttpAbuseTest, MediaTypesAndTheBearerSchemeAreReadInAnyCase) {
  const int64_t size = TreeSize();
  const http::HttpResponse upper =
      Send("POST", "/api/v1/events", "lauris", Disbursement("Upper case"), "APPLICATION/JSON");
  EXPECT_EQ(upper.status, 201) << upper.body;
  EXPECT_EQ(TreeSize(), size + 1);
  http::HttpRequest request;
  request.method = "GET";
  request.target = "/api/v1/me";
  request.remote = "127.0.0.5";
  request.headers["authorization"] = "bearer " + tokens_->at("ada");
  const http::HttpResponse me = app_->Handle(request);
  EXPECT_EQ(me.status, 200) << me.body;
}

TEST_F(HttpAbuseTest, BodyOverOneMebibyteIs413) {
  const int64_t size = TreeSize();
  std::string big = Disbursement(std::string(http::kMaxBodyBytes, 'a'));
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", big).status, 413);
  EXPECT_EQ(TreeSize(), size);
}

TEST_F(HttpAbuseTest, PathTraversalAndUnknownRoutes) {
  EXPECT_EQ(Send("GET", "/static/site.css").status, 200);
  for (const char* target :
       {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/..%2fCMakeLists.txt",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/..\\CMakeLists.txt",
        "/static/%00site.css", "//static/site.css", "static/site.css"}) {
    http::HttpResponse response = Send("GET", target);
    EXPECT_TRUE(response.status == 400 || response.status == 404)
        << target << " " << response.status;
    EXPECT_EQ(response.body.find("cmake_minimum_required"), std::string::npos) << target;
  }
  EXPECT_EQ(Send("GET", "/static/.hidden").status, 404);
  EXPECT_EQ(Send("GET", "/static/openapi.json").status, 404);
  EXPECT_EQ(Send("GET", "/nowhere").status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/nowhere").status, 404);
  EXPECT_EQ(Send("DELETE", "/api/v1/events").status, 405);
  // A page asked for with a '/' at its end is sent to its path, the query kept; a path that is no
  // page without it stays refused, as does an API path (its clients use the documented one).
  const http::HttpResponse moved = Send("GET", "/commitments/?participant=LV");
  EXPECT_EQ(moved.status, 308);
  EXPECT_EQ(Header(moved, "Location"), "/commitments?participant=LV");
  const http::HttpResponse moved_head = Send("HEAD", "/ledger/");
  EXPECT_EQ(moved_head.status, 308);
  EXPECT_EQ(Header(moved_head, "Location"), "/ledger");
  EXPECT_EQ(Send("GET", "/nowhere/").status, 400);
  EXPECT_EQ(Send("GET", "/commitments//").status, 400);
  EXPECT_EQ(Send("POST", "/signout/").status, 400);
  // The refusal says what is wrong with the path.
  const http::HttpResponse slash_at_end = Send("GET", "/api/v1/commitments/");
  EXPECT_EQ(slash_at_end.status, 400);
  const auto message = [](const http::HttpResponse& response) {
    return nlohmann::json::parse(response.body)["error"]["message"].get<std::string>();
  };
  EXPECT_EQ(message(slash_at_end), "bad request path: a '/' at its end");
  EXPECT_EQ(message(Send("GET", "/api/v1//commitments")),
            "bad request path: an empty segment (\"//\")");
  EXPECT_EQ(message(Send("GET", "/api/v1/%2e%2e/healthz")),
            "bad request path: a \".\" or \"..\" segment");
  // A path that cannot be decoded is refused in the form of what it asked for: a page or JSON.
  const http::HttpResponse page = Send("GET", "/ledger%00");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(page.content_type.starts_with("text/html")) << page.content_type;
  const http::HttpResponse api = Send("GET", "/api/v1/events%00");
  EXPECT_EQ(api.status, 400);
  EXPECT_TRUE(api.content_type.starts_with("application/json")) << api.content_type;
}

TEST_F(HttpAbuseTest, MarkupInDescriptionsIsEscapedEverywhere) {
  const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>\"&";
  http::HttpResponse recorded = Send("POST", "/api/v1/events", "lauris", Disbursement(evil));
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  for (const char* page : {"/ledger", "/commitments/sec_2__hcontainer_1__para_2__sent_2"}) {
    const std::string body = Send("GET", page).body;
    EXPECT_EQ(body.find("<script>"), std::string::npos) << page;
    EXPECT_EQ(body.find("<img src=x"), std::string::npos) << page;
    EXPECT_NE(body.find("&lt;script&gt;"), std::string::npos) << page;
  }
  const std::string json = Send("GET", "/api/v1/events").body;
  EXPECT_NE(nlohmann::json::parse(json).dump().find("alert"), std::string::npos);
  http::HttpResponse page = Send("GET", "/ledger");
  bool has_csp = false;
  for (const auto& [name, value] : page.headers) has_csp |= name == "Content-Security-Policy";
  EXPECT_TRUE(has_csp);
}

TEST_F(HttpAbuseTest, MissingOrWrongTokenIs401AndWrongRoleIs403) {
  EXPECT_EQ(Send("POST", "/api/v1/events", "", Disbursement("x")).status, 401);
  http::HttpRequest request;
  request.method = "GET";
  request.target = "/api/v1/events";
  request.headers["authorization"] = "Bearer trt_0000";
  EXPECT_EQ(app_->Handle(request).status, 401);
  request.headers["authorization"] = "Basic YWRhOmFkYQ==";
  EXPECT_EQ(app_->Handle(request).status, 401);
  const int64_t size = TreeSize();
  EXPECT_EQ(Send("POST", "/api/v1/events", "rita", Disbursement("x")).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/events", "vera", Disbursement("x")).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/users", "lauris",
                 R"({"name":"mallory","password":"0123456789","role":"admin"})")
                .status,
            403);
  EXPECT_EQ(TreeSize(), size);
  EXPECT_EQ(Send("GET", "/api/v1/users", "ada").body.find("mallory"), std::string::npos);
  // An account refused names the member at fault, as an invalid event does.
  for (const auto& [body, path] : std::vector<std::pair<std::string, std::string>>{
           {R"({"name":"mallory","role":"reader"})", "password"},
           {R"({"name":"mallory","password":"short","role":"reader"})", "password"},
           {R"({"name":"mallory","password":"0123456789","role":"boss"})", "role"},
           {R"({"password":"0123456789","role":"reader"})", "name"},
           // A lock asked for at creation is refused, not dropped into an active account.
           {R"({"name":"mallory","password":"0123456789","role":"reader","locked":true})",
            "locked"}}) {
    const http::HttpResponse refused = Send("POST", "/api/v1/users", "ada", body);
    EXPECT_EQ(refused.status, 422) << body;
    const nlohmann::json error = nlohmann::json::parse(refused.body)["error"];
    ASSERT_TRUE(error.contains("fields")) << refused.body;
    EXPECT_EQ(error["fields"][0]["path"], path) << refused.body;
  }
  EXPECT_EQ(Send("GET", "/api/v1/users", "ada").body.find("mallory"), std::string::npos);
}

// Signs in with the cookie, then a write without the CSRF token is refused, with it accepted.
TEST_F(HttpAbuseTest, CookieWritesNeedTheCsrfToken) {
  http::HttpResponse signed_in =
      Send("POST", "/api/v1/session", "", R"({"name":"lauris","password":"lauris-password"})");
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  std::string cookie;
  for (const auto& [name, value] : signed_in.headers) {
    if (name == "Set-Cookie") cookie = value;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  const std::string session = cookie.substr(0, cookie.find(';'));
  const std::string csrf = nlohmann::json::parse(signed_in.body)["csrf"];

  http::HttpRequest request;
  request.method = "POST";
  request.target = "/api/v1/events";
  request.headers["cookie"] = session;
  request.headers["content-type"] = "application/json";
  request.body = Disbursement("By cookie");
  const int64_t size = TreeSize();
  const http::HttpResponse without = app_->Handle(request);
  EXPECT_EQ(without.status, 403);
  EXPECT_NE(without.body.find("needs its CSRF token in the X-CSRF-Token header"), std::string::npos)
      << without.body;
  request.headers["x-csrf-token"] = std::string(64, '0');
  EXPECT_EQ(app_->Handle(request).status, 403);
  EXPECT_EQ(TreeSize(), size);
  request.headers["x-csrf-token"] = csrf;
  EXPECT_EQ(app_->Handle(request).status, 201);

  http::HttpRequest form;
  form.method = "POST";
  form.target = "/record";
  form.headers["cookie"] = session;
  form.headers["content-type"] = "application/x-www-form-urlencoded";
  form.body =
      "type=disbursement&participant=LV&date=2024-07-01&commitment="
      "sec_2__hcontainer_1__para_2__sent_2&amount=10.00&currency=EUR&description=Form"
      "&classification=public";
  EXPECT_EQ(app_->Handle(form).status, 403);
  form.body += "&csrf=" + csrf;
  http::HttpResponse recorded = app_->Handle(form);
  EXPECT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(TreeSize(), size + 2);
}

TEST_F(HttpAbuseTest, AThousandFailedSignInsAreRateLimited) {
  const auto start = std::chrono::steady_clock::now();
  int unauthorized = 0;
  int limited = 0;
  for (int i = 0; i < 1000; ++i) {
    http::HttpRequest request;
    request.method = "POST";
    request.target = "/api/v1/session";
    request.remote = "203.0.113.7";
    request.headers["content-type"] = "application/json";
    request.body = R"({"name":"ada","password":"guess-)" + std::to_string(i) + "\"}";
    const int status = app_->Handle(request).status;
    unauthorized += status == 401;
    limited += status == 429;
  }
  EXPECT_EQ(unauthorized, 10);
  EXPECT_EQ(limited, 990);
  // Refusals cost no password hashing.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  // The right password is refused too while the name is limited, from any address.
  http::HttpRequest right;
  right.method = "POST";
  right.target = "/api/v1/session";
  right.remote = "198.51.100.1";
  right.headers["content-type"] = "application/json";
  right.body = R"({"name":"ada","password":"ada-password"})";
  const http::HttpResponse refused = app_->Handle(right);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(Header(refused, "Retry-After"), "900");
  // The sign-in form says how long to wait as the API does.
  const http::HttpResponse page =
      app_->Handle(FormPost("/signin", "198.51.100.1", "name=ada&password=ada-password"));
  EXPECT_EQ(page.status, 429);
  EXPECT_EQ(Header(page, "Retry-After"), "900");
  EXPECT_NE(page.body.find("wait 15 minutes"), std::string::npos);
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/users", "ada").status, 200);
}

TEST_F(HttpAbuseTest, MetricsCountRequestsByRoute) {
  Send("GET", "/healthz");
  EXPECT_EQ(Send("GET", "/metrics").status, 401) << "the counts are not for readers";
  const std::string metrics = Send("GET", "/metrics", "ada").body;
  EXPECT_NE(
      metrics.find("treaty_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"),
      std::string::npos);
  EXPECT_NE(metrics.find("treaty_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST(HttpSignInRedirect, OnlyPathsOfThisSiteAreFollowedAfterSignIn) {
  EXPECT_EQ(http::LocalPath("/commitments?area=sec_2"), "/commitments?area=sec_2");
  for (const std::string& next :
       {std::string("https://evil.example/"), std::string("//evil.example/"),
        std::string("/\\evil.example/"), std::string("/\t/evil.example/"),
        std::string("/ledger\r\nSet-Cookie: session=x"), std::string("/x\x7f"),
        std::string("/") + std::string(3000, 'a'), std::string()}) {
    EXPECT_EQ(http::LocalPath(next), "/") << next;
  }
}

}  // namespace
}  // namespace treaty::test
