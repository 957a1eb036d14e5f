// For tests: the files of a ZIP archive (an XLSX workbook) by name, read through its central
// directory and inflated with zlib (which libxlsxwriter links). Stored and deflated entries only;
// no ZIP64.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <map>
#include <string>

namespace treaty::test {

namespace zip_internal {

inline uint32_t Le(const std::string& bytes, size_t at, int size) {
  uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
  }
  return value;
}

inline bool Inflate(const std::string& compressed, size_t size, std::string& out) {
  out.assign(size, '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return false;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(size);
  const int result = inflate(&stream, Z_FINISH);
  inflateEnd(&stream);
  return result == Z_STREAM_END && stream.total_out == size;
}

}  // namespace zip_internal

// The archive's files by name; empty when `zip` is not a ZIP archive ZipEntries reads.
inline std::map<std::string, std::string> ZipEntries(const std::string& zip) {
  using zip_internal::Le;
  std::map<std::string, std::string> entries;
  const size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos || end + 22 > zip.size()) return {};
  const uint32_t count = Le(zip, end + 10, 2);
  size_t at = Le(zip, end + 16, 4);
  for (uint32_t i = 0; i < count; ++i) {
    if (at + 46 > zip.size() || Le(zip, at, 4) != 0x02014b50) return {};
    const uint32_t method = Le(zip, at + 10, 2);
    const uint32_t compressed_size = Le(zip, at + 20, 4);
    const uint32_t size = Le(zip, at + 24, 4);
    const uint32_t name_length = Le(zip, at + 28, 2);
    const uint32_t extra_length = Le(zip, at + 30, 2);
    const uint32_t comment_length = Le(zip, at + 32, 2);
    const uint32_t local = Le(zip, at + 42, 4);
    const std::string name = zip.substr(at + 46, name_length);
    if (local + 30 > zip.size()) return {};
    const size_t data = local + 30 + Le(zip, local + 26, 2) + Le(zip, local + 28, 2);
    const std::string stored = zip.substr(data, compressed_size);
    std::string contents;
    if (method == 0) {
      contents = stored;
    } else if (method != 8 || !zip_internal::Inflate(stored, size, contents)) {
      return {};
    }
    entries[name] = contents;
    at += 46 + name_length + extra_length + comment_length;
  }
  return entries;
}

}  // namespace treaty::test
