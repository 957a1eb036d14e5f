// Pairs the sentences of two language versions of one provision, whose counts may differ.
#pragma once

#include <cstddef>
#include <vector>

namespace treaty::commitments {

// For each sentence of the first version (by its length in bytes), the indices of the sentences
// of the second version that say the same. Equal counts pair one to one in order; otherwise a
// dynamic programme over lengths (in the manner of Gale and Church) allows one-to-one,
// one-to-two, two-to-one and unmatched sentences, and a sentence of the first version that
// shares a sentence of the second with its neighbour gets that sentence too.
std::vector<std::vector<size_t>> PairSentences(const std::vector<size_t>& first_lengths,
                                               const std::vector<size_t>& second_lengths);

}  // namespace treaty::commitments
