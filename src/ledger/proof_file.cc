#include "ledger/proof_file.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/canonical_json.h"
#include "ledger/event_parser.h"
#include "ledger/merkle_tree.h"
#include "ledger/timestamp.h"
#include "ledger/tree_head.h"
#include "text/json_place.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

constexpr char kInclusionFormat[] = "treaty-inclusion-proof/1";
constexpr char kConsistencyFormat[] = "treaty-consistency-proof/1";

ordered HeadJson(const SignedTreeHead& signed_head) {
  return {{"head", ordered(TreeHeadJson(signed_head.head))},
          {"signature", SignatureToHex(signed_head.signature)}};
}

ordered PathJson(const std::vector<Hash>& path) {
  ordered hashes = ordered::array();
  for (const Hash& hash : path) hashes.push_back(ToHex(hash));
  return hashes;
}

// A failure of §5.5: category and message; the exit code follows from the category.
struct Failure {
  std::string category;
  std::string message;
};

int ExitCodeOf(const std::string& category) {
  return category == "syntax" || category == "format" || category == "keys" ? 2 : 1;
}

// Strict parse: JSON syntax and no repeated member names.
Result<json> ParseStrict(std::string_view text) {
  if (std::optional<size_t> deep = TooDeepAt(text)) {
    return Error{fmt::format("not JSON at {}: arrays and objects nested more than {} deep",
                             treaty::text::PlaceOfByte(text, *deep), kMaxJsonDepth),
                 "syntax"};
  }
  if (std::optional<std::string> problem = text::InvalidUtf8Problem(text)) {
    return Error{*problem, "syntax"};
  }
  json value;
  try {
    value = json::parse(text);
  } catch (const json::exception& exception) {
    const JsonReadingError error = DescribeJsonError(text, exception);
    return Error{fmt::format("not JSON at {}: {}", treaty::text::PlaceOfByte(text, error.byte),
                             error.detail),
                 "syntax"};
  }
  Result<std::string> canonical = CanonicalizeText(text);
  if (!canonical.ok() && IsDuplicateMemberName(canonical.error())) {
    return Error{fmt::format("duplicate member \"{}\"", canonical.error().where), "syntax"};
  }
  return value;
}

// Exactly `members` in `object` (at `prefix`).
std::optional<Failure> CheckMembers(const json& object, const std::string& prefix,
                                    const std::vector<std::string>& members) {
  if (!object.is_object()) {
    // "tree_head." names the member as "tree_head: not a JSON object".
    const std::string path = prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1) + ": ";
    return Failure{"format", path + "not a JSON object"};
  }
  for (const std::string& member : members) {
    if (!object.contains(member)) {
      return Failure{"format", fmt::format("missing member \"{}{}\"", prefix, member)};
    }
  }
  for (const auto& [name, value] : object.items()) {
    if (std::find(members.begin(), members.end(), name) == members.end()) {
      return Failure{"format", fmt::format("unknown member \"{}{}\"", prefix, name)};
    }
  }
  return std::nullopt;
}

std::optional<Failure> ReadHash(const json& value, const std::string& path, Hash& out) {
  if (value.is_string()) {
    Result<Hash> hash = HashFromHex(value.get<std::string>());
    if (hash.ok()) {
      out = hash.value();
      return std::nullopt;
    }
  }
  return Failure{"format", path + ": not 64 lowercase hex digits"};
}

std::optional<Failure> ReadString(const json& value, const std::string& path, std::string& out) {
  if (!value.is_string()) return Failure{"format", path + ": not a string"};
  out = value.get<std::string>();
  return std::nullopt;
}

// The file's `agreement`: a string that is not empty (an empty one would match no head's).
std::optional<Failure> ReadAgreement(const json& value, std::string& out) {
  if (auto f = ReadString(value, "agreement", out)) return f;
  if (out.empty()) return Failure{"format", "agreement: empty"};
  return std::nullopt;
}

