#include "views/export/workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "evaluation/lifecycle.h"
#include "ledger/currency.h"
#include "text/source_reader.h"
#include "views/export/event_columns.h"
#include "views/export/xml_text.h"

namespace treaty::views {
namespace {

// Reads `count` digits at `at` of `text`; false when they are not all there.
bool Digits(const std::string& text, size_t at, size_t count, int& value) {
  if (text.size() < at + count) return false;
  const char* begin = text.data() + at;
  auto [end, error] = std::from_chars(begin, begin + count, value);
  return error == std::errc() && end == begin + count;
}

// A date (YYYY-MM-DD) or timestamp (YYYY-MM-DDTHH:MM:SS[.f…]Z) as an Excel date; false when it
// does not read.
bool ToDatetime(const std::string& text, CellKind kind, lxw_datetime& datetime) {
  datetime = {};
  if (!Digits(text, 0, 4, datetime.year) || !Digits(text, 5, 2, datetime.month) ||
      !Digits(text, 8, 2, datetime.day)) {
    return false;
  }
  if (kind == CellKind::kDate) return text.size() == 10;
  int seconds = 0;
  if (!Digits(text, 11, 2, datetime.hour) || !Digits(text, 14, 2, datetime.min) ||
      !Digits(text, 17, 2, seconds)) {
    return false;
  }
  double fraction = 0;
  if (text.size() > 20 && text[19] == '.') fraction = std::strtod(text.c_str() + 19, nullptr);
  datetime.sec = seconds + fraction;
  return true;
}

// Writes cells, keeping the first error libxlsxwriter reports.
// Whether a spreadsheet's number (a double, shown to 15 significant digits) holds the decimal
// `text` exactly: at most 15 digits from its first non-zero digit to its last.
bool FitsANumberCell(const std::string& text) {
  const size_t first = text.find_first_of("123456789");
  if (first == std::string::npos) return true;
  const size_t last = text.find_last_of("123456789");
  return std::count_if(text.begin() + static_cast<std::ptrdiff_t>(first),
                       text.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                       [](char c) { return c >= '0' && c <= '9'; }) <= 15;
}

class Sheet {
 public:
  Sheet(lxw_workbook* workbook, const char* name)
      : sheet_(workbook_add_worksheet(workbook, name)), name_(name) {}

  void Text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format = nullptr) {
    if (!text.empty()) {
      Check(worksheet_write_string(sheet_, row, col, SpreadsheetText(text).c_str(), format), row);
    }
  }
  void Number(lxw_row_t row, lxw_col_t col, double number, lxw_format* format) {
    Check(worksheet_write_number(sheet_, row, col, number, format), row);
  }
  // A number cell for the decimal `text`: sums, sorting and filters read it. One a spreadsheet's
  // number cannot hold exactly also carries the exact decimal in a comment.
  void Decimal(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    Number(row, col, std::strtod(text.c_str(), nullptr), format);
    if (!FitsANumberCell(text)) {
      Check(worksheet_write_comment(sheet_, row, col, ("exact: " + text).c_str()), row);
    }
  }
  void Datetime(lxw_row_t row, lxw_col_t col, lxw_datetime& datetime, lxw_format* format) {
    Check(worksheet_write_datetime(sheet_, row, col, &datetime, format), row);
  }
  // The header row frozen, an autofilter over `rows` rows below it, and column widths.
  void Table(const std::vector<std::string>& header, const std::vector<double>& widths,
             lxw_row_t rows, lxw_format* bold) {
    for (size_t col = 0; col < header.size(); ++col) {
      Text(0, static_cast<lxw_col_t>(col), header[col], bold);
      Check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                 widths[col], nullptr),
            0);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    Check(worksheet_autofilter(sheet_, 0, 0, rows, static_cast<lxw_col_t>(header.size() - 1)), 0);
  }
  const std::string& error() const { return error_; }

 private:
  void Check(lxw_error code, lxw_row_t row) {
    if (code != LXW_NO_ERROR && error_.empty()) {
      error_ = fmt::format("sheet {}, row {}: {}", name_, row + 1, lxw_strerror(code));
    }
  }

