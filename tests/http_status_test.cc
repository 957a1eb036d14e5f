// The status JSON as clients fetch it: gzip-coded for those that accept it, answered with 304
// when the client holds the current one, and new as soon as an event is recorded.
#include "http_test_support.h"

namespace treaty::test {
namespace {

class HttpStatusTest : public HttpTest {
 protected:
  static http::HttpResponse Get(const std::string& target,
                                const std::map<std::string, std::string>& headers,
                                const std::string& user = "") {
    http::HttpRequest request;
    request.method = "GET";
    request.target = target;
    request.remote = "127.0.0.1";
    request.headers = headers;
    if (!user.empty()) request.headers["authorization"] = "Bearer " + tokens_->at(user);
    return app_->Handle(request);
  }

  static std::string Header(const http::HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }
};

TEST_F(HttpStatusTest, GzipForClientsThatAcceptItWithTheSameDocument) {
  const http::HttpResponse plain = Get("/api/v1/status?at=2025-01-01", {});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(Header(plain, "Content-Encoding"), "");
  const http::HttpResponse gzip =
      Get("/api/v1/status?at=2025-01-01", {{"accept-encoding", "gzip, deflate, br"}});
  ASSERT_EQ(gzip.status, 200);
  EXPECT_EQ(Header(gzip, "Content-Encoding"), "gzip");
  EXPECT_NE(Header(gzip, "Vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_LT(gzip.Body().size(), plain.Body().size() / 4);
  EXPECT_EQ(Gunzip(std::string(gzip.Body())), plain.Body());
  EXPECT_NE(Header(gzip, "ETag"), Header(plain, "ETag"));
  EXPECT_EQ(Header(Get("/api/v1/status?at=2025-01-01", {{"accept-encoding", "gzip;q=0"}}),
                   "Content-Encoding"),
            "");
}

TEST_F(HttpStatusTest, NotModifiedUntilAnEventIsRecorded) {
  const std::string target = "/api/v1/status?at=2024-12-31";
  const http::HttpResponse first = Get(target, {}, "lauris");
  const std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  const http::HttpResponse again = Get(target, {{"if-none-match", etag}}, "lauris");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.Body().empty());
  // Another audience's document is another representation.
  EXPECT_EQ(Get(target, {{"if-none-match", etag}}).status, 200);

  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("paid")).status, 201);
  const http::HttpResponse after = Get(target, {{"if-none-match", etag}}, "lauris");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(Header(after, "ETag"), etag);
  EXPECT_EQ(nlohmann::json::parse(after.Body())["ledger_size"], 1);
}

}  // namespace
}  // namespace treaty::test
