#include "views/http/entity_tag.h"

#include "ledger/hash.h"
#include "views/http/http_message.h"

namespace treaty::http {
namespace {

// The tag without whitespace or the weak prefix W/.
std::string_view Opaque(std::string_view tag) {
  tag = TrimWhitespace(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string EntityTagOf(std::string_view representation) {
  return "\"" + ledger::ToHex(ledger::Sha256(representation)) + "\"";
}

bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  if (Opaque(if_none_match) == "*") return true;
  const std::string_view wanted = Opaque(etag);
  while (!if_none_match.empty()) {
    const size_t comma = if_none_match.find(',');
    if (Opaque(if_none_match.substr(0, comma)) == wanted) return true;
    if_none_match = comma == std::string_view::npos ? "" : if_none_match.substr(comma + 1);
  }
  return false;
}

}  // namespace treaty::http
