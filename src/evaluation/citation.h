// Where a value or a finding comes from in the agreement: the reviewed commitment, the provision
// and the words. Every parameter of a rule and every reason of a result carries one.
#pragma once

#include <string>
#include <vector>

namespace treaty::evaluation {

struct Citation {
  std::string commitment_id;  // "sec_6__para_2__sent_1": the sentence's commitment record
  std::string eid;            // "sec_6__para_2": the provision
  std::string quote;          // the provision's words in the prevailing text
};

// A value of a rule with its citation: `Cited<Period>` for "10 (ten) years".
template <typename T>
struct Cited {
  T value;
  Citation source;
};

// Why a result is what it is: the provision and its words, what follows from them here, and the
// ledger events (ids) that the finding rests on.
struct Reason {
  Citation provision;
  std::string finding;              // in words, with dates: "the term's last day is 2034-04-11"
  std::vector<std::string> events;  // ledger event ids
};

}  // namespace treaty::evaluation
