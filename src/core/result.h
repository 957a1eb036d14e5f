// Expected failures as values: a Result<T> holds either a T or an Error saying what went wrong
// and where. Stages return these instead of throwing.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace treaty {

struct Error {
  std::string message;  // what went wrong, for a person
  std::string where;    // "file:line", "file: byte 123", "field amount", or empty
  std::string ToString() const { return where.empty() ? message : where + ": " + message; }
};

template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const Error& error() const { return std::get<Error>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace treaty
