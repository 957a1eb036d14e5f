// The text stage: validation, NFC, line and page handling, hyphenation and the offset map.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/list_label.h"
#include "text/offset_map.h"
#include "text/source_reader.h"
#include "text/utf8.h"

namespace treaty::text {
namespace {

const std::string kRoot = TREATY_SOURCE_DIR;

std::vector<std::string> BlockTexts(const NormalizedText& text) {
  std::vector<std::string> out;
  for (const Block& block : text.blocks) out.emplace_back(text.BlockText(block));
  return out;
}

TEST(OffsetMap, CopiedAndReplacedRunsMapBackToTheirSourceBytes) {
  OffsetMap map;
  map.AddCopy(3, 10);             // "abc" from source 10..13
  map.AddReplacement(1, 13, 17);  // one space for four source bytes
  map.AddCopy(2, 17);
  EXPECT_EQ(map.ToSource(0), 10u);
  EXPECT_EQ(map.ToSource(2), 12u);
  EXPECT_EQ(map.ToSource(3), 13u);
  EXPECT_EQ(map.ToSourceEnd(4), 17u);
  EXPECT_EQ(map.ToSource(5), 18u);
  EXPECT_EQ(map.ToSourceEnd(6), 19u);
}

// Lines end as SplitLines ends them: "\n", "\r\n" or a lone "\r".
TEST(TextStage, EverySourceByteHasTheLineThatHoldsIt) {
  const std::string bytes = "One.\r\nTwo\rthree.\n\nFour.";
  NormalizedText text = Normalize(bytes, "lines.txt", Language::kEnglish).value();
  EXPECT_EQ(text.line_starts, (std::vector<size_t>{0, 6, 10, 17, 18}));
  EXPECT_EQ(text.LineAt(0), 1);
  EXPECT_EQ(text.LineAt(5), 1);  // the "\n" of "\r\n"
  EXPECT_EQ(text.LineAt(6), 2);
  EXPECT_EQ(text.LineAt(10), 3);
  EXPECT_EQ(text.LineAt(17), 4);
  EXPECT_EQ(text.LineAt(bytes.size() - 1), 5);
}

TEST(TextStage, EmptyBinaryAndInvalidUtf8InputAreErrorsThatSayWhere) {
  EXPECT_EQ(Normalize("", "a.txt").error().message, "the file is empty");
  auto binary = Normalize(std::string("PK\x03\x04", 4), "b.docx");
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.error().message.find("byte offset 2"), std::string::npos);
  auto invalid = Normalize("line one\nbad \xC3\x28 byte\n", "c.txt");
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().message, "invalid UTF-8 at byte offset 13");
  EXPECT_EQ(invalid.error().where, "c.txt:2");
  EXPECT_FALSE(ReadFile(kRoot + "/tests/data/does-not-exist.txt").ok());
}

TEST(TextStage, Utf16TextIsToldToBeSavedAsUtf8) {
  for (const std::string& bytes :
       {std::string("\xFF\xFEL\0V\0", 6), std::string("\xFE\xFF\0L\0V", 6),
        std::string("L\0V\0", 4), std::string("\0L\0V", 4),
        // "Угода між" in UTF-16LE and BE without a byte order mark: Cyrillic's high byte is 0x04.
        std::string("\x23\x04\x33\x04\x3E\x04\x34\x04\x30\x04\x20\x00\x3C\x04\x56\x04\x36\x04", 18),
        std::string("\x04\x23\x04\x33\x04\x3E\x04\x34\x04\x30\x00\x20\x04\x3C\x04\x56\x04\x36",
                    18)}) {
    auto text = Normalize(bytes, "unicode.txt");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().ToString(), "unicode.txt: the file is UTF-16: save it as UTF-8");
  }
  EXPECT_TRUE(Normalize("\xEF\xBB\xBFLatvia\n", "utf8-bom.txt").ok());
  // A stray zero byte in text is a control byte, not UTF-16.
  auto stray = Normalize(std::string("x\0y", 3), "stray.txt");
  ASSERT_FALSE(stray.ok());
  EXPECT_EQ(stray.error().ToString(),
            "stray.txt:1: not a text file: control byte 0x00 at byte offset 1");
  auto pdf = Normalize("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "agreement.pdf");
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().ToString(),
            "agreement.pdf: the file is a PDF: give its text layer as UTF-8 text (pdftotext "
            "-layout FILE)");
}

