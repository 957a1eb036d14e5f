#include "views/http/server.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <list>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "views/http/client_address.h"

namespace treaty::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kMaxHeaderBytes = 16 * 1024;
// How much of the method and target of a request refused before its header was read is kept for
// the log and for choosing between a JSON and a page answer.
constexpr size_t kMaxMethodBytes = 32;
constexpr size_t kMaxTargetKeptBytes = 1024;

std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

// A request refused by the server before the application handles it.
struct Refusal {
  int status;
  std::string message;
};

// `now` as an IMF-fixdate (RFC 9110 §5.6.7), "Sun, 06 Nov 1994 08:49:37 GMT", for Date.
std::string HttpDate(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const sys_days day = floor<days>(now);
  const year_month_day date(day);
  const hh_mm_ss time(floor<seconds>(now - day));
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[weekday(day).c_encoding()],
                     static_cast<unsigned>(date.day()),
                     kMonths[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()), time.hours().count(), time.minutes().count(),
                     time.seconds().count());
}

// The request line at the start of `received`, as far as it came (all of it without a CRLF).
std::string_view RequestLine(std::string_view received) {
  return received.substr(0, received.find("\r\n"));
}

// What was received of a request whose request line Beast did not read: its method and the
// start of its target, enough to log it and to answer as its path's route does.
HttpRequest ReceivedRequestLine(std::string_view received, const std::string& remote) {
  HttpRequest request;
  request.remote = remote;
  const std::string_view line = RequestLine(received);
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || space > kMaxMethodBytes) return request;
  request.method = std::string(line.substr(0, space));
  const std::string_view target = line.substr(space + 1);
  request.target = std::string(target.substr(0, std::min(target.find(' '), kMaxTargetKeptBytes)));
  return request;
}

// Whether the request line ends with a well-formed version other than HTTP/1.x ("HTTP/2.0").
bool IsOtherHttpVersion(std::string_view line) {
  const std::string_view version = line.substr(line.rfind(' ') + 1);
  return version.size() == 8 && version.starts_with("HTTP/") &&
         std::isdigit(static_cast<unsigned char>(version[5])) && version[5] != '1' &&
         version[6] == '.' && std::isdigit(static_cast<unsigned char>(version[7]));
}

// Why a request whose header Beast did not read is refused (`line_read`: whether its request line
// was; `received`: what is left unparsed): 413 for a Content-Length over the body limit; 414 when
// the header limit was reached within the request line, its target being what is long (RFC 9110
// §15.5.15); 431 for other headers over it; 505 for a version other than HTTP/1 (§15.6.6); 400 for
// anything else malformed.
Refusal HeaderRefusal(beast::error_code ec, bool line_read, std::string_view received) {
  if (ec == bhttp::error::body_limit) return {413, "the body is larger than 1 MiB"};
  if (ec == bhttp::error::header_limit && !line_read) {
    return {414, "the request target is longer than 16 KiB"};
  }
  if (ec == bhttp::error::header_limit) return {431, "the headers are too large"};
  if (ec == bhttp::error::bad_version && IsOtherHttpVersion(RequestLine(received))) {
    return {505, "this server speaks HTTP/1.1 only"};
  }
  return {400, "malformed HTTP request"};
}

// Why a request's Transfer-Encoding is refused (RFC 9112 §6.1, §6.3): unless chunked is its
// final coding, once, the body's end cannot be found (400); a coding before it, such as gzip, is
// not implemented (501). Nothing for a request without one or with chunked alone.
std::optional<Refusal> TransferCodingRefusal(const bhttp::request_header<>& in) {
  const auto [first, last] = in.equal_range(bhttp::field::transfer_encoding);
  if (first == last) return std::nullopt;
  std::vector<std::string_view> codings;
  for (auto field = first; field != last; ++field) {
    for (const auto& coding : bhttp::ext_list(field->value())) {
      codings.push_back(View(coding.first));
    }
  }
  const auto is_chunked = [](std::string_view coding) {
    return boost::algorithm::iequals(coding, "chunked");
  };
  if (codings.empty() || !is_chunked(codings.back()) ||
      std::count_if(codings.begin(), codings.end(), is_chunked) != 1) {
    return Refusal{400, "Transfer-Encoding must end with chunked, given once"};
  }
  if (codings.size() > 1) {
    return Refusal{501, "the transfer coding " + std::string(codings.front()) +
                            " is not implemented; send the body chunked only"};
  }
  return std::nullopt;
}

