#include "views/http/client_address.h"

#include <algorithm>

#include <boost/asio/ip/address.hpp>
#include <variant>

#include "views/http/http_message.h"

namespace treaty::http {
namespace {

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

AddressRanges::AddressRanges(const std::set<std::string>& ranges) {
  for (const std::string& text : ranges) {
    const std::string range = text.find('/') != std::string::npos
                                  ? text
                                  : text + (text.find(':') != std::string::npos ? "/128" : "/32");
    const auto parsed = ParsedRange(range);
    if (!parsed) continue;
    if (const auto* v4 = std::get_if<ip::network_v4>(&*parsed)) {
      v4_.push_back(*v4);
    } else {
      v6_.push_back(std::get<ip::network_v6>(*parsed));
    }
  }
}

bool AddressRanges::Contains(std::string_view address) const {
  const std::optional<ip::address> parsed = ParsedAddress(address);
  if (!parsed) return false;
  if (parsed->is_v4()) {
    return std::any_of(v4_.begin(), v4_.end(), [&](const ip::network_v4& range) {
      return ip::network_v4(parsed->to_v4(), range.prefix_length()).canonical() == range;
    });
  }
  return std::any_of(v6_.begin(), v6_.end(), [&](const ip::network_v6& range) {
    return ip::network_v6(parsed->to_v6(), range.prefix_length()).canonical() == range;
  });
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
                          const AddressRanges& trusted_proxies) {
  if (!trusted_proxies.Contains(peer)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view entry =
        TrimWhitespace(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const std::optional<std::string> address = NormalAddress(entry);
    if (!address) return peer;
    if (!trusted_proxies.Contains(*address)) return *address;
  }
  return peer;
}

}  // namespace treaty::http
