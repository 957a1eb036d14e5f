// What the server refuses in a request, and how: event bodies as strictly as `treaty record`
// reads them, query filters, methods, page errors, and ids in any case.
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "http_test_support.h"

namespace treaty::test {
namespace {

class HttpRequestsTest : public HttpTest {
 protected:
  static nlohmann::json Json(const http::HttpResponse& response) {
    return nlohmann::json::parse(response.Body());
  }

  // The `path`s of an invalid event's `fields`.
  static std::set<std::string> FieldPaths(const http::HttpResponse& response) {
    std::set<std::string> paths;
    for (const nlohmann::json& field : Json(response)["error"].value("fields", nlohmann::json())) {
      paths.insert(field.value("path", ""));
    }
    return paths;
  }

  static http::HttpResponse SubmitForm(const std::string& form) {
    return Send("POST", "/record", "lauris", form, "application/x-www-form-urlencoded");
  }
};

TEST_F(HttpRequestsTest, ABodyWithARepeatedMemberNameIsRefused) {
  const int64_t size = TreeSize();
  std::string body = Disbursement("Twice typed");
  body.replace(body.find("\"type\""), 0, "\"type\":\"pledge\",");
  http::HttpResponse response = Send("POST", "/api/v1/events", "lauris", body);
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(Json(response)["error"]["message"], "type: duplicate member name \"type\"");
  EXPECT_EQ(TreeSize(), size);
}

TEST_F(HttpRequestsTest, RecordedByIsCheckedAsGivenNotReplaced) {
  const int64_t size = TreeSize();
  const std::vector<std::pair<nlohmann::json, std::string>> invalid = {
      {42, "recorded_by"},
      {"ua-mod", "recorded_by"},
      {{{"institution", "lv-mod"}, {"role", "boss"}, {"user", {"a"}}}, "recorded_by.role"}};
  for (const auto& [by, path] : invalid) {
    nlohmann::json event = nlohmann::json::parse(Disbursement("Recorded by " + by.dump()));
    event["recorded_by"] = by;
    http::HttpResponse response = Send("POST", "/api/v1/events", "lauris", event.dump());
    EXPECT_EQ(response.status, 422) << by.dump() << ": " << response.body;
    EXPECT_TRUE(FieldPaths(response).contains(path)) << by.dump() << ": " << response.body;
  }
  nlohmann::json someone_else = nlohmann::json::parse(Disbursement("In another's name"));
  someone_else["recorded_by"] = {{"institution", "lv-mod"}, {"user", "janis"}};
  http::HttpResponse refused = Send("POST", "/api/v1/events", "lauris", someone_else.dump());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_TRUE(FieldPaths(refused).contains("recorded_by.user")) << refused.body;
  EXPECT_EQ(TreeSize(), size);

  nlohmann::json own = nlohmann::json::parse(Disbursement("In my institution's name"));
  own["recorded_by"] = {{"institution", "lv-mod"}};
  http::HttpResponse recorded = Send("POST", "/api/v1/events", "lauris", own.dump());
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  http::HttpResponse event =
      Send("GET", "/api/v1/events/" + Json(recorded)["id"].get<std::string>());
  EXPECT_EQ(Json(event)["recorded_by"]["user"], "lauris");

  // A given user is compared as the event format reads it: trimmed.
  nlohmann::json spaced = nlohmann::json::parse(Disbursement("In my own name, spaced"));
  spaced["recorded_by"] = {{"institution", "lv-mod"}, {"user", " lauris "}};
  http::HttpResponse trimmed = Send("POST", "/api/v1/events", "lauris", spaced.dump());
  EXPECT_EQ(trimmed.status, 201) << trimmed.body;
}

// A withdrawn event stays in the ledger, marked as withdrawn where it is listed, and its
// correction names the leaf it corrects.
TEST_F(HttpRequestsTest, PagesMarkAWithdrawnEventAndNameWhatACorrectionCorrects) {
  const std::string id = RecordedId(Disbursement("Paid twice by mistake"));
  const nlohmann::json retract = {{"action", "retract"},
                                  {"description", "The payment was recorded twice"},
                                  {"evidence", nlohmann::json::array()}};
  const http::HttpResponse corrected =
      Send("POST", "/api/v1/events/" + id + "/corrections", "lauris", retract.dump());
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  const int64_t original = Json(Send("GET", "/api/v1/events/" + id))["leaf_index"];
  const int64_t correction = Json(corrected)["leaf_index"];
  const std::string ledger =
      Send("GET", "/ledger?begin=" + std::to_string(original), "lauris").body;
  EXPECT_NE(ledger.find("disbursement, withdrawn by leaf " + std::to_string(correction)),
            std::string::npos)
      << ledger;
  EXPECT_NE(ledger.find("correction (retract), of leaf " + std::to_string(original)),
            std::string::npos);
  const std::string page = Send("GET", "/commitments/sec_2__hcontainer_1__para_2__sent_2").body;
  EXPECT_NE(page.find("<tr class=\"corrected\">"), std::string::npos);

  // The API says so too, for one event and in a list.
  const std::string correction_id = Json(corrected)["id"];
  EXPECT_EQ(Json(Send("GET", "/api/v1/events/" + id))["corrected_by"],
            nlohmann::json::array({correction_id}));
  const nlohmann::json listed =
      Json(Send("GET", "/api/v1/events?commitment=sec_2__hcontainer_1__para_2__sent_2"));
  bool found = false;
  for (const nlohmann::json& event : listed["events"]) {
    if (event["id"] != id) continue;
    found = true;
    EXPECT_EQ(event["corrected_by"], nlohmann::json::array({correction_id}));
  }
  EXPECT_TRUE(found) << listed.dump();
  const std::string other = RecordedId(Disbursement("Paid once"));
  EXPECT_FALSE(Json(Send("GET", "/api/v1/events/" + other)).contains("corrected_by"));
}

TEST_F(HttpRequestsTest, ACorrectionsBodyMayNotContradictItsPath) {
  const std::string id = RecordedId(Disbursement("To be corrected"));
  const std::string other = RecordedId(Disbursement("Another event"));
  const int64_t size = TreeSize();
  const nlohmann::json retract = {{"action", "retract"},
                                  {"description", "Recorded twice"},
                                  {"evidence", nlohmann::json::array()}};
  nlohmann::json typed = retract;
  typed["type"] = "disbursement";
  http::HttpResponse wrong_type =
      Send("POST", "/api/v1/events/" + id + "/corrections", "lauris", typed.dump());
  EXPECT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_EQ(FieldPaths(wrong_type), std::set<std::string>{"type"}) << wrong_type.body;
  nlohmann::json elsewhere = retract;
  elsewhere["corrects"] = other;
  http::HttpResponse wrong_target =
      Send("POST", "/api/v1/events/" + id + "/corrections", "lauris", elsewhere.dump());
  EXPECT_EQ(wrong_target.status, 422) << wrong_target.body;
  EXPECT_EQ(FieldPaths(wrong_target), std::set<std::string>{"corrects"}) << wrong_target.body;
  const std::string missing = "01a24780-0000-7000-8000-000000000001";
  EXPECT_EQ(
      Send("POST", "/api/v1/events/" + missing + "/corrections", "lauris", typed.dump()).status,
      404);
  EXPECT_EQ(TreeSize(), size);

  nlohmann::json agreeing = retract;
  agreeing["type"] = "correction";
  agreeing["corrects"] = id;
  http::HttpResponse corrected =
      Send("POST", "/api/v1/events/" + id + "/corrections", "lauris", agreeing.dump());
  EXPECT_EQ(corrected.status, 201) << corrected.body;
}

TEST_F(HttpRequestsTest, AnEventIdInThePathIsReadInAnyCase) {
  const std::string id = RecordedId(Disbursement("Asked for in capitals"));
  std::string upper = id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  http::HttpResponse event = Send("GET", "/api/v1/events/" + upper);
  ASSERT_EQ(event.status, 200) << event.body;
  EXPECT_EQ(Json(event)["id"], id);
  EXPECT_EQ(Send("GET", "/api/v1/events/" + upper + "/proof").status, 200);
  const nlohmann::json retract = {
      {"action", "retract"}, {"description", "Not so"}, {"evidence", nlohmann::json::array()}};
  http::HttpResponse corrected =
      Send("POST", "/api/v1/events/" + upper + "/corrections", "lauris", retract.dump());
  EXPECT_EQ(corrected.status, 201) << corrected.body;
}

TEST_F(HttpRequestsTest, EventFiltersTakeDatesEventTypesAndKnownIdsOnly) {
  for (const std::string query : {"from=banana", "from=2024-6-1", "to=2024-13-01", "to=tomorrow"}) {
    http::HttpResponse response = Send("GET", "/api/v1/events?" + query);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_TRUE(Json(response)["error"]["message"].get<std::string>().starts_with(
        query.substr(0, query.find('=')) + ": "))
        << query << ": " << response.body;
  }
  http::HttpResponse type = Send("GET", "/api/v1/events?type=payment");
  EXPECT_EQ(type.status, 400);
  EXPECT_TRUE(Json(type)["error"]["message"].get<std::string>().starts_with("type: "));
  http::HttpResponse commitment = Send("GET", "/api/v1/events?commitment=sec_99");
  EXPECT_EQ(commitment.status, 400);
  EXPECT_EQ(Json(commitment)["error"]["message"],
            "commitment: no event serves \"sec_99\", and it is no commitment of lv-ua-2024");
  for (const auto& [query, message] :
       {std::pair{"institution=nobody",
                  "institution: no event is recorded by \"nobody\", and it "
                  "is no institution of lv-ua-2024"},
        std::pair{"institution=UA",
                  "institution: not an institution id (lower case, as lv-mod): "
                  "\"UA\""}}) {
    http::HttpResponse response = Send("GET", std::string("/api/v1/events?") + query);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_EQ(Json(response)["error"]["message"], message) << query;
  }
  for (const std::string query : {"from=2024-06-01&to=2024-12-31", "type=pledge",
                                  "institution=ua-mod", "commitment=sec_1__para_2__sent_1"}) {
    EXPECT_EQ(Send("GET", "/api/v1/events?" + query).status, 200) << query;
  }
  EXPECT_EQ(Json(Send("GET", "/api/v1/events?commitment=sec_1__para_2__sent_1"))["events"],
            nlohmann::json::array());
  // Values padded with spaces are read as typed without them; bytes that are not UTF-8 are named
  // by their place, not echoed.
  EXPECT_EQ(Send("GET", "/api/v1/events?type=%20pledge%20&from=2024-06-01%20&limit=+5+&begin=%200")
                .status,
            200);
  http::HttpResponse bytes = Send("GET", "/api/v1/events?institution=lv%FF");
  EXPECT_EQ(bytes.status, 400);
  EXPECT_EQ(Json(bytes)["error"]["message"], "institution: invalid UTF-8 at byte 3");
}

TEST_F(HttpRequestsTest, EventsArePagedByNextBeginToTheEnd) {
  int n = 0;
  for (const char* classification : {"public", "restricted", "public", "restricted", "public"}) {
    const std::string event = Disbursement("Paged " + std::to_string(++n), classification);
    ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", event).status, 201);
  }
  for (const std::string caller : {"", "lauris"}) {
    const nlohmann::json all = Json(Send("GET", "/api/v1/events?limit=10000", caller));
    EXPECT_TRUE(all["next_begin"].is_null());
    std::vector<std::string> paged;
    std::string begin = "0";
    for (int page = 0; page < 100; ++page) {
      const nlohmann::json body =
          Json(Send("GET", "/api/v1/events?limit=2&begin=" + begin, caller));
      EXPECT_LE(body["events"].size(), 2u);
      // A next page is named only when it holds events: none of those after the first is empty.
      EXPECT_TRUE(page == 0 || !body["events"].empty()) << "page " << page << " of " << caller;
      for (const nlohmann::json& event : body["events"]) paged.push_back(event.value("id", ""));
      if (body["next_begin"].is_null()) break;
      begin = std::to_string(body["next_begin"].get<int64_t>());
    }
    std::vector<std::string> listed;
    for (const nlohmann::json& event : all["events"]) listed.push_back(event.value("id", ""));
    EXPECT_EQ(paged, listed) << "as " << (caller.empty() ? "anonymous" : caller);
    const std::string last_page = "/api/v1/events?limit=1&begin=" + std::to_string(TreeSize() - 1);
    EXPECT_TRUE(Json(Send("GET", last_page, caller))["next_begin"].is_null());
    EXPECT_GE(listed.size(), caller.empty() ? 3u : 5u);
  }
}

TEST_F(HttpRequestsTest, AllowNamesTheMethodsOfThePath) {
  const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> cases = {
      {{"POST", "/api/v1/tree-heads"}, "GET, HEAD"},
      {{"GET", "/signout"}, "POST"},
      {{"DELETE", "/record"}, "GET, HEAD, POST"},
      {{"PUT", "/api/v1/events"}, "GET, HEAD, POST"},
      {{"POST", "/healthz"}, "GET, HEAD"}};
  for (const auto& [request, allow] : cases) {
    http::HttpResponse response = Send(request.first, request.second);
    EXPECT_EQ(response.status, 405) << request.second;
    EXPECT_EQ(Header(response, "Allow"), allow) << request.first << " " << request.second;
    // In the kind of the path's own answers: a page for a page, JSON for the API and /healthz.
    const bool page = request.second == "/signout" || request.second == "/record";
    EXPECT_EQ(response.content_type.starts_with("text/html"), page)
        << request.second << " " << response.content_type;
  }
}

TEST_F(HttpRequestsTest, PagesAnswerErrorsAsPages) {
  http::HttpResponse response = Send("GET", "/ledger?begin=-1");
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(response.content_type.starts_with("text/html")) << response.content_type;
  EXPECT_NE(response.body.find("begin: a leaf index"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("<h1>400 Bad Request</h1>"), std::string::npos) << response.body;
}

TEST_F(HttpRequestsTest, TheRecordFormRefusesHalfAnAmountAndAMissingClassification) {
  http::HttpResponse form = Send("GET", "/record", "lauris");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<option value=\"\" selected>choose…</option>"), std::string::npos);
  // No commitment is chosen for the recorder, several may be, and only types the form has the
  // fields of are offered.
  const size_t select = form.body.find("<select name=\"commitment\" multiple");
  ASSERT_NE(select, std::string::npos);
  EXPECT_EQ(form.body.substr(select, form.body.find("</select>", select) - select).find("selected"),
            std::string::npos);
  EXPECT_EQ(form.body.find("<option value=\"delivery\""), std::string::npos);
  const int64_t size = TreeSize();
  const std::string common =
      "type=disbursement&participant=LV&date=2024-06-01&commitment=sec_2__hcontainer_1__para_2__"
      "sent_2&description=Form+tranche";
  const std::vector<std::pair<std::string, std::string>> refused = {
      {common + "&amount=1500&classification=public", "Currency: "},
      {common + "&currency=EUR&classification=public", "Currency: "},
      {common + "&amount=1500&currency=EUR", "Classification: required"},
      {"type=disbursement&participant=LV&date=2024-06-01&description=Unlinked&amount=1500&"
       "currency=EUR&classification=public",
       "Commitments: at least one commitment id for disbursement"},
      {common + "&amount=1500&currency=EUR&classification=public&evidence=decision.pdf",
       "Evidence: a reference that is not an http(s) URL needs the document&#39;s SHA-256"},
      // A field sent twice is refused, not read as its first value.
      {common + "&amount=1500&currency=EUR&classification=public&classification=restricted",
       "Classification: given more than once"},
      {common + "&participant=UA&amount=1500&currency=EUR&classification=public",
       "Participant: given more than once"},
      {"type=meeting&participant=LV&date=2024-06-01&description=Dialogue&classification=public",
       "Type: this form records disbursement, allocation, pledge, training, technical agreement; "
       "record a meeting (`meeting`) with `treaty record` or the API"},
      {"type=consultation_request&participant=LV&date=2024-06-01&description=X&"
       "classification=public",
       "Type: this form records disbursement, allocation, pledge, training, technical agreement; "
       "record a consultation request (`consultation_request`) with `treaty record` or the API"},
      {"type=bogus&participant=LV&date=2024-06-01&description=X&classification=public",
       "Type: no event type &quot;bogus&quot;; this form records disbursement"}};
  for (const auto& [body, error] : refused) {
    http::HttpResponse response = SubmitForm(body);
    EXPECT_EQ(response.status, 422) << body;
    EXPECT_NE(response.body.find("<li>" + error), std::string::npos)
        << body << ": " << response.body;
    // The form shown again offers its types in words, with their codes as the values sent.
    EXPECT_NE(response.body.find(R"(<option value="technical_agreement" >technical agreement<)"),
              std::string::npos)
        << body;
  }
  EXPECT_EQ(TreeSize(), size);
  // A form whose errors are shown keeps every commitment chosen.
  const std::string two =
      "&commitment=sec_2__hcontainer_1__para_2__sent_1&commitment=sec_2__"
      "hcontainer_1__para_2__sent_2";
  http::HttpResponse kept = SubmitForm(
      "type=disbursement&participant=LV&date=2024-06-01&description=Two&amount=5&currency=EUR" +
      two);
  EXPECT_EQ(kept.status, 422);
  for (const char* id :
       {"sec_2__hcontainer_1__para_2__sent_1", "sec_2__hcontainer_1__para_2__sent_2"}) {
    EXPECT_NE(kept.body.find(std::string("<option value=\"") + id + "\" selected>"),
              std::string::npos)
        << id;
  }
  EXPECT_EQ(TreeSize(), size);
  // A currency code in lower case is the code.
  http::HttpResponse recorded =
      SubmitForm(common + "&amount=1500&currency=eur&classification=public");
  EXPECT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(TreeSize(), size + 1);
  const std::string location = Header(recorded, "Location");
  EXPECT_TRUE(location.starts_with("/ledger?recorded=")) << location;
  // The same form sent again records nothing, and the page says so.
  http::HttpResponse again = SubmitForm(common + "&amount=1500&currency=EUR&classification=public");
  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_EQ(TreeSize(), size + 1);
  const std::string id = location.substr(location.find('=') + 1);
  EXPECT_EQ(Header(again, "Location"), "/ledger?already=" + id);
  const std::string page = Send("GET", "/ledger?already=" + id, "lauris").body;
  EXPECT_NE(page.find("Already recorded, nothing new was written: event <code>" + id),
            std::string::npos);
  EXPECT_EQ(page.find("Recorded: event"), std::string::npos);
  // A link to an event shows the page that holds it, its row anchored by its id, and no notice.
  const std::string linked = Send("GET", "/ledger?event=" + id, "lauris").body;
  EXPECT_NE(linked.find("<tr id=\"" + id + "\""), std::string::npos);
  EXPECT_EQ(linked.find("class=\"notice\""), std::string::npos);
  // None chosen is none, which a technical agreement may serve.
  http::HttpResponse unlinked = SubmitForm(
      "type=technical_agreement&participant=both&date=2024-06-03&description=Arrangement&"
      "evidence=https%3A%2F%2Fexample.org%2Fta&classification=public");
  ASSERT_EQ(unlinked.status, 303) << unlinked.body;
  const std::string unlinked_location = Header(unlinked, "Location");
  EXPECT_EQ(
      Json(Send("GET", "/api/v1/events/" + unlinked_location.substr(unlinked_location.find('=') +
                                                                    1)))["commitments"],
      nlohmann::json::array());
  // Several commitments chosen are all linked.
  http::HttpResponse both = SubmitForm(
      "type=disbursement&participant=LV&date=2024-06-02&description=Two&amount=5&currency=EUR&"
      "classification=public" +
      two);
  ASSERT_EQ(both.status, 303) << both.body;
  const std::string both_location = Header(both, "Location");
  const std::string both_id = both_location.substr(both_location.find('=') + 1);
  EXPECT_EQ(Json(Send("GET", "/api/v1/events/" + both_id))["commitments"],
            nlohmann::json::array(
                {"sec_2__hcontainer_1__para_2__sent_1", "sec_2__hcontainer_1__para_2__sent_2"}));
}

// The notice the recording form leads to names only an event of the ledger the caller sees.
TEST_F(HttpRequestsTest, TheLedgerPageSaysRecordedOnlyOfARealEventTheCallerSees) {
  const std::string open = RecordedId(Disbursement("Shown after recording"));
  const std::string secret = RecordedId(Disbursement("Not for readers", "restricted"));
  const auto notice = [](const std::string& target, const std::string& user) {
    return Send("GET", target, user).body.find("Recorded: event") != std::string::npos;
  };
  EXPECT_TRUE(notice("/ledger?recorded=" + open, "lauris"));
  EXPECT_TRUE(notice("/ledger?recorded=" + secret, "lauris"));
  EXPECT_FALSE(notice("/ledger?recorded=" + secret, ""));
  EXPECT_FALSE(notice("/ledger?recorded=anything", "lauris"));
  EXPECT_FALSE(notice("/ledger?recorded=01966b1e-0000-7000-8000-000000000000", "lauris"));
  // A link to an event the caller cannot be shown says so, the same for one that does not exist
  // and for one restricted, so that the page shown is not taken for the event's.
  const auto unseen = [](const std::string& target, const std::string& user) {
    return Send("GET", target, user)
               .body.find(
                   "The event the link names is not among the events of this ledger that "
                   "you may see.") != std::string::npos;
  };
  EXPECT_FALSE(unseen("/ledger?event=" + open, ""));
  EXPECT_FALSE(unseen("/ledger?event=" + secret, "lauris"));
  EXPECT_TRUE(unseen("/ledger?event=" + secret, ""));
  EXPECT_TRUE(unseen("/ledger?event=01966b1e-0000-7000-8000-000000000000", ""));
  EXPECT_TRUE(unseen("/ledger?event=anything", "lauris"));
}

// A value that does not percent-decode is refused naming its parameter, rather than left out,
// which would ignore the filter and answer everything.
TEST_F(HttpRequestsTest, AQueryValueThatDoesNotDecodeIs400NamingIt) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/events?type=pledge%", "type: malformed percent-encoding"},
      {"/api/v1/events?type=%zz", "type: malformed percent-encoding"},
      {"/api/v1/events?limit=5%", "limit: malformed percent-encoding"},
      {"/api/v1/status?at=2024-01-01%", "at: malformed percent-encoding"},
      {"/api/v1/search?q=drones%", "q: malformed percent-encoding"},
      // Decoded, but not text: searched, it would read as words that match nothing.
      {"/api/v1/search?q=dr%FFones", "q: invalid UTF-8 at byte 3"},
      {"/api/v1/events?type=pledge%00", "type: a NUL byte (%00) is not allowed"}};
  for (const auto& [target, message] : cases) {
    const http::HttpResponse refused = Send("GET", target);
    EXPECT_EQ(refused.status, 400) << target << ": " << refused.body;
    EXPECT_EQ(Json(refused)["error"]["message"], message) << target;
  }
  // A second value that does not decode is still a second value.
  const http::HttpResponse twice = Send("GET", "/api/v1/events?limit=1&limit=%zz");
  EXPECT_EQ(twice.status, 400) << twice.body;
  EXPECT_TRUE(Json(twice)["error"]["message"].get<std::string>().starts_with("limit: "));
  // A page's is a page.
  const http::HttpResponse page = Send("GET", "/ledger?begin=1%");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(page.content_type.starts_with("text/html")) << page.content_type;
  EXPECT_NE(page.body.find("begin: malformed percent-encoding"), std::string::npos) << page.body;
  const http::HttpResponse search_page = Send("GET", "/search?q=dr%FFones");
  EXPECT_EQ(search_page.status, 400);
  EXPECT_NE(search_page.body.find("q: invalid UTF-8 at byte 3"), std::string::npos)
      << search_page.body;
}

