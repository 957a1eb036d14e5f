#include "text/block_builder.h"

#include <algorithm>
#include <array>

#include "text/list_label.h"
#include "text/punctuation.h"
#include "text/utf8.h"

namespace treaty::text {

namespace {

// A printed line shorter than this share of a full line ends its paragraph unless the next line
// carries on a sentence (in lower case, or in a paragraph set narrower than the page). Measured on
// the Latvian text: lines inside paragraphs fill 0.87-1.11 of the width, headings and last lines
// 0.08-0.82.
constexpr double kFullLine = 0.85;
// Widest line a PDF text layer of an A4 page is expected to hold.
constexpr size_t kMaxPrintedWidth = 140;

enum class Join { kNewBlock, kSpace, kNoSpace, kDropHyphen };

std::string_view Content(std::string_view text, const Line& line) {
  return text.substr(line.begin, line.end - line.begin);
}

bool StartsLowercase(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size() && IsDigit(static_cast<unsigned char>(s[pos]))) ++pos;
  if (pos > 0) {
    // "12. jūlija", "2023. gada": an ordinal date or number continuing a sentence.
    if (pos < s.size() && s[pos] == '.') ++pos;
    if (pos >= s.size() || s[pos] != ' ') return false;
    ++pos;
  }
  if (pos >= s.size()) return false;
  return IsLower(DecodeAt(s, pos));
}

bool IsDash(char32_t c) { return c == '-' || c == U'‐' || c == U'–' || c == U'—'; }

// The letters of the last word before a trailing hyphen, or empty when there is none.
std::string_view WordBeforeHyphen(std::string_view s) {
  size_t pos = s.size();
  if (pos == 0) return {};
  char32_t hyphen = DecodeBefore(s, pos);
  if (hyphen != '-' && hyphen != U'‐') return {};
  size_t end = pos;
  while (pos > 0) {
    size_t before = pos;
    if (!IsLetter(DecodeBefore(s, before))) break;
    pos = before;
  }
  return s.substr(pos, end - pos);
}

std::string_view FirstWord(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t next = pos;
    if (!IsLetter(DecodeAt(s, next))) break;
    pos = next;
  }
  return s.substr(0, pos);
}

// The bytes that may start a white-space character other than the ASCII space: tab, vertical tab,
// form feed and the lead byte of every character outside ASCII. A table lookup keeps the scan free
// of branches that depend on the text.
constexpr std::array<bool, 256> kMayStartOtherSpace = [] {
  std::array<bool, 256> table{};
  for (unsigned char byte : {'\t', '\v', '\f'}) table[byte] = true;
  for (size_t lead = 0xC0; lead < table.size(); ++lead) table[lead] = true;
  return table;
}();

// Offset of the first byte at or after `pos` where white space may need folding, or the size:
// a byte that may start white space other than a space, or a space before one or another space.
// Single spaces between words, the usual case, need nothing and do not stop the scan.
size_t NextFoldCandidate(std::string_view s, size_t pos) {
  for (; pos < s.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    unsigned char next = pos + 1 < s.size() ? static_cast<unsigned char>(s[pos + 1]) : 0;
    bool space_before_space = (c == ' ') & ((next == ' ') | kMayStartOtherSpace[next]);
    if (kMayStartOtherSpace[c] | space_before_space) break;
  }
  return pos;
}

// Bytes of the white-space character that starts at `pos`; 0 for any other character and for a
// byte inside one.
size_t SpaceAt(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == ' ') return 1;
  if (!kMayStartOtherSpace[c]) return 0;
  if (c < 0x80) return 1;
  size_t next = pos;
  return IsSpace(DecodeAt(s, next)) ? next - pos : 0;
}

// Appends content[from, to), which starts at source offset `source_begin + from`, unchanged.
void AppendCopied(std::string_view content, size_t from, size_t to, size_t source_begin,
                  NormalizedText& out) {
  if (to == from) return;
  out.text.append(content.substr(from, to - from));
  out.map.AddCopy(to - from, source_begin + from);
}

// Appends `content` (at source offset `source_begin`) folding runs of white space to one space.
// Bytes are appended in copied runs; only a run that is not already one ASCII space is replaced.
void AppendFolded(std::string_view content, size_t source_begin, NormalizedText& out) {
  size_t copied = 0;  // content before this offset is already appended
  size_t pos = 0;
  while ((pos = NextFoldCandidate(content, pos)) < content.size()) {
    size_t run_start = pos;
    for (size_t space; pos < content.size() && (space = SpaceAt(content, pos)) != 0;) pos += space;
    if (pos == run_start) {
      ++pos;  // a character outside ASCII that is not white space
      continue;
    }
    if (pos - run_start == 1 && content[run_start] == ' ') continue;
    AppendCopied(content, copied, run_start, source_begin, out);
    out.text.push_back(' ');
    out.map.AddReplacement(1, source_begin + run_start, source_begin + pos);
    copied = pos;
  }
  AppendCopied(content, copied, content.size(), source_begin, out);
}

