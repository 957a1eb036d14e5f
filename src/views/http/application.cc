#include "views/http/application.h"

#include <sodium.h>

#include <boost/algorithm/string/predicate.hpp>

#include <chrono>
#include <exception>

#include "text/source_reader.h"
#include "views/http/page.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

bool IsSafeMethod(const std::string& method) { return method == "GET" || method == "HEAD"; }

// The decoded segments of a path that may be served: absolute, without an empty segment ("//"
// inside, or a '/' at the end of anything but the root), each segment decoding to neither "." nor
// "..", without a backslash or control character. For any other path, what is wrong with it.
Result<std::vector<std::string>> CleanSegments(const HttpRequest& request) {
  const std::string_view raw = request.RawPath();
  if (raw.find("//") != std::string_view::npos) {
    return Error{"bad request path: an empty segment (\"//\")", ""};
  }
  if (raw.size() > 1 && raw.back() == '/') {
    return Error{"bad request path: a '/' at its end", ""};
  }
  std::optional<std::vector<std::string>> segments = request.DecodedSegments();
  if (!segments) {
    return Error{"bad request path: not a path, or a '%' not followed by two hex digits, or %00",
                 ""};
  }
  for (const std::string& segment : *segments) {
    if (segment == "." || segment == "..") {
      return Error{"bad request path: a \".\" or \"..\" segment", ""};
    }
    for (unsigned char c : segment) {
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return Error{"bad request path: a control character or '\\'", ""};
      }
    }
  }
  return std::move(*segments);
}

// Where signing in leads back to: the target as received, query included, for a page one fetches;
// for a form sent with POST, to which the browser would come back with GET, the page that holds
// the form: the page of the same path (/record), else the page one segment up at the part the
// segment names (/commitments/ID#reviews). The overview when neither is a page.
std::string PageAfterSignIn(const Router& router, const HttpRequest& request) {
  if (IsSafeMethod(request.method)) return request.target;
  std::optional<std::vector<std::string>> segments = request.DecodedSegments();
  const auto is_page = [&router](const std::vector<std::string>& path) {
    const RouteMatch match = router.Match("GET", path);
    return match.route != nullptr && !match.route->api;
  };
  if (!segments || segments->empty()) return "/";
  const std::string path(request.RawPath());
  if (is_page(*segments)) return path;
  const std::string part = segments->back();
  segments->pop_back();
  if (segments->empty() || !is_page(*segments)) return "/";
  return path.substr(0, path.rfind('/')) + "#" + part;
}

// An error as JSON or as a page: as `route` answers, else as the path `raw_path` suggests (JSON
// under /api/ and for a target that is no path).
HttpResponse Problem(const Route* route, std::string_view raw_path, int status,
                     const std::string& message) {
  const bool api =
      route != nullptr ? route->api : !raw_path.starts_with("/") || raw_path.starts_with("/api/");
  return api ? ErrorResponse(status, message) : ProblemPage(status, message);
}

// The token of an Authorization header of the Bearer scheme: the scheme's name in any case (RFC
// 9110 §11.1), one or more spaces or tabs (§11.4), the token. nullopt for another scheme or none.
std::optional<std::string> BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer";
  if (authorization.size() <= kScheme.size() ||
      !boost::algorithm::iequals(authorization.substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  const std::string_view rest = authorization.substr(kScheme.size());
  const std::string_view token = TrimWhitespace(rest);
  if ((rest.front() != ' ' && rest.front() != '\t') || token.empty()) return std::nullopt;
  return std::string(token);
}

// A 401 carries a challenge (RFC 9110 §11.6.1): those that say nothing more, as a failed sign-in,
// name the scheme the API takes, as the other 401s do.
void AddChallenge(HttpResponse& response) {
  if (response.status != 401) return;
  for (const auto& [key, value] : response.headers) {
    if (key == "WWW-Authenticate") return;
  }
  response.headers.emplace_back("WWW-Authenticate", "Bearer");
}

void AddSecurityHeaders(HttpResponse& response) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  if (response.content_type.starts_with("text/html")) {
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
  }
}

