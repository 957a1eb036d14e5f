#include "ledger/keys.h"

#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include <fmt/format.h>

#include "ledger/canonical_json.h"
#include "ledger/timestamp.h"
#include "text/json_place.h"
#include "text/source_reader.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;

constexpr std::string_view kKeysFormat = "treaty-keys/1";
constexpr std::string_view kPrivateKeyFormat = "treaty-private-key/1";

// Parses strict JSON (no duplicate names) into an object.
Result<json> ParseObject(std::string_view text) {
  Result<std::string> canonical = CanonicalizeText(text);
  if (!canonical.ok()) return canonical.error();
  json value = json::parse(text);
  if (!value.is_object()) return Error{"not a JSON object", ""};
  return value;
}

// Error unless `object` has only `allowed` members and all of `required`.
std::optional<Error> CheckMembers(const json& object, const std::string& where,
                                  std::initializer_list<std::string_view> required,
                                  std::initializer_list<std::string_view> optional) {
  if (!object.is_object()) return Error{"not a JSON object", where};
  for (auto it = object.begin(); it != object.end(); ++it) {
    const bool known = std::find(required.begin(), required.end(), it.key()) != required.end() ||
                       std::find(optional.begin(), optional.end(), it.key()) != optional.end();
    if (!known) return Error{fmt::format("unknown member \"{}\"", it.key()), where};
  }
  for (std::string_view name : required) {
    if (!object.contains(name)) return Error{fmt::format("missing member \"{}\"", name), where};
  }
  return std::nullopt;
}

Result<std::string> StringMember(const json& object, const char* name, const std::string& where) {
  if (!object[name].is_string()) {
    return Error{"not a string", where.empty() ? name : where + "." + name};
  }
  return object[name].get<std::string>();
}

Result<std::string> TimestampMember(const json& object, const char* name,
                                    const std::string& where) {
  Result<std::string> value = StringMember(object, name, where);
  if (!value.ok()) return value;
  if (!ParseTimestamp(value.value())) {
    return Error{
        fmt::format("not a timestamp (YYYY-MM-DDTHH:MM:SS.ffffffZ): \"{}\"", value.value()),
        where + "." + name};
  }
  return value;
}

// The exclusive end of `key`'s validity: the earlier of valid_until and revoked_at, or "" (open).
std::string EndOf(const KeyEntry& key) {
  if (key.valid_until.empty()) return key.revoked_at;
  if (key.revoked_at.empty()) return key.valid_until;
  return std::min(key.valid_until, key.revoked_at);
}

}  // namespace

const Institution* KeysFile::FindInstitution(std::string_view id) const {
  for (const Institution& institution : institutions) {
    if (institution.id == id) return &institution;
  }
  return nullptr;
}

const KeyEntry* KeysFile::FindKey(std::string_view key_id) const {
  for (const KeyEntry& key : keys) {
    if (key.key_id == key_id) return &key;
  }
  return nullptr;
}