// Why a request whose header was read is refused before its body: an HTTP/1.1 request without a
// Host, or any with two (RFC 9112 §3.2); two Authorization lines, of which one would be ignored;
// its Transfer-Encoding.
std::optional<Refusal> FieldRefusal(const bhttp::request_header<>& in) {
  const size_t hosts = in.count(bhttp::field::host);
  if (hosts == 0 && in.version() >= 11) return Refusal{400, "the request has no Host header"};
  if (hosts > 1) return Refusal{400, "Host: given more than once"};
  if (in.count(bhttp::field::authorization) > 1) {
    return Refusal{400, "Authorization: given more than once"};
  }
  return TransferCodingRefusal(in);
}

// Whether the client waits for a 100 (Continue) before it sends the body (RFC 9110 §10.1.1); an
// HTTP/1.0 client's expectation is ignored.
bool ExpectsContinue(const bhttp::request_header<>& in) {
  return in.version() >= 11 &&
         boost::algorithm::iequals(TrimWhitespace(View(in[bhttp::field::expect])), "100-continue");
}

// The origin form ("/path?query") and the authority of an absolute-form target
// ("http://host/path?query"); nullopt for a target of another form.
std::optional<std::pair<std::string, std::string>> SplitAbsoluteForm(std::string_view target) {
  const size_t scheme_end = target.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = target.substr(0, scheme_end);
  if (!boost::algorithm::iequals(scheme, "http") && !boost::algorithm::iequals(scheme, "https"))
    return std::nullopt;
  const std::string_view rest = target.substr(scheme_end + 3);
  const size_t path = rest.find_first_of("/?");
  std::string origin(path == std::string_view::npos ? "" : rest.substr(path));
  if (origin.empty() || origin.front() == '?') origin.insert(0, "/");
  return std::make_pair(std::move(origin), std::string(rest.substr(0, path)));
}

// The request the application sees, header names lower-case, from the client that `peer` and
// the trusted proxies name (client_address.h). An absolute-form target (RFC 9112 §3.2.2) is given
// in origin form, and its authority replaces the Host header, as the server must use it instead.
HttpRequest ToHttpRequest(const bhttp::request<bhttp::string_body>& in, const std::string& peer,
                          const AddressRanges& trusted_proxies) {
  HttpRequest request;
  request.method = std::string(in.method_string());
  request.target = std::string(in.target());
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto [found, added] = request.headers.emplace(name, std::string(field.value()));
    // The lines of a list, as RFC 9110 §5.3 joins them; a proxy may add its own line.
    if (!added && name == "x-forwarded-for") found->second += ", " + std::string(field.value());
  }
  request.remote = ClientAddress(peer, request.Header("x-forwarded-for"), trusted_proxies);
  if (auto absolute = SplitAbsoluteForm(request.target)) {
    request.target = std::move(absolute->first);
    request.headers["host"] = std::move(absolute->second);
  }
  request.body = in.body();
  return request;
}

bool EndsConnection(beast::error_code ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted;
}

}  // namespace

class Session;

class Server::Impl {
 public:
  explicit Impl(const ServerOptions& options)
      : options_(options),
        trusted_proxies_(options.trusted_proxies),
        ioc_(options.threads),
        acceptor_(asio::make_strand(ioc_)) {}

  Result<bool> Listen();
  void Accept();
  void Run(Application& app, bool handle_signals);
  void Stop();
  void Track(const std::shared_ptr<Session>& session);