bool HasHeader(const HttpResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return true;
  }
  return false;
}

// What may keep a response: unless the handler said (static files, the status document), it
// depends on who asks, so caches key it by the credentials; and one made for a signed-in caller
// (restricted events, a new token shown once, a form's CSRF token) or setting a cookie is kept by
// none.
void AddCachingHeaders(HttpResponse& response, bool signed_in) {
  if (HasHeader(response, "Cache-Control")) return;
  if (!HasHeader(response, "Vary")) response.headers.emplace_back("Vary", "Authorization, Cookie");
  if (signed_in || HasHeader(response, "Set-Cookie")) {
    response.headers.emplace_back("Cache-Control", "private, no-store");
  }
}

}  // namespace

Result<std::unique_ptr<Application>> Application::Create(const SiteOptions& options,
                                                         std::ostream* log) {
  Result<std::unique_ptr<Site>> site = Site::Load(options);
  if (!site.ok()) return site.error();
  std::unique_ptr<Application> app(new Application());
  app->site_ = std::move(site).value();
  const std::string openapi_file = app->site_->options().web_root + "/openapi.json";
  Result<std::string> openapi = text::ReadFile(openapi_file);
  if (!openapi.ok()) return openapi.error();
  Result<QueryParameters> parameters = QueryParameters::Read(openapi.value(), openapi_file);
  if (!parameters.ok()) return parameters.error();
  app->query_parameters_ = std::move(parameters).value();
  app->log_ = log;
  AddOperationsRoutes(app->router_, *app->site_, app->metrics_, std::move(openapi).value());
  AddAccountRoutes(app->router_, *app->site_);
  AddAgreementRoutes(app->router_, *app->site_);
  AddLedgerRoutes(app->router_, *app->site_);
  AddExportRoutes(app->router_, *app->site_);
  AddStatusRoutes(app->router_, *app->site_);
  AddReviewRoutes(app->router_, *app->site_);
  SetTemplateRoot(app->site_->options().web_root);
  AddOverviewPage(app->router_, *app->site_);
  AddTextPage(app->router_, *app->site_);
  AddCommitmentPages(app->router_, *app->site_);
  AddLedgerPage(app->router_, *app->site_);
  AddRecordPages(app->router_, *app->site_);
  AddSearchPage(app->router_, *app->site_);
  return app;
}

std::optional<HttpResponse> Application::Admit(const Route& route, RequestContext& context) {
  const HttpRequest& request = context.request;
  const std::string authorization = request.Header("authorization");
  if (!authorization.empty()) {
    const std::optional<std::string> token = BearerToken(authorization);
    if (!token) {
      HttpResponse response =
          Problem(&route, request.RawPath(), 401, "the Authorization header takes a Bearer token");
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    }
    Result<std::optional<User>> user = site_->accounts().UserByToken(*token);
    if (!user.ok()) return ServerFailure(500, "the account store failed", user.error());
    if (!user.value()) {
      HttpResponse response =
          Problem(&route, request.RawPath(), 401, "unknown, expired or revoked API token");
      response.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return response;
    }
    context.user = user.value();
  } else if (const std::string session = request.Cookie(kSessionCookie); !session.empty()) {
    Result<std::optional<SessionUser>> found = site_->accounts().FindSession(session);
    if (!found.ok()) return ServerFailure(500, "the account store failed", found.error());
    if (found.value()) {
      context.user = found.value()->user;
      context.csrf = found.value()->csrf;
      context.session = session;
    }
  }

  if (route.access != Access::kPublic) {
    if (!context.user) {
      if (!route.api) {
        HttpResponse response;
        response.status = 303;
        // LocalPath checks the page there.
        response.headers.emplace_back(
            "Location", "/signin?next=" + PercentEncode(PageAfterSignIn(router_, request)));
        return response;
      }
      HttpResponse response = ErrorResponse(401, "sign in or send an API token");
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    }
    const Role role = context.user->role;
    const bool allowed = route.access == Access::kSignedIn ||
                         (route.access == Access::kRecorder && role == Role::kRecorder) ||
                         (route.access == Access::kReviewer && role == Role::kReviewer) ||
                         (route.access == Access::kAdmin && role == Role::kAdmin);
    if (!allowed) {
      return Problem(&route, request.RawPath(), 403,
                     "this needs the role " + std::string(AccessName(route.access)) + "; you are " +
                         std::string(RoleName(role)));
    }
  }

  return std::nullopt;
}

