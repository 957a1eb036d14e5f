#include <filesystem>
#include <memory>

#include "document/agreement_package.h"
#include "document/parser.h"
#include "store/sqlite/document_store.h"
#include "store/sqlite/search_index.h"
#include "views/cli/commands.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunLoad(const LoadOptions& options, std::ostream& out, std::ostream& err) {
  Result<document::AgreementPackage> package =
      document::LoadAgreementPackage(options.package_folder);
  if (!package.ok()) {
    err << "treaty load: " << package.error().ToString() << "\n";
    return kExitBadInput;
  }
  // Parse everything before touching the database: a bad text changes nothing.
  std::vector<document::Document> texts;
  for (const document::TextFile& file : package.value().texts) {
    Result<document::Document> doc = document::ParseFile(file.file, file.language);
    if (!doc.ok()) {
      err << "treaty load: " << doc.error().ToString() << "\n";
      return kExitBadInput;
    }
    if (doc.value().layout != file.layout) {
      // agreement.json records how the text was laid out; a disagreement means the metadata or the
      // file changed, and the detected layout is the one used.
      err << "treaty load: warning: " << file.file << ": agreement.json says "
          << text::LayoutName(file.layout) << " but the text reads as "
          << text::LayoutName(doc.value().layout) << "\n";
    }
    texts.push_back(std::move(doc).value());
  }
  std::vector<store::SearchEntry> entries;
  for (const document::Document& doc : texts) {
    std::vector<store::SearchEntry> provisions = store::ProvisionEntries(package.value().id, doc);
    entries.insert(entries.end(), provisions.begin(), provisions.end());
  }
  std::filesystem::path parent = std::filesystem::path(options.database).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto store = store::SqliteStore::Open(options.database);
  if (!store.ok()) {
    err << "treaty load: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  // Open the search index (creating its tables) before saving, so that the likely failures come
  // before anything is written; the two writes are separate transactions.
  auto index = store::SearchIndex::Open(options.database);
  if (!index.ok()) {
    err << "treaty load: " << index.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<bool> saved = store.value()->SaveAgreement(package.value(), texts);
  if (!saved.ok()) {
    err << "treaty load: " << saved.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<size_t> indexed = index.value()->ReplaceAgreement(package.value().id, entries);
  if (!indexed.ok()) {
    err << "treaty load: " << package.value().id << " was stored but its search index was not "
        << "rebuilt: " << indexed.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << (saved.value() ? "replaced " : "loaded ") << package.value().id << " (" << texts.size()
      << " texts, " << indexed.value() << " search entries) into " << options.database << "\n";
  return kExitOk;
}

Subcommand AddLoadSubcommand(CLI::App& app) {
  auto options =
      std::make_shared<LoadOptions>(LoadOptions{"data/agreements/lv-ua-2024", "var/treaty.sqlite"});
  CLI::App* command = app.add_subcommand(
      "load", "Parse an agreement package (agreement.json and its texts) into a SQLite database");
  command->add_option("PACKAGE", options->package_folder, "folder holding agreement.json")
      ->capture_default_str();
  command->add_option("--db", options->database, "SQLite database file")->capture_default_str();
  return {command,
          [options](std::ostream& out, std::ostream& err) { return RunLoad(*options, out, err); }};
}

}  // namespace treaty::views