Result<KeysFile> ParseKeysFile(std::string_view text,
                               const std::vector<std::string>& participants) {
  Result<json> parsed = ParseObject(text);
  if (!parsed.ok()) return parsed.error();
  const json& root = parsed.value();
  if (auto error = CheckMembers(root, "", {"format", "agreement", "institutions", "keys"}, {})) {
    return *error;
  }
  if (root["format"] != kKeysFormat) {
    return Error{fmt::format("unknown format {}", root["format"].dump()), "format"};
  }
  KeysFile file;
  Result<std::string> agreement = StringMember(root, "agreement", "");
  if (!agreement.ok()) return agreement.error();
  file.agreement = agreement.value();
  if (!root["institutions"].is_array()) return Error{"not a JSON array", "institutions"};
  for (size_t i = 0; i < root["institutions"].size(); ++i) {
    const json& item = root["institutions"][i];
    const std::string where = fmt::format("institutions[{}]", i);
    if (auto error = CheckMembers(item, where, {"id", "participant", "name"}, {})) return *error;
    Institution institution;
    for (auto [name, field] :
         {std::pair{"id", &institution.id}, std::pair{"participant", &institution.participant},
          std::pair{"name", &institution.name}}) {
      Result<std::string> value = StringMember(item, name, where);
      if (!value.ok()) return value.error();
      *field = value.value();
    }
    if (!IsInstitutionId(institution.id)) {
      return Error{fmt::format("not an institution id: \"{}\"", institution.id), where + ".id"};
    }
    if (file.FindInstitution(institution.id)) {
      return Error{fmt::format("institution \"{}\" listed twice", institution.id), where + ".id"};
    }
    if (!participants.empty() && std::find(participants.begin(), participants.end(),
                                           institution.participant) == participants.end()) {
      return Error{fmt::format("not a party of the agreement: \"{}\"", institution.participant),
                   where + ".participant"};
    }
    file.institutions.push_back(std::move(institution));
  }
  if (!root["keys"].is_array()) return Error{"not a JSON array", "keys"};
  for (size_t i = 0; i < root["keys"].size(); ++i) {
    const json& item = root["keys"][i];
    const std::string where = fmt::format("keys[{}]", i);
    if (auto error =
            CheckMembers(item, where, {"key_id", "institution", "public_key", "valid_from"},
                         {"valid_until", "revoked_at", "demo"})) {
      return *error;
    }
    KeyEntry key;
    Result<std::string> key_id = StringMember(item, "key_id", where);
    Result<std::string> institution = StringMember(item, "institution", where);
    Result<std::string> public_key = StringMember(item, "public_key", where);
    Result<std::string> valid_from = TimestampMember(item, "valid_from", where);
    for (const auto* value : {&key_id, &institution, &public_key, &valid_from}) {
      if (!value->ok()) return value->error();
    }
    Result<Hash> raw = HashFromHex(public_key.value());
    if (!raw.ok()) return Error{raw.error().message, where + ".public_key"};
    std::copy(raw.value().begin(), raw.value().end(), key.public_key.begin());
    key.key_id = key_id.value();
    key.institution = institution.value();
    key.valid_from = valid_from.value();
    if (KeyId(key.public_key) != key.key_id) {
      return Error{fmt::format("key_id {} does not match its public key", key.key_id),
                   where + ".key_id"};
    }
    if (file.FindKey(key.key_id)) {
      return Error{fmt::format("key {} listed twice", key.key_id), where + ".key_id"};
    }
    if (!file.FindInstitution(key.institution)) {
      return Error{fmt::format("no institution \"{}\"", key.institution), where + ".institution"};
    }
    for (auto [name, field] :
         {std::pair{"valid_until", &key.valid_until}, std::pair{"revoked_at", &key.revoked_at}}) {
      if (!item.contains(name)) continue;
      Result<std::string> value = TimestampMember(item, name, where);
      if (!value.ok()) return value.error();
      *field = value.value();
    }
    if (!key.valid_until.empty() && key.valid_until <= key.valid_from) {
      return Error{
          fmt::format("{} is not later than valid_from {}", key.valid_until, key.valid_from),
          where + ".valid_until"};
    }
    if (item.contains("demo")) {
      if (item["demo"] != true) return Error{"must be true when present", where + ".demo"};
      key.demo = true;
    }
    file.keys.push_back(std::move(key));
  }
  // One institution's validity intervals [valid_from, EndOf) may not overlap: a key revoked at t
  // may be followed by one valid from t.
  for (size_t i = 0; i < file.keys.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      const KeyEntry& a = file.keys[k];
      const KeyEntry& b = file.keys[i];
      if (a.institution != b.institution) continue;
      const std::string a_end = EndOf(a);
      const std::string b_end = EndOf(b);
      const bool a_before_b = !a_end.empty() && a_end <= b.valid_from;
      const bool b_before_a = !b_end.empty() && b_end <= a.valid_from;
      if (!a_before_b && !b_before_a) {
        return Error{fmt::format("keys of {} overlap in time", a.institution),
                     fmt::format("keys[{}]", i)};
      }
    }
  }
  return file;
}

Result<KeysFile> LoadKeysFile(const std::string& path,
                              const std::vector<std::string>& participants) {
  Result<std::string> text = text::ReadFile(path);
  if (!text.ok()) return text.error();
  Result<KeysFile> keys = ParseKeysFile(text.value(), participants);
  if (keys.ok()) {
    keys.value().path = path;
    return keys;
  }
  // A syntax error's `where` is its line and column; a member's, its path.
  return Error{keys.error().message, text::WhereInJsonFile(path, text.value(), keys.error().where)};
}

