#include "document/tree_builder.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "document/block_shape.h"
#include "document/sentence_splitter.h"

namespace treaty::document {

namespace {

using text::Block;
using text::LabelStyle;

// Blocks longer than this are never part of a title or a signature block.
constexpr size_t kMaxTitleBytes = 400;
constexpr int kPlainHeadingRank = 6;
// Lettered headings ("a) Air defence") sit below unnumbered ones ("Defence and military support").
constexpr int kLetterHeadingRank = 7;

struct Item {
  const Block* block;
  BlockShape shape;
};

enum class Role { kHeading, kParagraph };

// A node under construction; children are arena indices so that growing the tree never moves a
// node another part of the builder still points at.
struct Draft {
  Node node;
  std::vector<size_t> children;
  std::map<std::string, int> used_ids;  // eId components already taken by children
  std::map<std::string, int> ordinals;  // children counted per component
};

std::string_view Component(NodeType type) {
  switch (type) {
    case NodeType::kPart:
      return "part";
    case NodeType::kChapter:
      return "chp";
    case NodeType::kArticle:
      return "art";
    case NodeType::kSection:
      return "sec";
    case NodeType::kSubsection:
      return "subsec";
    case NodeType::kHcontainer:
      return "hcontainer";
    case NodeType::kPoint:
      return "point";
    case NodeType::kSentence:
      return "sent";
    case NodeType::kNote:
      return "note";
    default:
      return "para";
  }
}

std::string IdValue(std::string_view value) {
  std::string out;
  for (char c : value) out.push_back(c == '.' ? '-' : c);
  return out;
}

bool IsHeadingStyle(LabelStyle style) {
  return style == LabelStyle::kPart || style == LabelStyle::kChapter ||
         style == LabelStyle::kArticle || style == LabelStyle::kSection;
}

class Builder {
 public:
  Builder(const text::NormalizedText& text, Document& doc) : text_(text), doc_(doc) {}

  void Run() {
    for (const Block& block : text_.blocks) {
      if (block.kind == text::BlockKind::kBody)
        items_.push_back({&block, ShapeOf(text_.BlockText(block))});
    }
    arena_.push_back(Draft{});
    arena_[0].node.type = NodeType::kDocument;
    size_t n = items_.size();
    FindTitle();
    size_t conclusions = ConclusionsStart(title_end_);
    AssignRoles(title_end_, conclusions);
    size_t body_start = PreambleEnd(title_end_, conclusions);

    if (title_end_ > title_start_) AddTitle();
    for (size_t i = 0; i < title_start_; ++i) AddPreambleParagraph(i);
    for (size_t i = title_end_; i < body_start; ++i) {
      if (i == preamble_heading_) continue;
      AddPreambleParagraph(i);
    }
    body_ = NewChild(0, NodeType::kBody, "");
    for (size_t i = body_start; i < conclusions; ++i) AddBodyItem(i);
    if (!has_structure_) {
      doc_.warnings.push_back(
          "no headings or numbered paragraphs recognised: the text is read as one body of " +
          std::to_string(conclusions - body_start) + " paragraphs");
    }
    for (size_t i = conclusions; i < n; ++i) AddConclusion(i);
    for (const Block& block : text_.blocks) {
      if (block.kind == text::BlockKind::kFootnote) AddNote(block);
    }
    doc_.root = Materialize(0);
  }

 private:
  // --- layout of the whole document ----------------------------------------------------------

  // Sets [title_start_, title_end_): the first opening block that names an agreement, with the
  // lines in capitals around it, or else a first block set in capitals. No title: both stay 0.
  void FindTitle() {
    size_t limit = std::min<size_t>(items_.size(), 3);
    bool named = false;
    for (size_t i = 0; i < limit && !named; ++i) {
      const BlockShape& shape = items_[i].shape;
      named = shape.text.size() <= kMaxTitleBytes && !shape.label && HasTitleWord(shape.text);
      if (named) title_start_ = i;
    }
    if (items_.empty()) return;
    const BlockShape& first = items_[title_start_].shape;
    if (first.text.size() > kMaxTitleBytes || first.label || IsPreambleHeading(first.text) ||
        (!named && !first.all_caps)) {
      return;
    }
    while (title_start_ > 0 && first.all_caps && items_[title_start_ - 1].shape.all_caps &&
           !items_[title_start_ - 1].shape.label) {
      --title_start_;
    }
    title_end_ = title_start_ + 1;
    while (title_end_ < items_.size() && items_[title_end_ - 1].shape.all_caps &&
           items_[title_end_].shape.all_caps && !items_[title_end_].shape.label &&
           items_[title_end_].shape.text.size() <= kMaxTitleBytes &&
           !IsPreambleHeading(items_[title_end_].shape.text)) {
      ++title_end_;
    }
  }

