// What readers of a growing ledger get: the status JSON gzip-coded for clients that accept it,
// 304 when the client holds the current one, new as soon as an event is recorded; the ledger page
// one page of leaves at a time with a verify badge.
#include <chrono>
#include <cstdlib>
#include <regex>

#include "http_test_support.h"
#include "ledger/timestamp.h"

namespace treaty::test {
namespace {

class HttpStatusTest : public HttpTest {
 protected:
  static http::HttpResponse Get(const std::string& target,
                                const std::map<std::string, std::string>& headers,
                                const std::string& user = "") {
    http::HttpRequest request;
    request.method = "GET";
    request.target = target;
    request.remote = "127.0.0.1";
    request.headers = headers;
    if (!user.empty()) request.headers["authorization"] = "Bearer " + tokens_->at(user);
    return app_->Handle(request);
  }
};

TEST_F(HttpStatusTest, GzipForClientsThatAcceptItWithTheSameDocument) {
  const http::HttpResponse plain = Get("/api/v1/status?at=2025-01-01", {});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(Header(plain, "Content-Encoding"), "");
  const http::HttpResponse gzip =
      Get("/api/v1/status?at=2025-01-01", {{"accept-encoding", "gzip, deflate, br"}});
  ASSERT_EQ(gzip.status, 200);
  EXPECT_EQ(Header(gzip, "Content-Encoding"), "gzip");
  EXPECT_NE(Header(gzip, "Vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_LT(gzip.Body().size(), plain.Body().size() / 4);
  EXPECT_EQ(Gunzip(std::string(gzip.Body())), plain.Body());
  EXPECT_NE(Header(gzip, "ETag"), Header(plain, "ETag"));
  EXPECT_EQ(Header(Get("/api/v1/status?at=2025-01-01", {{"accept-encoding", "gzip;q=0"}}),
                   "Content-Encoding"),
            "");
}

TEST_F(HttpStatusTest, NotModifiedUntilAnEventIsRecorded) {
  const std::string target = "/api/v1/status?at=2024-12-31";
  const http::HttpResponse first = Get(target, {}, "lauris");
  const int64_t size_before = nlohmann::json::parse(first.Body())["ledger_size"];
  const std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  const http::HttpResponse again = Get(target, {{"if-none-match", etag}}, "lauris");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.Body().empty());
  // Another audience's document is another representation.
  EXPECT_EQ(Get(target, {{"if-none-match", etag}}).status, 200);

  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("paid")).status, 201);
  const http::HttpResponse after = Get(target, {{"if-none-match", etag}}, "lauris");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(Header(after, "ETag"), etag);
  EXPECT_EQ(nlohmann::json::parse(after.Body())["ledger_size"], size_before + 1);
}

TEST_F(HttpStatusTest, TheOverviewCountsOnlyTheEventsTheCallerMaySee) {
  const int64_t before = TreeSize();
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("open")).status, 201);
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("closed", "restricted")).status,
            201);
  const std::string all = std::to_string(before + 2) + " events</a>";
  const std::string public_only = std::to_string(before + 1) + " public events</a>";
  EXPECT_NE(Send("GET", "/").body.find(public_only), std::string::npos);
  EXPECT_NE(Send("GET", "/", "rita").body.find(public_only), std::string::npos);
  EXPECT_NE(Send("GET", "/", "lauris").body.find(all), std::string::npos);
}

// A commitment's page at a day lists its later events too, each marked as not counted there, so
// that the table does not contradict the status above it.
TEST_F(HttpStatusTest, ACommitmentsPageMarksTheEventsDatedAfterItsDay) {
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("June tranche")).status, 201);
  const std::string target = "/commitments/sec_2__hcontainer_1__para_2__sent_2";
  const std::string before = Send("GET", target + "?at=2024-05-31").body;
  EXPECT_NE(before.find("<tr class=\" later\"><td class=\"date\">2024-06-01<br><small>after "
                        "2024-05-31: not counted</small>"),
            std::string::npos)
      << before;
  // Counted from the public events alone for a caller who sees no restricted one, and said.
  EXPECT_NE(before.find("Status on 2024-05-31 (public events only):"), std::string::npos);
  EXPECT_EQ(Send("GET", target + "?at=2024-05-31", "lauris").body.find("public events only"),
            std::string::npos);
  const std::string on_the_day = Send("GET", target + "?at=2024-06-01").body;
  EXPECT_NE(on_the_day.find("<td class=\"date\">2024-06-01</td>"), std::string::npos);
  EXPECT_EQ(on_the_day.find("not counted</small>"), std::string::npos);
}

