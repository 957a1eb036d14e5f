#include "document/alignment.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace treaty::document {

namespace {

// Penalties, in units of the length mismatch measure, for the shapes of a match.
constexpr double kMergePenalty = 4.0;
constexpr double kSkipPenalty = 12.0;

struct Container {
  const Node* node;
  int depth;
};

void CollectContainers(const Node& node, int depth, std::vector<Container>& out) {
  for (const Node& child : node.children) {
    bool container = IsHeadingContainer(child.type) || child.type == NodeType::kPreamble ||
                     child.type == NodeType::kBody || child.type == NodeType::kConclusions;
    if (!container) continue;
    out.push_back({&child, depth});
    CollectContainers(child, depth + 1, out);
  }
}

bool SameKind(const Container& a, const Container& b) {
  if (a.node->type != b.node->type || a.depth != b.depth) return false;
  return a.node->num.empty() == b.node->num.empty() &&
         (a.node->num.empty() || a.node->eid == b.node->eid);
}

// A paragraph to align, with the measures the cost function compares, taken once.
struct Unit {
  const Node* node;
  double bytes;
  double sentences;  // at least 1
};

std::vector<Unit> DirectParagraphs(const Node& container) {
  std::vector<Unit> out;
  for (const Node& child : container.children) {
    if (child.type != NodeType::kParagraph && child.type != NodeType::kNote) continue;
    double sentences = 0;
    for (const Node& part : child.children) sentences += part.type == NodeType::kSentence;
    out.push_back({&child, static_cast<double>(child.text.size()), std::max(sentences, 1.0)});
  }
  return out;
}

// Matches sequences by longest common subsequence of SameKind; unmatched ones become pairs with
// an empty side.
template <typename Emit>
void MatchContainers(const std::vector<Container>& a, const std::vector<Container>& b, Emit emit) {
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] =
          SameKind(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && SameKind(a[i], b[j])) {
      emit(a[i].node, b[j].node);
      ++i, ++j;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      emit(a[i++].node, nullptr);
    } else {
      emit(nullptr, b[j++].node);
    }
  }
}

class ParagraphMatcher {
 public:
  ParagraphMatcher(double ratio, std::vector<AlignedPair>& out) : ratio_(ratio), out_(out) {}

  void Match(const std::vector<Unit>& a, const std::vector<Unit>& b) {
    size_t n = a.size(), m = b.size();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> cost(n + 1, std::vector<double>(m + 1, kInf));
    std::vector<std::vector<std::pair<int, int>>> step(n + 1,
                                                       std::vector<std::pair<int, int>>(m + 1));
    cost[0][0] = 0;
    static constexpr std::pair<int, int> kSteps[] = {{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}};
    for (size_t i = 0; i <= n; ++i) {
      for (size_t j = 0; j <= m; ++j) {
        if (cost[i][j] == kInf) continue;
        for (auto [di, dj] : kSteps) {
          size_t ni = i + di, nj = j + dj;
          if (ni > n || nj > m) continue;
          double c = cost[i][j] + StepCost(a, i, di, b, j, dj);
          if (c < cost[ni][nj]) {
            cost[ni][nj] = c;
            step[ni][nj] = {di, dj};
          }
        }
      }
    }
    std::vector<AlignedPair> pairs;
    for (size_t i = n, j = m; i > 0 || j > 0;) {
      auto [di, dj] = step[i][j];
      AlignedPair pair;
      for (size_t k = i - di; k < i; ++k) pair.left.push_back(a[k].node->eid);
      for (size_t k = j - dj; k < j; ++k) pair.right.push_back(b[k].node->eid);
      pair.left_line = di ? a[i - di].node->first_line : 0;
      pair.right_line = dj ? b[j - dj].node->first_line : 0;
      pairs.push_back(std::move(pair));
      if (di == 1 && dj == 1) MatchPoints(*a[i - 1].node, *b[j - 1].node, pairs);
      i -= di;
      j -= dj;
    }
    std::reverse(pairs.begin(), pairs.end());
    out_.insert(out_.end(), pairs.begin(), pairs.end());
  }

 private:
  double StepCost(const std::vector<Unit>& a, size_t i, int di, const std::vector<Unit>& b,
                  size_t j, int dj) const {
    if (di == 0 || dj == 0) return kSkipPenalty;
    double la = 0, lb = 0, sa = 0, sb = 0;
    for (int k = 0; k < di; ++k) {
      la += a[i + k].bytes;
      sa += a[i + k].sentences;
    }
    for (int k = 0; k < dj; ++k) {
      lb += b[j + k].bytes;
      sb += b[j + k].sentences;
    }
    double expected = la * ratio_;
    double length = std::abs(lb - expected) / std::sqrt(expected + lb + 1.0);
    double sentences = 0.5 * std::abs(sa - sb);
    return length + sentences + (di + dj > 2 ? kMergePenalty : 0.0);
  }

