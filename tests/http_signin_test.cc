// Signing in from another site's page is refused (login CSRF): the form and the API alike, by
// Fetch Metadata or, without it, by Origin against Host; other clients send neither and sign in.
#include <map>
#include <string>

#include "http_test_support.h"

namespace treaty::test {
namespace {

class HttpSignInTest : public HttpTest {
 protected:
  // Signs rita in through the form (or the API) with `headers`; the response.
  static http::HttpResponse SignIn(const std::map<std::string, std::string>& headers,
                                   bool api = false) {
    http::HttpRequest request;
    request.method = "POST";
    request.target = api ? "/api/v1/session" : "/signin";
    request.remote = "127.0.0.3";
    request.headers = headers;
    request.headers["host"] = "treaty.example:8080";
    if (api) {
      request.headers["content-type"] = "application/json";
      request.body = R"({"name": "rita", "password": "rita-password"})";
    } else {
      request.headers["content-type"] = "application/x-www-form-urlencoded";
      request.body = "name=rita&password=rita-password&next=%2F";
    }
    return app_->Handle(request);
  }

  static bool SetsSession(const http::HttpResponse& response) {
    return Header(response, "Set-Cookie").starts_with("treaty_session=") &&
           !Header(response, "Set-Cookie").starts_with("treaty_session=;");
  }
};

TEST_F(HttpSignInTest, ASignInFromAnotherSitesPageIsRefused) {
  const std::map<std::string, std::string> refused[] = {
      {{"sec-fetch-site", "cross-site"}},
      {{"sec-fetch-site", "same-site"}},
      {{"sec-fetch-site", "cross-site"}, {"origin", "http://treaty.example:8080"}},
      {{"origin", "https://elsewhere.example"}},
      {{"origin", "http://treaty.example"}},
      {{"origin", "null"}},
  };
  for (const bool api : {false, true}) {
    for (const auto& headers : refused) {
      const http::HttpResponse response = SignIn(headers, api);
      EXPECT_EQ(response.status, 403) << api << " " << headers.begin()->second;
      EXPECT_FALSE(SetsSession(response)) << api << " " << headers.begin()->second;
      EXPECT_NE(response.body.find("another site"), std::string::npos) << response.body;
    }
  }
}

TEST_F(HttpSignInTest, ASignInFromTheSitesOwnPageOrAnotherClientIsAccepted) {
  const std::map<std::string, std::string> accepted[] = {
      {{"sec-fetch-site", "same-origin"}, {"origin", "http://treaty.example:8080"}},
      // Behind a proxy the Host may differ from the Origin: Fetch Metadata decides first.
      {{"sec-fetch-site", "same-origin"}, {"origin", "https://public.example"}},
      {{"sec-fetch-site", "none"}},
      {{"origin", "http://treaty.example:8080"}},
      {{"origin", "https://Treaty.Example:8080"}},
      {},
  };
  for (const auto& headers : accepted) {
    const http::HttpResponse form = SignIn(headers);
    EXPECT_EQ(form.status, 303) << form.body;
    EXPECT_TRUE(SetsSession(form));
    const http::HttpResponse api = SignIn(headers, true);
    EXPECT_EQ(api.status, 201) << api.body;
    EXPECT_TRUE(SetsSession(api));
  }
}

// A body of the wrong form is told what is wrong, and is no failed attempt: twenty of them leave
// the right password working.
TEST_F(HttpSignInTest, ASignInWithoutANameOrPasswordIs400AndNoFailedAttempt) {
  for (const char* body : {R"({"user": "rita", "password": "rita-password"})",
                           R"({"name": 1, "password": 2})", R"({"name": "rita"})"}) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      http::HttpRequest request;
      request.method = "POST";
      request.target = "/api/v1/session";
      request.remote = "127.0.0.9";
      request.headers["content-type"] = "application/json";
      request.body = body;
      const http::HttpResponse response = app_->Handle(request);
      ASSERT_EQ(response.status, 400) << body;
      EXPECT_NE(response.body.find("required, a string"), std::string::npos) << response.body;
    }
  }
  const http::HttpResponse signed_in = SignIn({}, true);
  EXPECT_EQ(signed_in.status, 201) << signed_in.body;
  // Made for one caller: kept by no cache.
  EXPECT_EQ(Header(signed_in, "Cache-Control"), "private, no-store");
}

// The form likewise: a body that is not the form, or lacks a field, is told so as a page and is
// no failed attempt; the form's media type is matched in any case.
TEST_F(HttpSignInTest, ASignInFormOfTheWrongShapeIsRefusedAndNoFailedAttempt) {
  const std::pair<const char*, const char*> wrong[] = {
      {"text/plain", "name=rita&password=wrong"},
      {"application/x-www-form-urlencoded", "name=rita&next=%2F"},
      {"application/x-www-form-urlencoded", "user=rita&password=wrong"},
  };
  for (const auto& [type, body] : wrong) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      http::HttpRequest request;
      request.method = "POST";
      request.target = "/signin";
      request.remote = "127.0.0.10";
      request.headers["content-type"] = type;
      request.body = body;
      const http::HttpResponse response = app_->Handle(request);
      ASSERT_EQ(response.status, std::string_view(type) == "text/plain" ? 415 : 400) << body;
      EXPECT_TRUE(response.content_type.starts_with("text/html")) << response.content_type;
      EXPECT_FALSE(SetsSession(response));
    }
  }
  http::HttpRequest request =
      FormPost("/signin", "127.0.0.10", "name=rita&password=rita-password&next=%2F");
  // The media type is read in any case and with parameters.
  request.headers["content-type"] = "Application/X-WWW-Form-Urlencoded; charset=UTF-8";
  const http::HttpResponse signed_in = app_->Handle(request);
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
  EXPECT_TRUE(SetsSession(signed_in));
}