std::string KeyProblemAt(const KeyEntry& key, std::string_view timestamp) {
  if (!key.revoked_at.empty() && timestamp >= key.revoked_at) {
    return fmt::format("key {} was revoked at {}", key.key_id, key.revoked_at);
  }
  if (timestamp < key.valid_from || (!key.valid_until.empty() && timestamp >= key.valid_until)) {
    const std::string end = EndOf(key);
    return fmt::format("key {} is not valid at {} (valid from {}{})", key.key_id, timestamp,
                       key.valid_from, end.empty() ? "" : " until " + end);
  }
  return {};
}

std::vector<std::string> KeyWarnings(const KeyEntry& key) {
  std::vector<std::string> warnings;
  if (key.demo) {
    warnings.push_back(fmt::format(
        "key {} is a demo key: its seed is public, this signature proves nothing", key.key_id));
  }
  if (!key.revoked_at.empty()) {
    warnings.push_back(fmt::format("key {} was revoked at {}, after this head was signed",
                                   key.key_id, key.revoked_at));
  }
  return warnings;
}

Result<PrivateKey> ParsePrivateKeyFile(std::string_view text) {
  Result<json> parsed = ParseObject(text);
  if (!parsed.ok()) return parsed.error();
  const json& root = parsed.value();
  // The keys file holds the public keys only: given as a signing key it is told so, not picked
  // apart member by member.
  if (root.contains("format") && root["format"] == kKeysFormat) {
    return Error{fmt::format("this is the keys file ({}), which holds public keys; a signing key "
                             "is a private key file ({}), as `treaty keygen` writes it",
                             kKeysFormat, kPrivateKeyFormat),
                 "format"};
  }
  if (auto error = CheckMembers(root, "", {"format", "institution", "key_id", "seed"}, {})) {
    return *error;
  }
  if (root["format"] != kPrivateKeyFormat) {
    return Error{fmt::format("unknown format {}", root["format"].dump()), "format"};
  }
  PrivateKey key;
  Result<std::string> institution = StringMember(root, "institution", "");
  Result<std::string> key_id = StringMember(root, "key_id", "");
  Result<std::string> seed = StringMember(root, "seed", "");
  for (const auto* value : {&institution, &key_id, &seed}) {
    if (!value->ok()) return value->error();
  }
  Result<Hash> raw = HashFromHex(seed.value());
  if (!raw.ok()) return Error{raw.error().message, "seed"};
  key.institution = institution.value();
  key.key_id = key_id.value();
  key.seed = raw.value();
  return key;
}

std::string PrivateKeyFileText(const PrivateKey& key) {
  return nlohmann::ordered_json{{"format", kPrivateKeyFormat},
                                {"institution", key.institution},
                                {"key_id", key.key_id},
                                {"seed", BytesToHex(key.seed.data(), key.seed.size())}}
             .dump() +
         "\n";
}

bool IsInstitutionId(std::string_view id) {
  if (id.size() < 2 || id.size() > 32 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Result<const KeyEntry*> MatchPrivateKey(const PrivateKey& key, const KeysFile& keys) {
  const KeyEntry* entry = keys.FindKey(key.key_id);
  if (entry == nullptr) {
    return Error{fmt::format("key {} is not in the keys file{}", key.key_id,
                             keys.path.empty() ? "" : " " + keys.path),
                 ""};
  }
  if (entry->institution != key.institution) {
    return Error{fmt::format("key {} belongs to {}, the private key file names {}", key.key_id,
                             entry->institution, key.institution),
                 ""};
  }
  if (PublicKeyFromSeed(key.seed) != entry->public_key) {
    return Error{fmt::format("the private key does not match key {} in the keys file", key.key_id),
                 ""};
  }
  return entry;
}

Result<PrivateKey> LoadSigningKey(const std::string& path, const KeysFile& keys) {
  Result<std::string> text = text::ReadFile(path);
  if (!text.ok()) return text.error();
  Result<PrivateKey> key = ParsePrivateKeyFile(text.value());
  if (!key.ok()) return Error{key.error().ToString(), path};
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return Error{"cannot read the private key file", path};
  Result<const KeyEntry*> entry = MatchPrivateKey(key.value(), keys);
  if (!entry.ok()) return Error{entry.error().message, path};
  // Only the keys file's demo key (its seed matching, not just its id) may be read by others.
  if ((info.st_mode & 077) != 0 && !entry.value()->demo) {
    return Error{"the private key file may be read by group or others; chmod 600 it", path};
  }
  return key;
}

}  // namespace treaty::ledger
