#include "views/http/router.h"

#include <algorithm>

namespace treaty::http {
namespace {

// A decoded segment holding a '/' (sent as "%2F") matches nothing: it is one segment, not two,
// and no resource here is named with a slash (RFC 3986 §2.2).
bool MatchPattern(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                  std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& segment = pattern[i];
    if (path[i].find('/') != std::string::npos) return false;
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      params[segment.substr(1, segment.size() - 2)] = path[i];
    } else if (segment != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view AccessName(Access access) {
  switch (access) {
    case Access::kPublic:
      return "public";
    case Access::kSignedIn:
      return "signed-in";
    case Access::kRecorder:
      return "recorder";
    case Access::kReviewer:
      return "reviewer";
    case Access::kAdmin:
      return "admin";
  }
  return "public";
}

void Router::Add(Route route) {
  pattern_segments_.push_back(PathSegments(route.pattern));
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(const std::string& method,
                         const std::vector<std::string>& segments) const {
  RouteMatch match;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    std::map<std::string, std::string> params;
    if (!MatchPattern(pattern_segments_[i], segments, params)) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      match.route = &route;
      match.params = std::move(params);
      match.allowed.clear();
      match.same_path = nullptr;
      return match;
    }
    if (match.same_path == nullptr) match.same_path = &route;
    match.allowed.push_back(route.method);
    if (route.method == "GET") match.allowed.emplace_back("HEAD");
  }
  std::sort(match.allowed.begin(), match.allowed.end());
  match.allowed.erase(std::unique(match.allowed.begin(), match.allowed.end()), match.allowed.end());
  return match;
}

}  // namespace treaty::http
