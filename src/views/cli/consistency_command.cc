#include <memory>

#include <fmt/format.h>

#include "ledger/ledger_store.h"
#include "ledger/proof_file.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunConsistency(const ConsistencyOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<ledger::LedgerStore>> opened = OpenExistingLedgerStore(options.db);
  if (!opened.ok()) {
    err << "treaty consistency: " << opened.error().ToString() << "\n";
    return kExitBadInput;
  }
  ledger::LedgerStore& store = *opened.value();
  if (std::optional<std::string> unheld = UnheldAgreement(store, options.agreement)) {
    err << "treaty consistency: --agreement: " << *unheld << "\n";
    return kExitBadInput;
  }
  auto head_at = [&](int64_t size, const char* what) -> std::optional<ledger::SignedTreeHead> {
    Result<std::optional<ledger::SignedTreeHead>> head =
        size > 0 ? store.TreeHeadAt(options.agreement, size)
                 : store.LatestTreeHead(options.agreement);
    if (!head.ok()) {
      err << "treaty consistency: " << head.error().ToString() << "\n";
      return std::nullopt;
    }
    if (!head.value()) {
      err << (size > 0 ? fmt::format("treaty consistency: {}: {}\n", what,
                                     NoHeadOfSize(store, options.agreement, size))
                       : fmt::format("treaty consistency: {} has no signed tree head\n",
                                     options.agreement));
    }
    return head.value();
  };
  std::optional<ledger::SignedTreeHead> new_head = head_at(options.size, "--size");
  if (!new_head) return kExitBadInput;
  std::optional<ledger::SignedTreeHead> old_head = head_at(options.old_size, "OLD_SIZE");
  if (!old_head) return kExitBadInput;
  if (old_head->head.tree_size > new_head->head.tree_size) {
    err << fmt::format("treaty consistency: old size {} is larger than new size {}\n",
                       old_head->head.tree_size, new_head->head.tree_size);
    return kExitBadInput;
  }
  Result<std::vector<ledger::Hash>> path =
      store.ConsistencyPath(options.agreement, old_head->head.tree_size, new_head->head.tree_size);
  if (!path.ok()) {
    err << "treaty consistency: " << path.error().ToString() << "\n";
    return kExitMismatch;
  }
  out << ledger::ConsistencyProofFile(*old_head, *new_head, path.value());
  return kExitOk;
}

Subcommand AddConsistencySubcommand(CLI::App& app) {
  auto options = std::make_shared<ConsistencyOptions>();
  CLI::App* command = app.add_subcommand(
      "consistency",
      "Print the consistency proof from the signed tree head of OLD_SIZE to the latest head (or "
      "--size), for `treaty verify-proof`");
  command->add_option("OLD_SIZE", options->old_size, "size of a stored head")
      ->required()
      ->check(TreeSizeValidator());
  command->add_option("--size", options->size, "size of the newer stored head (default: latest)")
      ->check(TreeSizeValidator());
  command->add_option("--agreement", options->agreement, "agreement id")->capture_default_str();
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunConsistency(*options, out, err);
          }};
}

}  // namespace treaty::views
