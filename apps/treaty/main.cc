#include <cstdio>
#include "document/parser.h"
#include "views/cli/outline_text.h"
int main(int, char** argv) {
  auto d = treaty::document::ParseFile(argv[1]);
  if (!d.ok()) { fprintf(stderr, "%s\n", d.error().ToString().c_str()); return 2; }
  fputs(treaty::views::OutlineText(d.value()).c_str(), stdout);
}
