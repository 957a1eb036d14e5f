// UUIDs of the ledger (docs/ledger-format.md §1.4): version 7 event ids, written lowercase.
// Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace treaty::ledger {

// `count` new UUIDs version 7 (RFC 9562 §5.7): the 48-bit `unix_ms`, version 7, 12 random bits,
// variant 10, 62 random bits, the random bits from libsodium's randombytes_buf; lowercase
// 8-4-4-4-12, in ascending order (the ids of one append transaction, so that its rows reach the
// unique index on id at its right edge, not scattered within it).
std::vector<std::string> NewUuidsV7(int64_t unix_ms, size_t count);

using UuidBytes = std::array<uint8_t, 16>;

// Lowercase 8-4-4-4-12 hex of `bytes`.
std::string UuidText(const UuidBytes& bytes);
// The 16 bytes of a lowercase UUID; nullopt for anything else (uppercase included).
std::optional<UuidBytes> LowercaseUuidBytes(std::string_view text);

// Why `id` is not a version 7 UUID (variant 10) of millisecond `unix_ms` (§1.4: an event's id
// carries the millisecond of its recorded_at); "" when it is.
std::string UuidV7Problem(const UuidBytes& id, int64_t unix_ms);

// True for 36 characters 8-4-4-4-12 of hex digits in either case (any version).
bool IsUuid(std::string_view text);

// `text` with A–Z lowered; other bytes unchanged.
std::string ToLowerAscii(std::string_view text);

}  // namespace treaty::ledger
