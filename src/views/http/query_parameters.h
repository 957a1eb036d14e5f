// The query parameters of each API operation, as the API's OpenAPI document (web/openapi.json)
// names them. The server refuses any other, so that a mistyped filter (`?typ=pledge`) is an error
// and not a list left unfiltered; and the document stays the contract, as every parameter the
// server reads must be in it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/result.h"

namespace treaty::http {

class QueryParameters {
 public:
  // Reads the `parameters` with `"in": "query"` of every operation of the OpenAPI document
  // `openapi` (its text; `where` names it in errors). Errors: text that is not JSON, and a
  // document without `paths`.
  static Result<QueryParameters> Read(const std::string& openapi, const std::string& where);

  // Why the query names `names` do not fit the operation `method` `pattern` ("GET",
  // "/api/v1/events"): the first name it does not document, with those it does; empty when all
  // fit, and for an operation the document does not describe.
  std::string Problem(const std::string& method, const std::string& pattern,
                      const std::map<std::string, std::string>& names) const;

 private:
  std::map<std::pair<std::string, std::string>, std::set<std::string>> by_operation_;
};

}  // namespace treaty::http
