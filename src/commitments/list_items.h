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

class ListItemReader {
 public:
  // `cues` and `parties` as AnalyzeSentence takes them; both must outlive the reader.
  ListItemReader(text::Language language, const CueTable& cues, const PartyNames& parties)
      : language_(language), cues_(cues), parties_(parties) {}

  // Call with every sentence of a text in document order, with its node (a paragraph or point),
  // the headings it stands under, whether it is operative, and its own reading. Returns that
  // reading, or, for the first sentence of a list item that reads as context, the reading of the
  // lead-in's words followed by the item's when that is a commitment or a procedure.
  //
  // A lead-in is a sentence ending in ':' that reads as a commitment or a procedure of a party
  // it names; in the preamble, which is otherwise context, only as a firm one ("commits to:").
  // Its items are the points and the paragraphs opened by a bullet or a lower-case label that
  // follow it under the same headings, with the label of the first ("•", "o", "a)"); the first
  // other paragraph or label ends the list. Who promises is the lead-in's party.
  SentenceAnalysis Read(const document::Node& node, const document::Node& sentence,
                        const std::vector<std::string>& headings, bool operative,
                        SentenceAnalysis own);

 private:
  text::Language language_;
  const CueTable& cues_;
  const PartyNames& parties_;
  struct LeadIn {
    std::string words;  // before its ':'
    std::vector<std::string> headings;
    std::optional<std::string> item_kind;  // of its first item, once read: "•", "o", …
    SentenceAnalysis reading;
  };
  std::optional<LeadIn> lead_in_;  // of the list being read, if any
};

}  // namespace treaty::commitments
