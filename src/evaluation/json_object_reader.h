// Reading a JSON object member by member, each error naming the member's path
// ("field notices[2].date"): shared by the readers of evaluation's JSON inputs.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "evaluation/date.h"
#include "evaluation/period.h"

namespace treaty::evaluation {

// Reads the members of one JSON object, naming each by its path in errors.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& object, std::string path)
      : object_(object), path_(std::move(path)) {}

  // An error unless the value is an object whose members are all in `allowed`; one that is not
  // is named by its path, with the members there are ("field activity: unknown member (known:
  // notices, ukraine_nato_membership, activities)").
  Result<bool> Check(const std::vector<std::string_view>& allowed) const {
    if (!object_.is_object()) return Error{"should be an object", Where()};
    for (const auto& [name, value] : object_.items()) {
      bool known = false;
      for (std::string_view candidate : allowed) known = known || name == candidate;
      if (!known) {
        return Error{fmt::format("unknown member (known: {})", fmt::join(allowed, ", ")),
                     Where(name)};
      }
    }
    return true;
  }
  bool Has(const std::string& name) const { return object_.contains(name); }
  // The reader of member `name`. REQUIRES: Has(name).
  ObjectReader Child(const std::string& name) const { return ObjectReader(Get(name), Path(name)); }
  const nlohmann::json& object() const { return object_; }
  const nlohmann::json& Get(const std::string& name) const { return object_.at(name); }
  std::string Path(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
  }

  Result<std::string> String(const std::string& name, bool required = true) const {
    if (!Has(name)) {
      if (required) return Error{"missing", Where(name)};
      return std::string();
    }
    if (!Get(name).is_string()) return Error{"should be a string", Where(name)};
    return Get(name).get<std::string>();
  }
  Result<Date> DateValue(const std::string& name) const {
    Result<std::string> text = String(name);
    if (!text.ok()) return text.error();
    return ParseDate(text.value(), Where(name));
  }
  Result<Period> PeriodValue(const std::string& name) const {
    Result<std::string> text = String(name);
    if (!text.ok()) return text.error();
    return ParsePeriod(text.value(), Where(name));
  }
  std::string Where(const std::string& name = "") const {
    return "field " + (name.empty() ? (path_.empty() ? std::string("(top)") : path_) : Path(name));
  }

 private:
  const nlohmann::json& object_;
  std::string path_;
};

}  // namespace treaty::evaluation
