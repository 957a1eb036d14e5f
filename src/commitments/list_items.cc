#include "commitments/list_items.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "text/list_label.h"

namespace treaty::commitments {
namespace {

// A list item: its words after its bullet or label ("• Strengthen …" → "Strengthen …") and the
// kind of its label ("•" and "o" are two kinds of bullet, "a)" and "b)" one kind of label).
struct Item {
  std::string_view words;
  std::string kind;
};

// The list item `node` is, whose first sentence is `words`: a point, or a paragraph opened by a
// bullet or a lower-case label ("a)", "(ii)"). nullopt for any other node: numbers and capitals
// also number a text's own paragraphs, which a lead-in does not govern.
std::optional<Item> ItemOf(const document::Node& node, std::string_view words) {
  const auto kind = [](const text::ListLabel& label) {
    return label.style == text::LabelStyle::kBullet ? label.text
                                                    : std::to_string(static_cast<int>(label.style));
  };
  const std::optional<text::ListLabel> label = text::ParseListLabel(words);
  if (label &&
      (label->style == text::LabelStyle::kBullet || label->style == text::LabelStyle::kAlphaLower ||
       label->style == text::LabelStyle::kRomanLower)) {
    return Item{words.substr(std::min(label->length, words.size())), kind(*label)};
  }
  if (node.type != document::NodeType::kPoint) return std::nullopt;
  const std::optional<text::ListLabel> number = text::ParseListLabel(node.num);
  return Item{words, number ? kind(*number) : std::string()};
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

}  // namespace

SentenceAnalysis ListItemReader::Read(const document::Node& node, const document::Node& sentence,
                                      const std::vector<std::string>& headings, bool operative,
                                      SentenceAnalysis own) {
  if (FirstSentence(node) == &sentence && lead_in_) {
    const std::optional<Item> item = ItemOf(node, sentence.text);
    if (!item || headings != lead_in_->headings ||
        (lead_in_->item_kind && *lead_in_->item_kind != item->kind)) {
      lead_in_.reset();
    } else {
      lead_in_->item_kind = item->kind;
      if (own.sentence_class == SentenceClass::kContext) {
        SentenceAnalysis joined = AnalyzeSentence(lead_in_->words + " " + std::string(item->words),
                                                  language_, cues_, parties_, true);
        // Who promises is the lead-in's subject, whatever parties the item names.
        if (Promises(joined)) {
          if (joined.obligors != lead_in_->reading.obligors) {
            joined.obligors = lead_in_->reading.obligors;
            joined.beneficiary = lead_in_->reading.beneficiary;
          }
          return joined;
        }
      }
    }
  }
  std::string_view words = sentence.text;
  while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
  if (words.ends_with(':')) {
    words.remove_suffix(1);
    SentenceAnalysis reading = AnalyzeSentence(words, language_, cues_, parties_, true);
    const bool firm = reading.strength == Strength::kCommits;
    if (Promises(reading) && !reading.obligors.empty() && (operative || firm)) {
      lead_in_ = LeadIn{std::string(words), headings, std::nullopt, std::move(reading)};
    }
  }
  return own;
}

}  // namespace treaty::commitments