  // Points of two matched paragraphs pair up by position (reversed: pairs are built backwards).
  static void MatchPoints(const Node& a, const Node& b, std::vector<AlignedPair>& reversed) {
    std::vector<const Node*> pa, pb;
    Walk(a, [&](const Node& node, int) {
      if (node.type == NodeType::kPoint) pa.push_back(&node);
    });
    Walk(b, [&](const Node& node, int) {
      if (node.type == NodeType::kPoint) pb.push_back(&node);
    });
    std::vector<AlignedPair> points;
    for (size_t k = 0; k < std::max(pa.size(), pb.size()); ++k) {
      AlignedPair pair;
      if (k < pa.size()) pair.left = {pa[k]->eid}, pair.left_line = pa[k]->first_line;
      if (k < pb.size()) pair.right = {pb[k]->eid}, pair.right_line = pb[k]->first_line;
      points.push_back(std::move(pair));
    }
    reversed.insert(reversed.end(), points.rbegin(), points.rend());
  }

  double ratio_;
  std::vector<AlignedPair>& out_;
};

double TextBytes(const Node& root) {
  double total = 0;
  Walk(root, [&](const Node& node, int) {
    if (node.type == NodeType::kParagraph) total += static_cast<double>(node.text.size());
  });
  return total;
}

std::string Local(std::string_view eid, std::string_view container) {
  if (!container.empty() && eid.size() > container.size() + 2 && eid.starts_with(container)) {
    return std::string(eid.substr(container.size() + 2));
  }
  return std::string(eid);
}

}  // namespace

Alignment AlignDocuments(const Document& left, const Document& right) {
  Alignment alignment;
  alignment.left_language = std::string(text::LanguageCode(left.language));
  alignment.right_language = std::string(text::LanguageCode(right.language));
  double left_bytes = TextBytes(left.root);
  double ratio = left_bytes > 0 ? TextBytes(right.root) / left_bytes : 1.0;

  for (const Node& a : left.root.children) {
    if (a.type != NodeType::kTitle) continue;
    for (const Node& b : right.root.children) {
      if (b.type == NodeType::kTitle) {
        alignment.pairs.push_back({{a.eid}, {b.eid}, a.first_line, b.first_line});
      }
    }
  }
  std::vector<Container> a, b;
  CollectContainers(left.root, 0, a);
  CollectContainers(right.root, 0, b);
  ParagraphMatcher paragraphs(ratio, alignment.pairs);
  MatchContainers(a, b, [&](const Node* x, const Node* y) {
    if (x && y && !x->eid.empty()) {
      alignment.pairs.push_back({{x->eid}, {y->eid}, x->first_line, y->first_line});
    } else if (x && !y) {
      alignment.pairs.push_back({{x->eid}, {}, x->first_line, 0});
    } else if (!x && y) {
      alignment.pairs.push_back({{}, {y->eid}, 0, y->first_line});
    }
    if (x && y) paragraphs.Match(DirectParagraphs(*x), DirectParagraphs(*y));
  });
  return alignment;
}

std::vector<std::string> Alignment::Resolve(std::string_view eid, std::string_view language) const {
  bool from_left = language == left_language;
  for (const AlignedPair& pair : pairs) {
    const auto& from = from_left ? pair.left : pair.right;
    if (std::find(from.begin(), from.end(), eid) != from.end()) {
      return from_left ? pair.right : pair.left;
    }
  }
  return {};
}

std::vector<std::string> Alignment::Counterparts(std::string_view eid, std::string_view language,
                                                 const Document& other) const {
  std::vector<std::string> ids = Resolve(eid, language);
  const Node* same = other.Find(eid);
  if (ids.empty() && same != nullptr && IsHeadingContainer(same->type)) ids.emplace_back(eid);
  return ids;
}

size_t Alignment::OneToOneCount() const {
  return static_cast<size_t>(std::count_if(pairs.begin(), pairs.end(),
                                           [](const AlignedPair& p) { return p.one_to_one(); }));
}

std::vector<std::string> Alignment::Problems() const {
  std::vector<std::string> problems;
  for (const AlignedPair& pair : pairs) {
    if (pair.one_to_one()) continue;
    const std::string& any = pair.left.empty() ? pair.right.front() : pair.left.front();
    const std::string container(ParentEid(any));
    auto side = [&](const std::vector<std::string>& ids, const std::string& language, int line) {
      if (ids.empty()) return language + " (nothing)";
      std::string out = language;
      for (size_t k = 0; k < ids.size(); ++k) out += (k ? " + " : " ") + Local(ids[k], container);
      return out + " (line " + std::to_string(line) + ")";
    };
    problems.push_back((container.empty() ? "" : container + ": ") +
                       side(pair.left, left_language, pair.left_line) + " ↔ " +
                       side(pair.right, right_language, pair.right_line));
  }
  return problems;
}

}  // namespace treaty::document
