// Turns the blocks of a normalised text into the document tree: title, preamble, the hierarchy of
// headings, paragraphs, points and sentences, conclusions and notes, with eIds and spans.
//
// Headings nest by rank, fixed per numbering style: Part 1, Chapter 2, roman numerals and
// "Section" 3, Article 4, arabic numbers 5, unnumbered 6, letters 7 (unnumbered headings in
// capitals rank with the highest numbered headings also set in capitals). A heading closes every
// open heading of the same or a lower rank.
#pragma once

#include "document/node.h"
#include "text/normalized_text.h"

namespace treaty::document {

// Fills `doc.root` and `doc.warnings` from `text`. REQUIRES: doc.root is empty.
void BuildTree(const text::NormalizedText& text, Document& doc);

}  // namespace treaty::document
