#include "views/export/xml_text.h"

namespace treaty::views {

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace treaty::views