// A moment's offset typed into an address arrives with a space for its '+': the error says how to
// write it, and written so it is the moment's day on its own clock.
TEST_F(HttpStatusTest, AMomentsPlusTypedIntoAnAddressIsExplained) {
  const http::HttpResponse typed = Get("/api/v1/status?at=2024-04-11T00:00:00+03:00", {});
  EXPECT_EQ(typed.status, 400);
  EXPECT_NE(typed.Body().find("write the offset's '+' as %2B"), std::string::npos) << typed.Body();
  const http::HttpResponse encoded = Get("/api/v1/status?at=2024-04-11T00:00:00%2B03:00", {});
  ASSERT_EQ(encoded.status, 200);
  EXPECT_EQ(nlohmann::json::parse(encoded.Body())["lifecycle"]["state"], "in_force");
}

// A bar is as full as the share printed beside it: 5.97 % is not drawn as 5.
// A bar is as full as its row's achieved amount is of its target, to a tenth of a percent (a
// payment of EUR 1,500,000.50 against EUR 100,500,000 is 1.5 %, not 1 or 2 %).
TEST_F(HttpStatusTest, ProgressBarsAreAsFullAsTheSharesPrinted) {
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", Disbursement("share")).status, 201);
  const std::string page = Send("GET", "/?at=2025-06-01").body;
  const std::regex row(
      R"re(<td class="num">EUR ([0-9,.]+)</td><td>of</td><td class="num">EUR ([0-9,.]+)</td><td><progress max="100" value="([0-9.]+)">)re");
  auto amount = [](std::string text) {
    std::erase(text, ',');
    return std::stod(text);
  };
  int bars = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), row), end; it != end; ++it, ++bars) {
    const double share = 100 * amount((*it)[1]) / amount((*it)[2]);
    if (share <= 100) {
      EXPECT_NEAR(std::stod((*it)[3]), share, 0.05) << it->str();
    }
  }
  EXPECT_GT(bars, 0) << page;
}

