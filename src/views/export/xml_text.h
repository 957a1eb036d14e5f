// Text as XML 1.0 can carry it, for the XML writers.
#pragma once

#include <string>
#include <string_view>

namespace treaty::views {

// `text` without the characters XML 1.0 cannot carry: the C0 controls other than tab, line feed
// and carriage return, and U+FFFE and U+FFFF. REQUIRES: valid UTF-8.
std::string XmlSafe(std::string_view text);

// XmlSafe(text) with each "_xHHHH_" written "_x005F_xHHHH_", so that a spreadsheet shows it as
// written instead of as the character it would otherwise escape (ECMA-376 Part 1, 22.9.2.19).
std::string SpreadsheetText(std::string_view text);

}  // namespace treaty::views
