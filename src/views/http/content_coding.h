// HTTP content codings (RFC 9110 §8.4): gzip bodies for clients that accept them, so a large
// cached document crosses the network once compressed instead of in full on every request.
#pragma once

#include <string>
#include <string_view>

namespace treaty::http {

// `body` as a gzip member (RFC 1952), deflate level 6. Throws std::runtime_error when zlib fails,
// which only happens when memory runs out.
std::string Gzip(std::string_view body);

// True when an Accept-Encoding value (RFC 9110 §12.5.3) admits gzip: "gzip" or "*" listed without
// "q=0". Names are case-insensitive; "x-gzip" counts as gzip.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace treaty::http
