// Signed tree heads (docs/ledger-format.md §4): the head, its RFC 8785 bytes, key ids, and Ed25519
// signatures (libsodium) over "treaty-tree-head-v1" ‖ 0x00 ‖ JCS(head). Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "ledger/hash.h"

namespace treaty::ledger {

// Public keys and seeds are 32 bytes like a Hash, so HashFromHex and ToHex read and write them.
using PublicKey = std::array<uint8_t, 32>;  // raw Ed25519 public key
using Seed = std::array<uint8_t, 32>;       // the `seed` of a private key file (§4.4)
using Signature = std::array<uint8_t, 64>;  // raw Ed25519 signature

// The head of §4.1. Its fields are not validated here; they are signed as they stand.
struct TreeHead {
  std::string agreement;  // agreement id
  int64_t tree_size = 0;  // number of leaves covered
  Hash root_hash{};       // MTH of the first tree_size leaves
  std::string timestamp;  // YYYY-MM-DDTHH:MM:SS.ffffffZ
  std::string signer;     // institution id
  std::string key_id;     // 32 lowercase hex digits, KeyId of the signing key
};

// The domain prefix of every signed message: "treaty-tree-head-v1" and one 0x00 byte (20 bytes).
inline constexpr std::string_view kTreeHeadContext{"treaty-tree-head-v1\0", 20};

// The members of `head` as JSON: what CanonicalTreeHead writes, and what proof files and the API
// show of a head (with its signature beside them).
nlohmann::json TreeHeadJson(const TreeHead& head);

// The RFC 8785 bytes of `head`, members ordered agreement, key_id, root_hash, signer, timestamp,
// tree_size. Errors: those of Canonicalize (a string that is not UTF-8, tree_size beyond
// ±kMaxSafeInteger).
Result<std::string> CanonicalTreeHead(const TreeHead& head);

// Empty when `head_bytes` are CanonicalTreeHead(head); else what differs, first by field in
// CanonicalTreeHead's order: "column timestamp holds \"…\", the stored head bytes \"…\"", or that
// the bytes are no head, lack a field, have another or are not in RFC 8785 form, or that the
// fields have no RFC 8785 form (CanonicalTreeHead's error). Strings are quoted as they are,
// control characters included: the caller escapes what it prints.
std::string HeadBytesDifference(const TreeHead& head, std::string_view head_bytes);

// How far after the verifier's clock a head may be dated before it is warned of (§5.5, §8):
// clocks kept by NTP differ by seconds, so a larger lead is a wrong clock or a head dated ahead.
inline constexpr int64_t kHeadClockLeadMicros = 5LL * 60 * 1000000;

// The warning for a head dated more than kHeadClockLeadMicros after `now_micros`, naming its size,
// signer and timestamp and the clock's time; empty otherwise, and for a timestamp not of §1.4.
std::string FutureHeadWarning(const TreeHead& head, int64_t now_micros);

// The bytes that are signed: kTreeHeadContext followed by CanonicalTreeHead(head).
Result<std::string> TreeHeadMessage(const TreeHead& head);

// The key id of §4.4: the first 16 bytes of SHA-256(public_key), as 32 lowercase hex digits.
std::string KeyId(const PublicKey& public_key);

// The public key of the key pair that crypto_sign_seed_keypair derives from `seed`.
PublicKey PublicKeyFromSeed(const Seed& seed);

// The seed of a demo key (§4.4): SHA-256 of the ASCII `text`, e.g. "treaty demo key lv-mod".
Seed DemoSeed(std::string_view text);

// Ed25519 signature of TreeHeadMessage(head) with the key pair of `seed`. Errors: head.key_id is
// not the KeyId of that key pair ("the private key does not match key K"), and those of
// CanonicalTreeHead.
Result<Signature> SignTreeHead(const TreeHead& head, const Seed& seed);

// True when `signature` is a valid signature of TreeHeadMessage(head) by `public_key` and
// head.key_id is KeyId(public_key); false otherwise, also when the head cannot be canonicalised.
bool VerifyTreeHead(const TreeHead& head, const Signature& signature, const PublicKey& public_key);

// 128 lowercase hex digits.
std::string SignatureToHex(const Signature& signature);

// Parses exactly 128 lowercase hex digits; anything else is an error naming the problem.
Result<Signature> SignatureFromHex(std::string_view hex);

}  // namespace treaty::ledger
