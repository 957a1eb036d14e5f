// The status of the agreement at a date, its deadlines and the calendar, as the evaluation stage
// gives them (status_service.h). A reader's status is evaluated over public events only.
#include <fmt/format.h>

#include "evaluation/amount_text.h"
#include "evaluation/period.h"
#include "evaluation/status_words.h"
#include "evaluation/term_words.h"
#include "views/http/content_coding.h"
#include "views/http/entity_tag.h"
#include "views/http/page.h"
#include "views/http/routes.h"
#include "views/http/status_service.h"
#include "views/http/status_view.h"

namespace treaty::http {
evaluation::Audience AudienceOf(const RequestContext& context) {
  return context.SeesRestricted() ? evaluation::Audience::kAll : evaluation::Audience::kPublic;
}

Result<std::shared_ptr<const EvaluatedStatus>> StatusFor(Site& site, const RequestContext& context,
                                                         const std::string& at) {
  Result<evaluation::Instant> moment = RequestedMoment(at);
  if (!moment.ok()) return Error{moment.error().ToString(), "at"};
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      site.status().StatusAt(site.ledgers(), AudienceOf(context), moment.value());
  if (!status.ok()) return Error{status.error().ToString(), "evaluation"};
  return status;
}

std::string LedgerReadMessage(const Error& error, const RequestContext& context) {
  const std::string generic = "the ledger cannot be read";
  return context.SeesRestricted() ? generic + ": " + error.ToString() : generic;
}

HttpResponse LedgerReadFailure(int status, const Error& error, const RequestContext& context) {
  return ServerFailure(status, LedgerReadMessage(error, context), error);
}

HttpResponse LedgerReadFailurePage(int status, const Error& error, const RequestContext& context) {
  return WithLogDetail(ProblemPage(status, LedgerReadMessage(error, context)), error);
}

HttpResponse LedgerUnavailable(const Error& error) {
  return ServerFailure(503, "the ledger cannot be opened", error);
}

HttpResponse LedgerUnavailablePage(const Error& error) {
  return WithLogDetail(ProblemPage(503, "the ledger cannot be opened"), error);
}

HttpResponse StatusError(const Error& error, const RequestContext& context) {
  if (error.where == "at") return ErrorResponse(400, error.message);
  return LedgerReadFailure(503, Error{error.message, ""}, context);
}

HttpResponse StatusErrorPage(const Error& error, const RequestContext& context) {
  if (error.where == "at") return ProblemPage(400, error.message);
  return LedgerReadFailurePage(503, Error{error.message, ""}, context);
}

namespace {

// The cached status JSON, gzip-coded when the client accepts it, 304 when the client holds it.
HttpResponse StatusDocument(const HttpRequest& request,
                            const std::shared_ptr<const EvaluatedStatus>& status) {
  const bool gzip = AcceptsGzip(request.Header("accept-encoding"));
  const std::string& etag = gzip ? status->etag_gzip : status->etag;
  HttpResponse response;
  response.content_type = "application/json";
  response.headers.emplace_back("ETag", etag);
  response.headers.emplace_back("Vary", "Accept-Encoding, Authorization, Cookie");
  response.headers.emplace_back("Cache-Control", "private, no-cache");
  if (IfNoneMatchHits(request.Header("if-none-match"), etag)) {
    response.status = 304;
    return response;
  }
  if (gzip) response.headers.emplace_back("Content-Encoding", "gzip");
  response.shared_body =
      std::shared_ptr<const std::string>(status, gzip ? &status->json_gzip : &status->json);
  return response;
}

HttpResponse CalendarPage(Site& site, RequestContext& context) {
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  ctemplate::TemplateDictionary body("calendar");
  body.SetValue("AT", status.value()->status.at.LocalDate().ToString());
  for (const evaluation::DeadlineStatus& deadline : status.value()->status.deadlines) {
    ctemplate::TemplateDictionary* row = body.AddSectionDictionary("DEADLINE");
    row->SetValue("DATE", deadline.deadline.date.ToString());
    row->SetValue("TITLE", deadline.deadline.title);
    row->SetValue("STATE", deadline.state);
    row->SetValue("STATE_WORDS", evaluation::StatusWords(deadline.state));
    row->SetValue("EID", deadline.deadline.source.eid);
    // A commitment's deadline names what it promises; the life cycle's are the Agreement's own.
    if (const commitments::Commitment* commitment = site.FindCommitment(deadline.commitment_id)) {
      ctemplate::TemplateDictionary* of = row->AddSectionDictionary("OF_COMMITMENT");
      of->SetValue("ID", commitment->id);
      of->SetValue("COMMITMENT_TITLE", commitments::Title(*commitment));
    } else {
      row->ShowSection("OF_AGREEMENT");
    }
  }
  for (const evaluation::Deadline& duty : status.value()->status.calendar) {
    if (!duty.yearly_until) continue;
    ctemplate::TemplateDictionary* row = body.AddSectionDictionary("DUTY");
    row->SetValue("DATE", duty.date.ToString());
    row->SetValue("UNTIL", duty.yearly_until->ToString());
    row->SetValue("TITLE", duty.title);
    row->SetValue("EID", duty.source.eid);
    for (const evaluation::Deadline& occurrence : status.value()->status.calendar) {
      if (occurrence.occurrence_of != duty.key) continue;
      ctemplate::TemplateDictionary* apart = row->AddSectionDictionary("APART");
      apart->SetValue("APART_DATE", occurrence.date.ToString());
      apart->SetValue("APART_TITLE", occurrence.title);
    }
  }
  CarryAt(context, body);
  return RenderPage(context, "calendar", "Calendar", "calendar.tpl", body);
}

HttpResponse ConsultationsPage(Site& site, RequestContext& context) {
  // The clock runs to the second: the status now, not at the end of the day, unless ?at= names
  // a moment (a date: its last second, as every status reads one).
  auto query = context.request.Query();
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context,
                query["at"].empty() ? evaluation::CurrentInstant().ToUtcString() : query["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  ctemplate::TemplateDictionary body("consultations");
  body.SetValue("AT", status.value()->status.at.ToString());
  bool any = false;
  for (const evaluation::CommitmentStatus& entry : status.value()->status.commitments) {
    if (entry.rule != "consultations") continue;
    any = true;
    ctemplate::TemplateDictionary* procedure = body.AddSectionDictionary("PROCEDURE");
    procedure->SetValue("ID", entry.id);
    FillCommitmentTitle(site.FindCommitment(entry.id), entry.id, *procedure);
    procedure->SetValue("STATUS", entry.status);
    procedure->SetValue("STATUS_WORDS", evaluation::StatusWords(entry.status));
    procedure->SetValue("SUMMARY", entry.summary);
    procedure->SetValue("WINDOW", evaluation::PeriodInWords(entry.progress.value("window", "")));
    procedure->SetValue("SUBTYPE",
                        evaluation::TermWords(entry.progress.value("request_subtype", "")));
    for (const nlohmann::json& request :
         entry.progress.value("requests", nlohmann::json::array())) {
      procedure->ShowSection("HAS_REQUESTS");
      ctemplate::TemplateDictionary* row = procedure->AddSectionDictionary("REQUEST");
      row->SetValue("REQUEST_ID", request.value("request", ""));
      row->SetValue("BY", request.value("requested_by", ""));
      row->SetValue("OPENS", request.value("opens", ""));
      row->SetValue("CLOSES", request.value("closes", ""));
      row->SetValue("STATE", request.value("state", ""));
      row->SetValue("STATE_WORDS", evaluation::StatusWords(request.value("state", "")));
      row->SetValue("RESPONSE_AT", request.value("response_at", ""));
      if (request.contains("time_left_seconds")) {
        const int64_t left = request["time_left_seconds"].get<int64_t>();
        row->SetValue("TIME_LEFT", evaluation::TimeLeftText(left));
      }
    }
    for (const evaluation::Reason& reason : entry.reasons) {
      ctemplate::TemplateDictionary* row = procedure->AddSectionDictionary("REASON");
      row->SetValue("FINDING", reason.finding);
      row->SetValue("EID", reason.provision.eid);
    }
  }
  if (!any) body.ShowSection("NONE");
  CarryAt(context, body);
  return RenderPage(context, "consultations", "Consultations", "consultations.tpl", body);
}

}  // namespace

void AddStatusRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/status", Access::kPublic, [&site](RequestContext& context) {
                Result<std::shared_ptr<const EvaluatedStatus>> status =
                    StatusFor(site, context, context.request.Query()["at"]);
                if (!status.ok()) return StatusError(status.error(), context);
                return StatusDocument(context.request, status.value());
              }});
  router.Add({"GET", "/api/v1/deadlines", Access::kPublic, [&site](RequestContext& context) {
                Result<std::shared_ptr<const EvaluatedStatus>> status =
                    StatusFor(site, context, context.request.Query()["at"]);
                if (!status.ok()) return StatusError(status.error(), context);
                const nlohmann::json json = nlohmann::json::parse(status.value()->json);
                return JsonResponse({{"agreement", json["agreement"]},
                                     {"at", json["at"]},
                                     {"deadlines", json["deadlines"]}});
              }});
  router.Add({"GET", "/api/v1/calendar.ics", Access::kPublic, [&site](RequestContext& context) {
                Result<std::shared_ptr<const EvaluatedStatus>> status =
                    StatusFor(site, context, context.request.Query()["at"]);
                if (!status.ok()) return StatusError(status.error(), context);
                HttpResponse response;
                response.content_type = "text/calendar; charset=utf-8";
                response.body = evaluation::StatusCalendar(status.value()->status,
                                                           evaluation::CurrentInstant());
                response.headers.emplace_back(
                    "Content-Disposition",
                    fmt::format("attachment; filename=\"{}.ics\"", site.agreement_id()));
                return response;
              }});
  router.Add({"GET", "/consultations", Access::kPublic,
              [&site](RequestContext& context) { return ConsultationsPage(site, context); },
              false});
  router.Add({"GET", "/calendar", Access::kPublic,
              [&site](RequestContext& context) { return CalendarPage(site, context); }, false});
}

}  // namespace treaty::http
