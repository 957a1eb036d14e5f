// The form of a party code of an agreement (agreement.json's `parties[].code`, an event's
// `participant`, a commitment's obligors): 2 or 3 capital ASCII letters ("LV", "UA", "GBR").
#pragma once

#include <algorithm>
#include <string_view>

namespace treaty {

inline bool IsPartyCode(std::string_view code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace treaty
