#include "views/http/server.h"

#include <utility>

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

namespace treaty::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kMaxHeaderBytes = 16 * 1024;

}  // namespace

class Session;

class Server::Impl {
 public:
  Impl(Application& app, const ServerOptions& options)
      : app_(app), options_(options), ioc_(options.threads), acceptor_(asio::make_strand(ioc_)) {}

  Result<bool> Listen();
  void Accept();
  void Run(bool handle_signals);
  void Stop();
  void Track(const std::shared_ptr<Session>& session);

  Application& app_;
  const ServerOptions options_;
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
    if (!ec) remote_ = remote.address().to_string();
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
  void Read() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    busy_ = false;
    stream_.expires_after(server_.options_.read_timeout);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) return WriteError(413, "the body is larger than 1 MiB");
    if (ec == bhttp::error::header_limit) return WriteError(431, "the headers are too large");
    if (ec) return WriteError(400, "malformed HTTP request");
    busy_ = true;
    const bhttp::request<bhttp::string_body>& in = parser_->get();
    HttpRequest request;
    request.method = std::string(in.method_string());
    request.target = std::string(in.target());
    for (const auto& field : in) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace(std::move(name), std::string(field.value()));
    }
    request.body = in.body();
    request.remote = remote_;
    HttpResponse response = server_.app_.Handle(request);
    Write(std::move(response), in.version(), in.keep_alive() && !server_.stopping_);
  }

  void WriteError(int status, const std::string& message) {
    busy_ = true;
    Write(ErrorResponse(status, message), 11, false);
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

void Server::Impl::Run(bool handle_signals) {
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

Result<std::unique_ptr<Server>> Server::Listen(Application& app, const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(app, options);
  Result<bool> listening = impl->Listen();
  if (!listening.ok()) return listening.error();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const { return impl_->port_; }

void Server::Run(bool handle_signals) { impl_->Run(handle_signals); }

void Server::Stop() { impl_->Stop(); }

Result<std::pair<std::string, unsigned short>> ParseListenAddress(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) {
    return Error{"give HOST:PORT, e.g. 127.0.0.1:8080", "--listen"};
  }
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    return Error{"the port is 0 to 65535", "--listen"};
  }
  return std::make_pair(host, static_cast<unsigned short>(std::stoi(port)));
}

}  // namespace treaty::http