  Application* app_ = nullptr;  // set by Run, before any request is accepted
  const ServerOptions options_;
  const AddressRanges trusted_proxies_;  // options_.trusted_proxies, read once
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex sessions_mutex_;
  std::list<std::weak_ptr<Session>> sessions_;
  std::unique_ptr<asio::steady_timer> grace_timer_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = NormalAddress(remote.address().to_string()).value_or("");
  }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  // Closes the connection unless a request is being handled; that one finishes first.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  // Reads a request's header, then (unless it is refused) its body. The read timeout covers both.
  void Read() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    busy_ = false;
    stream_.expires_after(server_.options_.read_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (EndsConnection(ec)) return Close();
    const bhttp::request<bhttp::string_body>& in = parser_->get();
    if (ec) {
      // The request line came whole when Beast parsed it (it consumes it then) or when a CRLF
      // ends it among the bytes still unparsed, as when it came in one piece and the rest after.
      const bool line_read =
          !in.target().empty() || RequestLine(Received()).size() < Received().size();
      return Refuse(line_read ? ToRequest(in) : ReceivedRequestLine(Received(), remote_),
                    HeaderRefusal(ec, line_read, Received()));
    }
    if (std::optional<Refusal> refusal = FieldRefusal(in)) {
      return Refuse(ToRequest(in), *refusal);
    }
    if (!parser_->is_done() && ExpectsContinue(in)) {
      // A client that waits is told a refusal its header already earns instead of being asked for
      // a body that would be read only to be refused (RFC 9110 §10.1.1); the body it did not send
      // is no next request, so the connection closes.
      if (std::optional<HttpResponse> refusal = server_.app_->RefuseBeforeBody(ToRequest(in))) {
        busy_ = true;
        return Write(std::move(*refusal), in.version(), false);
      }
      return Continue();
    }
    ReadBody();
  }

  // Tells a client that waits before sending the body to send it (RFC 9110 §15.2.1).
  void Continue() {
    auto out = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
    bhttp::async_write(stream_, *out,
                       [self = shared_from_this(), out](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         self->ReadBody();
                       });
  }

  void ReadBody() {
    if (parser_->is_done()) return OnRead({});
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (EndsConnection(ec)) return Close();
    const bhttp::request<bhttp::string_body>& in = parser_->get();
    if (ec == bhttp::error::body_limit) {
      return Refuse(ToRequest(in), {413, "the body is larger than 1 MiB"});
    }
    if (ec) return Refuse(ToRequest(in), {400, "malformed HTTP request"});
    busy_ = true;
    HttpResponse response = server_.app_->Handle(ToRequest(in));
    Write(std::move(response), in.version(), in.keep_alive() && !server_.stopping_);
  }

  // `in` as the application sees it, from the client this connection's peer names.
  HttpRequest ToRequest(const bhttp::request<bhttp::string_body>& in) const {
    return ToHttpRequest(in, remote_, server_.trusted_proxies_);
  }

  // What has been received and not yet parsed.
  std::string_view Received() const {
    const auto data = buffer_.data();
    return {static_cast<const char*>(data.data()), data.size()};
  }

  // Answers a request refused before it was handled, logged and counted by the application, and
  // closes the connection: what follows was not read as a body, so it is no next request (RFC
  // 9112 §6.3).
  void Refuse(const HttpRequest& request, const Refusal& refusal) {
    busy_ = true;
    Write(server_.app_->Refuse(request, refusal.status, refusal.message), 11, false);
  }

  void Write(HttpResponse response, unsigned version, bool keep_alive) {
    const auto status = static_cast<bhttp::status>(response.status);
    // A 1xx, 204 or 304 has no body whatever the handler left in the response.
    if (response.omitted_body_size || WithoutContent(response.status) || response.status == 304) {
      // HEAD: the header fields of a GET, its Content-Length included, and no body.
      auto out = std::make_shared<bhttp::response<bhttp::empty_body>>(status, version);
      Head(*out, response, keep_alive, response.omitted_body_size.value_or(0));
      return Send(std::move(out), nullptr);
    }
    if (response.shared_body) {
      // The shared body is written where it is; the handler keeps it alive until sent.
      auto out = std::make_shared<bhttp::response<bhttp::buffer_body>>(status, version);
      Head(*out, response, keep_alive, response.shared_body->size());
      out->body().data = const_cast<char*>(response.shared_body->data());
      out->body().size = response.shared_body->size();
      out->body().more = false;
      return Send(std::move(out), std::move(response.shared_body));
    }
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>(status, version);
    Head(*out, response, keep_alive, response.body.size());
    out->body() = std::move(response.body);
    Send(std::move(out), nullptr);
  }

  // The header fields; Content-Length is `body_size`, the size of the body sent or, for HEAD, of
  // the one a GET would send. None for a 304, where it would claim the representation's size, nor
  // for a 1xx or 204, which must not have one (RFC 9110 §8.6); these have no content either.
  template <typename Message>
  static void Head(Message& out, const HttpResponse& response, bool keep_alive, size_t body_size) {
    out.set(bhttp::field::server, "treaty");
    // The origin server has a clock, so every response says when it was made (RFC 9110 §6.6.1).
    out.set(bhttp::field::date, HttpDate(std::chrono::system_clock::now()));
    const bool no_content = WithoutContent(response.status);
    if (!no_content) out.set(bhttp::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) out.insert(name, value);
    if (!no_content && response.status != 304) out.content_length(body_size);
    out.keep_alive(keep_alive);
  }

  // A status whose response has no content at all (RFC 9110 §8.6, §15.3.5).
  static bool WithoutContent(int status) { return status < 200 || status == 204; }

  template <typename Message>
  void Send(std::shared_ptr<Message> out, std::shared_ptr<const std::string> keep) {
    stream_.expires_after(server_.options_.read_timeout);
    bhttp::async_write(stream_, *out,
                       [self = shared_from_this(), out, keep](beast::error_code ec, size_t) {
                         if (ec || !out->keep_alive() || self->server_.stopping_) {
                           return self->Close();
                         }
                         self->Read();
                       });
  }

  void Close() {
    busy_ = false;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  std::string remote_;  // the client's address, read once per connection
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  bool busy_ = false;
};

