// Sign-in and sign-out, the signed-in user, users and API tokens.
#include <algorithm>
#include <boost/algorithm/string/predicate.hpp>
#include <ctime>

#include <fmt/format.h>

#include "ledger/timestamp.h"

#include "views/http/application.h"
#include "views/http/client_address.h"
#include "views/http/page.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

nlohmann::json UserJson(const User& user) {
  nlohmann::json json = {{"name", user.name}, {"role", RoleName(user.role)}};
  if (!user.institution.empty()) json["institution"] = user.institution;
  return json;
}

// 422 naming the first member of `body` that is not one of `known`, which `what` has ("a token
// has label and expires_in_days"), so that a misspelt or unsupported member is never ignored.
std::optional<HttpResponse> UnknownMember(const nlohmann::json& body,
                                          std::initializer_list<std::string_view> known,
                                          std::string_view what) {
  for (const auto& [member, value] : body.items()) {
    if (std::find(known.begin(), known.end(), member) == known.end()) {
      return FieldErrorResponse(422, member, fmt::format("unknown member: {}", what));
    }
  }
  return std::nullopt;
}

// A user as GET /api/v1/users lists them.
nlohmann::json ListedUserJson(const ListedUser& listed) {
  nlohmann::json json = UserJson(listed.user);
  json["locked"] = listed.locked;
  return json;
}

// The 422 for an institution the keys file does not list; nullopt for one it lists, or none.
std::optional<HttpResponse> UnknownInstitution(Site& site, const std::string& institution) {
  if (institution.empty() || site.keys().FindInstitution(institution) != nullptr) {
    return std::nullopt;
  }
  return FieldErrorResponse(422, "institution", "not in the keys file");
}

// PATCH /api/v1/users/{name}: `role` (with `institution` for a recorder) or `locked: true`, as
// `treaty user role` and `treaty user lock` do; one of the two per request, so that each is whole.
// An admin changes no account of their own, which could lock or demote them by a slip.
HttpResponse ChangeUser(Site& site, RequestContext& context) {
  Result<nlohmann::json> body = JsonObjectBody(context.request);
  if (!body.ok()) return BodyErrorResponse(body.error());
  const nlohmann::json& change = body.value();
  if (std::optional<HttpResponse> unknown =
          UnknownMember(change, {"role", "institution", "locked"},
                        "a user's change has role, institution and locked")) {
    return *unknown;
  }
  if (change.empty()) {
    return FieldErrorResponse(422, "role", "nothing to change: give role or locked");
  }
  if (change.contains("institution") && !change.contains("role")) {
    return FieldErrorResponse(422, "role", "required with institution");
  }
  if (change.contains("locked") && change.contains("role")) {
    return FieldErrorResponse(422, "locked",
                              "a role and a lock are changed by two requests, each whole");
  }
  if (change.contains("locked") && change["locked"] != true) {
    return FieldErrorResponse(
        422, "locked",
        "only true: a locked user is let in again by a new password (treaty user password)");
  }
  Result<std::optional<ListedUser>> found = site.accounts().FindUser(context.Param("name"));
  if (!found.ok()) return ServerFailure(500, "the account store failed", found.error());
  if (!found.value()) return ErrorResponse(404, "no user \"" + context.Param("name") + "\"");
  ListedUser user = std::move(*found.value());
  if (user.user.name == context.user->name) {
    return ErrorResponse(403, "an admin's own account is changed by another admin or treaty user");
  }
  if (change.contains("locked")) {
    Result<bool> locked = site.accounts().Lock(user.user.name);
    if (!locked.ok()) return ServerFailure(500, "the account store failed", locked.error());
    user.locked = true;
    return JsonResponse(ListedUserJson(user));
  }
  const std::optional<Role> role =
      change["role"].is_string() ? ParseRole(change["role"].get<std::string>()) : std::nullopt;
  if (!role) return FieldErrorResponse(422, "role", "one of reader, recorder, reviewer, admin");
  if (change.contains("institution") && !change["institution"].is_string()) {
    return FieldErrorResponse(422, "institution", "a string");
  }
  const std::string institution = StringMember(change, "institution");
  if (std::optional<HttpResponse> refused = UnknownInstitution(site, institution)) {
    return *refused;
  }
  Result<User> changed = site.accounts().SetRole(user.user.name, *role, institution);
  if (!changed.ok() && changed.error().where == "institution") {
    return FieldErrorResponse(422, "institution", changed.error().message);
  }
  if (!changed.ok()) return ServerFailure(500, "the account store failed", changed.error());
  user.user = changed.value();
  return JsonResponse(ListedUserJson(user));
}

