// The route table against the OpenAPI document, and every route as every role.
#include <fstream>
#include <map>
#include <set>

#include "http_test_support.h"

namespace treaty::test {
namespace {

using http::Access;
using http::Route;

// A concrete path for a route pattern: `{name}` segments get values that exist.
std::string Concrete(const std::string& pattern) {
  std::string path = pattern;
  const std::map<std::string, std::string> values = {
      {"{id}", "sec_2__hcontainer_1__para_2__sent_2"},
      {"{eid}", "sec_2__hcontainer_1__para_2"},
      {"{file}", "site.css"}};
  for (const auto& [name, value] : values) {
    if (const size_t at = path.find(name); at != std::string::npos) {
      path.replace(at, name.size(), value);
    }
  }
  if (path.starts_with("/api/v1/agreements/")) path = "/api/v1/agreements/lv-ua-2024";
  return path;
}

class HttpRoutesTest : public HttpTest {};

// The members `schema` documents and those it requires, following a $ref into the document's
// components and joining the parts of an allOf.
void DocumentedMembers(const nlohmann::json& doc, const nlohmann::json& schema,
                       std::set<std::string>& properties, std::set<std::string>& required) {
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"];
    DocumentedMembers(doc, doc["components"]["schemas"][ref.substr(ref.rfind('/') + 1)], properties,
                      required);
    return;
  }
  for (const nlohmann::json& part : schema.value("allOf", nlohmann::json::array())) {
    DocumentedMembers(doc, part, properties, required);
  }
  const nlohmann::json members = schema.value("properties", nlohmann::json::object());
  for (const auto& [member, ignored] : members.items()) properties.insert(member);
  for (const std::string member : schema.value("required", nlohmann::json::array())) {
    required.insert(member);
  }
}

// Every member of `value` is among those `schema` documents, and every member it requires is
// there. `schema` is a name under components/schemas, or a schema of the document.
void ExpectDocumentedAs(const nlohmann::json& doc, const nlohmann::json& schema,
                        const nlohmann::json& value) {
  const nlohmann::json resolved =
      schema.is_string()
          ? nlohmann::json{{"$ref", "#/components/schemas/" + schema.get<std::string>()}}
          : schema;
  std::set<std::string> properties;
  std::set<std::string> required;
  DocumentedMembers(doc, resolved, properties, required);
  ASSERT_FALSE(properties.empty()) << schema;
  for (const auto& [member, ignored] : value.items()) {
    EXPECT_TRUE(properties.contains(member)) << schema << " has no " << member;
  }
  for (const std::string& member : required) {
    EXPECT_TRUE(value.contains(member)) << schema << " without " << member << ": " << value;
  }
}

// The schema of the 200 answer of GET `path` in the document.
const nlohmann::json& AnswerSchema(const nlohmann::json& doc, const std::string& path) {
  return doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
}

TEST_F(HttpRoutesTest, OpenApiDocumentDescribesExactlyTheApiRoutes) {
  http::HttpResponse response = Send("GET", "/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  const nlohmann::json doc = nlohmann::json::parse(response.body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert({upper, path});
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const Route& route : app_->router().routes()) {
    if (route.api && route.pattern != "/static/{file}")
      routed.insert({route.method, route.pattern});
  }
  for (const auto& entry : routed) {
    EXPECT_TRUE(documented.contains(entry))
        << "not documented: " << entry.first << " " << entry.second;
  }
  for (const auto& entry : documented) {
    EXPECT_TRUE(routed.contains(entry))
        << "documented, not routed: " << entry.first << " " << entry.second;
  }
}

// Every route as an anonymous visitor and as each role: who is let in, who gets 401 (API) or a
// redirect to sign in (pages), who gets 403.
TEST_F(HttpRoutesTest, EveryRouteAsEveryRole) {
  // Whatever the tests before it recorded, the probes themselves record nothing.
  const int64_t size_before = TreeSize();
  const size_t reviews_before = app_->site().reviews().List("").value().size();
  const std::vector<std::pair<std::string, std::optional<http::Role>>> callers = {
      {"", std::nullopt},
      {"rita", http::Role::kReader},
      {"lauris", http::Role::kRecorder},
      {"vera", http::Role::kReviewer},
      {"ada", http::Role::kAdmin}};
  int checked = 0;
  for (const Route& route : app_->router().routes()) {
    if (route.pattern == "/api/v1/session" && route.method == "POST") continue;  // sign-in
    if (route.pattern == "/signin") continue;
    for (const auto& [user, role] : callers) {
      // Writes go with a body that is not a valid event or user, so nothing is written.
      const std::string body = route.method == "GET" ? "" : "{}";
      http::HttpResponse response = Send(route.method, Concrete(route.pattern), user, body);
      const std::string what =
          route.method + " " + route.pattern + " as " + (user.empty() ? "anonymous" : user);
      if (role && route.method == "POST" && route.pattern == "/api/v1/tokens") {
        // Tokens are made by a person signed in with a session, never with a token.
        EXPECT_EQ(response.status, 403) << what;
        EXPECT_NE(response.body.find("not with a token"), std::string::npos) << what;
        ++checked;
        continue;
      }
      bool allowed = route.access == Access::kPublic ||
                     (role && route.access == Access::kSignedIn) ||
                     (role == http::Role::kRecorder && route.access == Access::kRecorder) ||
                     (role == http::Role::kReviewer && route.access == Access::kReviewer) ||
                     (role == http::Role::kAdmin && route.access == Access::kAdmin);
      if (allowed) {
        EXPECT_NE(response.status, 401) << what;
        EXPECT_NE(response.status, 403) << what;
        EXPECT_LT(response.status, 500) << what;
      } else if (!role) {
        EXPECT_EQ(response.status, route.api ? 401 : 303) << what;
      } else {
        EXPECT_EQ(response.status, 403) << what;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
  EXPECT_EQ(TreeSize(), size_before);
  EXPECT_EQ(app_->site().reviews().List("").value().size(), reviews_before);
}

// The statuses the OpenAPI document gives each operation, by method and path pattern.
std::map<std::pair<std::string, std::string>, std::set<int>> DocumentedStatuses(
    const nlohmann::json& doc) {
  std::map<std::pair<std::string, std::string>, std::set<int>> statuses;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (const auto& [status, response] : operation["responses"].items()) {
        statuses[{upper, path}].insert(std::stoi(status));
      }
    }
  }
  return statuses;
}

// A client written from the OpenAPI document meets no status it does not list: every API route is
// called as every role, with a bad token, a repeated parameter, a path with an empty last segment,
// unknown ids, a body that is not JSON, of another media type or too large; each answer's status
// must be one the document gives that operation.
TEST_F(HttpRoutesTest, EveryStatusAnApiRouteAnswersIsDocumented) {
  const int64_t size_before = TreeSize();
  const auto documented =
      DocumentedStatuses(nlohmann::json::parse(Send("GET", "/api/v1/openapi.json").body));
  std::set<std::string> undocumented;
  int checked = 0;
  for (const Route& route : app_->router().routes()) {
    if (!route.api || route.pattern == "/static/{file}") continue;
    const std::set<int>& statuses = documented.at({route.method, route.pattern});
    const bool writes = route.method != "GET";
    auto check = [&](const std::string& target, const std::map<std::string, std::string>& headers,
                     const std::string& body) {
      http::HttpRequest request;
      request.method = route.method;
      request.target = target;
      request.remote = "127.0.0.4";
      request.headers = headers;
      request.body = body;
      const http::HttpResponse response = app_->Handle(request);
      ++checked;
      if (!statuses.contains(response.status)) {
        undocumented.insert(route.method + " " + route.pattern + " " +
                            std::to_string(response.status));
      }
    };
    const std::string path = Concrete(route.pattern);
    const std::string body = writes ? "{}" : "";
    for (const std::string user : {"", "rita", "lauris", "vera", "ada"}) {
      std::map<std::string, std::string> headers;
      if (!user.empty()) headers["authorization"] = "Bearer " + tokens_->at(user);
      if (writes) headers["content-type"] = "application/json";
      check(path, headers, body);
      check(path + "?limit=1&limit=2", headers, body);
      check(path + "/", headers, body);
      if (route.pattern.find('{') != std::string::npos) {
        std::string unknown = route.pattern.substr(0, route.pattern.find('{')) + "no-such-thing";
        if (const size_t rest = route.pattern.find('}'); rest + 1 < route.pattern.size()) {
          unknown += route.pattern.substr(rest + 1);
        }
        check(unknown, headers, body);
      }
      if (writes) {
        check(path, headers, "{");
        std::map<std::string, std::string> text = headers;
        text["content-type"] = "text/plain";
        check(path, text, "{}");
        check(path, headers, std::string(http::kMaxBodyBytes + 1, ' '));
      }
    }
    check(path, {{"authorization", "Bearer no-such-token"}}, "");
    check(path, {{"authorization", "Basic cml0YTpyaXRh"}}, "");
  }
  EXPECT_GT(checked, 500);
  std::string list;
  for (const std::string& entry : undocumented) list += "\n  " + entry;
  EXPECT_TRUE(undocumented.empty()) << "answered, not in the OpenAPI document:" << list;
  EXPECT_EQ(TreeSize(), size_before);
}

TEST_F(HttpRoutesTest, HeadLeavesOutTheBodyAndKeepsItsSize) {
  for (const std::string target : {"/healthz", "/api/v1/agreements", "/api/v1/no-such-route"}) {
    const http::HttpResponse get = Send("GET", target);
    const http::HttpResponse head = Send("HEAD", target);
    EXPECT_EQ(head.status, get.status) << target;
    EXPECT_TRUE(head.Body().empty()) << target;
    ASSERT_TRUE(head.omitted_body_size.has_value()) << target;
    EXPECT_EQ(*head.omitted_body_size, get.Body().size()) << target;
    EXPECT_FALSE(get.omitted_body_size.has_value()) << target;
  }
}

TEST_F(HttpRoutesTest, RecorderRecordsInOwnInstitutionOnly) {
  http::HttpResponse recorded = Send("POST", "/api/v1/events", "lauris", Disbursement("Tranche"));
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const nlohmann::json result = nlohmann::json::parse(recorded.body);
  http::HttpResponse event = Send("GET", "/api/v1/events/" + result["id"].get<std::string>());
  ASSERT_EQ(event.status, 200);
  EXPECT_EQ(nlohmann::json::parse(event.body)["recorded_by"]["user"], "lauris");
  EXPECT_EQ(nlohmann::json::parse(event.body)["recorded_by"]["institution"], "lv-mod");

  nlohmann::json other = nlohmann::json::parse(Disbursement("In Ukraine's name"));
  other["recorded_by"] = {{"institution", "ua-mod"}, {"user", "lauris"}};
  const int64_t size = TreeSize();
  EXPECT_EQ(Send("POST", "/api/v1/events", "lauris", other.dump()).status, 403);
  // ua-mod's recorder: this server holds no ua-mod key.
  EXPECT_EQ(Send("POST", "/api/v1/events", "olena", Disbursement("UA")).status, 503);
  EXPECT_EQ(TreeSize(), size);

  http::HttpResponse proof =
      Send("GET", "/api/v1/events/" + result["id"].get<std::string>() + "/proof");
  ASSERT_EQ(proof.status, 200) << proof.body;
  EXPECT_EQ(nlohmann::json::parse(proof.body)["format"], "treaty-inclusion-proof/1");
  // No tree has size 0: a size that cannot be is a bad request, as `treaty proof --size 0` is, not
  // a head that happens to be missing.
  for (const char* size : {"0", "x", "-1"}) {
    const http::HttpResponse refused =
        Send("GET", "/api/v1/events/" + result["id"].get<std::string>() + "/proof?size=" + size);
    EXPECT_EQ(refused.status, 400) << size << ": " << refused.body;
    EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["message"],
              "size: a tree size, a whole number of at least 1")
        << size;
  }
}

// The ledger page links an event's commitments by id, each naming what it promises.
TEST_F(HttpRoutesTest, TheLedgerPageNamesAnEventsCommitments) {
  RecordedId(Disbursement("A tranche shown on the ledger page"));
  const std::string page = Send("GET", "/ledger").body;
  EXPECT_NE(page.find(R"(<a href="/commitments/sec_2__hcontainer_1__para_2__sent_2" )"
                      R"(title="Provide approximately 112 million EUR of military support to )"
                      R"(Ukraine">)"),
            std::string::npos)
      << page;
}