std::optional<Failure> ReadSize(const json& value, const std::string& path, int64_t minimum,
                                int64_t& out) {
  if (!value.is_number_integer() || value.get<int64_t>() < minimum ||
      value.get<int64_t>() > kMaxSafeInteger) {
    return Failure{"format",
                   fmt::format("{}: not an integer from {} to {}", path, minimum, kMaxSafeInteger)};
  }
  out = value.get<int64_t>();
  return std::nullopt;
}

// A signed head (§4.2) at `path` ("tree_head.").
std::optional<Failure> ReadSignedHead(const json& value, const std::string& path,
                                      SignedTreeHead& out) {
  if (auto failure = CheckMembers(value, path, {"head", "signature"})) return failure;
  const json& head = value["head"];
  const std::string head_path = path + "head.";
  if (auto failure =
          CheckMembers(head, head_path,
                       {"agreement", "key_id", "root_hash", "signer", "timestamp", "tree_size"})) {
    return failure;
  }
  TreeHead& h = out.head;
  if (auto f = ReadString(head["agreement"], head_path + "agreement", h.agreement)) return f;
  if (auto f = ReadString(head["key_id"], head_path + "key_id", h.key_id)) return f;
  if (auto f = ReadHash(head["root_hash"], head_path + "root_hash", h.root_hash)) return f;
  if (auto f = ReadString(head["signer"], head_path + "signer", h.signer)) return f;
  if (auto f = ReadString(head["timestamp"], head_path + "timestamp", h.timestamp)) return f;
  if (!ParseTimestamp(h.timestamp)) {
    return Failure{"format", head_path + "timestamp: not a timestamp YYYY-MM-DDTHH:MM:SS.ffffffZ"};
  }
  if (auto f = ReadSize(head["tree_size"], head_path + "tree_size", 1, h.tree_size)) return f;
  Result<Signature> signature = value["signature"].is_string()
                                    ? SignatureFromHex(value["signature"].get<std::string>())
                                    : Result<Signature>(Error{"", ""});
  if (!signature.ok()) {
    return Failure{"format", path + "signature: not 128 lowercase hex digits"};
  }
  out.signature = signature.value();
  Result<std::string> bytes = CanonicalTreeHead(h);
  if (!bytes.ok()) return Failure{"format", head_path + bytes.error().ToString()};
  out.head_bytes = bytes.value();
  return std::nullopt;
}

// Step 3 of §5.4 for one head: agreement, key, validity, signature; warnings for demo and revoked
// keys.
std::optional<Failure> CheckHead(const SignedTreeHead& signed_head, const std::string& agreement,
                                 const KeysFile& keys, std::vector<std::string>& warnings) {
  const TreeHead& head = signed_head.head;
  if (!agreement.empty() && head.agreement != agreement) {
    return Failure{"head", fmt::format("the head of size {} is of agreement {}, the file of {}",
                                       head.tree_size, head.agreement, agreement)};
  }
  if (keys.agreement != head.agreement) {
    return Failure{"key", fmt::format("the keys are of agreement {}, the head of size {} of {}",
                                      keys.agreement, head.tree_size, head.agreement)};
  }
  const KeyEntry* key = keys.FindKey(head.key_id);
  if (key == nullptr) return Failure{"key", fmt::format("unknown key id {}", head.key_id)};
  if (key->institution != head.signer) {
    return Failure{"key", fmt::format("key {} belongs to {}, the head names signer {}", key->key_id,
                                      key->institution, head.signer)};
  }
  if (std::string problem = KeyProblemAt(*key, head.timestamp); !problem.empty()) {
    return Failure{"key", problem};
  }
  if (!VerifyTreeHead(head, signed_head.signature, key->public_key)) {
    return Failure{"signature", fmt::format("the signature of the head of size {} does not verify "
                                            "with key {}",
                                            head.tree_size, key->key_id)};
  }
  std::vector<std::string> found = KeyWarnings(*key);
  if (std::string ahead = FutureHeadWarning(head, NowMicros()); !ahead.empty()) {
    found.push_back(std::move(ahead));
  }
  for (std::string& warning : found) {
    if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) {
      warnings.push_back(std::move(warning));
    }
  }
  return std::nullopt;
}

