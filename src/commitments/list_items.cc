#include "commitments/list_items.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "text/list_label.h"

namespace treaty::commitments {
namespace {

// A list item: its words after its bullet or label ("• Strengthen …" → "Strengthen …") and the
// kinds of label it may continue ("•" and "o" are two kinds of bullet, "a)" and "b)" one kind of
// label; "i)" is a letter after "h)" and a roman numeral otherwise).
struct Item {
  std::string_view words;
  std::vector<std::string> kinds;
};

std::vector<std::string> KindsOf(const text::ListLabel& label) {
  if (label.style == text::LabelStyle::kBullet) return {label.text};
  std::vector<std::string> kinds = {std::to_string(static_cast<int>(label.style))};
  if (label.ambiguous)
    kinds.push_back(std::to_string(static_cast<int>(text::LabelStyle::kAlphaLower)));
  return kinds;
}

// The list item `node` is, whose first sentence is `words`: a point, or a paragraph opened by a
// bullet or a lower-case label ("a)", "(ii)"). nullopt for any other node: numbers and capitals
// also number a text's own paragraphs, which a lead-in does not govern.
std::optional<Item> ItemOf(const document::Node& node, std::string_view words) {
  const std::optional<text::ListLabel> label = text::ParseListLabel(words);
  if (label &&
      (label->style == text::LabelStyle::kBullet || label->style == text::LabelStyle::kAlphaLower ||
       label->style == text::LabelStyle::kRomanLower)) {
    return Item{words.substr(std::min(label->length, words.size())), KindsOf(*label)};
  }
  if (node.type != document::NodeType::kPoint) return std::nullopt;
  // A point's label is kept apart from its words; a label is read followed by a space.
  const std::optional<text::ListLabel> number = text::ParseListLabel(node.num + " ");
  return Item{words, number ? KindsOf(*number) : std::vector<std::string>{""}};
}

// The node's first sentence.
const document::Node* FirstSentence(const document::Node& node) {
  for (const document::Node& child : node.children) {
    if (child.type == document::NodeType::kSentence) return &child;
  }
  return nullptr;
}

bool Promises(const SentenceAnalysis& analysis) {
  return analysis.sentence_class == SentenceClass::kCommitment ||
         analysis.sentence_class == SentenceClass::kProcedure;
}

std::string_view WithoutEnd(std::string_view words) {
  while (!words.empty() && (words.back() == ' ' || words.back() == ';' || words.back() == '.' ||
                            words.back() == ',')) {
    words.remove_suffix(1);
  }
  return words;
}

}  // namespace

ListReading ListItemReader::Read(const document::Node& node, const document::Node& sentence,
                                 const std::vector<std::string>& headings, bool operative,
                                 SentenceAnalysis own) {
  if (FirstSentence(node) == &sentence && lead_in_) {
    const std::optional<Item> item = ItemOf(node, sentence.text);
    const std::string_view parent = document::ParentEid(node.eid);
    const bool beside =
        parent == lead_in_->node_eid || parent == document::ParentEid(lead_in_->node_eid);
    const auto continues = [&](const std::string& kind) {
      return !lead_in_->item_kind || *lead_in_->item_kind == kind;
    };
    const auto kind = item ? std::find_if(item->kinds.begin(), item->kinds.end(), continues)
                           : std::vector<std::string>::const_iterator();
    if (!item || !beside || headings != lead_in_->headings || kind == item->kinds.end()) {
      lead_in_.reset();
    } else {
      lead_in_->item_kind = *kind;
      ListReading read{std::move(own), lead_in_->sentence_eid, lead_in_->quote};
      SentenceAnalysis& analysis = read.analysis;
      if (analysis.sentence_class == SentenceClass::kContext &&
          !NamesAnActingParty(item->words, language_, cues_, parties_)) {
        SentenceAnalysis joined = AnalyzeSentence(lead_in_->words + " " + std::string(item->words),
                                                  language_, cues_, parties_, true);
        if (!Promises(joined)) return {std::move(analysis), "", ""};
        if (joined.action.lemma == lead_in_->reading.action.lemma) {
          joined.action.object = std::string(WithoutEnd(item->words));
        }
        analysis = std::move(joined);
      } else if (!Promises(analysis) || !analysis.obligors.empty()) {
        return {std::move(analysis), "", ""};
      }
      analysis.obligors = lead_in_->reading.obligors;
      analysis.beneficiary = lead_in_->reading.beneficiary;
      return read;
    }
  }
  const size_t last = sentence.text.find_last_not_of(' ');
  if (last != std::string::npos && sentence.text[last] == ':') {
    std::string words = sentence.text.substr(0, last);
    SentenceAnalysis reading = AnalyzeSentence(words, language_, cues_, parties_, true);
    const bool firm = reading.strength == Strength::kCommits;
    if (Promises(reading) && !reading.obligors.empty() && (operative || firm)) {
      lead_in_ = LeadIn{std::move(words), sentence.text, sentence.eid,      node.eid,
                        headings,         std::nullopt,  std::move(reading)};
    }
  }
  return {std::move(own), "", ""};
}

}  // namespace treaty::commitments