// A shared cache must neither key a response by its URL alone nor keep one made for a signed-in
// caller, which can hold restricted events.
TEST_F(HttpRoutesTest, WhatDependsOnTheCallerIsKeptByNoSharedCache) {
  const http::HttpResponse anonymous = Send("GET", "/api/v1/events");
  EXPECT_EQ(Header(anonymous, "Vary"), "Authorization, Cookie");
  EXPECT_EQ(Header(anonymous, "Cache-Control"), "");
  for (const char* target : {"/api/v1/events?classification=restricted", "/api/v1/me", "/ledger"}) {
    const http::HttpResponse insider = Send("GET", target, "ada");
    EXPECT_EQ(insider.status, 200) << target;
    EXPECT_EQ(Header(insider, "Cache-Control"), "private, no-store") << target;
    EXPECT_EQ(Header(insider, "Vary"), "Authorization, Cookie") << target;
  }
  EXPECT_EQ(Header(Send("GET", "/static/site.css", "ada"), "Cache-Control"),
            "public, max-age=3600");
  EXPECT_EQ(Header(Send("GET", "/api/v1/status", "ada"), "Cache-Control"), "private, no-cache");
}

// A browser that holds the style sheet revalidates it by its tag and is not sent it again.
TEST_F(HttpRoutesTest, AStaticFileHeldAlreadyIsNotSentAgain) {
  const http::HttpResponse first = Send("GET", "/static/site.css");
  ASSERT_EQ(first.status, 200);
  const std::string etag = Header(first, "ETag");
  ASSERT_EQ(etag.size(), 66u) << etag;  // a quoted SHA-256 in hex
  http::HttpRequest again;
  again.method = "GET";
  again.target = "/static/site.css";
  again.remote = "127.0.0.1";
  again.headers["if-none-match"] = etag;
  const http::HttpResponse revalidated = app_->Handle(again);
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.Body().empty());
  EXPECT_EQ(Header(revalidated, "ETag"), etag);
  again.headers["if-none-match"] = "\"an-older-tag\"";
  const http::HttpResponse changed = app_->Handle(again);
  EXPECT_EQ(changed.status, 200);
  EXPECT_EQ(changed.Body(), first.Body());
}

