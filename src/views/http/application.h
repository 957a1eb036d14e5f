// The request → response function of the server, separate from sockets: tests call Handle with a
// request they build, the Beast server (server.h) with the requests it reads. Everything every
// request goes through is here, once: the path check, the route table, authentication (an API
// token, else the session cookie), the role check, CSRF on cookie-authenticated writes, the body
// limit, security headers, the JSON-lines request log and the metrics.
//
// Thread-safe: Handle may run on any number of threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/result.h"
#include "views/http/http_message.h"
#include "views/http/metrics.h"
#include "views/http/query_parameters.h"
#include "views/http/router.h"
#include "views/http/site.h"

namespace treaty::http {

inline constexpr const char* kSessionCookie = "treaty_session";
inline constexpr int64_t kSessionSeconds = 8 * 3600;
// The metrics' route label of a request that matched no route or was refused before routing.
inline constexpr const char* kUnmatchedRoute = "unmatched";

class Application {
 public:
  // Loads the site (Site::Load), the query parameters of its API document (the web folder's
  // openapi.json) and builds the route table. `log`: where request lines go (one
  // JSON object a line), or null for none; it must outlive the application.
  static Result<std::unique_ptr<Application>> Create(const SiteOptions& options, std::ostream* log);

  HttpResponse Handle(const HttpRequest& request);

  // The answer to a request the server refused before it could be handled (its framing, its
  // limits, its Host): an error of `status` with `message`, JSON or a page as the path's route
  // answers (else JSON under /api/ and a page elsewhere), with the security headers, logged and
  // counted (route "unmatched") as every response is. `request` holds what was read of it.
  HttpResponse Refuse(const HttpRequest& request, int status, std::string_view message);

  // The answer to a request that can be refused on its header alone, before its body is read
  // (for a client that waits with Expect: 100-continue): no such path or method, a bad path or
  // query, no or an unknown sign-in, or a role that may not. Logged and counted as every response
  // is. nullopt when only the body can tell (a form's CSRF token among them).
  std::optional<HttpResponse> RefuseBeforeBody(const HttpRequest& request);

  const Router& router() const { return router_; }
  // For adding routes before the application serves; not while it does.
  Router& mutable_router() { return router_; }
  Site& site() { return *site_; }
  Metrics& metrics() { return metrics_; }

 private:
  Application() = default;

  // The handler's response, or why the request stops before it; sets the route's pattern, the
  // context once routed, and the failure of a handler that threw.
  HttpResponse Respond(const HttpRequest& request, std::string& route_name,
                       std::optional<RequestContext>& context, std::string& failure);
  // Routes the request and admits its caller, none of which reads the body: sets the route, its
  // pattern and the context; returns a response when the request stops here.
  std::optional<HttpResponse> Gate(const HttpRequest& request, std::string& route_name,
                                   std::optional<RequestContext>& context, const Route*& route);
  // Authenticates and checks access; returns a response when the request stops here.
  std::optional<HttpResponse> Admit(const Route& route, RequestContext& context);
  // A request signed in by cookie that changes something must carry the session's CSRF token, in
  // X-CSRF-Token or a form's `csrf` field; the 403 when it does not.
  static std::optional<HttpResponse> CsrfRefusal(const Route& route, const RequestContext& context);
  // What every response gets: a 401's challenge, security and caching headers, no body for HEAD,
  // the metrics and the log line.
  HttpResponse Finish(const HttpRequest& request, HttpResponse response,
                      const std::string& route_name, const RequestContext* context,
                      std::chrono::steady_clock::time_point start, const std::string& failure);
  // The route of the request's path for its method, else one for another method; null for none.
  const Route* RouteOfPath(const HttpRequest& request) const;
  // For a GET or HEAD of a path with one '/' at its end ("/commitments/") whose path without it
  // is a page: a 308 to that path, its query kept. nullopt otherwise (API paths included: their
  // clients use the documented path).
  std::optional<HttpResponse> MovedWithoutTrailingSlash(const HttpRequest& request) const;
  void Log(const HttpRequest& request, const std::string& path, const HttpResponse& response,
           const RequestContext* context, double seconds, const std::string& failure);

  std::unique_ptr<Site> site_;
  QueryParameters query_parameters_;  // of the API routes; others go unchecked
  Router router_;
  Metrics metrics_;
  std::ostream* log_ = nullptr;
  std::mutex log_mutex_;
};

}  // namespace treaty::http
