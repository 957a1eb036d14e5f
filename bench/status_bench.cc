// `treaty status` over ledgers of 10k, 1M and 10M events: how the time of one status grows with
// the ledger, against recomputing the same figures with a plain SQL GROUP BY in the same run.
//
// For each size, one synthetic ledger of the bundled agreement (a fixed seed: disbursements,
// allocations, pledges, deliveries, trainings and meetings, 1–2 commitments each, dates
// 2024-01-01 to 2026-11-30, one in ten restricted, one in a thousand corrected) is
//   - folded into evaluation's LedgerFacts (what the server does once, then per new event), and
//     printed as events/s;
//   - evaluated: EvaluateStatus at 2026-12-04, the median of RUNS runs (the time of one status
//     once the ledger is folded);
//   - inserted as plain rows (one per event and scope, as the fold counts them) into an in-memory
//     SQLite table, and the figures recomputed with one GROUP BY over the rows dated up to the
//     status's day, the median of RUNS runs; printed with the ratio GROUP BY ÷ status.
// Usage: status_bench [SIZE[,SIZE…] [RUNS]] (default 10000,1000000,10000000 and 5). Target:
// status under 50 ms at 1M events.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "evaluation/status.h"

namespace {

using treaty::evaluation::AgreementRules;
using treaty::evaluation::LedgerFacts;
using treaty::ledger::Event;
using treaty::ledger::EventType;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::string DayString(int day_offset) {
  const auto day =
      std::chrono::sys_days(std::chrono::year(2024) / 1 / 1) + std::chrono::days(day_offset);
  const std::chrono::year_month_day ymd(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// Events kept in memory for corrections to name: the first million.
constexpr int64_t kKeptEvents = 1000000;

class LedgerGenerator {
 public:
  explicit LedgerGenerator(const AgreementRules& rules) {
    for (const auto& rule : rules.targets) commitments_.push_back(rule.commitment_id);
  }

  Event Next(int64_t index) {
    Event event;
    event.id = fmt::format("00000000-0000-7000-8000-{:012x}", index);
    event.agreement = "lv-ua-2024";
    event.classification = random_() % 10 == 0 ? "restricted" : "public";
    if (index > 1000 && random_() % 1000 == 0) {
      event.content.type = EventType::kCorrection;
      // An event the benchmark keeps (RunSize), so the fold can look it up.
      const int64_t kept = std::min<int64_t>(index, kKeptEvents);
      int64_t original = static_cast<int64_t>(random_() % kept);
      while (corrections_.count(original) != 0) original = static_cast<int64_t>(random_() % kept);
      corrections_.insert(index);
      event.corrects = fmt::format("00000000-0000-7000-8000-{:012x}", original);
      event.action = "retract";
      return event;
    }
    static constexpr EventType kTypes[] = {
        EventType::kDisbursement, EventType::kDisbursement, EventType::kDisbursement,
        EventType::kDisbursement, EventType::kAllocation,   EventType::kAllocation,
        EventType::kPledge,       EventType::kDelivery,     EventType::kDelivery,
        EventType::kTraining,     EventType::kMeeting};
    event.content.type = kTypes[random_() % std::size(kTypes)];
    event.content.participant = event.content.type == EventType::kMeeting ? "both" : "LV";
    event.content.date = DayString(static_cast<int>(random_() % 1064));
    if (event.content.type == EventType::kMeeting) {
      event.content.subtype = "strategic_dialogue";
    } else {
      event.content.commitments.push_back(commitments_[random_() % commitments_.size()]);
      if (random_() % 3 == 0) {
        event.content.commitments.push_back(commitments_[random_() % commitments_.size()]);
      }
      std::sort(event.content.commitments.begin(), event.content.commitments.end());
      event.content.commitments.erase(
          std::unique(event.content.commitments.begin(), event.content.commitments.end()),
          event.content.commitments.end());
    }
    if (event.content.type != EventType::kTraining && event.content.type != EventType::kMeeting) {
      event.content.amount =
          treaty::ledger::Money{"EUR", 1 + static_cast<int64_t>(random_() % 100000000)};
    }
    if (event.content.type == EventType::kDelivery) {
      event.content.quantity = 1 + static_cast<int64_t>(random_() % 500);
      event.content.unit = "drone";
      event.content.item = "FPV combat drone";
    }
    return event;
  }

 private:
  std::mt19937_64 random_{42};
  std::vector<std::string> commitments_;
  std::set<int64_t> corrections_;  // indexes of the corrections made
};

// The plain rows and the GROUP BY that recomputes the status's figures.
class PlainRows {
 public:
  PlainRows() {
    sqlite3_open(":memory:", &db_);
    Exec(
        "CREATE TABLE rows (event TEXT, scope TEXT, type TEXT, currency TEXT, minor_units "
        "INTEGER, quantity INTEGER, unit TEXT, date TEXT, year INTEGER)");
    Exec("CREATE TABLE retracted (event TEXT PRIMARY KEY)");
    Exec("BEGIN");
    sqlite3_prepare_v2(db_, "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert_,
                       nullptr);
  }
  ~PlainRows() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }

  void Add(const Event& event, const std::map<std::string, std::string>& categories) {
    if (event.content.type == EventType::kCorrection) {
      Exec(fmt::format("INSERT OR IGNORE INTO retracted VALUES ('{}')", event.corrects));
      return;
    }
    std::set<std::string> scopes;
    for (const std::string& commitment : event.content.commitments) {
      scopes.insert("commitment:" + commitment);
      scopes.insert("category:" + categories.at(commitment));
    }
    for (const std::string& scope : scopes) {
      sqlite3_bind_text(insert_, 1, event.id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 2, scope.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 3, std::string(EventTypeName(event.content.type)).c_str(), -1,
                        SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 4, event.content.amount ? "EUR" : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64(insert_, 5, event.content.amount ? event.content.amount->minor_units : 0);
      sqlite3_bind_int64(insert_, 6, event.content.quantity.value_or(0));
      sqlite3_bind_text(insert_, 7, event.content.unit.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 8, event.content.date.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(insert_, 9, std::stoi(event.content.date.substr(0, 4)));
      sqlite3_step(insert_);
      sqlite3_reset(insert_);
    }
  }
  void Commit() { Exec("COMMIT"); }

  // The sums the status reads, by scope, year, type, currency and unit; returns the row count.
  int64_t GroupBy(const std::string& through) {
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(
        db_,
        "SELECT scope, year, type, currency, unit, SUM(minor_units), "
        "SUM(quantity), COUNT(*), MAX(date) FROM rows WHERE date <= ? AND event NOT IN "
        "(SELECT event FROM retracted) "
        "GROUP BY scope, year, type, currency, unit",
        -1, &query, nullptr);
    sqlite3_bind_text(query, 1, through.c_str(), -1, SQLITE_TRANSIENT);
    int64_t rows = 0;
    while (sqlite3_step(query) == SQLITE_ROW) ++rows;
    sqlite3_finalize(query);
    return rows;
  }

 private:
  void Exec(const std::string& sql) { sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

void RunSize(const AgreementRules& rules, int64_t size, int runs) {
  LedgerFacts facts(rules.agreement, treaty::evaluation::Audience::kAll, rules.categories);
  PlainRows plain;
  LedgerGenerator generator(rules);
  Clock::duration fold{};
  Clock::duration insert{};
  std::unordered_map<std::string, Event> originals;
  for (int64_t index = 0; index < size; ++index) {
    Event event = generator.Next(index);
    auto find = [&originals](const std::string& id) -> treaty::Result<std::optional<Event>> {
      auto found = originals.find(id);
      if (found == originals.end()) return std::optional<Event>();
      return std::optional<Event>(found->second);
    };
    const auto start = Clock::now();
    treaty::Result<bool> added = facts.Add(event, find);
    fold += Clock::now() - start;
    if (!added.ok()) {
      std::fprintf(stderr, "fold: %s\n", added.error().ToString().c_str());
      return;
    }
    const auto insert_start = Clock::now();
    plain.Add(event, rules.categories);
    insert += Clock::now() - insert_start;
    if (event.content.type != EventType::kCorrection && index < kKeptEvents) {
      originals.emplace(event.id, std::move(event));
    }
  }
  const auto refresh_start = Clock::now();
  facts.Refresh();
  fold += Clock::now() - refresh_start;
  plain.Commit();
  size_t days = 0;
  for (const auto& [key, series] : facts.series()) days += series.days();

  const treaty::evaluation::Instant at =
      treaty::evaluation::EndOfDay(treaty::evaluation::ParseDate("2026-12-04").value());
  std::vector<double> status_times;
  std::vector<double> group_times;
  int64_t group_rows = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    treaty::Result<treaty::evaluation::AgreementStatus> status =
        treaty::evaluation::EvaluateStatus(rules, facts, at);
    status_times.push_back(Seconds(Clock::now() - start));
    if (!status.ok()) {
      std::fprintf(stderr, "status: %s\n", status.error().ToString().c_str());
      return;
    }
    start = Clock::now();
    group_rows = plain.GroupBy("2026-12-04");
    group_times.push_back(Seconds(Clock::now() - start));
  }
  const double status_ms = Median(status_times) * 1000;
  const double group_ms = Median(group_times) * 1000;
  std::printf(
      "%10lld events | fold %9.0f events/s | status median %8.2f ms | %5zu series, %7zu days | "
      "plain rows "
      "insert %9.0f rows/s | GROUP BY median %9.2f ms (%lld groups) | GROUP BY / status %7.1fx\n",
      static_cast<long long>(size), static_cast<double>(size) / Seconds(fold), status_ms,
      facts.series().size(), days, static_cast<double>(size) / Seconds(insert), group_ms,
      static_cast<long long>(group_rows), group_ms / status_ms);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes = {10000, 1000000, 10000000};
  int runs = 5;
  if (argc > 1) {
    sizes.clear();
    std::stringstream list(argv[1]);
    for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoll(item));
  }
  if (argc > 2) runs = std::max(1, std::atoi(argv[2]));
  treaty::Result<AgreementRules> rules = treaty::evaluation::LoadAgreementRules(
      std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024");
  if (!rules.ok()) {
    std::fprintf(stderr, "%s\n", rules.error().ToString().c_str());
    return 1;
  }
  std::printf("treaty status over synthetic ledgers of lv-ua-2024 (%d runs each, medians)\n", runs);
  for (int64_t size : sizes) RunSize(rules.value(), size, runs);
  return 0;
}
