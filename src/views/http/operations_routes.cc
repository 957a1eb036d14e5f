// Health, metrics, the OpenAPI document and static files.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "views/http/entity_tag.h"
#include "views/http/page.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string ContentTypeOf(const std::string& name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  if (name.ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

void AddOperationsRoutes(Router& router, Site& site, Metrics& metrics, std::string openapi) {
  router.Add({"GET", "/healthz", Access::kPublic, [&site](RequestContext& context) {
                Result<Pool<ledger::LedgerStore>::Lease> store = site.ledgers().Acquire();
                if (!store.ok()) return LedgerUnavailable(store.error());
                Result<std::optional<ledger::LedgerState>> state =
                    store.value()->State(site.agreement_id());
                if (!state.ok()) return LedgerReadFailure(503, state.error(), context);
                return JsonResponse({{"status", "ok"}, {"agreement", site.agreement_id()}});
              }});
  // Admins only: the counts by route and status would tell a reader how many events, restricted
  // ones included, were recorded. A scraper uses an admin's API token.
  router.Add({"GET", "/metrics", Access::kAdmin, [&metrics](RequestContext&) {
                HttpResponse response;
                response.content_type = "text/plain; version=0.0.4; charset=utf-8";
                response.body = metrics.Text();
                return response;
              }});
  router.Add({"GET", "/api/v1/openapi.json", Access::kPublic,
              [openapi = std::move(openapi)](RequestContext&) {
                HttpResponse response;
                response.content_type = "application/json";
                response.body = openapi;
                return response;
              }});
  // Only plain file names directly in static/: no folders, no hidden files.
  const std::string folder = site.options().web_root + "/static/";
  router.Add({"GET", "/static/{file}", Access::kPublic,
              [folder](RequestContext& context) {
                static const std::regex kName("[A-Za-z0-9][A-Za-z0-9_-]*\\.[a-z0-9]+");
                const std::string& name = context.Param("file");
                std::error_code ec;
                if (!std::regex_match(name, kName) ||
                    !std::filesystem::is_regular_file(folder + name, ec)) {
                  return ProblemPage(404, "no such file");
                }
                HttpResponse response;
                response.content_type = ContentTypeOf(name);
                response.body = ReadText(folder + name);
                // Revalidated after an hour by its tag: an unchanged file is not sent again.
                const std::string etag = EntityTagOf(response.body);
                response.headers.emplace_back("ETag", etag);
                response.headers.emplace_back("Cache-Control", "public, max-age=3600");
                if (IfNoneMatchHits(context.request.Header("if-none-match"), etag)) {
                  response.status = 304;
                  response.body.clear();
                }
                return response;
              },
              false});
}

}  // namespace treaty::http