// The status pages and the calendar stream are at the day asked for, as the status document is.
TEST_F(HttpRoutesTest, PagesAndTheCalendarAreAtTheDayAskedFor) {
  for (const char* target :
       {"/?at=2025-02-17", "/calendar?at=2025-02-17", "/commitments?at=2025-02-17",
        "/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2025-02-17"}) {
    const http::HttpResponse page = Send("GET", target);
    EXPECT_EQ(page.status, 200) << target;
    EXPECT_NE(page.body.find("2025-02-17"), std::string::npos) << target;
    // The tab, a bookmark and a print say which day.
    EXPECT_NE(page.body.find(" at 2025-02-17 · treaty</title>"), std::string::npos) << target;
  }
  EXPECT_NE(Send("GET", "/calendar").body.find("<title>Calendar · treaty</title>"),
            std::string::npos);
  EXPECT_NE(Send("GET", "/text?at=2025-02-17").body.find("<title>Text · treaty</title>"),
            std::string::npos);
  for (const char* target : {"/?at=zz", "/calendar?at=zz", "/api/v1/calendar.ics?at=zz"}) {
    EXPECT_EQ(Send("GET", target).status, 400) << target;
  }
  EXPECT_EQ(Send("GET", "/api/v1/calendar.ics?at=2025-02-17").status, 200);
}

// The calendar's yearly dialogue ends with the Agreement: its last year, whose last day in force
// comes before 31 December, is told with the yearly duty, as the deadlines above list it.
TEST_F(HttpRoutesTest, TheCalendarsYearlyDutyTellsItsLastYearApart) {
  const std::string page = Send("GET", "/calendar?at=2025-02-17").body;
  EXPECT_NE(page.find("Annual Strategic Security and Defence Policy Dialogue due by the end of the "
                      "year: each year from 2024-12-31 to 2033-12-31; then 2034-04-11: Annual "
                      "Strategic Security and Defence Policy Dialogue for 2034, due by the last "
                      "day in force ("),
            std::string::npos)
      << page;
}

