// Aligns two language versions of one agreement node by node, so that an eId of one resolves in
// the other, and says where the versions do not correspond one to one.
//
// Heading containers (sections, parts, sub-headings, ...) are matched in document order by type
// and number. Inside each matched pair, paragraphs are matched by a dynamic programme over their
// lengths and sentence counts (in the manner of Gale and Church), allowing one-to-one,
// one-to-two, two-to-one and unmatched paragraphs; points of matched paragraphs by position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/node.h"

namespace treaty::document {

struct AlignedPair {
  std::vector<std::string> left;   // eIds in the left document (empty: nothing corresponds)
  std::vector<std::string> right;  // eIds in the right document
  int left_line = 0;               // first source line on each side, 0 when the side is empty
  int right_line = 0;
  bool one_to_one() const { return left.size() == 1 && right.size() == 1; }
};

struct Alignment {
  std::string left_language;  // "lv", "en", "uk"
  std::string right_language;
  std::vector<AlignedPair> pairs;  // in document order

  // The eIds in the other version that correspond to `eid` of the version in `language`.
  std::vector<std::string> Resolve(std::string_view eid, std::string_view language) const;
  // The eIds of `other`, the version not in `language`, that stand for `eid`: those Resolve
  // gives; failing them, `eid` itself when `other` has it as a heading container, since
  // containers are matched by type and number and so share their eIds.
  std::vector<std::string> Counterparts(std::string_view eid, std::string_view language,
                                        const Document& other) const;
  // Pairs that are not one to one, each described for a person:
  // "sec_2__hcontainer_4: lv para_8 + para_9 (line 215) ↔ en para_8 (line 56)".
  std::vector<std::string> Problems() const;
  size_t OneToOneCount() const;
};

Alignment AlignDocuments(const Document& left, const Document& right);

}  // namespace treaty::document
