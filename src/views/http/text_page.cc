// GET /text: the texts side by side as the alignment pairs their paragraphs, with commitments
// linked to their pages and expressions marked.
#include <mutex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "document/alignment.h"
#include "text/language.h"
#include "views/http/commitment_filter.h"
#include "views/http/page.h"
#include "views/http/routes.h"
#include "views/http/status_view.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;

// The text page's body does not depend on who asks: it is built once.
class TextPage {
 public:
  const TemplateDictionary& Body(const Site& site) {
    std::call_once(once_, [&] { Build(site); });
    return *body_;
  }

 private:
  void Build(const Site& site);

  std::once_flag once_;
  std::unique_ptr<TemplateDictionary> body_;
};

// Splits `text` into plain pieces and the surfaces of `expressions` found in it, in order.
void AddPieces(TemplateDictionary* sentence, const std::string& text,
               const std::vector<const grammar::Expression*>& expressions) {
  std::vector<MarkedRange> marks;
  size_t at = 0;
  for (const grammar::Expression* expression : expressions) {
    const size_t found = text.find(expression->text, at);
    if (expression->text.empty() || found == std::string::npos) continue;
    at = found + expression->text.size();
    marks.push_back({found, at, grammar::ExpressionJson(*expression).value("kind", "")});
  }
  AddMarkedPieces(*sentence, text, marks);
}

