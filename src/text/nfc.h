// Unicode NFC normalisation (ICU) that remembers where every output byte came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace treaty::text {

struct NfcText {
  std::string text;
  // Output offsets → input offsets; nullopt when the input was already NFC (identity map).
  std::optional<OffsetMap> map;
};

// REQUIRES: `utf8` is valid UTF-8.
NfcText ToNfc(std::string_view utf8);

}  // namespace treaty::text