  lxw_worksheet* sheet_;
  std::string name_;
  std::string error_;
};

// Number formats of amounts, one per currency: its minor-unit decimals and its code.
class AmountFormats {
 public:
  explicit AmountFormats(lxw_workbook* workbook) : workbook_(workbook) {}
  lxw_format* For(const std::string& currency) {
    auto found = formats_.find(currency);
    if (found != formats_.end()) return found->second;
    const int decimals = ledger::CurrencyMinorUnit(currency).value_or(0);
    const std::string number_format = fmt::format("#,##0{}{} \"{}\"", decimals > 0 ? "." : "",
                                                  std::string(decimals, '0'), currency);
    lxw_format* format = workbook_add_format(workbook_);
    format_set_num_format(format, number_format.c_str());
    return formats_.emplace(currency, format).first->second;
  }

 private:
  lxw_workbook* workbook_;
  std::map<std::string, lxw_format*> formats_;
};

struct Formats {
  lxw_format* bold;
  lxw_format* date;
  lxw_format* timestamp;
  lxw_format* wrap;
};

double ColumnWidth(const EventColumn& column) {
  switch (column.kind) {
    case CellKind::kInteger:
      return 10;
    case CellKind::kDate:
      return 12;
    case CellKind::kTimestamp:
      return 20;
    case CellKind::kAmount:
      return 18;
    case CellKind::kText:
      break;
  }
  const std::string name = column.name;
  if (name == "id" || name == "commitments" || name == "corrected_by") return 38;
  if (name == "description" || name == "evidence_reference") return 50;
  return 16;
}

void WriteEvents(Sheet& sheet, const std::vector<LedgerEntry>& entries, const Formats& formats,
                 AmountFormats& amounts) {
  const std::vector<EventColumn>& columns = EventColumns();
  std::vector<std::string> header;
  std::vector<double> widths;
  for (const EventColumn& column : columns) {
    header.emplace_back(column.name);
    widths.push_back(ColumnWidth(column));
  }
  sheet.Table(header, widths, static_cast<lxw_row_t>(entries.size()), formats.bold);
  lxw_row_t row = 1;
  for (const LedgerEntry& entry : entries) {
    const std::vector<std::string> cells = EventCells(entry);
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      const std::string& cell = cells[i];
      lxw_datetime datetime;
      if (cell.empty()) continue;
      switch (columns[i].kind) {
        case CellKind::kInteger:
          sheet.Decimal(row, col, cell, nullptr);
          break;
        case CellKind::kAmount:
          sheet.Decimal(row, col, cell, amounts.For(cells[i + 1]));
          break;
        case CellKind::kDate:
        case CellKind::kTimestamp:
          if (ToDatetime(cell, columns[i].kind, datetime)) {
            sheet.Datetime(row, col, datetime,
                           columns[i].kind == CellKind::kDate ? formats.date : formats.timestamp);
          } else {
            sheet.Text(row, col, cell);
          }
          break;
        case CellKind::kText:
          sheet.Text(row, col, cell);
          break;
      }
    }
    ++row;
  }
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

