#include <memory>

#include "store/sqlite/document_store.h"
#include "views/cli/commands.h"
#include "views/cli/key_facts.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunOverview(const OverviewOptions& options, std::ostream& out, std::ostream& err) {
  if (std::string problem = TextsDatabaseProblem(options.database); !problem.empty()) {
    err << "treaty overview: " << problem << "\n";
    return kExitBadInput;
  }
  auto store = store::SqliteStore::Open(options.database, store::SqliteOpenMode::kReadExisting);
  if (!store.ok()) {
    err << "treaty overview: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  std::string id = options.agreement;
  if (id.empty()) {
    auto ids = store.value()->ListAgreements();
    if (!ids.ok() || ids.value().size() != 1) {
      err << "treaty overview: " << options.database
          << ": name the agreement with --agreement (stored: "
          << (ids.ok() ? std::to_string(ids.value().size()) : ids.error().ToString()) << ")\n";
      return kExitBadInput;
    }
    id = ids.value().front();
  }
  auto package = store.value()->LoadAgreement(id);
  if (!package.ok()) {
    err << "treaty overview: " << package.error().ToString() << "\n";
    return kExitBadInput;
  }
  std::vector<document::Document> texts;
  for (const document::TextFile& file : package.value().texts) {
    auto doc = store.value()->LoadDocument(id, std::string(text::LanguageCode(file.language)));
    if (!doc.ok()) {
      err << "treaty overview: " << doc.error().ToString() << "\n";
      return kExitBadInput;
    }
    texts.push_back(std::move(doc).value());
  }
  out << KeyFactsText(package.value(), texts);
  return kExitOk;
}

Subcommand AddOverviewSubcommand(CLI::App& app) {
  auto options = std::make_shared<OverviewOptions>(OverviewOptions{"var/treaty.sqlite", ""});
  CLI::App* command = app.add_subcommand(
      "overview", "Print a stored agreement's key facts, texts, alignment and outline");
  command->add_option("--db", options->database, "SQLite database file")->capture_default_str();
  command->add_option("--agreement", options->agreement, "agreement id, e.g. lv-ua-2024");
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunOverview(*options, out, err);
          }};
}

}  // namespace treaty::views
