#include "document/parser.h"

#include "document/tree_builder.h"
#include "text/source_reader.h"

namespace treaty::document {

Document BuildDocument(const text::NormalizedText& text, std::string_view source_name) {
  Document doc;
  doc.language = text.language;
  doc.layout = text.layout;
  doc.source_name = std::string(source_name);
  doc.source_size = text.source_size;
  doc.header_comments = text.header_comments;
  BuildTree(text, doc);
  return doc;
}

Result<Document> ParseBytes(std::string_view bytes, std::string_view name,
                            std::optional<text::Language> language) {
  Result<text::NormalizedText> text = text::Normalize(bytes, name, language);
  if (!text.ok()) return text.error();
  return BuildDocument(text.value(), name);
}

Result<Document> ParseFile(const std::string& path, std::optional<text::Language> language) {
  Result<std::string> bytes = text::ReadFile(path);
  if (!bytes.ok()) return bytes.error();
  return ParseBytes(bytes.value(), path, language);
}

}  // namespace treaty::document
