#include "views/export/akn_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "document/node.h"
#include "node_builder.h"
#include "xml_schema.h"

namespace treaty::views {
namespace {

using document::Document;
using document::Node;
using document::NodeType;

constexpr char kAknSchema[] = TREATY_SOURCE_DIR "/tests/data/schemas/akn-3.0/akomantoso30.xsd";

using test::MakeNode;

Node Paragraph(std::string eid, std::string num, std::string text,
               std::vector<Node> children = {}) {
  return MakeNode(NodeType::kParagraph, std::move(eid), std::move(num), "", std::move(text),
                  std::move(children));
}

Node Point(std::string eid, std::string num, std::string text, std::vector<Node> children = {}) {
  return MakeNode(NodeType::kPoint, std::move(eid), std::move(num), "", std::move(text),
                  std::move(children));
}

Node Sentence(std::string eid, std::string text) {
  return MakeNode(NodeType::kSentence, std::move(eid), "", "", std::move(text));
}

Node Container(NodeType type, std::string eid, std::string num, std::string heading,
               std::vector<Node> children) {
  return MakeNode(type, std::move(eid), std::move(num), std::move(heading), "",
                  std::move(children));
}

Document WithRoot(std::vector<Node> children, text::Language language = text::Language::kEnglish) {
  Document doc;
  doc.language = language;
  doc.root.type = NodeType::kDocument;
  doc.root.children = std::move(children);
  return doc;
}

// Title, preamble, two sections (the second with a sub-heading), a paragraph with lettered points
// one of which has its own points, a footnote inside a paragraph, and signature blocks.
Document SmallAgreement() {
  return WithRoot({
      MakeNode(NodeType::kTitle, "title", "", "", "Agreement on Security Cooperation"),
      MakeNode(NodeType::kPreamble, "preamble", "", "", "",
               {Paragraph("preamble__p_1", "", "The Participants,",
                          {Sentence("preamble__p_1__sent_1", "The Participants,")}),
                Paragraph("preamble__p_2", "", "Have reached the following understandings:")}),
      MakeNode(
          NodeType::kBody, "", "", "", "",
          {Container(NodeType::kSection, "sec_1", "I.", "Scope",
                     {Paragraph("sec_1__para_1", "1.", "This Agreement sets out commitments.",
                                {Sentence("sec_1__para_1__sent_1",
                                          "This Agreement sets out commitments.")})}),
           Container(
               NodeType::kSection, "sec_2", "II.", "Security",
               {Container(NodeType::kHcontainer, "sec_2__hcontainer_1", "", "Military training",
                          {Paragraph("sec_2__hcontainer_1__para_1", "1.", "Latvia will:",
                                     {Point("sec_2__hcontainer_1__para_1__point_a", "a)",
                                            "train soldiers;"),
                                      Point("sec_2__hcontainer_1__para_1__point_b", "b)", "supply:",
                                            {Point("sec_2__hcontainer_1__para_1__point_b__point_i",
                                                   "(i)", "drones.")})}),
                           Paragraph("sec_2__hcontainer_1__para_2", "", "Support continues.",
                                     {MakeNode(NodeType::kNote, "fnt_1", "1", "",
                                               "As agreed in 2023.")})})})}),
      MakeNode(NodeType::kConclusions, "conclusions", "", "", "",
               {Paragraph("conclusions__p_1", "", "Done at Vilnius on 11 April 2024."),
                Paragraph("conclusions__p_2", "", "For Latvia"),
                Paragraph("conclusions__p_3", "", "For Ukraine")}),
  });
}

AknOptions LvUaOptions() {
  AknOptions options;
  options.work_name = "lv-ua-2024";
  options.country = "ua";
  options.date = "2024-04-11";
  options.authors = {{"lv", "Republic of Latvia"}, {"ua", "Ukraine"}};
  return options;
}

struct Parsed {
  std::string xml;
  pugi::xml_document doc;
};

// Writes `doc`, expects it valid against the shipped schema, and parses it for inspection.
void WriteValidated(const Document& doc, const AknOptions& options, Parsed* out) {
  out->xml = WriteAkomaNtoso(doc, options);
  EXPECT_EQ(test::SchemaErrors(out->xml, kAknSchema), "") << out->xml;
  const pugi::xml_parse_result result = out->doc.load_string(out->xml.c_str());
  ASSERT_TRUE(result) << result.description();
}

pugi::xml_node ByEid(const pugi::xml_document& doc, const std::string& eid) {
  return doc.select_node(("//*[@eId='" + eid + "']").c_str()).node();
}

std::string ChildText(pugi::xml_node node, const char* path) {
  return node.select_node(path).node().text().get();
}

// Guards the other tests: the check they rely on does reject invalid Akoma Ntoso.
TEST(AknSchema, RejectsAnActWithoutBodyAndMalformedXml) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  pugi::xml_node act = out.doc.document_element().child("act");
  act.remove_child("body");
  std::ostringstream without_body;
  out.doc.save(without_body);
  const std::string errors = test::SchemaErrors(without_body.str(), kAknSchema);
  EXPECT_NE(errors.find("Expected is ( {http://docs.oasis-open.org/legaldocml/ns/akn/3.0}body )"),
            std::string::npos)
      << errors;
  EXPECT_EQ(test::SchemaErrors("<akomaNtoso><act>", kAknSchema).rfind("not well-formed", 0), 0u);
}

TEST(AknWriter, SmallAgreementIsValidAgainstTheSchema) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  EXPECT_TRUE(out.doc.select_node("/akomaNtoso/act[@name='agreement']/body"));
  EXPECT_EQ(std::string(out.doc.document_element().attribute("xmlns").value()),
            "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
}

TEST(AknWriter, APreamblesHeadingIsItsFirstBlock) {
  Document doc = SmallAgreement();
  doc.root.children[1].heading = "Preamble";
  Parsed out;
  WriteValidated(doc, LvUaOptions(), &out);
  const pugi::xml_node preamble = ByEid(out.doc, "preamble");
  EXPECT_STREQ(preamble.first_child().text().get(), "Preamble");
  EXPECT_STREQ(preamble.first_child().next_sibling().attribute("eId").value(), "preamble__p_1");
}

TEST(AknWriter, EveryNonSentenceEidBecomesAnElementAttribute) {
  const Document doc = SmallAgreement();
  Parsed out;
  WriteValidated(doc, LvUaOptions(), &out);
  document::Walk(doc.root, [&out](const Node& node, int) {
    if (node.eid.empty()) return;
    const bool present = !ByEid(out.doc, node.eid).empty();
    EXPECT_EQ(present, node.type != NodeType::kSentence) << node.eid;
  });
}

TEST(AknWriter, ContainersKeepTheirTypeNumAndHeading) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node section = ByEid(out.doc, "sec_2");
  EXPECT_STREQ(section.name(), "section");
  EXPECT_EQ(ChildText(section, "num"), "II.");
  EXPECT_EQ(ChildText(section, "heading"), "Security");
  EXPECT_EQ(std::string(section.parent().name()), "body");

