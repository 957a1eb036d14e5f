#include "ledger/tree_head.h"

#include <sodium.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "ledger/canonical_json.h"
#include "ledger/timestamp.h"

namespace treaty::ledger {
namespace {

// A string as itself in double quotes, so that the caller's escaping of what it prints is the
// only one; any other value as JSON.
std::string Quoted(const nlohmann::json& value) {
  return value.is_string() ? "\"" + value.get<std::string>() + "\"" : value.dump();
}

}  // namespace

nlohmann::json TreeHeadJson(const TreeHead& head) {
  return nlohmann::json{{"agreement", head.agreement},        {"key_id", head.key_id},
                        {"root_hash", ToHex(head.root_hash)}, {"signer", head.signer},
                        {"timestamp", head.timestamp},        {"tree_size", head.tree_size}};
}

Result<std::string> CanonicalTreeHead(const TreeHead& head) {
  return Canonicalize(TreeHeadJson(head));
}

std::string HeadBytesDifference(const TreeHead& head, std::string_view head_bytes) {
  Result<std::string> canonical = CanonicalTreeHead(head);
  if (!canonical.ok()) return "its fields have no RFC 8785 form: " + canonical.error().ToString();
  if (canonical.value() == head_bytes) return "";
  const nlohmann::json signed_json = nlohmann::json::parse(head_bytes, nullptr, false);
  if (!signed_json.is_object()) return "the stored head bytes are not a JSON object";
  const nlohmann::json columns = TreeHeadJson(head);
  for (const auto& [field, value] : columns.items()) {
    const auto found = signed_json.find(field);
    if (found == signed_json.end()) return fmt::format("the stored head bytes lack {}", field);
    if (*found != value) {
      return fmt::format("column {} holds {}, the stored head bytes {}", field, Quoted(value),
                         Quoted(*found));
    }
  }
  for (const auto& member : signed_json.items()) {
    if (!columns.contains(member.key())) {
      return fmt::format("the stored head bytes have a member {} that heads do not have",
                         member.key());
    }
  }
  return "the stored head bytes are not the RFC 8785 form of its fields";
}

std::string FutureHeadWarning(const TreeHead& head, int64_t now_micros) {
  const std::optional<int64_t> dated = ParseTimestamp(head.timestamp);
  if (!dated || *dated - now_micros <= kHeadClockLeadMicros) return "";
  return fmt::format(
      "the head of size {} (signed by {}) is dated {}, after this machine's clock ({}): one of the "
      "two clocks is wrong, or the head was dated ahead",
      head.tree_size, head.signer, head.timestamp, FormatTimestamp(now_micros));
}

Result<std::string> TreeHeadMessage(const TreeHead& head) {
  Result<std::string> canonical = CanonicalTreeHead(head);
  if (!canonical.ok()) return canonical.error();
  return std::string(kTreeHeadContext) + canonical.value();
}

std::string KeyId(const PublicKey& public_key) {
  const Hash digest = Sha256({reinterpret_cast<const char*>(public_key.data()), public_key.size()});
  return BytesToHex(digest.data(), 16);
}

PublicKey PublicKeyFromSeed(const Seed& seed) {
  InitSodium();
  PublicKey public_key;
  std::array<uint8_t, crypto_sign_SECRETKEYBYTES> secret_key;
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return public_key;
}

Seed DemoSeed(std::string_view text) { return Sha256(text); }

Result<Signature> SignTreeHead(const TreeHead& head, const Seed& seed) {
  InitSodium();
  PublicKey public_key;
  std::array<uint8_t, crypto_sign_SECRETKEYBYTES> secret_key;
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  Result<std::string> message = TreeHeadMessage(head);
  if (!message.ok() || KeyId(public_key) != head.key_id) {
    sodium_memzero(secret_key.data(), secret_key.size());
    if (!message.ok()) return message.error();
    return Error{fmt::format("the private key does not match key {}", head.key_id), ""};
  }
  Signature signature;
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.value().data()),
                       message.value().size(), secret_key.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return signature;
}

bool VerifyTreeHead(const TreeHead& head, const Signature& signature, const PublicKey& public_key) {
  InitSodium();
  if (KeyId(public_key) != head.key_id) return false;
  Result<std::string> message = TreeHeadMessage(head);
  if (!message.ok()) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.value().data()),
                                     message.value().size(), public_key.data()) == 0;
}

std::string SignatureToHex(const Signature& signature) {
  return BytesToHex(signature.data(), signature.size());
}

Result<Signature> SignatureFromHex(std::string_view hex) {
  Signature signature;
  Result<bool> parsed = BytesFromHex(hex, signature.data(), signature.size());
  if (!parsed.ok()) return parsed.error();
  return signature;
}

}  // namespace treaty::ledger