void WriteCommitments(Sheet& sheet, const std::vector<commitments::Commitment>& commitments,
                      const evaluation::AgreementStatus* status, const Formats& formats) {
  std::vector<std::string> header = {"id",       "provision", "class", "obligors", "beneficiary",
                                     "category", "section",   "area",  "strength", "words"};
  std::vector<double> widths = {38, 28, 12, 10, 12, 15, 10, 50, 12, 80};
  std::map<std::string, const evaluation::CommitmentStatus*> by_id;
  std::map<std::string, std::vector<std::string>> lifecycle_findings;
  if (status != nullptr) {
    header.push_back(fmt::format("status at {}", status->at.ToUtcString()));
    header.emplace_back("status_summary");
    widths.insert(widths.end(), {20, 60});
    for (const evaluation::CommitmentStatus& entry : status->commitments) by_id[entry.id] = &entry;
    // The final provisions the life cycle reads have no status of their own: the Agreement's
    // state stands for them, with what the life cycle found from them.
    for (const evaluation::Reason& reason : status->lifecycle.reasons) {
      lifecycle_findings[reason.provision.commitment_id].push_back(reason.finding);
    }
  }
  lxw_row_t row = 1;
  for (const commitments::Commitment& c : commitments) {
    if (c.sentence_class != commitments::SentenceClass::kCommitment &&
        c.sentence_class != commitments::SentenceClass::kProcedure) {
      continue;
    }
    std::vector<std::string> cells = {c.id,
                                      c.source.eid,
                                      std::string(commitments::SentenceClassName(c.sentence_class)),
                                      Joined(c.obligors, "+"),
                                      c.beneficiary,
                                      std::string(commitments::CategoryName(c.area.category)),
                                      c.area.section,
                                      Joined(c.area.headings, " / "),
                                      std::string(commitments::StrengthName(c.strength)),
                                      c.source.quotes.empty() ? "" : c.source.quotes.front().text};
    if (status != nullptr) {
      const auto found = by_id.find(c.id);
      const auto findings = lifecycle_findings.find(c.id);
      if (found != by_id.end()) {
        cells.push_back(found->second->status);
        cells.push_back(found->second->summary);
      } else if (findings != lifecycle_findings.end()) {
        cells.emplace_back(evaluation::LifecycleStateName(status->lifecycle.state));
        cells.push_back(Joined(findings->second, "; "));
      } else {
        cells.insert(cells.end(), {"", ""});
      }
    }
    for (size_t i = 0; i < cells.size(); ++i) {
      sheet.Text(row, static_cast<lxw_col_t>(i), cells[i], i == 9 ? formats.wrap : nullptr);
    }
    ++row;
  }
  sheet.Table(header, widths, row - 1, formats.bold);
}

// Removes the temporary workbook file however the writing ends.
struct TemporaryFile {
  std::string path;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

Result<std::string> WriteWorkbook(const std::vector<LedgerEntry>& entries,
                                  const std::vector<commitments::Commitment>& commitments,
                                  const WorkbookOptions& options) {
  if (entries.size() >= LXW_ROW_MAX) {
    return Error{fmt::format("{} events do not fit in one sheet ({} rows at most)", entries.size(),
                             LXW_ROW_MAX - 1),
                 "xlsx"};
  }
  std::string path =
      (std::filesystem::temp_directory_path() / "treaty-workbook-XXXXXX.xlsx").string();
  const int descriptor = ::mkstemps(path.data(), 5);
  if (descriptor < 0) return Error{"cannot create a temporary file", path};
  ::close(descriptor);
  const TemporaryFile temporary{path};

  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) {
    return Error{"libxlsxwriter cannot open the temporary file", path};
  }
  std::string title = options.title;  // libxlsxwriter takes a char* it does not change
  lxw_doc_properties properties = {};
  properties.title = title.data();
  workbook_set_properties(workbook, &properties);
  Formats formats{workbook_add_format(workbook), workbook_add_format(workbook),
                  workbook_add_format(workbook), workbook_add_format(workbook)};
  format_set_bold(formats.bold);
  format_set_num_format(formats.date, "yyyy-mm-dd");
  format_set_num_format(formats.timestamp, "yyyy-mm-dd hh:mm:ss");
  format_set_text_wrap(formats.wrap);
  AmountFormats amounts(workbook);

  Sheet events(workbook, "Events");
  WriteEvents(events, entries, formats, amounts);
  Sheet commitment_sheet(workbook, "Commitments");
  WriteCommitments(commitment_sheet, commitments, options.status, formats);

  const lxw_error closed = workbook_close(workbook);
  for (const Sheet* sheet : {&events, &commitment_sheet}) {
    if (!sheet->error().empty()) return Error{sheet->error(), "xlsx"};
  }
  if (closed != LXW_NO_ERROR) {
    return Error{fmt::format("libxlsxwriter: {}", lxw_strerror(closed)), path};
  }
  return text::ReadFile(path);
}

}  // namespace treaty::views
