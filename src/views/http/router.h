// The one route table: method, path pattern, who may call it, and the handler. Patterns are
// literal segments and `{name}` segments that match one non-empty segment. Not thread-safe while
// routes are added; Match is thread-safe afterwards.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "views/http/account_store.h"
#include "views/http/http_message.h"

namespace treaty::http {

// Who may call a route. kPublic: everyone, anonymous visitors included (readers see public data
// only); kSignedIn: any signed-in user; the others: users of that role.
enum class Access { kPublic, kSignedIn, kRecorder, kReviewer, kAdmin };

std::string_view AccessName(Access access);

struct RequestContext {
  const HttpRequest& request;
  std::map<std::string, std::string> params;  // the `{name}` segments, decoded
  std::optional<User> user;                   // nullopt: an anonymous visitor
  std::string csrf;                           // the session's CSRF token when signed in by cookie
  std::string session;                        // the session id when signed in by cookie

  // Restricted events reach recorders, reviewers and admins, never readers or visitors.
  bool SeesRestricted() const { return user && user->role != Role::kReader; }
  const std::string& Param(const std::string& name) const { return params.at(name); }
};

using Handler = std::function<HttpResponse(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kPublic;
  Handler handler;
  bool api = true;  // JSON errors (true) or HTML pages (false)
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::map<std::string, std::string> params;
  // When `route` is null: the methods the routes of this path take (405 with them in Allow; HEAD
  // wherever GET is), else empty (404).
  std::vector<std::string> allowed;
  // When `route` is null: a route of this path for another method, whose kind of error (JSON or
  // page) the 405 takes; else null.
  const Route* same_path = nullptr;
};

class Router {
 public:
  void Add(Route route);
  // The route for `method` and the path's decoded `segments` (HttpRequest::DecodedSegments).
  RouteMatch Match(const std::string& method, const std::vector<std::string>& segments) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> pattern_segments_;  // per route, split once by Add
};

}  // namespace treaty::http