// A mistyped filter would otherwise answer everything, unfiltered.
TEST_F(HttpRequestsTest, AQueryParameterTheApiDoesNotTakeIs400NamingThoseItTakes) {
  RecordedId(Disbursement("Listed"));
  const http::HttpResponse mistyped = Send("GET", "/api/v1/events?typ=pledge");
  EXPECT_EQ(mistyped.status, 400) << mistyped.body;
  EXPECT_EQ(Json(mistyped)["error"]["message"],
            "unknown query parameter \"typ\": GET /api/v1/events takes begin, classification, "
            "commitment, from, institution, limit, to, type");
  const http::HttpResponse none = Send("GET", "/api/v1/agreements?lang=en");
  EXPECT_EQ(none.status, 400) << none.body;
  EXPECT_EQ(Json(none)["error"]["message"],
            "unknown query parameter \"lang\": GET /api/v1/agreements takes none");
  EXPECT_EQ(Send("GET", "/api/v1/events?type=disbursement").status, 200);
  // Pages take what they take.
  EXPECT_EQ(Send("GET", "/ledger?utm_source=mail").status, 200);
}

TEST_F(HttpRequestsTest, AConsistencyProofWithoutToReachesTheLatestHead) {
  RecordedId(Disbursement("First"));
  const int64_t first = TreeSize();
  RecordedId(Disbursement("Second"));
  const http::HttpResponse proof = Send("GET", "/api/v1/consistency?from=" + std::to_string(first));
  ASSERT_EQ(proof.status, 200) << proof.body;
  EXPECT_EQ(Json(proof)["new_head"]["head"]["tree_size"], TreeSize());
  EXPECT_EQ(Json(proof)["old_head"]["head"]["tree_size"], first);
  // A `to` given empty is a mistake, not the latest head.
  const http::HttpResponse empty =
      Send("GET", "/api/v1/consistency?from=" + std::to_string(first) + "&to=");
  EXPECT_EQ(empty.status, 400) << empty.body;
  // A `from` beyond the latest head is past `to`, as the request gives it: 400, saying where.
  const http::HttpResponse beyond =
      Send("GET", "/api/v1/consistency?from=" + std::to_string(TreeSize() + 1));
  EXPECT_EQ(beyond.status, 400) << beyond.body;
  EXPECT_NE(beyond.body.find(fmt::format("to is {} (the latest signed tree head)", TreeSize())),
            std::string::npos)
      << beyond.body;
}

