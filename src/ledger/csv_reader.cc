#include "ledger/csv_reader.h"

#include "text/utf8.h"

namespace treaty::ledger {
namespace {

// Walks the bytes, tracking the physical line and the character column of the next byte.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  int line() const { return line_; }
  int column() const { return column_; }

  // Consumes one byte; a line feed starts the next line.
  char take() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
    return c;
  }
  // A carriage return is next that does not end a line (CR LF, or CR as the last byte).
  bool AtLoneCarriageReturn() const {
    return !done() && peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n';
  }
  // Consumes a line end (LF or CR LF) if one is next; true when it did.
  bool TakeLineEnd() {
    if (!done() && peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      ++pos_;
    }
    if (!done() && peek() == '\n') {
      take();
      return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

// Lines end with LF or CR LF (§7.1); a CR elsewhere is data only inside quotes.
constexpr const char* kLoneCarriageReturn =
    "a carriage return not followed by a line feed outside quotes (lines end with LF or CR LF)";

// Position (line, column) of byte `offset` of `text`.
std::pair<int, int> PositionOf(std::string_view text, size_t offset) {
  Cursor cursor(text);
  for (size_t i = 0; i < offset; ++i) cursor.take();
  return {cursor.line(), cursor.column()};
}

}  // namespace

CsvTable ReadCsv(std::string_view text) {
  CsvTable table;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (std::optional<size_t> bad = text::FindInvalidUtf8(text)) {
    const auto [line, column] = PositionOf(text, *bad);
    table.error = CsvSyntaxError{line, column, "invalid UTF-8"};
    return table;
  }
  Cursor cursor(text);
  auto fail = [&](int line, int column, std::string message) {
    table.error = CsvSyntaxError{line, column, std::move(message)};
    return table;
  };
  while (!cursor.done()) {
    if (cursor.TakeLineEnd()) continue;  // an empty line
    CsvRecord record;
    record.line = cursor.line();
    for (;;) {
      CsvField field;
      field.line = cursor.line();
      field.column = cursor.column();
      if (!cursor.done() && cursor.peek() == '"') {
        cursor.take();
        for (;;) {
          if (cursor.done()) return fail(field.line, field.column, "unterminated quoted field");
          const char c = cursor.take();
          if (c != '"') {
            field.value += c;
          } else if (!cursor.done() && cursor.peek() == '"') {
            field.value += cursor.take();
          } else {
            break;
          }
        }
        if (cursor.AtLoneCarriageReturn()) {
          return fail(cursor.line(), cursor.column(), kLoneCarriageReturn);
        }
        if (!cursor.done() && cursor.peek() != ',' && cursor.peek() != '\n' &&
            cursor.peek() != '\r') {
          return fail(cursor.line(), cursor.column(), "text after a closing quote");
        }
      } else {
        while (!cursor.done() && cursor.peek() != ',' && cursor.peek() != '\n') {
          if (cursor.AtLoneCarriageReturn()) {
            return fail(cursor.line(), cursor.column(), kLoneCarriageReturn);
          }
          if (cursor.peek() == '\r') break;
          if (cursor.peek() == '"') {
            return fail(cursor.line(), cursor.column(), "'\"' inside an unquoted field");
          }
          field.value += cursor.take();
        }
      }
      record.fields.push_back(std::move(field));
      if (!cursor.done() && cursor.peek() == ',') {
        cursor.take();
        continue;
      }
      if (!cursor.done() && cursor.peek() == '\r') cursor.take();
      cursor.TakeLineEnd();
      break;
    }
    table.records.push_back(std::move(record));
  }
  return table;
}

}  // namespace treaty::ledger
