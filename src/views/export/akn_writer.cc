#include "views/export/akn_writer.h"

#include <pugixml.hpp>

#include <sstream>
#include <string_view>
#include <vector>

#include "ledger/uuid.h"
#include "text/language.h"
#include "views/export/xml_text.h"

namespace treaty::views {

namespace {

using document::Node;
using document::NodeType;

constexpr char kAknNamespace[] = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
constexpr char kSourceId[] = "treaty";  // the agent that did the markup: this program
constexpr char kSourceRef[] = "#treaty";

void SetAttribute(pugi::xml_node element, const char* name, std::string_view value) {
  element.append_attribute(name).set_value(XmlSafe(value).c_str());
}

void SetEid(pugi::xml_node element, const Node& node) {
  if (!node.eid.empty()) SetAttribute(element, "eId", node.eid);
}

pugi::xml_node AppendText(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node element = parent.append_child(name);
  if (!text.empty()) element.append_child(pugi::node_pcdata).set_value(XmlSafe(text).c_str());
  return element;
}

pugi::xml_node AppendValue(pugi::xml_node parent, const char* name, std::string_view value) {
  pugi::xml_node element = parent.append_child(name);
  SetAttribute(element, "value", value);
  return element;
}

bool IsSkipped(const Node& node) {
  return node.type == NodeType::kSentence || node.type == NodeType::kNote;
}

// "num heading text" without empty parts: the words of a node flattened into one <p>.
std::string FlatText(const Node& node) {
  std::string out;
  for (const std::string* part : {&node.num, &node.heading, &node.text}) {
    if (part->empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += *part;
  }
  return out;
}

// Preamble, conclusions and notes hold blocks, not a hierarchy: each node becomes a <p> and its
// descendants follow it in document order.
void AppendFlatBlocks(pugi::xml_node parent, const Node& node) {
  for (const Node& child : node.children) {
    if (IsSkipped(child)) continue;
    SetEid(AppendText(parent, "p", FlatText(child)), child);
    AppendFlatBlocks(parent, child);
  }
}

// <preamble> or <conclusions>: the node's own words (its heading, "Preamble", among them), then
// its descendants, one <p> each. Left out when it would be empty, because the schema requires at
// least one block in it.
void AppendFlatSection(pugi::xml_node act, const char* name, const Node& node) {
  pugi::xml_node element = act.append_child(name);
  SetEid(element, node);
  if (const std::string words = FlatText(node); !words.empty()) AppendText(element, "p", words);
  AppendFlatBlocks(element, node);
  if (element.first_child().empty()) act.remove_child(element);
}

void AppendHier(pugi::xml_node parent, const Node& node) {
  pugi::xml_node element =
      parent.append_child(std::string(document::NodeTypeName(node.type)).c_str());
  SetEid(element, node);
  if (node.type == NodeType::kHcontainer) element.append_attribute("name") = "subheading";
  if (!node.num.empty()) AppendText(element, "num", node.num);
  if (!node.heading.empty()) AppendText(element, "heading", node.heading);

  std::vector<const Node*> hier_children;
  for (const Node& child : node.children) {
    if (document::IsHierarchical(child.type)) hier_children.push_back(&child);
  }
  const bool is_block = node.type == NodeType::kParagraph || node.type == NodeType::kPoint;
  if (hier_children.empty()) {
    // A heading container without words of its own may stay empty; a paragraph or point may not.
    if (is_block || !node.text.empty()) AppendText(element.append_child("content"), "p", node.text);
    return;
  }
  if (!node.text.empty()) AppendText(element.append_child("intro"), "p", node.text);
  for (const Node* child : hier_children) AppendHier(element, *child);
}

void AppendOrganization(pugi::xml_node references, std::string_view id, std::string_view shown) {
  pugi::xml_node organization = references.append_child("TLCOrganization");
  SetAttribute(organization, "eId", id);
  SetAttribute(organization, "href", "/ontology/organization/" + std::string(id));
  SetAttribute(organization, "showAs", shown);
}

void AppendFrbrDate(pugi::xml_node parent, const AknOptions& options) {
  pugi::xml_node date = parent.append_child("FRBRdate");
  const bool known = !options.date.empty();
  SetAttribute(date, "date", known ? std::string_view(options.date) : kAknUnknownDate);
  SetAttribute(date, "name", known ? "signature" : "unknown");
}

void AppendFrbrAuthors(pugi::xml_node parent, const AknOptions& options) {
  for (const AknOptions::Author& author : options.authors) {
    SetAttribute(parent.append_child("FRBRauthor"), "href", "#" + author.eid);
  }
}

// FRBR IRIs after the Akoma Ntoso naming convention: /akn/<country>/act/<date>/<name> for the
// work, "/<lang>@" for the expression, ".akn" for the manifestation, "!main" for the component.
void AppendIdentification(pugi::xml_node meta, const document::Document& doc,
                          const AknOptions& options) {
  const std::string date = options.date.empty() ? kAknUnknownDate : options.date;
  const std::string work = "/akn/" + options.country + "/act/" + date + "/" + options.work_name;
  const std::string language = std::string(text::LanguageIso6392(doc.language));
  const std::string expression = work + "/" + language + "@";

  pugi::xml_node identification = meta.append_child("identification");
  SetAttribute(identification, "source", kSourceRef);

  pugi::xml_node frbr_work = identification.append_child("FRBRWork");
  AppendValue(frbr_work, "FRBRthis", work + "/!main");
  AppendValue(frbr_work, "FRBRuri", work);
  AppendFrbrDate(frbr_work, options);
  AppendFrbrAuthors(frbr_work, options);
  AppendValue(frbr_work, "FRBRcountry", options.country);

  pugi::xml_node frbr_expression = identification.append_child("FRBRExpression");
  AppendValue(frbr_expression, "FRBRthis", expression + "/!main");
  AppendValue(frbr_expression, "FRBRuri", expression);
  AppendFrbrDate(frbr_expression, options);
  AppendFrbrAuthors(frbr_expression, options);
  SetAttribute(frbr_expression.append_child("FRBRlanguage"), "language", language);

  pugi::xml_node frbr_manifestation = identification.append_child("FRBRManifestation");
  AppendValue(frbr_manifestation, "FRBRthis", expression + "/!main.xml");
  AppendValue(frbr_manifestation, "FRBRuri", expression + ".akn");
  AppendFrbrDate(frbr_manifestation, options);
  SetAttribute(frbr_manifestation.append_child("FRBRauthor"), "href", kSourceRef);
}

void AppendReferences(pugi::xml_node meta, const AknOptions& options) {
  pugi::xml_node references = meta.append_child("references");
  SetAttribute(references, "source", kSourceRef);
  AppendOrganization(references, kSourceId, kSourceId);
  for (const AknOptions::Author& author : options.authors) {
    if (author.eid != kSourceId) AppendOrganization(references, author.eid, author.name);
  }
}

void AppendNotes(pugi::xml_node meta, const Node& root) {
  std::vector<const Node*> notes;
  document::Walk(root, [&notes](const Node& node, int) {
    if (node.type == NodeType::kNote) notes.push_back(&node);
  });
  if (notes.empty()) return;
  pugi::xml_node notes_element = meta.append_child("notes");
  SetAttribute(notes_element, "source", kSourceRef);
  for (const Node* note : notes) {
    pugi::xml_node element = notes_element.append_child("note");
    SetEid(element, *note);
    if (!note->num.empty()) SetAttribute(element, "marker", note->num);
    AppendText(element, "p", note->text);
    AppendFlatBlocks(element, *note);
  }
}

void AppendBody(pugi::xml_node act, const Node& root) {
  pugi::xml_node body = act.append_child("body");
  for (const Node& child : root.children) {
    if (child.type == NodeType::kBody) {
      if (body.attribute("eId").empty()) SetEid(body, child);
      for (const Node& node : child.children) {
        if (document::IsHierarchical(node.type)) AppendHier(body, node);
      }
    } else if (document::IsHierarchical(child.type)) {
      AppendHier(body, child);
    }
  }
  if (body.first_child().empty())
    body.append_child("hcontainer").append_attribute("name") = "empty";
}

}  // namespace

AknOptions AknOptionsOf(const document::AgreementPackage& package) {
  AknOptions options;
  options.work_name = package.id;
  options.date = package.signed_date;
  options.authors.clear();
  for (const document::Party& party : package.parties) {
    options.authors.push_back({ledger::ToLowerAscii(party.code), party.name});
  }
  return options;
}

std::string WriteAkomaNtoso(const document::Document& doc, const AknOptions& options) {
  pugi::xml_document xml;
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";

  pugi::xml_node akoma_ntoso = xml.append_child("akomaNtoso");
  akoma_ntoso.append_attribute("xmlns") = kAknNamespace;
  pugi::xml_node act = akoma_ntoso.append_child("act");
  act.append_attribute("name") = "agreement";

  pugi::xml_node meta = act.append_child("meta");
  AppendIdentification(meta, doc, options);
  AppendReferences(meta, options);
  AppendNotes(meta, doc.root);

  const Node* title = nullptr;
  const Node* preamble = nullptr;
  const Node* conclusions = nullptr;
  for (const Node& child : doc.root.children) {
    if (child.type == NodeType::kTitle && title == nullptr) title = &child;
    if (child.type == NodeType::kPreamble && preamble == nullptr) preamble = &child;
    if (child.type == NodeType::kConclusions && conclusions == nullptr) conclusions = &child;
  }

  if (title != nullptr && !title->text.empty()) {
    pugi::xml_node preface = act.append_child("preface");
    SetEid(AppendText(preface.append_child("p"), "docTitle", title->text), *title);
  }
  if (preamble != nullptr) AppendFlatSection(act, "preamble", *preamble);
  AppendBody(act, doc.root);
  if (conclusions != nullptr) AppendFlatSection(act, "conclusions", *conclusions);

  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace treaty::views
