#include "text/lines.h"

#include <algorithm>

#include "text/utf8.h"

namespace treaty::text {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '-')) s.remove_suffix(1);
  return s;
}

// True for a line the text stage drops as a page number or footnote marker.
bool LooksLikePageNumber(std::string_view content) {
  std::string_view s = Trim(content);
  if (AllDigits(s)) return true;
  if (s.size() > 5 && (s.substr(0, 5) == "Page " || s.substr(0, 5) == "page ")) {
    s.remove_prefix(5);
    size_t of = s.find(" of ");
    if (of != std::string_view::npos)
      return AllDigits(s.substr(0, of)) && AllDigits(s.substr(of + 4));
    return AllDigits(s);
  }
  size_t slash = s.find('/');
  return slash != std::string_view::npos && AllDigits(s.substr(0, slash)) &&
         AllDigits(s.substr(slash + 1));
}

// Offset of the first '\n' or '\r' at or after `pos`, or the text's size. Two vectorised scans
// (std::string_view::find) rather than find_first_of, which tests each byte against the set.
size_t LineEnd(std::string_view text, size_t pos) {
  size_t eol = std::min(text.find('\n', pos), text.size());
  size_t cr = text.substr(pos, eol - pos).find('\r');
  return cr == std::string_view::npos ? eol : pos + cr;
}

}  // namespace

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 40 + 1);
  bool seen_text = false;
  size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    size_t eol = LineEnd(text, pos);
    Line line;
    line.number = ++number;
    // Trim white space, no-break spaces included, from both ends.
    size_t begin = pos, end = eol;
    while (begin < end) {
      size_t next = begin;
      if (!IsSpace(DecodeAt(text, next))) break;
      begin = next;
    }
    while (end > begin) {
      size_t prev = end;
      if (!IsSpace(DecodeBefore(text, prev))) break;
      end = prev;
    }
    line.begin = begin;
    line.end = end;
    std::string_view content = text.substr(begin, end - begin);
    if (content.empty()) {
      line.kind = LineKind::kBlank;
    } else if (!seen_text && content.size() >= 2 && content[0] == '#' && content[1] == ' ') {
      line.kind = LineKind::kHeaderComment;
    } else if (LooksLikePageNumber(content)) {
      line.kind = LineKind::kPageNumber;
    } else {
      line.kind = LineKind::kText;
      seen_text = true;
    }
    line.width = line.kind == LineKind::kBlank ? 0 : CountCodePoints(content);
    lines.push_back(line);
    if (eol < text.size() && text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') {
      ++eol;
    }
    pos = eol + 1;
  }
  return lines;
}

std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t eol = LineEnd(text, 0); eol < text.size(); eol = LineEnd(text, starts.back())) {
    const bool crlf = text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n';
    starts.push_back(eol + (crlf ? 2 : 1));
  }
  return starts;
}

}  // namespace treaty::text