// A page at a day links to the other pages of the status at that day: the navigation, the
// commitments listed, the calendar's download and the filter form keep `?at=`; a page asked for
// at no day, or at one that is not a day, links to today's.
TEST_F(HttpRoutesTest, PagesAtADayLinkToThePagesOfTheSameDay) {
  const std::string at = "?at=2025-02-17";
  const std::string commitment = "/commitments/sec_2__hcontainer_1__para_2__sent_2";
  const std::map<std::string, std::vector<std::string>> links = {
      {"/" + at, {"href=\"/commitments" + at, "href=\"/calendar" + at, "href=\"/" + at}},
      {"/commitments" + at,
       {"href=\"" + commitment + at + "\"",
        R"(<input type="hidden" name="at" value="2025-02-17">)"}},
      {"/calendar" + at, {"href=\"/api/v1/calendar.ics" + at + "\""}},
      {"/consultations" + at, {"href=\"/commitments/sec_4__para_1__sent_1" + at + "\""}},
      {commitment + at, {"href=\"/commitments" + at + "\""}}};
  for (const auto& [target, expected] : links) {
    const http::HttpResponse page = Send("GET", target);
    ASSERT_EQ(page.status, 200) << target;
    for (const std::string& link : expected) {
      EXPECT_NE(page.body.find(link), std::string::npos) << target << " lacks " << link;
    }
    // The text and the ledger have no day: their links stay as they are.
    EXPECT_NE(page.body.find("href=\"/text\""), std::string::npos) << target;
    EXPECT_NE(page.body.find("href=\"/ledger\""), std::string::npos) << target;
  }
  for (const std::string target : {"/commitments", "/text?at=zz", "/ledger"}) {
    const http::HttpResponse page = Send("GET", target);
    EXPECT_EQ(page.body.find("at="), std::string::npos) << target;
    EXPECT_NE(page.body.find("href=\"/commitments\""), std::string::npos) << target;
  }
}

TEST_F(HttpRoutesTest, FiltersThatCanMatchNothingAre400) {
  for (const char* target :
       {"/api/v1/commitments?obligor=XX", "/api/v1/commitments?obligor=lv",
        "/api/v1/events?from=2024-07-01&to=2024-06-01", "/api/v1/events?type=gift"}) {
    EXPECT_EQ(Send("GET", target).status, 400) << target;
  }
  EXPECT_EQ(Send("GET", "/api/v1/commitments?obligor=UA").status, 200);
  // A language without a text is named with those there are, wherever ?lang= is taken.
  for (const char* target : {"/api/v1/provisions/sec_1?lang=uk", "/api/v1/provisions?lang=uk",
                             "/api/v1/export/akn?lang=uk"}) {
    const http::HttpResponse refused = Send("GET", target);
    EXPECT_EQ(refused.status, 400) << target;
    EXPECT_NE(refused.body.find("lang: lv-ua-2024 has no text in uk (it has en, lv)"),
              std::string::npos)
        << target << ": " << refused.body;
  }
  EXPECT_EQ(Send("GET", "/api/v1/export/akn?lang=lv").status, 200);
  // The agreement counts what the list of commitments holds.
  const nlohmann::json agreement =
      nlohmann::json::parse(Send("GET", "/api/v1/agreements/lv-ua-2024").body);
  const nlohmann::json listed = nlohmann::json::parse(Send("GET", "/api/v1/commitments").body);
  EXPECT_EQ(agreement["commitments"], listed["commitments"].size());
  // Authentic in Ukrainian too, whose text is not bundled, and in force from its signature.
  EXPECT_EQ(agreement["languages"], nlohmann::json({"en", "lv"}));
  EXPECT_EQ(agreement["authentic_languages"], nlohmann::json({"en", "lv", "uk"}));
  EXPECT_EQ(agreement["entry_into_force_date"], "2024-04-11");
}

TEST_F(HttpRoutesTest, ReaderNeverSeesRestrictedEvents) {
  http::HttpResponse recorded =
      Send("POST", "/api/v1/events", "lauris", Disbursement("Secret tranche XYZ", "restricted"));
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const std::string id = nlohmann::json::parse(recorded.body)["id"];
  for (const std::string& reader : {std::string(), std::string("rita")}) {
    for (const char* target :
         {"/api/v1/events", "/api/v1/events?classification=restricted", "/ledger", "/",
          "/commitments/sec_2__hcontainer_1__para_2__sent_2"}) {
      http::HttpResponse response = Send("GET", target, reader);
      EXPECT_EQ(response.status, 200) << target;
      EXPECT_EQ(response.body.find("Secret tranche XYZ"), std::string::npos) << target;
      EXPECT_EQ(response.body.find(id), std::string::npos) << target;
    }
    EXPECT_EQ(Send("GET", "/api/v1/events/" + id, reader).status, 404);
    EXPECT_EQ(Send("GET", "/api/v1/events/" + id + "/proof", reader).status, 404);
  }
  EXPECT_NE(Send("GET", "/api/v1/events", "vera").body.find("Secret tranche XYZ"),
            std::string::npos);
  EXPECT_NE(Send("GET", "/ledger", "lauris").body.find("Secret tranche XYZ"), std::string::npos);
}

