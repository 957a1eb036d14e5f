#include "ledger/uuid.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "ledger/hash.h"

namespace treaty::ledger {

namespace {

using UuidBytes = std::array<uint8_t, 16>;

// The id of `unix_ms` with the 10 random bytes at `random`, version and variant set.
UuidBytes UuidV7Bytes(int64_t unix_ms, const uint8_t* random) {
  UuidBytes bytes;
  for (int i = 0; i < 6; ++i) {
    bytes[i] = static_cast<uint8_t>(static_cast<uint64_t>(unix_ms) >> (8 * (5 - i)));
  }
  std::copy(random, random + 10, bytes.begin() + 6);
  bytes[6] = static_cast<uint8_t>(0x70 | (bytes[6] & 0x0f));
  bytes[8] = static_cast<uint8_t>(0x80 | (bytes[8] & 0x3f));
  return bytes;
}

// Lowercase 8-4-4-4-12.
std::string UuidText(const UuidBytes& bytes) {
  std::string text = BytesToHex(bytes.data(), bytes.size());
  for (const size_t dash : {8, 13, 18, 23}) text.insert(dash, 1, '-');
  return text;
}

}  // namespace

std::string NewUuidV7(int64_t unix_ms) {
  InitSodium();
  std::array<uint8_t, 10> random;
  randombytes_buf(random.data(), random.size());
  return UuidText(UuidV7Bytes(unix_ms, random.data()));
}

std::vector<std::string> NewUuidsV7(int64_t unix_ms, size_t count) {
  InitSodium();
  std::vector<uint8_t> random(10 * count);
  randombytes_buf(random.data(), random.size());
  std::vector<UuidBytes> all;
  all.reserve(count);
  for (size_t i = 0; i < count; ++i) all.push_back(UuidV7Bytes(unix_ms, random.data() + 10 * i));
  // Bytes in order are texts in order: lowercase hex keeps the order of the bytes it spells.
  std::sort(all.begin(), all.end());
  std::vector<std::string> ids;
  ids.reserve(count);
  for (const UuidBytes& bytes : all) ids.push_back(UuidText(bytes));
  return ids;
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

std::string ToLowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace treaty::ledger
