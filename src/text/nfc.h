// Unicode NFC normalisation (ICU) that remembers where every output byte came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace treaty::text {

struct NfcText {
  std::string text;
  OffsetMap map;  // output offsets → input offsets
};

// The NFC form of `utf8`, or nullopt when `utf8` is already NFC (the common case: the caller keeps
// reading its own bytes, which map to themselves). REQUIRES: `utf8` is valid UTF-8.
std::optional<NfcText> ToNfc(std::string_view utf8);

}  // namespace treaty::text