std::optional<HttpResponse> Application::CsrfRefusal(const Route& route,
                                                     const RequestContext& context) {
  const HttpRequest& request = context.request;
  if (!context.session.empty() && !IsSafeMethod(request.method)) {
    std::string sent = request.Header("x-csrf-token");
    if (sent.empty() && IsFormMediaType(request.Header("content-type"))) {
      const auto form = request.Form();
      if (const auto found = form.find("csrf"); found != form.end()) sent = found->second;
    }
    if (sent.empty() || sent.size() != context.csrf.size() ||
        sodium_memcmp(sent.data(), context.csrf.data(), sent.size()) != 0) {
      // An API client sends the token POST /api/v1/session gave it; a page's form carries it.
      return Problem(&route, request.RawPath(), 403,
                     route.api ? "a request signed in with the session cookie needs its CSRF "
                                 "token in the X-CSRF-Token header (missing or wrong)"
                               : "the form is stale or not from this site (CSRF token missing or "
                                 "wrong)");
    }
  }
  return std::nullopt;
}

HttpResponse Application::Handle(const HttpRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  metrics_.RequestStarted();
  std::string route_name = kUnmatchedRoute;
  std::optional<RequestContext> context;
  std::string failure;
  HttpResponse response = Respond(request, route_name, context, failure);
  return Finish(request, std::move(response), route_name, context ? &*context : nullptr, start,
                failure);
}

HttpResponse Application::Refuse(const HttpRequest& request, int status, std::string_view message) {
  const auto start = std::chrono::steady_clock::now();
  metrics_.RequestStarted();
  HttpResponse response =
      Problem(RouteOfPath(request), request.RawPath(), status, std::string(message));
  return Finish(request, std::move(response), kUnmatchedRoute, nullptr, start, "");
}

const Route* Application::RouteOfPath(const HttpRequest& request) const {
  const Result<std::vector<std::string>> segments = CleanSegments(request);
  if (!segments.ok()) return nullptr;
  const RouteMatch match = router_.Match(request.method, segments.value());
  return match.route != nullptr ? match.route : match.same_path;
}

std::optional<HttpResponse> Application::MovedWithoutTrailingSlash(
    const HttpRequest& request) const {
  const std::string_view raw_path = request.RawPath();
  if (!IsSafeMethod(request.method) || raw_path.size() < 2 || !raw_path.ends_with('/')) {
    return std::nullopt;
  }
  HttpRequest without = request;
  without.target =
      std::string(raw_path.substr(0, raw_path.size() - 1)) + request.target.substr(raw_path.size());
  const Result<std::vector<std::string>> segments = CleanSegments(without);
  if (!segments.ok()) return std::nullopt;
  const Route* route = router_.Match(request.method, segments.value()).route;
  if (route == nullptr || route->api) return std::nullopt;
  HttpResponse response;
  response.status = 308;
  response.headers.emplace_back("Location", without.target);
  return response;
}

std::optional<HttpResponse> Application::RefuseBeforeBody(const HttpRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  std::string route_name = kUnmatchedRoute;
  std::optional<RequestContext> context;
  const Route* route = nullptr;
  std::optional<HttpResponse> refusal = Gate(request, route_name, context, route);
  if (!refusal) return std::nullopt;
  metrics_.RequestStarted();
  return Finish(request, std::move(*refusal), route_name, context ? &*context : nullptr, start, "");
}