nlohmann::json TokenJson(const TokenInfo& token) {
  auto time = [](const std::optional<int64_t>& seconds) -> nlohmann::json {
    if (!seconds) return nullptr;
    return ledger::FormatTimestamp(*seconds * 1000000);
  };
  return {{"id", token.id},
          {"user", token.user},
          {"label", token.label},
          {"created_at", time(token.created_at)},
          {"expires_at", time(token.expires_at)},
          {"revoked_at", time(token.revoked_at)},
          {"state", TokenState(token, std::time(nullptr))}};
}

// The lifetime asked for in a body's `expires_in_days`: absent means kDefaultTokenDays, null
// means none; nullopt in `error` when the value is not one of those or an integer in range.
std::optional<int64_t> TokenLifetime(const nlohmann::json& body, std::string& error) {
  if (!body.contains("expires_in_days")) return kDefaultTokenDays * kSecondsPerDay;
  const nlohmann::json& days = body["expires_in_days"];
  if (days.is_null()) return std::nullopt;
  Result<int64_t> lifetime =
      days.is_number_integer() ? TokenLifetimeOfDays(days.get<int64_t>()) : TokenLifetimeOfDays(0);
  if (lifetime.ok()) return lifetime.value();
  error = lifetime.error().message + ", or null for no expiry";
  return std::nullopt;
}

// The label of a new token: "api" when not given. Errors: not a string (its text is
// AccountStore::CreateToken's to check).
Result<std::string> TokenLabel(const nlohmann::json& body) {
  const auto found = body.find("label");
  if (found == body.end()) return std::string("api");
  if (!found->is_string()) return Error{"a text", "label"};
  return found->get<std::string>();
}

std::string SessionCookie(const Site& site, const std::string& value, int64_t max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie,
                     value, max_age, site.options().secure_cookies ? "; Secure" : "");
}

// The outcome of one sign-in attempt.
struct SignInOutcome {
  int status = 200;  // 200, 401 (wrong name or password), 403, 429 (rate limited), 500
  std::string message;
  std::optional<User> user;
  NewSession session;
  std::string log_detail;               // why a 500 failed (HttpResponse::log_detail)
  std::chrono::seconds retry_after{0};  // 429: how long to wait

  // `response` refusing this sign-in, for the request log and, when rate limited, with how long
  // to wait (RFC 9110 §10.2.3), on the form as in the API.
  HttpResponse Refusal(HttpResponse response) const {
    response.log_detail = log_detail;
    if (status == 429) {
      response.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
    }
    return response;
  }
};

// Whether a browser sent `request` for a page of another site (Fetch Metadata, else its Origin
// against its Host). Such a sign-in would sign the visitor in to an account of the other site's
// choosing (login CSRF); clients that are not browsers send neither header.
bool FromAnotherSite(const HttpRequest& request) {
  if (auto fetch_site = request.headers.find("sec-fetch-site");
      fetch_site != request.headers.end()) {
    return fetch_site->second == "cross-site" || fetch_site->second == "same-site";
  }
  auto origin = request.headers.find("origin");
  if (origin == request.headers.end()) return false;
  const size_t scheme_end = origin->second.find("://");
  auto host = request.headers.find("host");
  // The scheme is not compared: behind a proxy that ends TLS the server cannot know its own.
  return scheme_end == std::string::npos || host == request.headers.end() ||
         !boost::iequals(origin->second.substr(scheme_end + 3), host->second);
}

// Refuses a sign-in from another site's page, then checks the rate limits (per client address and
// per user name) before any hashing, then the password; a success starts a session.
SignInOutcome SignIn(Site& site, const HttpRequest& request, const std::string& name,
                     const std::string& password) {
  if (FromAnotherSite(request)) {
    return {403, "a sign-in from another site's page is refused", std::nullopt, {}, ""};
  }
  RateLimiter& limiter = site.sign_in_limiter();
  const std::string by_remote = "remote:" + ClientBlock(request.remote);
  const std::string by_name = "user:" + StoredName(name);
  if (!limiter.Allowed(by_remote) || !limiter.Allowed(by_name)) {
    const std::chrono::seconds wait = limiter.window();
    return {429,
            fmt::format("too many failed sign-ins; wait {} minutes",
                        std::chrono::ceil<std::chrono::minutes>(wait).count()),
            std::nullopt,
            {},
            "",
            wait};
  }
  Result<std::optional<User>> user = site.accounts().CheckPassword(name, password);
  if (!user.ok()) {
    return {500, "the account store failed", std::nullopt, {}, user.error().ToString()};
  }
  if (!user.value()) {
    limiter.RecordFailure(by_remote);
    limiter.RecordFailure(by_name);
    return {401, "wrong user name or password", std::nullopt, {}, ""};
  }
  limiter.Reset(by_name);
  Result<NewSession> session = site.accounts().CreateSession(user.value()->name, kSessionSeconds);
  if (!session.ok()) {
    return {500, "the account store failed", std::nullopt, {}, session.error().ToString()};
  }
  return {200, "", user.value(), session.value(), ""};
}

