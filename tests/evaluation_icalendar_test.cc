// The calendar of deadlines and yearly duties, read back by a strict RFC 5545 reader written here:
// CRLF only, physical lines of at most 75 octets, each one valid UTF-8 on its own (so no fold
// splits a character), properly nested components and TEXT escapes.
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "evaluation/deadline.h"
#include "evaluation/icalendar.h"
#include "evaluation/lifecycle_json.h"
#include "evaluation/status.h"
#include "lifecycle_parameters_json.h"

namespace treaty::evaluation {
namespace {

using nlohmann::json;

bool ValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// Physical lines → content lines, failing the test on any breach of §3.1.
std::vector<std::string> Unfold(const std::string& stream) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < stream.size()) {
    size_t end = stream.find("\r\n", begin);
    EXPECT_NE(end, std::string::npos) << "the stream does not end in CRLF";
    if (end == std::string::npos) break;
    std::string_view physical(stream.data() + begin, end - begin);
    EXPECT_EQ(physical.find_first_of("\r\n"), std::string_view::npos) << "a bare CR or LF";
    EXPECT_LE(physical.size(), 75u) << physical;
    EXPECT_TRUE(ValidUtf8(physical)) << "a fold splits a character: " << physical;
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
      EXPECT_FALSE(lines.empty()) << "a continuation with nothing to continue";
      if (!lines.empty()) lines.back().append(physical.substr(1));
    } else {
      lines.emplace_back(physical);
    }
    begin = end + 2;
  }
  return lines;
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      EXPECT_TRUE(text[i] != ';' && text[i] != ',') << "unescaped separator in " << text;
      out += text[i];
      continue;
    }
    EXPECT_LT(i + 1, text.size()) << "a trailing backslash in " << text;
    if (i + 1 >= text.size()) break;
    char next = text[++i];
    if (next == 'n' || next == 'N') {
      out += '\n';
    } else if (next == '\\' || next == ';' || next == ',') {
      out += next;
    } else {
      ADD_FAILURE() << "an escape RFC 5545 does not define: \\" << next;
    }
  }
  return out;
}

// One VEVENT: property name with its parameters ("DTSTART;VALUE=DATE") → raw value.
using Event = std::multimap<std::string, std::string>;

struct ParsedCalendar {
  std::map<std::string, std::string> properties;
  std::vector<Event> events;
};

ParsedCalendar Parse(const std::string& stream) {
  ParsedCalendar calendar;
  std::vector<std::string> open;
  for (const std::string& line : Unfold(stream)) {
    size_t colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << line;
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    if (name == "BEGIN") {
      EXPECT_TRUE(open.empty() ? value == "VCALENDAR" : value == "VEVENT") << line;
      if (value == "VEVENT") calendar.events.emplace_back();
      open.push_back(value);
    } else if (name == "END") {
      EXPECT_FALSE(open.empty());
      if (open.empty()) continue;
      EXPECT_EQ(open.back(), value);
      open.pop_back();
    } else if (open.size() == 1) {
      calendar.properties[name] = value;
    } else if (open.size() == 2) {
      calendar.events.back().emplace(name, value);
    } else {
      ADD_FAILURE() << "a property outside VCALENDAR: " << line;
    }
  }
  EXPECT_TRUE(open.empty()) << "components left open";
  return calendar;
}

std::string One(const Event& event, const std::string& name) {
  EXPECT_EQ(event.count(name), 1u) << name;
  auto it = event.find(name);
  return it == event.end() ? "" : it->second;
}

Date D(const std::string& text) { return ParseDate(text).value(); }
Instant I(const std::string& text) { return ParseInstant(text).value(); }

LifecycleParameters Parameters() {
  std::ifstream in(std::string(TREATY_SOURCE_DIR) +
                   "/tests/data/evaluation/lifecycle_parameters.json");
  return LifecycleParametersFromJson(json::parse(in)).value();
}

// sec_2__para_6: "the Participants will hold an annual senior-level Strategic Security and Defence
// Policy Dialogue", due in each year of the term: here on the anniversary of the signature.
Deadline AnnualDialogue(const Lifecycle& lifecycle) {
  return Deadline{"annual-dialogue",
                  lifecycle.in_force_from,
                  lifecycle.last_day_in_force,
                  "Annual Strategic Security and Defence Policy Dialogue, due this year",
                  Citation{"sec_2__para_6__sent_1", "sec_2__para_6",
                           "In order to ensure military support objectives of the Agreement, the "
                           "Participants will hold an annual senior-level Strategic Security and "
                           "Defence Policy Dialogue."},
                  {}};
}

