#include "views/http/application.h"

#include <sodium.h>

#include <boost/algorithm/string/predicate.hpp>

#include <chrono>
#include <exception>

#include "views/http/page.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

bool IsSafeMethod(const std::string& method) { return method == "GET" || method == "HEAD"; }

// A path is served only when it is absolute and has no empty, "." or ".." segment after
// decoding, and no backslash or control character.
bool IsCleanPath(const std::string& path) {
  if (path.empty() || path.front() != '/') return false;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  for (const std::string& segment : PathSegments(path)) {
    if (segment == "." || segment == "..") return false;
  }
  // No empty segment: "//" inside, or "/" at the end of anything but the root.
  return path.find("//") == std::string::npos && (path.size() == 1 || path.back() != '/');
}

HttpResponse Problem(const Route* route, const std::string& path, int status,
                     const std::string& message) {
  const bool api =
      route != nullptr ? route->api : !path.starts_with("/") || path.starts_with("/api/");
  return api ? ErrorResponse(status, message) : ProblemPage(status, message);
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
  app->log_ = log;
  AddOperationsRoutes(app->router_, *app->site_, app->metrics_);
  AddAccountRoutes(app->router_, *app->site_);
  AddAgreementRoutes(app->router_, *app->site_);
  AddLedgerRoutes(app->router_, *app->site_);
  AddExportRoutes(app->router_, *app->site_);
  AddStatusRoutes(app->router_, *app->site_);
  AddReviewRoutes(app->router_, *app->site_);
  AddPageRoutes(app->router_, *app->site_);
  return app;
}

std::optional<HttpResponse> Application::Admit(const Route& route, RequestContext& context) {
  const HttpRequest& request = context.request;
  const std::string authorization = request.Header("authorization");
  bool by_cookie = false;
  if (!authorization.empty()) {
    // The scheme's name is case-insensitive (RFC 9110 §11.1).
    if (!boost::algorithm::istarts_with(authorization, "Bearer ")) {
      HttpResponse response = ErrorResponse(401, "the Authorization header takes a Bearer token");
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    }
    Result<std::optional<User>> user = site_->accounts().UserByToken(authorization.substr(7));
    if (!user.ok()) return ServerFailure(500, "the account store failed", user.error());
    if (!user.value()) {
      HttpResponse response = ErrorResponse(401, "unknown, expired or revoked API token");
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
      by_cookie = true;
    }
  }

  if (route.access != Access::kPublic) {
    if (!context.user) {
      if (!route.api) {
        HttpResponse response;
        response.status = 303;
        response.headers.emplace_back("Location", "/signin?next=" + PercentEncode(request.Path()));
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
      return Problem(&route, request.Path(), 403,
                     "this needs the role " + std::string(AccessName(route.access)) + "; you are " +
                         std::string(RoleName(role)));
    }
  }

  if (by_cookie && !IsSafeMethod(request.method)) {
    std::string sent = request.Header("x-csrf-token");
    if (sent.empty() && IsFormMediaType(request.Header("content-type"))) {
      const auto form = request.Form();
      if (const auto found = form.find("csrf"); found != form.end()) sent = found->second;
    }
    if (sent.empty() || sent.size() != context.csrf.size() ||
        sodium_memcmp(sent.data(), context.csrf.data(), sent.size()) != 0) {
      return Problem(&route, request.Path(), 403,
                     "the form is stale or not from this site (CSRF token missing or wrong)");
    }
  }
  return std::nullopt;
}

HttpResponse Application::Handle(const HttpRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  metrics_.RequestStarted();
  const std::string path = request.Path();
  HttpResponse response;
  std::string route_name = "unmatched";
  std::optional<RequestContext> context;
  std::string failure;
  if (request.body.size() > kMaxBodyBytes) {
    response = ErrorResponse(413, "the body is larger than 1 MiB");
  } else if (!IsCleanPath(path)) {
    // A path that does not decode (a NUL byte) is empty: the target says page or API.
    response = Problem(nullptr, path.empty() ? request.target : path, 400, "bad request path");
  } else if (const std::string repeated = RepeatedQueryName(request.target); !repeated.empty()) {
    response = Problem(nullptr, path, 400, repeated + ": given more than once");
  } else {
    RouteMatch match = router_.Match(request.method, path);
    if (match.route == nullptr && !match.allowed.empty()) {
      response = Problem(match.same_path, path, 405, "method not allowed here");
      std::string allow;
      for (const std::string& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
      response.headers.emplace_back("Allow", allow);
    } else if (match.route == nullptr) {
      response = Problem(nullptr, path, 404, "no such page or resource");
    } else {
      route_name = match.route->pattern;
      context.emplace(RequestContext{request, std::move(match.params), std::nullopt, "", ""});
      if (std::optional<HttpResponse> stop = Admit(*match.route, *context)) {
        response = std::move(*stop);
      } else {
        try {
          response = match.route->handler(*context);
        } catch (const std::exception& e) {
          failure = e.what();
          response = Problem(match.route, path, 500, "internal error");
        }
      }
    }
  }
  AddSecurityHeaders(response);
  AddCachingHeaders(response, context && context->user);
  if (request.method == "HEAD") {
    response.omitted_body_size = response.Body().size();
    response.body.clear();
    response.shared_body.reset();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Record(route_name, request.method, response.status, seconds);
  metrics_.RequestFinished();
  Log(request, path, response, context ? &*context : nullptr, seconds, failure);
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