HttpResponse SignInPage(const RequestContext& context, const std::string& next,
                        const std::string& name, const std::string& message, int status) {
  ctemplate::TemplateDictionary body("signin");
  body.SetValue("NEXT", LocalPath(next));
  body.SetValue("NAME", name);
  if (!message.empty()) body.SetValueAndShowSection("ERROR", message, "FAILED");
  // Signed in already, the form changes the account, and like every form of a session it carries
  // the session's CSRF token.
  if (context.user) {
    ctemplate::TemplateDictionary* signed_in = body.AddSectionDictionary("SIGNED_IN_AS");
    signed_in->SetValue("USER_NAME", context.user->name);
    signed_in->SetValue("CSRF", context.csrf);
  }
  return RenderPage(context, "signin", "Sign in", "signin.tpl", body, status);
}

}  // namespace

void AddAccountRoutes(Router& router, Site& site) {
  router.Add({"GET", "/signin", Access::kPublic,
              [](RequestContext& context) {
                const auto query = context.request.Query();
                const auto next = query.find("next");
                return SignInPage(context, next == query.end() ? "/" : next->second, "", "", 200);
              },
              false});
  router.Add(
      {"POST", "/signin", Access::kPublic,
       [&site](RequestContext& context) {
         auto form = context.request.Form();
         const std::string next = LocalPath(form["next"]);
         // A request of the wrong form is told so, and counts as no failed sign-in.
         if (!IsFormMediaType(context.request.Header("content-type"))) {
           return SignInPage(context, next, "",
                             "send the sign-in form as application/x-www-form-urlencoded", 415);
         }
         if (!form.contains("name") || !form.contains("password")) {
           return SignInPage(context, next, form["name"],
                             "the form needs both a name and a password field", 400);
         }
         SignInOutcome outcome = SignIn(site, context.request, form["name"], form["password"]);
         if (outcome.status != 200) {
           return outcome.Refusal(
               SignInPage(context, next, form["name"], outcome.message, outcome.status));
         }
         // The session this browser had ends: the new one replaces its cookie.
         if (!context.session.empty()) site.accounts().DeleteSession(context.session);
         HttpResponse response = Redirect(next);
         response.headers.emplace_back("Set-Cookie",
                                       SessionCookie(site, outcome.session.id, kSessionSeconds));
         return response;
       },
       false});
  // Open to all: signing out when already signed out (an expired session, a second tab) leads to
  // the overview, not through the sign-in page back to a form that cannot be fetched.
  router.Add({"POST", "/signout", Access::kPublic,
              [&site](RequestContext& context) {
                if (!context.session.empty()) site.accounts().DeleteSession(context.session);
                HttpResponse response = Redirect("/");
                response.headers.emplace_back("Set-Cookie", SessionCookie(site, "", 0));
                return response;
              },
              false});

  router.Add({"POST", "/api/v1/session", Access::kPublic, [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                // A request of the wrong form is told so, and counts as no failed sign-in.
                for (const char* member : {"name", "password"}) {
                  const auto found = body.value().find(member);
                  if (found == body.value().end() || !found->is_string()) {
                    return ErrorResponse(400, std::string(member) + ": required, a string");
                  }
                }
                SignInOutcome outcome =
                    SignIn(site, context.request, StringMember(body.value(), "name"),
                           StringMember(body.value(), "password"));
                if (outcome.status != 200) {
                  return outcome.Refusal(ErrorResponse(outcome.status, outcome.message));
                }
                HttpResponse response = JsonResponse(
                    {{"user", UserJson(*outcome.user)}, {"csrf", outcome.session.csrf}}, 201);
                response.headers.emplace_back(
                    "Set-Cookie", SessionCookie(site, outcome.session.id, kSessionSeconds));
                return response;
              }});
  router.Add({"DELETE", "/api/v1/session", Access::kSignedIn, [&site](RequestContext& context) {
                if (!context.session.empty()) site.accounts().DeleteSession(context.session);
                HttpResponse response;
                response.status = 204;
                response.headers.emplace_back("Set-Cookie", SessionCookie(site, "", 0));
                return response;
              }});
  router.Add({"GET", "/api/v1/me", Access::kSignedIn, [](RequestContext& context) {
                nlohmann::json json = UserJson(*context.user);
                if (!context.csrf.empty()) json["csrf"] = context.csrf;
                return JsonResponse(json);
              }});
  router.Add({"GET", "/api/v1/users", Access::kAdmin, [&site](RequestContext&) {
                Result<std::vector<ListedUser>> users = site.accounts().Users();
                if (!users.ok())
                  return ServerFailure(500, "the account store failed", users.error());
                nlohmann::json list = nlohmann::json::array();
                for (const ListedUser& listed : users.value()) {
                  list.push_back(ListedUserJson(listed));
                }
                return JsonResponse({{"users", list}});
              }});
  router.Add({"PATCH", "/api/v1/users/{name}", Access::kAdmin,
              [&site](RequestContext& context) { return ChangeUser(site, context); }});
  router.Add({"POST", "/api/v1/users", Access::kAdmin, [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                // A member it does not take, "locked": true among them, is refused, not dropped.
                if (std::optional<HttpResponse> unknown =
                        UnknownMember(body.value(), {"name", "password", "role", "institution"},
                                      "a new user has name, password, role and institution")) {
                  return *unknown;
                }
                for (const char* member : {"name", "password"}) {
                  if (!body.value().contains(member) || !body.value()[member].is_string()) {
                    return FieldErrorResponse(422, member, "required, a string");
                  }
                }
                const std::optional<Role> role = ParseRole(StringMember(body.value(), "role"));
                if (!role) {
                  return FieldErrorResponse(422, "role",
                                            "one of reader, recorder, reviewer, admin");
                }
                const std::string institution = StringMember(body.value(), "institution");
                if (std::optional<HttpResponse> refused = UnknownInstitution(site, institution)) {
                  return *refused;
                }
                Result<User> user = site.accounts().AddUser(StringMember(body.value(), "name"),
                                                            StringMember(body.value(), "password"),
                                                            *role, institution);
                // AddUser names the member at fault as the error's place.
                if (!user.ok()) {
                  return FieldErrorResponse(422, user.error().where, user.error().message);
                }
                return JsonResponse(UserJson(user.value()), 201);
              }});
  // A token is made by a person signed in with a session: a token cannot make another, which
  // would outlive its expiry and its revocation.
  router.Add({"POST", "/api/v1/tokens", Access::kSignedIn, [&site](RequestContext& context) {
                if (context.session.empty()) {
                  return ErrorResponse(403, "tokens are made when signed in, not with a token");
                }
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                if (std::optional<HttpResponse> unknown =
                        UnknownMember(body.value(), {"label", "expires_in_days"},
                                      "a token has label and expires_in_days")) {
                  return *unknown;
                }
                Result<std::string> label = TokenLabel(body.value());
                if (!label.ok()) {
                  return FieldErrorResponse(422, label.error().where, label.error().message);
                }
                std::string error;
                const std::optional<int64_t> lifetime = TokenLifetime(body.value(), error);
                if (!error.empty()) return FieldErrorResponse(422, "expires_in_days", error);
                Result<NewToken> token =
                    site.accounts().CreateToken(context.user->name, label.value(), lifetime);
                if (!token.ok() && token.error().where == "label") {
                  return FieldErrorResponse(422, "label", token.error().message);
                }
                if (!token.ok())
                  return ServerFailure(500, "the account store failed", token.error());
                nlohmann::json json = TokenJson(token.value().info);
                json["token"] = token.value().token;
                return JsonResponse(json, 201);
              }});
  // One's own tokens; an admin's are everyone's.
  router.Add({"GET", "/api/v1/tokens", Access::kSignedIn, [&site](RequestContext& context) {
                const bool admin = context.user->role == Role::kAdmin;
                Result<std::vector<TokenInfo>> tokens =
                    site.accounts().Tokens(admin ? "" : context.user->name);
                if (!tokens.ok())
                  return ServerFailure(500, "the account store failed", tokens.error());
                nlohmann::json list = nlohmann::json::array();
                for (const TokenInfo& token : tokens.value()) list.push_back(TokenJson(token));
                return JsonResponse({{"tokens", list}});
              }});
  // Revokes one's own token (an admin: anyone's); another user's is not found.
  router.Add({"DELETE", "/api/v1/tokens/{id}", Access::kSignedIn, [&site](RequestContext& context) {
                const std::string& id = context.Param("id");
                if (!IsTokenId(id)) {
                  return ErrorResponse(400,
                                       "a token id is 12 hex digits, as GET /api/v1/tokens "
                                       "lists them");
                }
                const bool admin = context.user->role == Role::kAdmin;
                Result<TokenInfo> revoked =
                    site.accounts().RevokeToken(id, admin ? "" : context.user->name);
                if (!revoked.ok()) {
                  if (revoked.error().where == "id")
                    return ErrorResponse(404, "no token of yours has the id " + id);
                  return ServerFailure(500, "the account store failed", revoked.error());
                }
                return JsonResponse(TokenJson(revoked.value()));
              }});
}

}  // namespace treaty::http
