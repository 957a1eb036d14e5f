// The Beast server over a real socket: serving, the body limit, a slow client, graceful stop.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <string_view>
#include <thread>

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
    Result<std::unique_ptr<http::Server>> server = http::Server::Listen(*app_, options);
    ASSERT_TRUE(server.ok()) << server.error().ToString();
    server_ = std::move(server).value();
    thread_ = std::thread([this] { server_->Run(false); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

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

}  // namespace
}  // namespace treaty::test
