// Proof files (docs/ledger-format.md §5): the inclusion proof of one event and the consistency
// proof between two signed heads, as `treaty proof` and `treaty consistency` print them, and their
// verification as `treaty verify-proof` does it, without the database: only the file, the keys
// file and the heads the verifier already holds. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/hash.h"
#include "ledger/keys.h"
#include "ledger/stored_records.h"

namespace treaty::ledger {

// The `treaty-inclusion-proof/1` file of `event` in the tree of `head` (§5.2): JSON with two-space
// indentation and a final newline.
std::string InclusionProofFile(const StoredEvent& event, const std::vector<Hash>& path,
                               const SignedTreeHead& head);

// The `treaty-consistency-proof/1` file from `old_head` to `new_head` (§5.3).
std::string ConsistencyProofFile(const SignedTreeHead& old_head, const SignedTreeHead& new_head,
                                 const std::vector<Hash>& path);

// A head the verifier holds, and the file it came from (named in `fork` messages).
struct KnownHead {
  std::string file;
  SignedTreeHead head;
};

// The heads of a --known file: a signed head on its own or any proof file, each checked for key
// and signature against `keys`. Errors: unreadable JSON, an unknown shape, a head that does not
// verify.
Result<std::vector<KnownHead>> ReadKnownHeads(const std::string& file, std::string_view text,
                                              const KeysFile& keys);

// The outcome of §5.4.
struct ProofVerdict {
  int exit_code = 0;     // 0 verified, 1 readable but does not verify, 2 cannot be read
  std::string category;  // of the failure (§5.5: syntax, format, key, …); empty on success
  std::string message;   // the failure, or the "OK …" line
  std::vector<std::string> warnings;  // "key K is a demo key: …", printed after "warning: "
};

// Verifies a proof file's text (§5.4), stopping at the first failure.
ProofVerdict VerifyProofFile(std::string_view text, const KeysFile& keys,
                             const std::vector<KnownHead>& known);

}  // namespace treaty::ledger