// A target's chart has a scale: its top line is labelled with the largest figure drawn (a figure
// of the table above it), which the tallest bar reaches, and its baseline with 0.
TEST_F(HttpStatusTest, TheTargetChartHasAScale) {
  const std::string page = Send("GET", "/?at=2025-06-01").body;
  std::smatch chart;
  ASSERT_TRUE(std::regex_search(page, chart, std::regex(R"re(<svg class="chart"[^]*?</svg>)re")))
      << page;
  const std::string svg = chart.str();
  std::smatch top;
  ASSERT_TRUE(std::regex_search(
      svg, top,
      std::regex(
          R"re(<line class="scale" x1="36" y1="([0-9]+)"[^>]*></line><text class="scale" x="40" y="[0-9]+">(EUR [0-9,.]+)</text>)re")))
      << svg;
  // The largest figure of the table above it, a target or what was provided.
  const size_t chart_at = page.find(svg);
  const size_t table_at = page.rfind("<table class=\"data progress\">", chart_at);
  ASSERT_NE(table_at, std::string::npos);
  const std::string table = page.substr(table_at, chart_at - table_at);
  auto amount = [](std::string text) {
    std::erase(text, ',');
    return std::stod(text.substr(4));  // after "EUR "
  };
  double largest = 0;
  const std::regex drawn(
      R"re(<td class="num">(EUR [0-9,.]+)</td><td>of</td><td class="num">(EUR [0-9,.]+|—)</td>)re");
  for (std::sregex_iterator it(table.begin(), table.end(), drawn), end; it != end; ++it) {
    largest = std::max(largest, amount((*it)[1]));
    if ((*it)[2] != "—") largest = std::max(largest, amount((*it)[2]));
  }
  EXPECT_EQ(amount(top[2]), largest) << table;
  EXPECT_TRUE(std::regex_search(
      svg, std::regex("<rect class=\"(target|achieved)\" x=\"[0-9]+\" y=\"" + top[1].str() + "\"")))
      << svg;
  EXPECT_NE(svg.find("text-anchor=\"end\">0</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("on a scale from 0 to " + top[2].str()), std::string::npos) << svg;
}

// A chart with no figure above 0 (the day of signature: nothing provided, the targets unknown
// until the GDP is published) draws empty bars and claims no scale: no "0 to EUR 0.00" line.
TEST_F(HttpStatusTest, AChartWithNothingToDrawHasNoScale) {
  const std::string page = Send("GET", "/?at=2024-04-11").body;
  const size_t heading = page.find("in the amount of 0.25% of the gross domestic product annually");
  ASSERT_NE(heading, std::string::npos) << page;
  std::smatch chart;
  const std::string after = page.substr(heading);
  ASSERT_TRUE(std::regex_search(after, chart, std::regex(R"re(<svg class="chart"[^]*?</svg>)re")))
      << after;
  const std::string svg = chart.str();
  EXPECT_NE(svg.find("aria-label=\"Target against provided per period\""), std::string::npos)
      << svg;
  EXPECT_EQ(svg.find("class=\"scale\""), std::string::npos) << svg;
  EXPECT_EQ(svg.find("on a scale"), std::string::npos) << svg;
  int bars = 0;
  const std::regex bar(R"re(<rect class="(target|achieved)"[^>]* height="([0-9]+)")re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), bar), end; it != end; ++it, ++bars) {
    EXPECT_EQ((*it)[2], "0") << it->str();
  }
  EXPECT_EQ(bars, 6) << svg;  // a target and a provided bar for each of 2024, 2025 and 2026
}

// The overview's timeline puts each deadline at its day: the end of 2024 beside the tick of 2025,
// not a month before it.
TEST_F(HttpStatusTest, TheTimelinePutsEachDeadlineAtItsDay) {
  const std::string page = Send("GET", "/?at=2025-06-01").body;
  std::smatch tick;
  ASSERT_TRUE(std::regex_search(page, tick, std::regex(R"re(<text x="([0-9]+)" y="26">2025<)re")))
      << page;
  std::smatch mark;
  ASSERT_TRUE(std::regex_search(
      page, mark,
      std::regex(R"re(<circle class="[a-z_]+" cx="([0-9]+)" cy="40" r="5"><title>2024-12-31: )re")))
      << page;
  EXPECT_LE(std::abs(std::stoi(mark[1]) - std::stoi(tick[1])), 1)
      << mark.str() << " " << tick.str();
}

TEST_F(HttpStatusTest, TheLedgerPageShowsOnePageOfLeavesTheLatestFirst) {
  while (TreeSize() < 103) {
    ASSERT_EQ(Send("POST", "/api/v1/events", "lauris",
                   Disbursement("tranche " + std::to_string(TreeSize())))
                  .status,
              201);
  }
  const http::HttpResponse latest = Send("GET", "/ledger");
  ASSERT_EQ(latest.status, 200);
  EXPECT_NE(latest.body.find("Leaves 3 to 102 of 103"), std::string::npos);
  EXPECT_NE(latest.body.find("<td>102</td>"), std::string::npos);
  EXPECT_EQ(latest.body.find("<td>0</td>"), std::string::npos);
  // The page before ends where this one begins: no leaf is shown twice.
  EXPECT_NE(latest.body.find("href=\"/ledger?begin=0&amp;end=3\""), std::string::npos)
      << latest.body;
  const http::HttpResponse before = Send("GET", "/ledger?begin=0&end=3");
  EXPECT_NE(before.body.find("Leaves 0 to 2 of 103"), std::string::npos);
  EXPECT_EQ(before.body.find("<td>3</td>"), std::string::npos);
  EXPECT_NE(before.body.find("href=\"/ledger?begin=3\""), std::string::npos);
  EXPECT_EQ(Send("GET", "/ledger?begin=5&end=5").status, 400);
  EXPECT_EQ(Send("GET", "/ledger?begin=0&end=101").status, 400);
  // Every event matched, but the bundled keys are demo keys, whose signatures prove nothing.
  EXPECT_NE(latest.body.find("<span class=\"badge warn\">verified: every event, hash and "
                             "signature recomputed; but key "),
            std::string::npos)
      << latest.body;
  EXPECT_NE(latest.body.find("is a demo key: its seed is public, this signature proves nothing"),
            std::string::npos);

  const http::HttpResponse first = Send("GET", "/ledger?begin=0");
  EXPECT_NE(first.body.find("Leaves 0 to 99 of 103"), std::string::npos);
  EXPECT_NE(first.body.find("<td>0</td>"), std::string::npos);
  EXPECT_EQ(first.body.find("<td>100</td>"), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/ledger?begin=100\""), std::string::npos);
  const std::string past_end = Send("GET", "/ledger?begin=500").body;
  EXPECT_NE(past_end.find("No leaves from 500: the ledger has 103"), std::string::npos);
  // and no table of none.
  EXPECT_EQ(past_end.find("<table"), std::string::npos);
  EXPECT_NE(first.body.find("<table class=\"data events\">"), std::string::npos);
  EXPECT_EQ(Send("GET", "/ledger?begin=-1").status, 400);
  EXPECT_EQ(Send("GET", "/ledger?begin=x").status, 400);
  // An `end` alone ends a page of up to 100 leaves.
  EXPECT_NE(Send("GET", "/ledger?end=3").body.find("Leaves 0 to 2 of 103"), std::string::npos);
  EXPECT_NE(Send("GET", "/ledger?end=103").body.find("Leaves 3 to 102 of 103"), std::string::npos);
  EXPECT_NE(Send("GET", "/ledger?end=500").body.find("Leaves 3 to 102 of 103"), std::string::npos);
  const http::HttpResponse none = Send("GET", "/ledger?end=0");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("end: a leaf index of 1 or more"), std::string::npos) << none.body;
  // A notice about a leaf another page holds links to that page instead of pointing below.
  const std::string leaf_0 =
      nlohmann::json::parse(Send("GET", "/api/v1/events?limit=1").body)["events"][0]["id"];
  const std::string elsewhere = Send("GET", "/ledger?begin=100&already=" + leaf_0).body;
  EXPECT_NE(elsewhere.find("is leaf 0, on <a href=\"/ledger?begin=0\">its page</a>"),
            std::string::npos)
      << elsewhere;
  EXPECT_EQ(elsewhere.find("shown below"), std::string::npos);
  EXPECT_NE(Send("GET", "/ledger?already=" + leaf_0).body.find("is leaf 0, shown below"),
            std::string::npos);
}

