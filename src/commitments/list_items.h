// A list's lead-in and its items: "For its part, Ukraine commits to:" and then "• Strengthen
// transparency and accountability measures …". An item whose own words promise nothing promises
// what its lead-in does: it is read as one sentence with the lead-in's words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commitments/cue_table.h"
#include "commitments/party_names.h"
#include "commitments/sentence_analysis.h"
#include "document/node.h"

namespace treaty::commitments {

// How one sentence reads; for an item read with its list's lead-in, that lead-in's sentence.
struct ListReading {
  SentenceAnalysis analysis;
  std::string lead_in_eid;    // empty unless the item was read with its lead-in
  std::string lead_in_words;  // the lead-in as written, its ':' included
};

class ListItemReader {
 public:
  // `cues` and `parties` as AnalyzeSentence takes them; both must outlive the reader.
  ListItemReader(text::Language language, const CueTable& cues, const PartyNames& parties)
      : language_(language), cues_(cues), parties_(parties) {}

  // Call with every sentence of a text in document order, with its node (a paragraph or point),
  // the headings it stands under, whether it is operative, and its own reading. Returns that
  // reading, or for the first sentence of a list item:
  // - one that reads as context and names no party where one acts ("• Strengthen transparency
  //   …", not "• Training – the Czech Republic has long been …"): the reading of the lead-in's
  //   words followed by the item's, when that is a commitment or a procedure; its action's object
  //   is the item's words where the lead-in's verb governs them ("Norway is committed to supporting
  //   Ukraine in numerous areas, including: a. Budget support …");
  // - one that promises with no party as its subject ("• identify assets that may be seized"):
  //   its own reading, with the lead-in's party promising.
  // Who promises an item is the lead-in's party.
  //
  // A lead-in is a sentence ending in ':' that reads as a commitment or a procedure of a party
  // it names; in the preamble, which is otherwise context, only as a firm one ("commits to:").
  // Its items are the points of its paragraph, or the paragraphs beside it opened by a bullet or
  // a lower-case label, that follow it under the same headings with the first item's kind of
  // label ("•", "o", "a)"); any other paragraph or kind of label ends the list. A list within an
  // item ends it too: nested lists are not read.
  ListReading Read(const document::Node& node, const document::Node& sentence,
                   const std::vector<std::string>& headings, bool operative, SentenceAnalysis own);

 private:
  struct LeadIn {
    std::string words;  // before its ':'
    std::string quote;  // as written
    std::string sentence_eid;
    std::string node_eid;
    std::vector<std::string> headings;
    std::optional<std::string> item_kind;  // of its first item, once read: "•", "o", …
    SentenceAnalysis reading;
  };

  text::Language language_;
  const CueTable& cues_;
  const PartyNames& parties_;
  std::optional<LeadIn> lead_in_;  // of the list being read, if any
};

}  // namespace treaty::commitments
