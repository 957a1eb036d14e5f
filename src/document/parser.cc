#include "document/parser.h"

#include <fmt/format.h>

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
  doc.reads_as = text.clearly_other;
  BuildTree(text, doc);
  // A language given against the text's letters is most likely a mistake, and its rules find
  // little in another language's text (a Latvian reading of English misses most amounts).
  if (text.clearly_other) {
    doc.warnings.push_back(
        fmt::format("the text reads as {}, not {} as given: it is read by the "
                    "rules of {}",
                    text::LanguageCode(*text.clearly_other), text::LanguageCode(text.language),
                    text::LanguageCode(text.language)));
  }
  if (text.foreign_letters) {
    doc.warnings.push_back(fmt::format(
        "the text's letters ({}) are of none of lv, en and uk: it is read by the rules of {}, "
        "which find little in another language; give --lang if it is one of them",
        *text.foreign_letters, text::LanguageCode(text.language)));
  }
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