TEST_F(HttpRoutesTest, CommitmentFiltersAndProvisions) {
  http::HttpResponse all = Send("GET", "/api/v1/commitments");
  http::HttpResponse latvia = Send("GET", "/api/v1/commitments?obligor=LV&area=2");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(latvia.status, 200);
  const auto some = nlohmann::json::parse(latvia.body)["commitments"];
  EXPECT_GT(some.size(), 0u);
  EXPECT_LT(some.size(), nlohmann::json::parse(all.body)["commitments"].size());
  for (const auto& commitment : some)
    EXPECT_TRUE(commitment["id"].get<std::string>().starts_with("sec_2"));
  EXPECT_EQ(Send("GET", "/api/v1/commitments?strength=firmly").status, 400);
  // Each refused filter says what may be given; the strength of procedures ("none") among them.
  http::HttpResponse strength = Send("GET", "/commitments?strength=firmly");
  EXPECT_EQ(strength.status, 400);
  EXPECT_NE(strength.body.find("one of commits, will, continues, endeavours, considers, may, none"),
            std::string::npos)
      << strength.body;
  const auto procedures =
      nlohmann::json::parse(Send("GET", "/api/v1/commitments?strength=none").body)["commitments"];
  EXPECT_FALSE(procedures.empty());
  for (const auto& commitment : procedures) EXPECT_EQ(commitment["strength"], "none");
  http::HttpResponse category = Send("GET", "/api/v1/commitments?category=zzz");
  EXPECT_EQ(category.status, 400);
  EXPECT_NE(category.body.find("one of military, financial,"), std::string::npos) << category.body;
  http::HttpResponse status = Send("GET", "/commitments?status=bogus");
  EXPECT_EQ(status.status, 400);
  EXPECT_NE(status.body.find("no_activity_recorded (no activity recorded)"), std::string::npos)
      << status.body;
  // A provision no rule evaluates says so, rather than showing an empty badge.
  const std::string final_provisions = Send("GET", "/commitments?area=6").body;
  EXPECT_NE(final_provisions.find("<span class=\"muted\">not evaluated</span>"), std::string::npos);
  EXPECT_EQ(final_provisions.find("<span class=\"badge \"></span>"), std::string::npos);
  // An area that names nothing is a mistake, as for `treaty commitments --area`, not "0 shown".
  for (const char* area : {"7", "xyz"}) {
    http::HttpResponse page = Send("GET", std::string("/commitments?area=") + area);
    EXPECT_EQ(page.status, 400) << area;
    // The form keeps what was sent, to be mended, and lists nothing.
    EXPECT_NE(page.body.find(std::string("name=\"area\" value=\"") + area + "\""),
              std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("0 shown"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find(std::string("&quot;") + area +
                             "&quot; is no section number, eId or heading words of lv-ua-2024"),
              std::string::npos)
        << page.body;
    EXPECT_EQ(Send("GET", std::string("/api/v1/commitments?area=") + area).status, 400);
  }

  // By status at a date: at the end of 2024 nothing is recorded, so the 2024 amounts are missed.
  http::HttpResponse missed = Send("GET", "/api/v1/commitments?status=missed&at=2025-01-01");
  ASSERT_EQ(missed.status, 200) << missed.body;
  const auto missed_list = nlohmann::json::parse(missed.body)["commitments"];
  std::set<std::string> missed_ids;
  for (const auto& commitment : missed_list) {
    EXPECT_EQ(commitment["status"], "missed");
    missed_ids.insert(commitment["id"]);
  }
  EXPECT_TRUE(missed_ids.contains("sec_2__hcontainer_1__para_2__sent_2")) << missed.body;
  EXPECT_EQ(nlohmann::json::parse(missed.body)["at"], "2025-01-01T23:59:59Z");
  // One commitment with its evaluation at a date, as the whole status has it.
  const auto one = nlohmann::json::parse(
      Send("GET", "/api/v1/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2025-01-01").body);
  EXPECT_EQ(one["id"], "sec_2__hcontainer_1__para_2__sent_2");
  EXPECT_EQ(one["at"], "2025-01-01T23:59:59Z");
  // A moment keeps the offset it was asked in, so that `at` and the day evaluated agree, also
  // right after the same moment was asked in UTC, on another day.
  const auto utc =
      nlohmann::json::parse(Send("GET", "/api/v1/status?at=2024-04-10T21:30:00Z").Body());
  EXPECT_EQ(utc["lifecycle"]["at"], "2024-04-10");
  const auto kyiv =
      nlohmann::json::parse(Send("GET", "/api/v1/status?at=2024-04-11T00:30:00%2B03:00").Body());
  EXPECT_EQ(kyiv["at"], "2024-04-11T00:30:00+03:00");
  EXPECT_EQ(kyiv["lifecycle"]["at"], "2024-04-11");
  EXPECT_EQ(one["evaluation"]["status"], "missed");
  const std::string summary = one["evaluation"]["summary"];
  EXPECT_NE(summary.find("2024: EUR "), std::string::npos) << summary;
  EXPECT_NE(summary.find(" of EUR 112,000,000 (missed)"), std::string::npos) << summary;
  EXPECT_FALSE(one["evaluation"]["reasons"].empty());
  EXPECT_TRUE(
      nlohmann::json::parse(
          Send("GET", "/api/v1/commitments/sec_6__para_9__sent_1?at=2025-01-01").body)["evaluation"]
          .is_null());
  EXPECT_FALSE(nlohmann::json::parse(
                   Send("GET", "/api/v1/commitments/sec_2__hcontainer_1__para_2__sent_2").body)
                   .contains("evaluation"));
  EXPECT_EQ(
      Send("GET", "/api/v1/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2024-02-30").status,
      400);
  // With a date, every entry has a status: a word, or null for a provision no rule evaluates
  // (procedures of the final provisions).
  const auto dated = nlohmann::json::parse(Send("GET", "/api/v1/commitments?at=2025-01-01").body);
  int unevaluated = 0;
  for (const auto& commitment : dated["commitments"]) {
    ASSERT_TRUE(commitment["status"].is_string() || commitment["status"].is_null());
    EXPECT_NE(commitment["status"], "") << commitment["id"];
    if (!commitment["status"].is_null()) continue;
    ++unevaluated;
    EXPECT_TRUE(commitment["id"].get<std::string>().starts_with("sec_6__")) << commitment["id"];
  }
  EXPECT_GT(unevaluated, 0);
  http::HttpResponse upcoming = Send("GET", "/api/v1/commitments?status=missed&at=2024-05-01");
  EXPECT_EQ(upcoming.body.find("\"sec_2__hcontainer_1__para_2__sent_2\""), std::string::npos);
  EXPECT_EQ(Send("GET", "/api/v1/commitments?status=late").status, 400);
  EXPECT_EQ(Send("GET", "/api/v1/commitments?status=met&at=2024-02-30").status, 400);
  http::HttpResponse page = Send("GET", "/commitments?status=missed");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<option value=\"missed\" selected>"), std::string::npos);

  http::HttpResponse provision = Send("GET", "/api/v1/provisions/sec_2__hcontainer_1__para_2");
  ASSERT_EQ(provision.status, 200);
  const auto texts = nlohmann::json::parse(provision.Body())["texts"];
  EXPECT_TRUE(texts.contains("en"));
  EXPECT_TRUE(texts.contains("lv"));
  EXPECT_EQ(Send("GET", "/api/v1/provisions/sec_99").status, 404);
  // The other texts give the provision's counterpart, as the Text page pairs them: after en
  // sec_6's para_5 + para_6, which lv says in one paragraph, en para_8 is lv para_7 (not lv
  // para_8, the signature); en sec_2 para_6 is lv para_6 and para_7.
  const auto continuing =
      nlohmann::json::parse(Send("GET", "/api/v1/provisions/sec_6__para_8").Body());
  EXPECT_EQ(continuing["texts"]["en"]["eId"], "sec_6__para_8");
  EXPECT_EQ(continuing["texts"]["lv"]["eId"], "sec_6__para_7") << continuing.dump();
  const auto split =
      nlohmann::json::parse(Send("GET", "/api/v1/provisions/sec_2__para_6?lang=lv").Body());
  EXPECT_FALSE(split["texts"].contains("en"));
  EXPECT_EQ(split["texts"]["lv"]["eIds"], nlohmann::json({"sec_2__para_6", "sec_2__para_7"}))
      << split.dump();
}

