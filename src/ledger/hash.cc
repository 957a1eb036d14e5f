#include "ledger/hash.h"

#include <sodium.h>

#include <cstdlib>

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

// SHA-256(prefix || a || b), where `prefix` is absent when negative.
Hash Sha256Of(int prefix, std::string_view a, std::string_view b = {}) {
  InitSodium();
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  if (prefix >= 0) {
    const unsigned char byte = static_cast<unsigned char>(prefix);
    crypto_hash_sha256_update(&state, &byte, 1);
  }
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(a.data()), a.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(b.data()), b.size());
  Hash out;
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

std::string_view Bytes(const Hash& hash) {
  return {reinterpret_cast<const char*>(hash.data()), hash.size()};
}

// The character as itself when printable ASCII, else as \xNN, for error messages.
std::string Printable(char c) {
  const auto byte = static_cast<uint8_t>(c);
  return byte >= 0x20 && byte < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", byte);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Hash Sha256(std::string_view bytes) { return Sha256Of(-1, bytes); }

Hash LeafHash(std::string_view leaf_bytes) { return Sha256Of(0x00, leaf_bytes); }

Hash NodeHash(const Hash& left, const Hash& right) {
  return Sha256Of(0x01, Bytes(left), Bytes(right));
}

void InitSodium() {
  static const bool initialized = [] {
    // Fails only when libsodium cannot work at all; no hash or signature can be trusted then.
    if (sodium_init() < 0) std::abort();
    return true;
  }();
  (void)initialized;
}

std::string BytesToHex(const uint8_t* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[bytes[i] >> 4]);
    hex.push_back(kDigits[bytes[i] & 0x0f]);
  }
  return hex;
}

Result<bool> BytesFromHex(std::string_view hex, uint8_t* out, size_t size) {
  if (hex.size() != 2 * size) {
    return Error{fmt::format("not {} lowercase hex digits: {} characters", 2 * size, hex.size()),
                 ""};
  }
  for (size_t i = 0; i < hex.size(); ++i) {
    if (HexValue(hex[i]) < 0) {
      return Error{fmt::format("not {} lowercase hex digits: '{}' at position {}", 2 * size,
                               Printable(hex[i]), i),
                   ""};
    }
  }
  for (size_t i = 0; i < size; ++i) {
    out[i] = static_cast<uint8_t>(HexValue(hex[2 * i]) << 4 | HexValue(hex[2 * i + 1]));
  }
  return true;
}

}  // namespace treaty::ledger
