// The keys file (`treaty-keys/1`) and the private key file (`treaty-private-key/1`) of
// docs/ledger-format.md §4.4: institutions, their Ed25519 public keys with validity intervals,
// and the seed an institution signs with. Values only; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/tree_head.h"

namespace treaty::ledger {

struct Institution {
  std::string id;           // ^[a-z][a-z0-9-]{1,31}$
  std::string participant;  // party code of the agreement ("LV", "UA")
  std::string name;
};

struct KeyEntry {
  std::string key_id;  // KeyId(public_key)
  std::string institution;
  PublicKey public_key{};
  std::string valid_from;   // timestamp (§1.4 form)
  std::string valid_until;  // exclusive end; empty: open
  std::string revoked_at;   // empty: not revoked
  bool demo = false;        // the private key is public
};

struct KeysFile {
  std::string agreement;
  std::vector<Institution> institutions;
  std::vector<KeyEntry> keys;
  std::string path;  // the file it was read from (LoadKeysFile); empty for text parsed alone

  // nullptr when absent. The pointers live as long as this object is unchanged.
  const Institution* FindInstitution(std::string_view id) const;
  const KeyEntry* FindKey(std::string_view key_id) const;
};

// Parses and checks a keys file: exactly the members of §4.4, format "treaty-keys/1", unique
// institution ids of the right form, participants among `participants` when it is not empty,
// each key_id derived from its public key, each key's institution listed, timestamps of the §1.4
// form, and no overlap between the validity intervals of one institution's keys. Errors name the
// member (`where`, e.g. "keys[1].key_id").
Result<KeysFile> ParseKeysFile(std::string_view text,
                               const std::vector<std::string>& participants = {});

// Reads the keys file at `path` and parses it (ParseKeysFile). Errors name the file, and the line
// and member of a member's error ("keys.json:9: keys[0].key_id: …").
Result<KeysFile> LoadKeysFile(const std::string& path,
                              const std::vector<std::string>& participants);

// Why `key` cannot sign or have signed at `timestamp`: "key K is not valid at T (valid from A
// until B)" or "key K was revoked at R"; empty when it is valid at `timestamp` (§4.4).
std::string KeyProblemAt(const KeyEntry& key, std::string_view timestamp);
// What a head that `key` signed in its validity still warrants a warning for (§5.5): a demo key,
// whose seed is public; a key revoked since. Without the "warning: " its printer puts first.
std::vector<std::string> KeyWarnings(const KeyEntry& key);

// A private key file.
struct PrivateKey {
  std::string institution;
  std::string key_id;
  Seed seed{};
};

// Parses a private key file: exactly format, institution, key_id and seed (64 hex digits).
Result<PrivateKey> ParsePrivateKeyFile(std::string_view text);
// The private key file of `key`, as ParsePrivateKeyFile reads it.
std::string PrivateKeyFileText(const PrivateKey& key);

// An institution id: 2 to 32 of a-z, 0-9 and '-', starting with a letter.
bool IsInstitutionId(std::string_view id);

// Checks `key` against `keys`: the key id is listed, belongs to key.institution, and the seed
// yields its public key ("the private key does not match key K").
Result<const KeyEntry*> MatchPrivateKey(const PrivateKey& key, const KeysFile& keys);

// The private key file at `path` to sign with under `keys`, read once. Errors, naming `path`:
// unreadable, those of ParsePrivateKeyFile and MatchPrivateKey, and a file that group or others
// may read (mode & 077) unless its key is the keys file's demo key.
Result<PrivateKey> LoadSigningKey(const std::string& path, const KeysFile& keys);

}  // namespace treaty::ledger
