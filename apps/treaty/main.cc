#include <cstdio>
#include "text/source_reader.h"
int main(int argc, char** argv) {
  auto bytes = treaty::text::ReadFile(argv[1]);
  if (!bytes.ok()) {
    fprintf(stderr, "%s\n", bytes.error().ToString().c_str());
    return 2;
  }
  auto n = treaty::text::Normalize(bytes.value(), argv[1]);
  if (!n.ok()) {
    fprintf(stderr, "%s\n", n.error().ToString().c_str());
    return 2;
  }
  auto& t = n.value();
  printf("layout %s lang %s blocks %zu\n", std::string(LayoutName(t.layout)).c_str(),
         std::string(LanguageCode(t.language)).c_str(), t.blocks.size());
  for (auto& b : t.blocks)
    printf("%d-%d %s| %.110s\n", b.first_line, b.last_line,
           b.kind == treaty::text::BlockKind::kFootnote ? "FN" : "",
           std::string(t.BlockText(b)).c_str());
}