TEST(TextStage, NormalisesToNfcAndFoldsNoBreakAndRepeatedSpaces) {
  // "Latvija" with a decomposed ā (a + U+0304), a no-break space and a run of spaces.
  std::string source = "La\xCC\x84tvija\xC2\xA0un   Ukraina.\n";
  auto text = Normalize(source, "x.txt", Language::kLatvian);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value().text, "L\xC4\x81tvija un Ukraina.");
  // "un" starts at normalised offset 9 and at source byte 10 (after the decomposed letter).
  size_t un = text.value().text.find("un");
  EXPECT_EQ(source.substr(text.value().SourceStart(un), 2), "un");
  EXPECT_EQ(text.value().SourceEnd(text.value().text.size()), source.size() - 1);
}

TEST(TextStage, PdfLayerRejoinsParagraphsAcrossPageBreaksAndDropsPageNumbers) {
  auto bytes = ReadFile(kRoot + "/data/agreements/lv-ua-2024/lv.txt");
  ASSERT_TRUE(bytes.ok());
  auto text = Normalize(bytes.value(), "lv.txt");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value().layout, Layout::kPdfTextLayer);
  EXPECT_EQ(text.value().language, Language::kLatvian);
  // Lines 374-386 hold one paragraph with a page break after line 377.
  bool found = false;
  for (const Block& block : text.value().blocks) {
    if (block.first_line != 374) continue;
    found = true;
    EXPECT_EQ(block.last_line, 386);
    EXPECT_NE(text.value().BlockText(block).find("tostarp atbalstot noturību"), std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST(TextStage, PageNumbersFootnoteMarkersAndLineEndHyphens) {
  // A PDF text layer: lines of about one width, a page break with a page number inside the
  // first paragraph.
  std::string source =
      "AGREEMENT ON TESTING\n\n"
      "The Participants will work together on the imple-\n"
      "mentation of this Agreement and on the wider Euro-\n"
      "Atlantic integration of the partner, which is a long\n"
      "\n\n3\n\n"
      "term goal of the Participants and of all the partners.\n"
      "The second paragraph is a short one.\n"
      "And the third paragraph ends here after many words too.\n";
  auto text = Normalize(source, "t.txt", Language::kEnglish);
  ASSERT_TRUE(text.ok());
  std::vector<std::string> blocks = BlockTexts(text.value());
  ASSERT_GE(blocks.size(), 2u);
  EXPECT_EQ(blocks[0], "AGREEMENT ON TESTING");
  EXPECT_NE(blocks[1].find("the implementation of this Agreement"), std::string::npos) << blocks[1];
  EXPECT_NE(blocks[1].find("Euro-Atlantic integration"), std::string::npos) << blocks[1];
  EXPECT_NE(blocks[1].find("a long term goal"), std::string::npos) << blocks[1];
  for (const std::string& block : blocks) EXPECT_NE(block, "3");
}

TEST(TextStage, PdfLayerTellsHeadingsFromWrappedLinesOfNarrowParagraphs) {
  // Headings over their first paragraph (one nearly a full line wide), then a list set narrower
  // than the page whose lines wrap before a capital or inside brackets.
  std::string source =
      "AGREEMENT ON TESTING\n"
      "1. The Participants will work together on the implementation of this Agreement\n"
      "and on the wider integration of the partner, which is a long term goal of the\n"
      "Participants and of all the partners.\n"
      "Compensation for damage, loss and injury caused by the aggression\n"
      "1. The Participants reaffirm that the aggressor must pay for the long-term\n"
      "reconstruction of the partner.\n"
      "Ratification of the Rome Statute of the International Criminal Court\n"
      "The partner will ratify the Rome Statute of the International Criminal Court, including\n"
      "the amendments on the crime of aggression adopted by the Review Conference.\n"
      "2. The Participants will support the partner in the following areas:\n"
      "a. Energy support, continuing the long-term cooperation in\n"
      "reducing risks and pollution. The Participants condemn the\n"
      "Nuclear Power Plant seizure, which further increases risks.\n"
      "b. Business support, including contributions to guarantee\n"
      "mechanisms (European Bank for\n"
      "Reconstruction and Development), and mechanisms to support the\n"
      "mobilisation of private investments in the partner.\n"
      "c. Democracy and human rights support, including support to\n"
      "Partner civil society.\n";
  auto text = Normalize(source, "t.txt", Language::kEnglish);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value().layout, Layout::kPdfTextLayer);
  std::vector<std::string> first_words;
  for (const std::string& block : BlockTexts(text.value())) {
    first_words.push_back(block.substr(0, block.find(' ', block.find(' ') + 1)));
  }
  const std::vector<std::string> expected = {
      "AGREEMENT ON", "1. The", "Compensation for", "1. The",      "Ratification of",
      "The partner",  "2. The", "a. Energy",        "b. Business", "c. Democracy",
  };
  EXPECT_EQ(first_words, expected);
}

TEST(VisibleControls, WritesEveryControlCharacterAsAnEscapeAndKeepsTheRest) {
  EXPECT_EQ(text::VisibleControls("lv-mod\x1b[2K\r\nOK\tx\x7f"),
            "lv-mod\\u001b[2K\\u000d\\u000aOK\\u0009x\\u007f");
  EXPECT_EQ(text::VisibleControls("\xc2\x9b"
                                  "31m"),
            "\\u009b31m");  // C1 CSI
  EXPECT_EQ(text::VisibleControls("Rēzekne €5 \xc2\xa0"), "Rēzekne €5 \xc2\xa0");
  // A byte of no UTF-8 (an 8-bit CSI), and a backslash, which would make "\u001b" ambiguous.
  EXPECT_EQ(text::VisibleControls("a\x9b"
                                  "31m\xe2\x82"),
            "a\\x9b31m\\xe2\\x82");
  EXPECT_EQ(text::VisibleControls("\\u001b"), "\\\\u001b");
}

TEST(WithCapitalFirst, CapitalisesTheFirstCharacterOfAnyScript) {
  EXPECT_EQ(text::WithCapitalFirst("provide support"), "Provide support");
  EXPECT_EQ(text::WithCapitalFirst("īstenot līgumu"), "Īstenot līgumu");
  EXPECT_EQ(text::WithCapitalFirst("надавати підтримку"), "Надавати підтримку");
  EXPECT_EQ(text::WithCapitalFirst("Latvia"), "Latvia");
  EXPECT_EQ(text::WithCapitalFirst("ǆungla"), "ǅungla");  // title case, not upper case
  EXPECT_EQ(text::WithCapitalFirst("10 years"), "10 years");
  EXPECT_EQ(text::WithCapitalFirst(""), "");
}

TEST(ListLabel, RecognisesNumberingStylesAndRejectsDatesAndQuantities) {
  EXPECT_EQ(ParseListLabel("Part II. Scope")->style, LabelStyle::kPart);
  EXPECT_EQ(ParseListLabel("Стаття 3. Санкції")->value, "3");
  EXPECT_EQ(ParseListLabel("IV. Final provisions")->ordinal, 4);
  EXPECT_EQ(ParseListLabel("ІІІ. Defence")->value, "III");  // Cyrillic look-alikes
  EXPECT_EQ(ParseListLabel("VIII Compensation")->style, LabelStyle::kRoman);
  EXPECT_EQ(ParseListLabel("12. The Participants")->style, LabelStyle::kArabic);
  EXPECT_EQ(ParseListLabel("(b) training")->style, LabelStyle::kAlphaLower);
  EXPECT_EQ(ParseListLabel("(iv) support")->style, LabelStyle::kRomanLower);
  EXPECT_EQ(ParseListLabel("• support")->style, LabelStyle::kBullet);
  EXPECT_FALSE(ParseListLabel("2024. gada 11. aprīlī"));
  EXPECT_FALSE(ParseListLabel("12. jūlija G7"));
  EXPECT_FALSE(ParseListLabel("3.3 million euro"));
  EXPECT_FALSE(ParseListLabel("In the event"));
  EXPECT_FALSE(ParseListLabel("I will"));
}

}  // namespace
}  // namespace treaty::text