  // Signature blocks at the end: short blocks from the first that opens with "For …".
  size_t ConclusionsStart(size_t title_end) {
    size_t start = items_.size();
    for (size_t i = items_.size(); i > title_end; --i) {
      const BlockShape& shape = items_[i - 1].shape;
      if (shape.text.size() > kMaxTitleBytes ||
          (shape.label && shape.label->style != LabelStyle::kBullet)) {
        break;
      }
      if (OpensSignature(shape.text)) start = i - 1;
    }
    return start;
  }

  // See the header for the ranks.
  int RankOf(const BlockShape& shape) const {
    if (!shape.label) return shape.all_caps ? caps_rank_ : kPlainHeadingRank;
    switch (shape.label->style) {
      case LabelStyle::kPart:
        return 1;
      case LabelStyle::kChapter:
        return 2;
      case LabelStyle::kSection:
      case LabelStyle::kRoman:
        return 3;
      case LabelStyle::kArticle:
        return 4;
      case LabelStyle::kArabic:
        return 5;
      default:
        return kLetterHeadingRank;
    }
  }

  void AssignRoles(size_t from, size_t to) {
    roles_.assign(items_.size(), Role::kParagraph);
    bool list_open = false;
    for (size_t i = from; i < to; ++i) {
      const BlockShape& shape = items_[i].shape;
      bool last = i + 1 >= to;
      bool next_continues = !last && items_[i + 1].shape.starts_lowercase;
      // A list announced by a colon ends where a heading starts a new numbering at 1.
      bool next_restarts = !last && items_[i + 1].shape.label &&
                           items_[i + 1].shape.label->ordinal == 1 &&
                           items_[i + 1].shape.label->style == LabelStyle::kArabic;
      bool heading = false;
      if (shape.label) {
        LabelStyle style = shape.label->style;
        if (IsHeadingStyle(style)) {
          heading = true;
        } else if (style == LabelStyle::kRoman) {
          heading = shape.heading_like || shape.rest.empty();
        } else if (style != LabelStyle::kBullet) {
          heading = shape.heading_like && !list_open && !next_continues && !last;
        }
      } else {
        heading = shape.heading_like && !next_continues && !last && (!list_open || next_restarts);
      }
      if (heading) roles_[i] = Role::kHeading;
      // A list stays open over labelled items until one ends with a full stop.
      list_open = !heading &&
                  (shape.ends_with_colon || (list_open && shape.label && !shape.ends_with_period));
    }
    caps_rank_ = 3;
    for (size_t i = from; i < to; ++i) {
      if (roles_[i] == Role::kHeading && items_[i].shape.label && items_[i].shape.all_caps) {
        caps_rank_ = std::min(caps_rank_, RankOf(items_[i].shape));
      }
    }
  }

  // Items [title_end, return) are the preamble (less a "Preamble" heading among them).
  size_t PreambleEnd(size_t title_end, size_t conclusions) {
    for (size_t i = title_end; i < conclusions; ++i) {
      if (roles_[i] != Role::kHeading) continue;
      bool first_heading = preamble_heading_ == kNone;
      if (first_heading && !items_[i].shape.label && IsPreambleHeading(items_[i].shape.text)) {
        preamble_heading_ = i;
        continue;
      }
      return i;
    }
    // No headings: a preamble is what comes before the first numbered paragraph.
    for (size_t i = title_end; i < conclusions; ++i) {
      if (items_[i].shape.label && items_[i].shape.label->style == LabelStyle::kArabic) return i;
    }
    return preamble_heading_ != kNone ? conclusions : title_end;
  }

  // --- nodes ---------------------------------------------------------------------------------

  size_t NewChild(size_t parent, NodeType type, std::string_view value) {
    Draft draft;
    draft.node.type = type;
    if (type != NodeType::kBody) {
      Draft& p = arena_[parent];
      std::string component(Component(type));
      // Unnumbered nodes are named by their position among siblings of their kind.
      int ordinal = ++p.ordinals[component];
      std::string key = value.empty() ? std::to_string(ordinal) : IdValue(value);
      std::string local = component + "_" + key;
      int& uses = p.used_ids[local];
      if (++uses > 1) local += "-" + std::to_string(uses);
      const std::string& prefix = p.node.eid;
      draft.node.eid = prefix.empty() ? local : prefix + "__" + local;
    }
    arena_.push_back(std::move(draft));
    size_t index = arena_.size() - 1;
    arena_[parent].children.push_back(index);
    return index;
  }