  const pugi::xml_node hcontainer = ByEid(out.doc, "sec_2__hcontainer_1");
  EXPECT_STREQ(hcontainer.name(), "hcontainer");
  EXPECT_STREQ(hcontainer.attribute("name").value(), "subheading");
  EXPECT_FALSE(hcontainer.child("num"));
  EXPECT_EQ(ChildText(hcontainer, "heading"), "Military training");
  EXPECT_EQ(hcontainer.parent(), section);
}

TEST(AknWriter, ParagraphWithoutPointsHoldsItsTextInContent) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node paragraph = ByEid(out.doc, "sec_1__para_1");
  EXPECT_STREQ(paragraph.name(), "paragraph");
  EXPECT_EQ(ChildText(paragraph, "num"), "1.");
  EXPECT_EQ(ChildText(paragraph, "content/p"), "This Agreement sets out commitments.");
  EXPECT_FALSE(paragraph.child("intro"));
}

TEST(AknWriter, UnnumberedParagraphHasNoNum) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node paragraph = ByEid(out.doc, "sec_2__hcontainer_1__para_2");
  EXPECT_FALSE(paragraph.child("num"));
  EXPECT_EQ(ChildText(paragraph, "content/p"), "Support continues.");
}

TEST(AknWriter, ParagraphWithPointsPutsItsTextInIntroAndNestsPoints) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node paragraph = ByEid(out.doc, "sec_2__hcontainer_1__para_1");
  EXPECT_EQ(ChildText(paragraph, "intro/p"), "Latvia will:");
  EXPECT_FALSE(paragraph.child("content"));

  const pugi::xml_node point_a = ByEid(out.doc, "sec_2__hcontainer_1__para_1__point_a");
  EXPECT_STREQ(point_a.name(), "point");
  EXPECT_EQ(point_a.parent(), paragraph);
  EXPECT_EQ(ChildText(point_a, "num"), "a)");
  EXPECT_EQ(ChildText(point_a, "content/p"), "train soldiers;");

  const pugi::xml_node point_b = ByEid(out.doc, "sec_2__hcontainer_1__para_1__point_b");
  EXPECT_EQ(ChildText(point_b, "intro/p"), "supply:");
  const pugi::xml_node point_i = ByEid(out.doc, "sec_2__hcontainer_1__para_1__point_b__point_i");
  EXPECT_EQ(point_i.parent(), point_b);
  EXPECT_EQ(ChildText(point_i, "num"), "(i)");
  EXPECT_EQ(ChildText(point_i, "content/p"), "drones.");
}

