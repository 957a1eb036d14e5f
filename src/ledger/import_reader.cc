#include "ledger/import_reader.h"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "ledger/canonical_json.h"
#include "ledger/csv_reader.h"
#include "ledger/currency.h"
#include "ledger/event_parser.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;

// The CSV columns of §7.1 that hold one string field of the same name.
const std::set<std::string, std::less<>>& StringColumns() {
  static const std::set<std::string, std::less<>> columns = {
      "type",        "subtype",        "participant",    "date",           "date_precision",
      "occurred_at", "effective_date", "unit",           "item",           "named_institution",
      "responds_to", "description",    "classification", "idempotency_key"};
  return columns;
}

bool IsEvidenceColumn(std::string_view name) {
  for (std::string_view prefix : {"evidence_reference", "evidence_sha256"}) {
    if (name == prefix) return true;
    if (name.starts_with(prefix) && name.size() > prefix.size() + 1 && name[prefix.size()] == '_') {
      const std::string_view number = name.substr(prefix.size() + 1);
      if (number.size() > 2 || number[0] == '0' ||
          !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
      }
      const int n = std::stoi(std::string(number));
      return n >= 2 && n <= static_cast<int>(kMaxEvidenceItems);
    }
  }
  return false;
}

bool IsGeneralColumn(std::string_view name) {
  return StringColumns().contains(name) || IsEvidenceColumn(name) || name == "commitments" ||
         name == "amount" || name == "currency" || name == "quantity" || name == "period_from" ||
         name == "period_to" || name == "institution" || name == "user";
}

const std::vector<std::string>& ProfileColumns() {
  static const std::vector<std::string> columns = {"date",     "kind", "area",        "amount_eur",
                                                   "quantity", "unit", "description", "source"};
  return columns;
}

// One cell of a row, by the column's name, trimmed as every input string is (§1.4).
struct Cell {
  std::string value;
  int column = 0;
};

// Converts one CSV row into the input object of §1.5, collecting the errors of conversion; the
// event rules are ParseEvent's.
class RowConverter {
 public:
  RowConverter(const std::map<std::string, Cell>& cells, ImportFormat format, const AreaMap& areas)
      : cells_(cells), format_(format), areas_(areas) {}

  json Convert() {
    json object = json::object();
    if (format_ == ImportFormat::kReportedSupport) {
      ConvertProfile(object);
    } else {
      ConvertGeneral(object);
    }
    return object;
  }

  // (column name, message) pairs.
  const std::vector<std::pair<std::string, std::string>>& errors() const { return errors_; }

 private:
  const Cell* Get(const std::string& column) const {
    auto it = cells_.find(column);
    return it == cells_.end() || it->second.value.empty() ? nullptr : &it->second;
  }

  void Fail(const std::string& column, std::string message) {
    errors_.emplace_back(column, std::move(message));
  }

