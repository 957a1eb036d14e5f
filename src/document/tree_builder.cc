#include "document/tree_builder.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <string>
#include <unordered_map>
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

// The eId component of a node named by its number or position.
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

constexpr size_t kNodeTypes = static_cast<size_t>(NodeType::kNote) + 1;

// Names the children of one node (the last component of their eIds): by number when they have
// one, else by position among their siblings of the same type; a name already taken gets a
// suffix ("para_2-2").
class ChildNames {
 public:
  void Reset() {
    count_.fill(0);
    numbered_.fill(false);
    uses_.clear();
  }

  // The name of the next child of `type`, numbered `value` or, when it is empty, unnumbered.
  std::string Next(NodeType type, std::string_view value) {
    size_t index = static_cast<size_t>(type);
    int position = ++count_[index];
    std::string prefix = std::string(Component(type)) + "_";
    // Until one of them has a number, the children of a type are named 1, 2, 3... and cannot
    // collide; the names taken are recorded from then on.
    if (value.empty() && !numbered_[index]) return prefix + std::to_string(position);
    if (!numbered_[index]) {
      numbered_[index] = true;
      for (int earlier = 1; earlier < position; ++earlier) {
        uses_[prefix + std::to_string(earlier)] = 1;
      }
    }
    std::string name = prefix + (value.empty() ? std::to_string(position) : IdValue(value));
    int uses = ++uses_[name];
    if (uses > 1) name += "-" + std::to_string(uses);
    return name;
  }

 private:
  std::array<int, kNodeTypes> count_{};        // children per type
  std::array<bool, kNodeTypes> numbered_{};    // whether a child of the type had a number
  std::unordered_map<std::string, int> uses_;  // names taken, for the types in numbered_
};

// A node on the right edge of the tree under construction.
struct OpenNode {
  Node* node = nullptr;
  ChildNames child_names;
};

// The eId of a child named `name` of a node with eId `parent` ("sec_2" + "para_3" gives
// "sec_2__para_3"; the root and the body have none).
std::string ChildEid(std::string_view parent, std::string_view name) {
  std::string eid;
  eid.reserve(parent.size() + 2 + name.size());
  if (!parent.empty()) eid.append(parent).append("__");
  eid.append(name);
  return eid;
}

bool IsHeadingStyle(LabelStyle style) {
  return style == LabelStyle::kPart || style == LabelStyle::kChapter ||
         style == LabelStyle::kArticle || style == LabelStyle::kSection;
}

class Builder {
 public:
  Builder(const text::NormalizedText& text, Document& doc)
      : text_(text), doc_(doc), source_(text.map) {}