// Steps 8 and 5 of §5.4: a known head of the same agreement and size with another root.
std::optional<Failure> CheckFork(const SignedTreeHead& signed_head,
                                 const std::vector<KnownHead>& known) {
  const TreeHead& head = signed_head.head;
  for (const KnownHead& other : known) {
    const TreeHead& theirs = other.head.head;
    if (theirs.agreement == head.agreement && theirs.tree_size == head.tree_size &&
        theirs.root_hash != head.root_hash) {
      return Failure{
          "fork", fmt::format("the head of size {} has root {}, but the head of size {} "
                              "in {} (signed by {} at {}) has root {}",
                              head.tree_size, ToHex(head.root_hash), theirs.tree_size, other.file,
                              theirs.signer, theirs.timestamp, ToHex(theirs.root_hash))};
    }
  }
  return std::nullopt;
}

std::string ShortHex(const Hash& hash) { return ToHex(hash).substr(0, 8) + "…"; }

// §5.4, inclusion proof; `message` receives the OK line.
std::optional<Failure> VerifyInclusionFile(const json& root, const KeysFile& keys,
                                           const std::vector<KnownHead>& known,
                                           std::vector<std::string>& warnings,
                                           std::string& message) {
  if (auto failure = CheckMembers(root, "",
                                  {"format", "agreement", "event_id", "leaf_index", "event",
                                   "leaf_hash", "inclusion_path", "tree_head"})) {
    return failure;
  }
  std::string agreement, event_id, event;
  int64_t leaf_index = 0;
  Hash leaf_hash{};
  std::vector<Hash> path;
  SignedTreeHead head;
  if (auto f = ReadAgreement(root["agreement"], agreement)) return f;
  if (auto f = ReadString(root["event_id"], "event_id", event_id)) return f;
  if (auto f = ReadSize(root["leaf_index"], "leaf_index", 0, leaf_index)) return f;
  if (auto f = ReadString(root["event"], "event", event)) return f;
  if (auto f = ReadHash(root["leaf_hash"], "leaf_hash", leaf_hash)) return f;
  if (!root["inclusion_path"].is_array()) {
    return Failure{"format", "inclusion_path: not an array"};
  }
  for (size_t i = 0; i < root["inclusion_path"].size(); ++i) {
    if (auto f = ReadHash(root["inclusion_path"][i], fmt::format("inclusion_path[{}]", i),
                          path.emplace_back())) {
      return f;
    }
  }
  if (auto f = ReadSignedHead(root["tree_head"], "tree_head.", head)) return f;
  if (auto f = CheckHead(head, agreement, keys, warnings)) return f;

  if (std::optional<std::string> problem = NonCanonicalProblem(event)) {
    return Failure{"event", "the event is " + *problem};
  }
  ValidationContext context;
  context.keys = &keys;
  context.default_agreement = agreement;
  // The proof carries no list of the agreement's parties: any party code of the form.
  context.participants.clear();
  Event parsed;
  if (std::optional<FieldError> problem = RecordedEventProblem(event, context, parsed)) {
    return Failure{"event", "the event is invalid: " + problem->ToString()};
  }
  if (parsed.id != event_id) {
    return Failure{"event",
                   fmt::format("event id {} differs from event_id {}", parsed.id, event_id)};
  }
  if (parsed.agreement != agreement) {
    return Failure{"event",
                   fmt::format("event agreement {} differs from {}", parsed.agreement, agreement)};
  }
  const Hash expected = LeafHash(event);
  if (expected != leaf_hash) {
    return Failure{"leaf", fmt::format("leaf_hash differs from SHA-256(0x00 ‖ event): expected {}",
                                       ToHex(expected))};
  }
  const TreeHead& h = head.head;
  if (leaf_index >= h.tree_size) {
    return Failure{"inclusion",
                   fmt::format("leaf_index {} is not below tree size {}", leaf_index, h.tree_size)};
  }
  if (!VerifyInclusion(static_cast<size_t>(leaf_index), static_cast<size_t>(h.tree_size), leaf_hash,
                       path, h.root_hash)) {
    return Failure{"inclusion", "the inclusion path does not lead to the head's root"};
  }
  if (parsed.recorded_at > h.timestamp) {
    return Failure{"head", "the event was recorded after the head was signed"};
  }
  if (auto f = CheckFork(head, known)) return f;
  const std::string& recorder = parsed.recorded_by.institution;
  // §4.3: an event enters the ledger under a head its recording institution signs, but a later
  // head of another signer vouches only that the event is in the ledger it signed.
  if (recorder != h.signer) {
    warnings.push_back(fmt::format(
        "the head is signed by {}, not by {}, whom the event names as its recorder: it shows that "
        "the event is in the ledger {} signed, not that {} signed it; a proof against the head "
        "of the event's own transaction (treaty proof --size) shows that",
        h.signer, recorder, h.signer, recorder));
  }
  message = fmt::format(
      "OK inclusion: event {} (recorded by {}) is leaf {} of {} at tree size {} (head signed by "
      "{}, key {}, {})",
      event_id, recorder, leaf_index, agreement, h.tree_size, h.signer, h.key_id, h.timestamp);
  return std::nullopt;
}

