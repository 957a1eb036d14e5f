// Conditional GET (RFC 9110 §13.1.2): a client that holds the current representation, named by
// its entity tag, gets 304 Not Modified instead of the body again.
#pragma once

#include <string>
#include <string_view>

namespace treaty::http {

// A strong entity tag for `representation`: its SHA-256 in hex, quoted.
std::string EntityTagOf(std::string_view representation);

// True when an If-None-Match value lists `etag` (weak comparison: a W/ prefix on either side is
// ignored) or is "*".
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

}  // namespace treaty::http
