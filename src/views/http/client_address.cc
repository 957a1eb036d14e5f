#include "views/http/client_address.h"

#include <boost/asio/ip/address.hpp>

namespace treaty::http {
namespace {

std::string_view Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

std::optional<std::string> NormalAddress(std::string_view text) {
  boost::system::error_code ec;
  const boost::asio::ip::address address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  // A server listening on [::] sees IPv4 clients as ::ffff:a.b.c.d; they are a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6())
        .to_string();
  }
  return address.to_string();
}

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::set<std::string>& trusted_proxies) {
  if (!trusted_proxies.contains(peer)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view entry =
        Trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const std::optional<std::string> address = NormalAddress(entry);
    if (!address) return peer;
    if (!trusted_proxies.contains(*address)) return *address;
  }
  return peer;
}

}  // namespace treaty::http