TEST_F(HttpRequestsTest, AFormFieldThatDoesNotDecodeIs400NamingIt) {
  const int64_t size = TreeSize();
  const http::HttpResponse refused = SubmitForm(
      "type=technical_agreement&participant=both&date=2024-06-03&description=Half%&"
      "evidence=https%3A%2F%2Fexample.org%2Fta&classification=public");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_TRUE(refused.content_type.starts_with("text/html")) << refused.content_type;
  EXPECT_NE(refused.body.find("description: malformed percent-encoding"), std::string::npos)
      << refused.body;
  EXPECT_EQ(TreeSize(), size);
}

// "%2F" is a character of a segment, not the '/' between segments (RFC 3986 §2.2).
TEST_F(HttpRequestsTest, AnEncodedSlashSeparatesNoSegments) {
  const std::string id = RecordedId(Disbursement("Proved"));
  ASSERT_EQ(Send("GET", "/api/v1/events/" + id + "/proof").status, 200);
  ASSERT_EQ(Send("GET", "/static/site.css").status, 200);
  ASSERT_EQ(Send("GET", "/api/v1/agreements").status, 200);
  for (const std::string& target :
       {"/api/v1/events/" + id + "%2Fproof", std::string("/static%2Fsite.css"),
        std::string("/api%2Fv1%2Fagreements"), std::string("/api/v1%2fagreements")}) {
    EXPECT_EQ(Send("GET", target).status, 404) << target;
  }
}