std::optional<HttpResponse> Application::Gate(const HttpRequest& request, std::string& route_name,
                                              std::optional<RequestContext>& context,
                                              const Route*& route) {
  const std::string_view raw_path = request.RawPath();
  if (!IsHttpMethod(request.method)) {
    // Answered in the form of the route of its path (JSON for /healthz, a page for a page).
    return Problem(RouteOfPath(request), raw_path, 501,
                   "the method " + request.method + " is not implemented");
  }
  Result<std::vector<std::string>> segments = CleanSegments(request);
  if (!segments.ok()) {
    if (std::optional<HttpResponse> moved = MovedWithoutTrailingSlash(request)) return moved;
    return Problem(nullptr, raw_path, 400, segments.error().message);
  }
  if (const std::string problem = QueryProblem(request.target); !problem.empty()) {
    return Problem(nullptr, raw_path, 400, problem);
  }
  RouteMatch match = router_.Match(request.method, segments.value());
  if (match.route == nullptr && !match.allowed.empty()) {
    HttpResponse response = Problem(match.same_path, raw_path, 405, "method not allowed here");
    std::string allow;
    for (const std::string& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  if (match.route == nullptr) return Problem(nullptr, raw_path, 404, "no such page or resource");
  route = match.route;
  route_name = route->pattern;
  context.emplace(RequestContext{request, std::move(match.params), std::nullopt, "", ""});
  if (std::optional<HttpResponse> stop = Admit(*route, *context)) return stop;
  if (route->api) {
    const std::string problem =
        query_parameters_.Problem(route->method, route->pattern, request.Query());
    if (!problem.empty()) return Problem(route, raw_path, 400, problem);
  }
  return std::nullopt;
}

HttpResponse Application::Respond(const HttpRequest& request, std::string& route_name,
                                  std::optional<RequestContext>& context, std::string& failure) {
  if (request.body.size() > kMaxBodyBytes) {
    return ErrorResponse(413, "the body is larger than 1 MiB");
  }
  const Route* route = nullptr;
  if (std::optional<HttpResponse> stop = Gate(request, route_name, context, route)) {
    return std::move(*stop);
  }
  if (std::optional<HttpResponse> stop = CsrfRefusal(*route, *context)) return std::move(*stop);
  const std::string_view raw_path = request.RawPath();
  if (IsFormMediaType(request.Header("content-type"))) {
    if (const std::string problem = UndecodablePair(request.body); !problem.empty()) {
      return Problem(route, raw_path, 400, problem);
    }
  }
  try {
    return route->handler(*context);
  } catch (const std::exception& e) {
    failure = e.what();
    return Problem(route, raw_path, 500, "internal error");
  }
}

HttpResponse Application::Finish(const HttpRequest& request, HttpResponse response,
                                 const std::string& route_name, const RequestContext* context,
                                 std::chrono::steady_clock::time_point start,
                                 const std::string& failure) {
  AddChallenge(response);
  AddSecurityHeaders(response);
  AddCachingHeaders(response, context != nullptr && context->user);
  if (request.method == "HEAD") {
    response.omitted_body_size = response.Body().size();
    response.body.clear();
    response.shared_body.reset();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Record(route_name, request.method, response.status, seconds);
  metrics_.RequestFinished();
  Log(request, std::string(request.RawPath()), response, context, seconds, failure);
  return response;
}

void Application::Log(const HttpRequest& request, const std::string& path,
                      const HttpResponse& response, const RequestContext* context, double seconds,
                      const std::string& failure) {
  if (log_ == nullptr) return;
  const auto now = std::chrono::system_clock::now();
  const int64_t micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  nlohmann::json line = {{"ts", static_cast<double>(micros) / 1e6},
                         {"method", request.method},
                         {"path", path},
                         {"status", response.status},
                         {"bytes", response.Body().size()},
                         {"ms", seconds * 1000},
                         {"remote", request.remote}};
  if (context != nullptr && context->user) line["user"] = context->user->name;
  if (!failure.empty()) {
    line["error"] = failure;
  } else if (!response.log_detail.empty()) {
    line["error"] = response.log_detail;
  }
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(log_mutex_);
  log_->write(text.data(), static_cast<std::streamsize>(text.size()));
  log_->flush();
}

}  // namespace treaty::http
