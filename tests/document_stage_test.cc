// The document stage on the bundled agreement: the tree the issue of record describes, eIds that
// resolve in both language versions, spans that point at the right bytes, and robustness.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "document/alignment.h"
#include "document/parser.h"
#include "document/sentence_splitter.h"
#include "text/source_reader.h"

namespace treaty::document {
namespace {

const std::string kRoot = TREATY_SOURCE_DIR;
const std::string kLatvian = kRoot + "/data/agreements/lv-ua-2024/lv.txt";
const std::string kEnglish = kRoot + "/data/agreements/lv-ua-2024/en.txt";

const Node& Body(const Document& doc) {
  for (const Node& child : doc.root.children) {
    if (child.type == NodeType::kBody) return child;
  }
  ADD_FAILURE() << "no body";
  return doc.root;
}

std::vector<const Node*> ChildrenOfType(const Node& node, NodeType type) {
  std::vector<const Node*> out;
  for (const Node& child : node.children) {
    if (child.type == type) out.push_back(&child);
  }
  return out;
}

TEST(LatvianText, HasSixNumberedSectionsWithTheirHeadings) {
  Document doc = ParseFile(kLatvian).value();
  std::vector<const Node*> sections = ChildrenOfType(Body(doc), NodeType::kSection);
  ASSERT_EQ(sections.size(), 6u);
  EXPECT_EQ(sections[0]->num, "1.");
  EXPECT_EQ(sections[0]->heading, "Vienošanās tvērums");
  EXPECT_EQ(sections[0]->eid, "sec_1");
  EXPECT_EQ(sections[5]->heading, "Nobeiguma noteikumi");
  EXPECT_EQ(ChildrenOfType(*sections[1], NodeType::kHcontainer).size(), 7u);
  EXPECT_EQ(ChildrenOfType(*sections[2], NodeType::kHcontainer).size(), 21u);
}

TEST(LatvianText, ShortLastLineOfAParagraphIsNotAHeading) {
  Document doc = ParseFile(kLatvian).value();
  Walk(doc.root, [](const Node& node, int) {
    EXPECT_EQ(node.heading.find("Pamatdokumentā"), std::string::npos) << node.eid;
  });
  const Node* paragraph = doc.Find("sec_3__hcontainer_19__para_5");
  ASSERT_NE(paragraph, nullptr);
  EXPECT_TRUE(paragraph->text.ends_with("Pamatdokumentā nosprausto mērķu sasniegšanu"));
}

TEST(LatvianText, LeadParagraphOfSectionThreeIsAParagraph) {
  Document doc = ParseFile(kLatvian).value();
  const Node* lead = doc.Find("sec_3__para_1");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->type, NodeType::kParagraph);
  EXPECT_TRUE(lead->text.starts_with("Atbalsts finanšu, ekonomikas"));
}

TEST(LatvianText, TitleAndPreambleComeFirst) {
  Document doc = ParseFile(kLatvian).value();
  EXPECT_EQ(doc.Title(),
            "LATVIJAS REPUBLIKAS UN UKRAINAS VIENOŠANĀS PAR ILGLAICĪGU ATBALSTU UN DROŠĪBAS "
            "SAISTĪBĀM");
  const Node* preamble = doc.Find("preamble");
  ASSERT_NE(preamble, nullptr);
  EXPECT_EQ(ChildrenOfType(*preamble, NodeType::kParagraph).size(), 6u);
}

TEST(BothTexts, GiveTheSameHeadingTree) {
  Document lv = ParseFile(kLatvian).value();
  Document en = ParseFile(kEnglish).value();
  std::vector<std::string> lv_ids, en_ids;
  Walk(lv.root, [&](const Node& n, int) {
    if (IsHeadingContainer(n.type)) lv_ids.push_back(n.eid);
  });
  Walk(en.root, [&](const Node& n, int) {
    if (IsHeadingContainer(n.type)) en_ids.push_back(n.eid);
  });
  EXPECT_EQ(lv_ids, en_ids);
  EXPECT_EQ(lv_ids.size(), 34u);
}

TEST(Alignment, ResolvesOneIdInBothLanguagesAndReportsWhereParagraphingDiffers) {
  Document lv = ParseFile(kLatvian).value();
  Document en = ParseFile(kEnglish).value();
  Alignment alignment = AlignDocuments(lv, en);
  EXPECT_EQ(alignment.Resolve("sec_2__hcontainer_1__para_2", "lv"),
            std::vector<std::string>{"sec_2__hcontainer_1__para_2"});
  // Latvian splits into two paragraphs what English holds in one (lines 215-219 vs line 56).
  EXPECT_EQ(
      alignment.Resolve("sec_2__hcontainer_4__para_8", "en"),
      (std::vector<std::string>{"sec_2__hcontainer_4__para_8", "sec_2__hcontainer_4__para_9"}));
  std::vector<std::string> problems = alignment.Problems();
  EXPECT_EQ(problems.size(), 5u);
  EXPECT_NE(problems[2].find("line 215"), std::string::npos) << problems[2];
}

TEST(Alignment, GivesAHeadingContainerItsOwnEIdAndAParagraphItsPairedOnes) {
  Document lv = ParseFile(kLatvian).value();
  Document en = ParseFile(kEnglish).value();
  Alignment alignment = AlignDocuments(lv, en);
  EXPECT_EQ(alignment.Counterparts("sec_2__hcontainer_4", "en", lv),
            std::vector<std::string>{"sec_2__hcontainer_4"});
  EXPECT_EQ(
      alignment.Counterparts("sec_2__hcontainer_4__para_8", "en", lv),
      (std::vector<std::string>{"sec_2__hcontainer_4__para_8", "sec_2__hcontainer_4__para_9"}));
  EXPECT_TRUE(alignment.Counterparts("no_such_eid", "en", lv).empty());
}

TEST(Spans, PointAtTheSourceBytesOfEachNode) {
  std::string bytes = text::ReadFile(kLatvian).value();
  Document doc = ParseBytes(bytes, "lv.txt").value();
  std::set<std::string> ids;
  Walk(doc.root, [&](const Node& node, int) {
    if (!node.eid.empty()) {
      EXPECT_TRUE(ids.insert(node.eid).second) << "duplicate " << node.eid;
    }
    ASSERT_LE(node.source_begin, node.source_end);
    ASSERT_LE(node.source_end, bytes.size());
    if (node.type == NodeType::kSentence || node.type == NodeType::kParagraph) {
      std::string first_word = node.text.substr(0, node.text.find(' '));
      EXPECT_EQ(bytes.compare(node.source_begin, first_word.size(), first_word), 0) << node.eid;
    }
  });
  // The paragraph running over the page break of lines 377-381 ends on line 386.
  const Node* hybrid = doc.Find("sec_3__hcontainer_11__para_1");
  ASSERT_NE(hybrid, nullptr);
  EXPECT_EQ(hybrid->first_line, 374);
  EXPECT_EQ(hybrid->last_line, 386);
}

// A sentence's lines are those of its own bytes, not its paragraph's: "… pieejamās spējas un
// resursus. 2024. gadā Latvija sniegs Ukrainai …" begins its second sentence on line 111.
TEST(Spans, ASentenceHasTheLinesOfItsOwnBytes) {
  std::string bytes = text::ReadFile(kLatvian).value();
  Document doc = ParseBytes(bytes, "lv.txt").value();
  const auto line_of = [&](size_t offset) {
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
  };
  Walk(doc.root, [&](const Node& node, int) {
    if (node.type != NodeType::kSentence) return;
    EXPECT_EQ(node.first_line, line_of(node.source_begin)) << node.eid;
    EXPECT_EQ(node.last_line, line_of(node.source_end - 1)) << node.eid;
  });
  const Node* second = doc.Find("sec_2__hcontainer_1__para_2__sent_2");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->first_line, 111);
  EXPECT_EQ(second->last_line, 112);
  EXPECT_EQ(doc.Find("sec_2__hcontainer_1__para_2")->first_line, 108);
}