TEST_F(HttpRoutesTest, StatusComesFromEvaluationForTheCallersAudience) {
  http::HttpResponse reader = Send("GET", "/api/v1/status?at=2025-01-01");
  ASSERT_EQ(reader.status, 200) << reader.Body();
  const nlohmann::json status = nlohmann::json::parse(reader.Body());
  EXPECT_EQ(status["audience"], "public");
  EXPECT_EQ(status["lifecycle"]["state"], "in_force");
  EXPECT_FALSE(status["commitments"].empty());
  http::HttpResponse recorder = Send("GET", "/api/v1/status?at=2025-01-01", "lauris");
  EXPECT_EQ(nlohmann::json::parse(recorder.Body())["audience"], "all");
  EXPECT_EQ(Send("GET", "/api/v1/status?at=2025-02-30").status, 400);
  http::HttpResponse deadlines = Send("GET", "/api/v1/deadlines?at=2025-01-01");
  ASSERT_EQ(deadlines.status, 200);
  EXPECT_FALSE(nlohmann::json::parse(deadlines.body)["deadlines"].empty());
  http::HttpResponse calendar = Send("GET", "/api/v1/calendar.ics");
  ASSERT_EQ(calendar.status, 200);
  EXPECT_TRUE(calendar.body.starts_with("BEGIN:VCALENDAR"));
}

TEST_F(HttpRoutesTest, PagesRender) {
  for (const char* page : {"/", "/text", "/commitments", "/ledger", "/calendar", "/consultations",
                           "/commitments/sec_2__hcontainer_1__para_2__sent_2"}) {
    http::HttpResponse response = Send("GET", page);
    EXPECT_EQ(response.status, 200) << page;
    EXPECT_TRUE(response.content_type.starts_with("text/html")) << page;
    EXPECT_NE(response.body.find("</html>"), std::string::npos) << page;
  }
  http::HttpResponse text = Send("GET", "/text");
  EXPECT_NE(text.body.find("lang=\"lv\""), std::string::npos);
  EXPECT_NE(text.body.find("<a class=\"commitment\" href=\"/commitments/sec_1__para_2__sent_1\""),
            std::string::npos);
  EXPECT_NE(text.body.find("prevails"), std::string::npos);
  EXPECT_EQ(Send("GET", "/commitments/nope").status, 404);
}

// A screen reader reads a table's cells with their column's header, and a heading row of the
// texts as the header of the provisions under it.
TEST_F(HttpRoutesTest, TablesNameTheirColumnsAndTheTextsHeadingsAreHeaderCells) {
  const std::string commitment =
      Send("GET", "/commitments/sec_2__hcontainer_1__para_2__sent_2").body;
  EXPECT_NE(commitment.find("<th scope=\"col\">Years</th>"), std::string::npos) << commitment;
  EXPECT_NE(commitment.find("<th scope=\"row\">2024</th>"), std::string::npos) << commitment;
  EXPECT_NE(Send("GET", "/").body.find("<th scope=\"col\">Years</th>"), std::string::npos);
  const std::string text = Send("GET", "/text").body;
  // Each provision is a row group headed by its own heading row, not by every heading above it.
  EXPECT_NE(text.find("<tbody><tr id=\"sec_6__para_7\"><th colspan=\"2\" scope=\"rowgroup\" "
                      "class=\"heading\">"),
            std::string::npos)
      << text.substr(0, 3000);
  EXPECT_EQ(text.find("<td colspan"), std::string::npos) << "no heading row of plain cells";
}

