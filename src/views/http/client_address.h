// The address of the client a request comes from, when the server stands behind reverse proxies
// that say it in X-Forwarded-For. Only the peers named as trusted proxies are believed: anyone
// else can write that header. Thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace treaty::http {

// `text` as an IPv4 or IPv6 address in its normal written form ("::1", "192.0.2.7"; an IPv4 address
// mapped into IPv6, "::ffff:192.0.2.7", as IPv4), or nullopt when it is none.
std::optional<std::string> NormalAddress(std::string_view text);

// The client of a request received from `peer`. When `peer` is in `trusted_proxies` (normal
// forms), the X-Forwarded-For list (its lines joined by ", ") is read from its right end, as
// each proxy appends the address it received from: the first address that is no trusted proxy
// is the client. `peer` itself when it is not trusted, when the list is absent, or when an
// entry read before the client is not an address (a proxy that does not write the header as
// expected).
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::set<std::string>& trusted_proxies);

}  // namespace treaty::http