TEST(AknWriter, SentencesAreNotElements) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  EXPECT_EQ(out.xml.find("sent_1"), std::string::npos);
  EXPECT_EQ(out.doc.select_nodes("//sentence").size(), 0u);
}

TEST(AknWriter, TitleGoesToPrefaceAsDocTitle) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  EXPECT_EQ(ChildText(out.doc, "/akomaNtoso/act/preface/p/docTitle"),
            "Agreement on Security Cooperation");
  EXPECT_STREQ(ByEid(out.doc, "title").name(), "docTitle");
}

TEST(AknWriter, PreambleParagraphsBecomeParagraphsOfPreamble) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node preamble = out.doc.select_node("/akomaNtoso/act/preamble").node();
  EXPECT_STREQ(preamble.attribute("eId").value(), "preamble");
  EXPECT_EQ(out.doc.select_nodes("/akomaNtoso/act/preamble/p").size(), 2u);
  EXPECT_EQ(std::string(ByEid(out.doc, "preamble__p_2").text().get()),
            "Have reached the following understandings:");
}

TEST(AknWriter, NotesGoToMetaAndNotToTheBody) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node note = ByEid(out.doc, "fnt_1");
  EXPECT_STREQ(note.name(), "note");
  EXPECT_STREQ(note.parent().name(), "notes");
  EXPECT_STREQ(note.parent().attribute("source").value(), "#treaty");
  EXPECT_STREQ(note.attribute("marker").value(), "1");
  EXPECT_EQ(ChildText(note, "p"), "As agreed in 2023.");
  EXPECT_EQ(out.doc.select_nodes("//body//note").size(), 0u);
}

TEST(AknWriter, DocumentWithoutNotesHasNoNotesElement) {
  Parsed out;
  WriteValidated(
      WithRoot({MakeNode(NodeType::kBody, "", "", "", "", {Paragraph("para_1", "1.", "Text.")})}),
      LvUaOptions(), &out);
  EXPECT_FALSE(out.doc.select_node("//notes"));
}

TEST(AknWriter, ConclusionsHoldTheSignatureParagraphs) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xpath_node_set paragraphs = out.doc.select_nodes("/akomaNtoso/act/conclusions/p");
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_STREQ(paragraphs[0].node().attribute("eId").value(), "conclusions__p_1");
  EXPECT_STREQ(paragraphs[0].node().text().get(), "Done at Vilnius on 11 April 2024.");
  EXPECT_STREQ(paragraphs[2].node().text().get(), "For Ukraine");
}

