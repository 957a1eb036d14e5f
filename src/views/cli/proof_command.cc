#include <memory>

#include <fmt/format.h>

#include "ledger/ledger_store.h"
#include "ledger/proof_file.h"
#include "ledger/uuid.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunProof(const ProofOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<ledger::LedgerStore>> opened = OpenExistingLedgerStore(options.db);
  if (!opened.ok()) {
    err << "treaty proof: " << opened.error().ToString() << "\n";
    return kExitBadInput;
  }
  ledger::LedgerStore& store = *opened.value();
  const std::string id = ledger::ToLowerAscii(options.event_id);
  Result<std::optional<ledger::StoredEvent>> event = store.EventById(id);
  if (!event.ok()) {
    err << "treaty proof: " << event.error().ToString() << "\n";
    return kExitMismatch;
  }
  if (!event.value()) {
    err << fmt::format("treaty proof: no event {} in {}\n", id, DatabaseName(options.db));
    return kExitBadInput;
  }
  const ledger::StoredEvent& found = *event.value();
  Result<std::optional<ledger::SignedTreeHead>> head =
      options.size > 0 ? store.TreeHeadAt(found.agreement, options.size)
                       : store.LatestTreeHead(found.agreement);
  if (!head.ok()) {
    err << "treaty proof: " << head.error().ToString() << "\n";
    return kExitMismatch;
  }
  if (!head.value()) {
    err << (options.size > 0
                ? fmt::format("treaty proof: --size: {}\n",
                              NoHeadOfSize(store, found.agreement, options.size))
                : fmt::format("treaty proof: {} has no signed tree head\n", found.agreement));
    return kExitBadInput;
  }
  const ledger::SignedTreeHead& signed_head = *head.value();
  if (found.leaf_index >= signed_head.head.tree_size) {
    err << fmt::format("treaty proof: --size: event {} is leaf {}, not in the tree of size {}\n",
                       id, found.leaf_index, signed_head.head.tree_size);
    return kExitBadInput;
  }
  Result<std::vector<ledger::Hash>> path =
      store.InclusionPath(found.agreement, found.leaf_index, signed_head.head.tree_size);
  if (!path.ok()) {
    err << "treaty proof: " << path.error().ToString() << "\n";
    return kExitMismatch;
  }
  if (found.classification == "restricted") {
    err << "treaty proof: the event is restricted; this proof file holds its content and is a "
           "restricted document\n";
  }
  out << ledger::InclusionProofFile(found, path.value(), signed_head);
  return kExitOk;
}

Subcommand AddProofSubcommand(CLI::App& app) {
  auto options = std::make_shared<ProofOptions>();
  CLI::App* command = app.add_subcommand(
      "proof",
      "Print the inclusion proof of one event in a signed tree head, for `treaty verify-proof`");
  command->add_option("EVENT_ID", options->event_id, "the event's id")->required();
  command
      ->add_option("--size", options->size,
                   "the size of a stored head to prove against (default: the latest)")
      ->check(TreeSizeValidator());
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  return {command,
          [options](std::ostream& out, std::ostream& err) { return RunProof(*options, out, err); }};
}

}  // namespace treaty::views
