#include "document/parser.h"
#include "views/cli/commands.h"
#include "views/cli/outline_text.h"
#include "views/export/akn_writer.h"
#include "views/export/document_json.h"

namespace treaty::views {

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err) {
  Result<document::Document> doc = document::ParseFile(options.file, options.language);
  if (!doc.ok()) {
    err << "treaty parse: " << doc.error().ToString() << "\n";
    return kExitBadInput;
  }
  for (const std::string& warning : doc.value().warnings) {
    err << "treaty parse: warning: " << options.file << ": " << warning << "\n";
  }
  if (options.format == "json") {
    out << DocumentJson(doc.value()).dump(2) << "\n";
  } else if (options.format == "akn") {
    out << WriteAkomaNtoso(doc.value(), AknOptions{});
  } else {
    out << OutlineText(doc.value());
  }
  return kExitOk;
}

}  // namespace treaty::views