TEST(AknWriter, IdentificationFollowsTheOptions) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  const pugi::xml_node identification = out.doc.select_node("//meta/identification").node();
  EXPECT_STREQ(identification.attribute("source").value(), "#treaty");
  const pugi::xml_node work = identification.child("FRBRWork");
  EXPECT_STREQ(work.child("FRBRthis").attribute("value").value(),
               "/akn/ua/act/2024-04-11/lv-ua-2024/!main");
  EXPECT_STREQ(work.child("FRBRuri").attribute("value").value(),
               "/akn/ua/act/2024-04-11/lv-ua-2024");
  EXPECT_STREQ(work.child("FRBRdate").attribute("date").value(), "2024-04-11");
  std::vector<std::string> authors;
  for (const pugi::xml_node author : work.children("FRBRauthor")) {
    authors.push_back(author.attribute("href").value());
  }
  EXPECT_EQ(authors, (std::vector<std::string>{"#lv", "#ua"}));
  EXPECT_STREQ(ByEid(out.doc, "lv").attribute("showAs").value(), "Republic of Latvia");
  EXPECT_STREQ(work.child("FRBRcountry").attribute("value").value(), "ua");
  EXPECT_STREQ(identification.child("FRBRExpression").child("FRBRuri").attribute("value").value(),
               "/akn/ua/act/2024-04-11/lv-ua-2024/eng@");
}

TEST(AknWriter, FrbrLanguageIsTheIso6392CodeOfTheDocumentLanguage) {
  const std::pair<text::Language, const char*> cases[] = {
      {text::Language::kLatvian, "lav"},
      {text::Language::kEnglish, "eng"},
      {text::Language::kUkrainian, "ukr"},
  };
  for (const auto& [language, code] : cases) {
    Document doc = SmallAgreement();
    doc.language = language;
    Parsed out;
    WriteValidated(doc, LvUaOptions(), &out);
    EXPECT_STREQ(
        out.doc.select_node("//FRBRExpression/FRBRlanguage").node().attribute("language").value(),
        code);
  }
}

TEST(AknWriter, EveryLocalReferenceInMetaResolvesToAnEid) {
  Parsed out;
  WriteValidated(SmallAgreement(), LvUaOptions(), &out);
  int checked = 0;
  for (const char* query : {"//@source", "//FRBRauthor/@href"}) {
    for (const pugi::xpath_node& reference : out.doc.select_nodes(query)) {
      const std::string value = reference.attribute().value();
      ASSERT_EQ(value.front(), '#') << value;
      EXPECT_STREQ(ByEid(out.doc, value.substr(1)).name(), "TLCOrganization") << value;
      ++checked;
    }
  }
  EXPECT_GE(checked, 5);
  EXPECT_STREQ(ByEid(out.doc, "ua").attribute("showAs").value(), "Ukraine");
}

TEST(AknWriter, UnknownDateIsWrittenAsThePlaceholderDate) {
  AknOptions options = LvUaOptions();
  options.date.clear();
  Parsed out;
  WriteValidated(SmallAgreement(), options, &out);
  const pugi::xml_node date = out.doc.select_node("//FRBRWork/FRBRdate").node();
  EXPECT_STREQ(date.attribute("date").value(), kAknUnknownDate);
  EXPECT_STREQ(date.attribute("name").value(), "unknown");
}

TEST(AknWriter, DefaultOptionsGiveAValidDocument) {
  Parsed out;
  WriteValidated(SmallAgreement(), AknOptions(), &out);
  EXPECT_STREQ(out.doc.select_node("//FRBRWork/FRBRcountry").node().attribute("value").value(),
               "int");
}

TEST(AknWriter, BodyOfParagraphsOnlyIsValid) {
  Parsed out;
  WriteValidated(WithRoot({MakeNode(NodeType::kBody, "", "", "", "",
                                    {Paragraph("para_1", "", "First paragraph."),
                                     Paragraph("para_2", "", "Second paragraph:",
                                               {Point("para_2__point_1", "•", "a bullet.")})})}),
                 LvUaOptions(), &out);
  EXPECT_STREQ(ByEid(out.doc, "para_1").parent().name(), "body");
  EXPECT_STREQ(ByEid(out.doc, "para_2__point_1").parent().name(), "paragraph");
  EXPECT_FALSE(out.doc.select_node("/akomaNtoso/act/preface"));
  EXPECT_FALSE(out.doc.select_node("/akomaNtoso/act/preamble"));
  EXPECT_FALSE(out.doc.select_node("/akomaNtoso/act/conclusions"));
}