// Every deadline is in the calendar once, on its day, with its words.
void ExpectEveryDeadline(const std::vector<Deadline>& deadlines, const ParsedCalendar& calendar) {
  ASSERT_EQ(calendar.events.size(), deadlines.size());
  for (const Deadline& deadline : deadlines) {
    SCOPED_TRACE(deadline.key);
    const Event* found = nullptr;
    for (const Event& event : calendar.events) {
      if (One(event, "UID") == DeadlineUid("lv-ua-2024", deadline.key)) found = &event;
    }
    ASSERT_NE(found, nullptr);
    if (deadline.moment) {
      EXPECT_EQ(One(*found, "DTSTART"), deadline.moment->ToBasicUtcString());
    } else {
      EXPECT_EQ(One(*found, "DTSTART;VALUE=DATE"), deadline.date.ToBasicString());
    }
    EXPECT_EQ(Unescape(One(*found, "SUMMARY")), deadline.title);
    std::string description = Unescape(One(*found, "DESCRIPTION"));
    EXPECT_NE(description.find(deadline.source.quote), std::string::npos) << description;
    EXPECT_EQ(
        description.rfind(deadline.source.eid + " (" + deadline.source.commitment_id + ")", 0), 0u);
    for (const std::string& event_id : deadline.events) {
      EXPECT_NE(description.find(event_id), std::string::npos) << description;
    }
    if (deadline.yearly_until) {
      EXPECT_EQ(One(*found, "RRULE"),
                "FREQ=YEARLY;UNTIL=" + deadline.yearly_until->ToBasicString());
    } else {
      EXPECT_EQ(found->count("RRULE"), 0u);
    }
  }
}

TEST(EvaluationICalendar, Sec6DeadlinesAndTheAnnualDialogueReadBack) {
  LifecycleParameters parameters = Parameters();
  Result<Lifecycle> lifecycle = EvaluateLifecycle(parameters, {}, D("2030-01-01"));
  ASSERT_TRUE(lifecycle.ok()) << lifecycle.error().ToString();
  std::vector<Deadline> deadlines = LifecycleDeadlines(lifecycle.value(), parameters);
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(deadlines[0].date.ToString(), "2033-10-11");
  EXPECT_EQ(deadlines[1].date.ToString(), "2034-04-11");
  deadlines.push_back(AnnualDialogue(lifecycle.value()));

  std::string stream =
      WriteICalendar("lv-ua-2024", deadlines, {}, 7, I("2030-01-01T09:00:00+02:00"));
  ParsedCalendar calendar = Parse(stream);
  EXPECT_EQ(calendar.properties["VERSION"], "2.0");
  EXPECT_FALSE(calendar.properties["PRODID"].empty());
  ExpectEveryDeadline(deadlines, calendar);
  for (const Event& event : calendar.events) {
    EXPECT_EQ(One(event, "DTSTAMP"), "20300101T070000Z");
    EXPECT_EQ(One(event, "SEQUENCE"), "7");
  }
}

TEST(EvaluationICalendar, Sec6Para7ATerminationIsItsOwnDeadlineWithItsNotice) {
  LifecycleParameters parameters = Parameters();
  Notice notice;
  notice.event_id = "0190a6c4-7e1f-7b3c-9a2d-5f6e7d8c9b0a";
  notice.from = "UA";
  notice.to = "LV";
  notice.date = D("2025-03-31");
  Result<Lifecycle> lifecycle =
      EvaluateLifecycle(parameters, {{notice}, {}, {}, {}}, D("2025-06-01"));
  ASSERT_TRUE(lifecycle.ok()) << lifecycle.error().ToString();
  std::vector<Deadline> deadlines = LifecycleDeadlines(lifecycle.value(), parameters);
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].key, "termination-effective");
  EXPECT_EQ(deadlines[0].date.ToString(), "2025-09-30");
  ExpectEveryDeadline(
      deadlines, Parse(WriteICalendar("lv-ua-2024", deadlines, {}, 0, I("2025-06-01T00:00:00Z"))));
}

// sec_4__para_1's clock of hours ends at an instant: a calendar shows it at its time, not as a day.
TEST(EvaluationICalendar, Sec4Para1AConsultationClockIsATimedEvent) {
  Deadline clock{"consultations-x", D("2026-12-07"), std::nullopt, "Consultations due", {}, {}};
  clock.moment = I("2026-12-07T02:50:22Z");
  const std::vector<Deadline> deadlines{clock};
  const ParsedCalendar calendar =
      Parse(WriteICalendar("lv-ua-2024", deadlines, {}, 0, I("2026-12-06T00:00:00Z")));
  ExpectEveryDeadline(deadlines, calendar);
  ASSERT_EQ(calendar.events.size(), 1u);
  EXPECT_EQ(One(calendar.events[0], "DTSTART"), "20261207T025022Z");
  EXPECT_EQ(calendar.events[0].count("DTSTART;VALUE=DATE"), 0u);
}