  void SetSpan(size_t index, const Block& block, size_t begin) {
    Node& node = arena_[index].node;
    node.begin = begin;
    node.end = block.end;
    node.first_line = block.first_line;
    node.last_line = block.last_line;
  }

  void AddSentences(size_t parent, std::string_view words, size_t offset, const Block& block) {
    for (const SentenceSpan& span : SplitSentences(words)) {
      size_t index = NewChild(parent, NodeType::kSentence, "");
      Node& node = arena_[index].node;
      node.text = std::string(words.substr(span.begin, span.end - span.begin));
      node.begin = offset + span.begin;
      node.end = offset + span.end;
      node.first_line = block.first_line;
      node.last_line = block.last_line;
    }
  }

  size_t AddTextNode(size_t parent, NodeType type, const Item& item, bool numbered) {
    const BlockShape& shape = item.shape;
    std::string_view value = numbered && shape.label ? std::string_view(shape.label->value) : "";
    size_t index = NewChild(parent, type, value);
    std::string_view words = numbered && shape.label ? shape.rest : shape.text;
    size_t words_offset = item.block->begin + (words.data() - shape.text.data());
    {
      Node& node = arena_[index].node;
      if (numbered && shape.label) node.num = shape.label->text;
      node.text = std::string(words);
    }
    SetSpan(index, *item.block, item.block->begin);
    AddSentences(index, words, words_offset, *item.block);
    return index;
  }

  void AddTitle() {
    size_t index = NewChild(0, NodeType::kTitle, "");
    Node& node = arena_[index].node;
    node.eid = "title";
    const Block& first = *items_[title_start_].block;
    for (size_t i = title_start_; i < title_end_; ++i) {
      if (!node.text.empty()) node.text += ' ';
      node.text += std::string(items_[i].shape.text);
    }
    node.begin = first.begin;
    node.first_line = first.first_line;
    node.end = items_[title_end_ - 1].block->end;
    node.last_line = items_[title_end_ - 1].block->last_line;
  }

  void AddPreambleParagraph(size_t i) {
    if (preamble_ == kNone) {
      preamble_ = NewChild(0, NodeType::kPreamble, "");
      arena_[preamble_].node.eid = "preamble";
      if (preamble_heading_ != kNone) {
        arena_[preamble_].node.heading = std::string(items_[preamble_heading_].shape.text);
      }
    }
    AddTextNode(preamble_, NodeType::kParagraph, items_[i], false);
  }

  void AddConclusion(size_t i) {
    if (conclusions_ == kNone) {
      conclusions_ = NewChild(0, NodeType::kConclusions, "");
      arena_[conclusions_].node.eid = "conclusions";
    }
    AddTextNode(conclusions_, NodeType::kParagraph, items_[i], false);
  }

  void AddNote(const Block& block) {
    size_t index = NewChild(0, NodeType::kNote, "");
    Node& node = arena_[index].node;
    node.text = std::string(text_.BlockText(block));
    SetSpan(index, block, block.begin);
  }

  // --- the body ------------------------------------------------------------------------------

  struct OpenHeading {
    size_t index;
    int rank;
    bool numbered;
  };
  struct OpenPoint {
    size_t index;
    LabelStyle style;
    int ordinal;
  };

  size_t CurrentContainer() const { return headings_.empty() ? body_ : headings_.back().index; }

  void AddBodyItem(size_t i) {
    const Item& item = items_[i];
    const BlockShape& shape = item.shape;
    if (roles_[i] == Role::kHeading) {
      AddHeading(item);
      return;
    }
    if (shape.label) has_structure_ = true;
    if (paragraph_ != kNone && shape.label && IsPoint(shape)) {
      AddPoint(item);
      return;
    }
    bool numbered = shape.label && shape.label->style != LabelStyle::kBullet;
    paragraph_ = AddTextNode(CurrentContainer(), NodeType::kParagraph, item, numbered);
    points_.clear();
    if (!numbered && shape.label) arena_[paragraph_].node.num = shape.label->text;
  }

