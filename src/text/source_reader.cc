#include "text/source_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "text/block_builder.h"
#include "text/lines.h"
#include "text/nfc.h"
#include "text/utf8.h"

namespace treaty::text {

namespace {

// A pipe or a device (/dev/stdin, <(…)), whose size is not known: read to its end, at most
// kMaxStreamBytes, failing on a read error rather than taking it for the end.
Result<std::string> ReadStream(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{"cannot be opened for reading", path};
  std::string bytes;
  std::optional<Error> error;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error = Error{fmt::format("read failed: {}", std::strerror(errno)), path};
      break;
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<size_t>(got) > kMaxStreamBytes) {
      error = Error{"more than 1 GiB from a pipe or device; give a regular file", path};
      break;
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  ::close(fd);
  if (error) return *error;
  return bytes;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Error{"no such file", path};
  if (std::filesystem::is_directory(path, ec)) return Error{"is a directory, not a file", path};
  if (!std::filesystem::is_regular_file(path, ec)) return ReadStream(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot be opened for reading", path};
  std::string bytes(std::filesystem::file_size(path, ec), '\0');
  if (ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Error{"read failed", path};
  }
  return bytes;
}

namespace {

// The line of the byte at `offset`, split as SplitLines splits; for the error paths only, as it
// finds every line of `bytes`.
int LineOf(std::string_view bytes, size_t offset) {
  const std::vector<size_t> starts = LineStarts(bytes);
  return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
}

// True for a control byte other than the white-space ones a text file holds. Branch-free, so that
// counting them is vectorised.
bool IsBinaryByte(char byte) {
  unsigned char c = static_cast<unsigned char>(byte);
  bool control = (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f') & (c != '\v');
  return control | (c == 0x7F);
}

std::optional<size_t> FindBinaryByte(std::string_view bytes) {
  // A text file has none, which one branch-free pass tells; only a binary file is searched again.
  size_t binary = 0;
  for (char byte : bytes) binary += IsBinaryByte(byte);
  if (binary == 0) return std::nullopt;
  return static_cast<size_t>(std::find_if(bytes.begin(), bytes.end(), IsBinaryByte) -
                             bytes.begin());
}

}  // namespace

Result<NormalizedText> Normalize(std::string_view bytes, std::string_view name,
                                 std::optional<Language> language) {
  std::string where(name);
  if (bytes.empty()) return Error{"the file is empty", where};
  if (bytes.starts_with("%PDF-")) {
    return Error{"the file is a PDF: give its text layer as UTF-8 text (pdftotext -layout FILE)",
                 where};
  }
  if (LooksLikeUtf16(bytes)) return Error{"the file is UTF-16: save it as UTF-8", where};
  if (auto binary = FindBinaryByte(bytes)) {
    return Error{"not a text file: control byte 0x" +
                     [&] {
                       static const char* hex = "0123456789abcdef";
                       unsigned char c = static_cast<unsigned char>(bytes[*binary]);
                       return std::string{hex[c >> 4], hex[c & 15]};
                     }() +
                     " at byte offset " + std::to_string(*binary),
                 where + ":" + std::to_string(LineOf(bytes, *binary))};
  }
  if (auto invalid = FindInvalidUtf8(bytes)) {
    return Error{"invalid UTF-8 at byte offset " + std::to_string(*invalid),
                 where + ":" + std::to_string(LineOf(bytes, *invalid))};
  }
  std::optional<NfcText> nfc = ToNfc(bytes);
  std::string_view text = nfc ? std::string_view(nfc->text) : bytes;
  std::vector<Line> lines = SplitLines(text);
  if (std::none_of(lines.begin(), lines.end(),
                   [](const Line& line) { return line.kind == LineKind::kText; })) {
    return Error{"the file holds no text", where};
  }
  NormalizedText out;
  out.source_size = bytes.size();
  out.line_starts = LineStarts(bytes);
  out.language = language ? *language : DetectLanguage(text);
  if (language) out.clearly_other = ClearlyNot(*language, text);
  if (!language) out.foreign_letters = LettersOfNoneOfThem(text);
  out.text.reserve(text.size());
  Hyphenation hyphenation(out.language);
  BuildBlocks(text, lines, GuessLayout(text, lines), hyphenation, out);
  if (nfc) out.map = out.map.ComposedWith(nfc->map);
  return out;
}

}  // namespace treaty::text
