#include "views/http/http_message.h"

#include <algorithm>

#include <boost/algorithm/string/predicate.hpp>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "ledger/canonical_json.h"
#include "text/percent_decoding.h"

namespace treaty::http {
namespace {

using text::DecodePercents;
using text::PercentDecoding;

std::string_view QueryPart(std::string_view target) {
  const size_t mark = target.find('?');
  return mark == std::string_view::npos ? std::string_view() : target.substr(mark + 1);
}

}  // namespace

std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) segments.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool IsHttpMethod(std::string_view method) {
  for (const char* known :
       {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}) {
    if (method == known) return true;
  }
  return false;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

// Calls `visit(name, value, decoding)` for each non-empty pair of `text`, in order: `name` and
// `value` percent-decoded when `decoding` is kDecodes; otherwise why the pair does not decode, and
// `name` as written when the name is what does not.
template <typename Visit>
void ForEachUrlEncodedPair(std::string_view text, Visit&& visit) {
  while (!text.empty()) {
    const size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    std::string name;
    std::string value;
    PercentDecoding decoding = DecodePercents(pair.substr(0, eq), true, name);
    if (decoding != PercentDecoding::kDecodes) {
      name = std::string(pair.substr(0, eq));
    } else if (eq != std::string_view::npos) {
      decoding = DecodePercents(pair.substr(eq + 1), true, value);
    }
    visit(std::move(name), std::move(value), decoding);
  }
}

// Calls `visit(name, value)` for each pair of `text` that decodes, in order.
template <typename Visit>
void ForEachDecodedPair(std::string_view text, Visit&& visit) {
  ForEachUrlEncodedPair(text, [&](std::string name, std::string value, PercentDecoding decoding) {
    if (decoding == PercentDecoding::kDecodes) visit(std::move(name), std::move(value));
  });
}

}  // namespace

std::map<std::string, std::string> ParseUrlEncoded(std::string_view text) {
  std::map<std::string, std::string> fields;
  ForEachDecodedPair(text, [&](std::string name, std::string value) {
    fields.emplace(std::move(name), std::move(value));
  });
  return fields;
}

std::string_view HttpRequest::RawPath() const {
  return std::string_view(target).substr(0, target.find('?'));
}

std::string HttpRequest::Path() const {
  const std::string_view raw = RawPath();
  if (raw.empty() || raw.front() != '/') return "";
  std::string path;
  if (DecodePercents(raw, false, path) != PercentDecoding::kDecodes) return "";
  return path;
}

std::optional<std::vector<std::string>> HttpRequest::DecodedSegments() const {
  const std::string_view raw = RawPath();
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  std::vector<std::string> segments = PathSegments(raw);
  for (std::string& segment : segments) {
    std::string decoded;
    if (DecodePercents(segment, false, decoded) != PercentDecoding::kDecodes) {
      return std::nullopt;
    }
    segment = std::move(decoded);
  }
  return segments;
}

std::map<std::string, std::string> HttpRequest::Query() const {
  std::map<std::string, std::string> query = ParseUrlEncoded(QueryPart(target));
  for (auto& [name, value] : query) value = std::string(TrimWhitespace(value));
  return query;
}