TEST_F(HttpRequestsTest, EveryUnauthorizedAnswerCarriesAChallenge) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = "/api/v1/session";
  request.remote = "127.0.0.41";
  request.headers["content-type"] = "application/json";
  request.body = R"({"name": "rita", "password": "not rita's password"})";
  const http::HttpResponse api = app_->Handle(request);
  EXPECT_EQ(api.status, 401) << api.body;
  EXPECT_EQ(Header(api, "WWW-Authenticate"), "Bearer");
  const http::HttpResponse form =
      app_->Handle(FormPost("/signin", "127.0.0.42", "name=rita&password=wrong&next=%2F"));
  EXPECT_EQ(form.status, 401) << form.body;
  EXPECT_EQ(Header(form, "WWW-Authenticate"), "Bearer");
}

TEST_F(HttpRequestsTest, APageAnswersABadTokenWithAPage) {
  for (const char* authorization : {"Bearer trt_unknown", "Basic cml0YTpyaXRh"}) {
    http::HttpRequest request;
    request.method = "GET";
    request.remote = "127.0.0.1";
    request.headers["authorization"] = authorization;
    for (const char* target : {"/", "/ledger", "/text"}) {
      request.target = target;
      const http::HttpResponse page = app_->Handle(request);
      EXPECT_EQ(page.status, 401) << target;
      EXPECT_TRUE(page.content_type.starts_with("text/html")) << target << " " << page.content_type;
      EXPECT_FALSE(Header(page, "WWW-Authenticate").empty()) << target;
    }
    request.target = "/api/v1/events";
    const http::HttpResponse api = app_->Handle(request);
    EXPECT_EQ(api.status, 401);
    EXPECT_EQ(api.content_type, "application/json");
  }
}

