// Exports of the ledger: events as CSV, a workbook of events and commitments as XLSX, and the
// financial commitments with their transactions as IATI 2.03 activity XML (src/views/export).
// Each export is the folded view over the events the caller may see: a reader's exports are
// made from public events only, read with the store's classification filter, as the event list.
#include <variant>

#include <fmt/format.h>

#include "views/export/event_csv.h"
#include "views/export/iati_writer.h"
#include "views/export/ledger_entries.h"
#include "views/export/workbook.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

// The folded entries the caller may see, or the response that says why there are none: 503 for
// every export alike when the ledger cannot be opened or read, stored bytes that do not read as
// an event included.
// With `end`, the events of the leaves below it: those of a status shown beside them.
std::variant<std::vector<views::LedgerEntry>, HttpResponse> VisibleEntries(
    Site& site, const RequestContext& context, std::optional<int64_t> end = std::nullopt) {
  Result<Pool<ledger::LedgerStore>::Lease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailable(store.error());
  Result<std::vector<views::LedgerEntry>> raw =
      views::ReadVisibleEntries(*store.value(), site.agreement_id(), AudienceOf(context), end);
  if (!raw.ok()) return LedgerReadFailure(503, raw.error(), context);
  Result<std::vector<views::LedgerEntry>> entries = views::FoldedEntries(std::move(raw).value());
  if (!entries.ok()) return LedgerReadFailure(503, entries.error(), context);
  return std::move(entries).value();
}

HttpResponse Attachment(std::string content_type, std::string body, const std::string& filename) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}\"", filename));
  return response;
}

}  // namespace

void AddExportRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/export/csv", Access::kPublic, [&site](RequestContext& context) {
                auto entries = VisibleEntries(site, context);
                if (auto* refused = std::get_if<HttpResponse>(&entries)) return *refused;
                const auto& visible = std::get<std::vector<views::LedgerEntry>>(entries);
                return Attachment("text/csv; charset=utf-8; header=present",
                                  views::EventsCsv(visible), site.agreement_id() + "-events.csv");
              }});
  router.Add(
      {"GET", "/api/v1/export/xlsx", Access::kPublic, [&site](RequestContext& context) {
         Result<std::shared_ptr<const EvaluatedStatus>> status = StatusFor(site, context, "");
         if (!status.ok()) return StatusError(status.error(), context);
         auto entries = VisibleEntries(site, context, status.value()->status.tree_size);
         if (auto* refused = std::get_if<HttpResponse>(&entries)) return *refused;
         const auto& visible = std::get<std::vector<views::LedgerEntry>>(entries);
         views::WorkbookOptions options;
         const document::AgreementPackage& package = site.agreement().package;
         options.title = DisplayTitle(package);
         options.status = &status.value()->status;
         Result<std::string> workbook =
             views::WriteWorkbook(visible, site.agreement().reviewed, options);
         if (!workbook.ok()) return ErrorResponse(500, workbook.error().ToString());
         return Attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           std::move(workbook).value(), site.agreement_id() + "-ledger.xlsx");
       }});
  router.Add(
      {"GET", "/api/v1/export/iati", Access::kPublic, [&site](RequestContext& context) {
         Result<std::shared_ptr<const EvaluatedStatus>> status = StatusFor(site, context, "");
         if (!status.ok()) return StatusError(status.error(), context);
         auto entries = VisibleEntries(site, context, status.value()->status.tree_size);
         if (auto* refused = std::get_if<HttpResponse>(&entries)) return *refused;
         const auto& visible = std::get<std::vector<views::LedgerEntry>>(entries);
         Result<views::IatiFile> file = views::WriteIatiActivities(site.agreement(), site.keys(),
                                                                   visible, status.value()->status);
         if (!file.ok()) {
           return ErrorResponse(file.error().where == "iati" ? 404 : 500, file.error().message);
         }
         return Attachment("application/xml", std::move(file.value().xml),
                           site.agreement_id() + "-iati.xml");
       }});
}

}  // namespace treaty::http
