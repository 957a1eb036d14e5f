#include "views/cli/key_facts.h"

#include <fmt/format.h>

#include "document/alignment.h"
#include "evaluation/period.h"
#include "views/cli/outline_text.h"

namespace treaty::views {

TextCounts CountNodes(const document::Document& doc) {
  using document::NodeType;
  TextCounts counts;
  for (const document::Node& top : doc.root.children) {
    if (top.type != NodeType::kBody) continue;
    for (const document::Node& child : top.children) {
      counts.sections += document::IsHeadingContainer(child.type);
    }
  }
  document::Walk(doc.root, [&](const document::Node& node, int) {
    counts.headings += document::IsHeadingContainer(node.type);
    counts.paragraphs += node.type == NodeType::kParagraph;
    counts.points += node.type == NodeType::kPoint;
    counts.sentences += node.type == NodeType::kSentence;
  });
  return counts;
}

std::string KeyFactsText(const document::AgreementPackage& package,
                         const std::vector<document::Document>& texts) {
  std::string out = fmt::format("{}\n", package.title);
  out += fmt::format("  id                {}\n", package.id);
  std::string parties;
  for (const document::Party& party : package.parties) {
    parties += (parties.empty() ? "" : ", ") + party.name + " (" + party.code + ")";
  }
  out += fmt::format("  parties           {}\n", parties);
  out += fmt::format("  signed            {} in {}\n", package.signed_date, package.signed_place);
  out += fmt::format(
      "  entry into force  {}{}\n", package.entry_into_force,
      package.entry_into_force_date.empty() ? "" : " (" + package.entry_into_force_date + ")");
  if (!package.term.empty()) {
    out += fmt::format("  term              {} ({})\n", evaluation::PeriodInWords(package.term),
                       package.term);
  }
  std::string languages;
  for (text::Language language : package.authentic_languages) {
    languages += (languages.empty() ? "" : ", ") + std::string(text::LanguageCode(language));
  }
  out += fmt::format(
      "  authentic texts   {}{}\n", languages,
      package.prevailing_language
          ? "; " + std::string(text::LanguageCode(*package.prevailing_language)) + " prevails"
          : "");
  out += "\ntexts\n";
  for (const document::Document& doc : texts) {
    TextCounts counts = CountNodes(doc);
    out += fmt::format(
        "  {}  {:<18}  {} sections, {} headings, {} paragraphs, {} points, {} sentences\n",
        text::LanguageCode(doc.language), text::LayoutName(doc.layout), counts.sections,
        counts.headings, counts.paragraphs, counts.points, counts.sentences);
    for (const std::string& warning : doc.warnings) out += "      warning: " + warning + "\n";
  }
  const document::Document* prevailing = texts.empty() ? nullptr : &texts.front();
  for (const document::Document& doc : texts) {
    if (package.prevailing_language && doc.language == *package.prevailing_language) {
      prevailing = &doc;
    }
  }
  for (const document::Document& doc : texts) {
    if (&doc == prevailing) continue;
    document::Alignment alignment = document::AlignDocuments(doc, *prevailing);
    std::vector<std::string> problems = alignment.Problems();
    out += fmt::format("\nalignment {}/{}: {} of {} node pairs correspond one to one\n",
                       alignment.left_language, alignment.right_language, alignment.OneToOneCount(),
                       alignment.pairs.size());
    for (const std::string& problem : problems) out += "  not one to one: " + problem + "\n";
  }
  if (prevailing) {
    out += fmt::format("\noutline ({})\n", text::LanguageCode(prevailing->language));
    out += OutlineText(*prevailing);
  }
  return out;
}

}  // namespace treaty::views
