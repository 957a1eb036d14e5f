// Test helper: validates an XML string against a local XSD with libxml2, without network access.
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

#include <map>
#include <memory>
#include <string>

namespace treaty::test {

namespace xml_schema_internal {

// libxml2 2.12 made the error argument const.
#if LIBXML_VERSION >= 21200
using ErrorArg = const xmlError*;
#else
using ErrorArg = xmlError*;
#endif

inline void CollectError(void* user, ErrorArg error) {
  auto* out = static_cast<std::string*>(user);
  *out += "line " + std::to_string(error->line) + ": " + (error->message ? error->message : "?");
  if (out->back() != '\n') out->push_back('\n');
}

struct SchemaFree {
  void operator()(xmlSchema* schema) const { xmlSchemaFree(schema); }
};
struct SchemaValidCtxtFree {
  void operator()(xmlSchemaValidCtxt* context) const { xmlSchemaFreeValidCtxt(context); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// The parsed schema at `xsd_path`, parsed once per path and kept for the process; nullptr with
// `errors` filled when it does not load. Not thread-safe.
inline xmlSchema* LoadSchema(const std::string& xsd_path, std::string* errors) {
  static std::map<std::string, std::unique_ptr<xmlSchema, SchemaFree>> cache;
  auto found = cache.find(xsd_path);
  if (found != cache.end()) return found->second.get();
  xmlSchemaParserCtxt* parser = xmlSchemaNewParserCtxt(xsd_path.c_str());
  if (parser == nullptr) {
    *errors += "cannot open schema " + xsd_path + "\n";
    return nullptr;
  }
  xmlSchemaSetParserStructuredErrors(parser, CollectError, errors);
  xmlSchema* schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (schema == nullptr) return nullptr;
  return cache.emplace(xsd_path, schema).first->second.get();
}

}  // namespace xml_schema_internal

// Empty when `xml` is well-formed and valid against the schema at `xsd_path`; otherwise the
// parser's and validator's messages, one a line. Not thread-safe (libxml2 globals, schema cache).
inline std::string SchemaErrors(const std::string& xml, const std::string& xsd_path) {
  using namespace xml_schema_internal;
  std::string errors;
  xmlSchema* schema = LoadSchema(xsd_path, &errors);
  if (schema == nullptr) return errors.empty() ? "cannot parse schema " + xsd_path : errors;

  xmlResetLastError();
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "export.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) {
    const xmlError* error = xmlGetLastError();
    return "not well-formed XML: " + std::string(error && error->message ? error->message : "?");
  }

  std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtFree> context(xmlSchemaNewValidCtxt(schema));
  xmlSchemaSetValidStructuredErrors(context.get(), CollectError, &errors);
  const int result = xmlSchemaValidateDoc(context.get(), doc.get());
  if (result != 0 && errors.empty())
    errors = "invalid (libxml2 code " + std::to_string(result) + ")";
  return errors;
}

}  // namespace treaty::test
