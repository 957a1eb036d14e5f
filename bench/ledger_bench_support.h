// What the ledger benchmarks share: a keys file, valid events to append, stores to append them
// to (a fresh SQLite file or a fresh PostgreSQL schema), the plain-row baseline, and medians.
// Figures are printed, never asserted.
//
// PostgreSQL: the server's URL comes from TREATY_BENCH_POSTGRES_URL (else
// TREATY_TEST_POSTGRES_URL), e.g. the throwaway server of scripts/start-postgres.sh; without
// either, the PostgreSQL figures are skipped with a message.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/ledger_store.h"

namespace treaty::bench {

inline constexpr const char* kAgreement = "lv-ua-2024";

// One institution, lv-mod, with the demo key of §4.4.
inline const ledger::KeysFile& BenchKeys() {
  static const ledger::KeysFile keys = [] {
    ledger::KeysFile file;
    file.agreement = kAgreement;
    file.institutions = {{"lv-mod", "LV", "Ministry of Defence of Latvia"}};
    const ledger::Seed seed = ledger::DemoSeed("treaty demo key lv-mod");
    ledger::KeyEntry entry;
    entry.public_key = ledger::PublicKeyFromSeed(seed);
    entry.key_id = ledger::KeyId(entry.public_key);
    entry.institution = "lv-mod";
    entry.valid_from = "2024-04-11T00:00:00.000000Z";
    entry.demo = true;
    file.keys.push_back(entry);
    return file;
  }();
  return keys;
}

inline ledger::PrivateKey BenchKey() {
  const ledger::Seed seed = ledger::DemoSeed("treaty demo key lv-mod");
  return ledger::PrivateKey{"lv-mod", ledger::KeyId(ledger::PublicKeyFromSeed(seed)), seed};
}

// Events `first` … `first + count − 1`: valid disbursements (§1.3) with one evidence item and two
// commitments, ~600 canonical bytes each, the number in the amount, description and
// idempotency key, so that every one is new.
inline std::vector<ledger::Event> MakeEvents(int64_t first, int64_t count) {
  static const ledger::Event base = [] {
    const nlohmann::json input = {
        {"type", "disbursement"},
        {"participant", "LV"},
        {"date", "2024-06-01"},
        {"commitments",
         {"sec_2__hcontainer_1__para_2__sent_1", "sec_2__hcontainer_1__para_2__sent_2"}},
        {"amount", {{"currency", "EUR"}, {"minor_units", 1}}},
        {"period", {{"from", "2024-01-01"}, {"to", "2024-12-31"}}},
        {"description", "Military support payment under the 2024 budget line"},
        {"evidence",
         {{{"reference", "LV MoD payment order (PDF)"},
           {"sha256", "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"}}}},
        {"classification", "public"},
        {"idempotency_key", "bench"},
        {"recorded_by", {{"institution", "lv-mod"}, {"user", "benchmark"}}},
    };
    ledger::ValidationContext context;
    return ledger::ParseEvent(input, ledger::EventForm::kInput, context).event;
  }();
  std::vector<ledger::Event> events(count, base);
  for (int64_t i = 0; i < count; ++i) {
    const std::string n = std::to_string(first + i);
    events[i].content.amount->minor_units = 100000 + first + i;
    events[i].content.description = base.content.description + " No. " + n;
    events[i].idempotency_key = "lv-mod/payment/" + n;
  }
  return events;
}

inline ledger::AppendRequest AppendRequestOf(std::vector<ledger::Event> events) {
  ledger::AppendRequest request;
  request.agreement = kAgreement;
  request.submissions = std::move(events);
  request.key = BenchKey();
  request.keys = &BenchKeys();
  return request;
}

// Wall-clock and CPU time of this process (all its threads) since construction. On a shared
// machine the CPU time shows the work done, whatever the waits for a core.
class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(CpuNow()) {}
  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  }
  double CpuSeconds() const { return CpuNow() - cpu_; }

 private:
  static double CpuNow() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
  }

  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

// Seconds since `start`.
inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// The server URL for PostgreSQL figures, or "" when none is configured.
inline std::string BenchPostgresUrl() {
  for (const char* name : {"TREATY_BENCH_POSTGRES_URL", "TREATY_TEST_POSTGRES_URL"}) {
    if (const char* url = std::getenv(name); url != nullptr && *url != '\0') return url;
  }
  return "";
}

// A schema of its own on the benchmark server, dropped at destruction; url() selects it. Throws
// std::runtime_error while another run holds a schema of the same name.
class PostgresBenchSchema {
 public:
  PostgresBenchSchema(const std::string& base, const std::string& name)
      : admin_(base), name_(name) {
    pqxx::nontransaction session(admin_);
    // Held by admin_'s session until it closes: two runs on one server would drop each other's
    // tables and spoil both figures.
    if (!session
             .exec_params1("SELECT pg_try_advisory_lock(hashtext($1))", "treaty-bench " + name)[0]
             .as<bool>()) {
      throw std::runtime_error("schema " + name +
                               " is in use by another benchmark run on this server: wait for it "
                               "to end");
    }
    session.exec0("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    session.exec0("CREATE SCHEMA " + name_);
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           name_;
  }
  ~PostgresBenchSchema() {
    try {
      pqxx::nontransaction session(admin_);
      session.exec0("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception&) {
      // A schema left behind on a throwaway server is harmless.
    }
  }
  PostgresBenchSchema(const PostgresBenchSchema&) = delete;
  PostgresBenchSchema& operator=(const PostgresBenchSchema&) = delete;

  const std::string& url() const { return url_; }
  // Bytes on disk of every table of the schema, with indexes and TOAST.
  int64_t DiskBytes() {
    pqxx::nontransaction session(admin_);
    return session
        .exec_params1(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 "
            "AND c.relkind = 'r'",
            name_)[0]
        .as<int64_t>();
  }

 private:
  pqxx::connection admin_;
  std::string name_;
  std::string url_;
};

// A fresh folder under the system's temporary folder, removed at destruction.
class TempFolder {
 public:
  explicit TempFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace treaty::bench