// True when a line `width` code points wide is short beside one `measure` wide.
bool Narrower(size_t width, size_t measure) {
  return static_cast<double>(width) < kFullLine * static_cast<double>(measure);
}

// A line that opens a block without ending a sentence and is narrower than this share of the next
// line is a heading over a paragraph. Measured on the corpus: such headings 0.75-0.78 of their
// paragraph's first line, first lines of paragraphs 0.84 and more of their second.
constexpr double kHeadingShare = 0.8;

bool IsHeadingOver(const Line& line, const Line& next) {
  return static_cast<double>(line.width) < kHeadingShare * static_cast<double>(next.width);
}

// True when `s` opens more round brackets than it closes: "(European Bank for".
bool LeavesBracketOpen(std::string_view s) {
  return std::count(s.begin(), s.end(), '(') > std::count(s.begin(), s.end(), ')');
}

class Assembler {
 public:
  Assembler(std::string_view text, const std::vector<Line>& lines, const LayoutGuess& layout,
            const Hyphenation& hyphenation, NormalizedText& out)
      : text_(text), lines_(lines), layout_(layout), hyphenation_(hyphenation), out_(out) {}

  void Run() {
    MarkFootnotes();
    const Line* previous = nullptr;
    bool gap = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      if (line.kind == LineKind::kHeaderComment) {
        out_.header_comments.emplace_back(Content(text_, line));
        continue;
      }
      if (line.kind != LineKind::kText) {
        gap = true;
        continue;
      }
      if (footnote_[i]) {
        gap = true;  // notes are emitted after the body so they never split a paragraph
        continue;
      }
      Join join = previous ? Decide(*previous, line, gap) : Join::kNewBlock;
      Append(previous, line, join, BlockKind::kBody);
      previous = &line;
      gap = false;
    }
    CloseBlock();
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!footnote_[i] || (i > 0 && footnote_[i - 1])) continue;
      EmitFootnote(i);
    }
  }

 private:
  // A footnote in a PDF layer: a blank line, a bare number, the note's lines, then a page break.
  void MarkFootnotes() {
    footnote_.assign(lines_.size(), false);
    if (layout_.layout != Layout::kPdfTextLayer) return;
    for (size_t i = 0; i + 1 < lines_.size(); ++i) {
      if (lines_[i].kind != LineKind::kPageNumber || lines_[i + 1].kind != LineKind::kText)
        continue;
      if (i > 0 && lines_[i - 1].kind == LineKind::kText) continue;
      size_t end = i + 1;
      while (end < lines_.size() && lines_[end].kind == LineKind::kText) ++end;
      size_t after = end;
      while (after < lines_.size() && lines_[after].kind == LineKind::kBlank) ++after;
      if (after >= lines_.size() || lines_[after].kind != LineKind::kPageNumber) continue;
      for (size_t k = i + 1; k < end; ++k) footnote_[k] = true;
    }
  }

  // The note's lines from `first`, the line after its bare number (MarkFootnotes), as one block.
  void EmitFootnote(size_t first) {
    const Line* previous = nullptr;
    for (size_t i = first; i < lines_.size() && footnote_[i]; ++i) {
      Append(previous, lines_[i], previous ? Join::kSpace : Join::kNewBlock, BlockKind::kFootnote);
      previous = &lines_[i];
    }
    current_.marker = Content(text_, lines_[first - 1]);
    CloseBlock();
  }

  Join Decide(const Line& previous, const Line& next, bool gap) const {
    if (layout_.layout == Layout::kOneParagraphPerLine) return Join::kNewBlock;
    std::string_view prev_text = Content(text_, previous);
    std::string_view next_text = Content(text_, next);
    bool terminal = EndsSentence(prev_text);
    double share = static_cast<double>(previous.width) / static_cast<double>(layout_.line_width);
    bool opens_block = &previous == block_first_;
    bool labelled = ParseListLabel(next_text).has_value();
    bool joins;
    if (!terminal && StartsLowercase(next_text)) {
      joins = true;  // a sentence running on, whatever the line's length
    } else if (IsAllCaps(prev_text) && !IsAllCaps(next_text)) {
      joins = false;  // a title or heading set in capitals
    } else if (!terminal && opens_block && (labelled || IsHeadingOver(previous, next))) {
      joins = false;  // a heading over its paragraph, however near a full line it comes
    } else if (share < kFullLine) {
      // A short line ends a paragraph, heading or title, unless it leaves a bracket open or fills
      // the measure of a paragraph set narrower than the page (an indented list).
      joins = !terminal && !labelled &&
              (LeavesBracketOpen(prev_text) || FillsMeasure(previous, next_text));
    } else if (terminal && labelled) {
      joins = false;  // a list item
    } else if (gap) {
      joins = !terminal;  // a page break inside a paragraph
    } else {
      joins = true;
    }
    if (!joins) return Join::kNewBlock;
    std::string_view left = WordBeforeHyphen(prev_text);
    if (!left.empty()) {
      std::string_view right = FirstWord(next_text);
      if (right.empty()) return Join::kNoSpace;
      return hyphenation_.KeepsHyphen(left, right) ? Join::kNoSpace : Join::kDropHyphen;
    }
    size_t pos = prev_text.size();
    char32_t last = DecodeBefore(prev_text, pos);
    if (last == U'\u00AD') return Join::kDropHyphen;  // a soft hyphen
    if (IsDash(last) && pos > 0 && IsLetter(DecodeBefore(prev_text, pos))) return Join::kNoSpace;
    return Join::kSpace;
  }

  // True when `line`, the last of the current block, would be as wide as the block's other lines
  // with the first word of `next` (so that word was wrapped) or, as the first line of a list item,
  // is as wide as the lines of the paragraph before it.
  bool FillsMeasure(const Line& line, std::string_view next) const {
    if (&line != block_first_) {
      size_t word = CountCodePoints(next.substr(0, next.find(' ')));
      return !Narrower(line.width + 1 + word, block_width_);
    }
    return ParseListLabel(Content(text_, line)).has_value() && previous_block_lines_ > 1 &&
           !Narrower(line.width, previous_block_width_);
  }

  // Emits the pending line (trimmed per `join`), then opens or continues a block with `line`.
  void Append(const Line* previous, const Line& line, Join join, BlockKind kind) {
    if (previous && pending_ == previous) FlushPending(join);
    if (join == Join::kNewBlock) {
      CloseBlock();
      if (!out_.text.empty()) {
        out_.text.push_back('\n');
        out_.map.AddReplacement(1, last_source_end_, line.begin);
      }
      open_ = true;
      current_ = Block{kind, out_.text.size(), out_.text.size(), line.number, line.number, {}};
      previous_block_width_ = block_width_;
      previous_block_lines_ = block_lines_;
      block_first_ = &line;
      block_width_ = 0;
      block_lines_ = 0;
    } else if (join == Join::kSpace) {
      out_.text.push_back(' ');
      out_.map.AddReplacement(1, last_source_end_, line.begin);
    }
    current_.last_line = line.number;
    block_width_ = std::max(block_width_, line.width);
    ++block_lines_;
    pending_ = &line;
  }

  void FlushPending(Join join) {
    std::string_view content = Content(text_, *pending_);
    if (join == Join::kDropHyphen) {
      size_t pos = content.size();
      DecodeBefore(content, pos);
      content = content.substr(0, pos);
    }
    AppendFolded(content, pending_->begin, out_);
    last_source_end_ = pending_->end;
    pending_ = nullptr;
  }

  void CloseBlock() {
    if (pending_) FlushPending(Join::kNewBlock);
    if (!open_) return;
    current_.end = out_.text.size();
    out_.blocks.push_back(current_);
    open_ = false;
  }

  std::string_view text_;
  const std::vector<Line>& lines_;
  const LayoutGuess& layout_;
  const Hyphenation& hyphenation_;
  NormalizedText& out_;
  std::vector<bool> footnote_;
  Block current_;
  bool open_ = false;
  const Line* pending_ = nullptr;
  const Line* block_first_ = nullptr;  // the line that opened the current block
  size_t block_width_ = 0;             // code points of the current block's widest line
  size_t block_lines_ = 0;
  size_t previous_block_width_ = 0;  // the same of the block before it
  size_t previous_block_lines_ = 0;
  size_t last_source_end_ = 0;
};

}  // namespace

LayoutGuess GuessLayout(std::string_view text, const std::vector<Line>& lines) {
  std::vector<size_t> widths;
  size_t continuations = 0;
  const Line* previous = nullptr;
  for (const Line& line : lines) {
    if (line.kind != LineKind::kText) {
      previous = nullptr;
      continue;
    }
    widths.push_back(line.width);
    if (previous && !EndsSentence(Content(text, *previous)) &&
        StartsLowercase(Content(text, line))) {
      ++continuations;
    }
    previous = &line;
  }
  LayoutGuess guess;
  if (widths.size() < 3) return guess;
  auto percentile75 = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 3 / 4);
  std::nth_element(widths.begin(), percentile75, widths.end());
  size_t width = *percentile75;
  if (width <= kMaxPrintedWidth && continuations * 8 >= widths.size()) {
    guess.layout = Layout::kPdfTextLayer;
    guess.line_width = std::max<size_t>(width, 1);
  }
  return guess;
}

void BuildBlocks(std::string_view text, const std::vector<Line>& lines, const LayoutGuess& layout,
                 const Hyphenation& hyphenation, NormalizedText& out) {
  out.layout = layout.layout;
  Assembler(text, lines, layout, hyphenation, out).Run();
}

}  // namespace treaty::text
