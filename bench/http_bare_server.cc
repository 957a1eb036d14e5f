// A bare Boost.Beast server answering every request with a constant JSON body: the baseline of
// bench/http_bench.sh. Usage: http_bare_server ADDRESS PORT. Two threads, keep-alive.
#include <utility>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket&& socket) : stream_(std::move(socket)) {}
  void Read() {
    request_ = {};
    bhttp::async_read(stream_, buffer_, request_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return;
                        self->Write();
                      });
  }

 private:
  void Write() {
    response_ = bhttp::response<bhttp::string_body>(bhttp::status::ok, request_.version());
    response_.set(bhttp::field::content_type, "application/json");
    response_.body() = "{\"status\": \"ok\"}\n";
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    bhttp::async_write(stream_, response_,
                       [self = shared_from_this()](beast::error_code ec, size_t) {
                         if (ec || !self->response_.keep_alive()) return;
                         self->Read();
                       });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> request_;
  bhttp::response<bhttp::string_body> response_;
};

void Accept(tcp::acceptor& acceptor, asio::io_context& ioc) {
  acceptor.async_accept(asio::make_strand(ioc), [&](beast::error_code ec, tcp::socket socket) {
    if (!ec) std::make_shared<Session>(std::move(socket))->Read();
    Accept(acceptor, ioc);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: http_bare_server ADDRESS PORT\n";
    return 2;
  }
  asio::io_context ioc(2);
  tcp::acceptor acceptor(
      ioc, {asio::ip::make_address(argv[1]), static_cast<unsigned short>(std::stoi(argv[2]))});
  Accept(acceptor, ioc);
  std::cout << "serving on " << argv[1] << ":" << argv[2] << std::endl;
  std::thread other([&ioc] { ioc.run(); });
  ioc.run();
  other.join();
  return 0;
}
