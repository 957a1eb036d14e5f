// Entry point of the text stage: bytes of a plain-text agreement in, NormalizedText out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "text/language.h"
#include "text/normalized_text.h"

namespace treaty::text {

// The most ReadFile reads from a pipe or a device, whose size is not known beforehand: 1 GiB, so
// that `/dev/zero` is an error instead of the end of the memory.
inline constexpr size_t kMaxStreamBytes = size_t{1} << 30;

// Reads a whole file; a pipe or device to its end. Errors: missing or unreadable file, a
// directory, a read error, more than kMaxStreamBytes from a pipe or device.
Result<std::string> ReadFile(const std::string& path);

// Normalises `bytes`; `name` only labels errors. Errors: empty or blank input, binary data (a NUL
// or other control byte, with its offset), invalid UTF-8 (with its byte offset and line).
// `language` overrides detection.
Result<NormalizedText> Normalize(std::string_view bytes, std::string_view name,
                                 std::optional<Language> language = std::nullopt);

}  // namespace treaty::text
