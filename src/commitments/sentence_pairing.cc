#include "commitments/sentence_pairing.h"

#include <cmath>
#include <limits>

namespace treaty::commitments {

namespace {

// Cost of matching `a` bytes with `b` bytes: the length difference in units of its expected
// spread, plus a fixed price for each shape other than one to one.
double MatchCost(double a, double b, double shape_penalty) {
  double mean = (a + b) / 2;
  if (mean == 0) return shape_penalty;
  return std::abs(a - b) / std::sqrt(mean) + shape_penalty;
}

}  // namespace

std::vector<std::vector<size_t>> PairSentences(const std::vector<size_t>& first,
                                               const std::vector<size_t>& second) {
  std::vector<std::vector<size_t>> out(first.size());
  if (first.size() == second.size()) {
    for (size_t i = 0; i < first.size(); ++i) out[i] = {i};
    return out;
  }
  const size_t n = first.size();
  const size_t m = second.size();
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  constexpr double kSkip = 40;  // an unmatched sentence
  constexpr double kMerge = 4;  // one-to-two or two-to-one
  std::vector<std::vector<double>> cost(n + 1, std::vector<double>(m + 1, kInfinity));
  std::vector<std::vector<int>> move(n + 1, std::vector<int>(m + 1, -1));
  cost[0][0] = 0;
  struct Shape {
    size_t di, dj;
  };
  constexpr Shape kShapes[] = {{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}};
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (cost[i][j] == kInfinity) continue;
      for (int s = 0; s < 5; ++s) {
        auto [di, dj] = kShapes[s];
        if (i + di > n || j + dj > m) continue;
        double a = 0, b = 0;
        for (size_t k = 0; k < di; ++k) a += static_cast<double>(first[i + k]);
        for (size_t k = 0; k < dj; ++k) b += static_cast<double>(second[j + k]);
        double c = (di == 0 || dj == 0) ? kSkip : MatchCost(a, b, di + dj == 2 ? 0 : kMerge);
        if (cost[i][j] + c < cost[i + di][j + dj]) {
          cost[i + di][j + dj] = cost[i][j] + c;
          move[i + di][j + dj] = s;
        }
      }
    }
  }
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    auto [di, dj] = kShapes[move[i][j]];
    i -= di;
    j -= dj;
    for (size_t k = 0; k < di; ++k)
      for (size_t l = 0; l < dj; ++l) out[i + k].push_back(j + l);
  }
  return out;
}

}  // namespace treaty::commitments
