// SHA-256 and the RFC 9162 leaf and node hashes of the ledger's Merkle tree (docs/ledger-format.md
// §3.1) (OpenSSL), and the lowercase hex that every file uses for them. Thread-safe.
#pragma once

#include <array>
#include <cstddef>
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

// sodium_init() once per process; call before any libsodium function. Thread-safe.
void InitSodium();

// Lowercase hex of `size` bytes.
std::string BytesToHex(const uint8_t* bytes, size_t size);
// The value of a lowercase hex digit, or -1. Inline: ids and hashes are read a digit at a time.
inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
// Parses exactly 2 × `size` lowercase hex digits into `out`; anything else (another length, an
// uppercase or non-hex character) is an error naming the problem.
Result<bool> BytesFromHex(std::string_view hex, uint8_t* out, size_t size);

// 64 lowercase hex digits.
inline std::string ToHex(const Hash& hash) { return BytesToHex(hash.data(), hash.size()); }

// Parses exactly 64 lowercase hex digits.
inline Result<Hash> HashFromHex(std::string_view hex) {
  Hash hash;
  Result<bool> parsed = BytesFromHex(hex, hash.data(), hash.size());
  if (!parsed.ok()) return parsed.error();
  return hash;
}

}  // namespace treaty::ledger