std::string HttpRequest::Header(std::string_view name) const {
  const auto found = headers.find(std::string(name));
  return found == headers.end() ? "" : found->second;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  const std::string header = Header("cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return "";
}

std::map<std::string, std::string> HttpRequest::Form() const { return ParseUrlEncoded(body); }

std::vector<std::string> HttpRequest::FormValues(std::string_view name) const {
  std::vector<std::string> values;
  ForEachDecodedPair(body, [&](std::string field, std::string value) {
    if (field == name) values.push_back(std::move(value));
  });
  return values;
}

std::string_view TrimWhitespace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsCount(const std::string& text) {
  return !text.empty() && text.size() <= 15 &&
         text.find_first_not_of("0123456789") == std::string::npos;
}

std::string StringMember(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

bool IsMediaType(std::string_view content_type, std::string_view type) {
  return boost::algorithm::iequals(TrimWhitespace(content_type.substr(0, content_type.find(';'))),
                                   type);
}

bool IsFormMediaType(std::string_view content_type) {
  return IsMediaType(content_type, "application/x-www-form-urlencoded");
}

HttpResponse BodyErrorResponse(const Error& error) {
  return ErrorResponse(error.where == "content-type" ? 415 : 400, error.ToString());
}

std::vector<std::string> RepeatedNames(std::string_view pairs,
                                       const std::set<std::string>& may_repeat) {
  std::set<std::string> seen;
  std::vector<std::string> repeated;
  ForEachUrlEncodedPair(pairs, [&](std::string name, std::string, PercentDecoding) {
    if (!seen.insert(name).second && !may_repeat.contains(name) &&
        std::find(repeated.begin(), repeated.end(), name) == repeated.end()) {
      repeated.push_back(std::move(name));
    }
  });
  return repeated;
}

namespace {

std::string UndecodableText(const std::string& name, PercentDecoding decoding) {
  return name + (decoding == PercentDecoding::kNulByte ? ": a NUL byte (%00) is not allowed"
                                                       : ": malformed percent-encoding");
}

}  // namespace

std::string UndecodablePair(std::string_view pairs) {
  std::string problem;
  ForEachUrlEncodedPair(pairs, [&](std::string name, std::string, PercentDecoding decoding) {
    if (problem.empty() && decoding != PercentDecoding::kDecodes)
      problem = UndecodableText(name, decoding);
  });
  return problem;
}

std::string QueryProblem(std::string_view target) {
  std::set<std::string> seen;
  std::string problem;
  ForEachUrlEncodedPair(QueryPart(target),
                        [&](std::string name, std::string, PercentDecoding decoding) {
                          if (!problem.empty()) return;
                          if (decoding != PercentDecoding::kDecodes) {
                            problem = UndecodableText(name, decoding);
                          } else if (!seen.insert(name).second) {
                            problem = name + ": given more than once";
                          }
                        });
  return problem;
}

Result<nlohmann::json> JsonObjectBody(const HttpRequest& request) {
  if (!IsMediaType(request.Header("content-type"), "application/json")) {
    return Error{"send the body as application/json", "content-type"};
  }
  if (ledger::TooDeepAt(request.body)) {
    return Error{
        fmt::format("the body nests arrays and objects more than {} deep", ledger::kMaxJsonDepth),
        "body"};
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    // The strict reader places the fault, as `treaty record` does on stdin.
    Result<std::string> placed = ledger::CanonicalizeText(request.body);
    if (!placed.ok() && !placed.error().where.empty()) {
      return Error{placed.error().message, "body: " + placed.error().where};
    }
    return Error{"the body is not valid JSON", "body"};
  }
  if (!body.is_object()) return Error{"the body must be a JSON object", "body"};
  // nlohmann keeps the last of repeated names; the ledger's strict reader refuses them (§1.5).
  Result<std::string> strict = ledger::CanonicalizeText(request.body);
  if (!strict.ok() && ledger::IsDuplicateMemberName(strict.error())) {
    return strict.error();
  }
  return body;
}

HttpResponse JsonResponse(const nlohmann::json& value, int status) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  response.body = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  response.body += '\n';
  return response;
}

HttpResponse ErrorResponse(int status, std::string_view message) {
  return JsonResponse({{"error", {{"status", status}, {"message", std::string(message)}}}}, status);
}

HttpResponse FieldErrorResponse(int status, std::string_view path, std::string_view message) {
  const nlohmann::json field = {{"path", std::string(path)}, {"message", std::string(message)}};
  return JsonResponse({{"error",
                        {{"status", status},
                         {"message", fmt::format("{}: {}", path, message)},
                         {"fields", nlohmann::json::array({field})}}}},
                      status);
}

HttpResponse WithLogDetail(HttpResponse response, const Error& error) {
  response.log_detail = error.ToString();
  return response;
}

HttpResponse ServerFailure(int status, std::string_view message, const Error& error) {
  return WithLogDetail(ErrorResponse(status, message), error);
}

std::string_view StatusReason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "";
  }
}

}  // namespace treaty::http
