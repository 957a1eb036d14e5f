// Percent-decoding (RFC 3986 §2.1) of the parts of URLs: the server's request targets and forms,
// and the parameters of PostgreSQL URLs.
#pragma once

#include <string>
#include <string_view>

namespace treaty::text {

enum class PercentDecoding { kDecodes, kMalformed, kNulByte };

// Decodes `text` into `out`, '+' as a space when `plus_is_space` (as in forms). kMalformed at a
// '%' without two hex digits after it (either case); kNulByte at an escape of the byte 0, which
// no name or value here may hold. `out` is complete only when it decodes.
PercentDecoding DecodePercents(std::string_view text, bool plus_is_space, std::string& out);

}  // namespace treaty::text