// A page that needs signing in sends the visitor to sign in and back to the same resource, its
// query included; the log shows the path as it was received.
TEST_F(HttpSignInTest, SigningInLeadsBackToTheResourceAsRequested) {
  const http::HttpResponse redirected = Send("GET", "/record?type=pledge");
  EXPECT_EQ(redirected.status, 303);
  EXPECT_EQ(Header(redirected, "Location"), "/signin?next=%2Frecord%3Ftype%3Dpledge");
  Send("GET", "/api/v1/commitments/sec_1%2Fpara_1");
  EXPECT_EQ(LastLogLine().value("path", ""), "/api/v1/commitments/sec_1%2Fpara_1");
}

// A review form sent when the session has ended leads, through signing in, back to the commitment
// page's reviews, where the form is: the browser comes back with GET, which the form's own
// address does not answer. A form of a page's own address leads back to that page.
TEST_F(HttpSignInTest, SigningInAfterAFormWasSentLeadsBackToThePageOfTheForm) {
  const http::HttpResponse review = app_->Handle(FormPost(
      "/commitments/sec_2__para_6__sent_1/reviews", "127.0.0.4", "decision=accept&note=ok"));
  EXPECT_EQ(review.status, 303);
  EXPECT_EQ(Header(review, "Location"),
            "/signin?next=%2Fcommitments%2Fsec_2__para_6__sent_1%23reviews");
  const http::HttpResponse record =
      app_->Handle(FormPost("/record", "127.0.0.4", "type=pledge&participant=LV"));
  EXPECT_EQ(record.status, 303);
  EXPECT_EQ(Header(record, "Location"), "/signin?next=%2Frecord");
}

// Signed in, the sign-in page says who is, and its form changes the account: it carries the
// session's CSRF token, and the old session ends.
TEST_F(HttpSignInTest, SigningInWhenSignedInChangesTheAccount) {
  const std::string cookie = SignInCookie("rita");
  const http::HttpResponse form = WithCookie("GET", "/signin", cookie);
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("You are signed in as rita."), std::string::npos) << form.body;
  const size_t csrf_at = form.body.find("name=\"csrf\" value=\"");
  ASSERT_NE(csrf_at, std::string::npos) << form.body;
  const size_t value_at = csrf_at + std::string("name=\"csrf\" value=\"").size();
  const std::string csrf = form.body.substr(value_at, form.body.find('"', value_at) - value_at);
  const http::HttpResponse changed = WithCookie(
      "POST", "/signin", cookie, "name=vera&password=vera-password&next=%2F&csrf=" + csrf);
  EXPECT_EQ(changed.status, 303) << changed.body;
  EXPECT_TRUE(SetsSession(changed));
  // The old session signs nobody in any more.
  const http::HttpResponse old = WithCookie("GET", "/signin", cookie);
  EXPECT_EQ(old.body.find("You are signed in as"), std::string::npos) << old.body;
}

// Signing out when already signed out (an expired session, a second tab) leads to the overview,
// not to the sign-in page and then to a form that cannot be fetched.
TEST_F(HttpSignInTest, SigningOutWhenSignedOutLeadsToTheOverview) {
  const http::HttpResponse out =
      Send("POST", "/signout", "", "", "application/x-www-form-urlencoded");
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Header(out, "Location"), "/");
  EXPECT_TRUE(Header(out, "Set-Cookie").starts_with("treaty_session=;"))
      << Header(out, "Set-Cookie");
}

// An administrator's list of users says who is locked out; a locked user's password signs in
// no more.
TEST_F(HttpSignInTest, TheUsersListSaysWhoIsLockedOut) {
  ASSERT_TRUE(
      app_->site().accounts().AddUser("leaver", "leaver-password", http::Role::kReader, "").ok());
  ASSERT_TRUE(app_->site().accounts().Lock("leaver").ok());
  const http::HttpResponse listed = Send("GET", "/api/v1/users", "ada");
  ASSERT_EQ(listed.status, 200);
  std::map<std::string, bool> locked;
  const nlohmann::json users = nlohmann::json::parse(listed.body)["users"];
  for (const nlohmann::json& user : users) {
    locked[user["name"].get<std::string>()] = user["locked"].get<bool>();
  }
  ASSERT_TRUE(locked.contains("leaver") && locked.contains("rita")) << listed.body;
  EXPECT_TRUE(locked["leaver"]);
  EXPECT_FALSE(locked["rita"]);
  http::HttpRequest request =
      FormPost("/signin", "127.0.0.11", "name=leaver&password=leaver-password&next=%2F");
  EXPECT_FALSE(SetsSession(app_->Handle(request)));
}

}  // namespace
}  // namespace treaty::test