// Without ?at the status is now's, not the end of today's: a 24-hour clock that runs out later
// today is open, as /consultations and `treaty status` say, not missed already.
TEST_F(HttpStatusTest, WithoutADayAConsultationsClockRunningOutLaterTodayIsOpen) {
  using namespace std::chrono;
  const sys_seconds now = floor<seconds>(system_clock::now());
  const sys_days today = floor<days>(now);
  const sys_seconds opened = today - minutes(30);  // yesterday 23:30Z: closes today 23:30Z
  const std::string yesterday =
      ledger::CivilFromDays(floor<days>(opened).time_since_epoch().count());
  const nlohmann::json request = {{"type", "consultation_request"},
                                  {"subtype", "armed_attack"},
                                  {"participant", "LV"},
                                  {"date", yesterday},
                                  {"occurred_at", yesterday + "T23:30:00Z"},
                                  {"commitments", {"sec_4__para_1__sent_1"}},
                                  {"description", "request after an attack"},
                                  {"evidence", nlohmann::json::array()},
                                  {"classification", "public"}};
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", request.dump()).status, 201);
  const nlohmann::json status = nlohmann::json::parse(Get("/api/v1/status", {}).Body());
  const char* expected = now < opened + hours(24) ? "open" : "missed";
  for (const nlohmann::json& commitment : status["commitments"]) {
    if (commitment["id"] == "sec_4__para_1__sent_1") {
      EXPECT_EQ(commitment["status"], expected);
    }
  }
}