  // Whether `text` is a decimal of major units as §1.4 writes them: digits, a '.' and digits.
  static bool IsDecimal(const std::string& text) {
    const size_t dot = text.find('.');
    auto digits = [](std::string_view s) {
      return !s.empty() &&
             std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return digits(std::string_view(text).substr(0, dot)) &&
           (dot == std::string::npos || digits(std::string_view(text).substr(dot + 1)));
  }

  // A decimal of major units (§1.4, IsDecimal) as minor units of `currency`, a valid code, or
  // nullopt with an error.
  std::optional<int64_t> MinorUnits(const std::string& column, const std::string& text,
                                    const std::string& currency) {
    const size_t dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    const int decimals = CurrencyMinorUnit(currency).value_or(0);
    if (static_cast<int>(fraction.size()) > decimals) {
      Fail(column, fmt::format("{} has {} decimals; \"{}\" has {}", currency, decimals, text,
                               fraction.size()));
      return std::nullopt;
    }
    const std::string all = whole + fraction + std::string(decimals - fraction.size(), '0');
    const size_t first = std::min(all.find_first_not_of('0'), all.size() - 1);
    const std::string trimmed = all.substr(first);
    if (trimmed.size() > 16 || std::stoll(trimmed) > kMaxSafeInteger) {
      // The largest amount in the units typed: 2^53 − 1 minor units.
      const std::string most = std::to_string(kMaxSafeInteger);
      const size_t split = most.size() - static_cast<size_t>(decimals);
      Fail(column,
           fmt::format("larger than {}{}{} {}, the most an amount can be", most.substr(0, split),
                       decimals > 0 ? "." : "", most.substr(split), currency));
      return std::nullopt;
    }
    return std::stoll(trimmed);
  }

  // An integer cell as a JSON integer (negative values are kept for the event's own message).
  // Other text is passed on as a string, which the event's rules refuse as "not an integer" while
  // still seeing the field given: a unit or item beside it is not also refused.
  void Integer(json& object, const std::string& column, const std::string& field) {
    const Cell* cell = Get(column);
    if (cell == nullptr) return;
    const std::string& text = cell->value;
    const size_t start = text[0] == '-' ? 1 : 0;
    if (text.size() == start || text.size() - start > 16 ||
        !std::all_of(text.begin() + static_cast<long>(start), text.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      object[field] = text;
      return;
    }
    object[field] = std::stoll(text);
  }

  void Amount(json& object, const std::string& column, const std::string& currency,
              const std::string& currency_column) {
    const Cell* amount = Get(column);
    if (amount == nullptr) {
      if (!currency.empty() && format_ != ImportFormat::kReportedSupport) {
        Fail(currency_column, "not allowed without amount");
      }
      return;
    }
    // Both cells are checked, so that a row with two faults is mended at once.
    const bool is_decimal = IsDecimal(amount->value);
    if (!is_decimal) {
      const bool negative = amount->value.starts_with('-') && IsDecimal(amount->value.substr(1));
      Fail(column, negative ? fmt::format("must not be negative: \"{}\"", amount->value)
                            : fmt::format("not a number: \"{}\"", amount->value));
    }
    if (currency.empty()) {
      Fail(currency_column, "required with amount");
      return;
    }
    if (std::string problem = CurrencyProblem(currency); !problem.empty()) {
      Fail(currency_column, problem);
      return;
    }
    if (!is_decimal) return;
    if (std::optional<int64_t> minor = MinorUnits(column, amount->value, currency)) {
      object["amount"] = {{"currency", currency}, {"minor_units", *minor}};
    }
  }

  void ConvertGeneral(json& object) {
    for (const std::string& column : StringColumns()) {
      if (const Cell* cell = Get(column)) object[column] = cell->value;
    }
    if (object.contains("type") && object["type"] == "correction") {
      Fail("type", "a correction cannot be imported from CSV; use JSON Lines");
    }
    // An empty cell is no commitment: `[]`, which §1.3 allows for some
    // types and refuses, naming the field, for the others. A missing column is a missing field.
    if (auto column = cells_.find("commitments");
        column != cells_.end() && column->second.value.empty()) {
      object["commitments"] = json::array();
    } else if (const Cell* cell = Get("commitments")) {
      json ids = json::array();
      size_t start = 0;
      for (;;) {
        const size_t stop = cell->value.find(';', start);
        std::string id = cell->value.substr(start, stop - start);
        id.erase(0, id.find_first_not_of(" \t"));
        id.erase(id.find_last_not_of(" \t") + 1);
        ids.push_back(id);
        if (stop == std::string::npos) break;
        start = stop + 1;
      }
      object["commitments"] = ids;
    }
    const Cell* currency = Get("currency");
    Amount(object, "amount", currency ? currency->value : "", "currency");
    Integer(object, "quantity", "quantity");
    const Cell* from = Get("period_from");
    const Cell* to = Get("period_to");
    if (from != nullptr || to != nullptr) {
      json period = json::object();
      if (from != nullptr) period["from"] = from->value;
      if (to != nullptr) period["to"] = to->value;
      object["period"] = period;
    }
    json evidence = json::array();
    for (int i = 1; i <= static_cast<int>(kMaxEvidenceItems); ++i) {
      const std::string suffix = i == 1 ? "" : fmt::format("_{}", i);
      const Cell* reference = Get("evidence_reference" + suffix);
      const Cell* sha256 = Get("evidence_sha256" + suffix);
      if (reference == nullptr && sha256 == nullptr) continue;
      // Item i is evidence[i - 1]: a gap would shift the items after it, and the errors would
      // name columns the file does not have.
      if (evidence.size() + 1 != static_cast<size_t>(i)) {
        Fail(reference != nullptr ? "evidence_reference" + suffix : "evidence_sha256" + suffix,
             fmt::format("evidence item {} without item {}: numbered columns fill from the first",
                         i, evidence.size() + 1));
        break;
      }
      json item = json::object();
      if (reference != nullptr) item["reference"] = reference->value;
      if (sha256 != nullptr) item["sha256"] = sha256->value;
      evidence.push_back(item);
    }
    object["evidence"] = evidence;
    const Cell* institution = Get("institution");
    const Cell* user = Get("user");
    if (institution != nullptr || user != nullptr) {
      json by = json::object();
      if (institution != nullptr) by["institution"] = institution->value;
      if (user != nullptr) by["user"] = user->value;
      object["recorded_by"] = by;
    }
  }

  // §7.4: one reported-support row as an event of the Latvian Ministry of Defence.
  void ConvertProfile(json& object) {
    static const std::set<std::string> kKinds = {"pledge", "allocation", "disbursement", "delivery",
                                                 "training"};
    if (const Cell* kind = Get("kind")) {
      if (kKinds.contains(kind->value)) {
        object["type"] = kind->value;
      } else {
        Fail("kind", fmt::format("\"{}\" is not pledge, allocation, disbursement, delivery or "
                                 "training",
                                 kind->value));
      }
    } else {
      Fail("kind", "required");
    }
    if (const Cell* date = Get("date")) object["date"] = date->value;
    if (const Cell* area = Get("area")) {
      auto found = areas_.find(area->value);
      if (found == areas_.end()) {
        Fail("area", fmt::format("unknown area \"{}\" (not in areas.json)", area->value));
      } else {
        object["commitments"] = found->second;
      }
    }
    Amount(object, "amount_eur", "EUR", "amount_eur");
    Integer(object, "quantity", "quantity");
    if (const Cell* unit = Get("unit")) {
      object["unit"] = unit->value;
      object["item"] = unit->value;
    }
    if (const Cell* description = Get("description")) object["description"] = description->value;
    json evidence = json::array();
    if (const Cell* source = Get("source")) {
      // §7.4: the profile has no column for a file's hash, which only a web page may go without.
      if (IsHttpUrl(source->value)) {
        evidence.push_back({{"reference", source->value}});
      } else {
        Fail("source", fmt::format("\"{}\" is not an http(s) URL: the reported-support profile "
                                   "keeps sources as web addresses; a file needs its SHA-256 "
                                   "(import it as CSV with evidence_sha256, or as JSON Lines)",
                                   source->value));
      }
    }
    object["evidence"] = evidence;
    object["participant"] = "LV";
    object["classification"] = "public";
  }

  const std::map<std::string, Cell>& cells_;
  ImportFormat format_;
  const AreaMap& areas_;
  std::vector<std::pair<std::string, std::string>> errors_;
};

// True when a conversion error already covers `column`: the amount's columns go together, so an
// amount left out for a bad currency is not also reported as missing.
bool Converted(const std::vector<std::pair<std::string, std::string>>& errors,
               const std::string& column) {
  auto money = [](const std::string& name) {
    return name == "amount" || name == "currency" || name == "amount_eur";
  };
  for (const auto& [converted, message] : errors) {
    if (converted == column || (money(converted) && money(column))) return true;
  }
  return false;
}

void ReadCsvRows(const std::string& file, std::string_view text, ImportFormat format,
                 const ValidationContext& context, const AreaMap& areas, ImportReading& reading) {
  const CsvTable table = ReadCsv(text);
  auto at = [&](int line, int column, std::string_view message) {
    return ImportError{line, column, fmt::format("{}:{}:{}: {}", file, line, column, message)};
  };
  if (table.records.empty()) {
    reading.errors.push_back(table.error
                                 ? at(table.error->line, table.error->column, table.error->message)
                                 : at(1, 1, "no header row"));
    return;
  }
  std::map<std::string, size_t>& header = reading.header;
  if (!table.records.empty()) {
    for (size_t i = 0; i < table.records[0].fields.size(); ++i) {
      const CsvField& field = table.records[0].fields[i];
      const std::string name = TrimSpace(field.value);  // as the cells are
      const bool known = format == ImportFormat::kReportedSupport
                             ? std::find(ProfileColumns().begin(), ProfileColumns().end(), name) !=
                                   ProfileColumns().end()
                             : IsGeneralColumn(name);
      if (!known) {
        // A spreadsheet set to a comma as decimal mark saves its columns separated by ';'.
        const bool semicolons =
            table.records[0].fields.size() == 1 && name.find(';') != std::string::npos;
        reading.errors.push_back(
            at(field.line, field.column,
               fmt::format("unknown column \"{}\"{}", name,
                           semicolons ? " (columns separated by ';': save the file with commas "
                                        "between columns, as RFC 4180 CSV)"
                                      : "")));
      } else if (!header.emplace(name, i).second) {
        reading.errors.push_back(
            at(field.line, field.column, fmt::format("duplicate column \"{}\"", name)));
      }
    }
    if (format != ImportFormat::kReportedSupport && !header.contains("type")) {
      reading.errors.push_back(at(1, 1, "the header has no column \"type\""));
    }
  }
  if (!reading.errors.empty()) return;
  const size_t width = table.records[0].fields.size();
  for (size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    if (record.fields.size() != width) {
      const CsvField& where = record.fields[std::min(width, record.fields.size() - 1)];
      reading.errors.push_back(
          at(where.line, where.column,
             fmt::format("{} fields, the header has {}", record.fields.size(), width)));
      continue;
    }
    std::map<std::string, Cell> cells;
    for (const auto& [name, index] : header) {
      cells[name] = Cell{TrimSpace(record.fields[index].value), record.fields[index].column};
    }
    auto position = [&](const std::string& column) {
      auto it = header.find(column);
      return it == header.end()
                 ? std::pair{record.line, 1}
                 : std::pair{record.fields[it->second].line, record.fields[it->second].column};
    };
    RowConverter converter(cells, format, areas);
    const json object = converter.Convert();
    std::vector<std::pair<std::string, std::string>> errors = converter.errors();
    ParsedEvent parsed = ParseEvent(object, EventForm::kInput, context);
    for (const FieldError& error : parsed.errors) {
      const std::string column = ColumnOfPath(error.path, format);
      // Two fields of one column (a profile's `unit` gives `unit` and `item`) can fail alike: the
      // row has one error there, said once.
      const std::pair<std::string, std::string> named{column, error.message};
      if (!Converted(converter.errors(), column) &&
          std::find(errors.begin(), errors.end(), named) == errors.end()) {
        errors.push_back(named);
      }
    }
    std::stable_sort(errors.begin(), errors.end(), [&](const auto& a, const auto& b) {
      return position(a.first) < position(b.first);
    });
    for (const auto& [column, message] : errors) {
      const auto [line, col] = position(column);
      reading.errors.push_back(at(line, col, fmt::format("{}: {}", column, message)));
    }
    if (!errors.empty()) continue;
    ImportRow& row = reading.rows.emplace_back(ImportRow{record.line, std::move(parsed.event), {}});
    row.cells.reserve(record.fields.size());
    for (const CsvField& field : record.fields) row.cells.emplace_back(field.line, field.column);
  }
  if (table.error) {
    reading.errors.push_back(at(table.error->line, table.error->column, table.error->message));
  }
}

void ReadJsonLines(const std::string& file, std::string_view text, const ValidationContext& context,
                   ImportReading& reading) {
  int line = 0;
  size_t start = 0;
  while (start < text.size()) {
    ++line;
    const size_t stop = std::min(text.find('\n', start), text.size());
    std::string_view row = text.substr(start, stop - start);
    start = stop + 1;
    if (row.ends_with('\r')) row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue;
    ParsedEvent parsed = ParseEventText(row, EventForm::kInput, context);
    for (const FieldError& error : parsed.errors) {
      reading.errors.push_back({line, 0, fmt::format("{}:{}: {}", file, line, error.ToString())});
    }
    if (parsed.ok()) reading.rows.push_back({line, std::move(parsed.event), {}});
  }
}

}  // namespace

std::string ColumnOfPath(std::string_view path, ImportFormat format) {
  const std::string_view head = path.substr(0, path.find_first_of(".["));
  const bool profile = format == ImportFormat::kReportedSupport;
  if (head == "amount") {
    if (profile) return "amount_eur";
    return path == "amount.currency" ? "currency" : "amount";
  }
  if (head == "period") return path == "period.to" ? "period_to" : "period_from";
  if (head == "recorded_by") return path == "recorded_by.user" ? "user" : "institution";
  if (head == "evidence") {
    if (profile) return "source";
    int index = 0;
    if (path.size() > head.size() && path[head.size()] == '[') {
      index = std::atoi(std::string(path.substr(head.size() + 1)).c_str());
    }
    const std::string column =
        path.find(".sha256") != std::string_view::npos ? "evidence_sha256" : "evidence_reference";
    return index == 0 ? column : fmt::format("{}_{}", column, index + 1);
  }
  if (profile) {
    if (head == "type") return "kind";
    if (head == "commitments") return "area";
    if (head == "item") return "unit";
  }
  return std::string(head);
}

Result<AreaMap> ParseAreaMap(std::string_view text) {
  const json object = json::parse(text, nullptr, false);
  if (!object.is_object()) return Error{"not a JSON object", ""};
  AreaMap areas;
  for (const auto& [area, ids] : object.items()) {
    if (!ids.is_array()) return Error{"not an array of commitment ids", area};
    for (const json& id : ids) {
      if (!id.is_string()) return Error{"not an array of commitment ids", area};
      areas[area].push_back(id.get<std::string>());
    }
  }
  return areas;
}

FlatEvent ParseFlatEvent(const std::map<std::string, std::string>& columns,
                         const ValidationContext& context) {
  FlatEvent flat;
  std::map<std::string, Cell> cells;
  for (const auto& [column, value] : columns) {
    if (!IsGeneralColumn(column)) {
      flat.errors.push_back({column, column, "unknown field"});
    } else if (std::optional<size_t> bad = text::FindInvalidUtf8(value)) {
      // Named by its place: the value itself would print bytes a terminal cannot show.
      flat.errors.push_back({column, column, fmt::format("invalid UTF-8 at byte {}", *bad + 1)});
    } else {
      cells[column] = Cell{TrimSpace(value), 0};
    }
  }
  static const AreaMap kNoAreas;
  RowConverter converter(cells, ImportFormat::kCsv, kNoAreas);
  const json object = converter.Convert();
  for (const auto& [column, message] : converter.errors()) {
    flat.errors.push_back({column, column, message});
  }
  ParsedEvent parsed = ParseEvent(object, EventForm::kInput, context);
  for (const FieldError& error : parsed.errors) {
    const std::string column = ColumnOfPath(error.path, ImportFormat::kCsv);
    if (!Converted(converter.errors(), column)) {
      flat.errors.push_back({column, error.path, error.message});
    }
  }
  std::stable_sort(flat.errors.begin(), flat.errors.end(),
                   [](const FlatError& a, const FlatError& b) { return a.column < b.column; });
  if (flat.errors.empty()) flat.event = std::move(parsed.event);
  return flat;
}

ImportReading ReadImportFile(const std::string& file, std::string_view text, ImportFormat format,
                             const ValidationContext& context, const AreaMap& areas) {
  ImportReading reading;
  reading.file = file;
  reading.format = format;
  if (format == ImportFormat::kJsonLines) {
    ReadJsonLines(file, text, context, reading);
  } else {
    ReadCsvRows(file, text, format, context, areas, reading);
  }
  return reading;
}

ImportError ImportReading::ErrorOf(const ImportRow& row, const FieldError& error) const {
  if (format == ImportFormat::kJsonLines) {
    return {row.line, 0, fmt::format("{}:{}: {}", file, row.line, error.ToString())};
  }
  const std::string column = ColumnOfPath(error.path, format);
  const auto index = header.find(column);
  const auto [line, col] = index != header.end() && index->second < row.cells.size()
                               ? row.cells[index->second]
                               : std::pair{row.line, 1};
  return {line, col, fmt::format("{}:{}:{}: {}: {}", file, line, col, column, error.message)};
}

}  // namespace treaty::ledger