// credentials = auth-scheme 1*SP token68 (RFC 9110 §11.4): the space may be several, or tabs.
TEST_F(HttpRequestsTest, TheBearerTokenMayFollowSeveralSpacesOrATab) {
  for (const char* separator : {"  ", "\t", " \t "}) {
    http::HttpRequest request;
    request.method = "GET";
    request.target = "/api/v1/me";
    request.remote = "127.0.0.1";
    request.headers["authorization"] = std::string("Bearer") + separator + tokens_->at("rita");
    const http::HttpResponse me = app_->Handle(request);
    EXPECT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Json(me).value("name", ""), "rita") << me.body;
  }
}

// A method HTTP does not define is not recognised for any resource (501, RFC 9110 §9.1); one it
// defines that the route does not take is 405 with Allow.
TEST_F(HttpRequestsTest, AnUnknownMethodIs501AndAKnownOneTheRouteLacks405) {
  // /healthz is the API's, though its path is not under /api/.
  for (const char* target : {"/api/v1/events", "/api/v1/nowhere", "/healthz"}) {
    const http::HttpResponse unknown = Send("FOO", target);
    EXPECT_EQ(unknown.status, 501) << target;
    EXPECT_EQ(unknown.content_type, "application/json") << target;
  }
  for (const char* target : {"/ledger", "/nowhere"}) {
    const http::HttpResponse unknown = Send("FOO", target);
    EXPECT_EQ(unknown.status, 501) << target;
    EXPECT_TRUE(unknown.content_type.starts_with("text/html")) << target;
    EXPECT_NE(unknown.body.find("501 Not Implemented"), std::string::npos) << unknown.body;
  }
  for (const char* method : {"PUT", "DELETE", "TRACE", "CONNECT", "PATCH", "OPTIONS"}) {
    const http::HttpResponse known = Send(method, "/api/v1/events");
    EXPECT_EQ(known.status, 405) << method;
    EXPECT_EQ(Header(known, "Allow"), "GET, HEAD, POST") << method;
  }
}

}  // namespace
}  // namespace treaty::test
