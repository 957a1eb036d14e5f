#include "text/nfc.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

#include "text/utf8.h"

namespace treaty::text {

namespace {

// ASCII runs at least this long are skipped by IsNfc; shorter ones stay inside the piece ICU
// checks, which costs less than a call for every word of a text in another script.
constexpr size_t kSkippedAsciiRun = 16;

bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// Offset of the first ASCII byte after `pos` that starts a skipped run (kSkippedAsciiRun ASCII
// bytes, or fewer that end the text), or the size.
size_t NextSkippedAsciiRun(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    while (pos < s.size() && !IsAscii(s[pos])) ++pos;
    size_t run = pos;
    while (pos < s.size() && IsAscii(s[pos]) && pos - run < kSkippedAsciiRun) ++pos;
    if (pos - run == kSkippedAsciiRun || pos == s.size()) return run;
  }
  return s.size();
}

// True when `utf8` is in NFC. No ASCII character combines with or reorders against what comes
// before it, so the text is NFC when every piece that starts at an ASCII character (or the start)
// and ends before one (or at the end) is. ASCII alone is NFC: only the pieces holding other
// characters go to ICU, each from the ASCII character before them.
bool IsNfc(const icu::Normalizer2& nfc, std::string_view utf8) {
  size_t checked = 0;  // [0, checked) is NFC; `checked` is 0, the size or at an ASCII character
  while (true) {
    size_t other = FindNonAscii(utf8, checked);
    if (other == utf8.size()) return true;
    size_t start = other > 0 ? other - 1 : 0;
    size_t end = NextSkippedAsciiRun(utf8, other);
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(utf8.data() + start, static_cast<int32_t>(end - start));
    if (!nfc.isNormalizedUTF8(piece, status) || U_FAILURE(status)) return false;
    checked = end;
  }
}

}  // namespace

std::optional<NfcText> ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data is missing");
  if (IsNfc(*nfc, utf8)) return std::nullopt;
  status = U_ZERO_ERROR;
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  NfcText result;
  icu::StringByteSink<std::string> sink(&result.text, static_cast<int32_t>(utf8.size()));
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    size_t from = static_cast<size_t>(it.sourceIndex());
    if (it.hasChange()) {
      result.map.AddReplacement(static_cast<size_t>(it.newLength()), from,
                                from + static_cast<size_t>(it.oldLength()));
    } else {
      result.map.AddCopy(static_cast<size_t>(it.newLength()), from);
    }
  }
  return result;
}

}  // namespace treaty::text
