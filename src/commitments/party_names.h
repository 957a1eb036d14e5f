// The words that name an agreement's parties in one language version, from the package's parties
// and the language's cue table: who promises is read from these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "commitments/cue_table.h"
#include "document/agreement_package.h"
#include "text/language.h"

namespace treaty::commitments {

struct PartyNames {
  std::vector<std::string> codes;  // the agreement's party codes, in package order
  // The table's words for all parties ("the Participants") first, then for each party in package
  // order: the forms the table knows for its code ("Latvijai"), its adjective before a subject's
  // head ("the Estonian Government"), its full name and short names (English only, as
  // agreement.json names parties in English, unless `short_names` gives the language's), each
  // English name's possessive, alone and before a subject's head ("Spain’s Ministry"), and its
  // code, in capitals only. A name given twice is kept once.
  std::vector<PartyCue> cues;
  PatternIndex index;
};

// REQUIRES: the parties' codes are distinct.
PartyNames NamesOfParties(const std::vector<document::Party>& parties, text::Language language,
                          const CueTable& cues);

// Short names read off a full English name, for a party whose package gives none: the place after
// a form of state ("Kingdom of Belgium" → "Belgium", "Kingdom of the Netherlands" →
// "Netherlands"), or a name before "of" with its initials ("United Kingdom of Great Britain and
// Northern Ireland" → "United Kingdom", "UK"). Empty for a name without "of" ("Ukraine",
// "French Republic": such a party needs short names in agreement.json). `cues.state_forms` are the
// words of a form of state.
std::vector<std::string> ShortNamesOf(std::string_view full_name, const CueTable& cues);

}  // namespace treaty::commitments
