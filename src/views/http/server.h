// The HTTP/1.1 server on Boost.Beast/Asio: reads a request's header (at most 16 KiB, else 431, or
// 414 when the request line alone is longer), refuses before the body what cannot be served (a
// Content-Length over 1 MiB: 413; no Host on HTTP/1.1 or two Host or Authorization lines: 400; a
// Transfer-Encoding other than a final chunked: 400 or 501; another HTTP version: 505) through
// Application::Refuse and closes, answers Expect: 100-continue (with the final refusal instead,
// and a close, when Application::RefuseBeforeBody has one), reads the body (at most 1 MiB),
// hands the request to Application::Handle, writes the response with a Date, and keeps the
// connection alive when the client asks. A client that has not sent a whole request within the
// read timeout is disconnected. Stop (or SIGTERM/SIGINT when Run handles signals) stops
// accepting, lets requests in flight finish, closes idle connections, and returns from Run; a
// connection still busy after the grace period is cut.
//
// Beast lives in server.cc only. Thread-safe: Stop may be called from any thread.
#pragma once

#include <chrono>
#include <memory>
#include <set>
#include <string>

#include "core/result.h"
#include "views/http/application.h"

namespace treaty::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port)
  int threads = 2;
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds shutdown_grace{10000};
  // Peers whose X-Forwarded-For names the client (client_address.h): the address the request log
  // shows and the sign-in limits count per client. Addresses or CIDR ranges in any written form;
  // Listen refuses one that is neither.
  std::set<std::string> trusted_proxies;
};

class Server {
 public:
  // Binds and listens, before any application is made, so that a port in use is refused before
  // anything is read or written. Errors: a bad address, a port in use, a trusted proxy that is no
  // address.
  static Result<std::unique_ptr<Server>> Listen(const ServerOptions& options);
  ~Server();

  // The port listened on.
  unsigned short port() const;

  // Serves `app` on options.threads threads until Stop, or SIGTERM/SIGINT when `handle_signals`.
  void Run(Application& app, bool handle_signals);
  void Stop();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080"). Errors: no port, a port out of range.
Result<std::pair<std::string, unsigned short>> ParseListenAddress(const std::string& text);

}  // namespace treaty::http
