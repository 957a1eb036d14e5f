// Dates, periods and instants against tests/data/evaluation/date_vectors.csv, and the 24-hour
// window of sec_4__para_1.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "evaluation/date.h"
#include "evaluation/instant.h"
#include "evaluation/period.h"
#include "evaluation/response_window.h"

namespace treaty::evaluation {
namespace {

const std::string kVectors =
    std::string(TREATY_SOURCE_DIR) + "/tests/data/evaluation/date_vectors.csv";

struct Vector {
  int line = 0;
  std::string operation, input, argument, expected, why;
};

// The vectors file: a header, then five comma-separated fields a line (no field holds a comma).
std::vector<Vector> ReadVectors() {
  std::ifstream in(kVectors);
  EXPECT_TRUE(in) << "cannot open " << kVectors;
  std::vector<Vector> vectors;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    if (++number == 1) continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    EXPECT_EQ(fields.size(), 5u) << kVectors << ":" << number;
    if (fields.size() != 5) continue;
    vectors.push_back(Vector{number, fields[0], fields[1], fields[2], fields[3], fields[4]});
  }
  return vectors;
}

Date D(const std::string& text) {
  Result<Date> date = ParseDate(text);
  EXPECT_TRUE(date.ok()) << date.error().ToString();
  return date.ok() ? date.value() : Date();
}

Instant I(const std::string& text) {
  Result<Instant> instant = ParseInstant(text);
  EXPECT_TRUE(instant.ok()) << instant.error().ToString();
  return instant.ok() ? instant.value() : Instant(std::chrono::sys_seconds(), 0);
}

Period P(const std::string& text) {
  Result<Period> period = ParsePeriod(text);
  EXPECT_TRUE(period.ok()) << period.error().ToString();
  return period.ok() ? period.value() : Period();
}

void ExpectErrorSays(const Error& error, const std::string& words) {
  EXPECT_NE(error.message.find(words), std::string::npos) << error.message;
}

TEST(EvaluationDates, VectorsHold) {
  std::vector<Vector> vectors = ReadVectors();
  ASSERT_GE(vectors.size(), 60u);
  for (const Vector& v : vectors) {
    SCOPED_TRACE(kVectors + ":" + std::to_string(v.line) + ": " + v.why);
    if (v.operation == "last_day") {
      EXPECT_EQ(LastDayOfPeriod(D(v.input), P(v.argument)).ToString(), v.expected);
    } else if (v.operation == "before") {
      EXPECT_EQ(DayPeriodBefore(D(v.input), P(v.argument)).ToString(), v.expected);
    } else if (v.operation == "window") {
      std::optional<std::chrono::seconds> length = P(v.argument).ExactLength();
      ASSERT_TRUE(length.has_value());
      Instant closes = I(v.input).After(*length);
      EXPECT_EQ(closes.ToString(), v.expected);
      EXPECT_EQ(closes, I(v.expected));
    } else if (v.operation == "utc") {
      EXPECT_EQ(I(v.input).ToUtcString(), v.expected);
      EXPECT_EQ(I(v.input), I(v.expected));
    } else if (v.operation == "period") {
      EXPECT_EQ(P(v.input).ToString(), v.expected);
    } else if (v.operation == "date_error") {
      Result<Date> date = ParseDate(v.input);
      ASSERT_FALSE(date.ok());
      ExpectErrorSays(date.error(), v.expected);
    } else if (v.operation == "instant_error") {
      Result<Instant> instant = ParseInstant(v.input);
      ASSERT_FALSE(instant.ok());
      ExpectErrorSays(instant.error(), v.expected);
    } else if (v.operation == "period_error") {
      Result<Period> period = ParsePeriod(v.input);
      ASSERT_FALSE(period.ok());
      ExpectErrorSays(period.error(), v.expected);
    } else {
      ADD_FAILURE() << "unknown operation " << v.operation;
    }
  }
}

TEST(EvaluationDates, ErrorsSayWhatAndWhere) {
  Result<Date> date = ParseDate("2024-02-30", "ledger.csv:7: column date");
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.error().ToString(),
            "ledger.csv:7: column date: '2024-02-30' is not a date (YYYY-MM-DD): February 2024 "
            "has 29 days");
  Result<Instant> instant = ParseInstant("2024-04-11T10:00:00", "field occurred_at");
  ASSERT_FALSE(instant.ok());
  EXPECT_EQ(instant.error().where, "field occurred_at");
}

TEST(EvaluationDates, RangeIsInclusive) {
  EXPECT_EQ(D("1900-01-01").ToString(), "1900-01-01");
  EXPECT_EQ(D("2200-12-31").ToString(), "2200-12-31");
  EXPECT_EQ(D("2033-10-11").ToBasicString(), "20331011");
}