Result<bool> Server::Impl::Listen() {
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(options_.address, ec);
  if (ec) return Error{"not an IP address", options_.address};
  const tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error{"cannot listen: " + ec.message(),
                 options_.address + ":" + std::to_string(options_.port)};
  }
  port_ = acceptor_.local_endpoint(ec).port();
  return true;
}

void Server::Impl::Accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping_) return;
    if (!ec) {
      auto session = std::make_shared<Session>(std::move(socket), *this);
      Track(session);
      session->Start();
    }
    Accept();
  });
}

void Server::Impl::Track(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.remove_if([](const std::weak_ptr<Session>& weak) { return weak.expired(); });
  sessions_.push_back(session);
}

void Server::Impl::Stop() {
  asio::post(acceptor_.get_executor(), [this] {
    if (stopping_.exchange(true)) return;
    beast::error_code ec;
    acceptor_.close(ec);
    {
      std::lock_guard lock(sessions_mutex_);
      for (const std::weak_ptr<Session>& weak : sessions_) {
        if (auto session = weak.lock()) session->CloseIfIdle();
      }
    }
    grace_timer_ = std::make_unique<asio::steady_timer>(ioc_, options_.shutdown_grace);
    grace_timer_->async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) ioc_.stop();
    });
  });
}

void Server::Impl::Run(Application& app, bool handle_signals) {
  app_ = &app;
  asio::signal_set signals(ioc_);
  if (handle_signals) {
    signals.add(SIGTERM);
    signals.add(SIGINT);
    signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) Stop();
    });
  }
  Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.threads; ++i) threads.emplace_back([this] { ioc_.run(); });
  // Once every session is gone only the grace timer (and the signal wait) remain: cancel them.
  std::thread watcher([this, &signals] {
    while (!ioc_.stopped()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!stopping_) continue;
      bool idle = true;
      {
        std::lock_guard lock(sessions_mutex_);
        for (const std::weak_ptr<Session>& weak : sessions_) idle = idle && weak.expired();
      }
      if (idle) {
        ioc_.stop();
        break;
      }
    }
    beast::error_code ec;
    signals.cancel(ec);
  });
  ioc_.run();
  for (std::thread& thread : threads) thread.join();
  watcher.join();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Listen(const ServerOptions& options) {
  ServerOptions normal = options;
  normal.trusted_proxies.clear();
  for (const std::string& proxy : options.trusted_proxies) {
    const std::optional<std::string> range = NormalAddressRange(proxy);
    if (!range) {
      // NormalAddressRange refuses a prefix length of 0 as well as what is no range: the range of
      // every address is one whose address is one of a range of prefix length 1.
      const bool every_address =
          proxy.ends_with("/0") &&
          NormalAddressRange(proxy.substr(0, proxy.size() - 2) + "/1").has_value();
      return Error{every_address
                       ? "a range of every address, in which every client would be believed: \"" +
                             proxy + "\""
                       : "not an IP address or CIDR range: \"" + proxy + "\"",
                   "--trusted-proxy"};
    }
    normal.trusted_proxies.insert(*range);
  }
  auto impl = std::make_unique<Impl>(normal);
  Result<bool> listening = impl->Listen();
  if (!listening.ok()) return listening.error();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const { return impl_->port_; }

void Server::Run(Application& app, bool handle_signals) { impl_->Run(app, handle_signals); }

void Server::Stop() { impl_->Stop(); }

Result<std::pair<std::string, unsigned short>> ParseListenAddress(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) {
    return Error{"give HOST:PORT, e.g. 127.0.0.1:8080, not \"" + text + "\"", "--listen"};
  }
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    return Error{"the port is 0 to 65535, not \"" + port + "\"", "--listen"};
  }
  return std::make_pair(host, static_cast<unsigned short>(std::stoi(port)));
}

}  // namespace treaty::http
