// The HTTP/1.1 server on Boost.Beast/Asio: reads requests (headers at most 16 KiB, bodies at most
// 1 MiB, else 431/413), hands each to Application::Handle, writes the response, keeps the
// connection alive when the client asks. A client that has not sent a whole request within the
// read timeout is disconnected. Stop (or SIGTERM/SIGINT when Run handles signals) stops
// accepting, lets requests in flight finish, closes idle connections, and returns from Run; a
// connection still busy after the grace period is cut.
//
// Beast lives in server.cc only. Thread-safe: Stop may be called from any thread.
#pragma once

#include <chrono>
#include <memory>
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
};

class Server {
 public:
  // Binds and listens. Errors: a bad address, a port in use.
  static Result<std::unique_ptr<Server>> Listen(Application& app, const ServerOptions& options);
  ~Server();

  // The port listened on.
  unsigned short port() const;

  // Serves on options.threads threads until Stop, or SIGTERM/SIGINT when `handle_signals`.
  void Run(bool handle_signals);
  void Stop();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080"). Errors: no port, a port out of range.
Result<std::pair<std::string, unsigned short>> ParseListenAddress(const std::string& text);

}  // namespace treaty::http
