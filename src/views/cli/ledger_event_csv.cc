#include "views/cli/ledger_event_csv.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "ledger/currency.h"
#include "views/cli/csv.h"

namespace treaty::views {
namespace {

using json = nlohmann::json;

// The ledger's columns, then the fields of the event.
const std::vector<std::string>& Columns() {
  static const std::vector<std::string> columns = {"leaf_index",
                                                   "id",
                                                   "recorded_at",
                                                   "institution",
                                                   "user",
                                                   "type",
                                                   "subtype",
                                                   "participant",
                                                   "date",
                                                   "date_precision",
                                                   "occurred_at",
                                                   "commitments",
                                                   "amount",
                                                   "currency",
                                                   "quantity",
                                                   "unit",
                                                   "item",
                                                   "period_from",
                                                   "period_to",
                                                   "effective_date",
                                                   "named_institution",
                                                   "responds_to",
                                                   "description",
                                                   "evidence_reference",
                                                   "evidence_sha256",
                                                   "classification",
                                                   "idempotency_key",
                                                   "corrects",
                                                   "action"};
  return columns;
}

// Minor units as a decimal of major units, exactly ("11200000000" EUR → "112000000.00").
std::string MajorUnits(int64_t minor_units, const std::string& currency) {
  const int decimals = ledger::CurrencyMinorUnit(currency).value_or(0);
  std::string digits = std::to_string(minor_units);
  if (decimals == 0) return digits;
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  return digits;
}

std::string Text(const json& object, const char* name) {
  return object.contains(name) && object[name].is_string() ? object[name].get<std::string>() : "";
}

std::string Joined(const json& array, const char* member) {
  std::string joined;
  if (!array.is_array()) return joined;
  for (const json& item : array) {
    const std::string value = member == nullptr ? item.get<std::string>() : Text(item, member);
    if (!joined.empty()) joined += ";";
    joined += value;
  }
  return joined;
}

}  // namespace

std::string LedgerEventCsvHeader() { return CsvRow(Columns()); }

std::string LedgerEventCsvRow(const ledger::StoredEvent& event) {
  const json object = json::parse(event.canonical, nullptr, false);
  std::vector<std::string> row = {std::to_string(event.leaf_index), event.id, event.recorded_at,
                                  event.institution};
  if (!object.is_object()) {
    row.resize(Columns().size());
    return CsvRow(row);
  }
  // A correction that amends carries its content in `replacement`; the row shows the envelope.
  const json by = object.value("recorded_by", json::object());
  row.push_back(Text(by, "user"));
  for (const char* name :
       {"type", "subtype", "participant", "date", "date_precision", "occurred_at"}) {
    row.push_back(Text(object, name));
  }
  row.push_back(Joined(object.value("commitments", json::array()), nullptr));
  if (object.contains("amount")) {
    const std::string currency = Text(object["amount"], "currency");
    row.push_back(MajorUnits(object["amount"].value("minor_units", int64_t{0}), currency));
    row.push_back(currency);
  } else {
    row.insert(row.end(), {"", ""});
  }
  row.push_back(object.contains("quantity") ? std::to_string(object["quantity"].get<int64_t>())
                                            : "");
  row.push_back(Text(object, "unit"));
  row.push_back(Text(object, "item"));
  const json period = object.value("period", json::object());
  row.push_back(Text(period, "from"));
  row.push_back(Text(period, "to"));
  for (const char* name : {"effective_date", "named_institution", "responds_to", "description"}) {
    row.push_back(Text(object, name));
  }
  row.push_back(Joined(object.value("evidence", json::array()), "reference"));
  row.push_back(Joined(object.value("evidence", json::array()), "sha256"));
  for (const char* name : {"classification", "idempotency_key", "corrects", "action"}) {
    row.push_back(Text(object, name));
  }
  return CsvRow(row);
}

}  // namespace treaty::views
