// The request → response function of the server, separate from sockets: tests call Handle with a
// request they build, the Beast server (server.h) with the requests it reads. Everything every
// request goes through is here, once: the path check, the route table, authentication (an API
// token, else the session cookie), the role check, CSRF on cookie-authenticated writes, the body
// limit, security headers, the JSON-lines request log and the metrics.
//
// Thread-safe: Handle may run on any number of threads at once.
#pragma once

#include <memory>
#include <mutex>
#include <ostream>

#include "core/result.h"
#include "views/http/http_message.h"
#include "views/http/metrics.h"
#include "views/http/router.h"
#include "views/http/site.h"

namespace treaty::http {

inline constexpr const char* kSessionCookie = "treaty_session";
inline constexpr int64_t kSessionSeconds = 8 * 3600;

class Application {
 public:
  // Loads the site (Site::Load) and builds the route table. `log`: where request lines go (one
  // JSON object a line), or null for none; it must outlive the application.
  static Result<std::unique_ptr<Application>> Create(const SiteOptions& options, std::ostream* log);

  HttpResponse Handle(const HttpRequest& request);

  const Router& router() const { return router_; }
  // For adding routes before the application serves; not while it does.
  Router& mutable_router() { return router_; }
  Site& site() { return *site_; }
  Metrics& metrics() { return metrics_; }

 private:
  Application() = default;

  // Authenticates and checks access; returns a response when the request stops here.
  std::optional<HttpResponse> Admit(const Route& route, RequestContext& context);
  void Log(const HttpRequest& request, const std::string& path, const HttpResponse& response,
           const RequestContext* context, double seconds, const std::string& failure);

  std::unique_ptr<Site> site_;
  Router router_;
  Metrics metrics_;
  std::ostream* log_ = nullptr;
  std::mutex log_mutex_;
};

}  // namespace treaty::http
