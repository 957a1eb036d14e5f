// Text as XML 1.0 can carry it, for the XML writers.
#pragma once

#include <string>
#include <string_view>

namespace treaty::views {

// `text` without the C0 control characters XML 1.0 cannot carry (all but tab, line feed and
// carriage return).
std::string XmlSafe(std::string_view text);

}  // namespace treaty::views