TEST(Sentences, SplitAtSentenceEndsButNotAtOrdinalDatesOrAbbreviations) {
  auto split = [](std::string_view s) {
    std::vector<std::string> out;
    for (SentenceSpan span : SplitSentences(s))
      out.emplace_back(s.substr(span.begin, span.end - span.begin));
    return out;
  };
  EXPECT_EQ(split("Vienošanās ir parakstīta 2024. gada 11. aprīlī. Teksts angļu valodā."),
            (std::vector<std::string>{"Vienošanās ir parakstīta 2024. gada 11. aprīlī.",
                                      "Teksts angļu valodā."}));
  EXPECT_EQ(split("resursus. 2024. gadā Latvija sniegs atbalstu.").size(), 2u);
  EXPECT_EQ(split("See No. 5 and Article 51. The end.").size(), 2u);
  EXPECT_EQ(split("EUR 3.3 million, i.e. most of it.").size(), 1u);
}

TEST(Sentences, FiguresAndDatesAbbreviatedGoOnWhenAFigureFollows) {
  auto count = [](std::string_view s) { return SplitSentences(s).size(); };
  EXPECT_EQ(count("Assistance worth around 400 mil. EUR. The next sentence."), 2u);
  EXPECT_EQ(count("Loans of 1.5 bn. USD in total."), 1u);
  EXPECT_EQ(count("A grant of 20 mln. UAH was made."), 1u);
  EXPECT_EQ(count("Latvija piešķirs 400 milj. EUR un 20 tūkst. EUR apmācībām."), 1u);
  EXPECT_EQ(count("Грант на 20 млн. UAH і 2 млрд. EUR надано."), 1u);
  EXPECT_EQ(count("Delivered by 1 Jan. 2024 and by Sept. 30, 2024."), 1u);
  EXPECT_EQ(count("Support worth 400 mil. The Participants agree."), 2u);
  EXPECT_EQ(count("It was signed in Jan. Ukraine welcomed it."), 2u);
  EXPECT_EQ(count("It was signed in May. 2024 was a year of delivery."), 2u);
}