TEST(EvaluationDates, AnInstantKnowsItsLocalAndUtcDates) {
  Instant new_year_in_riga = I("2024-01-01T01:00:00+02:00");
  EXPECT_EQ(new_year_in_riga.LocalDate().ToString(), "2024-01-01");
  EXPECT_EQ(new_year_in_riga.UtcDate().ToString(), "2023-12-31");
  EXPECT_EQ(new_year_in_riga.ToBasicUtcString(), "20231231T230000Z");
  EXPECT_EQ(new_year_in_riga.ToString(), "2024-01-01T01:00:00+02:00");
}

TEST(EvaluationDates, PeriodsAreSaidInWords) {
  EXPECT_EQ(P("P10Y").InWords(), "10 years");
  EXPECT_EQ(P("PT24H").InWords(), "24 hours");
  EXPECT_EQ(P("P1Y2M1D").InWords(), "1 year 2 months 1 day");
  EXPECT_EQ(P("PT1H30M").InWords(), "1 hour 30 minutes");
  EXPECT_EQ(P("P2W").InWords(), "2 weeks") << "as the text says it, not as 14 days";
  EXPECT_EQ(P("P1W3D").InWords(), "1 week 3 days");
  EXPECT_EQ(PeriodInWords("P6M"), "6 months");
  EXPECT_EQ(PeriodInWords("ten years"), "ten years") << "not a period: shown as written";
}

TEST(EvaluationDates, AWeekIsSevenDaysOnDatesAndKeptAsAWeekInWriting) {
  EXPECT_EQ(LastDayOfPeriod(D("2024-04-11"), P("P2W")).ToString(), "2024-04-25");
  EXPECT_EQ(DayPeriodBefore(D("2024-03-01"), P("P1W1D")).ToString(), "2024-02-22");
  EXPECT_EQ(P("P2W").ExactLength(), std::chrono::days(14));
  EXPECT_EQ(P("P1W3D").ToString(), "P1W3D");
  EXPECT_FALSE(P("P2W").IsZero());
  EXPECT_FALSE(ParsePeriod("P1D2W").ok()) << "weeks come before days";
}

TEST(EvaluationDates, PeriodsOfMonthsHaveNoExactLength) {
  EXPECT_FALSE(P("P6M").ExactLength().has_value());
  EXPECT_EQ(P("P1DT1S").ExactLength(), std::chrono::seconds(86401));
}

// sec_4__para_1: "the Participants will consult ... within 24 hours".
class Sec4Para1ConsultationWithin24Hours : public ::testing::Test {
 protected:
  Result<WindowStatus> At(const std::string& now, std::vector<Instant> responses = {}) {
    return EvaluateWindow(I("2027-12-31T22:30:00+02:00"), std::chrono::hours(24), responses,
                          I(now));
  }
};

TEST_F(Sec4Para1ConsultationWithin24Hours, ARequestStartsTheClock) {
  Result<WindowStatus> status = At("2028-01-01T10:30:00+02:00");
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value().state, WindowState::kOpen);
  EXPECT_EQ(status.value().closes.ToString(), "2028-01-01T22:30:00+02:00");
  EXPECT_EQ(status.value().time_left, std::chrono::hours(12));
}

TEST_F(Sec4Para1ConsultationWithin24Hours, ConsultationsOnTheLastSecondMeetIt) {
  // The same moment written in UTC: 20:30Z is 22:30 in Riga.
  Result<WindowStatus> status =
      At("2028-01-02T09:00:00+02:00", {I("2028-01-01T20:30:00Z"), I("2028-01-01T21:00:00Z")});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value().state, WindowState::kMet);
  EXPECT_EQ(status.value().response->ToUtcString(), "2028-01-01T20:30:00Z");
  EXPECT_STREQ(WindowStateName(status.value().state), "met");
}

TEST_F(Sec4Para1ConsultationWithin24Hours, OneSecondLateMissesIt) {
  Result<WindowStatus> status = At("2028-01-02T09:00:00+02:00", {I("2028-01-01T22:30:01+02:00")});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value().state, WindowState::kMissed);
  EXPECT_TRUE(status.value().response.has_value());
}

TEST_F(Sec4Para1ConsultationWithin24Hours, NoConsultationsByTheEndMissesIt) {
  Result<WindowStatus> status = At("2028-01-01T22:30:01+02:00");
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value().state, WindowState::kMissed);
  EXPECT_FALSE(status.value().response.has_value());
}

TEST_F(Sec4Para1ConsultationWithin24Hours, AResponseNotYetMadeIsNotKnown) {
  Result<WindowStatus> status = At("2028-01-01T12:00:00+02:00", {I("2028-01-01T15:00:00+02:00")});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value().state, WindowState::kOpen);
  EXPECT_EQ(status.value().time_left, std::chrono::hours(10) + std::chrono::minutes(30));
}

TEST_F(Sec4Para1ConsultationWithin24Hours, AResponseBeforeTheRequestIsAnError) {
  Result<WindowStatus> status = At("2028-01-01T12:00:00+02:00", {I("2027-12-31T20:00:00+02:00")});
  ASSERT_FALSE(status.ok());
  ExpectErrorSays(status.error(), "comes before the request");
}

}  // namespace
}  // namespace treaty::evaluation