// §5.4, consistency proof.
std::optional<Failure> VerifyConsistencyFile(const json& root, const KeysFile& keys,
                                             const std::vector<KnownHead>& known,
                                             std::vector<std::string>& warnings,
                                             std::string& message) {
  if (auto failure = CheckMembers(
          root, "", {"format", "agreement", "old_head", "new_head", "consistency_path"})) {
    return failure;
  }
  std::string agreement;
  SignedTreeHead old_head, new_head;
  std::vector<Hash> path;
  if (auto f = ReadAgreement(root["agreement"], agreement)) return f;
  if (auto f = ReadSignedHead(root["old_head"], "old_head.", old_head)) return f;
  if (auto f = ReadSignedHead(root["new_head"], "new_head.", new_head)) return f;
  if (!root["consistency_path"].is_array()) {
    return Failure{"format", "consistency_path: not an array"};
  }
  for (size_t i = 0; i < root["consistency_path"].size(); ++i) {
    if (auto f = ReadHash(root["consistency_path"][i], fmt::format("consistency_path[{}]", i),
                          path.emplace_back())) {
      return f;
    }
  }
  const TreeHead& o = old_head.head;
  const TreeHead& n = new_head.head;
  if (o.agreement != n.agreement) {
    return Failure{"head", fmt::format("the heads are of different agreements: {} and {}",
                                       o.agreement, n.agreement)};
  }
  if (auto f = CheckHead(old_head, agreement, keys, warnings)) return f;
  if (auto f = CheckHead(new_head, agreement, keys, warnings)) return f;
  // §5.5: two validly signed heads of one size with different roots are two ledgers.
  if (o.tree_size == n.tree_size && o.root_hash != n.root_hash) {
    return Failure{"fork", fmt::format("the old and new heads are both of size {}, with roots {} "
                                       "(signed by {} at {}) and {} (signed by {} at {})",
                                       o.tree_size, ToHex(o.root_hash), o.signer, o.timestamp,
                                       ToHex(n.root_hash), n.signer, n.timestamp)};
  }
  if (o.tree_size > n.tree_size) {
    return Failure{"consistency",
                   fmt::format("old size {} is larger than new size {}", o.tree_size, n.tree_size)};
  }
  if (o.timestamp > n.timestamp) return Failure{"head", "the new head is older than the old head"};
  if (!VerifyConsistency(static_cast<size_t>(o.tree_size), static_cast<size_t>(n.tree_size),
                         o.root_hash, n.root_hash, path)) {
    return Failure{"consistency",
                   fmt::format("the consistency path does not connect root {} (size {}) to root "
                               "{} (size {})",
                               ToHex(o.root_hash), o.tree_size, ToHex(n.root_hash), n.tree_size)};
  }
  if (auto f = CheckFork(old_head, known)) return f;
  if (auto f = CheckFork(new_head, known)) return f;
  message = fmt::format(
      "OK consistency: {} at tree size {} (root {}) is a prefix of tree size {} "
      "(root {}); heads signed by {} and {}",
      agreement, o.tree_size, ShortHex(o.root_hash), n.tree_size, ShortHex(n.root_hash), o.signer,
      n.signer);
  return std::nullopt;
}

}  // namespace