TEST(Headings, LongOrPunctuatedHeadingsStandOverTheirParagraphs) {
  // One paragraph per line: a numbered heading of 20 words over a plain paragraph, a numbered
  // paragraph without a full stop that other numbered paragraphs follow, headings ending in a
  // colon or a full stop over paragraphs numbered from 1.
  Document doc = ParseBytes(
                     "AGREEMENT ON TESTING\n"
                     "I. Support\n"
                     "1. Continued support to the partner and to its people in every area of "
                     "need, for as long as it takes and beyond\n"
                     "The Participants will support the partner.\n"
                     "2. The Participants will meet every year to review the support given under "
                     "this Agreement and to plan the next steps\n"
                     "3. The Participants will share information.\n"
                     "4. Cyber:\n"
                     "1. The Participants will cooperate on cyber defence.\n"
                     "2. The Participants will share threat information.\n"
                     "Reform agenda. European integration.\n"
                     "1. The partner will continue its reforms.\n",
                     "t.txt")
                     .value();
  const Node* long_heading = doc.Find("sec_I__subsec_1");
  ASSERT_NE(long_heading, nullptr);
  ASSERT_EQ(long_heading->children.size(), 3u);  // the plain paragraph, then 2. and 3.
  EXPECT_EQ(long_heading->children[0].text, "The Participants will support the partner.");
  const Node* paragraph = doc.Find("sec_I__subsec_1__para_2");
  ASSERT_NE(paragraph, nullptr);
  EXPECT_EQ(paragraph->num, "2.");
  const Node* colon = doc.Find("sec_I__subsec_4");
  ASSERT_NE(colon, nullptr);
  EXPECT_EQ(colon->heading, "Cyber:");
  EXPECT_EQ(colon->children.size(), 3u);  // 1., 2. and the next heading
  const Node* full_stop = doc.Find("sec_I__subsec_4__hcontainer_1");
  ASSERT_NE(full_stop, nullptr);
  EXPECT_EQ(full_stop->heading, "Reform agenda. European integration.");
  EXPECT_EQ(full_stop->children.size(), 1u);
}

TEST(Robustness, TextWithoutStructureIsOneBodyWithAWarning) {
  Document doc =
      ParseBytes("a plain note\nwith two lines of lower-case prose\n", "note.txt").value();
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(ChildrenOfType(Body(doc), NodeType::kParagraph).size(), 2u);
}

TEST(Robustness, LargeInputParsesInLinearTime) {
  // 100 MB of agreement text: a quadratic step would not finish.
  std::string one = text::ReadFile(kEnglish).value() + "\n";
  std::string big;
  big.reserve(100u << 20);
  while (big.size() < (100u << 20)) big += one;
  auto doc = ParseBytes(big, "big.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_GT(Body(doc.value()).children.size(), 1000u);
}

}  // namespace
}  // namespace treaty::document
