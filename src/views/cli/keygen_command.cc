// `treaty keygen`: a new signing key for an institution (docs/ledger-format.md §4.4). The seed is
// 32 random bytes from libsodium; the private key file is written with mode 0600 and never over
// an existing file; the entry for the keys file is printed, for the institution to add and send
// to the other Participant.
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/hash.h"
#include "ledger/keys.h"
#include "ledger/timestamp.h"
#include "ledger/tree_head.h"
#include "views/cli/commands.h"
#include "views/cli/subcommands.h"

namespace treaty::views {
namespace {

// Writes `text` to a new file `path` readable by its owner only; an error names why.
std::optional<std::string> WriteNewPrivateFile(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return errno == EEXIST ? std::string("exists already: a key file is never overwritten")
                           : fmt::format("cannot be created: {}", std::strerror(errno));
  }
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  const int write_errno = errno;
  ::close(fd);
  if (written) return std::nullopt;
  ::unlink(path.c_str());
  return fmt::format("cannot be written: {}", std::strerror(write_errno));
}

}  // namespace

int RunKeygen(const KeygenOptions& options, std::ostream& out, std::ostream& err) {
  if (!ledger::IsInstitutionId(options.institution)) {
    err << fmt::format(
        "treaty keygen: institution: not an institution id: \"{}\" (2-32 of a-z, 0-9 and '-', "
        "starting with a letter)\n",
        options.institution);
    return kExitBadInput;
  }
  // Any RFC 3339 moment with seconds; the keys file holds it in UTC to the microsecond (§4.1).
  const std::optional<int64_t> valid_from_micros =
      options.valid_from.empty() ? ledger::NowMicros() : ledger::ParseMoment(options.valid_from);
  if (!valid_from_micros) {
    err << fmt::format(
        "treaty keygen: --valid-from: not a moment with seconds and a zone "
        "(2024-04-11T09:00:00Z, 2024-04-11T12:00:00+03:00, a fraction of up to 6 digits "
        "allowed): \"{}\"\n",
        options.valid_from);
    return kExitBadInput;
  }
  const std::string valid_from = ledger::FormatTimestamp(*valid_from_micros);
  ledger::InitSodium();
  ledger::PrivateKey key;
  key.institution = options.institution;
  randombytes_buf(key.seed.data(), key.seed.size());
  const ledger::PublicKey public_key = ledger::PublicKeyFromSeed(key.seed);
  key.key_id = ledger::KeyId(public_key);
  if (std::optional<std::string> problem =
          WriteNewPrivateFile(options.output, ledger::PrivateKeyFileText(key))) {
    err << fmt::format("treaty keygen: {}: {}\n", options.output, *problem);
    return kExitBadInput;
  }
  sodium_memzero(key.seed.data(), key.seed.size());
  const nlohmann::ordered_json entry = {
      {"key_id", key.key_id},
      {"institution", key.institution},
      {"public_key", ledger::BytesToHex(public_key.data(), public_key.size())},
      {"valid_from", valid_from}};
  // The entry is the only record of the key's public half: a key file without it is removed, so
  // that running the command again makes a new pair instead of being refused.
  if (!(out << entry.dump() << "\n" << std::flush)) {
    std::error_code removing;
    std::filesystem::remove(options.output, removing);
    err << fmt::format(
        "treaty keygen: {}: {}: its keys-file entry could not be written\n", options.output,
        removing ? "not removed (" + removing.message() + "), delete it" : "removed");
    return kExitBadInput;
  }
  err << fmt::format(
      "treaty keygen: the private key is in {} (mode 0600: keep it there); add the entry above to "
      "the keys file's \"keys\" (and {} to its \"institutions\") and send the file to the other "
      "Participant (docs/ledger-format.md §4.4)\n",
      options.output, key.institution);
  return kExitOk;
}

Subcommand AddKeygenSubcommand(CLI::App& app) {
  auto options = std::make_shared<KeygenOptions>();
  CLI::App* command = app.add_subcommand(
      "keygen",
      "Make a signing key for an institution: writes the private key file (mode 0600) and prints "
      "its entry for the keys file");
  command->add_option("INSTITUTION", options->institution, "institution id, e.g. lv-mfa")
      ->required();
  command->add_option("--output,-o", options->output, "the private key file to create")->required();
  command->add_option(
      "--valid-from", options->valid_from,
      "when the key starts to sign: an RFC 3339 moment with seconds, 2024-04-11T09:00:00Z or "
      "…+03:00 (default: now)");
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunKeygen(*options, out, err);
          }};
}

}  // namespace treaty::views
