// The groups of the route table, each registered by the file that handles it. Handlers capture
// the site by reference: it outlives the router.
#pragma once

#include "views/http/metrics.h"
#include "views/http/router.h"
#include "views/http/site.h"
#include "views/http/status_service.h"

namespace treaty::http {

// /healthz, /metrics, /api/v1/openapi.json (serving `openapi`, the document's text),
// /static/{file}.
void AddOperationsRoutes(Router& router, Site& site, Metrics& metrics, std::string openapi);
// Sign-in and sign-out (pages and API), /api/v1/me, users and tokens.
void AddAccountRoutes(Router& router, Site& site);
// The agreement: metadata, provisions, commitments, search, exports of the text.
void AddAgreementRoutes(Router& router, Site& site);
// The ledger: events (list, one, record, correct), proofs, tree heads.
void AddLedgerRoutes(Router& router, Site& site);
// Exports of the ledger: events as CSV, events and commitments as XLSX, IATI activity XML.
void AddExportRoutes(Router& router, Site& site);
// Status, deadlines and the calendar from the evaluation stage.
void AddStatusRoutes(Router& router, Site& site);
// Reviews of commitments (review_store.h).
void AddReviewRoutes(Router& router, Site& site);
// The HTML pages and their forms: the overview, the text, the commitments with the review form,
// the ledger, and the record form.
void AddOverviewPage(Router& router, Site& site);
void AddTextPage(Router& router, Site& site);
void AddCommitmentPages(Router& router, Site& site);
void AddLedgerPage(Router& router, Site& site);
void AddRecordPages(Router& router, Site& site);
// The search page (search_request.h).
void AddSearchPage(Router& router, Site& site);

// What a failure to read the ledger tells the caller: its detail, which may name an event or
// quote it, only to a caller who sees restricted events; "the ledger cannot be read" to anyone
// else.
std::string LedgerReadMessage(const Error& error, const RequestContext& context);

// The response to a failure to read the ledger, as JSON or as a page: `status` with
// LedgerReadMessage, and the detail in the request log whoever the caller is.
HttpResponse LedgerReadFailure(int status, const Error& error, const RequestContext& context);
HttpResponse LedgerReadFailurePage(int status, const Error& error, const RequestContext& context);

// The response to a ledger store that cannot be had from the pool (503), with why in the log.
HttpResponse LedgerUnavailable(const Error& error);
HttpResponse LedgerUnavailablePage(const Error& error);

// The response for an error of StatusFor: 400 for a bad ?at=, else 503 (LedgerReadMessage's
// detail). StatusErrorPage: the same as an HTML page.
HttpResponse StatusError(const Error& error, const RequestContext& context);
HttpResponse StatusErrorPage(const Error& error, const RequestContext& context);

// Whose events the caller sees: all of them when SeesRestricted, else the public ones.
evaluation::Audience AudienceOf(const RequestContext& context);

// The status for the caller (public events only for readers) at ?at= (status_service.h).
// Errors: `where` "at" for a bad moment, else the ledger or the evaluation failed.
Result<std::shared_ptr<const EvaluatedStatus>> StatusFor(Site& site, const RequestContext& context,
                                                         const std::string& at);

}  // namespace treaty::http