// The consultations page says an open window's time left to the second, as the status's reason
// does: in its last minutes it is not "0 h 01 min" away, but "0 h 01 min 40 s".
TEST_F(HttpStatusTest, TheConsultationsPageSaysTheTimeLeftToTheSecond) {
  using namespace std::chrono;
  // The page is now's: a request whose 24 hours run out 100 seconds from now.
  const sys_seconds opened = floor<seconds>(system_clock::now()) - hours(24) + seconds(100);
  const std::string moment =  // "YYYY-MM-DDTHH:MM:SS.ffffffZ", to the second
      ledger::FormatTimestamp(duration_cast<microseconds>(opened.time_since_epoch()).count());
  const std::string day = moment.substr(0, 10);
  const nlohmann::json request = {{"type", "consultation_request"},
                                  {"subtype", "armed_attack"},
                                  {"participant", "LV"},
                                  {"date", day},
                                  {"occurred_at", moment.substr(0, 19) + "Z"},
                                  {"commitments", {"sec_4__para_1__sent_1"}},
                                  {"description", "request after an attack"},
                                  {"evidence", nlohmann::json::array()},
                                  {"classification", "public"}};
  ASSERT_EQ(Send("POST", "/api/v1/events", "lauris", request.dump()).status, 201);
  const std::string page = Send("GET", "/consultations").body;
  EXPECT_TRUE(std::regex_search(page, std::regex("<td>0 h 0[01] min [0-5][0-9] s</td>"))) << page;
}

// The consultations page at a moment asked with ?at=, as every status page: before a request its
// clock is not shown, within its 24 hours the time left then; a date that is none is refused.
TEST_F(HttpStatusTest, TheConsultationsPageIsAtTheMomentAsked) {
  const nlohmann::json request = {{"type", "consultation_request"},
                                  {"subtype", "armed_attack"},
                                  {"participant", "LV"},
                                  {"date", "2024-06-03"},
                                  {"occurred_at", "2024-06-03T10:00:00Z"},
                                  {"commitments", {"sec_4__para_1__sent_1"}},
                                  {"description", "request of June"},
                                  {"evidence", nlohmann::json::array()},
                                  {"classification", "public"}};
  const std::string id = RecordedId(request.dump());
  const std::string before = Send("GET", "/consultations?at=2024-06-03T09:00:00Z").body;
  EXPECT_NE(before.find("As of 2024-06-03T09:00:00Z."), std::string::npos) << before;
  EXPECT_EQ(before.find(id), std::string::npos);
  const std::string within = Send("GET", "/consultations?at=2024-06-03T12:00:00Z").body;
  EXPECT_NE(within.find(id), std::string::npos) << within;
  EXPECT_NE(within.find("<td>22 h 00 min 00 s</td>"), std::string::npos) << within;
  EXPECT_EQ(Send("GET", "/consultations?at=2024-02-30").status, 400);
}

// sec_6__para_7: the overview says the life cycle as evaluated, a termination notice's last day in
// force and not the term's, before and after that day.
class HttpLifecycleTest : public HttpTest {};

TEST_F(HttpLifecycleTest, TheOverviewFollowsATerminationNotice) {
  EXPECT_NE(Send("GET", "/?at=2025-01-01")
                .body.find("In force from 2024-04-11; term 1 ends on 2034-04-11; an extension can "
                           "be agreed in writing by 2033-10-11."),
            std::string::npos);
  const nlohmann::json notice = {{"type", "notice"},
                                 {"subtype", "termination"},
                                 {"participant", "LV"},
                                 {"date", "2026-12-01"},
                                 {"commitments", {"sec_6__para_7__sent_1"}},
                                 {"description", "Notice of termination"},
                                 {"evidence", {{{"reference", "https://example.lv/notice"}}}},
                                 {"classification", "public"}};
  const http::HttpResponse recorded = Send("POST", "/api/v1/events", "lauris", notice.dump());
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const std::string id = nlohmann::json::parse(recorded.body)["id"];
  const std::string pending = Send("GET", "/?at=2027-01-15").body;
  EXPECT_NE(pending.find("termination notice " + id + " makes 2027-06-01 its last day in force"),
            std::string::npos)
      << pending;
  EXPECT_EQ(pending.find("an extension can be agreed"), std::string::npos);
  EXPECT_NE(Send("GET", "/?at=2027-07-01")
                .body.find("Was in force from 2024-04-11 to 2027-06-01, ended by termination "
                           "notice " +
                           id),
            std::string::npos);
}

}  // namespace
}  // namespace treaty::test
