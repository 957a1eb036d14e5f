#include "views/http/client_address.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <variant>

namespace treaty::http {
namespace {

std::string_view Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

namespace ip = boost::asio::ip;

constexpr unsigned short kMappedPrefix = 96;  // ::ffff:0:0/96 holds the IPv4-mapped addresses
constexpr unsigned short kClientPrefix = 64;

std::optional<ip::address> ParsedAddress(std::string_view text) {
  boost::system::error_code ec;
  const ip::address address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return address;
}

// The range of `text` ("ADDRESS/PREFIX"), host bits cleared; an IPv4-mapped IPv6 range as IPv4.
std::optional<std::variant<ip::network_v4, ip::network_v6>> ParsedRange(std::string_view text) {
  boost::system::error_code ec;
  const ip::network_v4 v4 = ip::make_network_v4(std::string(text), ec);
  if (!ec) return v4.canonical();
  ec.clear();
  const ip::network_v6 v6 = ip::make_network_v6(std::string(text), ec);
  if (ec) return std::nullopt;
  if (v6.address().is_v4_mapped() && v6.prefix_length() >= kMappedPrefix) {
    return ip::network_v4(ip::make_address_v4(ip::v4_mapped, v6.address()),
                          static_cast<unsigned short>(v6.prefix_length() - kMappedPrefix))
        .canonical();
  }
  return v6.canonical();
}

bool InRange(const ip::address& address,
             const std::variant<ip::network_v4, ip::network_v6>& range) {
  if (const auto* v4 = std::get_if<ip::network_v4>(&range)) {
    return address.is_v4() &&
           ip::network_v4(address.to_v4(), v4->prefix_length()).canonical() == *v4;
  }
  const auto& v6 = std::get<ip::network_v6>(range);
  return address.is_v6() && ip::network_v6(address.to_v6(), v6.prefix_length()).canonical() == v6;
}

}  // namespace

std::optional<std::string> NormalAddressRange(std::string_view text) {
  if (text.find('/') == std::string_view::npos) return NormalAddress(text);
  const auto range = ParsedRange(text);
  if (!range) return std::nullopt;
  // Every address: every client could name itself any other.
  if (std::visit([](const auto& network) { return network.prefix_length() == 0; }, *range)) {
    return std::nullopt;
  }
  return std::visit([](const auto& network) { return network.to_string(); }, *range);
}

bool InAddressRanges(const std::string& address, const std::set<std::string>& ranges) {
  if (ranges.contains(address)) return true;
  const std::optional<ip::address> parsed = ParsedAddress(address);
  if (!parsed) return false;
  for (const std::string& text : ranges) {
    if (text.find('/') == std::string::npos) continue;
    const auto range = ParsedRange(text);
    if (range && InRange(*parsed, *range)) return true;
  }
  return false;
}

std::string ClientBlock(const std::string& address) {
  const std::optional<ip::address> parsed = ParsedAddress(address);
  if (!parsed || !parsed->is_v6()) return address;
  return ip::network_v6(parsed->to_v6(), kClientPrefix).canonical().to_string();
}

std::optional<std::string> NormalAddress(std::string_view text) {
  const std::optional<ip::address> address = ParsedAddress(text);
  if (!address) return std::nullopt;
  // A server listening on [::] sees IPv4 clients as ::ffff:a.b.c.d; they are a.b.c.d.
  if (address->is_v6() && address->to_v6().is_v4_mapped()) {
    return ip::make_address_v4(ip::v4_mapped, address->to_v6()).to_string();
  }
  return address->to_string();
}

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::set<std::string>& trusted_proxies) {
  if (!InAddressRanges(peer, trusted_proxies)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view entry =
        Trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const std::optional<std::string> address = NormalAddress(entry);
    if (!address) return peer;
    if (!InAddressRanges(*address, trusted_proxies)) return *address;
  }
  return peer;
}

}  // namespace treaty::http
