#include "views/http/content_coding.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "views/http/http_message.h"

namespace treaty::http {
namespace {

constexpr int kGzipWindowBits = 15 + 16;  // 15: the largest window; +16: a gzip wrapper
constexpr int kMemoryLevel = 8;

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// True when the parameters after a coding's name set its weight to zero ("q=0", "q=0.000").
bool WeightIsZero(std::string_view parameters) {
  while (!parameters.empty()) {
    const size_t semicolon = parameters.find(';');
    std::string_view parameter = TrimWhitespace(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || std::tolower(static_cast<unsigned char>(parameter[0])) != 'q' ||
        parameter[1] != '=') {
      continue;
    }
    const std::string_view weight = TrimWhitespace(parameter.substr(2));
    return !weight.empty() && weight.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

}  // namespace

std::string Gzip(std::string_view body) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, kGzipWindowBits, kMemoryLevel, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("zlib: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, body.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  bool gzip = false;
  bool any = false;
  bool gzip_listed = false;
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    const std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
    const size_t semicolon = item.find(';');
    const std::string_view name = TrimWhitespace(item.substr(0, semicolon));
    const bool zero =
        semicolon != std::string_view::npos && WeightIsZero(item.substr(semicolon + 1));
    if (EqualsIgnoringCase(name, "gzip") || EqualsIgnoringCase(name, "x-gzip")) {
      gzip_listed = true;
      gzip = !zero;
    } else if (name == "*") {
      any = !zero;
    }
  }
  return gzip_listed ? gzip : any;
}

}  // namespace treaty::http
