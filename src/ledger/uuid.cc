#include "ledger/uuid.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "ledger/hash.h"

namespace treaty::ledger {

namespace {

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

// Where 8-4-4-4-12 has its dashes.
constexpr bool IsDashAt(size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::string UuidText(const UuidBytes& bytes) {
  std::string text;
  text.reserve(36);
  for (const char digit : BytesToHex(bytes.data(), bytes.size())) {
    if (IsDashAt(text.size())) text.push_back('-');
    text.push_back(digit);
  }
  return text;
}

std::optional<UuidBytes> LowercaseUuidBytes(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  UuidBytes bytes;
  size_t out = 0;
  for (size_t i = 0; i < text.size();) {
    if (IsDashAt(i)) {
      if (text[i++] != '-') return std::nullopt;
      continue;
    }
    const int high = HexValue(text[i]);
    const int low = HexValue(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[out++] = static_cast<uint8_t>(high << 4 | low);
    i += 2;
  }
  return bytes;
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

std::string UuidV7Problem(const UuidBytes& id, int64_t unix_ms) {
  if (id[6] >> 4 != 7 || (id[8] & 0xc0) != 0x80) return "not a version 7 UUID";
  uint64_t millisecond = 0;
  for (int i = 0; i < 6; ++i) millisecond = millisecond << 8 | id[i];
  if (millisecond != static_cast<uint64_t>(unix_ms)) {
    return "its time is not the millisecond of recorded_at";
  }
  return "";
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDashAt(i)) {
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