std::string InclusionProofFile(const StoredEvent& event, const std::vector<Hash>& path,
                               const SignedTreeHead& head) {
  const ordered file = {{"format", kInclusionFormat},
                        {"agreement", event.agreement},
                        {"event_id", event.id},
                        {"leaf_index", event.leaf_index},
                        {"event", event.canonical},
                        {"leaf_hash", ToHex(event.leaf_hash)},
                        {"inclusion_path", PathJson(path)},
                        {"tree_head", HeadJson(head)}};
  return file.dump(2) + "\n";
}

std::string ConsistencyProofFile(const SignedTreeHead& old_head, const SignedTreeHead& new_head,
                                 const std::vector<Hash>& path) {
  const ordered file = {{"format", kConsistencyFormat},
                        {"agreement", new_head.head.agreement},
                        {"old_head", HeadJson(old_head)},
                        {"new_head", HeadJson(new_head)},
                        {"consistency_path", PathJson(path)}};
  return file.dump(2) + "\n";
}

Result<std::vector<KnownHead>> ReadKnownHeads(const std::string& file, std::string_view text,
                                              const KeysFile& keys) {
  Result<json> parsed = ParseStrict(text);
  if (!parsed.ok()) return Error{parsed.error().message, file};
  const json& root = parsed.value();
  std::vector<std::pair<std::string, const json*>> candidates;
  if (root.is_object() && root.contains("format") && root["format"] == kInclusionFormat &&
      root.contains("tree_head")) {
    candidates.emplace_back("tree_head.", &root["tree_head"]);
  } else if (root.is_object() && root.contains("format") && root["format"] == kConsistencyFormat &&
             root.contains("old_head") && root.contains("new_head")) {
    candidates.emplace_back("old_head.", &root["old_head"]);
    candidates.emplace_back("new_head.", &root["new_head"]);
  } else {
    candidates.emplace_back("", &root);
  }
  std::vector<KnownHead> heads;
  std::vector<std::string> warnings;
  for (const auto& [path, value] : candidates) {
    KnownHead known{file, {}};
    if (auto f = ReadSignedHead(*value, path, known.head)) {
      return Error{"not a signed head or a proof file: " + f->message, file};
    }
    if (auto f = CheckHead(known.head, "", keys, warnings)) {
      return Error{f->category + ": " + f->message, file};
    }
    heads.push_back(std::move(known));
  }
  return heads;
}

ProofVerdict VerifyProofFile(std::string_view text, const KeysFile& keys,
                             const std::vector<KnownHead>& known) {
  ProofVerdict verdict;
  auto fail = [&](const Failure& failure) {
    verdict.exit_code = ExitCodeOf(failure.category);
    verdict.category = failure.category;
    verdict.message = failure.message;
    return verdict;
  };
  Result<json> parsed = ParseStrict(text);
  if (!parsed.ok()) return fail({"syntax", parsed.error().message});
  const json& root = parsed.value();
  if (!root.is_object()) return fail({"format", "not a JSON object"});
  if (!root.contains("format")) return fail({"format", "missing member \"format\""});
  std::optional<Failure> failure;
  if (root["format"] == kInclusionFormat) {
    failure = VerifyInclusionFile(root, keys, known, verdict.warnings, verdict.message);
  } else if (root["format"] == kConsistencyFormat) {
    failure = VerifyConsistencyFile(root, keys, known, verdict.warnings, verdict.message);
  } else {
    return fail({"format", fmt::format("unknown format {}", root["format"].dump())});
  }
  if (failure) return fail(*failure);
  return verdict;
}

}  // namespace treaty::ledger