  void Run() {
    items_.reserve(text_.blocks.size());
    for (const Block& block : text_.blocks) {
      if (block.kind == text::BlockKind::kBody)
        items_.push_back({&block, ShapeOf(text_.BlockText(block))});
    }
    doc_.root.type = NodeType::kDocument;
    Open(kRoot, doc_.root);
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
    body_ = AddNamedChild(kRoot, NodeType::kBody, "");  // the body has no eId
    for (size_t i = body_start; i < conclusions; ++i) AddBodyItem(i);
    if (!has_structure_) {
      const size_t paragraphs = conclusions - body_start;
      doc_.warnings.push_back(
          "no headings or numbered paragraphs recognised: the text is read as one body of " +
          std::to_string(paragraphs) + (paragraphs == 1 ? " paragraph" : " paragraphs"));
    }
    for (size_t i = conclusions; i < n; ++i) AddConclusion(i);
    for (const Block& block : text_.blocks) {
      if (block.kind == text::BlockKind::kFootnote) AddNote(block);
    }
    Close(kRoot);
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
          heading = !last && !list_open && !next_continues && NumberedHeading(i, next_restarts);
        }
      } else {
        heading = !next_continues && !last && (!list_open || next_restarts) &&
                  (shape.heading_like || ClosesNumbering(i, next_restarts));
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

  // Whether the numbered block `i`, not the last, reads as a heading on its own terms: short
  // with no final punctuation; or, with an arabic number, longer with none when a plain paragraph
  // follows (a numbered paragraph would end its sentence), or short and ending with a colon when
  // the numbering restarts at 1 under it ("22. Cyber:" over "1. The Parties ...").
  bool NumberedHeading(size_t i, bool next_restarts) const {
    const BlockShape& shape = items_[i].shape;
    if (shape.heading_like) return true;
    if (shape.label->style != LabelStyle::kArabic) return false;
    const BlockShape& next = items_[i + 1].shape;
    if (shape.long_heading_like && !next.label && !next.heading_like) return true;
    return shape.colon_heading_like && next_restarts && shape.label->ordinal > 1;
  }

  // Whether the unnumbered block `i`, short and ending with a full stop, stands between a
  // numbered paragraph and a numbering that restarts at 1: a heading written as a sentence
  // ("Support to Ukraine's reform agenda. European and Euro-Atlantic integration.").
  bool ClosesNumbering(size_t i, bool next_restarts) const {
    return items_[i].shape.period_heading_like && next_restarts && i > 0 &&
           items_[i - 1].shape.label && items_[i - 1].shape.label->style == LabelStyle::kArabic;
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
  //
  // Nodes are built in document order, so a new node is always the last child of a node on the
  // tree's right edge. The builder refers to open nodes by their depth on that edge (kRoot is the
  // document); adding a child closes the open nodes below its parent, the only ones whose
  // addresses adding it may change. A closed node gets no more descendants, so its span is final
  // when it closes.

  // Makes `node` the open node at `depth`. REQUIRES: no node is open at `depth` or below.
  void Open(size_t depth, Node& node) {
    assert(depth == depth_);
    if (edge_.size() <= depth) edge_.resize(depth + 1);
    depth_ = depth + 1;
    OpenNode& open = edge_[depth];
    open.node = &node;
    open.child_names.Reset();
  }

  // Closes the open nodes at `depth` and below, deepest first: each gets its source span and
  // widens its parent's span to cover its own. A node without a block of its own (preamble, body,
  // conclusions) starts where its first child does.
  void Close(size_t depth) {
    while (depth_ > depth) {
      --depth_;
      Node& node = *edge_[depth_].node;
      if (node.end > node.begin) {
        node.source_begin = source_.ToSource(node.begin);
        node.source_end = source_.ToSourceEnd(node.end);
        // A sentence's lines are its own, not its block's: a PDF paragraph spans several.
        if (node.type == NodeType::kSentence) {
          node.first_line = text_.LineAt(node.source_begin);
          node.last_line = text_.LineAt(node.source_end - 1);
        }
      }
      if (depth_ == kRoot) break;
      Node& parent = *edge_[depth_ - 1].node;
      if (parent.first_line == 0) {
        parent.begin = node.begin;
        parent.first_line = node.first_line;
      }
      parent.end = std::max(parent.end, node.end);
      parent.last_line = std::max(parent.last_line, node.last_line);
    }
  }

  Node& At(size_t depth) const {
    assert(depth < depth_);
    return *edge_[depth].node;
  }

  // Appends a child with eId `eid` to the open node at `parent` and returns the child's depth.
  size_t AddNamedChild(size_t parent, NodeType type, std::string eid) {
    Close(parent + 1);
    Node& child = At(parent).children.emplace_back();
    child.type = type;
    child.eid = std::move(eid);
    Open(parent + 1, child);
    return parent + 1;
  }

  // Appends a child numbered `value` (empty: unnumbered), named as ChildNames says, and returns
  // the child's depth.
  size_t AddChild(size_t parent, NodeType type, std::string_view value) {
    OpenNode& open = edge_[parent];
    return AddNamedChild(parent, type,
                         ChildEid(open.node->eid, open.child_names.Next(type, value)));
  }

  static void SetSpan(Node& node, const Block& block) {
    node.begin = block.begin;
    node.end = block.end;
    node.first_line = block.first_line;
    node.last_line = block.last_line;
  }

  // Adds the sentences of `words`, which begin at `offset`; each gets its lines when it closes.
  void AddSentences(size_t parent, std::string_view words, size_t offset) {
    SplitSentences(words, sentences_);
    At(parent).children.reserve(sentences_.size());
    for (const SentenceSpan& span : sentences_) {
      Node& node = At(AddChild(parent, NodeType::kSentence, ""));
      node.text = words.substr(span.begin, span.end - span.begin);
      node.begin = offset + span.begin;
      node.end = offset + span.end;
    }
  }

  // What a node makes of its block's label: none (the label, if any, stays in its words), a
  // number that names the node ("point_a"), or a marker ("•") that does not.
  enum class LabelUse { kInWords, kNumber, kMarker };

  // A node of `type` under `parent` with the block's words; with LabelUse kNumber or kMarker the
  // label goes to `num`, out of the words and sentences.
  size_t AddTextNode(size_t parent, NodeType type, const Item& item, LabelUse use) {
    const BlockShape& shape = item.shape;
    const bool labelled = shape.label && use != LabelUse::kInWords;
    std::string_view value =
        labelled && use == LabelUse::kNumber ? std::string_view(shape.label->value) : "";
    size_t depth = AddChild(parent, type, value);
    std::string_view words = labelled ? shape.rest : shape.text;
    size_t words_offset = item.block->begin + (words.data() - shape.text.data());
    Node& node = At(depth);
    if (labelled) node.num = shape.label->text;
    node.text = words;
    SetSpan(node, *item.block);
    AddSentences(depth, words, words_offset);
    return depth;
  }

  void AddTitle() {
    Node& node = At(AddNamedChild(kRoot, NodeType::kTitle, "title"));
    const Block& first = *items_[title_start_].block;
    for (size_t i = title_start_; i < title_end_; ++i) {
      if (!node.text.empty()) node.text += ' ';
      node.text += items_[i].shape.text;
    }
    node.begin = first.begin;
    node.first_line = first.first_line;
    node.end = items_[title_end_ - 1].block->end;
    node.last_line = items_[title_end_ - 1].block->last_line;
  }

  void AddPreambleParagraph(size_t i) {
    if (preamble_ == kNone) {
      preamble_ = AddNamedChild(kRoot, NodeType::kPreamble, "preamble");
      if (preamble_heading_ != kNone) {
        At(preamble_).heading = items_[preamble_heading_].shape.text;
      }
    }
    AddTextNode(preamble_, NodeType::kParagraph, items_[i], LabelUse::kInWords);
  }

  void AddConclusion(size_t i) {
    if (conclusions_ == kNone) {
      conclusions_ = AddNamedChild(kRoot, NodeType::kConclusions, "conclusions");
    }
    AddTextNode(conclusions_, NodeType::kParagraph, items_[i], LabelUse::kInWords);
  }

  void AddNote(const Block& block) {
    Node& node = At(AddChild(kRoot, NodeType::kNote, ""));
    node.num = block.marker;
    node.text = text_.BlockText(block);
    SetSpan(node, block);
  }

  // --- the body ------------------------------------------------------------------------------

  struct OpenHeading {
    size_t depth;
    int rank;
    bool numbered;
  };
  struct OpenPoint {
    size_t depth;
    LabelStyle style;
    int ordinal;
  };

  size_t CurrentContainer() const { return headings_.empty() ? body_ : headings_.back().depth; }

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
    const bool bullet = shape.label && shape.label->style == LabelStyle::kBullet;
    paragraph_ = AddTextNode(CurrentContainer(), NodeType::kParagraph, item,
                             bullet ? LabelUse::kMarker : LabelUse::kNumber);
    points_.clear();
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
    size_t depth = AddChild(CurrentContainer(), type, numbered ? shape.label->value : "");
    Node& node = At(depth);
    if (numbered) node.num = shape.label->text;
    node.heading = shape.rest;
    SetSpan(node, *item.block);
    headings_.push_back({depth, rank, numbered});
    paragraph_ = kNone;
    points_.clear();
  }

  // A labelled block continues the current paragraph's list when a list is open (the paragraph
  // or the last point ends with a colon, or points were already added) or when it is a bullet.
  bool IsPoint(const BlockShape& shape) const {
    LabelStyle style = PointStyle(*shape.label);
    // Numbered blocks after "as follows:" are the agreement's paragraphs, not a list.
    if (IsHeadingStyle(style) || style == LabelStyle::kRoman || style == LabelStyle::kArabic) {
      return false;
    }
    for (const OpenPoint& open : points_) {
      if (open.style == style) return true;
    }
    if (style == LabelStyle::kBullet) return true;
    return points_.empty() ? EndsWithColon(paragraph_) : EndsWithColon(points_.back().depth);
  }

  bool EndsWithColon(size_t depth) const {
    const std::string& words = At(depth).text;
    return !words.empty() && words.back() == ':';
  }

  // The style of `label` as a point: "i" after "h" (and "v" after "u", "x" after "w") is a
  // letter, not a roman numeral.
  LabelStyle PointStyle(const text::ListLabel& label) const {
    if (!label.ambiguous) return label.style;
    int letter = label.value[0] - 'a' + 1;
    for (const OpenPoint& open : points_) {
      if (open.style == LabelStyle::kAlphaLower && open.ordinal == letter - 1) {
        return LabelStyle::kAlphaLower;
      }
    }
    return label.style;
  }

  void AddPoint(const Item& item) {
    LabelStyle style = PointStyle(*item.shape.label);
    auto same = std::find_if(points_.begin(), points_.end(),
                             [style](const OpenPoint& open) { return open.style == style; });
    size_t parent;
    if (same != points_.end()) {
      points_.erase(same, points_.end());
      parent = points_.empty() ? paragraph_ : points_.back().depth;
    } else {
      parent = points_.empty() ? paragraph_ : points_.back().depth;
    }
    size_t depth =
        AddTextNode(parent, NodeType::kPoint, item,
                    style == LabelStyle::kBullet ? LabelUse::kMarker : LabelUse::kNumber);
    points_.push_back({depth, style, item.shape.label->ordinal});
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  static constexpr size_t kRoot = 0;

  const text::NormalizedText& text_;
  Document& doc_;
  text::OffsetMap::Cursor source_;  // nodes close in text order, near the previous one
  std::vector<Item> items_;
  std::vector<Role> roles_;
  std::vector<SentenceSpan> sentences_;  // scratch for AddSentences
  std::vector<OpenNode> edge_;           // [0, depth_) are open; entries beyond are kept for reuse
  size_t depth_ = 0;
  size_t title_start_ = 0;
  size_t title_end_ = 0;
  size_t preamble_heading_ = kNone;
  // Depths of open nodes (kNone: not made yet), as are those in headings_, paragraph_ and points_.
  size_t preamble_ = kNone;
  size_t conclusions_ = kNone;
  size_t body_ = kNone;
  int caps_rank_ = 3;
  bool has_structure_ = false;
  std::vector<OpenHeading> headings_;
  size_t paragraph_ = kNone;
  std::vector<OpenPoint> points_;
};

}  // namespace

void BuildTree(const text::NormalizedText& text, Document& doc) { Builder(text, doc).Run(); }

}  // namespace treaty::document