void TextPage::Build(const Site& site) {
  body_ = std::make_unique<TemplateDictionary>("text");
  TemplateDictionary& body = *body_;
  const std::string prevailing = PrevailingCode(site);
  if (!prevailing.empty()) {
    body.SetValueAndShowSection("LANGUAGE", LanguageName(prevailing), "PREVAILING_NOTE");
  }
  // Column order: Latvian, then English, then any other text.
  std::vector<const grammar::ExtractedText*> columns;
  for (const char* code : {"lv", "en", "uk"}) {
    for (const grammar::ExtractedText& version : site.agreement().versions) {
      if (text::LanguageCode(version.doc.language) == code) columns.push_back(&version);
    }
  }
  // Commitment sentences by language and eId.
  std::map<std::pair<std::string, std::string>, std::string> commitment_of;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!CommitmentFilter{}.Matches(commitment)) continue;
    for (const commitments::Quote& quote : commitment.source.quotes) {
      commitment_of[{quote.language, quote.eid}] = commitment.id;
    }
  }
  // Rows follow the prevailing text (else the first column). Another text's cell holds the nodes
  // the alignment pairs with the row's (`treaty align`), so that a paragraph split or merged in
  // one language still sits beside its counterpart; a node that corresponds to nothing there gets
  // a row of its own after the row of its text's node before it.
  const grammar::ExtractedText* base = columns.front();
  for (const grammar::ExtractedText* version : columns) {
    const std::string language(text::LanguageCode(version->doc.language));
    TemplateDictionary* head = body.AddSectionDictionary("HEAD");
    head->SetValue("LANGUAGE", language);
    head->SetValue("LANGUAGE_NAME", LanguageName(language));
    if (language == prevailing) {
      head->ShowSection("IS_PREVAILING");
      base = version;
    }
  }
  const std::string base_language(text::LanguageCode(base->doc.language));
  struct Row {
    std::string eid;
    std::vector<std::string> headings;
    std::map<std::string, std::vector<const document::Node*>> cells;  // by language
    std::vector<std::string> also;  // the eIds of the rows shown within this one
  };
  std::vector<Row> rows;
  std::map<std::string, std::map<std::string, size_t>> row_of;  // language → eId → row
  for (const store::SearchEntry& entry : store::ProvisionEntries(site.agreement_id(), base->doc)) {
    row_of[base_language][entry.eid] = rows.size();
    rows.push_back(
        {entry.eid, entry.heading_path, {{base_language, {base->doc.Find(entry.eid)}}}, {}});
  }
  std::vector<std::vector<Row>> inserted(rows.size() + 1);  // [i]: rows to show before row i
  std::vector<size_t> shown_in(rows.size());                // [i]: the row that shows row i
  for (size_t i = 0; i < rows.size(); ++i) shown_in[i] = i;
  // Row i joins the row shown before it: its cells, the rows it shows, and the places of the
  // nodes in them.
  auto merge_into_previous = [&](size_t i) {
    const size_t into = shown_in[i - 1];
    for (auto& [language, nodes] : rows[i].cells) {
      std::vector<const document::Node*>& cell = rows[into].cells[language];
      cell.insert(cell.end(), nodes.begin(), nodes.end());
    }
    for (auto& [language, placed] : row_of) {
      for (auto& [eid, row] : placed) {
        if (row == i) row = into;
      }
    }
    rows[i].cells.clear();
    rows[into].also.push_back(rows[i].eid);
    rows[into].also.insert(rows[into].also.end(), rows[i].also.begin(), rows[i].also.end());
    rows[i].also.clear();
    for (size_t& shown : shown_in) {
      if (shown == i) shown = into;
    }
  };
  for (const grammar::ExtractedText* version : columns) {
    if (version == base) continue;
    const std::string language(text::LanguageCode(version->doc.language));
    const document::Alignment alignment = document::AlignDocuments(version->doc, base->doc);
    std::map<std::string, size_t>& placed = row_of[language];
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::vector<std::string> ids =
          alignment.Counterparts(rows[i].eid, base_language, version->doc);
      bool placed_here = false;
      bool placed_before = false;  // in the row shown just before this one
      for (const std::string& id : ids) {
        const document::Node* node = version->doc.Find(id);
        if (node == nullptr) continue;
        const auto [at, added] = placed.emplace(id, shown_in[i]);
        if (added) {
          rows[shown_in[i]].cells[language].push_back(node);
          placed_here = true;
        } else if (i > 0 && at->second == shown_in[i - 1]) {
          placed_before = true;
        }
      }
      // One paragraph of this text for this row and the one before (lv para_4 ↔ en para_4 +
      // para_5): the two rows become one, so that it sits beside both; within one heading only.
      if (placed_before && !placed_here && shown_in[i] == i &&
          rows[i].headings == rows[shown_in[i - 1]].headings) {
        merge_into_previous(i);
      }
    }
    size_t after = 0;  // the row of this text's node before the next one
    for (const store::SearchEntry& entry :
         store::ProvisionEntries(site.agreement_id(), version->doc)) {
      if (const auto found = placed.find(entry.eid); found != placed.end()) {
        after = found->second + 1;
        continue;
      }
      const bool taken = row_of[base_language].contains(entry.eid);
      inserted[after].push_back({taken ? language + "-" + entry.eid : entry.eid,
                                 entry.heading_path,
                                 {{language, {version->doc.Find(entry.eid)}}},
                                 {}});
    }
  }
  auto add_row = [&](const Row& row) {
    TemplateDictionary* section = body.AddSectionDictionary("ROW");
    section->SetValue("EID", row.eid);
    for (const std::string& eid : row.also) {
      section->AddSectionDictionary("ALSO")->SetValue("EID", eid);
    }
    section->SetIntValue("COLUMNS", static_cast<long>(columns.size()));
    section->AddSectionDictionary("HEADING_TEXT")
        ->SetValue("TEXT", fmt::format("{}", fmt::join(row.headings, " › ")));
    for (const grammar::ExtractedText* version : columns) {
      const std::string language(text::LanguageCode(version->doc.language));
      TemplateDictionary* cell = section->AddSectionDictionary("CELL");
      cell->SetValue("LANGUAGE", language);
      const auto nodes = row.cells.find(language);
      if (nodes == row.cells.end()) continue;
      for (const document::Node* node : nodes->second) {
        TemplateDictionary* paragraph = cell->AddSectionDictionary("PARAGRAPH");
        paragraph->SetValue("PARAGRAPH_ID", TextParagraphId(language, node->eid));
        // A point's letter or bullet is not among its sentences' words.
        if (!node->num.empty()) paragraph->SetValueAndShowSection("NUM", node->num, "LABEL");
        std::vector<const grammar::Expression*> own;
        for (const grammar::Expression& expression : version->expressions.found) {
          if (expression.eid == node->eid) own.push_back(&expression);
        }
        for (const document::Node& child : node->children) {
          if (child.type != document::NodeType::kSentence) continue;
          TemplateDictionary* sentence = paragraph->AddSectionDictionary("SENTENCE");
          const auto commitment = commitment_of.find({language, child.eid});
          if (commitment != commitment_of.end()) {
            TemplateDictionary* link = sentence->AddSectionDictionary("COMMITMENT");
            link->SetValue("ID", commitment->second);
            link->SetValue("TITLE", site.TitleOf(commitment->second));
          }
          AddPieces(sentence, child.text, own);
        }
      }
    }
  };
  for (size_t i = 0; i <= rows.size(); ++i) {
    for (const Row& row : inserted[i]) add_row(row);
    // A row shown within another is not shown on its own.
    if (i < rows.size() && shown_in[i] == i) add_row(rows[i]);
  }
}

}  // namespace

void AddTextPage(Router& router, Site& site) {
  auto text_page = std::make_shared<TextPage>();
  router.Add({"GET", "/text", Access::kPublic,
              [&site, text_page](RequestContext& context) {
                return RenderPage(context, "text", "Text", "text.tpl", text_page->Body(site));
              },
              false});
}

}  // namespace treaty::http
