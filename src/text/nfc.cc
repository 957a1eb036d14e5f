#include "text/nfc.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

namespace treaty::text {

NfcText ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data is missing");
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return {std::string(utf8), std::nullopt};
  }
  status = U_ZERO_ERROR;
  NfcText result;
  icu::StringByteSink<std::string> sink(&result.text, static_cast<int32_t>(utf8.size()));
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  OffsetMap map;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    size_t from = static_cast<size_t>(it.sourceIndex());
    if (it.hasChange()) {
      map.AddReplacement(static_cast<size_t>(it.newLength()), from,
                         from + static_cast<size_t>(it.oldLength()));
    } else {
      map.AddCopy(static_cast<size_t>(it.newLength()), from);
    }
  }
  result.map = std::move(map);
  return result;
}

}  // namespace treaty::text
