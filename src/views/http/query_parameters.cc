#include "views/http/query_parameters.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace treaty::http {

Result<QueryParameters> QueryParameters::Read(const std::string& openapi,
                                              const std::string& where) {
  const nlohmann::json document = nlohmann::json::parse(openapi, nullptr, false);
  if (document.is_discarded()) return Error{"not JSON", where};
  if (!document.contains("paths") || !document["paths"].is_object()) {
    return Error{"no paths: not an OpenAPI document", where};
  }
  QueryParameters out;
  for (const auto& [pattern, operations] : document["paths"].items()) {
    if (!operations.is_object()) continue;
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object()) continue;
      std::string upper = method;
      std::transform(upper.begin(), upper.end(), upper.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      std::set<std::string>& names = out.by_operation_[{upper, pattern}];
      for (const auto* list : {&operation, &operations}) {
        if (!list->contains("parameters") || !(*list)["parameters"].is_array()) continue;
        for (const nlohmann::json& parameter : (*list)["parameters"]) {
          if (parameter.value("in", "") == "query") names.insert(parameter.value("name", ""));
        }
      }
    }
  }
  return out;
}

std::string QueryParameters::Problem(const std::string& method, const std::string& pattern,
                                     const std::map<std::string, std::string>& names) const {
  const auto documented = by_operation_.find({method, pattern});
  if (documented == by_operation_.end()) return "";
  for (const auto& [name, value] : names) {
    if (documented->second.contains(name)) continue;
    if (documented->second.empty()) {
      return fmt::format("unknown query parameter \"{}\": {} {} takes none", name, method, pattern);
    }
    return fmt::format("unknown query parameter \"{}\": {} {} takes {}", name, method, pattern,
                       fmt::join(documented->second, ", "));
  }
  return "";
}

}  // namespace treaty::http