TEST(AknWriter, EmptyDocumentGetsOneEmptyHcontainer) {
  Parsed out;
  WriteValidated(WithRoot({}), LvUaOptions(), &out);
  const pugi::xpath_node_set children = out.doc.select_nodes("/akomaNtoso/act/body/*");
  ASSERT_EQ(children.size(), 1u);
  EXPECT_STREQ(children[0].node().name(), "hcontainer");
  EXPECT_STREQ(children[0].node().attribute("name").value(), "empty");
}

TEST(AknWriter, EmptyPreambleIsOmitted) {
  Parsed out;
  WriteValidated(WithRoot({MakeNode(NodeType::kPreamble, "preamble", "", "", ""),
                           MakeNode(NodeType::kConclusions, "conclusions", "", "", "")}),
                 LvUaOptions(), &out);
  EXPECT_FALSE(out.doc.select_node("/akomaNtoso/act/preamble"));
  EXPECT_FALSE(out.doc.select_node("/akomaNtoso/act/conclusions"));
}

TEST(AknWriter, OwnWordsOfPreambleComeBeforeItsParagraphs) {
  Parsed out;
  WriteValidated(WithRoot({MakeNode(NodeType::kPreamble, "preamble", "", "", "Recalling:",
                                    {Paragraph("preamble__p_1", "", "the Joint Declaration;")})}),
                 LvUaOptions(), &out);
  const pugi::xpath_node_set paragraphs = out.doc.select_nodes("/akomaNtoso/act/preamble/p");
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_STREQ(paragraphs[0].node().text().get(), "Recalling:");
  EXPECT_STREQ(paragraphs[1].node().attribute("eId").value(), "preamble__p_1");
}

TEST(AknWriter, MarkupCharactersInTextAreEscaped) {
  const std::string tricky = "Costs < 5 % & \"EUR\" 'drones' > 0 </p><script>";
  Document doc = WithRoot({
      MakeNode(NodeType::kTitle, "title", "", "", tricky),
      MakeNode(NodeType::kBody, "", "", "", "",
               {Container(NodeType::kSection, "sec_1", "<1>", "R&D \"heading\"",
                          {Paragraph("sec_1__para_1", "1.", tricky)})}),
  });
  Parsed out;
  WriteValidated(doc, LvUaOptions(), &out);
  EXPECT_EQ(out.xml.find("<script>"), std::string::npos);
  EXPECT_EQ(ChildText(out.doc, "//preface/p/docTitle"), tricky);
  const pugi::xml_node section = ByEid(out.doc, "sec_1");
  EXPECT_EQ(ChildText(section, "num"), "<1>");
  EXPECT_EQ(ChildText(section, "heading"), "R&D \"heading\"");
  EXPECT_EQ(ChildText(ByEid(out.doc, "sec_1__para_1"), "content/p"), tricky);
}

TEST(AknWriter, NonAsciiTextSurvivesAsUtf8) {
  const std::string latvian = "Latvija apņemas piešķirt 0,25 % no IKP; Україна";
  Parsed out;
  WriteValidated(
      WithRoot({MakeNode(NodeType::kBody, "", "", "", "", {Paragraph("para_1", "1.", latvian)})},
               text::Language::kLatvian),
      LvUaOptions(), &out);
  EXPECT_EQ(ChildText(ByEid(out.doc, "para_1"), "content/p"), latvian);
}

TEST(AknWriter, ControlCharactersAreDropped) {
  Parsed out;
  WriteValidated(WithRoot({MakeNode(NodeType::kBody, "", "", "", "",
                                    {Paragraph("para_1", "",
                                               std::string("a\x01"
                                                           "b\x0c"
                                                           "c"))})}),
                 LvUaOptions(), &out);
  EXPECT_EQ(ChildText(ByEid(out.doc, "para_1"), "content/p"), "abc");
}

TEST(AknWriter, OutputIsDeterministic) {
  EXPECT_EQ(WriteAkomaNtoso(SmallAgreement(), LvUaOptions()),
            WriteAkomaNtoso(SmallAgreement(), LvUaOptions()));
}

}  // namespace
}  // namespace treaty::views
