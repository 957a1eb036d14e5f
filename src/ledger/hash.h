// SHA-256 and the RFC 9162 leaf and node hashes of the ledger's Merkle tree (docs/ledger-format.md
// §3.1), and the lowercase hex that every file uses for them. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treaty::ledger {

using Hash = std::array<uint8_t, 32>;

// SHA-256 of `bytes`.
Hash Sha256(std::string_view bytes);

// RFC 9162 leaf hash: SHA-256(0x00 || leaf_bytes).
Hash LeafHash(std::string_view leaf_bytes);

// RFC 9162 node hash: SHA-256(0x01 || left || right).
Hash NodeHash(const Hash& left, const Hash& right);

// 64 lowercase hex digits.
std::string ToHex(const Hash& hash);

// Parses exactly 64 lowercase hex digits; anything else (another length, an uppercase or non-hex
// character) is an error naming the problem.
Result<Hash> HashFromHex(std::string_view hex);

}  // namespace treaty::ledger