// Search finds the texts' words, and a server whose database holds no index says so instead of
// finding nothing.
TEST_F(HttpRoutesTest, SearchFindsTheTextsOrSaysTheyAreNotIndexed) {
  const http::HttpResponse found = Send("GET", "/api/v1/search?q=drones");
  ASSERT_EQ(found.status, 200) << found.body;
  const nlohmann::json hits = nlohmann::json::parse(found.body)["hits"];
  ASSERT_FALSE(hits.empty()) << found.body;
  // A hit is what `treaty search --format jsonl` prints for it (store::SearchHitJson).
  EXPECT_EQ(hits[0]["agreement"], "lv-ua-2024");
  EXPECT_TRUE(hits[0]["score"].is_number());
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("rone"), std::string::npos) << hits[0];
  ASSERT_FALSE(hits[0]["matches"].empty());
  const nlohmann::json& match = hits[0]["matches"][0];
  EXPECT_EQ(match["text"], hits[0]["text"].get<std::string>().substr(
                               match["start"].get<size_t>(),
                               match["end"].get<size_t>() - match["start"].get<size_t>()));
  const http::HttpResponse no_words = Send("GET", "/api/v1/search");
  EXPECT_EQ(no_words.status, 400);
  EXPECT_NE(no_words.body.find("q: required"), std::string::npos) << no_words.body;

  const std::filesystem::path bare = *folder_ / "bare";
  std::filesystem::create_directories(bare);
  http::SiteOptions options;
  options.db = (bare / "treaty.sqlite").string();
  options.package = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";
  options.web_root = std::string(TREATY_SOURCE_DIR) + "/web";
  Result<std::unique_ptr<http::Application>> unindexed =
      http::Application::Create(options, nullptr);
  ASSERT_TRUE(unindexed.ok()) << unindexed.error().ToString();
  http::HttpRequest request;
  request.method = "GET";
  request.target = "/api/v1/search?q=drones";
  const http::HttpResponse refused = unindexed.value()->Handle(request);
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find("run treaty load"), std::string::npos) << refused.body;
  // With a language too: nothing is indexed, not that language alone.
  request.target = "/api/v1/search?q=drones&lang=en";
  EXPECT_EQ(unindexed.value()->Handle(request).status, 503);
  // The search page says the same, as a page.
  request.target = "/search?q=drones";
  const http::HttpResponse page = unindexed.value()->Handle(request);
  EXPECT_EQ(page.status, 503);
  EXPECT_TRUE(page.content_type.starts_with("text/html"));
  EXPECT_NE(page.body.find("run treaty load"), std::string::npos) << page.body;
}

// The commitments table quotes the prevailing text and names it (a package where Latvian prevails:
// tests/cli/run.sh).
TEST_F(HttpRoutesTest, TheCommitmentsTableNamesTheTextItQuotes) {
  const std::string english = Send("GET", "/commitments").body;
  EXPECT_NE(english.find("<th>Text (English)</th>"), std::string::npos) << english.substr(0, 3000);
  EXPECT_NE(english.find("<td lang=\"en\">In 2024 Latvia will provide approximately 112"),
            std::string::npos);
}

// The texts side by side follow the alignment, not equal eIds: sec_6 has one paragraph more in
// English (lv para_5 ↔ en para_5 + para_6), so the English termination clause, sec_6__para_7,
// sits beside the Latvian one, lv sec_6__para_6, and each Latvian paragraph is shown once.
TEST_F(HttpRoutesTest, TheTextPagePairsProvisionsAsTheAlignmentDoes) {
  const std::string body = Send("GET", "/text").body;
  EXPECT_NE(body.find("<th lang=\"lv\">Latviešu</th>"), std::string::npos);
  auto cells_of = [&](const std::string& eid) {
    const size_t row = body.find("<tr id=\"" + eid + "\">");
    if (row == std::string::npos) return std::string();
    const size_t cells = body.find("<tr>", row);
    return body.substr(cells, body.find("</tr>", cells) - cells);
  };
  const std::string termination = cells_of("sec_6__para_7");
  EXPECT_NE(termination.find("may be terminated by either Participant"), std::string::npos)
      << termination;
  EXPECT_NE(termination.find("Jebkurš Dalībnieks var izbeigt"), std::string::npos) << termination;
  size_t shown = 0;
  for (size_t at = body.find("var izbeigt"); at != std::string::npos;
       at = body.find("var izbeigt", at + 1)) {
    ++shown;
  }
  EXPECT_EQ(shown, 1u);
}

