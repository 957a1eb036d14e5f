#include <filesystem>

#include "document/agreement_package.h"
#include "document/parser.h"
#include "store/sqlite/document_store.h"
#include "views/cli/commands.h"

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
  std::filesystem::path parent = std::filesystem::path(options.database).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto store = store::SqliteStore::Open(options.database);
  if (!store.ok()) {
    err << "treaty load: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<bool> saved = store.value()->SaveAgreement(package.value(), texts);
  if (!saved.ok()) {
    err << "treaty load: " << saved.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << (saved.value() ? "replaced " : "loaded ") << package.value().id << " (" << texts.size()
      << " texts) into " << options.database << "\n";
  return kExitOk;
}

}  // namespace treaty::views