  void AddHeading(const Item& item) {
    has_structure_ = true;
    const BlockShape& shape = item.shape;
    int rank = RankOf(shape);
    while (!headings_.empty() && headings_.back().rank >= rank) headings_.pop_back();
    bool numbered = shape.label.has_value();
    NodeType type = NodeType::kHcontainer;
    if (numbered) {
      switch (shape.label->style) {
        case LabelStyle::kPart:
          type = NodeType::kPart;
          break;
        case LabelStyle::kChapter:
          type = NodeType::kChapter;
          break;
        case LabelStyle::kArticle:
          type = NodeType::kArticle;
          break;
        default:
          bool under_numbered = std::any_of(headings_.begin(), headings_.end(),
                                            [](const OpenHeading& h) { return h.numbered; });
          type = under_numbered ? NodeType::kSubsection : NodeType::kSection;
      }
    }
    size_t index = NewChild(CurrentContainer(), type, numbered ? shape.label->value : "");
    Node& node = arena_[index].node;
    if (numbered) node.num = shape.label->text;
    node.heading = std::string(shape.rest);
    SetSpan(index, *item.block, item.block->begin);
    headings_.push_back({index, rank, numbered});
    paragraph_ = kNone;
    points_.clear();
  }

  // A labelled block continues the current paragraph's list when a list is open (the paragraph
  // or the last point ends with a colon, or points were already added) or when it is a bullet.
  bool IsPoint(const BlockShape& shape) const {
    LabelStyle style = shape.label->style;
    // Numbered blocks after "as follows:" are the agreement's paragraphs, not a list.
    if (IsHeadingStyle(style) || style == LabelStyle::kRoman || style == LabelStyle::kArabic) {
      return false;
    }
    for (const OpenPoint& open : points_) {
      if (open.style == style) return true;
    }
    if (style == LabelStyle::kBullet) return true;
    return points_.empty() ? EndsWithColon(paragraph_) : EndsWithColon(points_.back().index);
  }

  bool EndsWithColon(size_t index) const {
    const std::string& words = arena_[index].node.text;
    return !words.empty() && words.back() == ':';
  }

  void AddPoint(const Item& item) {
    LabelStyle style = item.shape.label->style;
    // "i" after "h" (and "v" after "u", "x" after "w") is a letter, not a roman numeral.
    if (item.shape.label->ambiguous) {
      int letter = item.shape.label->value[0] - 'a' + 1;
      for (const OpenPoint& open : points_) {
        if (open.style == LabelStyle::kAlphaLower && open.ordinal == letter - 1) {
          style = LabelStyle::kAlphaLower;
        }
      }
    }
    auto same = std::find_if(points_.begin(), points_.end(),
                             [style](const OpenPoint& open) { return open.style == style; });
    size_t parent;
    if (same != points_.end()) {
      points_.erase(same, points_.end());
      parent = points_.empty() ? paragraph_ : points_.back().index;
    } else {
      parent = points_.empty() ? paragraph_ : points_.back().index;
    }
    bool numbered = style != LabelStyle::kBullet;
    size_t index = AddTextNode(parent, NodeType::kPoint, item, numbered);
    if (!numbered) arena_[index].node.num = item.shape.label->text;
    points_.push_back({index, style, item.shape.label->ordinal});
  }

  // --- finishing -----------------------------------------------------------------------------

  // Moves a draft and its descendants into a Node; a node without a block of its own (preamble,
  // body, conclusions) spans its children.
  Node Materialize(size_t index) {
    Draft& draft = arena_[index];
    Node node = std::move(draft.node);
    for (size_t child : draft.children) node.children.push_back(Materialize(child));
    for (const Node& child : node.children) {
      if (node.first_line == 0) {
        node.begin = child.begin;
        node.first_line = child.first_line;
      }
      node.end = std::max(node.end, child.end);
      node.last_line = std::max(node.last_line, child.last_line);
    }
    if (node.end > node.begin) {
      node.source_begin = text_.SourceStart(node.begin);
      node.source_end = text_.SourceEnd(node.end);
    }
    return node;
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

  const text::NormalizedText& text_;
  Document& doc_;
  std::vector<Item> items_;
  std::vector<Role> roles_;
  std::vector<Draft> arena_;
  size_t title_start_ = 0;
  size_t title_end_ = 0;
  size_t preamble_ = kNone;
  size_t preamble_heading_ = kNone;
  size_t conclusions_ = kNone;
  size_t body_ = 0;
  int caps_rank_ = 3;
  bool has_structure_ = false;
  std::vector<OpenHeading> headings_;
  size_t paragraph_ = kNone;
  std::vector<OpenPoint> points_;
};

}  // namespace

void BuildTree(const text::NormalizedText& text, Document& doc) { Builder(text, doc).Run(); }

}  // namespace treaty::document