// The commitments page offers the obligors of the agreement it serves, not those of another.
TEST_F(HttpRoutesTest, TheObligorFilterOffersTheAgreementsOwnParties) {
  EXPECT_NE(Send("GET", "/commitments").body.find("<option value=\"LV\" >LV</option>"),
            std::string::npos);
  // Beside the reference figures its rules name (../../reference).
  const std::filesystem::path package = *folder_ / "data/agreements/lt-ua";
  std::filesystem::create_directories(package.parent_path());
  std::filesystem::copy(std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024", package,
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(std::string(TREATY_SOURCE_DIR) + "/data/reference",
                        *folder_ / "data/reference", std::filesystem::copy_options::recursive);
  // Reviewed with LV as a party: without its review, the package's commitments are the proposed.
  std::filesystem::remove(package / "commitments.review.jsonl");
  for (const char* file : {"agreement.json", "rules.json", "ledger/keys.json"}) {
    std::ifstream in(package / file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t at = text.find("\"LV\""); at != std::string::npos; at = text.find("\"LV\"", at)) {
      text.replace(at, 4, "\"LT\"");
    }
    std::ofstream(package / file) << text;
  }
  http::SiteOptions options;
  options.db = (*folder_ / "lt.sqlite").string();
  options.package = package.string();
  options.web_root = std::string(TREATY_SOURCE_DIR) + "/web";
  Result<std::unique_ptr<http::Application>> app = http::Application::Create(options, nullptr);
  ASSERT_TRUE(app.ok()) << app.error().ToString();
  http::HttpRequest request;
  request.method = "GET";
  request.target = "/commitments";
  const std::string page = app.value()->Handle(request).body;
  EXPECT_NE(page.find("<option value=\"LT\" >LT</option>"), std::string::npos) << page;
  EXPECT_EQ(page.find("<option value=\"LV\""), std::string::npos);
}

// One Latvian paragraph says what two English ones do (preamble: lv para_4 ↔ en para_4 + para_5):
// the two English rows are one, so that the Latvian paragraph sits beside both, each English
// paragraph its own <p>, and a link to either still finds it.
TEST_F(HttpRoutesTest, AParagraphOfOneTextSitsBesideTheTwoItSaysInTheOther) {
  const std::string body = Send("GET", "/text").body;
  const size_t row = body.find("<tr id=\"preamble__para_4\">");
  ASSERT_NE(row, std::string::npos);
  const std::string group = body.substr(row, body.find("</tbody>", row) - row);
  EXPECT_NE(group.find("id=\"preamble__para_5\""), std::string::npos) << group;
  EXPECT_NE(group.find("Dalībnieki darīs visu iespējamo"), std::string::npos) << group;
  EXPECT_NE(group.find("will make every effort"), std::string::npos) << group;
  EXPECT_NE(group.find("<p id=\"en.preamble__para_5\">The Participants support Ukraine"),
            std::string::npos)
      << group;
  EXPECT_EQ(body.find("<tr id=\"preamble__para_5\">"), std::string::npos);
}

// The schemas of the OpenAPI document say what the answers hold: an event, the status with its
// deadlines, commitments and reasons, a commitment, a search hit.
TEST_F(HttpRoutesTest, TheOpenApiSchemasDescribeWhatTheAnswersHold) {
  const nlohmann::json doc = nlohmann::json::parse(Send("GET", "/api/v1/openapi.json").body);
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris",
                 R"({"type": "delivery", "participant": "LV", "date": "2024-06-01",
                     "commitments": ["sec_2__hcontainer_1__para_3__sent_2"], "quantity": 500,
                     "unit": "drone", "item": "FPV", "amount": {"currency": "EUR",
                     "minor_units": 100000}, "description": "Drones",
                     "evidence": [{"reference": "https://example.org/a"}],
                     "classification": "public", "idempotency_key": "schema-1"})")
                .status,
            201);
  const nlohmann::json events = nlohmann::json::parse(Send("GET", "/api/v1/events").body);
  ASSERT_FALSE(events["events"].empty());
  for (const nlohmann::json& event : events["events"]) ExpectDocumentedAs(doc, "Event", event);
  const nlohmann::json status =
      nlohmann::json::parse(Send("GET", "/api/v1/status?at=2025-01-01").Body());
  ExpectDocumentedAs(doc, "Status", status);
  for (const nlohmann::json& deadline : status["deadlines"]) {
    ExpectDocumentedAs(doc, "Deadline", deadline);
  }
  for (const nlohmann::json& commitment : status["commitments"]) {
    ExpectDocumentedAs(doc, "CommitmentStatus", commitment);
    for (const nlohmann::json& reason : commitment["reasons"]) {
      ExpectDocumentedAs(doc, "Reason", reason);
    }
  }
  // A listed commitment has its status at the date, one commitment its evaluation, as documented.
  const nlohmann::json commitments =
      nlohmann::json::parse(Send("GET", "/api/v1/commitments?at=2025-01-01").body);
  ExpectDocumentedAs(doc, AnswerSchema(doc, "/api/v1/commitments"), commitments);
  for (const nlohmann::json& commitment : commitments["commitments"]) {
    EXPECT_TRUE(commitment.contains("status"));
    ExpectDocumentedAs(
        doc, AnswerSchema(doc, "/api/v1/commitments")["properties"]["commitments"]["items"],
        commitment);
  }
  const nlohmann::json one = nlohmann::json::parse(
      Send("GET", "/api/v1/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2025-01-01").body);
  EXPECT_TRUE(one.contains("evaluation"));
  ExpectDocumentedAs(doc, AnswerSchema(doc, "/api/v1/commitments/{id}"), one);
  ExpectDocumentedAs(doc, "CommitmentStatus", one["evaluation"]);
  const nlohmann::json deadlines = nlohmann::json::parse(Send("GET", "/api/v1/deadlines").body);
  ASSERT_FALSE(deadlines["deadlines"].empty());
  for (const nlohmann::json& deadline : deadlines["deadlines"]) {
    ExpectDocumentedAs(doc, "Deadline", deadline);
  }
  const nlohmann::json hits = nlohmann::json::parse(Send("GET", "/api/v1/search?q=drones").body);
  for (const nlohmann::json& hit : hits["hits"]) ExpectDocumentedAs(doc, "SearchHit", hit);
}

}  // namespace
}  // namespace treaty::test
