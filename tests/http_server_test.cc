// The Beast server over a real socket: serving, the body limit, a slow client, graceful stop.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <string>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "http_test_support.h"
#include "views/http/server.h"

namespace treaty::test {
namespace {

class HttpServerTest : public HttpTest {
 protected:
  void SetUp() override {
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.read_timeout = std::chrono::milliseconds(500);
    options.shutdown_grace = std::chrono::milliseconds(5000);
    Configure(options);
    Result<std::unique_ptr<http::Server>> server = http::Server::Listen(options);
    ASSERT_TRUE(server.ok()) << server.error().ToString();
    server_ = std::move(server).value();
    thread_ = std::thread([this] { server_->Run(*app_, false); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }
  virtual void Configure(http::ServerOptions&) {}

  int Connect() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server_->port());
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
  }

  static void SendAll(int fd, const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  // Everything the server sends until it closes the connection (or 5 s pass).
  static std::string ReadAll(int fd) {
    std::string out;
    char buffer[65536];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
      out.append(buffer, static_cast<size_t>(n));
    return out;
  }

  // What the server sends until the end of a response head ("\r\n\r\n"), it closes, or 5 s pass.
  static std::string ReadHead(int fd) {
    std::string out;
    char c;
    while (!out.ends_with("\r\n\r\n") && ::recv(fd, &c, 1, 0) == 1) out += c;
    return out;
  }

  std::string Exchange(const std::string& request) {
    const int fd = Connect();
    SendAll(fd, request);
    std::string response = ReadAll(fd);
    ::close(fd);
    return response;
  }

  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

TEST_F(HttpServerTest, ServesOverTcp) {
  const std::string response =
      Exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200")) << response;
  EXPECT_NE(response.find("\"status\": \"ok\""), std::string::npos);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequests) {
  const std::string response = Exchange(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/agreements HTTP/1.1\r\nHost: "
      "x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(response.find("HTTP/1.1 200"), 0u);
  EXPECT_NE(response.find("HTTP/1.1 200", 10), std::string::npos);
  EXPECT_NE(response.find("lv-ua-2024"), std::string::npos);
}

// How many responses `received` holds: status lines at its start or a line's.
size_t ResponseCount(std::string_view received) {
  size_t count = 0;
  for (size_t at = received.find("HTTP/1."); at != std::string_view::npos;
       at = received.find("HTTP/1.", at + 1)) {
    count += at == 0 || received[at - 1] == '\n';
  }
  return count;
}

// The value of the header `name` in a response's head, or "".
std::string HeaderOf(std::string_view head, std::string_view name) {
  const size_t at = head.find("\r\n" + std::string(name) + ": ");
  if (at == std::string_view::npos) return "";
  const size_t begin = at + name.size() + 4;
  return std::string(head.substr(begin, head.find("\r\n", begin) - begin));
}

// The Content-Length of a response's head, or -1.
int64_t ContentLengthOf(std::string_view head) {
  const size_t at = head.find("Content-Length: ");
  if (at == std::string_view::npos) return -1;
  return std::stoll(std::string(head.substr(at + 16, head.find("\r\n", at) - at - 16)));
}

TEST_F(HttpServerTest, HeadGivesTheLengthOfTheBodyItLeavesOut) {
  for (const char* target : {"/healthz", "/api/v1/status"}) {
    const std::string get = Exchange(std::string("GET ") + target +
                                     " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(get.starts_with("HTTP/1.1 200")) << get;
    const size_t get_body = get.find("\r\n\r\n") + 4;
    ASSERT_GT(get.size(), get_body) << target << ": " << get;
    const auto body_size = static_cast<int64_t>(get.size() - get_body);
    EXPECT_EQ(ContentLengthOf(get.substr(0, get_body)), body_size);
    // A HEAD and then a GET on one connection: the HEAD's response ends with its header, or the
    // second response would not start right after it.
    const std::string both =
        Exchange(std::string("HEAD ") + target + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + target +
                 " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const size_t head_end = both.find("\r\n\r\n") + 4;
    EXPECT_TRUE(both.starts_with("HTTP/1.1 200")) << both;
    EXPECT_EQ(ContentLengthOf(both.substr(0, head_end)), body_size) << target;
    EXPECT_EQ(both.compare(head_end, 12, "HTTP/1.1 200"), 0) << target << ": " << both;
  }
}

TEST_F(HttpServerTest, AHeadOrGetAnsweredNotModifiedGivesNoLength) {
  const std::string get =
      Exchange("GET /api/v1/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const size_t at = get.find("ETag: ");
  ASSERT_NE(at, std::string::npos) << get;
  const std::string etag = get.substr(at + 6, get.find("\r\n", at) - at - 6);
  // No length and no body: the next response on the connection starts right after the head.
  for (const char* method : {"HEAD", "GET"}) {
    const std::string both = Exchange(
        std::string(method) + " /api/v1/status HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag +
        "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const size_t head_end = both.find("\r\n\r\n") + 4;
    EXPECT_TRUE(both.starts_with("HTTP/1.1 304")) << method << ": " << both;
    EXPECT_EQ(ContentLengthOf(both.substr(0, head_end)), -1) << method << ": " << both;
    EXPECT_EQ(both.compare(head_end, 12, "HTTP/1.1 200"), 0) << method << ": " << both;
  }
}

// A 204 (signing out) has neither a length nor a content type (RFC 9110 §8.6), and the next
// response on the connection starts right after its head.
TEST_F(HttpServerTest, ANoContentAnswerGivesNoLength) {
  const std::string both = Exchange(
      "DELETE /api/v1/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tokens_->at("rita") +
      "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const size_t head_end = both.find("\r\n\r\n") + 4;
  const std::string head = both.substr(0, head_end);
  EXPECT_TRUE(both.starts_with("HTTP/1.1 204")) << both;
  EXPECT_EQ(ContentLengthOf(head), -1) << both;
  EXPECT_EQ(head.find("\r\nContent-Type:"), std::string::npos) << both;
  EXPECT_EQ(both.compare(head_end, 12, "HTTP/1.1 200"), 0) << both;
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413) {
  // Refused on the headers: the server does not read the body it announces.
  const std::string response = Exchange(
      "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2000000\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 413")) << response.substr(0, 100);
}

TEST_F(HttpServerTest, MalformedRequestIs400) {
  const std::string response = Exchange("GARBAGE\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 400")) << response;
}

TEST_F(HttpServerTest, SlowClientIsDisconnectedAndOthersAreServed) {
  const int slow = Connect();
  SendAll(slow, "GET /healthz HTTP/1.1\r\nHost: x\r\n");  // the headers never end
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ReadAll(slow), "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  ::close(slow);
  EXPECT_TRUE(Exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .starts_with("HTTP/1.1 200"));
}

TEST_F(HttpServerTest, StopFinishesTheRequestInFlight) {
  static bool added = false;
  if (!added) {
    app_->mutable_router().Add({"GET", "/test/slow", http::Access::kPublic,
                                [](http::RequestContext&) {
                                  std::this_thread::sleep_for(std::chrono::milliseconds(400));
                                  http::HttpResponse response;
                                  response.body = "finished";
                                  return response;
                                },
                                false});
    added = true;
  }
  const int fd = Connect();
  SendAll(fd, "GET /test/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server_->Stop();
  const std::string response = ReadAll(fd);
  ::close(fd);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200")) << response;
  EXPECT_TRUE(response.ends_with("finished"));
  // No new connection is accepted after Stop.
  const int late = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(server_->port());
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  thread_.join();
  EXPECT_NE(::connect(late, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ::close(late);
  thread_ = std::thread([] {});
}

// RFC 9112 §6.3: unless chunked is the final coding the body's end is unknown (400), and a coding
// the server does not implement is 501 (§6.1); either way the connection closes, so that what
// follows is not served as a request of its own.
TEST_F(HttpServerTest, ATransferCodingOtherThanAFinalChunkedIsRefusedAndClosesTheConnection) {
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const auto& [coding_and_body, status] :
       {std::pair{"gzip\r\n\r\n", "400"},
        std::pair{"gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", "501"}}) {
    const std::string answer = Exchange(
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: " +
        std::string(coding_and_body) + smuggled);
    EXPECT_TRUE(answer.starts_with(std::string("HTTP/1.1 ") + status)) << answer;
    EXPECT_EQ(ResponseCount(answer), 1u) << answer;
  }
  // Chunked alone is read, and the connection serves the next request.
  const std::string chunked = Exchange(
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(chunked.starts_with("HTTP/1.1 400")) << chunked;
  EXPECT_NE(chunked.find("name: required"), std::string::npos) << chunked;
  EXPECT_EQ(ResponseCount(chunked), 2u) << chunked;
}

// RFC 9112 §3.2: an HTTP/1.1 request without Host, or any with two, is 400; §3.2.2: an
// absolute-form target is served by its path and query.
TEST_F(HttpServerTest, HostIsRequiredOnceAndAnAbsoluteFormTargetIsServed) {
  EXPECT_TRUE(Exchange("GET /healthz HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 400"));
  EXPECT_TRUE(
      Exchange("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").starts_with("HTTP/1.1 400"));
  EXPECT_TRUE(Exchange("GET /healthz HTTP/1.0\r\n\r\n").starts_with("HTTP/1.0 200"));
  const std::string absolute =
      Exchange("GET http://x/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(absolute.starts_with("HTTP/1.1 200")) << absolute;
  EXPECT_NE(absolute.find("\"status\": \"ok\""), std::string::npos) << absolute;
  const std::string with_query = Exchange(
      "GET HTTP://x:8080/api/v1/events?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(with_query.starts_with("HTTP/1.1 200")) << with_query;
  EXPECT_NE(with_query.find("\"next_begin\""), std::string::npos) << with_query;
}

TEST_F(HttpServerTest, TwoAuthorizationLinesAre400) {
  const std::string token = tokens_->at("rita");
  const std::string response =
      Exchange("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
               "\r\nAuthorization: Bearer " + tokens_->at("ada") + "\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 400")) << response;
  EXPECT_NE(response.find("Authorization: given more than once"), std::string::npos) << response;
}

// The README promises one log line per request, and /metrics counts every response: the
// requests the server refuses before routing included.
TEST_F(HttpServerTest, RefusalsBeforeRoutingAreLoggedAndCounted) {
  const std::vector<std::pair<std::string, int>> cases = {
      {"GET /healthz HTTP/1.1\r\n\r\n", 400},
      {"GET /ledger HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", 431},
      {"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413}};
  for (const auto& [request, status] : cases) {
    EXPECT_TRUE(Exchange(request).starts_with("HTTP/1.1 " + std::to_string(status))) << status;
    const nlohmann::json line = LastLogLine();
    EXPECT_EQ(line.value("status", 0), status) << line.dump();
    EXPECT_EQ(line.value("method", ""), request.substr(0, request.find(' '))) << line.dump();
    EXPECT_EQ(line.value("remote", ""), "127.0.0.1") << line.dump();
    EXPECT_NE(app_->metrics().Text().find(
                  "treaty_http_requests_total{route=\"unmatched\",method=\"" +
                  line.value("method", "") + "\",status=\"" + std::to_string(status) + "\"}"),
              std::string::npos)
        << status;
  }
}

// RFC 9110 §10.1.1: a client that sends Expect: 100-continue waits for a 100 before the body.
TEST_F(HttpServerTest, ExpectContinueIsAnsweredBeforeTheBody) {
  const int fd = Connect();
  SendAll(fd,
          "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          "Content-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(ReadHead(fd), "HTTP/1.1 100 Continue\r\n\r\n");
  SendAll(fd, "{}");
  const std::string response = ReadAll(fd);
  ::close(fd);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 400")) << response;
  EXPECT_NE(response.find("name: required"), std::string::npos) << response;
  // A request refused on its header gets its final answer at once, without a 100.
  const std::string refused = Exchange(
      "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 413")) << refused;
}

// RFC 9110 §10.1.1: a request its header already refuses is answered so, and its body is never
// asked for; one that only its body can tell gets the 100.
TEST_F(HttpServerTest, ExpectContinueIsRefusedWithoutTheBodyWhenTheHeaderEarnsIt) {
  const std::string upload =
      "Content-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n";
  const std::string token = tokens_->at("rita");
  const std::vector<std::pair<std::string, int>> cases = {
      {"POST /api/v1/events HTTP/1.1\r\nHost: x\r\n", 401},
      {"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n", 401},
      {"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n", 403},
      {"POST /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n", 404},
      {"PUT /api/v1/events HTTP/1.1\r\nHost: x\r\n", 405},
      {"POST /record HTTP/1.1\r\nHost: x\r\n", 303}};
  for (const auto& [head, status] : cases) {
    const int fd = Connect();
    SendAll(fd, head + upload);
    const std::string response = ReadAll(fd);  // the server closes without waiting for the body
    ::close(fd);
    EXPECT_TRUE(response.starts_with("HTTP/1.1 " + std::to_string(status))) << response;
    EXPECT_EQ(response.find("100 Continue"), std::string::npos) << response;
    EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
    EXPECT_EQ(LastLogLine().value("status", 0), status) << head;
  }
  // A recorder may post: only the body can tell whether the event is good, so it is asked for.
  const int fd = Connect();
  SendAll(fd, "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                  tokens_->at("lauris") + "\r\n" + upload);
  EXPECT_EQ(ReadHead(fd), "HTTP/1.1 100 Continue\r\n\r\n");
  ::close(fd);
}

// RFC 9110 §6.6.1: an origin server with a clock sends Date, an IMF-fixdate, on every response.
TEST_F(HttpServerTest, EveryResponseHasADate) {
  const std::regex fixdate(
      R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT)");
  for (const char* request :
       {"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GARBAGE\r\n\r\n"}) {
    const std::string response = Exchange(request);
    const std::string date = HeaderOf(response.substr(0, response.find("\r\n\r\n") + 2), "Date");
    EXPECT_TRUE(std::regex_match(date, fixdate)) << request << ": " << response;
  }
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  const std::string response =
      Exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(HeaderOf(response, "Date").find(" " + std::to_string(utc.tm_year + 1900) + " "),
            std::string::npos)
      << response;
}

// The server's own refusals answer a page's path with a page, the API's with JSON.
TEST_F(HttpServerTest, RefusalsBeforeRoutingAreAPageForAPage) {
  const std::string big = "X-Big: " + std::string(20000, 'a') + "\r\n";
  const std::string page = Exchange("GET /ledger HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
  EXPECT_TRUE(page.starts_with("HTTP/1.1 431")) << page.substr(0, 300);
  EXPECT_EQ(HeaderOf(page, "Content-Type").find("text/html"), 0u) << page.substr(0, 300);
  const std::string api = Exchange("GET /api/v1/events HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
  EXPECT_TRUE(api.starts_with("HTTP/1.1 431")) << api.substr(0, 300);
  EXPECT_EQ(HeaderOf(api, "Content-Type"), "application/json") << api.substr(0, 300);
  const std::string no_host = Exchange("GET /text HTTP/1.1\r\n\r\n");
  EXPECT_TRUE(no_host.starts_with("HTTP/1.1 400")) << no_host;
  EXPECT_EQ(HeaderOf(no_host, "Content-Type").find("text/html"), 0u) << no_host;
}

// A request line longer than the header limit is a target too long (414), not headers (431).
TEST_F(HttpServerTest, ATargetLongerThanTheLimitIs414) {
  const std::string response =
      Exchange("GET /api/v1/search?q=" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 414")) << response.substr(0, 300);
  EXPECT_EQ(HeaderOf(response, "Content-Type"), "application/json") << response.substr(0, 300);
}

// A short request line that came in pieces, followed by headers too large, is 431, not 414.
TEST_F(HttpServerTest, HeadersTooLargeAfterALineInPiecesAre431) {
  const int fd = Connect();
  SendAll(fd, "GET /api/v1/ev");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  SendAll(fd, "ents HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  const std::string response = ReadAll(fd);
  ::close(fd);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 431")) << response.substr(0, 300);
}

// RFC 9110 §15.6.6: a major version other than HTTP/1 is 505, a malformed one 400.
TEST_F(HttpServerTest, AnotherHttpVersionIs505) {
  const std::string response = Exchange("GET / HTTP/2.0\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(response.starts_with("HTTP/1.1 505")) << response;
  EXPECT_TRUE(Exchange("GET / HTTP/1.x\r\nHost: x\r\n\r\n").starts_with("HTTP/1.1 400"));
}

// Anyone can write X-Forwarded-For: from a peer the server does not trust, it names no one.
TEST_F(HttpServerTest, AnUntrustedPeersForwardedForIsIgnored) {
  Exchange(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.5\r\n"
      "Connection: close\r\n\r\n");
  EXPECT_EQ(LastLogLine().value("remote", ""), "127.0.0.1");
}

// Behind a reverse proxy on 127.0.0.1 that the server trusts, the client is the one its
// X-Forwarded-For names: in the log, and in the sign-in limits, which lock one client out and
// not every client of the proxy.
class HttpProxiedServerTest : public HttpServerTest {
 protected:
  // In another written form than the peer's: Listen reads it as the same address.
  void Configure(http::ServerOptions& options) override {
    options.trusted_proxies = {"::ffff:127.0.0.1"};
  }

  std::string SignInFrom(const std::string& client, int attempt) {
    const std::string body =
        R"({"name": "nobody-)" + std::to_string(attempt) + R"(", "password": "wrong-password"})";
    return Exchange("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + client +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  }
};

TEST_F(HttpProxiedServerTest, TheClientIsTheOneTheTrustedProxyNames) {
  Exchange(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 192.0.2.66, 203.0.113.5\r\n"
      "Connection: close\r\n\r\n");
  EXPECT_EQ(LastLogLine().value("remote", ""), "203.0.113.5");
  // A proxy that adds a line of its own: the lines are one list.
  Exchange(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 192.0.2.66\r\n"
      "X-Forwarded-For: 203.0.113.6\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(LastLogLine().value("remote", ""), "203.0.113.6");
  Exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(LastLogLine().value("remote", ""), "127.0.0.1");
}

TEST_F(HttpProxiedServerTest, FailedSignInsLockOutOneClientNotTheProxy) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    EXPECT_TRUE(SignInFrom("203.0.113.7", attempt).starts_with("HTTP/1.1 401")) << attempt;
  }
  EXPECT_TRUE(SignInFrom("203.0.113.7", 10).starts_with("HTTP/1.1 429"));
  EXPECT_TRUE(SignInFrom("203.0.113.8", 11).starts_with("HTTP/1.1 401"));
}

// Proxies named by a range: any peer in it is believed.
class HttpProxyRangeServerTest : public HttpProxiedServerTest {
 protected:
  void Configure(http::ServerOptions& options) override {
    options.trusted_proxies = {"127.1.2.3/8"};
  }
};

// An IPv6 host picks the last 64 bits of its address itself: failures from one /64 count as one
// client's, whichever addresses in it they come from.
TEST_F(HttpProxyRangeServerTest, FailedSignInsLockOutAnIpv6ClientByItsSlash64) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    EXPECT_TRUE(SignInFrom(fmt::format("2001:db8:1:2::{:x}", attempt + 1), attempt)
                    .starts_with("HTTP/1.1 401"))
        << attempt;
  }
  EXPECT_EQ(LastLogLine().value("remote", ""), "2001:db8:1:2::a");
  EXPECT_TRUE(SignInFrom("2001:db8:1:2:ffff::1", 10).starts_with("HTTP/1.1 429"));
  EXPECT_TRUE(SignInFrom("2001:db8:1:3::1", 11).starts_with("HTTP/1.1 401"));
}

}  // namespace
}  // namespace treaty::test
