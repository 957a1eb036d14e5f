#include "ledger/hash.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

// SHA-256(prefix || a || b), where `prefix` is absent when negative. OpenSSL's, because it uses
// the CPU's SHA extensions where there are some; one context per thread, reused.
Hash Sha256Of(int prefix, std::string_view a, std::string_view b = {}) {
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_MD_CTX* ctx = context.get();
  // Fails only when OpenSSL cannot allocate or has no SHA-256; no hash can be trusted then.
  if (kSha256 == nullptr || ctx == nullptr || EVP_DigestInit_ex(ctx, kSha256, nullptr) != 1) {
    std::abort();
  }
  if (prefix >= 0) {
    const unsigned char byte = static_cast<unsigned char>(prefix);
    EVP_DigestUpdate(ctx, &byte, 1);
  }
  EVP_DigestUpdate(ctx, a.data(), a.size());
  if (!b.empty()) EVP_DigestUpdate(ctx, b.data(), b.size());
  Hash out;
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(ctx, out.data(), &size) != 1 || size != out.size()) std::abort();
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