TEST(EvaluationICalendar, UidsAreStablePerDeadline) {
  LifecycleParameters parameters = Parameters();
  std::vector<Deadline> deadlines =
      LifecycleDeadlines(EvaluateLifecycle(parameters, {}, D("2030-01-01")).value(), parameters);
  ParsedCalendar first =
      Parse(WriteICalendar("lv-ua-2024", deadlines, {}, 0, I("2030-01-01T00:00:00Z")));
  ParsedCalendar again =
      Parse(WriteICalendar("lv-ua-2024", deadlines, {}, 0, I("2031-05-05T00:00:00Z")));
  ASSERT_EQ(first.events.size(), again.events.size());
  for (size_t i = 0; i < first.events.size(); ++i) {
    EXPECT_EQ(One(first.events[i], "UID"), One(again.events[i], "UID"));
    EXPECT_NE(One(first.events[i], "DTSTAMP"), One(again.events[i], "DTSTAMP"));
  }
  EXPECT_NE(One(first.events[0], "UID"), One(first.events[1], "UID"));
}

TEST(EvaluationICalendar, TextIsEscaped) {
  EXPECT_EQ(EscapeText("a,b;c\\d\ne\r\nf\x01g"), "a\\,b\\;c\\\\d\\ne\\nf g");
  EXPECT_EQ(Unescape(EscapeText("Participants’ commitments; 0,25 %\\ \n")),
            "Participants’ commitments; 0,25 %\\ \n");
}

TEST(EvaluationICalendar, FoldsAtSeventyFiveOctetsNeverInsideACharacter) {
  // Two- and three-byte characters at every position around each fold.
  for (size_t prefix = 0; prefix < 8; ++prefix) {
    std::string line = "DESCRIPTION:" + std::string(prefix, 'x');
    for (int i = 0; i < 40; ++i) line += i % 2 ? "’" : "ā";
    line += " Україна";
    std::string folded = FoldLine(line);
    std::vector<std::string> unfolded = Unfold(folded);
    ASSERT_EQ(unfolded.size(), 1u);
    EXPECT_EQ(unfolded[0], line);
    EXPECT_GT(folded.size(), line.size() + 2) << "a line of " << line.size() << " octets is folded";
  }
  EXPECT_EQ(FoldLine(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(FoldLine(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
}

}  // namespace
}  // namespace treaty::evaluation

namespace treaty::evaluation {
namespace {

TEST(EvaluationICalendar, TheBundledAgreementsCalendarReadsBackWithEveryDeadlineAndDuty) {
  Result<AgreementRules> rules =
      LoadAgreementRules(std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024");
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  LedgerFacts facts(rules.value().agreement, Audience::kAll, rules.value().categories);
  Result<AgreementStatus> status = EvaluateStatus(rules.value(), facts, EndOfDay(D("2026-12-04")));
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  ParsedCalendar calendar = Parse(StatusCalendar(status.value(), I("2026-12-04T10:00:00Z")));
  ExpectEveryDeadline(status.value().calendar, calendar);
  std::map<std::string, std::string> starts;  // UID → DTSTART
  for (const Event& event : calendar.events)
    starts[One(event, "UID")] = One(event, "DTSTART;VALUE=DATE");
  EXPECT_EQ(starts.size(), calendar.events.size()) << "UIDs are unique";
  EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "extension-deadline-term-1")], "20331011");
  EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "term-last-day-term-1")], "20340411");
  EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "annual-meeting")], "20241231");
  // The dialogue of 2034, due by the last day in force, which a yearly rule on 31 December would
  // not reach: the yearly rule ends with 2033.
  EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "annual-meeting-2034")], "20340411");
  for (const Event& event : calendar.events) {
    if (One(event, "UID") == DeadlineUid("lv-ua-2024", "annual-meeting")) {
      EXPECT_EQ(One(event, "RRULE"), "FREQ=YEARLY;UNTIL=20331231");
    }
  }
  EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "target-sec_3__hcontainer_16__para_2__sent_2-2026")],
            "20261231");
  for (int year : {2024, 2025, 2026}) {
    EXPECT_EQ(starts[DeadlineUid("lv-ua-2024", "target-sec_2__hcontainer_1__para_2__sent_1-" +
                                                   std::to_string(year))],
              std::to_string(year) + "1231");
  }
}

}  // namespace
}  // namespace treaty::evaluation
