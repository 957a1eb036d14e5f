// The address of the client a request comes from, when the server stands behind reverse proxies
// that say it in X-Forwarded-For. Only the peers named as trusted proxies are believed: anyone
// else can write that header. Thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

namespace treaty::http {

// `text` as an IPv4 or IPv6 address in its normal written form ("::1", "192.0.2.7"; an IPv4 address
// mapped into IPv6, "::ffff:192.0.2.7", as IPv4), or nullopt when it is none.
std::optional<std::string> NormalAddress(std::string_view text);

// `text` as an address or a CIDR range of addresses ("10.0.0.0/8", "2001:db8::/32") in normal
// form: an address as NormalAddress gives it; a range with its host bits cleared ("10.1.2.3/8" →
// "10.0.0.0/8"), an IPv4-mapped IPv6 range as IPv4 ("::ffff:10.0.0.0/104" → "10.0.0.0/8"). nullopt
// when it is neither, and for a range of every address ("0.0.0.0/0", "::/0"), in which every client
// would be believed.
std::optional<std::string> NormalAddressRange(std::string_view text);

// Addresses and ranges of them, read once, for the test each request makes.
class AddressRanges {
 public:
  AddressRanges() = default;
  // From normal forms of NormalAddressRange (an address is a range of one); an entry that is none
  // is left out. Implicit, so that a set of them stands where AddressRanges are taken.
  AddressRanges(const std::set<std::string>& ranges);  // NOLINT(google-explicit-constructor)

  // True when `address` (a normal form) lies in one of the ranges.
  bool Contains(std::string_view address) const;

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

// The addresses one client holds, which limits per client count as one: an IPv4 address itself;
// for IPv6 its /64, within which a host picks its own interface ids (RFC 4291 §2.5.1) and changes
// them at will (temporary addresses, RFC 8981). Any other text is returned as it is.
std::string ClientBlock(const std::string& address);

// The client of a request received from `peer`. When `peer` is in `trusted_proxies`, the
// X-Forwarded-For list (its lines joined by ", ") is read from its
// right end, as each proxy appends the address it received from: the first address in none of the
// ranges is the client. `peer` itself when it is not trusted, when the list is absent, or when an
// entry read before the client is not an address (a proxy that does not write the header as
// expected).
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const AddressRanges& trusted_proxies);

}  // namespace treaty::http
