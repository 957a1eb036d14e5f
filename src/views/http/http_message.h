// The request and response the application sees, independent of sockets and of Beast: the server
// (server.h) converts to and from them, and tests build them directly. Values only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace treaty::http {

inline constexpr size_t kMaxBodyBytes = 1 << 20;  // 1 MiB; larger bodies get 413

struct HttpRequest {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // as received: path and query
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string remote;  // client address, for logs and rate limits

  // The path of `target` (no query) as received, percent-encoded.
  std::string_view RawPath() const;
  // The decoded path (no query), for messages: routes match DecodedSegments, since an
  // encoded '/' ("%2F") is not the '/' that separates segments (RFC 3986 §2.2). Empty when
  // `target` is not an origin-form path or does not decode.
  std::string Path() const;
  // The path's non-empty segments, split at each '/' as received and then each percent-decoded
  // ("/a%2Fb" is the one segment "a/b"; "/" is none). nullopt when `target` is not an
  // origin-form path or a segment does not decode (a bad escape or a NUL byte).
  std::optional<std::vector<std::string>> DecodedSegments() const;
  // Query parameters, percent-decoded ('+' is a space) and read without the white space around
  // them (" 5" is "5"). A repeated name keeps the first value; a pair that does not decode is left
  // out (Application::Handle refuses such a query first).
  std::map<std::string, std::string> Query() const;
  // The header `name` (lower-case), or empty.
  std::string Header(std::string_view name) const;
  // The cookie `name` from the Cookie header, or empty.
  std::string Cookie(std::string_view name) const;
  // Fields of an application/x-www-form-urlencoded body; a repeated name keeps the first value, a
  // field that does not decode is left out (Application::Handle refuses such a form first).
  std::map<std::string, std::string> Form() const;
  // Every value of the form field `name`, in the body's order (a multiple select sends several).
  std::vector<std::string> FormValues(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
  std::string body;
  // When set, the body instead of `body`, shared rather than copied (a large cached document).
  std::shared_ptr<const std::string> shared_body;
  // Set for a HEAD request, whose body is left out: the size of the body a GET would have sent,
  // given as its Content-Length (RFC 9110 §9.3.2) unless the status is 304.
  std::optional<size_t> omitted_body_size;
  // Why the request failed, for the server's request log alone: never sent, since it may name or
  // quote a restricted event that the caller does not see.
  std::string log_detail;

  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : body; }
};

// Splits a path at '/' into its non-empty segments, as written (no decoding).
std::vector<std::string> PathSegments(std::string_view path);

// The methods of HTTP (RFC 9110 §9.3, and PATCH, RFC 5789). Any other is one this server does
// not recognise (501, §9.1).
bool IsHttpMethod(std::string_view method);

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string PercentEncode(std::string_view text);
// Parses name=value pairs joined by '&'; a pair that does not decode is left out.
std::map<std::string, std::string> ParseUrlEncoded(std::string_view text);

// `text` without the optional whitespace (spaces and tabs, RFC 9110 §5.6.3) around it.
std::string_view TrimWhitespace(std::string_view text);

// True when `text` is a count or index for a query parameter: 1 to 15 decimal digits.
bool IsCount(const std::string& text);

// Whether a Content-Type names the media type `type`, e.g. "application/json" (any case, with or
// without parameters; RFC 9110 §8.3.1).
bool IsMediaType(std::string_view content_type, std::string_view type);

// Whether a Content-Type names an HTML form's encoding, application/x-www-form-urlencoded.
bool IsFormMediaType(std::string_view content_type);

// The names that the URL-encoded `pairs` (a query or a form body) give more than once, each
// once, in the order of their second occurrence, but for those of `may_repeat`: a field read once
// would drop a second value unread. A pair whose value does not decode counts too.
std::vector<std::string> RepeatedNames(std::string_view pairs,
                                       const std::set<std::string>& may_repeat = {});

// "NAME: malformed percent-encoding" (a '%' not followed by two hex digits) or "NAME: a NUL byte
// (%00) is not allowed" for the first pair of the URL-encoded `pairs` that does not decode, NAME
// decoded (as written when the name itself does not decode); "" when every pair decodes. Such a
// pair is refused rather than left out, which would ignore the filter or field it gives.
std::string UndecodablePair(std::string_view pairs);
// What is wrong with the query of `target`, in one reading of it: its first pair that does not
// decode (as UndecodablePair says it) or that gives a name again ("NAME: given more than once");
// "" when nothing is.
std::string QueryProblem(std::string_view target);

// The body of an application/json request when it is a JSON object. Errors: where "content-type"
// for another media type, "body" for JSON that does not parse or is not an object, the member's
// path for a member name repeated within one object.
Result<nlohmann::json> JsonObjectBody(const HttpRequest& request);
// The member `name` of a JSON object when it is a string, else "" (absent or another type).
std::string StringMember(const nlohmann::json& object, const char* name);

// `value` as an application/json response (two-space indented).
HttpResponse JsonResponse(const nlohmann::json& value, int status = 200);
// {"error": {"status": STATUS, "message": MESSAGE}} with `status`.
HttpResponse ErrorResponse(int status, std::string_view message);
// The answer to a body JsonObjectBody refused: 415 for its media type, else 400.
HttpResponse BodyErrorResponse(const Error& error);
// ErrorResponse of "PATH: MESSAGE" naming the body's member at `path` in "fields", as an invalid
// event's errors do: [{"path", "message"}].
HttpResponse FieldErrorResponse(int status, std::string_view path, std::string_view message);
// `response` with `error` as why it failed, for the request log (log_detail).
HttpResponse WithLogDetail(HttpResponse response, const Error& error);
// ErrorResponse(status, message) for a failure on the server's side, with `error` in the log.
HttpResponse ServerFailure(int status, std::string_view message, const Error& error);
// The reason phrase of `status` ("Not Found").
std::string_view StatusReason(int status);

}  // namespace treaty::http
